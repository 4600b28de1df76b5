import { startCaseStatusSimulator } from '../../simulators/casestatus';
import axios from 'axios';

import { buildDemoFirm } from '../../simulators/shared/demoFirm';
import { startHeaderRecorder } from '../../simulators/shared/recorder';
import { startSmartAdvocateSimulator } from '../../simulators/smartadvocate';
import { testCredential } from '../support/n8nContext';

const firm = buildDemoFirm();
let sa: Awaited<ReturnType<typeof startSmartAdvocateSimulator>>;
let cs: Awaited<ReturnType<typeof startCaseStatusSimulator>>;

beforeAll(async () => {
	sa = await startSmartAdvocateSimulator({ firm });
	cs = await startCaseStatusSimulator({ firm });
});
afterAll(async () => {
	await sa.close();
	await cs.close();
});

describe('SmartAdvocate API credential Test button', () => {
	it.each(['', '/', '/CaseSyncAPI', '/CaseSyncAPI/'])('passes with the right user, whatever the Base URL ends with (%p)', async (suffix) => {
		const result = await testCredential('smartAdvocateApi', { baseUrl: `${sa.url}${suffix}`, username: firm.apiUser.username, password: firm.apiUser.password });
		expect(result).toEqual({ status: 'OK', message: 'Connection tested successfully' });
	});

	it('fails clearly with a wrong password, and does not repeat it', async () => {
		const result = await testCredential('smartAdvocateApi', { baseUrl: sa.url, username: firm.apiUser.username, password: 'not-the-password' });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/refused the login .*Check the username and password/);
		expect(result.message).not.toContain('not-the-password');
	});

	it('fails clearly when the Base URL is not SmartAdvocate', async () => {
		const result = await testCredential('smartAdvocateApi', { baseUrl: 'http://127.0.0.1:9', username: 'u', password: 'p' });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/could not be reached .*Check the Base URL/);
	});
});

describe('SmartAdvocate login and redirects', () => {
	const admin = () => axios.create({ baseURL: `${sa.url}/__admin` });
	afterEach(async () => {
		await admin().post('/reset');
	});

	it('never sends the password to another server a login redirect points at', async () => {
		const elsewhere = await startHeaderRecorder();
		try {
			await admin().post('/redirects', { route: 'Users/authenticate', location: elsewhere.url, appendPath: true, status: 307, count: 5 });
			const result = await testCredential('smartAdvocateApi', { baseUrl: sa.url, username: firm.apiUser.username, password: firm.apiUser.password });
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(/answered the login with a redirect to http:\/\/127\.0\.0\.1:\d+\. The password is only sent to the server of the Base URL/);
			expect(elsewhere.requests).toEqual([]);
		} finally {
			await elsewhere.close();
		}
	});

	it('follows a login redirect on the same server', async () => {
		await admin().post('/redirects', { route: 'Users/authenticate', location: '/CaseSyncAPI/Users/authenticate?moved=1', status: 308, count: 1 });
		const result = await testCredential('smartAdvocateApi', { baseUrl: sa.url, username: firm.apiUser.username, password: firm.apiUser.password });
		expect(result.status).toBe('OK');
	});
});

describe('Case Status API credential Test button', () => {
	it.each([firm.caseStatusApiKey, `ApiKey ${firm.caseStatusApiKey}`])('passes with the firm key (%p)', async (apiKey) => {
		const result = await testCredential('caseStatusApi', { environment: 'custom', baseUrl: `${cs.api.url}/`, apiKey });
		expect(result.status).toBe('OK');
	});

	it('fails with a wrong key', async () => {
		const result = await testCredential('caseStatusApi', { environment: 'custom', baseUrl: cs.api.url, apiKey: 'cs_wrong' });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/401/);
	});
});
