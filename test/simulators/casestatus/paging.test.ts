import { manyCaseFirm, smallFirm, startHarness, type Harness } from './fixtures';

describe('page[number] and size paging', () => {
	let h: Harness;
	beforeAll(async () => {
		// 150 cases with one message each (created one minute apart).
		h = await startHarness(manyCaseFirm(150));
	});
	afterAll(() => h.close());
	beforeEach(async () => {
		await h.bare.post('/__admin/reset');
	});

	const page = async (path: string, params: Record<string, string | number> = {}) => {
		const res = await h.api.get(path, { params });
		expect(res.status).toBe(200);
		return res.data;
	};

	it('serves 10 items per /v1/api page when no size is sent', async () => {
		const first = await page('/v1/api/messages');
		expect(first).toHaveLength(10);
		expect(first[0].id).toBe(100000);
		expect((await page('/v1/api/messages', { 'page[number]': 2 }))[0].id).toBe(100010);
	});

	it('walks every message exactly once, page by page, until a short page', async () => {
		const seen: number[] = [];
		for (let n = 1; n < 100; n++) {
			const items = await page('/v1/api/messages', { 'page[number]': n, size: 40 });
			seen.push(...items.map((m: { id: number }) => m.id));
			if (items.length < 40) break;
		}
		expect(seen).toEqual(Array.from({ length: 150 }, (_, i) => 100000 + i));
	});

	it('answers the last partial page, then an empty page past the end', async () => {
		expect(await page('/v1/api/messages', { 'page[number]': 4, size: 40 })).toHaveLength(30);
		expect(await page('/v1/api/messages', { 'page[number]': 5, size: 40 })).toEqual([]);
		expect(await page('/v1/api/messages', { 'page[number]': 999 })).toEqual([]);
	});

	it('answers an exactly full last page, then an empty one', async () => {
		expect(await page('/v1/api/cases', { 'page[number]': 2, size: 75 })).toHaveLength(75);
		expect(await page('/v1/api/cases', { 'page[number]': 3, size: 75 })).toEqual([]);
	});

	it('caps size at 100', async () => {
		expect(await page('/v1/api/cases', { size: 500 })).toHaveLength(100);
		expect(await page('/v1/api/cases', { size: 500, 'page[number]': 2 })).toHaveLength(50);
	});

	it('takes the default and the cap from the config', async () => {
		await h.bare.post('/__admin/config', { pageSizeDefault: 3, pageSizeMax: 5 });
		expect(await page('/v1/api/users', { role: 'client' })).toHaveLength(3);
		expect(await page('/v1/api/users', { role: 'client', size: 50 })).toHaveLength(5);
	});

	it('pages the filtered list, not the whole one', async () => {
		const incoming = await page('/v1/api/messages', { direction: 'incoming', size: 100, 'page[number]': 1 });
		expect(incoming).toHaveLength(100);
		expect(incoming.every((m: { type: string }) => m.type === 'incoming')).toBe(true);
		expect(await page('/v1/api/messages', { direction: 'outgoing' })).toEqual([]);
	});

	it('refuses a page number or size that is not a positive integer', async () => {
		for (const params of [{ 'page[number]': 0 }, { 'page[number]': 'x' }, { 'page[number]': -1 }, { size: 0 }, { size: '1.5' }]) {
			const res = await h.api.get('/v1/api/messages', { params });
			const field = Object.keys(params)[0];
			expect({ params, status: res.status, body: res.data }).toEqual({
				params,
				status: 400,
				body: { errors: [{ field, message: 'A valid integer is required.' }] },
			});
		}
	});

	it('wraps /reporting/cases in {count, next, previous, results}, 100 rows by default', async () => {
		const first = await page('/reporting/cases');
		expect(Object.keys(first).sort()).toEqual(['count', 'next', 'previous', 'results']);
		expect(first.count).toBe(150);
		expect(first.results).toHaveLength(100);
		expect(first.previous).toBeNull();
		const next = new URL(first.next);
		expect(next.origin).toBe(h.sim.api.url);
		expect(next.pathname).toBe('/reporting/cases');
		expect(next.searchParams.get('page[number]')).toBe('2');
		const second = (await h.api.get(first.next)).data;
		expect(second.results).toHaveLength(50);
		expect(second.next).toBeNull();
		expect(new URL(second.previous).searchParams.get('page[number]')).toBe('1');
		expect(second.results[0]['Internal ID']).toBe(10100);
		const past = await page('/reporting/cases', { 'page[number]': 3 });
		expect(past).toMatchObject({ count: 150, next: null, results: [] });
	});

	it('serves the Airbyte page size (size=100) on /reporting/cases', async () => {
		expect((await page('/reporting/cases', { size: 100, 'page[number]': 2 })).results).toHaveLength(50);
	});
});

describe('paging an empty firm', () => {
	let h: Harness;
	beforeAll(async () => {
		h = await startHarness({ ...smallFirm(), cases: [] });
	});
	afterAll(() => h.close());

	it('answers an empty first page everywhere', async () => {
		for (const path of ['/v1/api/messages', '/v1/api/files', '/v1/api/cases']) {
			const res = await h.api.get(path);
			expect({ path, status: res.status, body: res.data }).toEqual({ path, status: 200, body: [] });
		}
		expect((await h.api.get('/reporting/cases')).data).toEqual({ count: 0, next: null, previous: null, results: [] });
	});
});
