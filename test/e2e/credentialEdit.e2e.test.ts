/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- runs in Node, never in n8n (eslint.dev.config.mjs) */
/**
 * A credential edited while a trigger is active takes effect at the next poll, in a REAL n8n (each installed
 * version): n8n keeps one poll context for every poll of an active workflow, so whatever the nodes read once
 * per node run must not be kept in it. A Case Status Trigger polls simulator A; the credential is changed to
 * simulator B with another key while n8n runs; the next polls go to B with B's key, and A receives nothing after.
 *
 * Needs: `npm run build` (dist/) and `node scripts/install-n8n.mjs`.
 * Run:   npx jest --selectProjects e2e --runInBand test/e2e/credentialEdit.e2e.test.ts
 */
import { startCaseStatusSimulator, type RunningCaseStatusSim } from '../../simulators/casestatus';
import type { LoggedRequest } from '../../simulators/shared/http';
import { API_KEY, buildFixture } from '../nodes/CaseStatus/fixtures';
import { ALL_VERSION_KEYS, N8N_VERSIONS, N8nInstance, packageTypes, selectedVersionKeys, waitFor, type N8nVersionKey } from './harness';

const selected = selectedVersionKeys();
const CS = { id: 'e2eEditCsCred001', name: 'Case Status (edited while active)', type: 'caseStatusApi' };
const NEW_KEY = 'cs_new_key_after_the_edit_0042';
const WORKFLOW_ID = 'e2eEditTrigger01';

function suite(version: N8nVersionKey): void {
	let n8n: N8nInstance | undefined;
	let before: RunningCaseStatusSim;
	let after: RunningCaseStatusSim;
	const types = packageTypes();
	const polls = (sim: RunningCaseStatusSim) => (sim.api.requests as LoggedRequest[]).filter((r) => r.path === '/v1/api/messages');

	beforeAll(async () => {
		[before, after] = await Promise.all([
			startCaseStatusSimulator({ firm: buildFixture().firm }),
			startCaseStatusSimulator({ firm: { ...buildFixture().firm, caseStatusApiKey: NEW_KEY } }),
		]);
		n8n = await N8nInstance.create(version);
	}, 120_000);

	afterAll(async () => {
		await n8n?.dispose();
		await Promise.all([before?.close(), after?.close()]);
	});

	it('polls go to the new address with the new key from the next poll on, and the old host receives nothing after the edit', async () => {
		await n8n!.importCredentials([{ ...CS, data: { environment: 'custom', baseUrl: before.api.url, apiKey: API_KEY } }]);
		await n8n!.importWorkflows([
			{
				id: WORKFLOW_ID,
				name: 'e2e: trigger with a credential edited while active',
				nodes: [
					{
						id: 'trigger',
						name: 'Trigger',
						type: `${types.name}.caseStatusTrigger`,
						typeVersion: 1,
						position: [0, 0],
						// n8n refuses poll intervals under a minute.
						parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, event: 'newMessage', direction: 'all', options: {} },
						credentials: { caseStatusApi: { id: CS.id, name: CS.name } },
					},
				],
				connections: {},
				settings: { executionOrder: 'v1' },
			},
		]);
		await n8n!.publish(WORKFLOW_ID);
		await n8n!.start({ waitForActivation: [WORKFLOW_ID], timeoutMs: 300_000 });
		await waitFor(() => polls(before).length > 0, { timeoutMs: 180_000, intervalMs: 500, message: 'the trigger never polled the first address' });

		await n8n!.importCredentials([{ ...CS, data: { environment: 'custom', baseUrl: after.api.url, apiKey: NEW_KEY } }], { allowWhileRunning: true });
		const oldHostCalls = polls(before).length;

		const firstNew = await waitFor(() => polls(after)[0], { timeoutMs: 180_000, intervalMs: 500, message: 'no poll reached the new address after the credential was edited' });
		// One more poll after that one: the edit holds, it was not a one-off.
		await waitFor(() => polls(after).some((r) => Date.parse(r.at) > Date.parse(firstNew.at) + 30_000), {
			timeoutMs: 180_000,
			intervalMs: 500,
			message: 'no second poll reached the new address',
		});
		expect(polls(before)).toHaveLength(oldHostCalls);
		expect(polls(after).map((r) => [r.status, r.hadAuthorization])).toEqual(polls(after).map(() => [200, true]));
	}, 900_000);
}

for (const version of ALL_VERSION_KEYS) {
	const spec = N8N_VERSIONS[version];
	const title = `a credential edited while a trigger is active, in n8n ${spec.n8nVersion} (Node ${spec.node})`;
	if (selected.includes(version)) describe(title, () => suite(version));
	else describe.skip(title, () => it('runs', () => undefined));
}
