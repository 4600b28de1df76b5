import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { SmartAdvocate } from '../../../../../../nodes/SmartAdvocate/SmartAdvocate.node';
import { createContext, resolveNodeType, runNode } from '../../../../../support/n8nContext';
import { buildFixture } from '../../../fixtures';
import { startSa, type SaHarness } from '../../../harness';

describe('SmartAdvocate › Case › Get Many', () => {
	let sa: SaHarness;
	beforeAll(async () => {
		sa = await startSa();
	});
	afterAll(() => sa.close());
	beforeEach(() => sa.reset());

	const getMany = (parameters: Record<string, unknown>, options: Parameters<typeof runNode>[1] = {}) =>
		runNode(new SmartAdvocate(), {
			parameters: { resource: 'case', operation: 'getAll', ...parameters },
			credentials: sa.credentials,
			timezone: 'UTC',
			...options,
		});
	const numbers = (items: Awaited<ReturnType<typeof getMany>>) => items.map((i) => i.json.caseNumber);

	it('finds cases whose number starts with the text, one item each, all paired to the input', async () => {
		const items = await getMany({ searchBy: 'caseNumber', caseNumber: '2024-' });
		expect(numbers(items)).toEqual(['2024-0001', '2024-0002']);
		expect(items.every((i) => JSON.stringify(i.pairedItem) === JSON.stringify({ item: 0 }))).toBe(true);
		expect(items[0].json.leadAttorney).toMatchObject({ name: 'Alice Archer' });
	});

	it('matches % and _ in the text literally unless SQL LIKE Pattern is chosen', async () => {
		expect(numbers(await getMany({ searchBy: 'caseNumber', caseNumber: '2024_', match: 'startsWith' }))).toEqual(['2024_1']);
		expect(numbers(await getMany({ searchBy: 'caseNumber', caseNumber: '2024_1', match: 'exact' }))).toEqual(['2024_1']);
		expect(numbers(await getMany({ searchBy: 'caseNumber', caseNumber: '2024_1', match: 'like' }))).toEqual(['2024_1', '2024X1']);
		expect(await getMany({ searchBy: 'caseNumber', caseNumber: '%', match: 'exact' })).toEqual([]);
	});

	it('stops at Limit, or returns everything with Return All', async () => {
		expect(numbers(await getMany({ searchBy: 'caseNumber', caseNumber: '%', match: 'like', limit: 2 }))).toHaveLength(2);
		expect(numbers(await getMany({ searchBy: 'caseNumber', caseNumber: '%', match: 'like', returnAll: true }))).toHaveLength(5);
	});

	it('finds cases changed in a date window, oldest change first', async () => {
		const items = await getMany({ searchBy: 'modifiedDate', modifiedFrom: sa.fixture.ago(60 * 24 * 4), returnAll: true, simplify: false });
		expect(items.map((i) => i.json.caseID)).toEqual([1001, 1002]);
		expect(items[0].json).toMatchObject({ caseNumber: '2024-0001', caseStatus: 'Treating' });
	});

	it('filters open or closed cases and case types', async () => {
		const all = { searchBy: 'modifiedDate', modifiedFrom: sa.fixture.ago(60 * 24 * 30), returnAll: true };
		expect(numbers(await getMany({ ...all, filters: { openClosed: 'closed' } }))).toEqual(['2023-0107']);
		expect(numbers(await getMany({ ...all, filters: { openClosed: 'open' } }))).toEqual(['2024X1', '2024_1', '2024-0001', '2024-0002']);
		// Case type IDs come from the list (Premises Liability is the second practice area: 1202).
		expect(numbers(await getMany({ ...all, filters: { caseTypes: [1202] } }))).toEqual(['2024-0002']);
		expect(numbers(await getMany({ searchBy: 'caseNumber', caseNumber: '20', filters: { openClosed: 'closed' } }))).toEqual(['2023-0107']);
	});

	it('applies Limit after the filters, so filtered-out cases do not use it up', async () => {
		const items = await getMany({ searchBy: 'modifiedDate', modifiedFrom: sa.fixture.ago(60 * 24 * 30), limit: 1, filters: { caseTypes: [1202] } });
		expect(numbers(items)).toEqual(['2024-0002']);
	});

	it('keeps only cases whose number really matches, whatever the server\'s LIKE answered', async () => {
		await sa.admin.post('/__admin/config', { ignoreCaseNumberFilter: true });
		expect(numbers(await getMany({ searchBy: 'caseNumber', caseNumber: '2024-', match: 'startsWith' })).sort()).toEqual(['2024-0001', '2024-0002']);
		expect(numbers(await getMany({ searchBy: 'caseNumber', caseNumber: '2024-0002', match: 'exact' }))).toEqual(['2024-0002']);
		expect(numbers(await getMany({ searchBy: 'caseNumber', caseNumber: '2024_1', match: 'like' })).sort()).toEqual(['2024X1', '2024_1']);
		expect(await getMany({ searchBy: 'caseNumber', caseNumber: 'NOPE', match: 'exact' })).toEqual([]);
	});

	it('reads no clients (no contacts request) with Include Clients off, and leaves the clients field out', async () => {
		const window = { searchBy: 'modifiedDate', modifiedFrom: sa.fixture.ago(60 * 24 * 30), returnAll: true };
		const items = await getMany({ ...window, includeClients: false });
		expect(items.length).toBeGreaterThan(1);
		expect(items.every((i) => !('clients' in i.json))).toBe(true);
		expect(items[0].json.leadAttorney).toBeTruthy();
		const calls = await sa.calls();
		expect(calls.filter((c) => /contacts|staff/.test(c))).toEqual([]);

		await sa.reset();
		const withClients = await getMany(window);
		expect(withClients.every((i) => Array.isArray(i.json.clients))).toBe(true);
		expect((await sa.calls()).filter((c) => c.endsWith('/contacts'))).toHaveLength(withClients.length);
	});

	it('says which item failed when its date is not a date', async () => {
		const items = await getMany({ searchBy: 'modifiedDate', modifiedFrom: 'last tuesday' }, { continueOnFail: true });
		expect(items).toEqual([{ json: expect.objectContaining({ error: 'The Modified From parameter is not a date' }), pairedItem: { item: 0 } }]);
	});
});

