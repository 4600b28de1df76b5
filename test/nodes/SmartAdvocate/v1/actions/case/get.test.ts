/* eslint-disable @typescript-eslint/no-explicit-any -- runs in Node, never in n8n (eslint.dev.config.mjs) */
import { SmartAdvocate } from '../../../../../../nodes/SmartAdvocate/SmartAdvocate.node';
import { toSimplifiedCase } from '../../../../../../nodes/SmartAdvocate/v1/actions/caseLookup';
import { createContext, resolveNodeType, runNode } from '../../../../../support/n8nContext';
import { rl, startSa, type SaHarness } from '../../../harness';
import { API_USER } from '../../../fixtures';

describe('SmartAdvocate › Case › Get', () => {
	let sa: SaHarness;
	beforeAll(async () => {
		sa = await startSa();
	});
	afterAll(() => sa.close());
	beforeEach(() => sa.reset());

	const get = (value: ReturnType<typeof rl>, extra: Record<string, unknown> = {}, options: Parameters<typeof runNode>[1] = {}) =>
		runNode(new SmartAdvocate(), {
			parameters: { resource: 'case', operation: 'get', case: value, ...extra },
			credentials: sa.credentials,
			...options,
		});

	it('returns the simplified case a sync maps: staff by role, clients, case date source', async () => {
		const [item] = await get(rl('id', '1001'));
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.json).toEqual({
			caseId: 1001,
			caseNumber: '2024-0001',
			caseName: 'Garcia v. Kessler',
			description: 'Garcia v. Kessler',
			practiceArea: 'Motor Vehicle Accident',
			caseGroup: 'Personal Injury',
			status: 'Treating',
			stage: 'Pre-Litigation',
			caseDate: '2023-12-30T08:30:00.000Z',
			caseDateSource: 'incident',
			openedDate: '2024-01-15T15:00:00.000Z',
			closedDate: null,
			isClosed: false,
			leadAttorney: { userId: 101, name: 'Alice Archer', email: 'alice@firm.test', role: 'Primary Attorney' },
			additionalAttorneys: [{ userId: 103, name: 'Carol Chen', email: 'carol@firm.test', role: 'Secondary Attorney' }],
			paralegals: [
				{ userId: 102, name: 'Bob Baker', email: 'bob@firm.test', role: 'Paralegal' },
				{ userId: 105, name: 'Erin Evans', email: 'erin@firm.test', role: 'Primary Paralegal' },
			],
			caseManagers: [{ userId: 104, name: 'Dan Diaz', email: 'dan@firm.test', role: 'Case Manager' }],
			clients: [
				{ contactId: 7001, firstName: 'Maria', lastName: 'Garcia', email: 'maria.garcia@mail.test', cellPhone: '(555) 201-3344' },
				{ contactId: 7002, firstName: 'Luis', lastName: 'Garcia', email: null, cellPhone: null },
			],
			modifiedDate: sa.fixture.ago(60 * 24 * 2),
		});
	});

	it('finds a case by case number, and by the ID a list pick stores', async () => {
		const [byNumber] = await get(rl('caseNumber', '2024-0002'));
		const [fromList] = await get(rl('list', '1002'));
		expect(byNumber.json).toMatchObject({ caseId: 1002, caseNumber: '2024-0002', caseDateSource: 'opened', caseDate: '2024-01-15T15:00:00.000Z' });
		expect(fromList.json).toEqual(byNumber.json);
	});

	it('matches a case number containing a LIKE wildcard literally', async () => {
		const [item] = await get(rl('caseNumber', '2024_1'));
		expect(item.json).toMatchObject({ caseId: 1004, caseNumber: '2024_1' });
	});

	it('reads no clients with Include Clients off, and leaves the clients field out', async () => {
		const [item] = await get(rl('id', '1001'), { includeClients: false });
		expect(item.json).toMatchObject({ caseId: 1001, leadAttorney: { name: 'Alice Archer' } });
		expect(item.json).not.toHaveProperty('clients');
		expect(await sa.calls()).not.toContain('GET /case/1001/contacts');
	});

	it('returns SmartAdvocate\'s own record when Simplify is off', async () => {
		const [item] = await get(rl('id', '1001'), { simplify: false });
		expect(item.json).toMatchObject({ caseID: 1001, caseNumber: '2024-0001', caseType: 'Motor Vehicle Accident' });
		expect(item.json.caseStaff).toHaveLength(5);
		expect(await sa.calls()).not.toContain('GET /case/1001/contacts');
	});

	it('uses the staff endpoint only when the case does not embed its staff', async () => {
		await get(rl('id', '1001'));
		expect(await sa.calls()).not.toContain('GET /case/1001/staff');

		// A server whose case record has no caseStaff: the staff comes from case/{id}/staff instead.
		const { context } = createContext(new SmartAdvocate(), { credentials: sa.credentials });
		const simplified = await toSimplifiedCase(context, { caseID: 1001, caseNumber: '2024-0001', caseName: 'Garcia v. Kessler' });
		expect(simplified.leadAttorney?.name).toBe('Alice Archer');
		expect(simplified.paralegals.map((p) => p.name)).toEqual(['Bob Baker', 'Erin Evans']);
		expect(await sa.calls()).toContain('GET /case/1001/staff');

		await sa.fault('/case/1001/staff', 404);
		await expect(toSimplifiedCase(context, { caseID: 1001 })).rejects.toThrow(
			'SmartAdvocate sent case 1001 without its staff, and this SmartAdvocate server has no case staff endpoint (case/{caseID}/staff)',
		);
	});

	it('turns an unknown case into one error item per failing input, naming the case, with Continue On Fail', async () => {
		const items = await get(
			rl('caseNumber', '={{ $json.caseNumber }}'),
			{},
			{ items: [{ json: { caseNumber: '2024-0001' } }, { json: { caseNumber: '1999-9999' } }, { json: { caseNumber: '2024-0002' } }], continueOnFail: true },
		);
		expect(items).toHaveLength(3);
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[0].json.caseNumber).toBe('2024-0001');
		expect(items[1].json.error).toBe('No case with number 1999-9999 exists in SmartAdvocate');
		expect(items[2].json.caseNumber).toBe('2024-0002');
	});

	it('reads a case ID mapped from a field of each item without evaluating an expression per item, the same cases as n8n would', async () => {
		const items = [{ json: { caseId: 1002 } }, { json: { caseId: '1001' } }, { json: { other: 1 } }];
		const { context } = createContext(new SmartAdvocate(), {
			parameters: { resource: 'case', operation: 'get', case: rl('id', '={{ $json.caseId }}') },
			credentials: sa.credentials,
			items,
			continueOnFail: true,
		});
		const read: Array<[string, number | undefined]> = [];
		const getNodeParameter = context.getNodeParameter;
		context.getNodeParameter = (...args: any[]) => {
			read.push([args[0], args[1]]);
			return getNodeParameter(...args);
		};
		const [output] = (await resolveNodeType(new SmartAdvocate()).execute!.call(context as any)) as any[][];
		expect(output.map((item) => [item.json.caseId ?? item.json.error, item.pairedItem])).toEqual([
			[1002, { item: 0 }],
			[1001, { item: 1 }],
			['No case given in the Case parameter', { item: 2 }],
		]);
		// Only the item without the field goes through n8n's expression evaluation.
		expect(read.filter(([name]) => name === 'case')).toEqual([['case', 2]]);
	});

	it('stops with an error naming the item when Continue On Fail is off', async () => {
		const run = get(rl('caseNumber', '={{ $json.caseNumber }}'), {}, {
			items: [{ json: { caseNumber: '2024-0001' } }, { json: { caseNumber: '1999-9999' } }],
		});
		await expect(run).rejects.toMatchObject({
			message: 'No case with number 1999-9999 exists in SmartAdvocate',
			context: { itemIndex: 1 },
		});
	});

	it('explains a missing case ID in words, without the password or token', async () => {
		const error = await get(rl('id', '424242')).catch((e) => e);
		expect(error.message).toBe('No case with ID 424242 exists in SmartAdvocate');
		expect(error.description).toMatch(/Check the ID or number/);
		const text = JSON.stringify({ message: error.message, description: error.description, context: error.context });
		expect(text).not.toContain(API_USER.password);
		expect(text).not.toMatch(/eyJ[\w-]+\.[\w-]+/);
	});

	it('rejects a case ID that is not a number before calling SmartAdvocate', async () => {
		await expect(get(rl('id', 'abc'))).rejects.toThrow('The case ID "abc" is not a number');
		expect(await sa.calls()).toEqual([]);
	});

	it('retries a SmartAdvocate outage (503) and succeeds', async () => {
		await sa.fault('case/1001', 503, 2, { retryAfter: 0 });
		const [item] = await get(rl('id', '1001'), { simplify: false });
		expect(item.json.caseID).toBe(1001);
		expect((await sa.calls()).filter((c) => c === 'GET /case/1001')).toHaveLength(3);
	});
});
