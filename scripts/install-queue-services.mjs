// PostgreSQL and Redis for the queue-mode e2e test (test/e2e/queueMode.e2e.test.ts), from Debian's packages.
// Idempotent: when both servers are installed it only looks for their binaries (well under a second).
// Otherwise, as root (as CI and the dev machines run), `apt-get update` once and
// `apt-get install -y postgresql redis-server`. Never starts anything: the test starts its own servers on
// loopback with their own data folders (test/e2e/harness/services.ts) and stops them.
// Prints one JSON line {postgresBin, redisServer}; exits 1 with the reason when it cannot install.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Highest /usr/lib/postgresql/<major>/bin that has initdb + pg_ctl + postgres. */
export function findPostgresBin() {
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
	return ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((f) => existsSync(f));
}

export function installQueueServices({ log = (line) => process.stderr.write(`${line}\n`) } = {}) {
	let postgresBin = findPostgresBin();
	let redisServer = findRedisServer();
	if (postgresBin && redisServer) return { postgresBin, redisServer };

	const missing = [!postgresBin && 'postgresql', !redisServer && 'redis-server'].filter(Boolean);
	if (process.getuid?.() !== 0) {
		throw new Error(`${missing.join(' and ')} not installed, and installing needs root: run \`sudo apt-get install -y ${missing.join(' ')}\``);
	}
	const env = {
		...process.env,
		DEBIAN_FRONTEND: 'noninteractive',
		// The packages' own services are not needed (the test starts its own servers); in a container
		// without an init system their start-up is skipped or fails harmlessly.
		RUNLEVEL: '1',
	};
	const t0 = Date.now();
	log(`[queue services] installing ${missing.join(', ')} from Debian's packages (apt-get)…`);
	execFileSync('apt-get', ['update'], { env, stdio: ['ignore', 'inherit', 'inherit'] });
	execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env, stdio: ['ignore', 'inherit', 'inherit'] });
	postgresBin = findPostgresBin();
	redisServer = findRedisServer();
	if (!postgresBin || !redisServer) throw new Error(`apt-get finished but ${!postgresBin ? 'initdb/pg_ctl/postgres' : 'redis-server'} is still missing`);
	log(`[queue services] installed in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
	return { postgresBin, redisServer };
}

if (import.meta.url === `file://${process.argv[1]}`) {
	try {
		console.log(JSON.stringify(installQueueServices()));
	} catch (error) {
		console.error(`[queue services] ${error.message}`);
		process.exit(1);
	}
}
