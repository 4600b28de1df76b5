/**
 * "On Error" in a REAL n8n (each installed version): both action nodes get a mix of good and bad items.
 * - "Continue (using error output)": good items leave on the main output, failed ones on the error output as
 *   `{ ...input item, error: { message, description, httpCode, itemIndex, reason, reasonCode, reasonLabel, whatToDo, readableId, integrationId } }`;
 *   a node wired to the error output gets them.
 * - "Continue (regular output)": every item stays on the main output, failed ones with the fields a
 *   workflow branches on (`error`, `httpCode`, `reason`, `readableId`, `integrationId`, `itemIndex`).
 * Every item keeps its pairedItem in both modes.
 *
 * Needs: `npm run build` (dist/) and `node scripts/install-n8n.mjs`.
 * Run:   npx jest --selectProjects e2e --runInBand test/e2e/errorOutput.e2e.test.ts
 */
import { STAFF } from '../nodes/CaseStatus/fixtures';
import { expectSuccess, nodeItems, type N8nVersionKey, type WorkflowJson } from './harness';
import { describeEachN8n, packageNode, pairedItems, useNodeWorld } from './support/nodeWorld';

/** Four cases for Create or Update: two good, one refused by Case Status (422), one refused by the node. */
const CASES = [
	{ number: '2025-00501', id: '531001', attorney: STAFF.hartwell },
	{ number: '2025-00502', id: '531002', attorney: STAFF.pratt },
	{ number: '2025-00503', id: '', attorney: STAFF.mendez },
	{ number: '2025-00504', id: '531004', attorney: STAFF.bell },
];
/**
 * A run big enough for Create or Update to list Case Status's cases once and write 8 at a time, with
 * the case in each item's own keys (Data Mode auto-map); items 7 and 33 name a stage Case Status lacks.
 */
const BIG_RUN = Array.from({ length: 60 }, (_, n) => ({
	integrationId: String(532000 + n),
	readableId: `2025-${String(1000 + n)}`,
	primaryAttorneyEmail: STAFF.hartwell,
	practiceArea: 'Workers Comp',
	stage: n === 7 || n === 33 ? 'Appeal' : 'Intake',
	clients: [{ firstName: 'Ana', lastName: `Client ${n}`, cellPhone: `(555) 310-${1000 + n}` }],
}));
const REFUSED = [7, 33];
/** Output It Without Creating: the fixture's Garcia case exists, the other does not. */
const MAYBE_NEW = [
	{ integrationId: '516718', stage: 'Pre-Litigation' },
	{ integrationId: '533001', readableId: '2025-03001', stage: 'Intake' },
];

/** Three SmartAdvocate case IDs: the middle one does not exist (404). */
const SA_CASE_IDS = [1001, 999999, 1002];

