import { buildState } from '../../../simulators/casestatus/seed';
import { buildSyntheticFirm } from '../../../simulators/shared/syntheticFirm';
import { manyCaseFirm, newCaseBody, startHarness, type Harness } from './fixtures';

/** 20,000 cases with two messages each: every filter still answers right at firm scale (speed is for benchmarks). */
describe('a firm of 20,000 cases', () => {
	let h: Harness;
	beforeAll(async () => {
		h = await startHarness(manyCaseFirm(20_000, { messagesPerCase: 2 }));
	}, 120_000);
	afterAll(() => h?.close());

	const list = async (path: string, params: Record<string, string | number> = {}) => {
		const res = await h.api.get(path, { params });
		expect(res.status).toBe(200);
		return { data: res.data };
	};

	it('seeds every case and message', () => {
		expect(h.sim.service.context.state.cases.size).toBe(20_000);
		expect(h.sim.service.context.state.messages.items).toHaveLength(40_000);
	});

	it('answers filtered lists right, wherever the page is', async () => {
		const checks = [
			await list('/v1/api/messages', { created_after: '2025-04-01T00:00:00Z', size: 100 }),
			await list('/v1/api/messages', { direction: 'outgoing', 'page[number]': 150, size: 100 }),
			await list('/v1/api/messages', { integration_id: '619999' }),
			await list('/v1/api/cases', { status: 'open', 'page[number]': 200, size: 100 }),
			await list('/v1/api/cases', { integration_id: '615000' }),
			await list('/v1/api/cases', { readable_id: '2024-12345' }),
			await list('/v1/api/users', { email: 'alice@firm.test' }),
			await list('/reporting/cases', { 'page[number]': 200 }),
			await list('/reporting/firm'),
		];
		expect(checks[2].data).toHaveLength(2);
		expect(checks[3].data).toHaveLength(100);
		expect(checks[4].data.map((c: { id: number }) => c.id)).toEqual([25000]);
		expect(checks[5].data.map((c: { id: number }) => c.id)).toEqual([22345]);
		expect(checks[7].data.results).toHaveLength(100);
	});

	it('polls "what is new" by created_after, finding only the new message', async () => {
		await h.bare.post('/__admin/messages', { case_id: 15000, content: 'new', created_at: '2030-01-01T00:00:00Z' });
		for (let i = 0; i < 200; i++) {
			const res = await h.api.get('/v1/api/messages', { params: { created_after: '2029-12-31T00:00:00Z', direction: 'incoming' } });
			expect(res.data).toHaveLength(1);
		}
	});

	it('creates cases and finds each by its integration ID', async () => {
		for (let i = 0; i < 200; i++) {
			const res = await h.api.post('/v1/api/cases', newCaseBody({ integration_id: `load-${i}`, readable_id: `L-${i}`, clients: [{ first_name: 'L', last_name: `${i}`, cell_phone: `206555${String(1000 + i)}` }] }));
			expect(res.status).toBe(201);
		}
		const found = await h.api.get('/v1/api/cases', { params: { integration_id: 'load-199' } });
		expect(found.data).toHaveLength(1);
	});
});

describe('the shared synthetic firm', () => {
	it('seeds 20,000 synced cases', () => {
		const firm = buildSyntheticFirm(20_000, { inCaseStatusEvery: 1 });
		const state = buildState(firm, 0);
		expect(state.cases.size).toBe(firm.cases.filter((c) => c.inCaseStatus).length);
		expect(state.cases.size).toBeGreaterThan(15_000);
	}, 60_000);
});
