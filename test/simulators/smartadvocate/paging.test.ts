import { testCase, testDocument, testFirm, testNote } from './fixtures';
import { startTestSim, type TestSim } from './harness';

/** Five of each: cases 1–5, notes 11–15 and documents 501–505 (all on case 1). */
function firm() {
	return testFirm([
		testCase(1, {
			notes: [11, 12, 13, 14, 15].map((id) => testNote(id)),
			documents: [501, 502, 503, 504, 505].map((id) => testDocument(id)),
		}),
		testCase(2),
		testCase(3),
		testCase(4),
		testCase(5),
		testCase(6),
	]);
}

const SEARCHES = [
	{ kind: 'cases', path: '/case/byDatePaged', id: 'caseID', ids: [1, 2, 3, 4, 5], extra: { caseNumbers: ['9000001', '9000002', '9000003', '9000004', '9000005'] } },
	{ kind: 'notes', path: '/case/notes/byDatePaged', id: 'noteID', ids: [11, 12, 13, 14, 15], extra: {} },
	{ kind: 'documents', path: '/case/documents/byDatePaged', id: 'documentID', ids: [501, 502, 503, 504, 505], extra: {} },
] as const;

const ENVELOPES = ['object', 'documents', 'array'] as const;

describe('SmartAdvocate simulator: paging', () => {
	let t: TestSim;
	beforeAll(async () => {
		t = await startTestSim(firm());
	});
	afterAll(() => t.close());

	describe.each(ENVELOPES)('byDatePaged with envelope=%s', (envelope) => {
		beforeAll(async () => {
			await t.admin.post('/__admin/config', { envelope });
		});

		/** The records of one page, after checking the envelope's exact shape. */
		function unwrap(data: unknown, expected: { currentPage: number; pageSize: number; totalRecords: number; totalPages: number }) {
			if (envelope === 'array') {
				expect(Array.isArray(data)).toBe(true);
				return data as Record<string, number>[];
			}
			const key = envelope === 'object' ? 'records' : 'documents';
			const body = data as Record<string, unknown>;
			expect(Object.keys(body)).toEqual([key, 'pageRequest']);
			expect(body.pageRequest).toEqual(expected);
			return body[key] as Record<string, number>[];
		}

		describe.each(SEARCHES)('$path', ({ path, id, ids, extra }) => {
			const page = async (currentPage: number, pageSize: number, window: Record<string, string> = {}) => {
				const response = await t.authed.post(path, { ...extra, ...window, pageRequest: { currentPage, pageSize, filterExpression: {} } });
				expect(response.status).toBe(200);
				return response.data;
			};
			const idsOf = (records: Record<string, number>[]) => records.map((r) => r[id]);

			it('answers an empty page when nothing is in the window', async () => {
				const data = await page(0, 5, { modifiedFromDateTime: '2030-01-01T00:00:00Z' });
				expect(unwrap(data, { currentPage: 0, pageSize: 5, totalRecords: 0, totalPages: 0 })).toEqual([]);
			});

			it('answers exactly one full page, then an empty one', async () => {
				expect(idsOf(unwrap(await page(0, 5), { currentPage: 0, pageSize: 5, totalRecords: 5, totalPages: 1 }))).toEqual(ids);
				expect(unwrap(await page(1, 5), { currentPage: 1, pageSize: 5, totalRecords: 5, totalPages: 1 })).toEqual([]);
			});

			it('answers full pages and a last partial page that add up to every record once', async () => {
				const first = idsOf(unwrap(await page(0, 2), { currentPage: 0, pageSize: 2, totalRecords: 5, totalPages: 3 }));
				const second = idsOf(unwrap(await page(1, 2), { currentPage: 1, pageSize: 2, totalRecords: 5, totalPages: 3 }));
				const last = idsOf(unwrap(await page(2, 2), { currentPage: 2, pageSize: 2, totalRecords: 5, totalPages: 3 }));
				expect(first).toHaveLength(2);
				expect(last).toHaveLength(1);
				expect([...first, ...second, ...last]).toEqual(ids);
			});

			it('answers an empty page past the end', async () => {
				expect(unwrap(await page(7, 2), { currentPage: 7, pageSize: 2, totalRecords: 5, totalPages: 3 })).toEqual([]);
			});
		});
	});

	describe('byDatePaged page size', () => {
		beforeAll(async () => {
			await t.admin.post('/__admin/config', { envelope: 'object' });
		});

		it('defaults to 100 and caps at 5000', async () => {
			expect((await t.authed.post('/case/notes/byDatePaged', {})).data.pageRequest).toEqual({ currentPage: 0, pageSize: 100, totalRecords: 5, totalPages: 1 });
			const capped = await t.authed.post('/case/notes/byDatePaged', { pageRequest: { pageSize: 100_000 } });
			expect(capped.data.pageRequest.pageSize).toBe(5000);
		});

		it('answers 400 for a page size below 1', async () => {
			const response = await t.authed.post('/case/notes/byDatePaged', { pageRequest: { pageSize: 0 } });
			expect(response.status).toBe(400);
			expect(Object.keys(response.data.errors)).toEqual(['PageSize']);
		});
	});

	describe('GET case/{caseID}/documents?currentPage=&pageSize=', () => {
		const page = async (query: Record<string, unknown>, caseID = 1) => {
			const response = await t.authed.get(`/case/${caseID}/documents`, { params: query });
			expect(response.status).toBe(200);
			expect(Array.isArray(response.data)).toBe(true);
			return (response.data as { documentID: number }[]).map((d) => d.documentID);
		};

		it('answers [] for a case without documents', async () => {
			expect(await page({ currentPage: 0, pageSize: 5 }, 2)).toEqual([]);
		});

		it('answers exactly one full page, then an empty one', async () => {
			expect(await page({ currentPage: 0, pageSize: 5 })).toEqual([501, 502, 503, 504, 505]);
			expect(await page({ currentPage: 1, pageSize: 5 })).toEqual([]);
		});

		it('answers a last partial page and an empty page past the end', async () => {
			expect(await page({ currentPage: 0, pageSize: 2 })).toEqual([501, 502]);
			expect(await page({ currentPage: 1, pageSize: 2 })).toEqual([503, 504]);
			expect(await page({ currentPage: 2, pageSize: 2 })).toEqual([505]);
			expect(await page({ currentPage: 3, pageSize: 2 })).toEqual([]);
		});

		it('pages 200 at a time from page 0 by default, with query names in any case', async () => {
			expect(await page({})).toEqual([501, 502, 503, 504, 505]);
			expect(await page({ CURRENTPAGE: 1, PAGESIZE: 3 })).toEqual([504, 505]);
		});

		it('answers 400 problem+json for a negative page, a zero page size or a non-number', async () => {
			for (const query of [{ currentPage: -1 }, { pageSize: 0 }, { currentPage: 'first' }]) {
				const response = await t.authed.get('/case/1/documents', { params: query });
				expect(response.status).toBe(400);
				expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
			}
		});
	});
});
