/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- runs in Node, never in n8n (eslint.dev.config.mjs) */
/**
 * Benchmark (measures, asserts nothing): one big client document through the document template (04) as
 * shipped, in a real n8n that keeps binary data on disk (N8N_DEFAULT_BINARY_DATA_MODE=filesystem): Case
 * Status Download → SmartAdvocate Upload. Prints one table row per n8n version and file size: the resident
 * memory of the n8n process when the download begins (idle: n8n loaded, the workflow running, no file bytes
 * yet), its peak from then on while the file passes through, the growth between the two, the kernel's
 * high-water mark for the whole process life (start-up included), and the wall time.
 *
 *   npm run build && node scripts/install-n8n.mjs
 *   npx tsx scripts/bench-big-file.ts                     # 200 MB, n8n 2.x then 1.x
 *   npx tsx scripts/bench-big-file.ts 50 200              # several sizes (MB)
 *   BENCH_N8N=1 npx tsx scripts/bench-big-file.ts 200     # one version
 *   BENCH_PACKAGE_ROOT=/tmp/old-build npx tsx scripts/bench-big-file.ts   # another build of the package
 *
 * The simulators run in this process, n8n in its own (`n8n execute`), so only n8n is measured: its main
 * process, sampled every 100 ms from /proc. Each row gets a fresh
 * n8n user folder and fresh simulators.
 */
import fs from 'node:fs';

import { descendants, N8N_VERSIONS, N8nInstance, type N8nVersionKey } from '../test/e2e/harness';
import { createFile } from '../simulators/casestatus/routes/files';
import { binaryBytes, copiedDocuments, RELAYS, saState, sha256 } from '../test/e2e/relays/world';
import { readTemplate, startStack } from '../test/e2e/support/stack';

const MB = 1024 * 1024;

/** VmRSS (now) and VmHWM (peak so far) of a process, in bytes. */
function memoryOf(pid: number): { rss: number; hwm: number } | undefined {
	try {
		const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
		return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
	} catch {
		return undefined;
	}
}

function commandOf(pid: number): string {
	try {
		return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
	} catch {
		return '';
	}
}

interface Row {
	version: string;
	sizeMb: number;
	idle: number;
	peak: number;
	hwm: number;
	wallMs: number;
	workflowMs: number;
	ok: boolean;
}

async function benchOne(version: N8nVersionKey, sizeMb: number): Promise<Row> {
	const stack = await startStack();
	const n8n = await N8nInstance.create(version, {
		env: { N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem' },
		...(process.env.BENCH_PACKAGE_ROOT ? { packageRoot: process.env.BENCH_PACKAGE_ROOT } : {}),
	});
	try {
		const limit = { maxUploadBytes: (sizeMb + 16) * MB };
		await Promise.all([stack.saAdmin.post('/config', limit), stack.csAdmin.post('/config', limit)]);
		const bytes = binaryBytes(sizeMb * MB, `bench ${sizeMb}`);
		// Put straight into the simulator's state: its admin API is JSON, and 270 MB of base64 is too much for it.
		const cs = stack.caseStatus.service.context;
		const clientCase = [...cs.state.cases.values()].find((c) => c.integration_id === '516718')!;
		const posted = createFile(cs, clientCase, { fileName: 'Big scan.pdf', contentType: 'application/pdf', bytes, uploader: undefined, kind: 'client' });
		await n8n.importCredentials(stack.credentials);
		await n8n.importWorkflow(readTemplate(RELAYS.documents.file));

		let pid: number | undefined;
		let idle = 0;
		let peak = 0;
		let hwm = 0;
		const tick = () => {
			pid ??= descendants(process.pid).find((p) => /n8n\S*\s+execute\b/.test(commandOf(p)));
			const memory = pid ? memoryOf(pid) : undefined;
			if (!memory) return;
			if (!idle && stack.caseStatus.fileHost.requests.length > 0) idle = memory.rss;
			if (idle) peak = Math.max(peak, memory.rss);
			hwm = Math.max(hwm, memory.hwm);
		};
		const timer = setInterval(tick, 100);
		const result = await n8n.execute(RELAYS.documents.id, { timeoutMs: 30 * 60 * 1000 });
		clearInterval(timer);

		const run = result.run as { startedAt?: string; stoppedAt?: string } | undefined;
		const workflowMs = run?.startedAt && run?.stoppedAt ? Date.parse(run.stoppedAt) - Date.parse(run.startedAt) : NaN;
		const [document] = copiedDocuments(await saState(stack), posted.id);
		const ok = result.ok && document?.sha256 === sha256(bytes);
		if (!ok) console.error(`n8n ${N8N_VERSIONS[version].n8nVersion}, ${sizeMb} MB: not copied intact (${result.error?.message ?? 'checksum differs'}); log: ${result.logFile}`);
		return { version: N8N_VERSIONS[version].n8nVersion, sizeMb, idle, peak, hwm, wallMs: result.durationMs, workflowMs, ok };
	} finally {
		await n8n.dispose();
		await stack.close();
	}
}

const mb = (bytes: number) => `${Math.round(bytes / MB)} MB`;
const seconds = (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(1)} s` : '?');

async function main(): Promise<void> {
	const sizes = process.argv.slice(2).map(Number).filter((n) => Number.isInteger(n) && n > 0);
	const versions = (process.env.BENCH_N8N ?? '2,1').split(',').map((v) => v.trim()) as N8nVersionKey[];
	const rows: Row[] = [];
	for (const version of versions) for (const sizeMb of sizes.length ? sizes : [200]) rows.push(await benchOne(version, sizeMb));
	console.log(`\npackage: ${process.env.BENCH_PACKAGE_ROOT ?? 'this repository'}; binary data mode: filesystem; ${fs.readFileSync('/proc/cpuinfo', 'utf8').match(/^processor/gm)?.length ?? '?'} cores`);
	console.log('| n8n | file | n8n RSS idle | n8n RSS peak | growth | VmHWM (whole run) | workflow | n8n execute (wall) | copied intact |');
	console.log('|---|---|---|---|---|---|---|---|---|');
	for (const r of rows) {
		console.log(`| ${r.version} | ${r.sizeMb} MB | ${mb(r.idle)} | ${mb(r.peak)} | ${mb(r.peak - r.idle)} | ${mb(r.hwm)} | ${seconds(r.workflowMs)} | ${seconds(r.wallMs)} | ${r.ok ? 'yes' : 'NO'} |`);
	}
}

main().catch((error) => {
	console.error(String((error as Error).stack ?? error).slice(0, 2000));
	process.exitCode = 1;
});
