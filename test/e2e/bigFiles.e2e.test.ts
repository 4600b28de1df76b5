/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node, never in n8n (eslint.dev.config.mjs) */
/**
 * Big files in a REAL n8n (each installed version) that keeps binary data on disk
 * (`N8N_DEFAULT_BINARY_DATA_MODE=filesystem`): the document template (04) copies a multi-megabyte client
 * file from Case Status to SmartAdvocate byte for byte, and the same file goes back through SmartAdvocate
 * Download → Case Status Upload. In this mode the nodes stream the file (n8n's binary `id` is set), so this
 * proves that n8n accepts the streamed upload body and the streamed download in both versions. How much
 * memory that saves is measured by scripts/bench-big-file.ts, not here.
 *
 * A streamed upload is also filed when the SmartAdvocate session has expired (n8n 2 logs in again but does not
 * resend a stream body itself). And the harness reads an `n8n execute` result of several megabytes completely.
 *
 * Needs: `npm run build` (dist/) and `node scripts/install-n8n.mjs`.
 * Run:   npx jest --selectProjects e2e --runInBand test/e2e/bigFiles.e2e.test.ts
 */
import path from 'node:path';

import {
	ALL_VERSION_KEYS,
	expectSuccess,
	N8N_VERSIONS,
	N8nInstance,
	nodeItems,
	packageTypes,
	selectedVersionKeys,
	type N8nVersionKey,
	type RunData,
	type WorkflowJson,
} from './harness';
import { binaryBytes, copiedDocuments, postCsFile, RELAYS, saState, sha256 } from './relays/world';
import { startStack, TEMPLATES_DIR, type Stack } from './support/stack';

const selected = selectedVersionKeys();
const FILE_BYTES = 12 * 1024 * 1024;
const CASE_INTEGRATION_ID = '516718';

function binaryOf(run: RunData, nodeName: string): Record<string, unknown> {
	const item = run.data.resultData.runData[nodeName]?.[0]?.data?.main?.[0]?.[0] as { binary?: Record<string, Record<string, unknown>> } | undefined;
	return item?.binary?.data ?? {};
}

