/**
 * The SmartAdvocate node in a REAL n8n (each installed version), against the SmartAdvocate simulator:
 * Get Case → Create Note → Convert to File → Upload Document → Download Document, from the CLI.
 * Proves what the jest context only imitates: resource locators, expressions, JSON and multipart bodies,
 * and binary data as n8n itself handles them.
 *
 * Needs: `npm run build` (dist/) and `node scripts/install-n8n.mjs`.
 * Run:   npx jest --selectProjects e2e --runInBand test/e2e/smartAdvocate.e2e.test.ts
 */
import { startSmartAdvocateSimulator, type RunningSmartAdvocate } from '../../simulators/smartadvocate';
import { API_USER, buildFixture } from '../nodes/SmartAdvocate/fixtures';
import {
	ALL_VERSION_KEYS,
	expectSuccess,
	N8N_VERSIONS,
	N8nInstance,
	nodeItems,
	packageTypes,
	selectedVersionKeys,
	type N8nVersionKey,
	type WorkflowJson,
} from './harness';

const selected = selectedVersionKeys();
const CREDENTIAL = { id: 'e2eSaNodeCred001', name: 'SmartAdvocate (simulator)', type: 'smartAdvocateApi' };

function workflow(nodeType: string): WorkflowJson {
	const credentials = { smartAdvocateApi: { id: CREDENTIAL.id, name: CREDENTIAL.name } };
	const sa = (id: string, name: string, x: number, parameters: Record<string, unknown>) => ({
		id,
		name,
		type: nodeType,
		typeVersion: 1,
		position: [x, 0],
		parameters,
		credentials,
	});
	return {
		id: 'e2eSaNodeFlow001',
		name: 'e2e: SmartAdvocate node',
		nodes: [
			{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
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
			{
				id: 'file',
				name: 'To File',
				type: 'n8n-nodes-base.convertToFile',
				typeVersion: 1.1,
				position: [600, 0],
				parameters: { operation: 'toText', sourceProperty: 'text', options: { fileName: 'note.txt' } },
			},
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
		],
		connections: {
			Start: { main: [[{ node: 'Get Case', type: 'main', index: 0 }]] },
			'Get Case': { main: [[{ node: 'Create Note', type: 'main', index: 0 }]] },
			'Create Note': { main: [[{ node: 'To File', type: 'main', index: 0 }]] },
			'To File': { main: [[{ node: 'Upload', type: 'main', index: 0 }]] },
			Upload: { main: [[{ node: 'Download', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

function binaryOf(run: ReturnType<typeof expectSuccess>, nodeName: string): Record<string, unknown> {
	const item = run.data.resultData.runData[nodeName]?.[0]?.data?.main?.[0]?.[0];
	return (item?.binary?.data ?? {}) as Record<string, unknown>;
}

function suite(version: N8nVersionKey): void {
	let n8n: N8nInstance | undefined;
	let sim: RunningSmartAdvocate;
	const types = packageTypes();

	beforeAll(async () => {
		sim = await startSmartAdvocateSimulator({ firm: buildFixture().firm });
		n8n = await N8nInstance.create(version);
	});

	afterAll(async () => {
		await n8n?.dispose();
		await sim?.close();
	});

	it('runs case, note and document operations of the SmartAdvocate node', async () => {
		await n8n!.importCredentials([{ ...CREDENTIAL, data: { baseUrl: sim.url, username: API_USER.username, password: API_USER.password } }]);
		const [id] = await n8n!.importWorkflows([workflow(`${types.name}.smartAdvocate`)]);
		const run = expectSuccess(await n8n!.execute(id));

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
}

for (const version of ALL_VERSION_KEYS) {
	const spec = N8N_VERSIONS[version];
	const title = `SmartAdvocate node in n8n ${spec.n8nVersion} (Node ${spec.node})`;
	if (selected.includes(version)) describe(title, () => suite(version));
	else describe.skip(title, () => it('runs', () => undefined));
}
