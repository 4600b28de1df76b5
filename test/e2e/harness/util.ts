/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error -- runs in Node, never in n8n (eslint.dev.config.mjs) */
/** Small helpers for the real-n8n harness: ports, polling, log tails, process trees, a local hit server. */
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';

export interface WaitForOptions {
	/** Give up after this long (default 30 s). */
	timeoutMs?: number;
	/** Poll interval (default 200 ms). */
	intervalMs?: number;
	/** What we were waiting for, for the timeout message. */
	message?: string;
	/** Extra text appended to the timeout error (e.g. a log tail); evaluated only on timeout. */
	describe?: () => string;
}

/** Thrown by a waitFor condition to stop waiting at once (e.g. the process being waited on exited). */
export class WaitAbort extends Error {}

/**
 * Polls `condition` until it returns a truthy value (which is returned) or the timeout passes.
 * Errors thrown by the condition count as "not yet" (the last one is reported on timeout), except WaitAbort.
 */
export async function waitFor<T>(
	condition: () => T | Promise<T>,
	{ timeoutMs = 30_000, intervalMs = 200, message = 'condition', describe }: WaitForOptions = {},
): Promise<NonNullable<T>> {
	const deadline = Date.now() + timeoutMs;
	let lastError: unknown;
	for (;;) {
		try {
			const value = await condition();
			if (value) return value as NonNullable<T>;
		} catch (error) {
			if (error instanceof WaitAbort) throw error;
			lastError = error;
		}
		if (Date.now() >= deadline) {
			const why = lastError ? ` (last error: ${(lastError as Error)?.message ?? String(lastError)})` : '';
			const extra = describe ? `\n${describe()}` : '';
			throw new Error(`Timed out after ${timeoutMs} ms waiting for ${message}${why}${extra}`);
		}
		await new Promise((r) => setTimeout(r, intervalMs));
	}
}

/**
 * Where ports for n8n come from: below Linux's ephemeral range (32768–60999), so an outgoing connection never
 * takes a port between our check and n8n's bind; and a separate half per n8n version, because `npm test` runs
 * the two versions' e2e side by side in two processes.
 */
function portRange(): [number, number] {
	const only = process.env.SACS_E2E_VERSIONS?.trim();
	if (only === '2') return [20000, 25999];
	if (only === '1') return [26000, 31999];
	return [20000, 31999];
}

const isFree = (port: number) =>
	new Promise<boolean>((resolve) => {
		const srv = net.createServer();
		srv.unref();
		srv.once('error', () => resolve(false));
		srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
	});

/** A TCP port that was free on 127.0.0.1 a moment ago (ports handed out here are never reused in-process). */
const handedOut = new Set<number>();
export async function freePort(): Promise<number> {
	const [low, high] = portRange();
	for (let attempt = 0; attempt < 200; attempt++) {
		const port = low + Math.floor(Math.random() * (high - low + 1));
		if (!handedOut.has(port) && (await isFree(port))) {
			handedOut.add(port);
			return port;
		}
	}
	throw new Error(`could not find a free port in ${low}–${high}`);
}

/** The last `lines` lines of a text file ('' if missing). */
export function tailFile(file: string, lines = 60): string {
	try {
		const text = fs.readFileSync(file, 'utf8');
		return text.split('\n').slice(-lines - 1).join('\n');
	} catch {
		return '';
	}
}

export function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** All descendants of `pid` (Linux /proc), deepest last. Used to make sure task-runner children die too. */
export function descendants(pid: number): number[] {
	const children = new Map<number, number[]>();
	let entries: string[] = [];
	try {
		entries = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d));
	} catch {
		return [];
	}
	for (const d of entries) {
		try {
			const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
			// "pid (comm) state ppid ..." — comm may contain spaces/parens, so split after the last ')'.
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			if (!children.has(ppid)) children.set(ppid, []);
			children.get(ppid)!.push(Number(d));
		} catch {
			/* process went away */
		}
	}
	const out: number[] = [];
	const queue = [pid];
	while (queue.length) {
		for (const c of children.get(queue.shift()!) ?? []) {
			out.push(c);
			queue.push(c);
		}
	}
	return out;
}

export function killTree(pid: number, signal: NodeJS.Signals): void {
	for (const p of [pid, ...descendants(pid)]) {
		try {
			process.kill(p, signal);
		} catch {
			/* already gone */
		}
	}
}

export interface Hit {
	method: string;
	path: string;
	headers: http.IncomingHttpHeaders;
	body: string;
	at: number;
}

export interface HitServer {
	readonly port: number;
	/** http://127.0.0.1:<port> */
	readonly url: string;
	readonly hits: Hit[];
	/** Resolves with the first hit (since the server started) whose path starts with `pathPrefix`. */
	waitForHit(pathPrefix: string, opts?: WaitForOptions): Promise<Hit>;
	close(): Promise<void>;
}

export type HitHandler = (hit: Hit) => { status?: number; json?: unknown } | undefined;

/**
 * A tiny HTTP server on 127.0.0.1 that records every request and answers JSON
 * `{ ok: true, path, hit: n }` unless `handler` returns something else.
 */
export async function startHitServer(handler?: HitHandler): Promise<HitServer> {
	const hits: Hit[] = [];
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const hit: Hit = {
				method: req.method ?? 'GET',
				path: req.url ?? '/',
				headers: req.headers,
				body: Buffer.concat(chunks).toString('utf8'),
				at: Date.now(),
			};
			hits.push(hit);
			const answer = handler?.(hit) ?? { json: { ok: true, path: hit.path, hit: hits.length } };
			res.statusCode = answer.status ?? 200;
			res.setHeader('content-type', 'application/json');
			res.end(JSON.stringify(answer.json ?? {}));
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolve());
	});
	const { port } = server.address() as net.AddressInfo;
	return {
		port,
		url: `http://127.0.0.1:${port}`,
		hits,
		waitForHit: (pathPrefix, opts) =>
			waitFor(() => hits.find((h) => h.path.startsWith(pathPrefix)), {
				message: `a request to ${pathPrefix} on the hit server`,
				...opts,
			}),
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections?.();
				server.close(() => resolve());
			}),
	};
}
