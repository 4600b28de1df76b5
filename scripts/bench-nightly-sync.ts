/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- runs in Node, never in n8n (eslint.dev.config.mjs) */
/**
 * Benchmark (measures, asserts nothing): the nightly case sync template, imported as shipped into a real
 * n8n, syncing a synthetic firm of N cases from the SmartAdvocate simulator into the Case Status simulator,
 * the way a firm runs it: the workflow published in `n8n start`, started by its "Sync Now" form.
 *
 *   npm run build && node scripts/install-n8n.mjs
 *   npm run bench                                  # N = 10,000 on n8n 2.x: the three runs below
 *   npm run bench -- --n 2000 --n8n 1              # another size, n8n 1.x
 *   npm run bench -- --heap 1024                   # n8n started with NODE_OPTIONS=--max-old-space-size=1024
 *   npm run bench -- --node-options '--cpu-prof --cpu-prof-dir=/tmp/prof'   # any other Node option for n8n
 *   npm run bench -- --runner-heap 256             # its task runner (Code nodes, n8n 2.x) with N8N_RUNNERS_MAX_OLD_SPACE_SIZE=256
 *   npm run bench -- --gc                          # also n8n's heap after each full garbage collection (V8 --trace-gc)
 *
 * Three runs on one n8n and one pair of simulators:
 *   (a) first sync ("All cases" on a firm Case Status mostly lacks), no added latency;
 *   (b) the same first sync again from the same starting state, with 50 ms added to every simulator call;
 *   (c) the nightly run (cases changed since the last run, plus the ones that failed before) after 1% of the
 *       cases were changed in SmartAdvocate, 50 ms per call.
 * Every 50th case is one Case Status refuses (so it is retried every night); every 10th eligible case is in
 * Case Status already.
 *
 * "Minimum calls" is the issue's definition, computed from the seeded firm and the run's report: the paged
 * reads that learn SmartAdvocate's changed cases (500 a page) and Case Status's cases (100 a page), one read
 * per case that failed before, one sign-in, contacts only for cases to create, each lookup list (Case Status
 * users, practice areas…) read once, and exactly one write per created, changed or refused case.
 * "Memory" is the peak resident memory of the `n8n start` process (sampled every 200 ms) minus its idle
 * memory before the run, and the same for n8n with its task runners; "after" is the same 30 s after the run
 * ended (before this script reads the run's data back). With `--gc`, n8n runs with V8's `--trace-gc`, and the
 * row also says how big n8n's heap was after each full collection (mark-compact) during and after the run: the
 * memory n8n really holds, as against what V8 has not collected or given back yet.
 */
import fs from 'node:fs';
import os from 'node:os';

import { CLOCK_SKEW_MARGIN_MS } from '../nodes/CaseStatus/caseSync/caseDirectory';
import { buildSyntheticFirm } from '../simulators/shared/syntheticFirm';
import { caseStatusEligibility } from '../simulators/shared/eligibility';
import { descendants, N8N_VERSIONS, N8nInstance, waitFor, type ExecutionSummary, type N8nVersionKey, type RunData } from '../test/e2e/harness';
import { formPath, sliceExecutionIds, submitAndReadResult, SYNC } from '../test/e2e/nightlySync/world';
import { readTemplate, startStack, type Stack } from '../test/e2e/support/stack';

const TEMPLATE = '01-nightly-case-sync.json';
const SA_PAGE = 500;
const CS_PAGE = 100;

function arg(name: string): string | undefined {
	const at = process.argv.indexOf(`--${name}`);
	return at === -1 ? undefined : process.argv[at + 1];
}

