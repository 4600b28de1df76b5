/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- runs in Node, never in n8n (eslint.dev.config.mjs) */
/**
 * Both poll triggers in a REAL n8n (each installed version), published and polling every minute under
 * `n8n start`, against the simulators:
 * - one bad item never blocks a poll: a note whose case answers 403 while its author is looked up still
 *   fires, with the author empty and a `warning`, next to a good note;
 * - a Case Status message of unknown type fires as `direction: 'unknown'`, and never in "From Staff";
 * - a failing listing fails that poll only: the cursor stays, and the message written meanwhile fires once;
 * - SmartAdvocate tokens expire every few seconds, and n8n's credential refresh keeps the polls working.
 *
 * Needs: `npm run build` (dist/) and `node scripts/install-n8n.mjs`.
 * Run:   npx jest --selectProjects e2e --runInBand test/e2e/triggers.e2e.test.ts
 */
import axios, { type AxiosInstance } from 'axios';

import { startCaseStatusSimulator, type RunningCaseStatusSim } from '../../simulators/casestatus';
import { startSmartAdvocateSimulator, type RunningSmartAdvocate } from '../../simulators/smartadvocate';
import { API_KEY, buildFixture as buildCsFixture } from '../nodes/CaseStatus/fixtures';
import { API_USER, buildFixture as buildSaFixture } from '../nodes/SmartAdvocate/fixtures';
import {
	ALL_VERSION_KEYS,
	N8N_VERSIONS,
	N8nInstance,
	nodeItems,
	packageTypes,
	selectedVersionKeys,
	waitFor,
	type N8nVersionKey,
	type WorkflowJson,
} from './harness';

const selected = selectedVersionKeys();
const CS_CREDENTIAL = { id: 'e2eTrigCsCred001', name: 'Case Status (simulator)', type: 'caseStatusApi' };
const SA_CREDENTIAL = { id: 'e2eTrigSaCred001', name: 'SmartAdvocate (simulator)', type: 'smartAdvocateApi' };
/** n8n refuses poll intervals under a minute. */
const EVERY_MINUTE = { item: [{ mode: 'everyMinute' }] };
const WORKFLOW_IDS = { fromStaff: 'e2eTrigCsStaff01', all: 'e2eTrigCsAll0001', notes: 'e2eTrigSaNotes01' };

function triggerWorkflow(id: string, name: string, node: Record<string, unknown>): WorkflowJson {
	return {
		id,
		name,
		nodes: [{ id: `${id}-t`, name: 'Trigger', typeVersion: 1, position: [0, 0], ...node }],
		connections: {},
		settings: { executionOrder: 'v1' },
	};
}

function workflows(types: { cs: string; sa: string }): WorkflowJson[] {
	const cs = (direction: string) => ({
		type: types.cs,
		credentials: { caseStatusApi: { id: CS_CREDENTIAL.id, name: CS_CREDENTIAL.name } },
		parameters: { pollTimes: EVERY_MINUTE, event: 'newMessage', direction, options: { ignoreRelayed: false } },
	});
	return [
		triggerWorkflow(WORKFLOW_IDS.fromStaff, 'e2e: messages from staff', cs('fromStaff')),
		triggerWorkflow(WORKFLOW_IDS.all, 'e2e: all messages', cs('all')),
		triggerWorkflow(WORKFLOW_IDS.notes, 'e2e: new notes', {
			type: types.sa,
			credentials: { smartAdvocateApi: { id: SA_CREDENTIAL.id, name: SA_CREDENTIAL.name } },
			parameters: { pollTimes: EVERY_MINUTE, event: 'newNote' },
		}),
	];
}

