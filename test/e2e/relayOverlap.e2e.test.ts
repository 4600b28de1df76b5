/* eslint-disable @n8n/community-nodes/no-restricted-globals -- runs in Node, never in n8n (eslint.dev.config.mjs) */
/**
 * Overlapping runs of each relay inside ONE running n8n (`n8n start`, a single n8n as most firms run it, no
 * Redis), in n8n 2.41.1 and 1.123.81: the shipped templates, their schedule set to every 10 seconds and the
 * side they write to made slower than that, so the next scheduled run starts while the previous one is still
 * writing (issue 12: "a run that outlasts its interval").
 *
 * Asserted on the simulators: every message, note and document exactly once, also those written while a run
 * was held out (they arrive with a later run). Asserted on n8n's executions: runs did overlap, and the held-out
 * ones (their Get New handed nothing on, while an earlier execution of the same workflow was writing) ended
 * cleanly; that is, two executions of one n8n share our nodes' process (n8n 2.x task runners run only Code
 * nodes), which is what the relay's in-process lease relies on. (The templates before any lease, in the same
 * scenario, wrote each item 4 to 6 times, n8n 2.41.1.)
 *
 * Needs `npm run build` and `node scripts/install-n8n.mjs`.
 * Run: SACS_E2E_VERSIONS=2 npx jest --selectProjects e2e --runInBand test/e2e/relayOverlap.e2e.test.ts
 */
import {
	ALL_VERSION_KEYS,
	N8N_VERSIONS,
	N8nInstance,
	selectedVersionKeys,
	waitFor,
	type ExecutionSummary,
	type N8nVersionKey,
} from './harness';
import {
	copiedDocuments,
	csState,
	postCsFile,
	postCsMessage,
	RELAY_STEPS,
	RELAYS,
	relayedMessages,
	relayedNotes,
	relayTemplate,
	runPublished,
	saState,
	scheduledEverySeconds,
	writeSaNote,
	type RelayKey,
} from './relays/world';
import type { Stack } from './support/stack';

const SCHEDULE_SECONDS = 10;
/** Each write of a relay takes this long: more than two schedule intervals. */
const SLOW_MS = 25_000;
const MINUTE = 60_000;
const KEYS = Object.keys(RELAYS) as RelayKey[];

type RunData = NonNullable<ExecutionSummary['data']>;
const ran = (e: ExecutionSummary, node: string) => Boolean((e.data as RunData | undefined)?.resultData.runData[node]);
/** How many items a run's Get New handed on (undefined: it did not run). */
const handedOnCount = (e: ExecutionSummary, key: RelayKey) =>
	(e.data as RunData | undefined)?.resultData.runData[RELAY_STEPS[key].getNew]?.[0]?.data?.main?.[0]?.length;
const startedAfter = (executions: ExecutionSummary[], t: number) => executions.filter((e) => e.startedAt && Date.parse(e.startedAt) >= t);
/** An execution of the same workflow that started before `e` and was still running when `e` started. */
const runningWhenStarted = (e: ExecutionSummary, list: ExecutionSummary[]) =>
	list.find(
		(w) =>
			w.id !== e.id &&
			Date.parse(w.startedAt ?? '') < Date.parse(e.startedAt ?? '') &&
			(!w.stoppedAt || Date.parse(w.stoppedAt) > Date.parse(e.startedAt ?? '')),
	);
/** A run that found another one relaying: it handed nothing on while an earlier run of the workflow was at work. */
const heldOutRuns = (list: ExecutionSummary[], key: RelayKey) =>
	list.filter((e) => e.status === 'success' && handedOnCount(e, key) === 0 && !ran(e, 'Confirm') && runningWhenStarted(e, list));

