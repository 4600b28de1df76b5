/* eslint-disable @n8n/community-nodes/no-restricted-globals -- runs in Node, never in n8n (eslint.dev.config.mjs) */
/**
 * A relay run that takes far longer than any fixed lease, in ONE running n8n (`n8n start`), 2.41.1 and 1.123.81:
 * the shipped message relay on a 10-second schedule, a backlog of messages and SmartAdvocate taking 20 s per note,
 * so one run writes for minutes (well past Get New's "Free a Stalled Run After", 1 minute) while the
 * schedule starts a run every 10 seconds. The holder keeps the relay because it makes progress (each note
 * written renews it): every message lands exactly once, and the runs started meanwhile hand nothing on.
 * (The templates before issue 19, whose lease expired after a fixed time, wrote messages twice this way.)
 *
 * Needs `npm run build` and `node scripts/install-n8n.mjs`.
 * Run: SACS_E2E_VERSIONS=2 npx jest --selectProjects e2e --runInBand test/e2e/relayLongRun.e2e.test.ts
 */
import { ALL_VERSION_KEYS, N8N_VERSIONS, N8nInstance, selectedVersionKeys, waitFor, type ExecutionSummary, type N8nVersionKey } from './harness';
import { postCsMessage, RELAY_STEPS, RELAYS, relayedNotes, relayTemplate, runPublished, saState, scheduledEverySeconds, type PostedMessage } from './relays/world';
import type { Stack } from './support/stack';

const MINUTE = 60_000;
const WRITE_MS = 20_000;
/** Whatever split the schedule makes while they are posted, one run gets at least 5 (100 s of writing). */
const BACKLOG = 9;

type RunData = NonNullable<ExecutionSummary['data']>;
const handedOn = (e: ExecutionSummary) => (e.data as RunData | undefined)?.resultData.runData[RELAY_STEPS.messages.getNew]?.[0]?.data?.main?.[0]?.length;

function suite(version: N8nVersionKey): void {
	let n8n: N8nInstance | undefined;
	let stack: Stack;
	const id = RELAYS.messages.id;
	let sa: Awaited<ReturnType<typeof saState>>;

	beforeAll(async () => {
		({ stack, n8n } = await runPublished(version, [scheduledEverySeconds(relayTemplate('messages'), 10)]));
	}, 5 * MINUTE);

	afterAll(async () => {
		await n8n?.dispose();
		await stack?.close();
	});

	it(`a run writing a backlog for minutes keeps the relay; the runs started meanwhile write nothing; every message exactly once`, async () => {
		const instance = n8n!;
		const describe = () => `n8n log tail:\n${instance.logTail(30)}`;
		await waitFor(async () => (await instance.listExecutions(id, { status: 'success' })).length > 0, {
			timeoutMs: 2 * MINUTE,
			intervalMs: 1000,
			message: 'a first successful run',
			describe,
		});
		await stack.saAdmin.post('/latency', { ms: WRITE_MS, route: 'POST /CaseSyncAPI/case/{caseID}/notes' });
		const from = Date.now();
		const messages: PostedMessage[] = [];
		try {
			for (let i = 1; i <= BACKLOG; i++) {
				messages.push(await postCsMessage(stack, { integrationId: '516709', content: `Backlog message ${i} after the weekend.`, direction: 'incoming' }));
			}
			await waitFor(async () => {
				sa = await saState(stack);
				return messages.every((m) => relayedNotes(sa, m.id).length > 0);
			}, {
				timeoutMs: 8 * MINUTE,
				intervalMs: 3000,
				message: 'every backlog message to land',
				describe,
			});
		} finally {
			await stack.saAdmin.post('/latency', {});
		}
		// Let every run that started meanwhile end, and one more after that, so that a late duplicate would show.
		const settledAt = Date.now();
		await waitFor(
			async () => {
				const list = await instance.listExecutions(id);
				return list.filter((e) => Date.parse(e.startedAt ?? '') <= settledAt).every((e) => e.stoppedAt) && list.some((e) => Date.parse(e.startedAt ?? '') > settledAt && e.status === 'success');
			},
			{ timeoutMs: 3 * MINUTE, intervalMs: 2000, message: 'every run to end, and one more run', describe },
		);
		sa = await saState(stack);
		expect(messages.map((m) => relayedNotes(sa, m.id).length)).toEqual(messages.map(() => 1));

		const list = (await instance.listExecutions(id, { includeData: true })).filter((e) => Date.parse(e.startedAt ?? '') >= from - 10_000);
		expect(list.filter((e) => e.status !== 'success').map((e) => `${e.id} ${e.status}`)).toEqual([]);
		const writers = list.filter((e) => (handedOn(e) ?? 0) > 0);
		const longest = writers.reduce((a, b) => (Date.parse(b.stoppedAt!) - Date.parse(b.startedAt!) > Date.parse(a.stoppedAt!) - Date.parse(a.startedAt!) ? b : a));
		const longestMs = Date.parse(longest.stoppedAt!) - Date.parse(longest.startedAt!);
		// The run outlived the stalled-run time (1 minute) by half again, and the schedule started runs meanwhile.
		expect(longestMs).toBeGreaterThan(1.5 * MINUTE);
		const during = list.filter((e) => e.id !== longest.id && Date.parse(e.startedAt!) > Date.parse(longest.startedAt!) && Date.parse(e.startedAt!) < Date.parse(longest.stoppedAt!));
		expect(during.length).toBeGreaterThan(5);
		expect(during.filter((e) => (handedOn(e) ?? 0) > 0).map((e) => e.id)).toEqual([]);
		process.stderr.write(`[e2e relay long run] n8n ${N8N_VERSIONS[version].n8nVersion}: the writing run took ${(longestMs / 1000).toFixed(0)} s; ${during.length} runs started meanwhile, none handed anything on\n`);
	}, 15 * MINUTE);

}

for (const version of ALL_VERSION_KEYS) {
	const spec = N8N_VERSIONS[version];
	const title = `a relay run longer than any lease, in one n8n ${spec.n8nVersion} process (Node ${spec.node})`;
	if (selectedVersionKeys().includes(version)) describe(title, () => suite(version));
	else describe.skip(title, () => it('runs', () => undefined));
}
