// The whole test suite, from a fresh clone: dependencies, build, lint, type check, unit tests
// (nodes against the in-process simulators) and end-to-end tests in a real n8n (2.x and 1.x).
// Ends with one line "tests: N passed, N failed".
import { execSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

import { ensureDeps, root } from './ensure-deps.mjs';

const step = (title, command) => {
	console.log(`\n• ${title}: ${command}`);
	execSync(command, { cwd: root, stdio: 'inherit' });
};

ensureDeps();
step('Build', 'npm run build');
step('Lint (both n8n rule sets)', 'npm run lint');
step('Type check (tests and simulators included)', 'npm run typecheck');
step('n8n Cloud verification checks (n8n scanner on the packed package, n8n-node cloud-support)', 'npm run verify:cloud');
if (existsSync(join(root, 'scripts/install-n8n.mjs'))) step('Real n8n for the end-to-end tests (cached)', 'node scripts/install-n8n.mjs');
step('PostgreSQL and Redis for the end-to-end tests (apt-get install as root when missing, else a no-op)', 'node scripts/install-queue-services.mjs');

const results = mkdtempSync(join(tmpdir(), 'sacs-jest-'));

/** Runs one jest project (optionally for one n8n version); resolves with its JSON summary, or null if it wrote none. */
function jest(name, project, extraArgs, env = {}) {
	const outputFile = join(results, `${name}.json`);
	const child = spawn('npx', ['jest', '--selectProjects', project, '--json', `--outputFile=${outputFile}`, ...extraArgs], {
		cwd: root,
		env: { ...process.env, ...env },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	// Two runs go side by side: each line says whose it is.
	for (const stream of [child.stdout, child.stderr]) {
		createInterface({ input: stream }).on('line', (line) => console.log(`[${name}] ${line}`));
	}
	return new Promise((resolve) => {
		child.on('close', (status) => {
			const summary = existsSync(outputFile) ? JSON.parse(readFileSync(outputFile, 'utf8')) : null;
			resolve({ name, status, summary });
		});
	});
}

console.log('\n• unit tests');
const runs = [await jest('unit', 'unit', [])];
// The two n8n versions run side by side (each file in band): most of an e2e test is waiting on n8n.
// The queue-mode deployment (n8n 2.x only, the longest file) runs after the 1.x files, which take less
// time than the 2.x ones, so both sides end about together.
console.log('\n• e2e tests in real n8n 2.x and 1.x, side by side');
const QUEUE_MODE = 'test/e2e/queueMode.e2e.test.ts';
const e2eFiles = readdirSync(join(root, 'test/e2e'))
	.filter((file) => file.endsWith('.e2e.test.ts'))
	.map((file) => `test/e2e/${file}`);
const twoWithoutQueueMode = e2eFiles.filter((file) => file !== QUEUE_MODE);
runs.push(
	...(await Promise.all([
		jest('e2e n8n 2', 'e2e', ['--runInBand', ...twoWithoutQueueMode], { SACS_E2E_VERSIONS: '2' }),
		(async () => [
			await jest('e2e n8n 1', 'e2e', ['--runInBand', ...twoWithoutQueueMode], { SACS_E2E_VERSIONS: '1' }),
			await jest('e2e queue mode', 'e2e', ['--runInBand', QUEUE_MODE], { SACS_E2E_VERSIONS: '2' }),
		])(),
	])).flat(),
);

let passed = 0;
let failed = 0;
let ok = true;
for (const { name, status, summary } of runs) {
	if (status !== 0 || !summary || summary.numTotalTests === 0) ok = false;
	passed += summary?.numPassedTests ?? 0;
	failed += summary?.numFailedTests ?? 0;
	console.log(`${name}: ${summary ? `${summary.numPassedTests} passed, ${summary.numFailedTests} failed, ${summary.numPendingTests} skipped` : 'no result'} (exit ${status})`);
}
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 ? 0 : 1);
