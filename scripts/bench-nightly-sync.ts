/**
 * Benchmark (measures, asserts nothing): the nightly case sync template, imported as shipped into a real
 * n8n, syncing a synthetic firm of N cases from the SmartAdvocate simulator into the Case Status simulator.
 * It runs the way a firm runs it: the workflow published in `n8n start`, started by its "Sync Now" form
 * (All cases). Reports the wall time and the resident memory of the n8n process (and of its process tree,
 * task runners included) while the sync runs.
 *
 *   npm run build && node scripts/install-n8n.mjs
 *   npx tsx scripts/bench-nightly-sync.ts                 # N = 1000 on n8n 2.x
 *   npx tsx scripts/bench-nightly-sync.ts 1000 20000      # several sizes, one after the other
 *   BENCH_N8N=1 npx tsx scripts/bench-nightly-sync.ts 1000
 *
 * Each size gets a fresh n8n user folder and fresh simulators (both in this process, so their memory is
 * not counted). "All cases" on an empty sync history is the biggest night a firm will have: the first one.
 * Every 50th case is one Case Status refuses, and every 10th eligible case is already in Case Status
 * (found unchanged, not written).
 *
 * Not `n8n execute`: it prints the whole run data as JSON, which costs far more memory than the run, and
 * above about 8 MB of output (≈ 1,000 cases) its stdout is cut off when it exits.
 */
import fs from 'node:fs';

import { buildSyntheticFirm } from '../simulators/shared/syntheticFirm';
import { descendants, N8N_VERSIONS, N8nInstance, waitFor, type ExecutionSummary, type N8nVersionKey } from '../test/e2e/harness';
import { formPath, submitSyncNowForm } from '../test/e2e/nightlySync/world';
import { readTemplate, startStack } from '../test/e2e/support/stack';

const TEMPLATE = '01-nightly-case-sync.json';

interface Sample {
	peakMainKb: number;
	peakTreeKb: number;
	mainPid?: number;
}

/** Reads `VmHWM` (peak) and `VmRSS` (now) of a process, in kB. */
function memoryOf(pid: number): { hwm: number; rss: number } | undefined {
	try {
		const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
		return { hwm: kb('VmHWM'), rss: kb('VmRSS') };
	} catch {
		return undefined;
	}
}

const commandOf = (pid: number) => {
	try {
		return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
	} catch {
		return '';
	}
};

/** Samples the `n8n start` process tree every 200 ms: the largest RSS of the main process and of the whole tree. */
function sampleMemory(mainPid: number): { stop(): Sample } {
	const sample: Sample = { peakMainKb: 0, peakTreeKb: 0, mainPid };
	const tick = () => {
		let tree = 0;
		for (const pid of [mainPid, ...descendants(mainPid)]) tree += memoryOf(pid)?.rss ?? 0;
		sample.peakTreeKb = Math.max(sample.peakTreeKb, tree);
		sample.peakMainKb = Math.max(sample.peakMainKb, memoryOf(mainPid)?.rss ?? 0);
	};
	tick();
	const timer = setInterval(tick, 200);
	return {
		stop() {
			clearInterval(timer);
			tick();
			return sample;
		},
	};
}

const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The `n8n start` process this script started (its command line ends in `n8n start`). */
function serverPid(): number {
	const pid = descendants(process.pid).find((p) => / start\s*$/.test(commandOf(p)) && commandOf(p).includes('n8n'));
	if (!pid) throw new Error('the n8n start process was not found');
	return pid;
}

async function benchOne(version: N8nVersionKey, cases: number): Promise<void> {
	const firm = buildSyntheticFirm(cases, { now: new Date().toISOString(), ineligibleEvery: 50, inCaseStatusEvery: 10 });
	const stack = await startStack(firm);
	const n8n = await N8nInstance.create(version);
	const template = readTemplate(TEMPLATE);
	try {
		await n8n.importCredentials(stack.credentials);
		const workflowId = await n8n.importWorkflow(template);
		await n8n.publish(workflowId);
		await n8n.start({ waitForActivation: [workflowId] });
		const pid = serverPid();
		const idle = memoryOf(pid);

		// "Sync Now" → All cases: the run a firm's first night is.
		const memory = sampleMemory(pid);
		const submittedAt = Date.now();
		const form = await submitSyncNowForm(n8n.baseUrl, formPath(template), ['All cases', '']);
		if (form.status !== 200) throw new Error(`the form answered ${form.status}: ${form.body.slice(0, 300)}`);
		const execution = await waitFor(
			async () => (await n8n.listExecutions(workflowId)).find((e) => e.stoppedAt && e.status !== 'running' && e.status !== 'new'),
			{ timeoutMs: 4 * 60 * 60 * 1000, intervalMs: 1000, message: 'the sync to finish' },
		);
		const finishedAt = Date.now();
		const peak = memory.stop();
		const workflowMs = Date.parse(String(execution.stoppedAt)) - Date.parse(String(execution.startedAt));
		const full = await n8n.api<ExecutionSummary>('GET', `/executions/${execution.id}?includeData=true`);
		const counts = full.data?.resultData.runData['Count Results']?.[0]?.data?.main?.[0]?.[0]?.json;
		const perNode = Object.entries(full.data?.resultData.runData ?? {})
			.map(([name, runs]) => ({ name, runs: runs.length, ms: runs.reduce((sum, r) => sum + (Number((r as { executionTime?: number }).executionTime) || 0), 0) }))
			.sort((a, b) => b.ms - a.ms)
			.slice(0, 6)
			.map((x) => `${x.name} ${seconds(x.ms)}${x.runs > 1 ? ` (${x.runs} runs)` : ''}`)
			.join(', ');
		const writes = stack.caseStatus.api.requests.filter((r) => r.method !== 'GET').length;
		console.log(
			[
				`n8n ${N8N_VERSIONS[version].n8nVersion}, N = ${cases}: ${execution.status}`,
				`  form submitted → execution saved as finished:  ${seconds(finishedAt - submittedAt)}`,
				`  execution startedAt → stoppedAt:               ${seconds(workflowMs)}  (${(cases / (workflowMs / 1000)).toFixed(1)} cases/s)`,
				`  n8n process RSS idle / peak (sampled) / VmHWM: ${mb(idle?.rss ?? 0)} / ${mb(peak.peakMainKb)} / ${mb(memoryOf(pid)?.hwm ?? 0)}`,
				`  peak RSS of n8n + task runners (sampled sum):  ${mb(peak.peakTreeKb)}`,
				counts ? `  report: ${String(counts.summary)}` : '',
				`  slowest nodes: ${perNode}`,
				`  Case Status writes: ${writes}; SmartAdvocate requests: ${stack.smartAdvocate.requests.length}`,
			]
				.filter(Boolean)
				.join('\n'),
		);
	} finally {
		await n8n.dispose();
		await stack.close();
	}
}

async function main(): Promise<void> {
	const sizes = process.argv.slice(2).map(Number).filter((n) => Number.isInteger(n) && n > 0);
	const version = (process.env.BENCH_N8N === '1' ? '1' : '2') as N8nVersionKey;
	for (const cases of sizes.length ? sizes : [1000]) await benchOne(version, cases);
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
