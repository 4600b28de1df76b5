/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-globals -- runs in Node, never in n8n (eslint.dev.config.mjs) */
/**
 * Smoke test in a REAL n8n, once per installed version (n8n 2.41.1 on Node 24, n8n 1.123.81 on Node 20):
 * our package loads as a community package, its credentials import and authenticate requests, a Manual
 * Trigger workflow runs from the CLI, and a published Schedule Trigger workflow fires in `n8n start`.
 *
 * Needs: `npm run build` (dist/) and `node scripts/install-n8n.mjs`.
 * Run:   npx jest --selectProjects e2e --runInBand test/e2e/smoke.e2e.test.ts
 * One version: SACS_E2E_VERSIONS=2 (or 1) ...
 */
import {
	ALL_VERSION_KEYS,
	expectSuccess,
	N8N_VERSIONS,
	N8nInstance,
	nodeItems,
	packageTypes,
	selectedVersionKeys,
	startHitServer,
	waitFor,
	type HitServer,
	type N8nVersionKey,
	type WorkflowJson,
} from './harness';

const selected = selectedVersionKeys();
const SA_TOKEN = 'e2e-session-token-1';
const CS_KEY = 'e2e-case-status-key';

const CREDS = {
	smartAdvocate: { id: 'e2eSaCred0000001', name: 'SmartAdvocate (e2e)', type: 'smartAdvocateApi' },
	caseStatus: { id: 'e2eCsCred0000001', name: 'Case Status (e2e)', type: 'caseStatusApi' },
};

