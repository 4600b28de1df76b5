import axios from 'axios';

import { startHeaderRecorder, type RunningRecorder } from '../../../simulators/shared/recorder';
import { testCase, testFirm } from './fixtures';
import { startTestSim, type TestSim } from './harness';

describe('SmartAdvocate simulator: redirects, hanging calls and the second origin', () => {
	let t: TestSim;
	let elsewhere: RunningRecorder;
	beforeEach(async () => {
		t = await startTestSim(testFirm([testCase(1)]));
		elsewhere = await startHeaderRecorder();
		await t.login();
	});
	afterEach(async () => {
		await t.close();
		await elsewhere.close();
	});

	it('redirects the next N calls of a route, with the called path appended when asked, then answers normally', async () => {
		await t.admin.post('/__admin/redirects', { route: 'case/CaseGroup', location: elsewhere.url, appendPath: true, status: 307, count: 1 });
		const redirected = await t.authed.get('/case/CaseGroup?x=1', { maxRedirects: 0, validateStatus: () => true });
		expect(redirected.status).toBe(307);
		expect(redirected.headers.location).toBe(`${elsewhere.url}/CaseSyncAPI/case/CaseGroup?x=1`);
		expect((await t.authed.get('/case/CaseGroup')).status).toBe(200);
	});

	it('refuses a redirect rule without a location or with a status that is not a redirect', async () => {
		expect((await t.admin.post('/__admin/redirects', { route: 'x' })).status).toBe(400);
		expect((await t.admin.post('/__admin/redirects', { location: '/', status: 200 })).status).toBe(400);
	});

	it('leaves the next N calls of a route without an answer, and logs them with status 0', async () => {
		await t.admin.post('/__admin/hang', { route: 'case/CaseGroup', count: 1 });
		await expect(t.authed.get('/case/CaseGroup', { timeout: 500 })).rejects.toMatchObject({ code: 'ECONNABORTED' });
		expect((await t.authed.get('/case/CaseGroup')).status).toBe(200);
		const { data: log } = await t.admin.get('/__admin/requests');
		expect(log.filter((r: { path: string }) => r.path.endsWith('CaseGroup')).map((r: { status: number }) => r.status)).toEqual([0, 200]);
	});

	it('the second origin records every header it receives and answers an empty list', async () => {
		const response = await axios.get(`${elsewhere.url}/anything?y=2`, { headers: { Authorization: 'Bearer test', 'X-Other': 'kept' } });
		expect(response.data).toEqual([]);
		expect(elsewhere.requests).toEqual([
			expect.objectContaining({ method: 'GET', url: '/anything?y=2', headers: expect.objectContaining({ authorization: 'Bearer test', 'x-other': 'kept' }) }),
		]);
	});
});
