/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-imports -- runs in Node, never in n8n (eslint.dev.config.mjs) */
/**
 * A throw-away Redis on loopback for the relays' overlap guard (the lease key), started from the system's
 * `redis-server` with nothing persisted; stopped by PID.
 */
import { spawn, spawnSync } from 'node:child_process';

import { freePort, waitFor } from '../harness';

export interface LocalRedis {
	port: number;
	stop(): Promise<void>;
}

export function redisServerAvailable(): boolean {
	return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

export async function startRedis(): Promise<LocalRedis> {
	const port = await freePort();
	const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout!.on('data', (d: Buffer) => (output += d));
	child.stderr!.on('data', (d: Buffer) => (output += d));
	await waitFor(() => /Ready to accept connections/.test(output) || child.exitCode !== null, {
		timeoutMs: 20_000,
		intervalMs: 100,
		message: `redis-server on port ${port}`,
	});
	if (child.exitCode !== null) throw new Error(`redis-server exited ${child.exitCode}:\n${output}`);
	return {
		port,
		async stop() {
			if (child.exitCode !== null) return;
			const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
			child.kill('SIGTERM');
			await closed;
		},
	};
}
