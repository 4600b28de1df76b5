import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import { isReadable } from './binaryStream';
import { failureOfResponse, readHttpFailure, type HttpFailure } from './httpFailure';
import { isNodeRun } from './perNodeRun';
import { isSameServer, keepsMethod, MAX_REDIRECTS, redirectTarget } from './redirect';
import { copyRequest } from './requestCopy';
import {
	DEFAULT_RETRY_POLICY,
	isRetryable,
	paceOf,
	retryAfterBeyondPolicy,
	retryDelayMs,
	slowsTheService,
	type RetryPolicy,
} from './retry';

export type ServiceContext = IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions | IHookFunctions;

/** What the user asked for, so that a failure can say so. */
export interface CallDescription {
	/** Sentence fragment after "could not", e.g. "get case 516718". */
	action: string;
	itemIndex?: number;
	/** Message for a 404, e.g. "No case with ID 516718 exists in SmartAdvocate". */
	notFound?: string;
	/** Overrides the retry policy (tests, or calls that must not wait). */
	retryPolicy?: RetryPolicy;
	/** A POST that only reads (a search): retried like a GET. */
	readOnly?: boolean;
}

/** Where a service is and how long to wait for it, read from the credential by its transport. */
export interface ServiceConnection {
	/** The API root the credential points at, named when what answers is not the API. */
	apiRoot: string;
	/** Secret values known now (password, token, API key); patterns catch the rest. */
	secrets: string[];
	/** A call that gets no answer for this long fails (the credential's timeout). */
	timeoutMs: number;
	/**
	 * The credential as read for this node run, handed to n8n's request helper so that it does not
	 * read (and decrypt) it again for every call. n8n writes a renewed session token into it, so the
	 * calls after a log-in use the new token. Undefined: n8n reads the credential itself.
	 */
	credential?: ICredentialsDecrypted;
}

/**
 * The credential a node run's calls may share, or undefined where n8n should read it for each call.
 * Only a node run (execute) shares it: it ends with its execution, whereas a trigger's poll context
 * lives as long as the workflow is active, and a credential edited meanwhile must take effect.
 */
export function credentialForRun(
	ctx: ServiceContext,
	type: string,
	data: ICredentialDataDecryptedObject,
): ICredentialsDecrypted | undefined {
	if (!isNodeRun(ctx)) return undefined;
	const stored = ctx.getNode().credentials?.[type];
	return { id: stored?.id ?? '', name: stored?.name ?? '', type, data };
}

/** How one service words its failures. */
export interface ServiceProfile {
	/** "SmartAdvocate" or "Case Status". */
	name: string;
	credentialType: string;
	/** The credential's display name, for "check the … credential". */
	credentialName: string;
	/** The reason the server gave, from its own error body format. */
	reasonFromBody(body: unknown): string | undefined;
	/** Where to look when authentication fails. */
	authHint: string;
	/** The credential logs in for a session token, which n8n renews when a call answers 401. */
	renewsSessionOn401?: boolean;
	/** The credential's current secrets, read again after a failure (the token may be new). */
	currentSecrets?(ctx: ServiceContext): Promise<string[]>;
}

