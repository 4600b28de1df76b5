/**
 * Create or Update over a whole run (a firm's sync): how many calls it makes, how many at once,
 * and that per-item results, errors and pairing stay exactly per item. Calls are counted from the
 * simulator's request log.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { CaseStatus } from '../../../../../../nodes/CaseStatus/CaseStatus.node';
import { LIST_ALL_FROM_ITEMS } from '../../../../../../nodes/CaseStatus/caseSync/caseDirectory';
import { createContext, resolveNodeType } from '../../../../../support/n8nContext';
import { API_KEY, STAFF } from '../../../fixtures';
import { startCs, type CsHarness } from '../../../harness';

let cs: CsHarness;
beforeAll(async () => {
	cs = await startCs();
});
afterAll(() => cs.close());
beforeEach(() => cs.reset());

interface RunOptions {
	parameters?: IDataObject;
	continueOnFail?: 'continueRegularOutput' | 'continueErrorOutput';
}

/** Runs Create or Update on the given items, counting how many Case Status calls were in flight at once. */
async function run(items: IDataObject[], options: RunOptions = {}) {
	const nodeType = resolveNodeType(new CaseStatus());
	const { context, node } = createContext(nodeType, {
		parameters: { resource: 'case', operation: 'upsert', dataMode: 'autoMapInputData', ...options.parameters },
		items: items.map((json) => ({ json })),
		credentials: cs.credentials,
		continueOnFail: options.continueOnFail !== undefined,
	});
	if (options.continueOnFail) node.onError = options.continueOnFail;
	const send = context.helpers.httpRequestWithAuthentication;
	const calls = { inFlight: 0, peak: 0, credentialReads: 0 };
	context.helpers.httpRequestWithAuthentication = async (...args: unknown[]) => {
		calls.inFlight++;
		calls.peak = Math.max(calls.peak, calls.inFlight);
		try {
			return await send(...args);
		} finally {
			calls.inFlight--;
		}
	};
	const getCredentials = context.getCredentials;
	context.getCredentials = async (...args: unknown[]) => {
		calls.credentialReads++;
		return await getCredentials(...args);
	};
	const execute = async () => ((await nodeType.execute!.call(context as IExecuteFunctions)) as INodeExecutionData[][])[0];
	return { execute, calls };
}

const output = async (items: IDataObject[], options: RunOptions = {}) => await (await run(items, options)).execute();

/** A new case as an earlier node would map it, one per number. */
const newCase = (n: number, extra: IDataObject = {}): IDataObject => ({
	integrationId: String(530000 + n),
	readableId: `2026-${String(n).padStart(5, '0')}`,
	primaryAttorneyEmail: STAFF.mendez,
	practiceArea: 'Workers Comp',
	stage: 'Intake',
	clients: [{ firstName: 'Client', lastName: `No ${n}`, cellPhone: `(555) 4${String(n).padStart(2, '0').slice(-2)}-${String(1000 + n).slice(-4)}` }],
	paralegalEmails: [STAFF.tran],
	...extra,
});
const newCases = (count: number, from = 0) => Array.from({ length: count }, (_, i) => newCase(from + i));

const calls = async () => (await cs.requests()).map((r) => `${r.method} ${r.path}`);
const count = (list: string[], call: string) => list.filter((c) => c === call).length;
/** Whether Case Status holds a case with this integration ID. */
const caseStatusHas = async (integrationId: string) =>
	((await cs.admin.get('/v1/api/cases', { params: { integration_id: integrationId }, headers: { Authorization: `ApiKey ${API_KEY}` } })).data as unknown[]).length > 0;
const getCase = async (id: number) =>
	(await cs.admin.get(`/v1/api/cases/${id}`, { headers: { Authorization: `ApiKey ${API_KEY}` } })).data as IDataObject;

