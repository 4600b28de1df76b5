import { startHarness, type Harness } from './fixtures';

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(() => h.close());
beforeEach(async () => {
	await h.bare.post('/__admin/reset');
});

const timed = async <T>(work: () => Promise<T>) => {
	const start = performance.now();
	const result = await work();
	return { result, ms: performance.now() - start };
};

describe('fault injection', () => {
	it('adds latency to every API call, or to one route only', async () => {
		await h.bare.post('/__admin/latency', { ms: 400 });
		const slow = await timed(() => h.api.get('/v1/api/messages'));
		expect(slow.result.status).toBe(200);
		expect(slow.ms).toBeGreaterThanOrEqual(390);

		await h.bare.post('/__admin/latency', { ms: 400, route: '/v1/api/files' });
		expect((await timed(() => h.api.get('/v1/api/files'))).ms).toBeGreaterThanOrEqual(390);
		expect((await timed(() => h.api.get('/v1/api/messages'))).ms).toBeLessThan(390);

		const cleared = await h.bare.post('/__admin/latency', { ms: 0 });
		expect(cleared.data).toEqual({ latency: null });
	});

	it('fails the next N matching calls with the given status, then recovers', async () => {
		await h.bare.post('/__admin/faults', { route: '/v1/api/messages', status: 502, count: 2 });
		expect((await h.api.get('/v1/api/cases')).status).toBe(200);
		const statuses = [];
		for (let i = 0; i < 3; i++) statuses.push((await h.api.get('/v1/api/messages')).status);
		expect(statuses).toEqual([502, 502, 200]);
	});

	it('fails only the named method', async () => {
		await h.bare.post('/__admin/faults', { route: '/v1/api/messages', method: 'POST', status: 500, count: 1 });
		expect((await h.api.get('/v1/api/messages')).status).toBe(200);
		const failed = await h.api.post('/v1/api/messages', { case_id: 7001, content: 'x' });
		expect(failed.status).toBe(500);
		expect((await h.api.get('/v1/api/messages', { params: { case_id: 7001 } })).data).toHaveLength(2);
		expect((await h.api.post('/v1/api/messages', { case_id: 7001, content: 'x' })).status).toBe(201);
	});

	it('answers 429 with Retry-After', async () => {
		await h.bare.post('/__admin/faults', { status: 429, retryAfter: 7, count: 1, body: { detail: 'Request was throttled. Expected available in 7 seconds.' } });
		const throttled = await h.api.get('/reporting/cases');
		expect(throttled.status).toBe(429);
		expect(throttled.headers['retry-after']).toBe('7');
		expect(throttled.data).toEqual({ detail: 'Request was throttled. Expected available in 7 seconds.' });
		expect((await h.api.get('/reporting/cases')).status).toBe(200);
	});

	it('answers 503 to every API call during an outage, but keeps the admin API and file host up', async () => {
		const [file] = (await h.api.get('/v1/api/files')).data;
		await h.bare.post('/__admin/outage', { on: true });
		for (const path of ['/v1/api/messages', '/v1/api/cases/7001', '/reporting/firm']) {
			expect((await h.api.get(path)).status).toBe(503);
		}
		expect((await h.api.post('/v1/api/cases/7001/close')).status).toBe(503);
		expect((await h.bare.get('/__admin/state')).status).toBe(200);
		expect((await h.bare.get(file.url)).status).toBe(200);
		await h.bare.post('/__admin/outage', { on: false });
		expect((await h.api.get('/v1/api/cases/7001')).data.closed_at).toBeNull();
	});

	it('counts calls per route and clears faults on reset', async () => {
		await h.bare.post('/__admin/faults', { status: 500, count: 5 });
		await h.bare.post('/__admin/reset');
		expect((await h.api.get('/v1/api/messages')).status).toBe(200);
		await h.api.get('/v1/api/messages');
		await h.api.get('/v1/api/cases/7001');
		expect((await h.bare.get('/__admin/counters')).data).toEqual({ 'GET /v1/api/messages': 2, 'GET /v1/api/cases/{id}': 1 });
	});
});
