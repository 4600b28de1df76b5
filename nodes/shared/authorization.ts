import type { IHttpRequestOptions } from 'n8n-workflow';

/**
 * The request with its `Authorization` header set. Both credentials set it in code rather than with
 * n8n's generic header template, whose expression n8n evaluates on every call (about a millisecond
 * each on n8n 2.x, thousands of times in a firm's first sync).
 */
export function withAuthorization(requestOptions: IHttpRequestOptions, value: string): IHttpRequestOptions {
	return { ...requestOptions, headers: { ...(requestOptions.headers ?? {}), Authorization: value } };
}
