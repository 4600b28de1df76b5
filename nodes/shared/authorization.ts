import type { IHttpRequestOptions } from 'n8n-workflow';

/**
 * The request with its `Authorization` header set. Both credentials set it in code rather than with
 * n8n's generic header template, whose expression n8n evaluates on every call (about a millisecond
 * each on n8n 2.x, thousands of times in a firm's first sync).
 *
 * Copied with its property descriptors, not spread: a streamed upload's `body` is a getter that
 * opens the file afresh, and n8n resends the request it gets back after logging in again.
 */
export function withAuthorization(requestOptions: IHttpRequestOptions, value: string): IHttpRequestOptions {
	const authorized = Object.defineProperties({}, Object.getOwnPropertyDescriptors(requestOptions)) as IHttpRequestOptions;
	authorized.headers = { ...(requestOptions.headers ?? {}), Authorization: value };
	return authorized;
}