describe('Case → Create or Update, a whole run', () => {
	it('reads the case list once, writes only created and changed cases, reads lookups and the credential once, at most 8 calls at a time', async () => {
		const items = [
			{ integrationId: '516718', stage: 'Pre-Litigation' }, // unchanged
			{ integrationId: '516720', stage: 'Litigation' }, // changed
			{ integrationId: '516500', closed: false }, // reopened
			...newCases(LIST_ALL_FROM_ITEMS),
		];
		const { execute, calls: inFlight } = await run(items);
		const result = await execute();
		expect(result.map((item) => item.json.operationResult)).toEqual(['unchanged', 'updated', 'updated', ...newCases(LIST_ALL_FROM_ITEMS).map(() => 'created')]);
		expect(result.map((item) => item.pairedItem)).toEqual(items.map((_, item) => ({ item })));
		const sent = await calls();
		expect(count(sent, 'GET /v1/api/cases')).toBe(1);
		expect((await cs.requests()).find((r) => r.path === '/v1/api/cases' && r.method === 'GET')?.query).toMatchObject({ size: '100' });
		expect(count(sent, 'GET /v1/api/practice-areas')).toBe(1);
		expect(count(sent, 'GET /v1/api/users')).toBe(4);
		expect(count(sent, 'POST /v1/api/cases')).toBe(LIST_ALL_FROM_ITEMS);
		expect(sent.filter((c) => c.startsWith('PATCH'))).toEqual(expect.arrayContaining(['PATCH /v1/api/cases/90002', 'PATCH /v1/api/cases/90003']));
		expect(sent).toHaveLength(1 + 1 + 4 + LIST_ALL_FROM_ITEMS + 2);
		expect(inFlight.peak).toBeGreaterThan(1);
		expect(inFlight.peak).toBeLessThanOrEqual(8);
		expect(inFlight.credentialReads).toBe(1);
	});

	it('reads the lookups while it lists the cases, and the staff of every role at once, not one read after another', async () => {
		const latencyMs = 400;
		await cs.admin.post('/__admin/latency', { ms: latencyMs });
		const items = [{ integrationId: '516720', stage: 'Litigation', paralegalEmails: [STAFF.tran] }, ...newCases(LIST_ALL_FROM_ITEMS)];
		const result = await output(items);
		expect(result[0].json).toMatchObject({ operationResult: 'updated', changedFields: expect.arrayContaining(['stage']) });
		const log = await cs.requests();
		const list = log.find((r) => r.method === 'GET' && r.path === '/v1/api/cases')!;
		const lookups = log.filter((r) => r.path === '/v1/api/users' || r.path === '/v1/api/practice-areas');
		expect(lookups).toHaveLength(5);
		// Answered with the case list: a read started after it (or after another lookup) comes a latency later.
		for (const lookup of lookups) expect(Math.abs(Date.parse(lookup.at) - Date.parse(list.at))).toBeLessThan(latencyMs / 2);
	});

	it('asks an account without the practice area list once per run, not once per case', async () => {
		await cs.fault('/v1/api/practice-areas', 404, 100);
		// Existing cases far apart in the run, so that each needs the list after the one before got its answer.
		const existing = ['516718', '516720', '516500'];
		const items = newCases(LIST_ALL_FROM_ITEMS);
		existing.forEach((integrationId, i) => items.splice(i * 25, 0, { integrationId, stage: 'Litigation' }));
		const result = await output(items);
		// Without the list, stages still compare by name.
		expect([0, 25, 50].map((i) => result[i].json.operationResult)).toEqual([
			expect.stringMatching(/^(updated|unchanged)$/),
			'updated',
			expect.stringMatching(/^(updated|unchanged)$/),
		]);
		expect(count(await calls(), 'GET /v1/api/practice-areas')).toBe(1);
	});

	it('pages through the whole list, and writes nothing on the next run when nothing changed', async () => {
		const items = newCases(120);
		await output(items);
		const before = (await cs.requests()).length;
		const again = await output(items);
		expect(again.every((item) => item.json.operationResult === 'unchanged')).toBe(true);
		const second = (await cs.requests()).slice(before);
		const listed = second.filter((r) => r.method === 'GET' && r.path === '/v1/api/cases');
		// 120 new cases and the fixture's cases: two pages of 100, and page 3, read ahead with page 2 (dropped).
		expect(listed.map((r) => Number(r.query['page[number]'])).sort((a, b) => a - b)).toEqual([1, 2, 3]);
		expect(second.filter((r) => r.method !== 'GET')).toEqual([]);
	});

	it('looks cases up one by one in a small run', async () => {
		await output([{ integrationId: '516718', stage: 'Pre-Litigation' }, { integrationId: '516720', stage: 'Intake' }]);
		const lookups = (await cs.requests()).filter((r) => r.method === 'GET' && r.path === '/v1/api/cases');
		expect(lookups.map((r) => r.query.integration_id)).toEqual(['516718', '516720']);
	});

	it.each([
		['a small run (lookups)', 0],
		['a big run (one list)', LIST_ALL_FROM_ITEMS],
	])('creates one case, never two, for the same integration ID twice in %s', async (_, others) => {
		const twice = [newCase(900), ...newCases(others), newCase(900, { stage: 'Litigation' })];
		const result = await output(twice);
		expect(result[0].json.operationResult).toBe('created');
		expect(result[twice.length - 1].json).toMatchObject({ operationResult: 'updated', changedFields: ['stage'], caseId: result[0].json.caseId });
		expect(count(await calls(), 'POST /v1/api/cases')).toBe(1 + others);
	});

	describe('per-item errors', () => {
		/** A big run in which items 10 and 40 name a stage Case Status does not have. */
		const withRefusals = () => newCases(LIST_ALL_FROM_ITEMS + 10).map((item, i) => (i === 10 || i === 40 ? { ...item, stage: 'Appeal' } : item));

		it('Continue (regular output): refused cases stay in their place, flat, with their fields; the others are created', async () => {
			const result = await output(withRefusals(), { continueOnFail: 'continueRegularOutput' });
			expect(result.map((item) => item.pairedItem)).toEqual(withRefusals().map((_, item) => ({ item })));
			expect(result[10].json).toMatchObject({ itemIndex: 10, integrationId: '530010', reason: 'Stage not mapped: Appeal' });
			expect(result[40].json).toMatchObject({ itemIndex: 40, integrationId: '530040' });
			expect(result[11].json).toMatchObject({ operationResult: 'created', integrationId: '530011' });
			expect(count(await calls(), 'POST /v1/api/cases')).toBe(LIST_ALL_FROM_ITEMS + 10);
		});

		it('Continue (using error output): refused cases are `error` alone, in their place', async () => {
			const result = await output(withRefusals(), { continueOnFail: 'continueErrorOutput' });
			expect(result.map((item) => item.pairedItem)).toEqual(withRefusals().map((_, item) => ({ item })));
			expect(Object.keys(result[10].json)).toEqual(['error']);
			expect(result[10].json.error).toMatchObject({ itemIndex: 10, integrationId: '530010', reason: 'Stage not mapped: Appeal' });
			expect(result[39].json.operationResult).toBe('created');
		});

		it('without Continue On Fail, fails naming the lowest failing item', async () => {
			const error = await (await run(withRefusals())).execute().catch((e: Error & { context: IDataObject }) => e);
			expect(error).toBeInstanceOf(Error);
			expect((error as Error).message).toBe("Case Status refused to create case 2026-00010 (integration ID 530010): Stage 'Appeal' is not mapped: add it to the stage map");
			expect((error as { context: IDataObject }).context.itemIndex).toBe(10);
			// Items start in order and none starts after the failure: far fewer than all were created.
			expect(count(await calls(), 'POST /v1/api/cases')).toBeLessThan(10 + 1 + 8);
		});
	});

	describe('a case whose clients were not read ("clientsNotRead")', () => {
		/** A big run: item 3 is a case to create whose clients were not read, item 0 an existing case with the same note. */
		const notRead = 'SmartAdvocate answered 500 after 5 attempts';
		const items = () => [
			{ integrationId: '516720', stage: 'Litigation', clientsNotRead: notRead },
			...newCases(LIST_ALL_FROM_ITEMS).map((item, i) => (i === 2 ? { ...item, clients: [], clientsNotRead: notRead } : item)),
		];
		const failure = {
			readableId: '2026-00002',
			integrationId: '530002',
			reason: `Clients not read: ${notRead}`,
			reasonCode: 'clientsNotRead',
			reasonLabel: 'Clients not read from SmartAdvocate',
			whatToDo: `SmartAdvocate did not give the case's clients (${notRead}); it is tried again on the next run`,
		};

		it('Continue (regular output): fails that create in its place without calling Case Status; the existing case is updated', async () => {
			const result = await output(items(), { continueOnFail: 'continueRegularOutput' });
			expect(result.map((item) => item.pairedItem)).toEqual(items().map((_, item) => ({ item })));
			expect(result[3].json).toMatchObject({ itemIndex: 3, error: `Case 2026-00002 (integration ID 530002) was not created: ${failure.whatToDo}`, ...failure });
			expect(result[0].json).toMatchObject({ operationResult: 'updated', changedFields: ['stage'] });
			expect(result[4].json).toMatchObject({ operationResult: 'created', integrationId: '530003' });
			const creates = (await cs.requests()).filter((r) => r.method === 'POST' && r.path === '/v1/api/cases');
			expect(creates).toHaveLength(LIST_ALL_FROM_ITEMS - 1);
			expect(await caseStatusHas('530002')).toBe(false);
			expect(await caseStatusHas('530003')).toBe(true);
		});

		it('Continue (using error output): the failed create is `error` alone, in its place, with the reason', async () => {
			const result = await output(items(), { continueOnFail: 'continueErrorOutput' });
			expect(result.map((item) => item.pairedItem)).toEqual(items().map((_, item) => ({ item })));
			expect(Object.keys(result[3].json)).toEqual(['error']);
			expect(result[3].json.error).toMatchObject({ itemIndex: 3, ...failure });
			expect(result[0].json.operationResult).toBe('updated');
		});
	});

	it('when Case Status limits requests, the other calls of the run wait too instead of hammering it', async () => {
		await cs.fault('PATCH /v1/api/cases', 429, 1, { retryAfter: 1 });
		const items = [{ integrationId: '516718', stage: 'Litigation' }, ...newCases(30)];
		const result = await output(items);
		expect(result.map((item) => item.json.operationResult)).toEqual(['updated', ...newCases(30).map(() => 'created')]);
		const log = await cs.requests();
		const limited = log.findIndex((r) => r.status === 429);
		const retried = log.findIndex((r, i) => i > limited && r.method === 'PATCH' && r.path === '/v1/api/cases/90001');
		// Before the retry, only the (at most 7) other calls in flight when the 429 came finish, and the
		// (at most 7) calls that waited with it go out at the same moment; without the shared pause
		// the other items of the run would go on calling Case Status during the wait.
		expect(retried - limited - 1).toBeLessThanOrEqual(14);
		expect(count(log.map((r) => `${r.method} ${r.path}`), 'POST /v1/api/cases')).toBe(30);
		// The calls after the pause go out spaced, a few seconds for these 60.
	}, 20_000);
});

