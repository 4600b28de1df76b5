import { API_KEY, startHarness, type Harness } from './fixtures';

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(() => h.close());
beforeEach(async () => {
	await h.bare.post('/__admin/reset');
});

const get = (authorization?: string) =>
	h.bare.get('/v1/api/messages', { headers: authorization === undefined ? {} : { Authorization: authorization } });

describe('Case Status API key', () => {
	it('accepts the key with the ApiKey prefix, in any case of the scheme', async () => {
		expect((await get(`ApiKey ${API_KEY}`)).status).toBe(200);
		expect((await get(`apikey ${API_KEY}`)).status).toBe(200);
	});

	it('accepts a bare key unless the simulator is told to require the prefix', async () => {
		expect((await get(API_KEY)).status).toBe(200);
		await h.bare.post('/__admin/config', { requireApiKeyPrefix: true });
		const refused = await get(API_KEY);
		expect(refused.status).toBe(401);
		expect(refused.data).toEqual({ detail: 'Invalid API key' });
		expect((await get(`ApiKey ${API_KEY}`)).status).toBe(200);
	});

	it('answers 401 "credentials were not provided" without an Authorization header', async () => {
		const res = await get();
		expect(res.status).toBe(401);
		expect(res.data).toEqual({ detail: 'Authentication credentials were not provided.' });
		expect(res.headers['www-authenticate']).toBe('ApiKey');
	});

	it('answers 401 "Invalid API key" to a wrong key, with or without the prefix', async () => {
		for (const header of ['ApiKey wrong-key', 'wrong-key', `ApiKey ${API_KEY}x`, `Bearer ${API_KEY}`, 'ApiKey']) {
			const res = await get(header);
			expect({ header, status: res.status, body: res.data }).toEqual({ header, status: 401, body: { detail: 'Invalid API key' } });
		}
	});

	it('guards every API route, and no admin route', async () => {
		const routes = h.sim.service.routes;
		expect(routes.length).toBeGreaterThanOrEqual(14);
		for (const route of routes) {
			const path = route.pattern.replace(/\{\w+\}/g, '7001');
			const res = await h.bare.request({ method: route.method, url: path, data: route.method === 'GET' ? undefined : {} });
			expect({ route: `${route.method} ${route.pattern}`, status: res.status }).toEqual({ route: `${route.method} ${route.pattern}`, status: 401 });
		}
		expect((await h.bare.get('/__admin/state')).status).toBe(200);
		expect((await h.bare.get('/__admin/file-host')).status).toBe(200);
	});

	it('stops taking the old key once the firm key is rotated', async () => {
		await h.bare.post('/__admin/config', { apiKey: 'rotated-key' });
		expect((await get(`ApiKey ${API_KEY}`)).status).toBe(401);
		expect((await get('ApiKey rotated-key')).status).toBe(200);
	});

	it('logs whether a request carried an Authorization header, never its value', async () => {
		await get(`ApiKey ${API_KEY}`);
		await get();
		const log = (await h.bare.get('/__admin/requests')).data as { hadAuthorization: boolean; status: number }[];
		expect(log.map((r) => [r.hadAuthorization, r.status])).toEqual([
			[true, 200],
			[false, 401],
		]);
		expect(JSON.stringify(log)).not.toContain(API_KEY);
	});
});
