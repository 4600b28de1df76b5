/**
 * The transports in a REAL n8n (each installed version), against both simulators: what only n8n's own
 * request helper decides.
 * - A redirect to another origin is not followed: nothing at all goes there (so neither the SmartAdvocate JWT
 *   nor the Case Status API key, on any n8n version, protected or not by n8n's own redirect rule), and the
 *   item fails saying where the redirect pointed; a redirect within the same origin still works.
 * - A 429's Retry-After is waited out, measured between the simulator's own request log stamps
 *   (n8n 1.x drops the headers from the error it throws, so this is where 1.x used to retry early).
 * - A call that gets no answer fails after the credential's timeout with a clear message.
 * - A New York SmartAdvocate server writing local times without a zone: "Created Since" sees every note.
 * - A stale SmartAdvocate session token is still renewed by n8n on a 401 (the calls now ask n8n for the
 *   full response of HTTP errors, except 401, which n8n 1.x does not honour), and the renewed token serves
 *   the node run's later calls though the run hands n8n the credential it read once.
 *
 * Needs: `npm run build` (dist/) and `node scripts/install-n8n.mjs`.
 * Run:   npx jest --selectProjects e2e --runInBand test/e2e/transport.e2e.test.ts
 */
import axios from 'axios';

import { startCaseStatusSimulator } from '../../simulators/casestatus';
import type { LoggedRequest } from '../../simulators/shared/http';
import { startHeaderRecorder, type RunningRecorder } from '../../simulators/shared/recorder';
import { startSmartAdvocateSimulator, type RunningSmartAdvocate } from '../../simulators/smartadvocate';
import { API_KEY, buildFixture as buildCaseStatusFixture } from '../nodes/CaseStatus/fixtures';
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
const SA = { id: 'e2eTrSaCred00001', name: 'SmartAdvocate (simulator)', type: 'smartAdvocateApi' };
const CS = { id: 'e2eTrCsCred00001', name: 'Case Status (simulator)', type: 'caseStatusApi' };
const SA_QUICK = { id: 'e2eTrSaCred00002', name: 'SmartAdvocate (3 s timeout)', type: 'smartAdvocateApi' };
const CS_QUICK = { id: 'e2eTrCsCred00002', name: 'Case Status (3 s timeout)', type: 'caseStatusApi' };
const NEW_YORK = 'America/New_York';
const RETRY_AFTER_SECONDS = 3;
const TIMEOUT_SECONDS = 3;

function workflow(types: ReturnType<typeof packageTypes>, notesSince: string): WorkflowJson {
	let x = 0;
	const node = (name: string, service: 'sa' | 'cs', credential: { id: string; name: string }, parameters: Record<string, unknown>, extra = {}) => ({
		id: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
		name,
		type: service === 'sa' ? `${types.name}.smartAdvocate` : `${types.name}.caseStatus`,
		typeVersion: 1,
		position: [(x += 200), 0],
		parameters,
		credentials: { [service === 'sa' ? 'smartAdvocateApi' : 'caseStatusApi']: credential },
		...extra,
	});
	const continueOnError = { onError: 'continueRegularOutput' };
	const nodes = [
		node('SA note types (redirected away)', 'sa', SA, { resource: 'noteType', operation: 'getAll', returnAll: true }, continueOnError),
		node('CS practice areas (redirected away)', 'cs', CS, { resource: 'practiceArea', operation: 'getAll' }, continueOnError),
		node('CS users (moved on the same host)', 'cs', CS, { resource: 'user', operation: 'getAll', returnAll: true }),
		node('SA case (429 first)', 'sa', SA, { resource: 'case', operation: 'get', case: { __rl: true, mode: 'id', value: '1001' } }),
		node('CS messages (429 first)', 'cs', CS, { resource: 'message', operation: 'getAll', scope: 'firm', returnAll: true }),
		node('SA notes created since', 'sa', SA, {
			resource: 'note',
			operation: 'getAll',
			searchBy: 'case',
			case: { __rl: true, mode: 'id', value: '1001' },
			filters: { createdSince: notesSince },
			simplify: false,
		}),
		node('SA case (no answer)', 'sa', SA_QUICK, { resource: 'case', operation: 'get', case: { __rl: true, mode: 'id', value: '1002' } }, continueOnError),
		node('CS cases (no answer)', 'cs', CS_QUICK, { resource: 'case', operation: 'getAll', returnAll: true }, continueOnError),
	];
	return {
		id: 'e2eTransportFlow1',
		name: 'e2e: transport',
		nodes: [{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} }, ...nodes],
		connections: { Start: { main: [nodes.map((n) => ({ node: n.name, type: 'main', index: 0 }))] } },
		settings: { executionOrder: 'v1' },
	};
}