describe('Data Mode: Auto-Map Input Data to Case Fields', () => {
	it('compares only the keys an item has, and reads an integration ID given as a number', async () => {
		const before = await getCase(90001);
		const [item] = await output([{ integrationId: 516718, stage: 'Litigation', unrelated: 'ignored' }]);
		expect(item.json).toMatchObject({ operationResult: 'updated', changedFields: ['stage'] });
		const after = await getCase(90001);
		expect(after.description).toBe(before.description);
		expect(after.paralegals).toEqual(before.paralegals);
	});

	it('an empty key clears the field with Empty Fields "Clear Them", and is left as it is by default', async () => {
		const [kept] = await output([{ integrationId: '516718', paralegalEmails: [], description: '' }]);
		expect(kept.json.operationResult).toBe('unchanged');
		const [cleared] = await output([{ integrationId: '516718', paralegalEmails: [], description: '' }], { parameters: { emptyFields: 'clear' } });
		expect(cleared.json).toMatchObject({ operationResult: 'updated', changedFields: ['description', 'paralegalEmails'], paralegalEmails: [] });
		expect(await cs.writes()).toEqual(['PATCH /v1/api/cases/90001']);
	});

	it('fails an item whose key has the wrong type, naming the field and the item, and goes on with the others', async () => {
		const result = await output(
			[
				{ integrationId: '516718', stage: 'Litigation' },
				{ integrationId: '516720', paralegalEmails: STAFF.tran },
				{ integrationId: '516500', closed: 'yes' },
			],
			{ continueOnFail: 'continueRegularOutput' },
		);
		expect(result[0].json.operationResult).toBe('updated');
		expect(result[1].json).toMatchObject({ error: 'The field "paralegalEmails" of item 1 must be a list of e-mail addresses, not the text "' + STAFF.tran + '"', itemIndex: 1 });
		expect(result[2].json).toMatchObject({ error: 'The field "closed" of item 2 must be true or false, not the text "yes"', itemIndex: 2 });
		expect(await cs.writes()).toEqual(['PATCH /v1/api/cases/90001']);
	});

	it('reads no case parameter at all, so no expression runs per item', async () => {
		const nodeType = resolveNodeType(new CaseStatus());
		const { context } = createContext(nodeType, {
			parameters: { resource: 'case', operation: 'upsert', dataMode: 'autoMapInputData', integrationId: '={{ $json.nope.nope }}' },
			items: [{ json: { integrationId: '516718', stage: 'Litigation' } }],
			credentials: cs.credentials,
		});
		const read = new Set<string>();
		const getNodeParameter = context.getNodeParameter;
		context.getNodeParameter = (name: string, ...rest: unknown[]) => {
			read.add(name);
			return getNodeParameter(name, ...rest);
		};
		const [[item]] = (await nodeType.execute!.call(context)) as INodeExecutionData[][];
		expect(item.json.operationResult).toBe('updated');
		expect([...read].sort()).toEqual(['dataMode', 'emptyFields', 'operation', 'previewOnly', 'resource', 'simplify', 'syncStartedAt']);
	});

	it('reads Preview Only and Part of a Sync That Started At once per run (the first item), so a run-wide expression is not evaluated per case', async () => {
		const nodeType = resolveNodeType(new CaseStatus());
		const { context } = createContext(nodeType, {
			parameters: { resource: 'case', operation: 'upsert', dataMode: 'autoMapInputData', previewOnly: true, syncStartedAt: new Date().toISOString() },
			items: [{ json: { integrationId: '516718', stage: 'Litigation' } }, { json: { integrationId: '516718', stage: 'Litigation' } }, { json: newCase(7) }],
			credentials: cs.credentials,
		});
		const reads: unknown[] = [];
		const getNodeParameter = context.getNodeParameter;
		context.getNodeParameter = (name: string, ...rest: unknown[]) => {
			if (name === 'previewOnly' || name === 'syncStartedAt') reads.push(`${name} ${String(rest[0])}`);
			return getNodeParameter(name, ...rest);
		};
		const items = (await nodeType.execute!.call(context)) as INodeExecutionData[][];
		expect(items[0].map((item) => item.json.operationResult)).toEqual(['wouldUpdate', 'wouldUpdate', 'wouldCreate']);
		expect(reads.sort()).toEqual(['previewOnly 0', 'syncStartedAt 0']);
		expect(await cs.writes()).toEqual([]);
	});

	it('hides the case parameters in the editor', () => {
		const { node } = createContext(resolveNodeType(new CaseStatus()), { parameters: { resource: 'case', operation: 'upsert', dataMode: 'autoMapInputData' } });
		const shown = Object.keys(node.parameters);
		expect(shown).toEqual(expect.arrayContaining(['dataMode', 'emptyFields', 'whenNotFound', 'previewOnly', 'simplify']));
		for (const hidden of ['integrationId', 'readableId', 'primaryAttorneyEmail', 'clientsInput', 'clients', 'additionalFields']) expect(shown).not.toContain(hidden);
		const { node: below } = createContext(resolveNodeType(new CaseStatus()), { parameters: { resource: 'case', operation: 'upsert' } });
		expect(below.parameters).toMatchObject({ dataMode: 'defineBelow', integrationId: '', additionalFields: {} });
	});

	it('creates a new case from the item, clients included', async () => {
		const [item] = await output([newCase(1, { closed: true })], { parameters: { simplify: false } });
		expect(item.json).toMatchObject({ operationResult: 'created', integration_id: '530001', clients: [expect.objectContaining({ first_name: 'Client' })] });
		expect(item.json.closed_at).toEqual(expect.any(String));
		expect(await cs.writes()).toEqual(['POST /v1/api/cases']);
	});
});

