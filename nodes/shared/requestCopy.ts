import type { IHttpRequestOptions } from 'n8n-workflow';

/**
 * A copy of a request with some options changed, the original left as it was. Copied with its
 * property descriptors, not spread: a streamed upload's `body` is a getter that opens the file
 * afresh, so a request n8n sends again (after logging in again) reads a whole new stream, not a
 * spent one.
 */
export function copyRequest(request: IHttpRequestOptions, changes: Partial<IHttpRequestOptions>): IHttpRequestOptions {
	const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(request)) as IHttpRequestOptions;
	return Object.assign(copy, changes);
}
