/**
 * The Case Status node in a REAL n8n (each installed version), against the Case Status simulator:
 * Create or Update (creates) → Create or Update again (unchanged, no write) → Send Message → To File →
 * Upload Document → Download Document, from the CLI. Proves what the jest context only imitates: resource
 * locators, expressions, fixed collections, the multipart Buffer body, and a binary download from the file
 * host made without the API key. And the credential's Test button, pressed in a running n8n.
 *
 * Needs: `npm run build` (dist/) and `node scripts/install-n8n.mjs`.
 * Run:   npx jest --selectProjects e2e --runInBand test/e2e/caseStatus.e2e.test.ts
 */
import { STAFF } from '../nodes/CaseStatus/fixtures';
import { expectSuccess, nodeItems, type N8nVersionKey, type WorkflowJson } from './harness';
import { binaryOf, caseStatusCredential, chainWorkflow, describeEachN8n, packageNode, pressTestButton, textToFileNode, useNodeWorld } from './support/nodeWorld';

function workflow(nodeType: string): WorkflowJson {
	const cs = (id: string, name: string, x: number, parameters: Record<string, unknown>) =>
		packageNode(nodeType, { id, name, position: [x, 0], parameters });
	const upsert = {
		resource: 'case',
		operation: 'upsert',
		integrationId: '530001',
		readableId: '2025-00400',
		primaryAttorneyEmail: STAFF.hartwell,
		clients: { client: [{ firstName: 'Rosa', lastName: 'Diaz', cellPhone: '(555) 410-2020', email: 'rosa@mail.test' }] },
		additionalFields: {
			practiceArea: 'Workers Comp',
			stage: 'Intake',
			caseDate: '2025-04-01T00:00:00',
			paralegalEmails: `${STAFF.tran}, ${STAFF.ortega}`,
		},
	};
	return chainWorkflow('e2eCsNodeFlow001', 'e2e: Case Status node', [
		cs('create', 'Create', 200, upsert),
		cs('again', 'Again', 400, upsert),
		cs('send', 'Send', 600, {
			resource: 'message',
			operation: 'send',
			case: { __rl: true, mode: 'integrationId', value: '={{ $json.integrationId }}' },
			content: '=Welcome, {{ $json.clients[0].firstName }}! Your case {{ $json.readableId }} is open.',
			options: { externalId: 'e2e:1' },
		}),
		textToFileNode(800, 'content', 'welcome.txt'),
		cs('upload', 'Upload', 1000, {
			resource: 'document',
			operation: 'upload',
			case: { __rl: true, mode: 'readableId', value: '2025-00400' },
		}),
		cs('download', 'Download', 1200, {
			resource: 'document',
			operation: 'download',
			fileId: '={{ $json.fileId }}',
		}),
	]);
}

function suite(version: N8nVersionKey): void {
	const world = useNodeWorld(version);

	it('runs case, message and document operations of the Case Status node', async () => {
		const { n8n, cs: sim, types } = world();
		const [id] = await n8n.importWorkflows([workflow(types.cs)]);
		const run = expectSuccess(await n8n.execute(id));

		const [created] = nodeItems(run, 'Create');
		expect(created).toMatchObject({
			operationResult: 'created',
			readableId: '2025-00400',
			practiceArea: "Workers' Compensation",
			stage: 'Intake',
			caseDate: '2025-04-01',
			paralegalEmails: [STAFF.tran, STAFF.ortega],
			clients: [expect.objectContaining({ firstName: 'Rosa', cellPhone: '+15554102020' })],
		});
		expect(nodeItems(run, 'Again')).toEqual([expect.objectContaining({ operationResult: 'unchanged', changedFields: [] })]);
		expect(nodeItems(run, 'Send')).toEqual([
			expect.objectContaining({ content: 'Welcome, Rosa! Your case 2025-00400 is open.', externalId: 'e2e:1', direction: 'fromStaff' }),
		]);
		const [uploaded] = nodeItems(run, 'Upload');
		expect(uploaded).toMatchObject({ readableId: '2025-00400', fileName: 'welcome.txt', uploadedBy: 'staff' });
		expect(binaryOf(run, 'Download')).toMatchObject({ fileName: 'welcome.txt', mimeType: 'text/plain' });

		const stored = sim.service.context.state.files.get(uploaded.fileId as number)!;
		expect(stored.bytes.toString('utf8')).toBe('Welcome, Rosa! Your case 2025-00400 is open.');
		const writes = sim.api.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`);
		expect(writes).toEqual(['POST /v1/api/cases', 'POST /v1/api/messages', 'POST /v1/api/files']);
		expect(sim.fileHost.requests).toEqual([expect.objectContaining({ status: 200, hadAuthorization: false })]);
	});

	// Runs `n8n start`, so it comes after the CLI run above.
	it('the credential Test button passes with the firm key and fails with a wrong one', async () => {
		const { n8n, cs: sim } = world();
		const credential = caseStatusCredential(sim);
		expect(await pressTestButton(n8n, credential)).toMatchObject({ status: 'OK' });
		const refused = await pressTestButton(n8n, { ...credential, data: { ...credential.data, apiKey: 'cs_wrong_e2e' } });
		expect(refused.status).toBe('Error');
		expect(refused.message).not.toContain('cs_wrong_e2e');
	});
}

describeEachN8n((spec) => `Case Status node in n8n ${spec.n8nVersion} (Node ${spec.node})`, suite);
