/**
 * The case sync's reads in a REAL n8n (each installed version), against the simulators:
 * - a case deleted in Case Status after Create or Update read the account is created again by the next
 *   Create or Update that reads it (the kept directory lives in n8n's process, so the runs share it);
 * - SmartAdvocate's changed cases read page by page come back every one, exactly once, while staff edit
 *   a case during the read.
 *
 * Needs: `npm run build` (dist/) and `node scripts/install-n8n.mjs`.
 * Run:   npx jest --selectProjects e2e --runInBand test/e2e/caseSync.e2e.test.ts
 */
import axios from 'axios';

import { STAFF } from '../nodes/CaseStatus/fixtures';
import { expectSuccess, nodeItems, waitFor, type N8nVersionKey, type WorkflowJson } from './harness';
import { chainWorkflow, describeEachN8n, packageNode, useNodeWorld } from './support/nodeWorld';

/** Enough cases for Create or Update to list the account (and keep that list) instead of looking each one up. */
const CASES = 50;

const caseItem = (n: number) => ({
	integrationId: String(560000 + n),
	readableId: `2026-DEL-${String(n).padStart(3, '0')}`,
	primaryAttorneyEmail: STAFF.mendez,
	practiceArea: 'Workers Comp',
	stage: 'Intake',
	clients: [{ firstName: 'Client', lastName: `No ${n}`, cellPhone: `(555) 5${String(n).padStart(2, '0')}-${String(3000 + n)}` }],
});

/** Sync 50 cases → staff delete the first in Case Status → Sync that one case again. */
function deletedCaseWorkflow(types: { cs: string }, csUrl: string): WorkflowJson {
	const code = (id: string, name: string, x: number, jsCode: string) => ({
		id,
		name,
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		position: [x, 0],
		parameters: { jsCode },
	});
	const upsert = (id: string, name: string, x: number) =>
		packageNode(types.cs, { id, name, position: [x, 0], parameters: { resource: 'case', operation: 'upsert', dataMode: 'autoMapInputData' } });
	const cases = Array.from({ length: CASES }, (_, n) => caseItem(n));
	return chainWorkflow('e2eCaseSyncDeleted01', 'e2e: a case deleted in Case Status', [
		code('cases', 'Fifty Cases', 200, `return ${JSON.stringify(cases)}.map((json) => ({ json }));`),
		upsert('all', 'Sync All', 400),
		{
			id: 'delete',
			name: 'Staff Delete One',
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			position: [600, 0],
			executeOnce: true,
			parameters: { method: 'DELETE', url: `=${csUrl}/__admin/cases/{{ $('Sync All').first().json.caseId }}`, options: {} },
		},
		code('one', 'That Case', 800, `return [{ json: ${JSON.stringify(cases[0])} }];`),
		upsert('again', 'Sync It Again', 1000),
	]);
}

/** 30 cases changed a minute apart, 5 days ago, read in pages of 10. */
function pagedReadWorkflow(types: { sa: string }, window: { from: string; to: string }): WorkflowJson {
	return chainWorkflow('e2eCaseSyncPaged001', 'e2e: changed cases read while staff edit', [
		packageNode(types.sa, {
			id: 'read',
			name: 'Changed Cases',
			position: [200, 0],
			parameters: {
				resource: 'case',
				operation: 'getAll',
				searchBy: 'modifiedDate',
				modifiedFrom: window.from,
				modifiedTo: window.to,
				returnAll: true,
				paging: { pageSize: 10 },
				simplify: false,
			},
		}),
	]);
}

function suite(version: N8nVersionKey): void {
	const world = useNodeWorld(version);

	it('a case deleted in Case Status after a sync read it is created again by the next Create or Update, not reported unchanged', async () => {
		const { n8n, cs, types } = world();
		const [id] = await n8n.importWorkflows([deletedCaseWorkflow(types, cs.api.url)]);
		const run = expectSuccess(await n8n.execute(id));

		const all = nodeItems(run, 'Sync All');
		expect(all).toHaveLength(CASES);
		expect(all.every((item) => item.operationResult === 'created')).toBe(true);
		const deletedId = all[0].caseId as number;
		expect(cs.service.context.state.cases.has(deletedId)).toBe(false);

		expect(nodeItems(run, 'Sync It Again')).toEqual([expect.objectContaining({ operationResult: 'created', integrationId: '560000' })]);
		const now = [...cs.service.context.state.cases.values()].filter((c) => c.integration_id === '560000');
		expect(now).toHaveLength(1);
		expect(now[0].id).not.toBe(deletedId);
	});

	it('reads every changed SmartAdvocate case exactly once while staff edit a case during the paged read', async () => {
		const { n8n, sa, types } = world();
		const admin = axios.create({ baseURL: sa.url, validateStatus: () => true });
		const base = Date.now() - 5 * 24 * 3600_000;
		const caseIds: number[] = [];
		for (let i = 0; i < 30; i++) {
			const created = await admin.post('/__admin/cases', {
				caseNumber: `E2E-EDIT-${String(i).padStart(2, '0')}`,
				caseName: `Edited During Read ${i}`,
				modifiedDate: new Date(base + i * 60_000).toISOString(),
			});
			expect(created.status).toBe(201);
			caseIds.push(created.data.caseID as number);
		}
		const window = { from: new Date(base - 60_000).toISOString(), to: new Date(base + 60 * 60_000).toISOString() };
		const [id] = await n8n.importWorkflows([pagedReadWorkflow(types, window)]);

		// Each search waits before it is answered, so the edit lands after the first page and before the next.
		await admin.post('/__admin/latency', { ms: 1500, route: 'byDatePaged' });
		const searches = () => sa.requests.filter((r) => r.path.endsWith('/case/byDatePaged')).length;
		const before = searches();
		try {
			const running = n8n.execute(id);
			await waitFor(() => searches() > before, { timeoutMs: 120_000, intervalMs: 5, message: 'the first page of the search answered' });
			const edit = await admin.post(`/__admin/cases/${caseIds[3]}`, { caseName: 'Edited by staff during the read' });
			expect(edit.status).toBe(200);
			const run = expectSuccess(await running);

			const numbers = nodeItems(run, 'Changed Cases').map((item) => item.caseNumber as string);
			const expected = Array.from({ length: 30 }, (_, i) => `E2E-EDIT-${String(i).padStart(2, '0')}`);
			// The edited case left the window (changed after it); it was read before the edit, and counts once.
			expect(new Set(numbers).size).toBe(numbers.length);
			expect([...numbers].sort()).toEqual(expected);
		} finally {
			await admin.post('/__admin/latency', { ms: 0 });
		}
	});
}

describeEachN8n((spec) => `The case sync's reads in n8n ${spec.n8nVersion} (Node ${spec.node})`, suite);
