// The whole test suite, from a fresh clone: dependencies, build, lint, type check, unit tests
// (nodes against the in-process simulators) and end-to-end tests in a real n8n (2.x and 1.x).
// Ends with one line "tests: N passed, N failed".
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

const results = mkdtempSync(join(tmpdir(), 'sacs-jest-'));
let passed = 0;
let failed = 0;
let ok = true;
for (const [project, extra] of [
	['unit', []],
	['e2e', ['--runInBand']],
]) {
	const outputFile = join(results, `${project}.json`);
	console.log(`\n• ${project} tests`);
	const run = spawnSync('npx', ['jest', '--selectProjects', project, '--json', `--outputFile=${outputFile}`, ...extra], {
		cwd: root,
		stdio: 'inherit',
	});
	if (run.status !== 0) ok = false;
	if (existsSync(outputFile)) {
		const summary = JSON.parse(readFileSync(outputFile, 'utf8'));
		passed += summary.numPassedTests;
		failed += summary.numFailedTests;
		if (summary.numTotalTests === 0) ok = false;
	} else {
		ok = false;
	}
}
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 ? 0 : 1);
