import { SmartAdvocate } from '../../../../../../nodes/SmartAdvocate/SmartAdvocate.node';
import { runNode } from '../../../../../support/n8nContext';
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

	it('says which item failed when its date is not a date', async () => {
		const items = await getMany({ searchBy: 'modifiedDate', modifiedFrom: 'last tuesday' }, { continueOnFail: true });
		expect(items).toEqual([{ json: expect.objectContaining({ error: 'The Modified From parameter is not a date' }), pairedItem: { item: 0 } }]);
	});
});
