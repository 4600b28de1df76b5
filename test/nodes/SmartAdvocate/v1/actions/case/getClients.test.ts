import { SmartAdvocate } from '../../../../../../nodes/SmartAdvocate/SmartAdvocate.node';
import { runNode } from '../../../../../support/n8nContext';
import { rl, startSa, type SaHarness } from '../../../harness';

describe('SmartAdvocate › Case › Get Clients', () => {
	let sa: SaHarness;
	beforeAll(async () => {
		sa = await startSa();
	});
	afterAll(() => sa.close());
	beforeEach(() => sa.reset());

	const getClients = (cases: Array<ReturnType<typeof rl>>, options: Parameters<typeof runNode>[1] = {}) =>
		runNode(new SmartAdvocate(), {
			parameters: { resource: 'case', operation: 'getClients', case: '={{ $json.ref }}' },
			items: cases.map((ref) => ({ json: { ref } })),
			credentials: sa.credentials,
			...options,
		});

	it('returns one item per input case with its case ID and clients, simplified as Get Many does', async () => {
		const items = await getClients([rl('id', '1002'), rl('id', '1001')]);
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(items[1].json).toEqual({
			caseId: 1001,
			clients: [
				{ contactId: 7001, firstName: 'Maria', lastName: 'Garcia', email: 'maria.garcia@mail.test', cellPhone: '(555) 201-3344' },
				{ contactId: 7002, firstName: 'Luis', lastName: 'Garcia', email: null, cellPhone: null },
			],
		});
		const [viaGetMany] = await runNode(new SmartAdvocate(), {
			parameters: { resource: 'case', operation: 'getAll', searchBy: 'caseNumber', caseNumber: '2024-0002', match: 'exact' },
			credentials: sa.credentials,
		});
		expect(items[0].json).toEqual({ caseId: 1002, clients: viaGetMany.json.clients });
	});

	it('reads only the contacts of the given cases, nothing else', async () => {
		await getClients([rl('id', '1001'), rl('id', '1002')]);
		expect((await sa.calls()).filter((c) => !c.includes('authenticate')).sort()).toEqual(['GET /case/1001/contacts', 'GET /case/1002/contacts']);
	});

	it('names the failed item and goes on with the others when Continue On Fail is on', async () => {
		const items = await getClients([rl('id', '1001'), rl('id', '999999'), rl('id', '1002')], { continueOnFail: true });
		expect(items.map((i) => i.json.caseId ?? i.json.error)).toEqual([1001, expect.stringContaining('999999'), 1002]);
		expect(items[1]).toMatchObject({ json: { itemIndex: 1 }, pairedItem: { item: 1 } });
	});

	it('stops with an error naming the item when Continue On Fail is off', async () => {
		await expect(getClients([rl('id', '1001'), rl('id', '999999')])).rejects.toMatchObject({ context: { itemIndex: 1 } });
	});
});
