// The checks n8n runs before verifying a community package for n8n Cloud, on this working copy,
// offline. `npx @n8n/scan-community-package <name>` only scans a version already on the registry:
// it checks that version's npm provenance, fetches the source commit the provenance names, and
// lints that source and the published tarball. Here the same lint runs through the scanner's own
// exported `analyzePackage` on the same two inputs (this source tree, and the tarball `npm pack`
// makes from it); the provenance part can only be checked after publishing, so this checks that
// the publish workflow produces it. Also: the CLI's `n8n-node cloud-support` must say eligible, and a
// bare `n8n-node lint` must exit 0.
// Needs a build first (`npm run build`). Exits 1 when anything fails.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { root } from './ensure-deps.mjs';

const failures = [];
const check = (ok, what, details) => {
	console.log(`${ok ? '✅' : '❌'} ${what}`);
	if (!ok) {
		failures.push(what);
		if (details) console.log(details);
	}
};
const run = (command, args, cwd = root) => {
	const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
	return result.stdout;
};

if (!existsSync(join(root, 'dist'))) {
	console.error('No dist/: run `npm run build` first.');
	process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), 'sacs-cloud-'));
// The scanner makes its own temporary folder when it is loaded; keep it inside ours.
process.env.TMPDIR = work;
try {
	// 1. The tarball, exactly as `npm publish` would upload it.
	const [{ filename }] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work]));
	const unpacked = join(work, 'package');
	mkdirSync(unpacked);
	run('tar', ['-xzf', join(work, filename), '-C', unpacked, '--strip-components=1']);

	// 2. The scanner's lint: the source leg (package.json, nodes/, credentials/) and the tarball leg
	// (compiled .js and the published package.json), as in analyzePackageByName.
	const { analyzePackage, SOURCE_FILE_PATTERNS } = await import('@n8n/scan-community-package/scanner/scanner.mjs');
	for (const [what, dir, patterns] of [
		['source (package.json, nodes/, credentials/)', root, SOURCE_FILE_PATTERNS],
		[`packed ${filename} (compiled .js, package.json)`, unpacked, ['**/*.js', 'package.json']],
	]) {
		const result = await analyzePackage(dir, patterns);
		check(result.passed, `@n8n/scan-community-package lint: ${what}`, [result.message, result.details].filter(Boolean).join('\n'));
	}

	// 3. What n8n needs from the published package.json to load the package.
	const manifest = JSON.parse(readFileSync(join(unpacked, 'package.json'), 'utf8'));
	const missing = [...(manifest.n8n?.nodes ?? []), ...(manifest.n8n?.credentials ?? [])].filter(
		(file) => !existsSync(join(unpacked, file)),
	);
	check(missing.length === 0, 'every node and credential listed in package.json "n8n" is in the tarball', missing.join('\n'));
	check(
		JSON.stringify(manifest.peerDependencies) === JSON.stringify({ 'n8n-workflow': '*' }) && !manifest.dependencies,
		'no runtime dependencies; the only peer dependency is n8n-workflow',
		JSON.stringify({ dependencies: manifest.dependencies, peerDependencies: manifest.peerDependencies }),
	);

	// 4. Provenance (checked by the scanner on the registry): every publish must carry it.
	const workflow = readFileSync(join(root, '.github/workflows/publish.yml'), 'utf8');
	check(
		manifest.publishConfig?.provenance === true && /id-token:\s*write/.test(workflow) && /npm publish[^\n]*--provenance/.test(workflow),
		'publishing requires npm provenance (publishConfig.provenance; publish.yml has id-token: write and npm publish --provenance)',
	);

	// 5. The CLI's own verdict (strict mode + n8n's default ESLint config; `npm run lint` runs its lint).
	const status = run(join(root, 'node_modules/.bin/n8n-node'), ['cloud-support']).replace(/\u001b\[[0-9;]*m/g, '');
	check(
		/eligible for n8n Cloud verification/.test(status) && !/NOT eligible/.test(status),
		'n8n-node cloud-support: eligible for n8n Cloud verification',
		status,
	);

	// 6. What n8n's verification runs on the repository: a bare `n8n-node lint` (no ESLint flags).
	const env = { ...process.env };
	delete env.ESLINT_FLAGS;
	const lint = spawnSync(join(root, 'node_modules/.bin/n8n-node'), ['lint'], { cwd: root, encoding: 'utf8', env });
	check(lint.status === 0, 'a bare `n8n-node lint` exits 0', `${lint.stdout}${lint.stderr}`.replace(/\u001b\[[0-9;]*m/g, ''));
} finally {
	rmSync(work, { recursive: true, force: true });
}

if (failures.length > 0) {
	console.log(`\n${failures.length} n8n Cloud verification check(s) failed.`);
	process.exit(1);
}
console.log('\nAll n8n Cloud verification checks that can run before publishing passed.');
