/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node, never in n8n (eslint.dev.config.mjs) */
/**
 * PostgreSQL and Redis for queue mode and the relays' Redis lease, started by the tests themselves: installed by
 * scripts/install-queue-services.mjs (Debian's packages; a no-op when present), each server on 127.0.0.1 on a
 * free port with its data in its own temp folder, stopped (and the folder deleted) by stop().
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { freePort, isAlive, killTree, tailFile, waitFor } from './util';
import { REPO_ROOT } from './versions';

export interface QueueServiceBinaries {
	/** Folder with initdb, pg_ctl, postgres, psql. */
	postgresBin: string;
	redisServer: string;
}

/** Runs the install script (prints one JSON line); apt-get only when a server is missing. */
export function installQueueServices(): QueueServiceBinaries {
	const out = execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'install-queue-services.mjs')], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
		timeout: 15 * 60_000,
	});
	return JSON.parse(out.trim().split('\n').pop()!) as QueueServiceBinaries;
}

const running = new Set<{ stopSync(): void }>();
let exitHook = false;
function track(service: { stopSync(): void }): void {
	running.add(service);
	if (!exitHook) {
		exitHook = true;
		process.once('exit', () => {
			for (const s of running) s.stopSync();
		});
	}
}

function tmpDir(prefix: string): string {
	const root = process.env.SACS_E2E_TMP ?? os.tmpdir();
	fs.mkdirSync(root, { recursive: true });
	return fs.mkdtempSync(path.join(root, prefix));
}

