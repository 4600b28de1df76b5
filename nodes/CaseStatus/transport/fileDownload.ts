import type { IExecuteFunctions, IHttpRequestOptions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { isReadable, responseBody, type Readable } from '../../shared/binaryStream';
import { failureOfResponse, readHttpFailure, type HttpFailure } from '../../shared/httpFailure';
import { MAX_REDIRECTS, redirectTarget } from '../../shared/redirect';
import { DEFAULT_RETRY_POLICY, isRetryable, retryDelayMs } from '../../shared/retry';
import type { CallDescription } from '../../shared/serviceRequest';
import { DEFAULT_FILE_TIMEOUT_SECONDS, timeoutMs } from '../../shared/timeouts';
import { refusedDownloadTarget } from './downloadTarget';

export interface DownloadedFile {
	/** The file's bytes as they arrive (n8n may hand back a Buffer instead), for n8n's binary store. */
	body: Readable | Buffer;
	/** The Content-Type the file host sent, if any. */
	contentType?: string;
}

function explain(failure: HttpFailure, call: CallDescription, attempts: number, timedOutAfterMs?: number): { message: string; description: string } {
	const tried = attempts > 1 ? ` after ${attempts} attempts` : '';
	if (timedOutAfterMs !== undefined) {
		return {
			message: `The Case Status file storage did not answer within ${Math.round(timedOutAfterMs / 1000)} seconds while trying to ${call.action}`,
			description: 'Run the node again later; for very large files, raise the file timeout in the Case Status API credential.',
		};
	}
	if (failure.status === undefined) {
		return {
			message: `The Case Status file storage could not be reached to ${call.action}${tried} (${failure.code ?? failure.message})`,
			description: 'Check that this n8n can reach the internet, then run the node again.',
		};
	}
	if (failure.status === 403 || failure.status === 401) {
		return {
			message: `The Case Status file storage refused to ${call.action} (HTTP ${failure.status})`,
			description: 'The download link may have expired. Run the node again to get a fresh link from Case Status.',
		};
	}
	if (failure.status === 404) {
		return {
			message: `The Case Status file storage no longer has the file to ${call.action}`,
			description: 'The document may have been deleted in Case Status.',
		};
	}
	return {
		message: `The Case Status file storage could not ${call.action}${tried} (HTTP ${failure.status})`,
		description: 'Run the node again later; if it keeps happening, contact Case Status support.',
	};
}

type FullResponse = { body: unknown; headers?: Record<string, string | string[] | undefined>; statusCode: number };

/**
 * GETs the link, following redirects here rather than in n8n, so that every address on the way is checked
 * (a public link must not redirect n8n into its own network). Any answer but a redirect is returned; a
 * refused address comes back as the error to show, never asked again.
 */
async function getFollowingRedirects(
	ctx: IExecuteFunctions,
	options: IHttpRequestOptions,
	url: string,
	allowPrivate: boolean,
	call: CallDescription,
): Promise<{ response: FullResponse } | { refusal: NodeOperationError }> {
	let target = new URL(url);
	for (let hop = 0; ; hop++) {
		const refused = refusedDownloadTarget(target, allowPrivate);
		if (refused) {
			const refusal = new NodeOperationError(ctx.getNode(), `The node did not ${call.action}: its download link ${hop > 0 ? 'redirects to an address that ' : ''}is refused because ${refused}`, {
				description:
					'Download links must be https to a public address, so that a file record cannot point n8n at its own network. If your firm keeps its Case Status files on its own storage inside your network, turn on "Allow Private Download Hosts" in the Case Status API credential.',
				itemIndex: call.itemIndex,
			});
			return { refusal };
		}
		const response = (await ctx.helpers.httpRequest({ ...options, url: target.href })) as FullResponse;
		const next = redirectTarget(response.statusCode, response.headers, target.href);
		if (!next) return { response };
		if (isReadable(response.body)) response.body.destroy();
		if (hop >= MAX_REDIRECTS) {
			const refusal = new NodeOperationError(ctx.getNode(), `The node did not ${call.action}: the file storage redirected more than ${MAX_REDIRECTS} times`, {
				description: 'Run the node again later; if it keeps happening, contact Case Status support.',
				itemIndex: call.itemIndex,
			});
			return { refusal };
		}
		target = next;
	}
}

/**
 * Fetches a file from the signed storage link Case Status hands out. The link is on another host
 * and is authorised by its own signature, so it is requested with the plain request helper and
 * never with the Case Status credential: the API key must not travel to a third-party host.
 */
export async function downloadCaseStatusFile(
	ctx: IExecuteFunctions,
	url: string,
	call: CallDescription,
): Promise<DownloadedFile> {
	const credentials = await ctx.getCredentials('caseStatusApi').catch(() => ({}) as Record<string, unknown>);
	const timeout = timeoutMs(credentials.fileTimeoutSeconds, DEFAULT_FILE_TIMEOUT_SECONDS);
	const allowPrivate = credentials.allowPrivateDownloadHosts === true;
	const options: IHttpRequestOptions = {
		method: 'GET',
		url,
		timeout,
		encoding: 'stream',
		json: false,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		disableFollowRedirect: true,
	};
	const policy = call.retryPolicy ?? DEFAULT_RETRY_POLICY;
	let waited = 0;
	for (let attempt = 1; ; attempt++) {
		const started = Date.now();
		let answer: Awaited<ReturnType<typeof getFollowingRedirects>> | undefined;
		let failure: HttpFailure | undefined;
		try {
			answer = await getFollowingRedirects(ctx, options, url, allowPrivate, call);
		} catch (error) {
			failure = readHttpFailure(error);
		}
		// A refused link fails at once and says why; asking again would not change the answer.
		if (answer && 'refusal' in answer) throw answer.refusal;
		const response = answer?.response;
		if (response && response.statusCode >= 200 && response.statusCode < 300) {
			const header = response.headers?.['content-type'];
			return { body: responseBody(response.body), contentType: Array.isArray(header) ? header[0] : header };
		}
		failure ??= failureOfResponse(response!);
		// A hung file host is not asked again: each try would hold the run for the whole timeout.
		const timedOut = failure.status === undefined && (Date.now() - started >= timeout * 0.95 || /\btimeout\b/i.test(failure.message));
		if (!timedOut && attempt < policy.maxAttempts && isRetryable(failure, 'GET')) {
			const delay = retryDelayMs(attempt, failure, policy);
			if (waited + delay <= policy.maxTotalWaitMs) {
				waited += delay;
				await sleep(delay);
				continue;
			}
		}
		const { message, description } = explain(failure, call, attempt, timedOut ? timeout : undefined);
		// The signed link is a secret of its own: neither it nor the request config goes into the error.
		throw new NodeApiError(
			ctx.getNode(),
			{ message, httpCode: failure.status ? String(failure.status) : null } as JsonObject,
			{ message, description, httpCode: failure.status ? String(failure.status) : undefined, itemIndex: call.itemIndex },
		);
	}
}