function suite(version: N8nVersionKey): void {
	let n8n: N8nInstance | undefined;
	let stack: Stack;
	const ids = KEYS.map((key) => RELAYS[key].id);
	const t0 = Date.now();
	const report: string[] = [];

	beforeAll(async () => {
		({ stack, n8n } = await runPublished(version, KEYS.map((key) => scheduledEverySeconds(relayTemplate(key), SCHEDULE_SECONDS))));
	}, 5 * MINUTE);

	afterAll(async () => {
		await n8n?.dispose();
		await stack?.close();
		process.stderr.write(`[e2e relay overlap] n8n ${N8N_VERSIONS[version].n8nVersion}: ${((Date.now() - t0) / 1000).toFixed(0)} s; ${report.join('; ')}\n`);
	});

	it('two scheduled runs of each relay at once, the other side slow: every message, note and document exactly once; the held-out run stops, a later run brings what came meanwhile', async () => {
		const instance = n8n!;
		const executions = (id: string) => instance.listExecutions(id, { includeData: true });
		const describeState = () => `n8n log tail:\n${instance.logTail(30)}`;
		// The first scheduled runs write the look-back backlog of the seeded firm (fast, one at a time).
		await waitFor(async () => (await Promise.all(ids.map((id) => instance.listExecutions(id, { status: 'success' })))).every((list) => list.length > 0), {
			timeoutMs: 2 * MINUTE,
			intervalMs: 1000,
			message: 'a first successful run of every relay',
			describe: describeState,
		});

		await stack.saAdmin.post('/latency', { ms: SLOW_MS, route: 'POST /CaseSyncAPI/case/{caseID}/' }); // notes and documents
		await stack.csAdmin.post('/latency', { ms: SLOW_MS, route: 'POST /v1/api/messages' });
		const slowFrom = Date.now();
		try {
			const wave = async (n: number) => ({
				message: await postCsMessage(stack, { integrationId: '516709', content: `Overlap message ${n}: did you get the photos?`, direction: 'incoming' }),
				note: await writeSaNote(stack, { caseID: 516708, noteTypeName: 'Plaintiff', noteText: `Overlap note ${n}: your hearing moved to Friday.`, userID: 101, isSharedinCP: true }),
				file: await postCsFile(stack, { integrationId: '516718', fileName: `Overlap ${n}.txt`, contentType: 'text/plain', bytes: Buffer.from(`overlap file ${n}`) }),
			});
			const first = await wave(1);
			// Each relay: a run that found another run writing and stopped.
			const heldOut = async () => {
				const lists = await Promise.all(ids.map(executions));
				return KEYS.every((key, i) => heldOutRuns(startedAfter(lists[i], slowFrom), key).length > 0);
			};
			await waitFor(heldOut, { timeoutMs: 2 * MINUTE, intervalMs: 1000, message: 'a held-out run of every relay', describe: describeState });
			// Written while a run is still writing what it read before: a later run must bring these.
			const second = await wave(2);

			const counts = async () => {
				const [sa, cs] = await Promise.all([saState(stack), csState(stack)]);
				return [first, second].flatMap((w) => [relayedNotes(sa, w.message.id).length, relayedMessages(cs, w.note.noteID).length, copiedDocuments(sa, w.file.id).length]);
			};
			let last: number[] = [];
			await waitFor(async () => (last = await counts()).every((c) => c > 0), {
				timeoutMs: 4 * MINUTE,
				intervalMs: 2000,
				message: 'every item of both waves to arrive',
				describe: () => `copies so far (message, note, file; wave 1 then 2): ${last.join(', ')}\n${describeState()}`,
			});
		} finally {
			await stack.saAdmin.post('/latency', {});
			await stack.csAdmin.post('/latency', {});
		}
		// Let every run that started while things were slow finish, and one more run of each start and end after
		// that, so that a late duplicate would show.
		const settledAt = Date.now();
		await waitFor(
			async () => {
				const lists = await Promise.all(ids.map((id) => instance.listExecutions(id)));
				return lists.every(
					(list) =>
						list.filter((e) => Date.parse(e.startedAt ?? '') <= settledAt).every((e) => e.stoppedAt) &&
						list.some((e) => Date.parse(e.startedAt ?? '') > settledAt && e.status === 'success'),
				);
			},
			{ timeoutMs: 3 * MINUTE, intervalMs: 2000, message: 'every run to end, and one more run of each relay', describe: describeState },
		);

		const [sa, cs] = await Promise.all([saState(stack), csState(stack)]);
		const waves = { messages: [] as number[], notes: [] as number[], documents: [] as number[] };
		for (const text of ['Overlap message 1', 'Overlap message 2']) waves.messages.push(sa.notes.filter((n) => n.noteText.includes(text)).length);
		for (const text of ['Overlap note 1', 'Overlap note 2']) waves.notes.push(cs.messages.filter((m) => m.content.includes(text)).length);
		for (const name of ['Overlap 1.txt', 'Overlap 2.txt']) waves.documents.push(sa.documents.filter((d) => d.documentName === name).length);
		// Exactly once, both the items the writing run had read and those written while it was held.
		expect(waves).toEqual({ messages: [1, 1], notes: [1, 1], documents: [1, 1] });

		for (const key of KEYS) {
			const list = startedAfter(await executions(RELAYS[key].id), slowFrom);
			// Every run ended well: the held-out ones stopped cleanly rather than failing.
			expect(list.filter((e) => e.status !== 'success').map((e) => `${e.id} ${e.status}`)).toEqual([]);
			const held = heldOutRuns(list, key);
			const writers = list.filter((e) => ran(e, 'Confirm'));
			expect(held.length).toBeGreaterThan(0);
			for (const e of held) {
				// The execution that was at work when the held-out one started wrote and confirmed, and had started first.
				const holder = runningWhenStarted(e, list)!;
				expect(ran(holder, RELAY_STEPS[key].getNew)).toBe(true);
				expect(Date.parse(holder.startedAt!)).toBeLessThan(Date.parse(e.startedAt!));
			}
			// A writer frees the relay when it is done: the next writer took it at once.
			expect(writers.length).toBeGreaterThanOrEqual(2);
			report.push(`${key}: ${list.length} runs while slow and after, ${held.length} held out, ${writers.length} wrote`);
		}
	}, 15 * MINUTE);
}

for (const version of ALL_VERSION_KEYS) {
	const spec = N8N_VERSIONS[version];
	const title = `relays overlapping in one n8n ${spec.n8nVersion} process (Node ${spec.node}), as shipped`;
	if (selectedVersionKeys().includes(version)) describe(title, () => suite(version));
	else describe.skip(title, () => it('runs', () => undefined));
}
