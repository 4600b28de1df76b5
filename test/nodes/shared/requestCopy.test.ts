/**
 * The copy a request is sent as (with its Authorization header, its timeout…): the original stays as it
 * was, and a streamed upload's body stays a getter, so n8n's resend after logging in again opens the file afresh.
 */
import type { IHttpRequestOptions } from 'n8n-workflow';

import { copyRequest } from '../../../nodes/shared/requestCopy';

describe('copyRequest', () => {
	it('changes the copy only, and keeps a streamed body a getter', () => {
		let opened = 0;
		const request = { url: '/case/1/documents', method: 'POST', headers: { Accept: 'application/json' } } as IHttpRequestOptions;
		Object.defineProperty(request, 'body', { enumerable: true, get: () => `stream ${++opened}` });
		const copy = copyRequest(request, { timeout: 5000, headers: { Authorization: 'Bearer t' } });
		expect(copy).toMatchObject({ url: '/case/1/documents', method: 'POST', timeout: 5000, headers: { Authorization: 'Bearer t' } });
		expect(request.timeout).toBeUndefined();
		expect(request.headers).toEqual({ Accept: 'application/json' });
		expect(opened).toBe(0);
		expect(copy.body).toBe('stream 1');
		expect(copy.body).toBe('stream 2');
	});
});
