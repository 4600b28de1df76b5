import { CaseStatusApi } from '../../../credentials/CaseStatusApi.credentials';
import { SmartAdvocateApi } from '../../../credentials/SmartAdvocateApi.credentials';

describe('the Authorization header each credential sets', () => {
	const request = { url: '/case/1', headers: { Accept: 'application/json' } };

	it('SmartAdvocate: the session token as a Bearer token, other headers kept', async () => {
		const sent = await new SmartAdvocateApi().authenticate({ sessionToken: 'tok-1' }, request);
		expect(sent.headers).toEqual({ Accept: 'application/json', Authorization: 'Bearer tok-1' });
		expect(sent.url).toBe('/case/1');
	});

	it('Case Status: the API key as ApiKey, a pasted "ApiKey " prefix not doubled', async () => {
		const sent = await new CaseStatusApi().authenticate({ apiKey: 'ApiKey abc123' }, request);
		expect(sent.headers).toEqual({ Accept: 'application/json', Authorization: 'ApiKey abc123' });
	});

	it('leaves the request it was given unchanged', async () => {
		await new SmartAdvocateApi().authenticate({ sessionToken: 'tok-2' }, request);
		expect(request.headers).toEqual({ Accept: 'application/json' });
	});
});

describe('a streamed upload through the credential', () => {
	it('keeps its body a getter, so a resend after logging in again reads the file afresh', async () => {
		let opened = 0;
		const request = { url: '/case/1/documents', headers: {} } as Record<string, unknown>;
		Object.defineProperty(request, 'body', { enumerable: true, get: () => `stream ${++opened}` });
		const sent = (await new SmartAdvocateApi().authenticate({ sessionToken: 'tok-3' }, request as never)) as unknown as Record<string, unknown>;
		expect(opened).toBe(0);
		expect(sent.body).toBe('stream 1');
		expect(sent.body).toBe('stream 2');
		expect(sent.headers).toEqual({ Authorization: 'Bearer tok-3' });
	});
});