/** Milliseconds between a failed call in the simulator's log and the next call to the same path. */
function retryGap(log: LoggedRequest[], path: string, failedStatus: number): number {
	const failed = log.findIndex((r) => r.path === path && r.status === failedStatus);
	const retry = log.slice(failed + 1).find((r) => r.path === path);
	if (failed < 0 || !retry) throw new Error(`no ${failedStatus} and retry for ${path} in ${JSON.stringify(log)}`);
	return Date.parse(retry.at) - Date.parse(log[failed].at);
}

function suite(version: N8nVersionKey): void {
	let n8n: N8nInstance | undefined;
	let sa: RunningSmartAdvocate;
	let cs: Awaited<ReturnType<typeof startCaseStatusSimulator>>;
	let elsewhere: RunningRecorder;
	const types = packageTypes();
	const saFixture = buildFixture();

	beforeAll(async () => {
		[sa, cs, elsewhere] = await Promise.all([
			startSmartAdvocateSimulator({ firm: saFixture.firm }),
			startCaseStatusSimulator({ firm: buildCaseStatusFixture().firm }),
			startHeaderRecorder(),
		]);
		n8n = await N8nInstance.create(version);
	});

	afterAll(async () => {
		await n8n?.dispose();
		await Promise.all([sa?.close(), cs?.close(), elsewhere?.close()]);
	});

	describe('one run of every transport scenario', () => {
		let run: RunData | undefined;
		let saLog: LoggedRequest[];
		let csLog: LoggedRequest[];

		beforeAll(async () => {
			const saAdmin = axios.create({ baseURL: `${sa.url}/__admin` });
			const csAdmin = axios.create({ baseURL: `${cs.api.url}/__admin` });
			await saAdmin.post('/config', { dateStyle: 'naive', timeZone: NEW_YORK });
			await saAdmin.post('/redirects', { route: 'notes/types', location: elsewhere.url, appendPath: true, status: 302 });
			await csAdmin.post('/redirects', { route: '/v1/api/practice-areas', location: elsewhere.url, appendPath: true, status: 307 });
			await csAdmin.post('/redirects', { route: '/v1/api/users', location: cs.api.url, appendPath: true, status: 301, count: 1 });
			await saAdmin.post('/faults', { route: '/CaseSyncAPI/case/1001', method: 'GET', status: 429, retryAfter: RETRY_AFTER_SECONDS, count: 1 });
			await csAdmin.post('/faults', { route: '/v1/api/messages', method: 'GET', status: 429, retryAfter: RETRY_AFTER_SECONDS, count: 1 });
			await saAdmin.post('/hang', { route: '/CaseSyncAPI/case/1002', count: 10 });
			await csAdmin.post('/hang', { route: '/v1/api/cases', count: 10 });

			// A session token that expired since it was stored: the first call answers 401 and n8n logs in again.
			const saData = { baseUrl: sa.url, username: API_USER.username, password: API_USER.password, timeZone: NEW_YORK, sessionToken: 'expired-session-token' };
			const csData = { environment: 'custom', baseUrl: cs.api.url, apiKey: API_KEY, allowPrivateDownloadHosts: true };
			await n8n!.importCredentials([
				{ ...SA, data: saData },
				{ ...CS, data: csData },
				{ ...SA_QUICK, data: { ...saData, timeoutSeconds: TIMEOUT_SECONDS } },
				{ ...CS_QUICK, data: { ...csData, timeoutSeconds: TIMEOUT_SECONDS } },
			]);
			const [id] = await n8n!.importWorkflows([workflow(types, saFixture.ago(60 * 4))]);
			const result = await n8n!.execute(id);
			run = result.run;
			if (!result.ok) throw new Error(`the run failed: ${JSON.stringify(result.error)}\n${result.logFile}`);
			saLog = sa.requests;
			csLog = cs.api.requests;
		}, 300_000);

		it('sends nothing to another origin a redirect points at (so no token or key), and says so for the item', () => {
			expect(elsewhere.requests).toEqual([]);
			const origin = new URL(elsewhere.url).origin;
			expect(nodeItems(run, 'SA note types (redirected away)')).toEqual([
				expect.objectContaining({ error: `SmartAdvocate answered with a redirect to another server (${origin}) while trying to list the note types; the node does not follow it` }),
			]);
			expect(nodeItems(run, 'CS practice areas (redirected away)')).toEqual([
				expect.objectContaining({ error: expect.stringMatching(new RegExp(`^Case Status answered with a redirect to another server \\(${origin}\\) while trying to`)) }),
			]);
			// The calls themselves did carry the credential, to the service's own host.
			expect(saLog.find((r) => /notes\/types/i.test(r.path))).toMatchObject({ status: 302, hadAuthorization: true });
			expect(csLog.find((r) => r.path === '/v1/api/practice-areas')).toMatchObject({ status: 307, hadAuthorization: true });
		});

		it('still follows a redirect within the same host, with the credential', () => {
			const calls = csLog.filter((r) => r.path === '/v1/api/users');
			expect(calls.map((r) => [r.status, r.hadAuthorization])).toEqual([
				[301, true],
				[200, true],
			]);
			expect(nodeItems(run, 'CS users (moved on the same host)').length).toBeGreaterThan(0);
		});

		it(`waits the ${RETRY_AFTER_SECONDS} s a 429's Retry-After asks for, in both services`, () => {
			expect(retryGap(saLog, '/CaseSyncAPI/case/1001', 429)).toBeGreaterThanOrEqual(RETRY_AFTER_SECONDS * 1000);
			expect(retryGap(csLog, '/v1/api/messages', 429)).toBeGreaterThanOrEqual(RETRY_AFTER_SECONDS * 1000);
			expect(nodeItems(run, 'SA case (429 first)')).toEqual([expect.objectContaining({ caseId: 1001 })]);
			expect(nodeItems(run, 'CS messages (429 first)').length).toBeGreaterThan(0);
		});

		it('fails a call that gets no answer after the credential timeout, saying so, without sending it again', () => {
			expect(nodeItems(run, 'SA case (no answer)')).toEqual([
				expect.objectContaining({ error: `SmartAdvocate did not answer within ${TIMEOUT_SECONDS} seconds while trying to get case 1002` }),
			]);
			const [csFailure] = nodeItems(run, 'CS cases (no answer)');
			expect(csFailure.error).toMatch(new RegExp(`^Case Status did not answer within ${TIMEOUT_SECONDS} seconds while trying to`));
			expect(saLog.filter((r) => r.path === '/CaseSyncAPI/case/1002')).toHaveLength(1);
			expect(csLog.filter((r) => r.path === '/v1/api/cases')).toHaveLength(1);
		});

		it('logs in again when the stored session token has expired', () => {
			const refused = saLog.findIndex((r) => r.status === 401);
			expect(refused).toBeGreaterThanOrEqual(0);
			const after = saLog.slice(refused + 1);
			const login = after.findIndex((r) => /Users\/authenticate/i.test(r.path) && r.status === 200);
			expect(login).toBeGreaterThanOrEqual(0);
			expect(after.slice(login + 1)).toEqual(expect.arrayContaining([expect.objectContaining({ path: saLog[refused].path, status: 200 })]));
			expect(nodeItems(run, 'SA notes created since')).toHaveLength(2);
			// The node run hands n8n the credential it read once; the token n8n renews in it serves the run's
			// next call (the case's contacts) and, saved, the later nodes: one log-in in all, no refusal after it
			// (n8n 1.x answers the first call's 401 to us before it logs in, so that call is refused twice there).
			expect(saLog.filter((r) => /Users\/authenticate/i.test(r.path))).toHaveLength(1);
			expect(after.slice(login + 1).filter((r) => r.status === 401)).toEqual([]);
			expect(after.slice(login + 1).map((r) => [r.path, r.status])).toEqual(
				expect.arrayContaining([
					['/CaseSyncAPI/case/1001/contacts', 200],
					['/CaseSyncAPI/case/1001/notes', 200],
				]),
			);
		});

		it('sees every note of a New York server that writes local times without a zone', () => {
			expect(nodeItems(run, 'SA notes created since').map((note) => note.noteID)).toEqual([503, 502]);
		});
	});
}

for (const version of ALL_VERSION_KEYS) {
	const spec = N8N_VERSIONS[version];
	const title = `transports in n8n ${spec.n8nVersion} (Node ${spec.node})`;
	if (selected.includes(version)) describe(title, () => suite(version));
	else describe.skip(title, () => it('runs', () => undefined));
}