describe('When No Case Has the Integration ID: Output It Without Creating', () => {
	it('outputs a new case with the fields it was given and operationResult "notFound", writes nothing, and still updates existing cases', async () => {
		const fresh = newCase(5, { description: 'Slip on ice' });
		const result = await output([fresh, { integrationId: '516718', stage: 'Litigation' }], { parameters: { whenNotFound: 'output' } });
		expect(result[0]).toEqual({ json: { ...fresh, clients: [{ firstName: 'Client', lastName: 'No 5', cellPhone: fresh.clients && (fresh.clients as IDataObject[])[0].cellPhone }], operationResult: 'notFound' }, pairedItem: { item: 0 } });
		expect(result[1].json.operationResult).toBe('updated');
		expect(await cs.writes()).toEqual(['PATCH /v1/api/cases/90001']);
	});

	it('with the fields defined below, outputs what the parameters gave', async () => {
		const result = await output([{ id: '530077' }], {
			parameters: { dataMode: 'defineBelow', whenNotFound: 'output', integrationId: '={{ $json.id }}', readableId: '2026-00077', additionalFields: { stage: 'Intake' } },
		});
		expect(result).toEqual([{ json: { integrationId: '530077', readableId: '2026-00077', stage: 'Intake', operationResult: 'notFound' }, pairedItem: { item: 0 } }]);
		expect(await cs.writes()).toEqual([]);
	});

	it('with Preview Only on, outputs notFound too', async () => {
		const [item] = await output([newCase(6)], { parameters: { whenNotFound: 'output', previewOnly: true } });
		expect(item.json).toMatchObject({ operationResult: 'notFound', integrationId: '530006', previewOnly: true });
		expect(await cs.writes()).toEqual([]);
	});
});