function suite(version: N8nVersionKey): void {
	let n8n: N8nInstance | undefined;
	let cs: RunningCaseStatusSim;
	let sa: RunningSmartAdvocate;
	let csAdmin: AxiosInstance;
	let saAdmin: AxiosInstance;
	const types = packageTypes();

	/** What each trigger emitted so far, one array of items per successful execution, oldest first. */
	const emitted = async (workflowId: string) => {
		const executions = await n8n!.listExecutions(workflowId, { includeData: true });
		const failed = executions.filter((execution) => execution.status === 'error');
		if (failed.length) throw new Error(`${failed.length} failed executions of ${workflowId}: ${JSON.stringify(failed[0].data?.resultData?.error)}`);
		return executions
			.filter((execution) => execution.status === 'success')
			.sort((a, b) => Number(a.id) - Number(b.id))
			.map((execution) => nodeItems({ data: execution.data } as never, 'Trigger'));
	};
	/** Requests (any method: SmartAdvocate's date-paged searches are POSTs) whose path contains `pathPart`. */
	const requestCount = async (admin: AxiosInstance, pathPart: string, queryName?: string) =>
		((await admin.get('/__admin/requests')).data as Array<{ method: string; path: string; query: Record<string, string> }>).filter(
			(r) => r.path.includes(pathPart) && (!queryName || queryName in r.query),
		).length;

	beforeAll(async () => {
		cs = await startCaseStatusSimulator({ firm: buildCsFixture().firm });
		sa = await startSmartAdvocateSimulator({ firm: buildSaFixture().firm });
		csAdmin = axios.create({ baseURL: cs.api.url, validateStatus: () => true });
		saAdmin = axios.create({ baseURL: sa.url, validateStatus: () => true });
		// Tokens live 20 s: every poll finds its token expired and must log in again through n8n's credential refresh.
		expect((await saAdmin.post('/__admin/config', { tokenLifetimeSeconds: 20 })).status).toBe(200);
		n8n = await N8nInstance.create(version);
		await n8n.importCredentials([
			{ ...CS_CREDENTIAL, data: { environment: 'custom', baseUrl: cs.api.url, apiKey: API_KEY } },
			{ ...SA_CREDENTIAL, data: { baseUrl: sa.url, username: API_USER.username, password: API_USER.password } },
		]);
		const ids = await n8n.importWorkflows(workflows({ cs: `${types.name}.caseStatusTrigger`, sa: `${types.name}.smartAdvocateTrigger` }));
		for (const id of ids) await n8n.publish(id);
		if (process.env.SACS_E2E_KEEP) console.log(`published, ${n8n.dir}`);
		await n8n.start({ waitForActivation: ids, timeoutMs: 300_000 }); // a loaded machine needs minutes
		if (process.env.SACS_E2E_KEEP) console.log('started');
		// Every trigger has made its baseline (for Case Status: its look-back read, the only list read with
		// created_after), so only what is written from now on is new.
		await waitFor(async () => (await requestCount(csAdmin, '/messages', 'created_after')) >= 2, { timeoutMs: 240_000, message: 'Case Status triggers never polled' });
		await waitFor(async () => (await requestCount(saAdmin, 'byDatePaged')) >= 1, { timeoutMs: 240_000, message: 'SmartAdvocate trigger never polled' });
	}, 900_000);

	afterAll(async () => {
		await n8n?.dispose();
		await cs?.close();
		await sa?.close();
	});

	it('a note whose case refuses the author lookup (403) still fires, with the author empty and a warning; the good note fires too', async () => {
		expect((await saAdmin.post('/__admin/faults', { route: '/case/1002', method: 'GET', status: 403, count: 1000 })).status).toBe(200);
		const note = async (caseID: number, noteText: string) => {
			const response = await saAdmin.post('/__admin/notes', { caseID, noteTypeName: 'Plaintiff', noteText, userID: 101, isSharedinCP: true });
			expect(response.status).toBe(201);
			return response.data.noteID as number;
		};
		const blocked = await note(1002, 'Note on a case the API user may not open');
		const good = await note(1001, 'Note on an open case');
		const fired = await waitFor(
			async () => {
				const items = (await emitted(WORKFLOW_IDS.notes)).flat();
				return items.length >= 2 ? items : undefined;
			},
			{ timeoutMs: 240_000, message: 'the notes never fired' },
		);
		expect(fired.map((item) => item.noteId).sort()).toEqual([blocked, good].sort());
		const byId = new Map(fired.map((item) => [item.noteId, item]));
		expect(byId.get(good)).toMatchObject({ author: { name: 'Alice Archer' } });
		expect(byId.get(good)!.warning).toBeUndefined();
		expect(byId.get(blocked)).toMatchObject({ caseId: 1002, author: null, text: 'Note on a case the API user may not open' });
		expect(byId.get(blocked)!.warning).toMatch(/^The author's name and e-mail are empty: the staff of case 1002 could not be read/);
		// Token refresh in n8n itself: a later poll finds the 20 s token expired and n8n logs in again (the
		// notes may fire within 20 s of the first login, so wait for a poll that must log in), and no poll
		// failed (emitted() throws on a failed execution).
		const logins = async () =>
			((await saAdmin.get('/__admin/requests')).data as Array<{ method: string; path: string }>).filter(
				(r) => r.method === 'POST' && r.path.endsWith('/Users/authenticate'),
			).length;
		await waitFor(async () => (await logins()) >= 2, { timeoutMs: 180_000, message: 'n8n never logged in again after the token expired' });
		await waitFor(async () => (await requestCount(saAdmin, 'byDatePaged')) >= 3, { timeoutMs: 180_000, message: 'no poll after the new login' });
		await emitted(WORKFLOW_IDS.notes);
	}, 900_000);

	it('a message of unknown type fires as direction "unknown", never in "From Staff"', async () => {
		const message = async (body: Record<string, unknown>) => {
			const response = await csAdmin.post('/__admin/messages', body);
			expect(response.status).toBe(201);
			return response.data.id as number;
		};
		const staff = await message({ case_id: 90001, direction: 'outgoing', content: 'Your MRI is booked' });
		const odd = await message({ case_id: 90002, direction: 'outgoing', content: 'Stage changed', type: 'system' });
		const client = await message({ case_id: 90001, direction: 'incoming', content: 'Thanks!' });
		const all = await waitFor(
			async () => {
				const items = (await emitted(WORKFLOW_IDS.all)).flat();
				return items.length >= 3 ? items : undefined;
			},
			{ timeoutMs: 240_000, message: 'the messages never fired' },
		);
		expect(all.map((item) => [item.messageId, item.direction])).toEqual([
			[staff, 'fromStaff'],
			[odd, 'unknown'],
			[client, 'fromClient'],
		]);
		const fromStaff = await waitFor(
			async () => {
				const items = (await emitted(WORKFLOW_IDS.fromStaff)).flat();
				return items.length ? items : undefined;
			},
			{ timeoutMs: 180_000, message: 'the staff message never fired' },
		);
		expect(fromStaff.map((item) => item.messageId)).toEqual([staff]);
	}, 600_000);

	it('a failing listing fails that poll only: a message written during the outage fires once when Case Status answers again', async () => {
		// Ten 500s on the message list: a poll tries a read 5 times, so at least one poll of the two Case Status
		// triggers (they share the list) gives up and fails; n8n must then keep its cursor.
		expect((await csAdmin.post('/__admin/faults', { route: '/v1/api/messages', method: 'GET', status: 500, count: 10 })).status).toBe(200);
		const response = await csAdmin.post('/__admin/messages', { case_id: 90001, direction: 'incoming', content: 'Sent while the list was failing' });
		expect(response.status).toBe(201);
		const id = response.data.id as number;
		const refused = async () =>
			((await csAdmin.get('/__admin/requests')).data as Array<{ path: string; status: number }>).filter(
				(r) => r.path.includes('/messages') && r.status === 500,
			).length;
		await waitFor(async () => (await refused()) >= 10, { timeoutMs: 300_000, message: 'no poll met the outage' });
		const firedOf = async () =>
			(await n8n!.listExecutions(WORKFLOW_IDS.all, { includeData: true }))
				.filter((execution) => execution.status === 'success')
				.flatMap((execution) => nodeItems({ data: execution.data } as never, 'Trigger'))
				.filter((item) => item.messageId === id);
		await waitFor(async () => ((await firedOf()).length ? true : undefined), { timeoutMs: 240_000, message: 'the message never fired after the outage' });
		// A later poll of each trigger: it has still fired once.
		const lists = await requestCount(csAdmin, '/messages');
		await waitFor(async () => (await requestCount(csAdmin, '/messages')) >= lists + 2, { timeoutMs: 240_000, message: 'no later polls' });
		expect(await firedOf()).toHaveLength(1);
	}, 900_000);
}

for (const version of ALL_VERSION_KEYS) {
	const spec = N8N_VERSIONS[version];
	const title = `Poll triggers in n8n ${spec.n8nVersion} (Node ${spec.node})`;
	if (selected.includes(version)) describe(title, () => suite(version));
	else describe.skip(title, () => it('runs', () => undefined));
}
