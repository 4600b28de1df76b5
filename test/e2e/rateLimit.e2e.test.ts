/**
 * A service that says "slow down" (429, or 503 with Retry-After) in a REAL n8n (each installed version),
 * with the SmartAdvocate simulator's fault switch: every call to that account waits until the time the
 * server named, not only the call that got the answer, then the calls resume spaced out; and a node run
 * that starts after another gave up on a 429 waits too (the pace belongs to the account, not to one node run).
 * Times are the simulator's own arrival stamps.
 *
 * Needs: `npm run build` (dist/) and `node scripts/install-n8n.mjs`.
 * Run:   npx jest --selectProjects e2e --runInBand test/e2e/rateLimit.e2e.test.ts
 */
import axios from 'axios';

import type { LoggedRequest } from '../../simulators/shared/http';
import { startSmartAdvocateSimulator, type RunningSmartAdvocate } from '../../simulators/smartadvocate';
import { API_USER, buildFixture } from '../nodes/SmartAdvocate/fixtures';
import {
	ALL_VERSION_KEYS,
	N8N_VERSIONS,
	N8nInstance,
	nodeItems,
	packageTypes,
	selectedVersionKeys,
	type N8nVersionKey,
	type RunData,
	type WorkflowJson,
} from './harness';

const selected = selectedVersionKeys();
const SA = { id: 'e2eRlSaCred00001', name: 'SmartAdvocate (simulator)', type: 'smartAdvocateApi' };
const RETRY_AFTER_SECONDS = 2;
const ITEMS = 24;
/** Calls in flight at once in SmartAdvocate's Case → Get (its `concurrency`). */
const CONCURRENCY = 8;

function workflow(types: ReturnType<typeof packageTypes>): WorkflowJson {
	const getCase = (name: string, id: string, x: number, extra = {}) => ({
		id: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
		name,
		type: `${types.name}.smartAdvocate`,
		typeVersion: 1,
		position: [x, 0],
		parameters: { resource: 'case', operation: 'get', case: { __rl: true, mode: 'id', value: id } },
		credentials: { smartAdvocateApi: { id: SA.id, name: SA.name } },
		...extra,
	});
	const nodes = [
		{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: 'items',
			name: 'Case IDs',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			position: [200, 0],
			parameters: { jsCode: `return Array.from({ length: ${ITEMS} }, () => ({ json: { id: '1001' } }));` },
		},
		getCase('Many calls, one 429', '={{ $json.id }}', 400),
		getCase('Gives up on 429s', '1002', 600, { executeOnce: true, onError: 'continueRegularOutput' }),
		getCase('Next node run', '1003', 800, { executeOnce: true }),
	];
	const next = (name: string) => ({ main: [[{ node: name, type: 'main', index: 0 }]] });
	return {
		id: 'e2eRateLimitFlow',
		name: 'e2e: rate limit',
		nodes,
		connections: { Start: next('Case IDs'), 'Case IDs': next('Many calls, one 429'), 'Many calls, one 429': next('Gives up on 429s'), 'Gives up on 429s': next('Next node run') },
		settings: { executionOrder: 'v1' },
	};
}

function suite(version: N8nVersionKey): void {
	let n8n: N8nInstance | undefined;
	let sa: RunningSmartAdvocate;
	let run: RunData | undefined;
	let calls: (path: string) => Array<{ at: number; status: number }>;
	const types = packageTypes();

	beforeAll(async () => {
		sa = await startSmartAdvocateSimulator({ firm: buildFixture().firm });
		n8n = await N8nInstance.create(version);
		const admin = axios.create({ baseURL: `${sa.url}/__admin` });
		await admin.post('/faults', { route: '/CaseSyncAPI/case/1001', method: 'GET', status: 429, retryAfter: RETRY_AFTER_SECONDS, count: 1 });
		// Every one of the node's 5 tries is refused: it gives up, and the next node run must still wait.
		await admin.post('/faults', { route: '/CaseSyncAPI/case/1002', method: 'GET', status: 429, retryAfter: 1, count: 5 });
		await n8n.importCredentials([{ ...SA, data: { baseUrl: sa.url, username: API_USER.username, password: API_USER.password } }]);
		const [id] = await n8n.importWorkflows([workflow(types)]);
		const result = await n8n.execute(id);
		run = result.run;
		if (!result.ok) throw new Error(`the run failed: ${JSON.stringify(result.error)}\n${result.logFile}`);
		const log = sa.requests as LoggedRequest[];
		calls = (path) => log.filter((r) => r.path === path && r.method === 'GET').map((r) => ({ at: Date.parse(r.at), status: r.status }));
	}, 300_000);

	afterAll(async () => {
		await n8n?.dispose();
		await sa?.close();
	});

	it(`after a 429 with Retry-After ${RETRY_AFTER_SECONDS}, no call of the node run goes out before that time, and then the calls resume spaced out`, () => {
		const all = calls('/CaseSyncAPI/case/1001');
		expect(all.filter((c) => c.status === 429)).toHaveLength(1);
		const throttledAt = all.find((c) => c.status === 429)!.at;
		// The first 8 calls (the node's concurrency) go out together: the 7 beside the throttled one may arrive
		// during the pause (sent before its answer reached n8n); every other call, and the retry, after it.
		const beforeTheTimeNamed = all.filter((c) => c.status !== 429 && c.at < throttledAt + RETRY_AFTER_SECONDS * 1000);
		expect(beforeTheTimeNamed.length).toBeLessThanOrEqual(CONCURRENCY - 1);
		const resumed = all.filter((c) => c.at >= throttledAt + RETRY_AFTER_SECONDS * 1000).map((c) => c.at);
		// The 24 calls and the retry, less the 429 itself and those in flight.
		expect(resumed.length).toBe(ITEMS - beforeTheTimeNamed.length);
		// Spaced out: the spacing starts at 250 ms and shrinks with each answer (250, 200, 160 … ms), so the
		// first three gaps add up to about 600 ms; unpaced they would be a few ms. Compared as a sum, because
		// the arrival stamps of single calls jitter by a few ms on a busy machine.
		const firstThreeGaps = resumed[3] - resumed[0];
		expect(firstThreeGaps).toBeGreaterThanOrEqual(300);
		expect(nodeItems(run, 'Many calls, one 429')).toHaveLength(ITEMS);
	});

	it('a node run that starts right after another gave up on a 429 waits for the time the server named too', () => {
		const refused = calls('/CaseSyncAPI/case/1002');
		expect(refused.map((c) => c.status)).toEqual([429, 429, 429, 429, 429]);
		expect(nodeItems(run, 'Gives up on 429s')).toEqual([expect.objectContaining({ error: expect.stringMatching(/^SmartAdvocate is limiting requests/) })]);
		const [next] = calls('/CaseSyncAPI/case/1003');
		expect(next.status).toBe(200);
		expect(next.at - refused[refused.length - 1].at).toBeGreaterThanOrEqual(1000 - 20);
	});
}

for (const version of ALL_VERSION_KEYS) {
	const spec = N8N_VERSIONS[version];
	const title = `a service's slow-down in n8n ${spec.n8nVersion} (Node ${spec.node})`;
	if (selected.includes(version)) describe(title, () => suite(version));
	else describe.skip(title, () => it('runs', () => undefined));
}