describe('SmartAdvocate › Case › Get Many on a large firm', () => {
	let sa: SaHarness;
	/** 1,200 motor-vehicle cases changed one minute apart, then one premises case, all 4 to 5 days ago. */
	beforeAll(async () => {
		const fixture = buildFixture();
		const template = fixture.firm.cases[1];
		const many = Array.from({ length: 1200 }, (_, i) => ({
			...template,
			caseId: 300000 + i,
			caseNumber: `BULK-${String(i).padStart(5, '0')}`,
			practiceArea: 0,
			clients: [],
			notes: [],
			documents: [],
			modifiedAt: fixture.ago(60 * 24 * 5 - i),
		}));
		fixture.firm.cases.push(...many, { ...template, caseId: 399999, caseNumber: 'PREMISES-NEWEST', practiceArea: 1, clients: [], notes: [], documents: [], modifiedAt: fixture.ago(60 * 24 * 4) });
		sa = await startSa(fixture);
	});
	afterAll(() => sa.close());
	beforeEach(() => sa.reset());

	const byDate = (parameters: Record<string, unknown>) =>
		runNode(new SmartAdvocate(), {
			parameters: { resource: 'case', operation: 'getAll', searchBy: 'modifiedDate', modifiedFrom: sa.fixture.ago(60 * 24 * 6), modifiedTo: sa.fixture.ago(60 * 24 * 3), simplify: false, ...parameters },
			credentials: sa.credentials,
			timezone: 'UTC',
		});
	const searches = async () => (await sa.calls()).filter((c) => c === 'POST /case/byDatePaged').length;

	it('reads one page, not the whole firm, for Limit 1 with a case type filter', async () => {
		const items = await byDate({ limit: 1, filters: { caseTypes: [1201] } });
		expect(items.map((i) => i.json.caseNumber)).toEqual(['BULK-00000']);
		expect(await searches()).toBe(1);
	});

	it('keeps paging until Limit is reached when the filter keeps few cases', async () => {
		const items = await byDate({ limit: 1, filters: { caseTypes: [1202] } });
		expect(items.map((i) => i.json.caseNumber)).toEqual(['PREMISES-NEWEST']);
		expect(await searches()).toBe(3);
	});

	it('lets a workflow read the firm in slices: Page Size and Start at Page', async () => {
		const slice = (startPage: number) => byDate({ limit: 100, paging: { pageSize: 100, startPage } });
		const third = await slice(3);
		expect(third.map((i) => i.json.caseNumber)).toEqual(Array.from({ length: 100 }, (_, i) => `BULK-${String(200 + i).padStart(5, '0')}`));
		expect(await searches()).toBe(1);
		const last = await slice(13);
		expect(last.map((i) => i.json.caseNumber)).toEqual(['PREMISES-NEWEST']);
		// Every case exactly once across the slices.
		const seen: unknown[] = [];
		for (let page = 1; page <= 13; page++) seen.push(...(await slice(page)).map((i) => i.json.caseID));
		expect(seen).toHaveLength(1201);
		expect(new Set(seen).size).toBe(1201);
	});

	it('reads the search page after page from the last case read with Return All, in order, each case once', async () => {
		const items = await byDate({ returnAll: true, paging: { pageSize: 100 } });
		expect(items.map((i) => i.json.caseNumber)).toEqual([...Array.from({ length: 1200 }, (_, i) => `BULK-${String(i).padStart(5, '0')}`), 'PREMISES-NEWEST']);
		// Each page starts at the last case read (which comes again and is dropped): 99 new cases a page after the first.
		expect(await searches()).toBe(13);
	});

	it('reads from Start at Page to the end with Return All', async () => {
		const items = await byDate({ returnAll: true, paging: { pageSize: 500, startPage: 3 } });
		expect(items.map((i) => i.json.caseNumber)).toEqual([...Array.from({ length: 200 }, (_, i) => `BULK-${String(1000 + i).padStart(5, '0')}`), 'PREMISES-NEWEST']);
	});
});

