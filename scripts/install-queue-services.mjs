// PostgreSQL and Redis for the e2e tests that need a server: queue mode (test/e2e/queueMode.e2e.test.ts) and
// the relays' Redis lease (test/e2e/relays.e2e.test.ts), both through test/e2e/harness/services.ts; and
// `npm test` runs it as a step of its own before the e2e tests (scripts/test-all.mjs).
// Idempotent: when both servers are installed it only looks for their binaries (well under a second).
// Otherwise, as root on Debian (as CI and the dev machines run), `apt-get update` once and
// `apt-get install -y postgresql redis-server`. Elsewhere, install both yourself and, if they are not where
// Debian puts them, name them: SACS_E2E_POSTGRES_BIN (the folder with initdb, pg_ctl, postgres, psql) and
// SACS_E2E_REDIS_SERVER. Never starts anything: each test starts its own servers on loopback with their own
// data folders (test/e2e/harness/services.ts) and stops them.
// Prints one JSON line {postgresBin, redisServer}; exits 1 with the reason when it cannot install.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Highest /usr/lib/postgresql/<major>/bin that has initdb + pg_ctl + postgres. */
export function findPostgresBin() {
	if (process.env.SACS_E2E_POSTGRES_BIN) return process.env.SACS_E2E_POSTGRES_BIN;
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return undefined;
	const majors = readdirSync(root)
		.filter((d) => /^\d+$/.test(d))
		.sort((a, b) => Number(b) - Number(a));
	for (const major of majors) {
		const bin = join(root, major, 'bin');
		if (['initdb', 'pg_ctl', 'postgres'].every((f) => existsSync(join(bin, f)))) return bin;
	}
	return undefined;
}

export function findRedisServer() {
	if (process.env.SACS_E2E_REDIS_SERVER) return process.env.SACS_E2E_REDIS_SERVER;
	return ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((f) => existsSync(f));
}

export function installQueueServices({ log = (line) => process.stderr.write(`${line}\n`) } = {}) {
	let postgresBin = findPostgresBin();
	let redisServer = findRedisServer();
	if (postgresBin && redisServer) return { postgresBin, redisServer };

	const missing = [!postgresBin && 'postgresql', !redisServer && 'redis-server'].filter(Boolean);
	const yourself = `install them with your system's package manager and set SACS_E2E_POSTGRES_BIN / SACS_E2E_REDIS_SERVER (README, Development)`;
	if (!existsSync('/usr/bin/apt-get')) throw new Error(`${missing.join(' and ')} not installed, and this system has no apt-get: ${yourself}`);
	if (process.getuid?.() !== 0) {
		throw new Error(`${missing.join(' and ')} not installed, and installing needs root: run \`sudo apt-get install -y ${missing.join(' ')}\`, or ${yourself}`);
	}
	const env = {
		...process.env,
		DEBIAN_FRONTEND: 'noninteractive',
		// The packages' own services are not needed (the test starts its own servers); in a container
		// without an init system their start-up is skipped or fails harmlessly.
		RUNLEVEL: '1',
	};
	const t0 = Date.now();
	log(`[e2e services] installing ${missing.join(', ')} from Debian's packages (apt-get)…`);
	execFileSync('apt-get', ['update'], { env, stdio: ['ignore', 'inherit', 'inherit'] });
	execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env, stdio: ['ignore', 'inherit', 'inherit'] });
	postgresBin = findPostgresBin();
	redisServer = findRedisServer();
	if (!postgresBin || !redisServer) throw new Error(`apt-get finished but ${!postgresBin ? 'initdb/pg_ctl/postgres' : 'redis-server'} is still missing`);
	log(`[e2e services] installed in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
	return { postgresBin, redisServer };
}

if (import.meta.url === `file://${process.argv[1]}`) {
	try {
		console.log(JSON.stringify(installQueueServices()));
	} catch (error) {
		console.error(`[e2e services] ${error.message}`);
		process.exit(1);
	}
}