describe('a case another sync created after this run read Case Status', () => {
	/** Runs Create or Update; just before its first create, another sync creates `elsewhere` through the API. */
	async function racedRun(items: IDataObject[], elsewhere: IDataObject, parameters: IDataObject = {}) {
		const nodeType = resolveNodeType(new CaseStatus());
		const { context } = createContext(nodeType, {
			parameters: { resource: 'case', operation: 'upsert', dataMode: 'autoMapInputData', ...parameters },
			items: items.map((json) => ({ json })),
			credentials: cs.credentials,
			continueOnFail: true,
		});
		const send = context.helpers.httpRequestWithAuthentication;
		let createdElsewhere: Promise<IDataObject> | undefined;
		context.helpers.httpRequestWithAuthentication = async (type: string, request: { method?: string; url?: string }) => {
			if (request.method === 'POST' && String(request.url).endsWith('/v1/api/cases')) {
				createdElsewhere ??= cs.admin
					.post('/v1/api/cases', elsewhere, { headers: { Authorization: `ApiKey ${API_KEY}` } })
					.then((response) => (response.status === 201 ? (response.data as IDataObject) : Promise.reject(new Error(JSON.stringify(response.data)))));
				await createdElsewhere;
			}
			return await send(type, request);
		};
		const result = ((await nodeType.execute!.call(context as IExecuteFunctions)) as INodeExecutionData[][])[0];
		return { result, other: await createdElsewhere! };
	}

	const asCaseStatusBody = (item: IDataObject): IDataObject => ({
		readable_id: item.readableId,
		integration_id: item.integrationId,
		practice_area: item.practiceArea,
		stage: item.stage,
		primary_attorney_email: item.primaryAttorneyEmail,
		paralegal_emails: item.paralegalEmails,
		clients: [{ first_name: 'Client', last_name: 'Elsewhere', cell_phone: '(555) 777-1234' }],
	});

	it.each([
		['a small run (lookups)', 0],
		['a big run (one list)', LIST_ALL_FROM_ITEMS],
	])('in %s, the refused create (409, integration ID taken) becomes an update of that case: one PATCH of what differs, no failure', async (_, others) => {
		const item = newCase(950, { stage: 'Litigation' });
		const { result, other } = await racedRun([item, ...newCases(others)], asCaseStatusBody(newCase(950)));
		expect(result[0]).toEqual({ json: expect.objectContaining({ operationResult: 'updated', changedFields: ['stage'], caseId: other.id }), pairedItem: { item: 0 } });
		const log = await cs.requests();
		expect(log.filter((r) => r.method === 'POST' && r.path === '/v1/api/cases' && r.status === 409)).toHaveLength(1);
		expect(log.filter((r) => r.method === 'PATCH').map((r) => `${r.path} ${r.status}`)).toEqual([`/v1/api/cases/${other.id} 200`]);
		const stored = await getCase(Number(other.id));
		expect(stored).toMatchObject({ integration_id: '530950', stage: expect.objectContaining({ name: 'Litigation' }) });
	});

	it('when Case Status does not say which case has the integration ID, the refused create says the next run updates it', async () => {
		const body = { errors: [{ field: 'integration_id', message: 'A case with integration ID 530952 already exists.' }] };
		await cs.fault('POST /v1/api/cases', 409, 1, { body });
		const [failed] = await output([newCase(952)], { continueOnFail: 'continueRegularOutput' });
		expect(failed.json).toMatchObject({
			error: 'Case Status refused to create case 2026-00952 (integration ID 530952): Another run created this case at the same time: the next run updates it',
			reason: 'A case with integration ID 530952 already exists.',
			reasonCode: 'integrationIdTaken',
			reasonLabel: 'Integration ID already in use',
			whatToDo: 'Another run created this case at the same time: the next run updates it',
		});
	});

	it('writes nothing more when the case another sync created is already as the item wants it', async () => {
		const item = newCase(951);
		const { result, other } = await racedRun([item], asCaseStatusBody(item));
		expect(result[0].json).toMatchObject({ operationResult: 'unchanged', caseId: other.id });
		expect((await cs.requests()).filter((r) => r.method === 'PATCH')).toEqual([]);
	});
});
