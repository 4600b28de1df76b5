import type { IHttpRequestOptions } from 'n8n-workflow';

import { copyRequest } from './requestCopy';

/**
 * The request with its `Authorization` header set. Both credentials set it in code rather than with
 * n8n's generic header template, whose expression n8n evaluates on every call (about a millisecond
 * each on n8n 2.x, thousands of times in a firm's first sync). n8n resends the request it gets back
 * after logging in again, so a streamed upload's body must stay a getter (copyRequest).
 */
export function withAuthorization(requestOptions: IHttpRequestOptions, value: string): IHttpRequestOptions {
	return copyRequest(requestOptions, { headers: { ...(requestOptions.headers ?? {}), Authorization: value } });
}
