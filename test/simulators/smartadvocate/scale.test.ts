import { createSmartAdvocateService } from '../../../simulators/smartadvocate';
import { largeFirm } from './fixtures';
import { startTestSim, type TestSim } from './harness';

jest.setTimeout(60_000);

const N = 20_000;

describe('SmartAdvocate simulator at 20,000 cases', () => {
	const firm = largeFirm(N);
	let t: TestSim;
	beforeAll(async () => {
		t = await startTestSim(firm);
	});
	afterAll(() => t.close());

	it('seeds 20,000 cases and their notes', () => {
		const service = createSmartAdvocateService(firm);
		expect(service.state.cases.size).toBe(N);
		expect(service.state.notes.size).toBe(N);
	});

	it('pages through every case modified in a window, each exactly once', async () => {
		const seen: number[] = [];
		for (let page = 0; ; page++) {
			const response = await t.authed.post('/case/byDatePaged', { modifiedFromDateTime: '2000-01-01T00:00:00Z', pageRequest: { currentPage: page, pageSize: 1000 } });
			expect(response.status).toBe(200);
			seen.push(...response.data.records.map((c: { caseID: number }) => c.caseID));
			if (page + 1 >= response.data.pageRequest.totalPages) break;
		}
		expect(seen).toHaveLength(N);
		expect(new Set(seen).size).toBe(N);
		expect(seen[0]).toBe(1);
		expect(seen[N - 1]).toBe(N);
	});

	it('pages through every note and still sees a note added between pages', async () => {
		const first = await t.authed.post('/case/notes/byDatePaged', { pageRequest: { currentPage: 0, pageSize: 5000 } });
		expect(first.data.pageRequest.totalRecords).toBe(N);
		await t.authed.post('/case/7/notes', { noteTypeID: 10, noteText: 'added mid-way' });
		const last = await t.authed.post('/case/notes/byDatePaged', { pageRequest: { currentPage: 4, pageSize: 5000 } });
		expect(last.data.pageRequest.totalRecords).toBe(N + 1);
		expect(last.data.records.at(-1).noteText).toBe('added mid-way');
	});

	it('answers CaseInfo by exact number and by wildcard', async () => {
		for (let i = 1; i <= 200; i++) {
			const response = await t.authed.get('/case/CaseInfo', { params: { Casenumber: String(9000000 + i * 97) } });
			expect(response.data[0].caseID).toBe(i * 97);
		}
		const wildcard = await t.authed.get('/case/CaseInfo', { params: { Casenumber: '90012%' } });
		expect(wildcard.data).toHaveLength(100);
		const all = await t.authed.get('/case/CaseInfo', { params: { Casenumber: '%' } });
		expect(all.data).toHaveLength(N);
	});
});
