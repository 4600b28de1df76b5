// Installs the project's own dev dependencies when they are missing or older than the lockfile,
// so that `npm test` and `npm start` work on a fresh clone with nothing but Node and npm.
import { createHash } from 'node:crypto';
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export function ensureDeps() {
	const lock = readFileSync(join(root, 'package-lock.json'));
	const hash = createHash('sha256').update(lock).digest('hex');
	const stamp = join(root, 'node_modules', '.installed-lock-hash');
	if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return;
	console.log('• Installing the project’s dependencies (npm ci)…');
	execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
	writeFileSync(stamp, hash);
}

if (import.meta.url === `file://${process.argv[1]}`) ensureDeps();