/** PostgreSQL refuses to run as root: as root, its commands run as the "postgres" user the package created. */
function asServiceUser(command: string, args: string[]): [string, string[]] {
	return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

export class PostgresServer {
	readonly host = '127.0.0.1';
	readonly user = 'n8n';
	readonly password = 'e2e-postgres-password-not-a-secret';
	readonly database = 'n8n';

	private constructor(
		private readonly bin: string,
		readonly dir: string,
		readonly port: number,
	) {}

	get dataDir(): string {
		return path.join(this.dir, 'data');
	}

	get logFile(): string {
		return path.join(this.dir, 'postgres.log');
	}

	/** initdb into a fresh temp folder, start on a free loopback port (no unix socket outside that folder), create the database. */
	static async start(binaries: QueueServiceBinaries): Promise<PostgresServer> {
		const server = new PostgresServer(binaries.postgresBin, tmpDir('sacs-e2e-postgres-'), await freePort());
		const { dir } = server;
		fs.chmodSync(dir, 0o755);
		if (process.getuid?.() === 0) execFileSync('chown', ['postgres:postgres', dir]);
		const pwfile = path.join(dir, 'pw');
		fs.writeFileSync(pwfile, server.password);
		if (process.getuid?.() === 0) execFileSync('chown', ['postgres:postgres', pwfile]);
		server.run('initdb', ['-D', server.dataDir, '-U', server.user, `--pwfile=${pwfile}`, '--auth=scram-sha-256', '--encoding=UTF8', '--no-sync']);
		track(server);
		server.run('pg_ctl', [
			'start',
			'-w',
			'-t',
			'120',
			'-D',
			server.dataDir,
			'-l',
			server.logFile,
			'-o',
			`-p ${server.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`,
		]);
		const psql = path.join(binaries.postgresBin, 'psql');
		execFileSync(psql, ['-h', server.host, '-p', String(server.port), '-U', server.user, '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-c', `CREATE DATABASE ${server.database}`], {
			env: { ...process.env, PGPASSWORD: server.password },
			stdio: 'pipe',
		});
		return server;
	}

	private run(tool: string, args: string[]): void {
		const [cmd, argv] = asServiceUser(path.join(this.bin, tool), args);
		const res = spawnSync(cmd, argv, { encoding: 'utf8', cwd: this.dir, timeout: 180_000 });
		if (res.status !== 0) {
			throw new Error(`${tool} ${args[0]} failed (${res.status ?? res.signal}): ${res.stderr || res.stdout}\n${tailFile(this.logFile, 30)}`);
		}
	}

	/** The DB_* variables of every n8n process (main and workers). */
	n8nEnv(): Record<string, string> {
		return {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: this.host,
			DB_POSTGRESDB_PORT: String(this.port),
			DB_POSTGRESDB_DATABASE: this.database,
			DB_POSTGRESDB_USER: this.user,
			DB_POSTGRESDB_PASSWORD: this.password,
		};
	}

	/** Runs SQL as the owner; returns psql's unaligned output. */
	query(sql: string): string {
		return execFileSync(path.join(this.bin, 'psql'), ['-h', this.host, '-p', String(this.port), '-U', this.user, '-d', this.database, '-At', '-v', 'ON_ERROR_STOP=1', '-c', sql], {
			env: { ...process.env, PGPASSWORD: this.password },
			encoding: 'utf8',
		});
	}

	stopSync(): void {
		running.delete(this);
		if (!fs.existsSync(path.join(this.dataDir, 'postmaster.pid'))) return;
		const [cmd, argv] = asServiceUser(path.join(this.bin, 'pg_ctl'), ['stop', '-w', '-m', 'fast', '-D', this.dataDir]);
		const res = spawnSync(cmd, argv, { encoding: 'utf8', timeout: 60_000 });
		if (res.status !== 0) {
			const pid = Number(fs.readFileSync(path.join(this.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
			if (pid && isAlive(pid)) killTree(pid, 'SIGKILL');
		}
	}

	/** Stops the server and deletes its folder (kept with SACS_E2E_KEEP=1). */
	async stop({ keep = process.env.SACS_E2E_KEEP === '1' } = {}): Promise<void> {
		this.stopSync();
		if (!keep) fs.rmSync(this.dir, { recursive: true, force: true });
	}
}

export class RedisServer {
	readonly host = '127.0.0.1';
	readonly password = 'e2e-redis-password-not-a-secret';
	private child?: ChildProcess;

	private constructor(
		readonly dir: string,
		readonly port: number,
	) {}

	get logFile(): string {
		return path.join(this.dir, 'redis.log');
	}

	/** redis-server on a free loopback port, no persistence, a password; resolves once it answers PING. */
	static async start(binaries: QueueServiceBinaries): Promise<RedisServer> {
		const server = new RedisServer(tmpDir('sacs-e2e-redis-'), await freePort());
		const out = fs.openSync(server.logFile, 'a');
		server.child = spawn(
			binaries.redisServer,
			['--port', String(server.port), '--bind', '127.0.0.1', '--dir', server.dir, '--save', '', '--appendonly', 'no', '--requirepass', server.password, '--daemonize', 'no'],
			{ stdio: ['ignore', out, out] },
		);
		fs.closeSync(out);
		track(server);
		await waitFor(() => server.ping(), { timeoutMs: 30_000, intervalMs: 200, message: `redis-server on port ${server.port}`, describe: () => tailFile(server.logFile, 20) });
		return server;
	}

	private async ping(): Promise<boolean> {
		if (this.child?.exitCode !== null && this.child?.exitCode !== undefined) throw new Error(`redis-server exited ${this.child.exitCode}`);
		return (await this.command('PING').catch(() => null)) === 'PONG';
	}

	/** One command on a fresh connection (after AUTH): its reply as text, a number, or null (nil). */
	async command(...args: string[]): Promise<string | number | null> {
		const net = await import('node:net');
		const encode = (parts: string[]) => `*${parts.length}\r\n${parts.map((p) => `$${Buffer.byteLength(p)}\r\n${p}\r\n`).join('')}`;
		return new Promise((resolve, reject) => {
			const socket = net.connect(this.port, this.host);
			let text = '';
			socket.setTimeout(5000, () => socket.destroy(new Error(`redis ${args[0]}: no answer`)));
			socket.on('error', reject);
			socket.on('data', (d) => {
				text += d;
				// AUTH's "+OK", then the command's one reply: +text, -error, :integer, $length text, or $-1 (nil).
				const reply = /^\+OK\r\n([+\-:$])(-?\d+|[^\r]*)\r\n(?:([^\r]*)\r\n)?/.exec(text);
				if (!reply || (reply[1] === '$' && reply[2] !== '-1' && reply[3] === undefined)) return;
				socket.end();
				if (reply[1] === '-') reject(new Error(`redis ${args[0]}: ${reply[2]}`));
				else if (reply[1] === ':') resolve(Number(reply[2]));
				else if (reply[1] === '$') resolve(reply[2] === '-1' ? null : reply[3]!);
				else resolve(reply[2]);
			});
			socket.write(encode(['AUTH', this.password]) + encode(args));
		});
	}

	/** The QUEUE_BULL_REDIS_* variables of every n8n process (main and workers). */
	n8nEnv(): Record<string, string> {
		return {
			QUEUE_BULL_REDIS_HOST: this.host,
			QUEUE_BULL_REDIS_PORT: String(this.port),
			QUEUE_BULL_REDIS_PASSWORD: this.password,
		};
	}

	stopSync(): void {
		running.delete(this);
		const pid = this.child?.pid;
		if (pid && isAlive(pid)) killTree(pid, 'SIGKILL');
	}

	async stop({ keep = process.env.SACS_E2E_KEEP === '1' } = {}): Promise<void> {
		const child = this.child;
		running.delete(this);
		if (child?.pid && child.exitCode === null && child.signalCode === null) {
			child.kill('SIGTERM');
			await waitFor(() => child.exitCode !== null || child.signalCode !== null, { timeoutMs: 10_000, intervalMs: 100, message: 'redis-server to exit' }).catch(() =>
				killTree(child.pid!, 'SIGKILL'),
			);
		}
		if (!keep) fs.rmSync(this.dir, { recursive: true, force: true });
	}
}