/** SmartAdvocate Download of one document → Case Status Upload of it to a case. */
function backToCaseStatus(documentId: number, stack: Stack): WorkflowJson {
	const types = packageTypes();
	const [sa, cs] = ['smartAdvocateApi', 'caseStatusApi'].map((type) => stack.credentials.find((c) => c.type === type)!);
	return {
		id: 'e2eBigFileBack01',
		name: 'e2e: big file back to Case Status',
		nodes: [
			{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'download',
				name: 'SA Download',
				type: `${types.name}.smartAdvocate`,
				typeVersion: 1,
				position: [200, 0],
				parameters: { resource: 'document', operation: 'download', documentId: String(documentId) },
				credentials: { smartAdvocateApi: { id: sa.id, name: sa.name } },
			},
			{
				id: 'upload',
				name: 'CS Upload',
				type: `${types.name}.caseStatus`,
				typeVersion: 1,
				position: [400, 0],
				parameters: {
					resource: 'document',
					operation: 'upload',
					case: { __rl: true, mode: 'integrationId', value: CASE_INTEGRATION_ID },
					options: { fileName: 'returned.pdf' },
				},
				credentials: { caseStatusApi: { id: cs.id, name: cs.name } },
			},
		],
		connections: {
			Start: { main: [[{ node: 'SA Download', type: 'main', index: 0 }]] },
			'SA Download': { main: [[{ node: 'CS Upload', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

/** Case Status Download → SmartAdvocate Upload: the upload is the execution's first SmartAdvocate call. */
function straightToSmartAdvocate(fileId: number, stack: Stack): WorkflowJson {
	const types = packageTypes();
	const [sa, cs] = ['smartAdvocateApi', 'caseStatusApi'].map((type) => stack.credentials.find((c) => c.type === type)!);
	return {
		id: 'e2eBigFileStale1',
		name: 'e2e: big file with an expired SmartAdvocate session',
		nodes: [
			{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'download',
				name: 'CS Download',
				type: `${types.name}.caseStatus`,
				typeVersion: 1,
				position: [200, 0],
				parameters: { resource: 'document', operation: 'download', fileId: String(fileId) },
				credentials: { caseStatusApi: { id: cs.id, name: cs.name } },
			},
			{
				id: 'upload',
				name: 'SA Upload',
				type: `${types.name}.smartAdvocate`,
				typeVersion: 1,
				position: [400, 0],
				parameters: {
					resource: 'document',
					operation: 'upload',
					case: { __rl: true, mode: 'id', value: CASE_INTEGRATION_ID },
					additionalFields: { fileName: 'after login.pdf' },
				},
				credentials: { smartAdvocateApi: { id: sa.id, name: sa.name } },
			},
		],
		connections: {
			Start: { main: [[{ node: 'CS Download', type: 'main', index: 0 }]] },
			'CS Download': { main: [[{ node: 'SA Upload', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

/** A run whose printed result is several megabytes: 3,000 items of 2,000 characters each. */
const bigOutput: WorkflowJson = {
	id: 'e2eBigOutput0001',
	name: 'e2e: big execute output',
	nodes: [
		{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: 'code',
			name: 'Many Items',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			position: [200, 0],
			parameters: { jsCode: "return Array.from({ length: 3000 }, (_, i) => ({ json: { i, text: 'x'.repeat(2000) } }));" },
		},
	],
	connections: { Start: { main: [[{ node: 'Many Items', type: 'main', index: 0 }]] } },
	settings: { executionOrder: 'v1' },
};

function suite(version: N8nVersionKey): void {
	let n8n: N8nInstance | undefined;
	let stack: Stack;
	const bytes = binaryBytes(FILE_BYTES, 'big client file');

	beforeAll(async () => {
		stack = await startStack();
		n8n = await N8nInstance.create(version, { env: { N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem' } });
		await n8n.importCredentials(stack.credentials);
		await n8n.importWorkflows([path.join(TEMPLATES_DIR, RELAYS.documents.file), bigOutput]);
	});

	afterAll(async () => {
		await n8n?.dispose();
		await stack?.close();
	});

	it('the document template copies a 12 MB client file to SmartAdvocate byte for byte, and it comes back to Case Status unchanged', async () => {
		const posted = await postCsFile(stack, { integrationId: CASE_INTEGRATION_ID, fileName: 'Medical records.pdf', contentType: 'application/pdf', bytes });

		const copy = expectSuccess(await n8n!.execute(RELAYS.documents.id));
		const downloaded = binaryOf(copy, 'Download from Case Status');
		expect(downloaded).toMatchObject({ fileName: 'Medical records.pdf', mimeType: 'application/pdf', id: expect.stringMatching(/^filesystem/) });
		const [document] = copiedDocuments(await saState(stack), posted.id);
		expect(document).toMatchObject({ documentName: 'Medical records.pdf', fileSize: FILE_BYTES, sha256: sha256(bytes) });

		await n8n!.importWorkflows([backToCaseStatus(document.documentID, stack)]);
		const back = expectSuccess(await n8n!.execute('e2eBigFileBack01'));
		expect(binaryOf(back, 'SA Download')).toMatchObject({ mimeType: 'application/pdf', id: expect.stringMatching(/^filesystem/) });
		const [uploaded] = nodeItems(back, 'CS Upload');
		expect(uploaded).toMatchObject({ fileName: 'returned.pdf', size: FILE_BYTES });
		const stored = stack.caseStatus.service.context.state.files.get(uploaded.fileId as number)!;
		expect(sha256(stored.bytes)).toBe(sha256(bytes));
	});

	it('a streamed upload whose SmartAdvocate session has expired is filed after n8n logs in again', async () => {
		const posted = await postCsFile(stack, { integrationId: CASE_INTEGRATION_ID, fileName: 'Late scan.pdf', contentType: 'application/pdf', bytes });
		// The session token n8n saved in the credential during the first test is now three hours old.
		await stack.saAdmin.post('/clock', { offsetMs: 3 * 60 * 60 * 1000 });
		await n8n!.importWorkflows([straightToSmartAdvocate(posted.id, stack)]);
		const run = expectSuccess(await n8n!.execute('e2eBigFileStale1'));
		const [uploaded] = nodeItems(run, 'SA Upload');
		expect(uploaded).toMatchObject({ fileName: 'after login.pdf', fileSize: FILE_BYTES });
		const logins = stack.smartAdvocate.requests.filter((r) => r.path.endsWith('/Users/authenticate'));
		expect(logins.length).toBeGreaterThanOrEqual(2);
		const stored = (await saState(stack)).documents.find((d) => d.documentID === uploaded.documentId)!;
		expect(stored.sha256).toBe(sha256(bytes));
	});

	it('the harness reads a result of several megabytes completely', async () => {
		const result = await n8n!.execute(bigOutput.id as string);
		expect(result.stdout.length).toBeGreaterThan(6_000_000);
		const items = nodeItems(expectSuccess(result), 'Many Items');
		expect(items).toHaveLength(3000);
		expect(items[2999]).toEqual({ i: 2999, text: 'x'.repeat(2000) });
	});
}

for (const version of ALL_VERSION_KEYS) {
	const spec = N8N_VERSIONS[version];
	const title = `big files in n8n ${spec.n8nVersion} (Node ${spec.node}), binary data on disk`;
	if (selected.includes(version)) describe(title, () => suite(version));
	else describe.skip(`${title} — skipped (SACS_E2E_VERSIONS=${process.env.SACS_E2E_VERSIONS})`, () => it('skipped', () => undefined));
}
