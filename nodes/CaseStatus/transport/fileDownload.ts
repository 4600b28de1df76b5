import type { IExecuteFunctions, IHttpRequestOptions, JsonObject } from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import { responseBody, type Readable } from '../../shared/binaryStream';
import { readHttpFailure, type HttpFailure } from '../../shared/httpFailure';
import { DEFAULT_RETRY_POLICY, isRetryable, retryDelayMs } from '../../shared/retry';
import type { CallDescription } from '../../shared/serviceRequest';
import { DEFAULT_FILE_TIMEOUT_SECONDS, timeoutMs } from '../../shared/timeouts';

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
	const options: IHttpRequestOptions = {
		method: 'GET',
		url,
		timeout,
		encoding: 'stream',
		json: false,
		returnFullResponse: true,
	};
	const policy = call.retryPolicy ?? DEFAULT_RETRY_POLICY;
	let waited = 0;
	for (let attempt = 1; ; attempt++) {
		const started = Date.now();
		try {
			const response = (await ctx.helpers.httpRequest(options)) as {
				body: unknown;
				headers?: Record<string, string | string[] | undefined>;
			};
			const header = response.headers?.['content-type'];
			return { body: responseBody(response.body), contentType: Array.isArray(header) ? header[0] : header };
		} catch (error) {
			const failure = readHttpFailure(error);
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
}
