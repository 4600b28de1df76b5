import { CaseStatus } from '../../../../../../nodes/CaseStatus/CaseStatus.node';
import { runNode } from '../../../../../support/n8nContext';
import { startCs, rl, type CsHarness } from '../../../harness';

let cs: CsHarness;
beforeAll(async () => {
	cs = await startCs();
});
afterAll(() => cs.close());
beforeEach(() => cs.reset());

const get = (locator: ReturnType<typeof rl>, simplify = true) =>
	runNode(new CaseStatus(), {
		parameters: { resource: 'case', operation: 'get', case: locator, simplify },
		credentials: cs.credentials,
	});

describe('Case → Get', () => {
	it.each([
		['list', rl('list', '90001')],
		['ID', rl('id', '90001')],
		['readable ID', rl('readableId', '2025-00137')],
		['integration ID', rl('integrationId', '516718')],
	])('finds a case by %s', async (_, locator) => {
		const [item] = await get(locator);
		expect(item.json).toMatchObject({ caseId: 90001, readableId: '2025-00137', integrationId: '516718' });
		expect(item.pairedItem).toEqual({ item: 0 });
	});

	it('returns every field Case Status sent when Simplify is off', async () => {
		const [item] = await get(rl('id', '90001'), false);
		expect(item.json).toMatchObject({ id: 90001, integration_type: 'SMARTADVOCATE', stage: { name: 'Pre-Litigation', position: 2 } });
	});

	it.each([
		[rl('id', '12345'), 'No case with ID 12345 exists in Case Status'],
		[rl('readableId', '1999-00001'), 'No case with readable ID 1999-00001 exists in Case Status'],
		[rl('integrationId', '999'), 'No case with integration ID 999 exists in Case Status'],
	])('says plainly when no case matches %j', async (locator, message) => {
		await expect(get(locator)).rejects.toThrow(message);
	});

	it('explains that a case ID is a number', async () => {
		await expect(get(rl('id', '2025-00137'))).rejects.toThrow('The Case ID "2025-00137" is not a number');
	});
});
