/**
 * The SmartAdvocate node in a REAL n8n (each installed version), against the SmartAdvocate simulator:
 * Get Case → Create Note → Convert to File → Upload Document → Download Document, from the CLI.
 * Proves what the jest context only imitates: resource locators, expressions, JSON and multipart bodies,
 * and binary data as n8n itself handles them; a case ID read straight from each item's field gives what n8n's
 * own evaluation of the expression gives. Also: a login that SmartAdvocate answers with a redirect to
 * another server sends the password nowhere (the credential follows redirects itself, with n8n's request
 * helper told not to). And the credential's Test button, pressed in a running n8n.
 *
 * Needs: `npm run build` (dist/) and `node scripts/install-n8n.mjs`.
 * Run:   npx jest --selectProjects e2e --runInBand test/e2e/smartAdvocate.e2e.test.ts
 */
import axios from 'axios';

import { startHeaderRecorder } from '../../simulators/shared/recorder';
import { API_USER } from '../nodes/SmartAdvocate/fixtures';
import { expectSuccess, nodeItems, type N8nVersionKey, type WorkflowJson } from './harness';
import {
	binaryOf,
	chainWorkflow,
	describeEachN8n,
	packageNode,
	pairedItems,
	pressTestButton,
	smartAdvocateCredential,
	textToFileNode,
	useNodeWorld,
} from './support/nodeWorld';

function workflow(nodeType: string): WorkflowJson {
	const sa = (id: string, name: string, x: number, parameters: Record<string, unknown>) =>
		packageNode(nodeType, { id, name, position: [x, 0], parameters });
	return chainWorkflow('e2eSaNodeFlow001', 'e2e: SmartAdvocate node', [
		sa('get', 'Get Case', 200, {
			resource: 'case',
			operation: 'get',
			case: { __rl: true, mode: 'caseNumber', value: '2024-0001' },
		}),
		sa('note', 'Create Note', 400, {
			resource: 'note',
			operation: 'create',
			case: { __rl: true, mode: 'id', value: '={{ $json.caseId }}' },
			noteType: 11,
			subject: 'From n8n',
			text: '=Lead attorney: {{ $json.leadAttorney.name }}\nClients: {{ $json.clients.length }} & counting',
			sharedInClientPortal: true,
		}),
		textToFileNode(600, 'text', 'note.txt'),
		sa('upload', 'Upload', 800, {
			resource: 'document',
			operation: 'upload',
			case: { __rl: true, mode: 'caseNumber', value: '2024-0001' },
			additionalFields: { description: 'Uploaded by n8n' },
		}),
		sa('download', 'Download', 1000, {
			resource: 'document',
			operation: 'download',
			documentId: '={{ $json.documentId }}',
		}),
	]);
}

