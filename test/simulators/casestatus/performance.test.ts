import { buildState } from '../../../simulators/casestatus/seed';
import { buildSyntheticFirm } from '../../../simulators/shared/syntheticFirm';
import { manyCaseFirm, newCaseBody, startHarness, type Harness } from './fixtures';

/**
 * 20,000 cases with two messages each. Bounds are generous (a slow CI machine passes), but an O(n²) list
 * filter or seed would blow through them by orders of magnitude.
 */
describe('a firm of 20,000 cases', () => {
	let h: Harness;
	let seedMs = 0;
	beforeAll(async () => {
		const firm = manyCaseFirm(20_000, { messagesPerCase: 2 });
		const start = performance.now();
		h = await startHarness(firm);
		seedMs = performance.now() - start;
	}, 60_000);
	afterAll(() => h?.close());

	const timed = async (path: string, params: Record<string, string | number> = {}) => {
		const start = performance.now();
		const res = await h.api.get(path, { params });
		expect(res.status).toBe(200);
		return { data: res.data, ms: performance.now() - start };
	};

	it('seeds in a few seconds', () => {
		expect(h.sim.service.context.state.cases.size).toBe(20_000);
		expect(h.sim.service.context.state.messages.items).toHaveLength(40_000);
		expect(seedMs).toBeLessThan(10_000);
	});

	it('answers filtered lists quickly, wherever the page is', async () => {
		const checks = [
			await timed('/v1/api/messages', { created_after: '2025-04-01T00:00:00Z', size: 100 }),
			await timed('/v1/api/messages', { direction: 'outgoing', 'page[number]': 150, size: 100 }),
			await timed('/v1/api/messages', { integration_id: '619999' }),
			await timed('/v1/api/cases', { status: 'open', 'page[number]': 200, size: 100 }),
			await timed('/v1/api/cases', { integration_id: '615000' }),
			await timed('/v1/api/cases', { readable_id: '2024-12345' }),
			await timed('/v1/api/users', { email: 'alice@firm.test' }),
			await timed('/reporting/cases', { 'page[number]': 200 }),
			await timed('/reporting/firm'),
		];
		expect(checks[2].data).toHaveLength(2);
		expect(checks[3].data).toHaveLength(100);
		expect(checks[4].data.map((c: { id: number }) => c.id)).toEqual([25000]);
		expect(checks[5].data.map((c: { id: number }) => c.id)).toEqual([22345]);
		expect(checks[7].data.results).toHaveLength(100);
		for (const check of checks) expect(check.ms).toBeLessThan(1_000);
	});

	it('polls "what is new" by created_after without scanning history', async () => {
		await h.bare.post('/__admin/messages', { case_id: 15000, content: 'new', created_at: '2030-01-01T00:00:00Z' });
		const start = performance.now();
		for (let i = 0; i < 200; i++) {
			const res = await h.api.get('/v1/api/messages', { params: { created_after: '2029-12-31T00:00:00Z', direction: 'incoming' } });
			expect(res.data).toHaveLength(1);
		}
		expect(performance.now() - start).toBeLessThan(5_000);
	});

	it('creates and looks up cases by integration ID in constant time', async () => {
		const start = performance.now();
		for (let i = 0; i < 200; i++) {
			const res = await h.api.post('/v1/api/cases', newCaseBody({ integration_id: `load-${i}`, readable_id: `L-${i}`, clients: [{ first_name: 'L', last_name: `${i}`, cell_phone: `206555${String(1000 + i)}` }] }));
			expect(res.status).toBe(201);
		}
		const found = await h.api.get('/v1/api/cases', { params: { integration_id: 'load-199' } });
		expect(found.data).toHaveLength(1);
		expect(performance.now() - start).toBeLessThan(10_000);
	});
});

describe('the shared synthetic firm', () => {
	it('seeds 20,000 synced cases in a few seconds', () => {
		const firm = buildSyntheticFirm(20_000, { inCaseStatusEvery: 1 });
		const start = performance.now();
		const state = buildState(firm, 0);
		expect(performance.now() - start).toBeLessThan(10_000);
		expect(state.cases.size).toBe(firm.cases.filter((c) => c.inCaseStatus).length);
		expect(state.cases.size).toBeGreaterThan(15_000);
	}, 60_000);
});