function workflow(types: { cs: string; sa: string }): WorkflowJson {
	const code = (id: string, name: string, y: number, rows: unknown[]) => ({
		id,
		name,
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		position: [200, y],
		parameters: { jsCode: `return ${JSON.stringify(rows)}.map((json) => ({ json }));` },
	});
	const noOp = (id: string, name: string, x: number, y: number) => ({
		id,
		name,
		type: 'n8n-nodes-base.noOp',
		typeVersion: 1,
		position: [x, y],
		parameters: {},
	});
	const upsert = (id: string, name: string, y: number, onError: string) =>
		packageNode(types.cs, {
			id,
			name,
			position: [400, y],
			onError,
			parameters: {
				resource: 'case',
				operation: 'upsert',
				integrationId: '={{ $json.id }}',
				readableId: '={{ $json.number }}',
				primaryAttorneyEmail: '={{ $json.attorney }}',
				clients: { client: [{ firstName: 'Ana', lastName: '={{ "Client " + $json.number }}', cellPhone: '(555) 301-0001' }] },
				additionalFields: { practiceArea: 'Workers Comp', stage: 'Intake' },
			},
		});
	const getCase = (id: string, name: string, y: number, onError: string) =>
		packageNode(types.sa, {
			id,
			name,
			position: [400, y],
			onError,
			parameters: { resource: 'case', operation: 'get', case: { __rl: true, mode: 'id', value: '={{ $json.caseId }}' } },
		});
	const autoMapped = (id: string, name: string, y: number, onError: string, extra: Record<string, unknown> = {}) =>
		packageNode(types.cs, {
			id,
			name,
			position: [400, y],
			onError,
			parameters: { resource: 'case', operation: 'upsert', dataMode: 'autoMapInputData', ...extra },
		});
	const to = (node: string) => [{ node, type: 'main', index: 0 }];
	return {
		id: 'e2eErrOutFlow001',
		name: 'e2e: error output',
		nodes: [
			{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			code('csCases', 'Cases', 0, CASES),
			code('saCases', 'Case IDs', 600, SA_CASE_IDS.map((caseId) => ({ caseId }))),
			upsert('csEo', 'CS Error Output', 0, 'continueErrorOutput'),
			upsert('csReg', 'CS Regular Output', 300, 'continueRegularOutput'),
			code('bigCases', 'Big Run Cases', 1200, BIG_RUN),
			autoMapped('csBig', 'CS Big Run', 1200, 'continueErrorOutput'),
			code('maybeNew', 'Maybe New Cases', 1500, MAYBE_NEW),
			autoMapped('csNotFound', 'CS Not Found', 1500, 'stopWorkflow', { whenNotFound: 'output' }),
			getCase('saEo', 'SA Error Output', 600, 'continueErrorOutput'),
			getCase('saReg', 'SA Regular Output', 900, 'continueRegularOutput'),
			noOp('csOk', 'CS Succeeded', 600, -100),
			noOp('csFailed', 'CS Failed', 600, 100),
			noOp('saOk', 'SA Succeeded', 600, 500),
			noOp('saFailed', 'SA Failed', 600, 700),
		],
		connections: {
			Start: { main: [[...to('Cases'), ...to('Case IDs'), ...to('Big Run Cases'), ...to('Maybe New Cases')]] },
			'Big Run Cases': { main: [to('CS Big Run')] },
			'Maybe New Cases': { main: [to('CS Not Found')] },
			Cases: { main: [[...to('CS Error Output'), ...to('CS Regular Output')]] },
			'Case IDs': { main: [[...to('SA Error Output'), ...to('SA Regular Output')]] },
			'CS Error Output': { main: [to('CS Succeeded'), to('CS Failed')] },
			'SA Error Output': { main: [to('SA Succeeded'), to('SA Failed')] },
		},
		settings: { executionOrder: 'v1' },
	};
}

type Run = ReturnType<typeof expectSuccess>;

function suite(version: N8nVersionKey): void {
	const world = useNodeWorld(version);
	let run: Run;

	beforeAll(async () => {
		const { n8n, types } = world();
		const [id] = await n8n.importWorkflows([workflow(types)]);
		run = expectSuccess(await n8n.execute(id, { timeoutMs: 240_000 }));
	}, 400_000);

	it('Case Status, error output: good cases on the main output, refused ones on the error output with their input fields', () => {
		expect(nodeItems(run, 'CS Error Output').map((item) => item.readableId)).toEqual(['2025-00501', '2025-00504']);
		expect(pairedItems(run, 'CS Error Output')).toEqual([{ item: 0 }, { item: 3 }]);
		const failed = nodeItems(run, 'CS Error Output', { output: 1 });
		expect(pairedItems(run, 'CS Error Output', 1)).toEqual([{ item: 1 }, { item: 2 }]);
		expect(failed[0]).toEqual({
			// n8n lays the input item under the failure: the workflow still has what it sent.
			number: '2025-00502',
			id: '531002',
			attorney: STAFF.pratt,
			error: {
				message: `Case Status refused to create case 2025-00502 (integration ID 531002): Attorney ${STAFF.pratt} has no Case Status user: invite them`,
				description: expect.any(String),
				httpCode: '422',
				reason: `Primary attorney not found: ${STAFF.pratt}`,
				reasonCode: 'attorneyNotFound',
				reasonLabel: 'Attorney not in Case Status',
				whatToDo: `Attorney ${STAFF.pratt} has no Case Status user: invite them`,
				readableId: '2025-00502',
				integrationId: '531002',
				itemIndex: 1,
			},
		});
		expect(failed[1]).toMatchObject({ number: '2025-00503', error: { message: 'The Integration ID is empty', itemIndex: 2 } });
		expect((failed[1].error as { description: string }).description).toMatch(/finds the case by its integration ID/);
		// The nodes wired to each output get exactly those items.
		expect(nodeItems(run, 'CS Succeeded').map((item) => item.readableId)).toEqual(['2025-00501', '2025-00504']);
		expect(nodeItems(run, 'CS Failed')).toEqual(failed);
	});

	it('Case Status, regular output: every item on the main output, failed ones with the fields to branch on', () => {
		const all = nodeItems(run, 'CS Regular Output');
		expect(pairedItems(run, 'CS Regular Output')).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(run.data.resultData.runData['CS Regular Output']?.[0]?.data?.main?.length).toBe(1);
		expect(all.map((item) => item.error === undefined)).toEqual([true, false, false, true]);
		expect(all[1]).toEqual({
			error: `Case Status refused to create case 2025-00502 (integration ID 531002): Attorney ${STAFF.pratt} has no Case Status user: invite them`,
			errorDescription: expect.any(String),
			httpCode: '422',
			reason: `Primary attorney not found: ${STAFF.pratt}`,
			reasonCode: 'attorneyNotFound',
			reasonLabel: 'Attorney not in Case Status',
			whatToDo: `Attorney ${STAFF.pratt} has no Case Status user: invite them`,
			readableId: '2025-00502',
			integrationId: '531002',
			itemIndex: 1,
		});
		expect(all[2]).toMatchObject({ error: 'The Integration ID is empty', itemIndex: 2 });
	});

	it('Case Status, a big run written 8 at a time: results in input order, refused cases on the error output, the case list read once', () => {
		const created = nodeItems(run, 'CS Big Run');
		const kept = BIG_RUN.map((_, n) => n).filter((n) => !REFUSED.includes(n));
		expect(created.map((item) => item.integrationId)).toEqual(kept.map((n) => BIG_RUN[n].integrationId));
		expect(created.every((item) => item.operationResult === 'created')).toBe(true);
		expect(pairedItems(run, 'CS Big Run')).toEqual(kept.map((item) => ({ item })));
		const failed = nodeItems(run, 'CS Big Run', { output: 1 });
		expect(pairedItems(run, 'CS Big Run', 1)).toEqual(REFUSED.map((item) => ({ item })));
		expect(failed.map((item) => item.error)).toEqual(
			REFUSED.map((n) => expect.objectContaining({ itemIndex: n, integrationId: BIG_RUN[n].integrationId, reason: 'Stage not mapped: Appeal', reasonCode: 'stageNotMapped' })),
		);
		const lists = world().cs.api.requests.filter((r) => r.method === 'GET' && r.path === '/v1/api/cases' && r.query.integration_id === undefined);
		// Every case is listed once in the execution: "CS Not Found", which runs after this node, brings that
		// list up to date with the cases changed since (`updated_after`) instead of listing or looking up again.
		expect(lists.filter((r) => r.query.updated_after === undefined)).toHaveLength(1);
		expect(lists.filter((r) => r.query.updated_after !== undefined)).toHaveLength(1);
	});

	it('Case Status, Output It Without Creating: a new case comes out as notFound with its fields, an existing one is compared', () => {
		expect(nodeItems(run, 'CS Not Found')).toEqual([
			expect.objectContaining({ integrationId: '516718', operationResult: 'unchanged' }),
			{ ...MAYBE_NEW[1], operationResult: 'notFound' },
		]);
		expect(pairedItems(run, 'CS Not Found')).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('SmartAdvocate, error output: the missing case on the error output, the others on the main output', () => {
		expect(nodeItems(run, 'SA Error Output').map((item) => item.caseId)).toEqual([1001, 1002]);
		expect(pairedItems(run, 'SA Error Output')).toEqual([{ item: 0 }, { item: 2 }]);
		const failed = nodeItems(run, 'SA Error Output', { output: 1 });
		expect(pairedItems(run, 'SA Error Output', 1)).toEqual([{ item: 1 }]);
		expect(failed).toEqual([
			{ caseId: 999999, error: expect.objectContaining({ httpCode: '404', itemIndex: 1, message: 'No case with ID 999999 exists in SmartAdvocate' }) },
		]);
		expect(nodeItems(run, 'SA Failed')).toEqual(failed);
		expect(nodeItems(run, 'SA Succeeded').map((item) => item.caseNumber)).toEqual(['2024-0001', '2024-0002']);
	});

	it('SmartAdvocate, regular output: the missing case stays in place on the main output', () => {
		const all = nodeItems(run, 'SA Regular Output');
		expect(pairedItems(run, 'SA Regular Output')).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(all.map((item) => item.caseNumber ?? item.httpCode)).toEqual(['2024-0001', '404', '2024-0002']);
		expect(all[1]).toMatchObject({ itemIndex: 1, error: expect.stringContaining('999999') });
	});
}

describeEachN8n((spec) => `On Error in n8n ${spec.n8nVersion} (Node ${spec.node})`, suite);