/** Authorization schemes whose value is a secret, wherever a server or library echoes them. */
const SCHEME_VALUE = /\b(Bearer|ApiKey|Basic)(\s+|%20)[^\s"',;&<>]+/gi;
/** A JWT (SmartAdvocate's session token), even one fetched during the call that failed. */
const JWT = /\beyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]*/g;
/** `password: x`, `"apiKey":"x"`, `token=x` in echoed request bodies or query strings. */
const NAMED_SECRET =
	/(["']?\b(?:password|passwd|pwd|api[_-]?key|(?:session|access|refresh)?[_-]?token)\b["']?\s*[:=]\s*["']?)([^"'&\s,;}]+)/gi;

/**
 * Removes secrets from any text we show or store: the known values (password, token, API key)
 * and, by pattern, any `Bearer …`/`ApiKey …` value, JWT or named password/token field, so that a
 * token n8n fetched during the failing call (unknown to us beforehand) never shows either.
 */
export function redact(text: string | undefined, secrets: string[]): string | undefined {
	if (text === undefined) return undefined;
	const known = secrets
		.filter((secret) => typeof secret === 'string' && secret.length >= 4)
		.sort((a, b) => b.length - a.length)
		.reduce((result, secret) => result.split(secret).join('••••'), text);
	return known
		.replace(SCHEME_VALUE, (_, scheme: string, space: string) => `${scheme}${space}••••`)
		.replace(JWT, '••••')
		.replace(NAMED_SECRET, (_, name: string) => `${name}••••`);
}

const seconds = (ms: number) => {
	const count = Math.round(ms / 1000);
	return `${count} second${count === 1 ? '' : 's'}`;
};

interface Circumstances {
	attempts: number;
	/** The call got no answer within this many milliseconds. */
	timedOutAfterMs?: number;
	/** The server asked to wait this long, more than the node will. */
	waitAskedMs?: number;
}

function explain(
	profile: ServiceProfile,
	failure: HttpFailure,
	call: CallDescription,
	{ attempts, timedOutAfterMs, waitAskedMs }: Circumstances,
): { message: string; description: string } {
	const reason = profile.reasonFromBody(failure.body);
	const said = reason ? `: ${reason}` : '';
	const tried = attempts > 1 ? ` after ${attempts} attempts` : '';
	const { name } = profile;
	if (timedOutAfterMs !== undefined) {
		return {
			message: `${name} did not answer within ${seconds(timedOutAfterMs)} while trying to ${call.action}`,
			description: `n8n gave up waiting. Check that ${name} is online; if it is only slow, raise the timeout in the ${profile.credentialName} credential, then run the node again.`,
		};
	}
	if (waitAskedMs !== undefined) {
		const after = new Date(Date.now() + waitAskedMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
		return {
			message: `${name} asked to wait ${seconds(waitAskedMs)} before the next request, so the node did not ${call.action} (HTTP ${failure.status})`,
			description: `Run the node again after ${after} (UTC). The node waits at most ${seconds(call.retryPolicy?.maxDelayMs ?? DEFAULT_RETRY_POLICY.maxDelayMs)} by itself; processing fewer items per run also helps.`,
		};
	}
	switch (failure.status) {
		case undefined:
			return {
				message: `${name} could not be reached to ${call.action}${tried} (${failure.code ?? failure.message})`,
				description: `Check the address in the ${profile.credentialName} credential and that ${name} is online, then run the node again.`,
			};
		case 400:
		case 409:
		case 422:
			return {
				message: `${name} refused to ${call.action}${said}`,
				description: `Correct the value ${name} names above in this item's input or the node's parameters, then run the node again.`,
			};
		case 401:
			return {
				message: `${name} did not accept the credentials while trying to ${call.action}`,
				description: profile.authHint,
			};
		case 403:
			return {
				message: `The ${name} user may not ${call.action}${said}`,
				description: `Ask your ${name} administrator to allow this for the user in the ${profile.credentialName} credential.`,
			};
		case 404:
			return {
				message: call.notFound ?? `${name} found nothing to ${call.action}${said}`,
				description: `Check the ID or number in this item; it must exist in ${name} and be visible to the credential's user.`,
			};
		case 429:
			return {
				message: `${name} is limiting requests and did not ${call.action}${tried}`,
				description: `Run the node again later, or process fewer items per run.`,
			};
		default:
			return {
				message: `${name} could not ${call.action}${tried} (HTTP ${failure.status})${said}`,
				description:
					failure.status >= 500
						? `${name} had trouble on its side. Run the node again later; if it keeps happening, contact ${name} support.`
						: `Check this item's input and the node's parameters, then run the node again.`,
			};
	}
}

interface FullResponse {
	body: unknown;
	headers: Record<string, unknown>;
	statusCode: number;
}

/**
 * One request through n8n's authenticated helper, with the safety settings every call gets: redirects
 * are not followed by n8n but answered back (serviceRequest follows them on the same server only,
 * so the credential goes to no other host on any n8n version, and n8n's client never buffers a
 * streamed upload to replay it), a timeout, and the full response even for an HTTP error, because
 * n8n 1.x drops the headers (Retry-After) from the error it throws. A 401 still throws where a session
 * is renewed on it (n8n 2.x honours `except`), so that n8n logs in again and resends.
 */
async function send(
	ctx: ServiceContext,
	profile: ServiceProfile,
	options: IHttpRequestOptions,
	{ timeoutMs, credential }: { timeoutMs: number; credential?: ICredentialsDecrypted },
	tolerateHttpErrors: boolean,
): Promise<FullResponse> {
	// A copy that keeps a streamed upload's body a getter: n8n's own resend after logging in again reads a new stream.
	const request = copyRequest(options, {
		timeout: timeoutMs,
		disableFollowRedirect: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: tolerateHttpErrors
			? profile.renewsSessionOn401
				? { ignore: true, except: [401] }
				: true
			: false,
	});
	const credentials = credential ? { credentialsDecrypted: credential } : undefined;
	return (await ctx.helpers.httpRequestWithAuthentication.call(ctx, profile.credentialType, request, credentials)) as FullResponse;
}

const isSuccess = (status: number) => status >= 200 && status < 300;

/** The request a redirect asks for: the new address (its own query), and a GET without a body unless 307/308. */
function followRedirect(request: IHttpRequestOptions, to: URL, status: number): IHttpRequestOptions {
	const moved = copyRequest(request, { url: to.href, qs: undefined });
	if (!keepsMethod(status)) {
		moved.method = 'GET';
		// Deleted, not set: a streamed upload's body is a getter.
		delete moved.body;
	}
	return moved;
}

/** The `<title>` of an HTML page, to say which page answered (a login page, a proxy's notice). */
function pageTitle(html: string): string | undefined {
	return /<title[^>]*>([^<]{1,120})<\/title>/i.exec(html)?.[1]?.trim() || undefined;
}

/**
 * Sends one call through n8n's authenticated request helper, retrying what is safe to retry,
 * and turns a final failure into a NodeApiError that says what failed and how to fix it.
 */
export async function serviceRequest<T = unknown>(
	ctx: ServiceContext,
	profile: ServiceProfile,
	options: IHttpRequestOptions,
	call: CallDescription,
	connection: ServiceConnection,
): Promise<T> {
	const policy = call.retryPolicy ?? DEFAULT_RETRY_POLICY;
	const method = options.method ?? 'GET';
	const timeoutMs = options.timeout ?? connection.timeoutMs;

	const fail = async (failure: HttpFailure, circumstances: Circumstances, override?: { message: string; description: string }) => {
		const renewed = (await profile.currentSecrets?.(ctx).catch(() => [])) ?? [];
		const secrets = [...connection.secrets, ...renewed];
		const { message, description } = override ?? explain(profile, failure, call, circumstances);
		const safeMessage = redact(message, secrets) as string;
		const safeBody = redact(
			typeof failure.body === 'string' ? failure.body : JSON.stringify(failure.body ?? null),
			secrets,
		);
		const httpCode = failure.status ? String(failure.status) : undefined;
		return new NodeApiError(
			ctx.getNode(),
			{ message: safeMessage, httpCode: httpCode ?? null, body: safeBody ?? null } as JsonObject,
			{ message: safeMessage, description: redact(description, secrets), httpCode, itemIndex: call.itemIndex },
		);
	};

	// Calls run in parallel (operations with `concurrency`, pages read ahead, slices, triggers): a slow-down
	// answer to one holds back every call to the same account, not only the one retried.
	const account = `${profile.credentialType} ${ctx.getNode().credentials?.[profile.credentialType]?.id ?? ''} ${connection.apiRoot}`;
	const pace = paceOf(account);
	let waited = 0;
	let request = options;
	let redirects = 0;
	for (let attempt = 1; ; attempt++) {
		await pace.waitTurn();
		const started = Date.now();
		let response: FullResponse | undefined;
		let failure: HttpFailure | undefined;
		let timedOutAfterMs: number | undefined;
		try {
			const sending = { timeoutMs, credential: connection.credential };
			response = await send(ctx, profile, request, sending, true);
			if (response.statusCode === 401 && profile.renewsSessionOn401) {
				// n8n 1.x ignores `except`: send again the throwing way, so that n8n logs in again.
				response = await send(ctx, profile, request, sending, false);
			}
		} catch (error) {
			failure = readHttpFailure(error);
			const elapsed = Date.now() - started;
			if (failure.status === undefined && (elapsed >= timeoutMs * 0.95 || /\btimeout\b|timed out/i.test(failure.message))) {
				timedOutAfterMs = timeoutMs;
			}
		}
		const answered = response ? { status: response.statusCode, headers: response.headers } : failure;
		const next = redirectTarget(answered?.status, answered?.headers, String(request.url));
		if (next) {
			const elsewhere = !isSameServer(new URL(String(request.url)), next);
			if (elsewhere || ++redirects > MAX_REDIRECTS) {
				throw await fail(failure ?? failureOfResponse(response!), { attempts: attempt }, {
					message: elsewhere
						? `${profile.name} answered with a redirect to another server (${next.origin}) while trying to ${call.action}; the node does not follow it`
						: `${profile.name} redirected more than ${MAX_REDIRECTS} times while trying to ${call.action}`,
					description: elsewhere
						? `The credential is only sent to the server it names, and nothing is sent to another one. If ${next.origin} is where ${profile.name} now is, put that address into the ${profile.credentialName} credential.`
						: `Check the address in the ${profile.credentialName} credential: ${connection.apiRoot} must be the ${profile.name} API itself.`,
				});
			}
			// A document download's redirect answer is a stream: closed, not read.
			if (isReadable(response?.body)) response.body.destroy();
			request = followRedirect(request, next, answered!.status!);
			// A redirect is the same attempt, moved.
			attempt--;
			continue;
		}
		if (response && isSuccess(response.statusCode)) {
			pace.answered();
			const body = response.body;
			const expectsJson = options.json === true && options.encoding === undefined;
			const contentType = String(response.headers?.['content-type'] ?? response.headers?.['Content-Type'] ?? '');
			const isPage = typeof body === 'string' && (/^\s*</.test(body) || /html|xml/i.test(contentType));
			// A write may confirm with a word of text; data that is read must be JSON.
			const readsData = method.toUpperCase() === 'GET' || call.readOnly === true;
			if (expectsJson && typeof body === 'string' && body.trim() !== '' && (isPage || readsData)) {
				// Something other than the API answered: a login page, a proxy, a wrong address.
				const title = pageTitle(body);
				const what = isPage ? `a web page${title ? ` ("${title}")` : ''}` : 'text';
				throw await fail(failureOfResponse(response), { attempts: attempt }, {
					message: `${profile.name} answered with ${what} instead of API data while trying to ${call.action}`,
					description: `Nothing was read from it. Check the address in the ${profile.credentialName} credential: ${connection.apiRoot} must be the ${profile.name} API itself, not a login page or a proxy in front of it.`,
				});
			}
			return (options.returnFullResponse ? response : body) as T;
		}
		failure ??= failureOfResponse(response!);
		const delay = retryDelayMs(attempt, failure, policy);
		// Also when this call gives up: the calls after it must not go before the time the server named.
		if (slowsTheService(failure)) pace.slowDown(Date.now() + delay);
		else pace.answered();
		// A call that got no answer in time is not sent again: a hung server would hold the run for minutes.
		if (timedOutAfterMs === undefined && attempt < policy.maxAttempts && isRetryable(failure, method, call.readOnly)) {
			const waitAskedMs = retryAfterBeyondPolicy(failure, policy, waited);
			if (waitAskedMs !== undefined) throw await fail(failure, { attempts: attempt, waitAskedMs });
			if (waited + delay <= policy.maxTotalWaitMs) {
				waited += delay;
				// After a slow-down the pace holds this call (first in line) until the time named; else back off alone.
				if (!slowsTheService(failure)) await sleep(delay);
				continue;
			}
		}
		throw await fail(failure, { attempts: attempt, timedOutAfterMs });
	}
}
