import { API_USER, testCase, testFirm } from './fixtures';
import { startTestSim, type TestSim } from './harness';

describe('SmartAdvocate simulator: fault injection', () => {
	let t: TestSim;
	beforeEach(async () => {
		t = await startTestSim(testFirm([testCase(1)]));
		await t.login(); // warm the authed client's token before faults are armed
		await t.authed.get('/case/CaseGroup');
	});
	afterEach(() => t.close());

	const timed = async (call: () => Promise<{ status: number }>) => {
		const started = performance.now();
		const response = await call();
		return { status: response.status, ms: performance.now() - started };
	};

	it('delays the matching route by the configured latency, and only that route', async () => {
		await t.admin.post('/__admin/latency', { ms: 600, route: 'case/CaseGroup' });
		const slow = await timed(() => t.authed.get('/case/CaseGroup'));
		const other = await timed(() => t.authed.get('/case/statuses'));
		expect(slow.status).toBe(200);
		expect(slow.ms).toBeGreaterThanOrEqual(590);
		expect(other.ms).toBeLessThan(590);
		await t.admin.post('/__admin/latency', { ms: 0 });
		expect((await timed(() => t.authed.get('/case/CaseGroup'))).ms).toBeLessThan(590);
	});

	it('fails the next N calls to a route with the given status, then recovers', async () => {
		await t.admin.post('/__admin/faults', { route: 'case/CaseInfo', status: 500, count: 2 });
		const call = () => t.authed.get('/case/CaseInfo', { params: { Casenumber: '9000001' } });
		const first = await call();
		expect(first.status).toBe(500);
		expect(first.data).toEqual({ message: 'Injected fault 500' });
		expect((await t.authed.get('/case/1')).status).toBe(200);
		expect((await call()).status).toBe(500);
		const third = await call();
		expect(third.status).toBe(200);
		expect(third.data[0].caseNumber).toBe('9000001');
	});

	it('fails only the given method when one is named', async () => {
		await t.admin.post('/__admin/faults', { route: '/notes', method: 'POST', status: 503, count: 1, body: { message: 'busy' } });
		expect((await t.authed.get('/case/1/notes')).status).toBe(200);
		const post = await t.authed.post('/case/1/notes', { noteTypeID: 10, noteText: 'x' });
		expect(post.status).toBe(503);
		expect(post.data).toEqual({ message: 'busy' });
		expect((await t.authed.post('/case/1/notes', { noteTypeID: 10, noteText: 'x' })).status).toBe(201);
	});

	it('answers 429 with Retry-After', async () => {
		await t.admin.post('/__admin/faults', { route: 'case/byDatePaged', status: 429, retryAfter: 7, count: 1 });
		const limited = await t.authed.post('/case/byDatePaged', {});
		expect(limited.status).toBe(429);
		expect(limited.headers['retry-after']).toBe('7');
		expect((await t.authed.post('/case/byDatePaged', {})).status).toBe(200);
	});

	it('can fail the login itself', async () => {
		await t.admin.post('/__admin/faults', { route: 'Users/authenticate', status: 502, count: 1 });
		const body = { Username: API_USER.username, Password: API_USER.password };
		expect((await t.api.post('/Users/authenticate', body)).status).toBe(502);
		expect((await t.api.post('/Users/authenticate', body)).status).toBe(200);
	});

	it('answers 503 to every API call during a full outage, while the admin API keeps working', async () => {
		expect((await t.admin.post('/__admin/outage', { on: true })).data).toEqual({ outage: true });
		expect((await t.authed.get('/case/1')).status).toBe(503);
		expect((await t.api.post('/Users/authenticate', { Username: API_USER.username, Password: API_USER.password })).status).toBe(503);
		expect((await t.admin.get('/__admin/counters')).status).toBe(200);
		await t.admin.post('/__admin/outage', { on: false });
		expect((await t.authed.get('/case/1')).status).toBe(200);
	});

	it('forgets armed faults on DELETE /__admin/faults', async () => {
		await t.admin.post('/__admin/faults', { route: 'case/', status: 500, count: 5 });
		await t.admin.delete('/__admin/faults');
		expect((await t.authed.get('/case/1')).status).toBe(200);
	});

	it('counts calls per route and logs them', async () => {
		await t.admin.delete('/__admin/requests');
		await t.authed.get('/case/1');
		await t.authed.get('/case/2');
		await t.authed.get('/case/1/notes');
		const counters = await t.admin.get('/__admin/counters');
		expect(counters.data).toEqual({ 'GET /CaseSyncAPI/case/{caseID}': 2, 'GET /CaseSyncAPI/case/{caseID}/notes': 1 });
		const log = await t.admin.get('/__admin/requests');
		expect(log.data.map((r: { path: string; status: number }) => `${r.path} ${r.status}`)).toEqual(['/CaseSyncAPI/case/1 200', '/CaseSyncAPI/case/2 404', '/CaseSyncAPI/case/1/notes 200']);
	});

	it('puts everything back on /__admin/reset: data, settings, clock and faults', async () => {
		await t.authed.post('/case/1/notes', { noteTypeID: 10, noteText: 'temporary' });
		await t.admin.post('/__admin/config', { dateStyle: 'naive', tokenLifetimeSeconds: 5 });
		await t.admin.post('/__admin/clock', { now: '2030-01-01T00:00:00Z' });
		await t.admin.post('/__admin/faults', { route: 'case/statuses', status: 500, count: 3 });
		await t.admin.post('/__admin/outage', { on: true });
		await t.admin.post('/__admin/reset');

		const token = await t.login();
		const headers = { Authorization: `Bearer ${token}` };
		expect((await t.api.get('/case/1/notes', { headers })).data).toEqual([]);
		expect((await t.api.get('/case/statuses', { headers })).status).toBe(200);
		const [, claims] = token.split('.');
		const { exp, iat } = JSON.parse(Buffer.from(claims, 'base64url').toString());
		expect(exp - iat).toBe(7200);
		expect(Math.abs(iat * 1000 - Date.now())).toBeLessThan(60_000);
		expect((await t.api.get('/case/1', { headers })).data.modifiedDate).toMatch(/Z$/);
	});
});