/** `VmRSS` of a process in kB (0 once it is gone). */
function rssOf(pid: number): number {
	try {
		return Number(/^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
	} catch {
		return 0;
	}
}
const treeRss = (pid: number) => [pid, ...descendants(pid)].reduce((sum, p) => sum + rssOf(p), 0);

const commandOf = (pid: number) => {
	try {
		return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
	} catch {
		return '';
	}
};

/** The `n8n start` process this script started. */
/** `work`, or an error as soon as n8n's process is gone (a heap cap too small ends it), rather than waiting for a page that never comes. */
async function whileAlive<T>(pid: number, work: Promise<T>): Promise<T> {
	let watch: NodeJS.Timeout | undefined;
	const gone = new Promise<never>((_, reject) => {
		watch = setInterval(() => {
			try {
				process.kill(pid, 0);
			} catch {
				reject(new Error(`n8n (process ${pid}) ended during the run: see its log (out of memory with this heap cap?)`));
			}
		}, 1000);
	});
	try {
		return await Promise.race([work, gone]);
	} finally {
		clearInterval(watch);
	}
}

function serverPid(): number {
	const pid = descendants(process.pid).find((p) => / start\s*$/.test(commandOf(p)) && commandOf(p).includes('n8n'));
	if (!pid) throw new Error('the n8n start process was not found');
	return pid;
}

function sampleMemory(pid: number) {
	let main = 0;
	let tree = 0;
	let mainPeakAt = Date.now();
	const samples: Array<[at: number, kb: number]> = [];
	const tick = () => {
		const now = rssOf(pid);
		samples.push([Date.now(), now]);
		if (now > main) [main, mainPeakAt] = [now, Date.now()];
		tree = Math.max(tree, treeRss(pid));
	};
	tick();
	const timer = setInterval(tick, 200);
	return {
		stop() {
			clearInterval(timer);
			tick();
			return { main, tree, mainPeakAt, samples };
		},
	};
}

/** How long after a run "after" memory is taken: long enough for n8n to have saved the run and collected. */
const AFTER_RUN_MS = 30_000;

/**
 * Heap sizes after V8's full collections of process `pid`, from its `--trace-gc` lines in n8n's log (from byte
 * `from` on): "[pid:0x…]  1234 ms: Mark-Compact 512.3 (540.1) -> 80.2 (120.5) MB, …" — the size after the arrow.
 */
function fullCollections(logFile: string | undefined, pid: number, from: number, to?: number): Array<{ beforeMb: number; afterMb: number }> {
	if (!logFile) return [];
	const text = fs.readFileSync(logFile).subarray(from, to).toString('utf8');
	const sizes: Array<{ beforeMb: number; afterMb: number }> = [];
	for (const match of text.matchAll(/\[(\d+):0x[0-9a-f]+\][^\n]*?Mark-Compact\s+([\d.]+)\s*\([^)]*\)\s*->\s*([\d.]+)\s*\(/g)) {
		if (Number(match[1]) === pid) sizes.push({ beforeMb: Number(match[2]), afterMb: Number(match[3]) });
	}
	return sizes;
}

const logSize = (logFile: string | undefined) => (logFile && fs.existsSync(logFile) ? fs.statSync(logFile).size : 0);

interface Row {
	run: string;
	latencyMs: number;
	wallS: number;
	calls: number;
	minimum: number;
	unchangedWrites: number;
	memMainMb: number;
	memTreeMb: number;
	memMainAfterMb: number;
	memTreeAfterMb: number;
	/**
	 * With `--gc`: n8n's heap after full collections (the last before the run, the largest during it and the last
	 * 30 s after it) and the largest heap a full collection found (garbage included), MB.
	 */
	liveHeap?: { idleMb?: number; duringMb: number; afterMb: number; collections: number; largestBeforeCollectionMb: number };
	summary: string;
	slowest: string;
	heaviest: string;
	breakdown: string;
}

type Counters = Record<string, number>;
const total = (c: Counters) => Object.values(c).reduce((a, b) => a + b, 0);

async function counters(stack: Stack): Promise<{ sa: Counters; cs: Counters }> {
	const sa = (await stack.saAdmin.get<Counters>('/counters')).data;
	const cs = (await stack.csAdmin.get<Counters>('/counters')).data;
	return { sa, cs };
}

async function clearLogs(stack: Stack) {
	await stack.saAdmin.delete('/requests');
	await stack.csAdmin.delete('/requests');
}

async function setLatency(stack: Stack, ms: number) {
	await stack.saAdmin.post('/latency', { ms });
	await stack.csAdmin.post('/latency', { ms });
}

/** Case Status's cases as the simulator holds them: integration ID → Case Status case ID. */
function caseStatusIds(stack: Stack): Map<string, number> {
	const out = new Map<string, number>();
	for (const c of stack.caseStatus.service.context.state.cases.values()) if (c.integration_id) out.set(String(c.integration_id), c.id);
	return out;
}

async function syncOnce(
	n8n: N8nInstance,
	stack: Stack,
	workflowId: string,
	path: string,
	label: string,
	latencyMs: number,
	choice: string,
): Promise<Row> {
	const pid = serverPid();
	const inCaseStatusBefore = caseStatusIds(stack);
	const before = new Set((await n8n.listExecutions(workflowId)).map((e) => e.id));
	await clearLogs(stack);
	await setLatency(stack, latencyMs);
	const idle = { main: rssOf(pid), tree: treeRss(pid) };
	const logFrom = logSize(n8n.serverLogFile);
	const memory = sampleMemory(pid);
	const submittedAt = Date.now();
	// As a browser does: submit, wait for the result page, open it (n8n 1.x ends the run only then).
	await whileAlive(pid, submitAndReadResult(n8n.baseUrl, path, [choice, '', 'Sync'], 4 * 60 * 60 * 1000));
	const execution = await waitFor(
		async () =>
			(await n8n.listExecutions(workflowId)).find(
				(e) => !before.has(e.id) && e.mode !== 'integrated' && e.stoppedAt && e.status !== 'running' && e.status !== 'new', // not a slice
			),
		{ timeoutMs: 4 * 60 * 60 * 1000, intervalMs: 250, message: 'the sync to finish' },
	);
	const peak = memory.stop();
	const endedAt = Date.now();
	await new Promise((resolve) => setTimeout(resolve, AFTER_RUN_MS));
	const after = { main: rssOf(pid), tree: treeRss(pid) };
	const collections = fullCollections(n8n.serverLogFile, pid, logFrom);
	const idleHeap = fullCollections(n8n.serverLogFile, pid, 0, logFrom).pop()?.afterMb;
	await setLatency(stack, 0);
	const { sa, cs } = await counters(stack);

	const full = await n8n.api<ExecutionSummary>('GET', `/executions/${execution.id}?includeData=true`);
	const runData = full.data?.resultData.runData ?? {};
	// The slices ran as executions of their own: their nodes' time and data are theirs. Read one at a time: n8n
	// parses each saved execution in memory, and a capped heap would not hold them all at once.
	const sliceRunData: Array<Record<string, unknown[]>> = [];
	for (const id of sliceExecutionIds(full as unknown as RunData)) {
		const slice = await n8n.api<ExecutionSummary>('GET', `/executions/${id}?includeData=true`);
		sliceRunData.push(slice.data?.resultData.runData ?? {});
	}
	// Wall time: from the first node's start to the end of the last node before the result page (which waits for
	// the browser). Not the execution's startedAt: n8n 1.x sets it anew when the run resumes for the result page.
	const nodeRuns = Object.entries(runData)
		.filter(([name]) => name !== 'Show the Result')
		.flatMap(([, runs]) => runs as Array<{ startTime?: number; executionTime?: number }>);
	const startedAt = Math.min(...nodeRuns.map((r) => Number(r.startTime)));
	const wallMs = Math.max(...nodeRuns.map((r) => Number(r.startTime) + Number(r.executionTime ?? 0))) - startedAt;
	const peakAtS = (peak.mainPeakAt - startedAt) / 1000;
	// The peak while the nodes ran, apart from what n8n does after the last node (saving the run, the result page).
	const nodesPeakKb = Math.max(0, ...peak.samples.filter(([at]) => at <= startedAt + wallMs).map(([, kb]) => kb));
	const first = (node: string) => (runData[node]?.[0]?.data?.main?.[0] ?? []).map((i: { json: Record<string, unknown> }) => i.json);
	const counts = first('Build the Report')[0] as { summary?: string; rows?: Array<{ result: string; smartAdvocateCaseId: string }> } | undefined;
	const rows = counts?.rows ?? [];
	// "Read What Is Remembered" hands on one item per case read one by one: in a nightly run, the cases that failed before.
	const decided = first('Read What Is Remembered');
	const retried = (decided[0]?.run as { mode?: string } | undefined)?.mode === 'changed' ? decided.filter((item) => item.caseNumber).length : 0;
	const count = (result: string) => rows.filter((r) => r.result === result).length;
	const newCases = rows.filter((r) => !inCaseStatusBefore.has(String(r.smartAdvocateCaseId))).length;
	const windowCases = rows.length - retried;

	// Writes: a POST/PATCH/PUT/DELETE on Case Status's cases; refused ones (4xx) count as the one attempt a refused case needs.
	const writes = stack.caseStatus.api.requests.filter((r) => r.method !== 'GET' && r.method !== 'HEAD');
	const refusedWrites = writes.filter((r) => r.status >= 400).length;
	const unchangedIds = new Set(
		rows.filter((r) => r.result === 'unchanged').map((r) => inCaseStatusBefore.get(String(r.smartAdvocateCaseId))).filter((id) => id !== undefined),
	);
	const unchangedWrites = writes.filter((r) => unchangedIds.has(Number(/\/cases\/(\d+)/.exec(r.path)?.[1]))).length;

	const lookupRoutes = Object.keys(cs).filter((key) => key.startsWith('GET') && !/\/cases(\/|$)/.test(key) && !key.includes('__admin'));
	const minimum =
		1 + // SmartAdvocate sign-in
		Math.max(1, Math.ceil(windowCases / SA_PAGE)) +
		retried +
		newCases + // contacts of the cases to create
		Math.max(1, Math.ceil(inCaseStatusBefore.size / CS_PAGE)) +
		lookupRoutes.length +
		count('created') +
		count('updated') +
		Math.min(refusedWrites, count('failed'));
	const calls = total(sa) + total(cs);

	// Time per node over the run and all its slices (×N: the node ran N times).
	const nodeTime = new Map<string, { ms: number; runs: number }>();
	for (const data of [runData, ...sliceRunData]) {
		for (const [name, runs] of Object.entries(data)) {
			const sum = nodeTime.get(name) ?? { ms: 0, runs: 0 };
			for (const r of runs as Array<{ executionTime?: number }>) sum.ms += Number(r.executionTime) || 0;
			sum.runs += runs.length;
			nodeTime.set(name, sum);
		}
	}
	const slowest = [...nodeTime]
		.map(([name, x]) => ({ name, ...x }))
		.sort((a, b) => b.ms - a.ms)
		.slice(0, 5)
		.map((x) => `${x.name} ${(x.ms / 1000).toFixed(1)} s${x.runs > 1 ? ` ×${x.runs}` : ''}`)
		.join(', ');
	// What each node keeps in the run's data (n8n holds all of it in memory until that execution ends): the run's
	// own, and that of its biggest slice.
	const sizes = (data: Record<string, unknown[]>) =>
		Object.entries(data)
			.map(([name, runs]) => ({ name, mb: JSON.stringify(runs).length / 1024 / 1024 }))
			.sort((a, b) => b.mb - a.mb);
	const described = (data: Record<string, unknown[]>) => {
		const nodes = sizes(data);
		return { totalMb: nodes.reduce((sum, x) => sum + x.mb, 0), top: nodes.slice(0, 5).map((x) => `${x.name} ${x.mb.toFixed(1)} MB`).join(', ') };
	};
	const run = described(runData);
	const biggestSlice = sliceRunData.map(described).sort((a, b) => b.totalMb - a.totalMb)[0] ?? { totalMb: 0, top: '' };
	const heaviest =
		`run ${run.totalMb.toFixed(1)} MB (${run.top}); ${sliceRunData.length} slice(s), the biggest ${biggestSlice.totalMb.toFixed(1)} MB ` +
		`(${biggestSlice.top})`;
	const top = (c: Counters) =>
		Object.entries(c)
			.sort((a, b) => b[1] - a[1])
			.slice(0, 6)
			.map(([k, n]) => `${k} ${n}`)
			.join(', ');
	return {
		run: label,
		latencyMs,
		wallS: wallMs / 1000,
		calls,
		minimum,
		unchangedWrites,
		memMainMb: Math.max(0, peak.main - idle.main) / 1024,
		memTreeMb: Math.max(0, peak.tree - idle.tree) / 1024,
		memMainAfterMb: Math.max(0, after.main - idle.main) / 1024,
		memTreeAfterMb: Math.max(0, after.tree - idle.tree) / 1024,
		...(collections.length ? {
					liveHeap: {
						idleMb: idleHeap,
						duringMb: Math.max(...collections.map((c) => c.afterMb)),
						afterMb: collections[collections.length - 1].afterMb,
						collections: collections.length,
						largestBeforeCollectionMb: Math.max(...collections.map((c) => c.beforeMb)),
					},
				} : {}),
		summary: `${execution.status}; ${String(counts?.summary ?? '')}`.slice(0, 400),
		slowest,
		heaviest,
		breakdown: `n8n's memory peaked ${peakAtS.toFixed(1)} s into the run, +${Math.max(0, (nodesPeakKb - idle.main) / 1024).toFixed(0)} MB at most while the nodes ran; SA ${total(sa)} (${top(sa)}); CS ${total(cs)} (${top(cs)}); lookups read: ${lookupRoutes.join(', ')}; form → finished ${((endedAt - submittedAt) / 1000).toFixed(1)} s`,
	};
}

/** Changes the description (SmartAdvocate case name) of `share` of the eligible cases Case Status holds. */
async function changeCases(stack: Stack, share: number): Promise<number> {
	const held = caseStatusIds(stack);
	const candidates = stack.firm.cases.filter((c) => held.has(String(c.caseId)) && caseStatusEligibility(stack.firm, c) === null);
	const wanted = Math.max(1, Math.round(stack.firm.cases.length * share));
	const step = Math.max(1, Math.floor(candidates.length / wanted));
	let changed = 0;
	for (let i = 0; i < candidates.length && changed < wanted; i += step, changed++) {
		await stack.saAdmin.post(`/cases/${candidates[i].caseId}`, { caseName: `${candidates[i].caseName} (renamed)` });
	}
	return changed;
}

async function main(): Promise<void> {
	const cases = Number(arg('n') ?? 10_000);
	const version = (arg('n8n') === '1' ? '1' : '2') as N8nVersionKey;
	const heap = arg('heap');
	const only = (arg('runs') ?? 'abc').split('');
	const runnerHeap = arg('runner-heap');
	const traceGc = process.argv.includes('--gc');
	const nodeOptions = [heap ? `--max-old-space-size=${heap}` : '', arg('node-options') ?? ''].join(' ').trim();
	const env: Record<string, string> = {
		...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}),
		...(runnerHeap ? { N8N_RUNNERS_MAX_OLD_SPACE_SIZE: runnerHeap } : {}),
	};

	const firm = buildSyntheticFirm(cases, { now: new Date().toISOString(), ineligibleEvery: 50, inCaseStatusEvery: 10 });
	const stack = await startStack(firm);
	const n8n = await N8nInstance.create(version, { env, ...(traceGc ? { serverNodeArgs: ['--trace-gc'] } : {}) });
	const template = readTemplate(TEMPLATE);
	const path = formPath(template);
	const results: Row[] = [];
	const spec = N8N_VERSIONS[version];
	const line = (r: Row) =>
		`| ${r.run} | ${cases} | ${spec.n8nVersion} | ${r.latencyMs} ms | ${r.wallS.toFixed(1)} s | ${r.calls} | ${r.minimum} | ${(r.calls / r.minimum).toFixed(2)} | ${r.unchangedWrites} | +${r.memMainMb.toFixed(0)} MB / +${r.memTreeMb.toFixed(0)} MB | +${r.memMainAfterMb.toFixed(0)} MB / +${r.memTreeAfterMb.toFixed(0)} MB |${traceGc ? ` ${r.liveHeap ? `${r.liveHeap.idleMb?.toFixed(0) ?? '?'} → ${r.liveHeap.duringMb.toFixed(0)} → ${r.liveHeap.afterMb.toFixed(0)} MB (${r.liveHeap.collections}; before one at most ${r.liveHeap.largestBeforeCollectionMb.toFixed(0)} MB)` : 'none'} |` : ''}`;
	// Each run's row as soon as it ends (a 10,000-case night on a busy machine takes a while).
	const push = (r: Row) => {
		results.push(r);
		console.log(`${line(r)}\n  ${r.summary}\n  slowest nodes: ${r.slowest}\n  run data as JSON: ${r.heaviest}\n  calls: ${r.breakdown}`);
	};
	try {
		await n8n.importCredentials(stack.credentials);
		const workflowId = await n8n.importWorkflow(template);
		await n8n.publish(workflowId);
		await n8n.start({ waitForActivation: [workflowId] });
		const load = os.loadavg()[0].toFixed(2);

		// Each run on an n8n started afresh, as a firm's n8n is a day later: nothing kept in memory from the run
		// before (Create or Update's case list of the account, a heap grown by that run).
		const restart = async () => {
			await n8n.stop();
			await n8n.start({ waitForActivation: [workflowId] });
		};
		if (only.includes('a')) push(await syncOnce(n8n, stack, workflowId, path, '(a) first sync', 0, SYNC.all));
		if (only.includes('b')) {
			await stack.saAdmin.post('/reset');
			await stack.csAdmin.post('/reset');
			if (only.includes('a')) await restart();
			push(await syncOnce(n8n, stack, workflowId, path, '(b) first sync', 50, SYNC.all));
		}
		if (only.includes('c')) {
			if (!only.includes('b')) push(await syncOnce(n8n, stack, workflowId, path, '(setup) first sync', 0, SYNC.all));
			// A nightly run comes a day after the first sync: wait until the first sync's writes are older than
			// Create or Update's refresh margin, or its refresh would re-read them as cases changed just now.
			await new Promise((resolve) => setTimeout(resolve, CLOCK_SKEW_MARGIN_MS + 5_000));
			await restart();
			const changed = await changeCases(stack, 0.01);
			// As the nightly schedule runs it: the cases changed since the last run, plus the ones that failed before.
			push(await syncOnce(n8n, stack, workflowId, path, `(c) nightly, ${changed} changed`, 50, SYNC.changed));
		}

		console.log(`\nn8n ${spec.n8nVersion} (Node ${spec.node}), N = ${cases}, ${os.cpus().length} cores, load average before: ${load}, after: ${os.loadavg()[0].toFixed(2)}${nodeOptions ? `, NODE_OPTIONS=${nodeOptions}` : ', no heap settings'}${runnerHeap ? `, N8N_RUNNERS_MAX_OLD_SPACE_SIZE=${runnerHeap}` : ''}\n`);
		const gcColumn = traceGc ? ' n8n heap after a full collection: idle → largest during → 30 s after (collections; heap before one, garbage included) |' : '';
		console.log(`| run | N | n8n | latency | wall time | API calls | minimum | × minimum | writes for unchanged cases | memory over idle, peak (n8n / with task runners) | 30 s after the run |${gcColumn}`);
		console.log(`|---|---|---|---|---|---|---|---|---|---|---|${traceGc ? '---|' : ''}`);
		for (const r of results) console.log(line(r));
	} finally {
		await n8n.dispose();
		await stack.close();
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
