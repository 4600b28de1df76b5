/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- runs in Node, never in n8n (eslint.dev.config.mjs) */
/**
 * Benchmark (measures, asserts nothing): how long a client message takes to become a SmartAdvocate note, and a
 * portal note to become a Case Status message, with the two relay templates (02 and 03) imported as shipped and
 * published in `n8n start` on their shipped schedule (every minute), the way a firm runs them.
 *
 *   npm run build && node scripts/install-n8n.mjs
 *   npm run bench:relays                              # 200 messages + 200 notes over 10 minutes, n8n 2.x
 *   npm run bench:relays -- --n8n 1                   # the same on n8n 1.x
 *   npm run bench:relays -- --minutes 2 --items 20    # a short smoke run
 *
 * Traffic: `--items` client messages (incoming, Case Status app) and as many SmartAdvocate notes of type
 * Plaintiff shared in the client portal, created at even intervals over `--minutes`, alternating, spread over
 * every case both systems hold; every API call of both simulators takes 50 ms longer (`--latency`).
 * Latency of an item: from its creation (the simulator's own timestamp) to the creation of its copy in the other
 * system (ditto). Where the time goes, from the simulators' request logs: "wait for a run" is creation → the
 * first Get New read of the run that copied it (the last run to start before the copy); "in the run" is that
 * read → the copy; "runs that missed an item" counts the runs that started between its creation and that run;
 * "failed writes" are write calls answered with an error (each retried by a later run).
 * Idle runs: once everything landed, the calls each relay makes per run with nothing new, over `--idle-runs`
 * runs, from the request logs (calls grouped into runs by the pause between them).
 */
import os from 'node:os';

import { N8N_VERSIONS, N8nInstance, waitFor, type N8nVersionKey } from '../test/e2e/harness';
import { postCsMessage, RELAYS, relayTemplate, writeSaNote } from '../test/e2e/relays/world';
import { startStack, type Stack } from '../test/e2e/support/stack';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
/** Calls of one run follow each other closely; runs are a schedule interval apart. */
const RUN_GAP_MS = 15 * SECOND;

function arg(name: string): string | undefined {
	const at = process.argv.indexOf(`--${name}`);
	return at === -1 ? undefined : process.argv[at + 1];
}

interface LoggedCall {
	at: string;
	method: string;
	path: string;
	routeKey: string | null;
	query: Record<string, string>;
	status: number;
}

type RelayName = 'messages' | 'notes';

const key = (c: LoggedCall) => c.routeKey ?? `${c.method} ${c.path}`;

/**
 * What each relay's Get New reads (the start of its work on new items) and what it writes, in the simulators'
 * request logs. The note relay's check before sending reads Case Status messages too, by case: not a Get New read.
 */
const CALLS: Record<RelayName, { reads: 'cs' | 'sa'; read: (c: LoggedCall) => boolean; writes: 'cs' | 'sa'; write: RegExp }> = {
	messages: { reads: 'cs', read: (c) => key(c) === 'GET /v1/api/messages' && c.query.created_after !== undefined, writes: 'sa', write: /^POST .*\/case\/\{caseID\}\/notes$/ },
	notes: { reads: 'sa', read: (c) => /^POST .*\/case\/notes\/byDatePaged$/.test(key(c)), writes: 'cs', write: /^POST \/v1\/api\/messages$/ },
};

function logOf(stack: Stack, service: 'cs' | 'sa'): LoggedCall[] {
	return (service === 'cs' ? stack.caseStatus.api.requests : stack.smartAdvocate.requests) as LoggedCall[];
}

