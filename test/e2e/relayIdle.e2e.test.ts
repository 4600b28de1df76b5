/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node, never in n8n (eslint.dev.config.mjs) */
/**
 * Quiet when idle (issue 19, point 6), in ONE running n8n (`n8n start`), 2.41.1 and 1.123.81: the three relay
 * templates exactly as shipped (successful runs not saved, failed ones saved), published, their schedules set to
 * every 10 seconds so that a few minutes stand for many runs.
 * - Idle: the runs that happened (counted in the simulators' request logs) saved no execution in n8n's database,
 *   so an idle day on the shipped schedules adds at most 100 (printed with the database's growth); n8n still
 *   saved each relay's position (the workflow's static data) after those unsaved runs, also across a restart.
 * - A client message, a portal note and a client file are each copied exactly once, the copy naming its source.
 * - One write of each relay fails (a 500 on the note and the message, a refused download of the file): that run
 *   is in the executions list as failed, naming the item, and the item lands with a later run, once.
 *
 * Needs `npm run build` and `node scripts/install-n8n.mjs`.
 * Run: SACS_E2E_VERSIONS=2 npx jest --selectProjects e2e --runInBand test/e2e/relayIdle.e2e.test.ts
 */
import fs from 'node:fs';
import path from 'node:path';

import { ALL_VERSION_KEYS, N8N_VERSIONS, N8nInstance, selectedVersionKeys, waitFor, type ExecutionSummary, type N8nVersionKey } from './harness';
import {
	copiedDocuments,
	csState,
	postCsFile,
	postCsMessage,
	RELAY_SLOTS,
	RELAYS,
	relayedMessages,
	relayedNotes,
	runPublished,
	saState,
	scheduledEverySeconds,
	shippedRelayTemplate,
	writeCounts,
	writeSaNote,
	type RelayKey,
	type SavedRelayState,
} from './relays/world';
import type { LoggedRequest } from '../../simulators/shared/http';
import type { Stack } from './support/stack';

const SCHEDULE_SECONDS = 10;
/** Runs of each relay the idle measurement waits for. */
const IDLE_RUNS = 15;
const MAX_SAVED_PER_IDLE_DAY = 100;
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const KEYS = Object.keys(RELAYS) as RelayKey[];

/** How many times a day a relay runs on its shipped schedule (every N minutes). */
function shippedRunsPerDay(key: RelayKey): number {
	const trigger = (shippedRelayTemplate(key).nodes as Array<{ type: string; parameters: { rule?: { interval: Array<{ field: string; minutesInterval?: number }> } } }>).find(
		(n) => n.type === 'n8n-nodes-base.scheduleTrigger',
	)!;
	const interval = trigger.parameters.rule!.interval[0];
	if (interval.field !== 'minutes') throw new Error(`${key}: shipped schedule is not in minutes`);
	return DAY / ((interval.minutesInterval ?? 1) * MINUTE);
}

/**
 * When each relay's Get New read what is new: its first list request of a run (Case Status: a list with
 * `created_after` and no case filter, page 1; SmartAdvocate: the note search by date, whose pages of one run
 * come within a second, so a gap of 3 s starts a new run).
 */
async function runStarts(stack: Stack): Promise<Record<RelayKey, number[]>> {
	const [cs, sa] = await Promise.all([
		stack.csAdmin.get('/requests').then((r) => r.data as LoggedRequest[]),
		stack.saAdmin.get('/requests').then((r) => r.data as LoggedRequest[]),
	]);
	const csReads = (routeKey: string) =>
		cs
			.filter((r) => r.routeKey === routeKey && r.query.created_after && !r.query.integration_id && !r.query.case_id && (r.query['page[number]'] ?? '1') === '1')
			.map((r) => Date.parse(r.at));
	const searches = sa.filter((r) => r.routeKey?.endsWith('/case/notes/byDatePaged')).map((r) => Date.parse(r.at));
	return {
		messages: csReads('GET /v1/api/messages'),
		notes: searches.filter((t, i) => i === 0 || t - searches[i - 1] > 3000),
		documents: csReads('GET /v1/api/files'),
	};
}

const between = (times: number[], from: number, to: number) => times.filter((t) => t >= from && t <= to).length;

/** How many copies there are of a client message (notes), a portal note (messages) and a client file (documents). */
async function copiesOf(stack: Stack, messageId: number, noteId: number, fileId: number): Promise<number[]> {
	const [sa, cs] = await Promise.all([saState(stack), csState(stack)]);
	return [relayedNotes(sa, messageId).length, relayedMessages(cs, noteId).length, copiedDocuments(sa, fileId).length];
}

