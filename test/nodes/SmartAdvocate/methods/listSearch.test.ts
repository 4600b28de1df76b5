import type { INodeListSearchResult } from 'n8n-workflow';

import { SmartAdvocate } from '../../../../nodes/SmartAdvocate/SmartAdvocate.node';
import { runMethod } from '../../../support/n8nContext';
import { startSa, type SaHarness } from '../harness';

describe('SmartAdvocate › Case list (resource locator search)', () => {
	let sa: SaHarness;
	beforeAll(async () => {
		sa = await startSa();
	});
	afterAll(() => sa.close());

	const search = async (filter?: string, paginationToken?: string) =>
		(await runMethod(new SmartAdvocate(), 'listSearch', 'searchCases', { credentials: sa.credentials, filter, paginationToken })) as INodeListSearchResult;

	it('shows the most recently changed cases first when nothing is typed, with the case ID as value', async () => {
		const { results } = await search();
		expect(results.map((r) => r.value)).toEqual(['1002', '1001', '1003', '1004', '1005']);
		expect(results[0].name).toBe('2024-0002 — Nguyen v. FreshMart Grocers');
	});

	it('finds cases by part of the case number, wildcards taken literally', async () => {
		expect((await search('0107')).results.map((r) => r.name)).toEqual(['2023-0107 — Okafor v. Delta Freight']);
		expect((await search('_')).results.map((r) => r.value)).toEqual(['1004']);
	});

	it('finds cases by part of the case name', async () => {
		expect((await search('wildcard')).results.map((r) => r.value).sort()).toEqual(['1004', '1005']);
		expect((await search('GARCIA')).results.map((r) => r.value)).toEqual(['1001']);
	});

	it('pages through many cases with a pagination token', async () => {
		for (let i = 0; i < 60; i++) await sa.admin.post('/__admin/cases', { caseNumber: `BULK-${i}`, caseName: `Bulk ${i}` });
		const first = await search();
		expect(first.results).toHaveLength(50);
		expect(first.paginationToken).toBe('1');
		const second = await search(undefined, first.paginationToken);
		expect(second.paginationToken).toBeUndefined();
		expect(new Set([...first.results, ...second.results].map((r) => r.value)).size).toBe(65);
	});
});