function percentile(values: number[], p: number): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const s = (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(1)} s` : '–');

interface Item {
	id: number;
	createdAt: number;
	copiedAt?: number;
	copies: number;
}

/** The cases a message and a note can be relayed for: SmartAdvocate cases that Case Status holds by Integration ID. */
function sharedCases(stack: Stack): number[] {
	const sa = stack.smartAdvocate.service.context.state.cases;
	return [...stack.caseStatus.service.context.state.cases.values()]
		.map((c) => Number(c.integration_id))
		.filter((id) => Number.isInteger(id) && sa.has(id))
		.sort((a, b) => a - b);
}

/** Where each item's copy is, as the simulators hold it now (their own creation times, in ms). */
function findCopies(stack: Stack, messages: Item[], notes: Item[]): void {
	const noteBySubject = new Map<string, number[]>();
	for (const n of stack.smartAdvocate.service.context.state.notes.values()) {
		const list = noteBySubject.get(n.subject) ?? [];
		list.push(n.createdDate);
		noteBySubject.set(n.subject, list);
	}
	for (const m of messages) {
		const found = noteBySubject.get(`Case Status message ${m.id}`) ?? [];
		m.copies = found.length;
		m.copiedAt = found.length ? Math.min(...found) : undefined;
	}
	const messageByExternalId = new Map<string, number[]>();
	for (const m of stack.caseStatus.service.context.state.messages.items) {
		if (!m.external_id) continue;
		const list = messageByExternalId.get(m.external_id) ?? [];
		list.push(m.created_at);
		messageByExternalId.set(m.external_id, list);
	}
	for (const n of notes) {
		const found = messageByExternalId.get(`sa-note:${n.id}`) ?? [];
		n.copies = found.length;
		n.copiedAt = found.length ? Math.min(...found) : undefined;
	}
}

interface Measured {
	relay: string;
	items: number;
	landed: number;
	duplicates: number;
	p50: number;
	p95: number;
	max: number;
	waitP50: number;
	waitP95: number;
	inRunP50: number;
	inRunP95: number;
	inRunMax: number;
	missedMax: number;
	runs: number;
	failedWrites: number;
}

/** When each run of a relay began: its first Get New read (a run may read several pages, close together). */
function runStartsOf(stack: Stack, relay: RelayName): number[] {
	const starts: number[] = [];
	let lastRead = 0;
	for (const at of logOf(stack, CALLS[relay].reads).filter(CALLS[relay].read).map((c) => Date.parse(c.at))) {
		if (starts.length === 0 || at - lastRead > RUN_GAP_MS) starts.push(at);
		lastRead = at;
	}
	return starts;
}

function measure(stack: Stack, relay: RelayName, items: Item[]): Measured {
	const calls = CALLS[relay];
	const runStarts = runStartsOf(stack, relay);
	const failedWrites = logOf(stack, calls.writes).filter((c) => calls.write.test(key(c)) && (c.status >= 400 || c.status === 0)).length;
	const landed = items.filter((i) => i.copiedAt !== undefined);
	const latency = landed.map((i) => i.copiedAt! - i.createdAt);
	const wait: number[] = [];
	const inRun: number[] = [];
	let missedMax = 0;
	for (const item of landed) {
		const picked = runStarts.filter((at) => at <= item.copiedAt!).pop();
		if (picked === undefined) continue;
		wait.push(Math.max(0, picked - item.createdAt));
		inRun.push(item.copiedAt! - picked);
		missedMax = Math.max(missedMax, runStarts.filter((at) => at > item.createdAt && at < picked).length);
	}
	return {
		relay,
		items: items.length,
		landed: landed.length,
		duplicates: items.filter((i) => i.copies > 1).length,
		p50: percentile(latency, 50),
		p95: percentile(latency, 95),
		max: Math.max(...latency),
		waitP50: percentile(wait, 50),
		waitP95: percentile(wait, 95),
		inRunP50: percentile(inRun, 50),
		inRunP95: percentile(inRun, 95),
		inRunMax: Math.max(...inRun),
		missedMax,
		runs: runStarts.length,
		failedWrites,
	};
}

/** Calls per idle run: the calls since `from`, grouped into runs by the pause between them; the first and last run left out (maybe cut). */
function idleCalls(stack: Stack, service: 'cs' | 'sa', from: number): { runs: number; perRun: number; routes: string } {
	const calls = logOf(stack, service).filter((c) => Date.parse(c.at) >= from);
	const runs: LoggedCall[][] = [];
	for (const c of calls) {
		const last = runs.at(-1);
		if (last && Date.parse(c.at) - Date.parse(last.at(-1)!.at) < RUN_GAP_MS) last.push(c);
		else runs.push([c]);
	}
	const whole = runs.slice(1, -1);
	const routes = new Map<string, number>();
	for (const run of whole) for (const c of run) routes.set(key(c), (routes.get(key(c)) ?? 0) + 1);
	const perRun = whole.reduce((sum, run) => sum + run.length, 0) / Math.max(1, whole.length);
	return {
		runs: whole.length,
		perRun,
		routes: [...routes].map(([route, n]) => `${route} ×${(n / Math.max(1, whole.length)).toFixed(1)}`).join(', '),
	};
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

async function main(): Promise<void> {
	const version = (arg('n8n') === '1' ? '1' : '2') as N8nVersionKey;
	const minutes = Number(arg('minutes') ?? 10);
	const count = Number(arg('items') ?? 200);
	const latencyMs = Number(arg('latency') ?? 50);
	const idleRuns = Number(arg('idle-runs') ?? 2);
	const landBoundMs = Number(arg('land-minutes') ?? 10) * MINUTE;
	const spec = N8N_VERSIONS[version];

	const stack = await startStack();
	const n8n = await N8nInstance.create(version);
	const cases = sharedCases(stack);
	const author = 101; // a staff member of the demo firm who is also a Case Status user
	const ids = [RELAYS.messages.id, RELAYS.notes.id];
	const loadBefore = os.loadavg();
	try {
		await n8n.importCredentials(stack.credentials);
		await n8n.importWorkflows([relayTemplate('messages'), relayTemplate('notes')]);
		for (const id of ids) await n8n.publish(id);
		await n8n.start({ waitForActivation: ids });

		// Each relay's first run (it reads the last 24 hours and takes its position) before the traffic.
		const runsOf = (relay: RelayName) => runStartsOf(stack, relay).length;
		const seen = new Map<string, string>();
		await waitFor(async () => {
			for (const id of ids) seen.set(id, (await n8n.listExecutions(id)).map((e) => `${e.id} ${e.mode} ${e.status}`).join('; '));
			return runsOf('messages') >= 2 && runsOf('notes') >= 2;
		}, {
			timeoutMs: 4 * MINUTE,
			intervalMs: SECOND,
			message: 'two scheduled runs of each relay',
			describe: () =>
				`calls so far: ${[...logOf(stack, 'cs'), ...logOf(stack, 'sa')].map(key).join(', ')}; executions: ${[...seen].join(' | ')}; n8n log tail:\n${n8n.logTail(30)}`,
		});
		stack.caseStatus.api.requests.length = 0;
		stack.smartAdvocate.requests.length = 0;
		await stack.saAdmin.post('/latency', { ms: latencyMs });
		await stack.csAdmin.post('/latency', { ms: latencyMs });

		const messages: Item[] = [];
		const notes: Item[] = [];
		const start = Date.now();
		const step = (minutes * MINUTE) / (2 * count);
		console.log(`creating ${count} messages and ${count} notes over ${minutes} min on ${cases.length} cases…`);
		for (let i = 0; i < 2 * count; i++) {
			await pause(start + i * step - Date.now());
			const caseId = cases[Math.floor(i / 2) % cases.length];
			if (i % 2 === 0) {
				const m = await postCsMessage(stack, { integrationId: String(caseId), content: `Latency check, client message ${i / 2 + 1}.`, direction: 'incoming' });
				messages.push({ id: m.id, createdAt: Date.parse(m.created_at), copies: 0 });
			} else {
				const n = await writeSaNote(stack, { caseID: caseId, noteTypeName: 'Plaintiff', noteText: `<p>Latency check, portal note ${(i + 1) / 2}.</p>`, userID: author, isSharedinCP: true });
				notes.push({ id: n.noteID, createdAt: stack.smartAdvocate.service.context.state.notes.get(n.noteID)!.createdDate, copies: 0 });
			}
		}
		const trafficEnd = Date.now();
		console.log(`traffic done in ${s(trafficEnd - start)}; waiting for every copy (at most ${landBoundMs / MINUTE} min)…`);
		await waitFor(
			() => {
				findCopies(stack, messages, notes);
				return [...messages, ...notes].every((i) => i.copies > 0);
			},
			{ timeoutMs: landBoundMs, intervalMs: SECOND, message: 'every copy to land', describe: () => `n8n log tail:\n${n8n.logTail(30)}` },
		).catch((error: Error) => console.log(`not everything landed: ${error.message.split('\n')[0]}`));
		const landedAt = Date.now();

		// Idle: from the first read after everything landed, `idleRuns` whole runs of each relay (and one on either side).
		const runsAfter = (relay: RelayName, from: number) =>
			runStartsOf(stack, relay).filter((at) => at > from).length;
		await waitFor(() => runsAfter('messages', landedAt) >= idleRuns + 3 && runsAfter('notes', landedAt) >= idleRuns + 3, {
			timeoutMs: (idleRuns + 5) * MINUTE,
			intervalMs: SECOND,
			message: 'the idle runs',
		});
		findCopies(stack, messages, notes);
		// The first run after landing may still confirm what the last one wrote: count from the run after it.
		const idleFrom = landedAt + MINUTE;
		const idle = { messages: idleCalls(stack, 'cs', idleFrom), notes: idleCalls(stack, 'sa', idleFrom) };
		const otherSide = { messages: idleCalls(stack, 'sa', idleFrom), notes: idleCalls(stack, 'cs', idleFrom) };
		const executions = await Promise.all(ids.map(async (id) => (await n8n.listExecutions(id)).filter((e) => Date.parse(e.startedAt ?? '') >= start)));
		const loadAfter = os.loadavg();

		const rows = [measure(stack, 'messages', messages), measure(stack, 'notes', notes)];
		const names: Record<string, string> = { messages: '02 client message → SmartAdvocate note', notes: '03 portal note → Case Status message' };
		console.log(
			`\nn8n ${spec.n8nVersion} (Node ${spec.node}); ${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? 'unknown'}), ${Math.round(os.totalmem() / 2 ** 30)} GB, load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')} before, ${loadAfter.map((l) => l.toFixed(2)).join(' ')} after; ` +
				`${count} messages + ${count} notes over ${minutes} min on ${cases.length} cases, +${latencyMs} ms per API call, templates as shipped (every minute)\n`,
		);
		console.log('| relay | landed | twice | p50 | p95 | max | wait for a run p50 / p95 | in the run p50 / p95 / max | runs that missed an item (max) | failed writes | API calls per idle run |');
		console.log('|---|---|---|---|---|---|---|---|---|---|---|');
		for (const r of rows) {
			const i = idle[r.relay as RelayName];
			console.log(
				`| ${names[r.relay]} | ${r.landed}/${r.items} | ${r.duplicates} | ${s(r.p50)} | ${s(r.p95)} | ${s(r.max)} | ${s(r.waitP50)} / ${s(r.waitP95)} | ${s(r.inRunP50)} / ${s(r.inRunP95)} / ${s(r.inRunMax)} | ${r.missedMax} | ${r.failedWrites} | ${i.perRun.toFixed(1)} |`,
			);
		}
		console.log('');
		for (const relay of ['messages', 'notes'] as const) {
			console.log(`idle ${relay}: ${idle[relay].runs} runs, ${idle[relay].routes}; the other system: ${otherSide[relay].perRun.toFixed(1)} calls per run (${otherSide[relay].routes || 'none'})`);
		}
		for (const [i, id] of ids.entries()) {
			const list = executions[i];
			const byStatus = new Map<string, number>();
			for (const e of list) byStatus.set(String(e.status), (byStatus.get(String(e.status)) ?? 0) + 1);
			const durations = list.filter((e) => e.stoppedAt).map((e) => Date.parse(e.stoppedAt!) - Date.parse(e.startedAt!));
			console.log(`executions of ${id} since the traffic began (saved ones): ${[...byStatus].map(([k, n]) => `${k} ${n}`).join(', ')}; run time p50 ${s(percentile(durations, 50))}, max ${s(Math.max(...durations))}`);
		}
	} finally {
		await n8n.dispose();
		await stack.close();
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