describe('SmartAdvocate › Case › Get Many while staff edit cases', () => {
	let sa: SaHarness;
	/** 30 cases changed one minute apart, 4 to 5 days ago. */
	beforeAll(async () => {
		const fixture = buildFixture();
		const template = fixture.firm.cases[1];
		const cases = Array.from({ length: 30 }, (_, i) => ({
			...template,
			caseId: 310000 + i,
			caseNumber: `EDIT-${String(i).padStart(2, '0')}`,
			practiceArea: 0,
			clients: [],
			notes: [],
			documents: [],
			modifiedAt: fixture.ago(60 * 24 * 5 - i),
		}));
		fixture.firm.cases.push(...cases);
		sa = await startSa(fixture);
	});
	afterAll(() => sa.close());
	beforeEach(() => sa.reset());

	interface Search {
		modifiedFromDateTime: string;
		pageRequest: { currentPage: number; sorts: unknown[] };
	}

	/**
	 * Reads the window in pages of 10 with Return All; as soon as the first page has been answered,
	 * staff edit `edited` (its modified date becomes now, after the window).
	 */
	async function readWhileEditing(edited: number) {
		const nodeType = resolveNodeType(new SmartAdvocate());
		const { context } = createContext(nodeType, {
			parameters: {
				resource: 'case',
				operation: 'getAll',
				searchBy: 'modifiedDate',
				modifiedFrom: sa.fixture.ago(60 * 24 * 6),
				modifiedTo: sa.fixture.ago(60 * 24 * 3),
				returnAll: true,
				paging: { pageSize: 10 },
				simplify: false,
			},
			credentials: sa.credentials,
			timezone: 'UTC',
		});
		const send = context.helpers.httpRequestWithAuthentication;
		let editedYet = false;
		const searches: Search[] = [];
		context.helpers.httpRequestWithAuthentication = async (...args: unknown[]) => {
			const request = args[1] as { url?: string; body?: unknown };
			const isSearch = String(request.url).endsWith('/case/byDatePaged');
			if (isSearch) searches.push(JSON.parse(JSON.stringify(request.body)) as Search);
			const response = await send(...args);
			if (!editedYet && isSearch) {
				editedYet = true;
				expect((await sa.admin.post(`/__admin/cases/${310000 + edited}`, { caseName: 'Edited by staff' })).status).toBe(200);
			}
			return response;
		};
		const output = ((await nodeType.execute!.call(context as IExecuteFunctions)) as INodeExecutionData[][])[0];
		expect(editedYet).toBe(true);
		return { numbers: output.map((item) => item.json.caseNumber as string), searches };
	}

	it('returns every case of the window exactly once when staff edit a case on an earlier page during the read', async () => {
		const { numbers } = await readWhileEditing(3);
		expect(numbers).toHaveLength(30);
		expect(new Set(numbers).size).toBe(30);
		expect([...numbers].sort()).toEqual(Array.from({ length: 30 }, (_, i) => `EDIT-${String(i).padStart(2, '0')}`));
	});

	it('asks SmartAdvocate for the rest of the window from the last case read, sorted by modified date and case ID', async () => {
		const { searches } = await readWhileEditing(0);
		expect(searches.length).toBeGreaterThanOrEqual(3);
		expect(searches[0].pageRequest.sorts).toEqual([
			{ propertyPath: 'modifiedDate', sortDirection: 'Ascending' },
			{ propertyPath: 'caseID', sortDirection: 'Ascending' },
		]);
		expect(searches.every((search) => search.pageRequest.currentPage === 0)).toBe(true);
		const starts = searches.map((search) => Date.parse(search.modifiedFromDateTime));
		expect(starts).toEqual([...starts].sort((a, b) => a - b));
		expect(new Set(starts).size).toBe(searches.length);
	});
});