function manualWorkflow(hitUrl: string): WorkflowJson {
	const http = (name: string, credType: 'caseStatusApi' | 'smartAdvocateApi', url: string, x: number) => ({
		id: `http-${credType}`,
		name,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: [x, 0],
		parameters: { authentication: 'predefinedCredentialType', nodeCredentialType: credType, url, options: {} },
		credentials: {
			[credType]: credType === 'caseStatusApi' ? { id: CREDS.caseStatus.id, name: CREDS.caseStatus.name } : { id: CREDS.smartAdvocate.id, name: CREDS.smartAdvocate.name },
		},
	});
	return {
		id: 'e2eSmokeManual01',
		name: 'e2e smoke: manual',
		nodes: [
			{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'set',
				name: 'Set',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				position: [200, 0],
				parameters: {
					assignments: {
						assignments: [
							{ id: 'a1', name: 'greeting', value: 'hello', type: 'string' },
							{ id: 'a2', name: 'n', value: '={{ 6 * 7 }}', type: 'number' },
						],
					},
					options: {},
				},
			},
			{
				id: 'code',
				name: 'Code',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [400, 0],
				parameters: { jsCode: 'return $input.all().map((i) => ({ json: { ...i.json, doubled: i.json.n * 2 } }));' },
			},
			http('Case Status call', 'caseStatusApi', `${hitUrl}/cs/ping`, 600),
			http('SmartAdvocate call', 'smartAdvocateApi', `${hitUrl}/CaseSyncAPI/sa/ping`, 800),
		],
		connections: {
			Start: { main: [[{ node: 'Set', type: 'main', index: 0 }]] },
			Set: { main: [[{ node: 'Code', type: 'main', index: 0 }]] },
			Code: { main: [[{ node: 'Case Status call', type: 'main', index: 0 }]] },
			'Case Status call': { main: [[{ node: 'SmartAdvocate call', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

const BROKEN_ID = 'e2eSmokeBroken01';

/** Manual Trigger → Set → HTTP Request to a closed port: fails in the last node. */
function brokenWorkflow(): WorkflowJson {
	const wf = manualWorkflow('http://127.0.0.1:9');
	return {
		...wf,
		id: BROKEN_ID,
		name: 'e2e smoke: broken',
		nodes: [
			...wf.nodes.slice(0, 2),
			{ id: 'fail', name: 'Closed port', type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2, position: [400, 0], parameters: { url: 'http://127.0.0.1:9/closed', options: {} } },
		],
		connections: {
			Start: { main: [[{ node: 'Set', type: 'main', index: 0 }]] },
			Set: { main: [[{ node: 'Closed port', type: 'main', index: 0 }]] },
		},
	};
}

function scheduleWorkflow(hitUrl: string): WorkflowJson {
	return {
		id: 'e2eSmokeSchedule',
		name: 'e2e smoke: schedule',
		nodes: [
			{
				id: 'sched',
				name: 'Every 2 seconds',
				type: 'n8n-nodes-base.scheduleTrigger',
				typeVersion: 1.2,
				position: [0, 0],
				parameters: { rule: { interval: [{ field: 'seconds', secondsInterval: 2 }] } },
			},
			{
				id: 'get',
				name: 'Ping',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [200, 0],
				parameters: { url: `${hitUrl}/schedule`, options: {} },
			},
		],
		connections: { 'Every 2 seconds': { main: [[{ node: 'Ping', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

function smoke(version: N8nVersionKey): void {
	let n8n: N8nInstance | undefined;
	let hits: HitServer;
	const types = packageTypes(); // throws a readable error when dist/ is missing

	beforeAll(async () => {
		hits = await startHitServer((hit) =>
			hit.method === 'POST' && hit.path === '/CaseSyncAPI/Users/authenticate' ? { json: { token: SA_TOKEN } } : undefined,
		);
		n8n = await N8nInstance.create(version);
	});

	afterAll(async () => {
		if (n8n?.timings.length) {
			const t = n8n.timings.map((x) => `${x.what} ${(x.ms / 1000).toFixed(1)}s`).join(', ');
			process.stderr.write(`[e2e] n8n ${N8N_VERSIONS[version].n8nVersion} timings: ${t}\n`);
		}
		await n8n?.dispose();
		await hits?.close();
	});

	it('loads every node type the package declares (export:nodes)', async () => {
		const loaded = new Set((await n8n!.exportNodes()).map((d) => d.name));
		const ours = [...loaded].filter((n) => n.startsWith(`${types.name}.`)).sort();
		expect(ours).toEqual(expect.arrayContaining(types.nodeTypes));
		expect(types.credentialTypes).toEqual(expect.arrayContaining(['smartAdvocateApi', 'caseStatusApi']));
	});

	it('imports a credential of each type and runs a Manual Trigger → Set → Code → HTTP Request (our credentials) workflow', async () => {
		await n8n!.importCredentials([
			{ ...CREDS.smartAdvocate, data: { baseUrl: hits.url, username: 'e2e-user', password: 'e2e-password' } },
			{ ...CREDS.caseStatus, data: { environment: 'custom', baseUrl: hits.url, apiKey: CS_KEY } },
		]);
		const [manualId] = await n8n!.importWorkflows([manualWorkflow(hits.url), scheduleWorkflow(hits.url), brokenWorkflow()]);

		const result = await n8n!.execute(manualId);
		const run = expectSuccess(result);
		expect(run.status).toBe('success');
		expect(nodeItems(run, 'Set')).toEqual([{ greeting: 'hello', n: 42 }]);
		expect(nodeItems(run, 'Code')).toEqual([{ greeting: 'hello', n: 42, doubled: 84 }]);
		expect(nodeItems(run, 'Case Status call')[0]).toMatchObject({ ok: true, path: '/cs/ping' });

		const cs = hits.hits.find((h) => h.path === '/cs/ping');
		expect(cs?.headers.authorization).toBe(`ApiKey ${CS_KEY}`);
		const login = hits.hits.find((h) => h.path === '/CaseSyncAPI/Users/authenticate');
		expect(JSON.parse(login?.body ?? '{}')).toEqual({ Username: 'e2e-user', Password: 'e2e-password' });
		const sa = hits.hits.find((h) => h.path === '/CaseSyncAPI/sa/ping');
		expect(sa?.headers.authorization).toBe(`Bearer ${SA_TOKEN}`);
	});

	it('reports a failing workflow as a failure with its error and run data, not as a thrown exception', async () => {
		const result = await n8n!.execute(BROKEN_ID);
		expect(result.ok).toBe(false);
		expect(result.code).not.toBe(0);
		expect(result.error?.node).toBe('Closed port');
		expect(result.error?.message).toBeTruthy();
		expect(nodeItems(result.run, 'Set')).toEqual([{ greeting: 'hello', n: 42 }]);
	});

	it('fires a published Schedule Trigger workflow in `n8n start` and lists its executions via the public API', async () => {
		await n8n!.publish('e2eSmokeSchedule');
		await n8n!.start({ waitForActivation: ['e2eSmokeSchedule'] });

		const credentialTypes = await n8n!.credentialTypes();
		expect(credentialTypes).toEqual(expect.arrayContaining(types.credentialTypes));

		const firstHit = await hits.waitForHit('/schedule', { timeoutMs: 30_000 });
		expect(firstHit.method).toBe('GET');

		const executions = await waitFor(
			async () => {
				const list = await n8n!.listExecutions('e2eSmokeSchedule');
				return list.some((e) => e.status === 'success') ? list : undefined;
			},
			{ timeoutMs: 20_000, intervalMs: 500, message: 'a successful schedule execution in the public API' },
		);
		expect(executions[0]).toMatchObject({ workflowId: 'e2eSmokeSchedule' });
		await n8n!.stop();
		expect(n8n!.isRunning).toBe(false);
	});
}

for (const version of ALL_VERSION_KEYS) {
	const spec = N8N_VERSIONS[version];
	const title = `n8n ${spec.n8nVersion} (Node ${spec.node})`;
	if (selected.includes(version)) {
		describe(title, () => smoke(version));
	} else {
		process.stderr.write(`[e2e] skipping ${title}: SACS_E2E_VERSIONS=${process.env.SACS_E2E_VERSIONS}\n`);
		describe.skip(`${title} — skipped by SACS_E2E_VERSIONS=${process.env.SACS_E2E_VERSIONS}`, () => {
			it('smoke', () => undefined);
		});
	}
}