/** Waits until every relay has started two more runs from now. */
async function twoMoreRunsOfEveryRelay(stack: Stack): Promise<void> {
	const from = Date.now();
	await waitFor(async () => Object.values(await runStarts(stack)).every((times) => between(times, from, Infinity) >= 2), {
		timeoutMs: 2 * MINUTE,
		intervalMs: 1000,
		message: 'two more runs of every relay',
	});
}

/** n8n's database files: SQLite's, and its write-ahead log where n8n uses one (n8n 2) and has not folded it in. */
function databaseFiles(n8n: N8nInstance): { db: number; wal: number } {
	const size = (file: string) => (fs.existsSync(path.join(n8n.userFolder, '.n8n', file)) ? fs.statSync(path.join(n8n.userFolder, '.n8n', file)).size : 0);
	return { db: size('database.sqlite'), wal: size('database.sqlite-wal') };
}

const finished = (e: ExecutionSummary) => e.status !== 'running' && e.status !== 'new' && e.status !== 'waiting';
const startedIn = (e: ExecutionSummary, from: number, to = Infinity) => Date.parse(e.startedAt ?? '') >= from && Date.parse(e.startedAt ?? '') <= to;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

function suite(version: N8nVersionKey): void {
	let n8n: N8nInstance | undefined;
	let stack: Stack;
	const ids = KEYS.map((key) => RELAYS[key].id);
	const t0 = Date.now();
	const table: string[] = [];

	beforeAll(async () => {
		({ stack, n8n } = await runPublished(version, KEYS.map((key) => scheduledEverySeconds(shippedRelayTemplate(key), SCHEDULE_SECONDS))));
	}, 5 * MINUTE);

	afterAll(async () => {
		await n8n?.dispose();
		await stack?.close();
		process.stderr.write(`[e2e relay idle] n8n ${N8N_VERSIONS[version].n8nVersion}: ${((Date.now() - t0) / 1000).toFixed(0)} s\n${table.join('\n')}\n`);
	});

	/** A relay's position as n8n saved it in its database (the workflow's static data, read through the public API). */
	async function savedPosition(key: RelayKey): Promise<number> {
		const { staticData } = await n8n!.api<{ staticData?: unknown }>('GET', `/workflows/${RELAYS[key].id}`);
		const parsed = (typeof staticData === 'string' ? JSON.parse(staticData) : staticData) as { global?: Record<string, SavedRelayState> } | null | undefined;
		return Date.parse(parsed?.global?.[`relay:${RELAY_SLOTS[key]}`]?.position ?? '');
	}

	const executionsOf = (key: RelayKey, includeData = false) => n8n!.listExecutions(RELAYS[key].id, { includeData });
	const describeState = () => `n8n log tail:\n${n8n!.logTail(30)}`;

	it('an idle stretch of runs saves no execution (at most 100 per idle day on the shipped schedules), while n8n keeps saving each relay\'s position', async () => {
		// Past the first run of each relay (its first-run look-back finds nothing in the seeded firm).
		await waitFor(async () => Object.values(await runStarts(stack)).every((times) => times.length > 0), {
			timeoutMs: 2 * MINUTE,
			intervalMs: 1000,
			message: 'a first run of every relay',
			describe: describeState,
		});
		await waitFor(async () => (await Promise.all(KEYS.map(savedPosition))).every(Number.isFinite), { timeoutMs: MINUTE, intervalMs: 1000, message: 'a saved position of every relay' });
		const writesBefore = await writeCounts(stack);
		const positionsBefore = await Promise.all(KEYS.map(savedPosition));
		// The database is measured with n8n stopped (no run in flight), so the growth includes one start.
		await n8n!.stop();
		const filesBefore = databaseFiles(n8n!);
		const bytesBefore = filesBefore.db + filesBefore.wal;
		await n8n!.start({ waitForActivation: ids });
		const from = Date.now();
		await waitFor(async () => Object.values(await runStarts(stack)).every((times) => between(times, from, Date.now()) >= IDLE_RUNS), {
			timeoutMs: (IDLE_RUNS * SCHEDULE_SECONDS + 120) * 1000,
			intervalMs: 2000,
			message: `${IDLE_RUNS} idle runs of every relay`,
			describe: describeState,
		});
		const to = Date.now();
		const starts = await runStarts(stack);
		// Idle indeed: nothing was written anywhere.
		expect(await writeCounts(stack)).toEqual(writesBefore);
		// n8n saved the position after runs it did not keep: each relay's saved position moved on in the window.
		const positionsAfter = await Promise.all(KEYS.map(savedPosition));
		KEYS.forEach((key, i) => expect({ key, movedOn: positionsAfter[i] > positionsBefore[i] && positionsAfter[i] >= from }).toEqual({ key, movedOn: true }));
		// Executions that ended, started in the window (a run in progress has a row until it ends).
		const savedBy = Object.fromEntries(
			await Promise.all(KEYS.map(async (key) => [key, (await executionsOf(key)).filter((e) => finished(e) && startedIn(e, from, to)).length] as const)),
		) as Record<RelayKey, number>;
		await n8n!.stop();
		const filesAfter = databaseFiles(n8n!);
		const bytesAfter = filesAfter.db + filesAfter.wal;

		let savedPerDay = 0;
		let runsInAll = 0;
		let runsPerDayInAll = 0;
		table.push('relay      | runs (every 10 s) | executions saved | shipped runs/day | saved per idle day');
		for (const key of KEYS) {
			const runs = between(starts[key], from, to);
			const saved = savedBy[key];
			const perDay = (saved / runs) * shippedRunsPerDay(key);
			savedPerDay += perDay;
			runsInAll += runs;
			runsPerDayInAll += shippedRunsPerDay(key);
			expect(runs).toBeGreaterThanOrEqual(IDLE_RUNS);
			expect({ key, saved }).toEqual({ key, saved: 0 });
			table.push(`${key.padEnd(10)} | ${String(runs).padStart(17)} | ${String(saved).padStart(16)} | ${String(shippedRunsPerDay(key)).padStart(16)} | ${perDay.toFixed(0).padStart(18)}`);
		}
		table.push(
			`all        | ${String(runsInAll).padStart(17)} | ${'0'.padStart(16)} | ${String(runsPerDayInAll).padStart(16)} | ${savedPerDay.toFixed(0).padStart(18)}`,
			`database with n8n stopped (file + write-ahead log): ${kb(filesBefore.db)} + ${kb(filesBefore.wal)} → ${kb(filesAfter.db)} + ${kb(filesAfter.wal)} over one n8n start and ${runsInAll} idle runs in ${((to - from) / 1000).toFixed(0)} s: ${kb(bytesAfter - bytesBefore)} more, ${((bytesAfter - bytesBefore) / runsInAll).toFixed(0)} bytes per run (n8n 2 keeps an unsaved run's row, hidden, until its next hard-delete pass)`,
		);
		expect(savedPerDay).toBeLessThanOrEqual(MAX_SAVED_PER_IDLE_DAY);

		// A restarted n8n (nothing left in memory) continues from that saved position, not from the first-run look-back.
		const restartedAt = Date.now();
		await n8n!.start({ waitForActivation: ids });
		const firstReads = await waitFor(
			async () => {
				const cs = (await stack.csAdmin.get('/requests')).data as LoggedRequest[];
				const reads = (routeKey: string) => cs.find((r) => Date.parse(r.at) >= restartedAt && r.routeKey === routeKey && r.query.created_after && !r.query.integration_id);
				const messages = reads('GET /v1/api/messages');
				const documents = reads('GET /v1/api/files');
				return messages && documents ? { messages, documents } : undefined;
			},
			{ timeoutMs: 2 * MINUTE, intervalMs: 1000, message: 'the first reads after the restart', describe: describeState },
		);
		const overlapMs = 30 * MINUTE; // the longest overlap of the shipped relays (documents); messages: 15
		for (const key of ['messages', 'documents'] as const) {
			const readFrom = Date.parse(firstReads[key].query.created_after);
			expect({ key, fromSavedPosition: readFrom >= positionsAfter[KEYS.indexOf(key)] - overlapMs }).toEqual({ key, fromSavedPosition: true });
		}
	}, 15 * MINUTE);

	it('a client message, a portal note and a client file are each copied exactly once, the copy naming its source', async () => {
		const message = await postCsMessage(stack, { integrationId: '516707', content: 'Quiet relay: is my appointment still on Tuesday?', direction: 'incoming' });
		const note = await writeSaNote(stack, { caseID: 516723, noteTypeName: 'Plaintiff', noteText: 'Quiet relay: yes, Tuesday at 10.', userID: 101, isSharedinCP: true });
		const file = await postCsFile(stack, { integrationId: '516718', fileName: 'Quiet relay.txt', contentType: 'text/plain', bytes: Buffer.from('quiet relay file') });
		const copies = () => copiesOf(stack, message.id, note.noteID, file.id);
		await waitFor(async () => (await copies()).every((c) => c > 0), { timeoutMs: 2 * MINUTE, intervalMs: 1000, message: 'a copy of each', describe: describeState });
		// Two more runs of every relay: nothing is copied again.
		await twoMoreRunsOfEveryRelay(stack);
		expect(await copies()).toEqual([1, 1, 1]);
		const [sa, cs] = await Promise.all([saState(stack), csState(stack)]);
		// Where staff look, the copy names its source (the helpers above find them by it).
		expect(relayedNotes(sa, message.id)[0].subject).toBe(`Case Status message ${message.id}`);
		expect(relayedMessages(cs, note.noteID)[0].external_id).toBe(`sa-note:${note.noteID}`);
		expect(copiedDocuments(sa, file.id)[0].description).toBe(`Case Status file ${file.id}`);
	}, 10 * MINUTE);

	it('a failed write or download fails its run, which stays in the executions list naming the item; the item lands with a later run, once', async () => {
		const from = Date.now();
		await stack.saAdmin.post('/faults', { route: '/case/{caseID}/notes', method: 'POST', status: 500, count: 1 });
		await stack.csAdmin.post('/faults', { route: '/v1/api/messages', method: 'POST', status: 500, count: 1 });
		await stack.csAdmin.post('/faults', { route: '/v1/api/files/{id}', method: 'GET', status: 403, count: 1 });
		const message = await postCsMessage(stack, { integrationId: '516709', content: 'Quiet relay: refused once.', direction: 'incoming' });
		const note = await writeSaNote(stack, { caseID: 516708, noteTypeName: 'Plaintiff', noteText: 'Quiet relay: sent on the second try.', userID: 101, isSharedinCP: true });
		const file = await postCsFile(stack, { integrationId: '516720', fileName: 'Quiet relay retry.txt', contentType: 'text/plain', bytes: Buffer.from('downloaded on the second try') });
		const itemOf: Record<RelayKey, number> = { messages: message.id, notes: note.noteID, documents: file.id };

		const failedRuns = async (key: RelayKey) => (await executionsOf(key, true)).filter((e) => e.status === 'error' && startedIn(e, from));
		const failed = await waitFor(
			async () => {
				const lists = await Promise.all(KEYS.map(failedRuns));
				return lists.every((list) => list.length > 0) ? lists : undefined;
			},
			{ timeoutMs: 3 * MINUTE, intervalMs: 2000, message: 'a failed run of every relay in the executions list', describe: describeState },
		);
		KEYS.forEach((key, i) => {
			const error = (failed[i][0].data as { resultData: { error?: { message?: string; node?: { name?: string } | string } } }).resultData.error;
			table.push(`${key}: failed run ${String(failed[i][0].id)} kept (${kb(JSON.stringify(failed[i][0].data).length)} of run data): ${error?.message ?? '?'}`);
			expect({ key, message: error?.message }).toEqual({ key, message: expect.stringContaining(`item ${itemOf[key]}:`) });
		});
		// The refused download is named as the reason the document has no file, not hidden behind "no binary file".
		const documentsError = (failed[KEYS.indexOf('documents')][0].data as { resultData: { error?: { message?: string } } }).resultData.error?.message;
		expect(documentsError).toMatch(/no file to upload: the step before failed on it: .*403/);

		const copies = () => copiesOf(stack, message.id, note.noteID, file.id);
		await waitFor(async () => (await copies()).every((c) => c > 0), { timeoutMs: 3 * MINUTE, intervalMs: 1000, message: 'each failed item to land', describe: describeState });
		await twoMoreRunsOfEveryRelay(stack);
		expect(await copies()).toEqual([1, 1, 1]);
		// Only the failed runs were kept: the successful one that brought each item was not.
		for (const key of KEYS) {
			const kept = (await executionsOf(key)).filter((e) => finished(e) && startedIn(e, from));
			expect({ key, statuses: [...new Set(kept.map((e) => e.status))] }).toEqual({ key, statuses: ['error'] });
		}
	}, 10 * MINUTE);
}

for (const version of ALL_VERSION_KEYS) {
	const spec = N8N_VERSIONS[version];
	const title = `relays quiet when idle in one n8n ${spec.n8nVersion} process (Node ${spec.node}), as shipped`;
	if (selectedVersionKeys().includes(version)) describe(title, () => suite(version));
	else describe.skip(title, () => it('runs', () => undefined));
}