function suite(version: N8nVersionKey): void {
	const world = useNodeWorld(version);

	it('runs case, note and document operations of the SmartAdvocate node', async () => {
		const { n8n, sa: sim, types } = world();
		const [id] = await n8n.importWorkflows([workflow(types.sa)]);
		const run = expectSuccess(await n8n.execute(id));

		expect(nodeItems(run, 'Get Case')).toEqual([
			expect.objectContaining({ caseId: 1001, caseNumber: '2024-0001', leadAttorney: expect.objectContaining({ name: 'Alice Archer' }) }),
		]);
		const [note] = nodeItems(run, 'Create Note');
		expect(note).toMatchObject({
			caseId: 1001,
			noteType: 'Plaintiff',
			text: 'Lead attorney: Alice Archer\nClients: 2 & counting',
			html: 'Lead attorney: Alice Archer<br>Clients: 2 &amp; counting',
			isSharedInClientPortal: true,
		});
		const [uploaded] = nodeItems(run, 'Upload');
		expect(uploaded).toMatchObject({ caseId: 1001, fileName: 'note.txt', folder: 'Case Documents', description: 'Uploaded by n8n' });
		expect(binaryOf(run, 'Download')).toMatchObject({ fileName: 'note.txt', mimeType: 'text/plain' });

		const stored = sim.service.state.documents.get(uploaded.documentId as number)!;
		expect(stored.content.toString('utf8')).toBe('Lead attorney: Alice Archer\nClients: 2 & counting');
	});

	it('a case ID mapped from each item ({{ $json.caseId }}, read without n8n evaluating it) finds the same cases as an expression n8n evaluates', async () => {
		const { n8n, types } = world();
		const getCase = (id: string, name: string, y: number, value: string) =>
			packageNode(types.sa, {
				id,
				name,
				position: [400, y],
				parameters: { resource: 'case', operation: 'get', case: { __rl: true, mode: 'id', value } },
				onError: 'continueRegularOutput',
			});
		const items = {
			id: 'items',
			name: 'Cases',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			position: [200, 0],
			parameters: { jsCode: "return [{ json: { caseId: 1002 } }, { json: { caseId: '1001' } }, { json: { other: 1 } }];" },
		};
		const nodes = [getCase('field', 'By Field', 0, '={{ $json.caseId }}'), getCase('evaluated', 'By Expression', 200, '={{ $json["caseId"] }}')];
		const workflow: WorkflowJson = {
			id: 'e2eSaItemField01',
			name: 'e2e: case ID from each item',
			nodes: [{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} }, items, ...nodes],
			connections: {
				Start: { main: [[{ node: 'Cases', type: 'main', index: 0 }]] },
				Cases: { main: [nodes.map((node) => ({ node: node.name, type: 'main', index: 0 }))] },
			},
			settings: { executionOrder: 'v1' },
		};
		const [id] = await n8n.importWorkflows([workflow]);
		const run = expectSuccess(await n8n.execute(id));
		const found = (name: string) => nodeItems(run, name).map((item) => item.caseId ?? item.error);
		expect(found('By Field')).toEqual([1002, 1001, 'No case given in the Case parameter']);
		expect(found('By Field')).toEqual(found('By Expression'));
		expect(pairedItems(run, 'By Field')).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('never sends the password to another server a login redirect points at', async () => {
		const { n8n, sa: sim, types } = world();
		const elsewhere = await startHeaderRecorder();
		const admin = axios.create({ baseURL: `${sim.url}/__admin` });
		try {
			// A credential with no session token yet, so this run must log in.
			const fresh = { id: 'e2eSaRedirCred01', name: 'SmartAdvocate (login redirected)' };
			await n8n.importCredentials([smartAdvocateCredential(sim, fresh)]);
			await admin.post('/redirects', { route: 'Users/authenticate', location: elsewhere.url, appendPath: true, status: 307, count: 10 });
			const [id] = await n8n.importWorkflows([
				chainWorkflow('e2eSaLoginRedir1', 'e2e: SmartAdvocate login redirected', [
					packageNode(types.sa, { id: 'get', name: 'Get Case', position: [200, 0], parameters: { resource: 'case', operation: 'get', case: { __rl: true, mode: 'id', value: '1001' } } }, fresh),
				]),
			]);
			const result = await n8n.execute(id);
			expect(result.ok).toBe(false);
			expect(JSON.stringify(result.error)).toMatch(/redirect/i);
			expect(JSON.stringify(result.error)).not.toContain(API_USER.password);
			expect(elsewhere.requests).toEqual([]);
			expect(sim.requests.filter((r) => /Users\/authenticate/i.test(r.path)).length).toBeGreaterThan(0);
		} finally {
			await admin.delete('/redirects');
			await elsewhere.close();
		}
	});

	// Runs `n8n start`, so it comes after the CLI runs above.
	it('the credential Test button passes with the right password, and fails without echoing a wrong one', async () => {
		const { n8n, sa: sim } = world();
		const credential = smartAdvocateCredential(sim);
		expect(await pressTestButton(n8n, credential)).toMatchObject({ status: 'OK' });
		const wrong = 'Not-The-Passw0rd-e2e';
		const refused = await pressTestButton(n8n, { ...credential, data: { ...credential.data, password: wrong } });
		expect(refused.status).toBe('Error');
		// n8n 2.41.1 shows its own "Authorization failed - please check your credentials" here, not the
		// credential's message (the login failure carries HTTP 401, and n8n's NodeApiError replaces the message).
		expect(refused.message).not.toContain(wrong);
	});
}

describeEachN8n((spec) => `SmartAdvocate node in n8n ${spec.n8nVersion} (Node ${spec.node})`, suite);
