import type {
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import { readHttpFailure, type HttpFailure } from './httpFailure';
import { DEFAULT_RETRY_POLICY, isRetryable, retryDelayMs, type RetryPolicy } from './retry';

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
}

/** Removes secret values (password, token, API key) from any text we show or store. */
export function redact(text: string | undefined, secrets: string[]): string | undefined {
	if (text === undefined) return undefined;
	return secrets
		.filter((secret) => secret.length >= 4)
		.reduce((result, secret) => result.split(secret).join('••••'), text);
}

function explain(
	profile: ServiceProfile,
	failure: HttpFailure,
	call: CallDescription,
	attempts: number,
): { message: string; description: string } {
	const reason = profile.reasonFromBody(failure.body);
	const said = reason ? `: ${reason}` : '';
	const tried = attempts > 1 ? ` after ${attempts} attempts` : '';
	const { name } = profile;
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

/**
 * Sends one call through n8n's authenticated request helper, retrying what is safe to retry,
 * and turns a final failure into a NodeApiError that says what failed and how to fix it.
 */
export async function serviceRequest<T = unknown>(
	ctx: ServiceContext,
	profile: ServiceProfile,
	options: IHttpRequestOptions,
	call: CallDescription,
	secrets: string[],
): Promise<T> {
	const policy = call.retryPolicy ?? DEFAULT_RETRY_POLICY;
	const method = options.method ?? 'GET';
	let waited = 0;
	for (let attempt = 1; ; attempt++) {
		try {
			return (await ctx.helpers.httpRequestWithAuthentication.call(
				ctx,
				profile.credentialType,
				options,
			)) as T;
		} catch (error) {
			const failure = readHttpFailure(error);
			if (attempt < policy.maxAttempts && isRetryable(failure, method)) {
				const delay = retryDelayMs(attempt, failure, policy);
				if (waited + delay <= policy.maxTotalWaitMs) {
					waited += delay;
					await sleep(delay);
					continue;
				}
			}
			const { message, description } = explain(profile, failure, call, attempt);
			const safeMessage = redact(message, secrets) as string;
			const safeBody = redact(
				typeof failure.body === 'string' ? failure.body : JSON.stringify(failure.body ?? null),
				secrets,
			);
			throw new NodeApiError(
				ctx.getNode(),
				{ message: safeMessage, httpCode: failure.status ? String(failure.status) : null, body: safeBody ?? null } as JsonObject,
				{
					message: safeMessage,
					description: redact(description, secrets),
					httpCode: failure.status ? String(failure.status) : undefined,
					itemIndex: call.itemIndex,
				},
			);
		}
	}
}
