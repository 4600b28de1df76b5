/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error, no-console -- runs in Node, never in n8n (eslint.dev.config.mjs) */
/**
 * A tiny HTTP toolkit shared by both simulators: route matching, request parsing, the admin API
 * (reset, seed, state, request log, counters, faults, latency, outage, clock) and start/stop.
 * Each simulator supplies its routes and its state; everything about "being a test double" lives here.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SimRequest {
	method: string;
	/** Path without the query string, as sent. */
	path: string;
	/** Values of `{name}` placeholders in the matched route. */
	params: Record<string, string>;
	/** Query parameters; `get` is case-insensitive when the simulator says so. */
	query: QueryParams;
	headers: http.IncomingHttpHeaders;
	rawBody: Buffer;
	/** The parsed JSON body (undefined when the body is empty). Throws a 400 SimError when not JSON. */
	json(): unknown;
	/** The route pattern that matched, e.g. "GET /CaseSyncAPI/case/{caseID}". */
	routeKey: string;
}

export interface SimResponse {
	status: number;
	headers?: Record<string, string>;
	/** Objects and arrays are sent as JSON; Buffers and strings as they are. */
	body?: unknown;
}

export type RouteHandler = (req: SimRequest) => SimResponse | Promise<SimResponse>;

export interface Route {
	method: string;
	/** e.g. "/CaseSyncAPI/case/{caseID}/notes" */
	pattern: string;
	handler: RouteHandler;
}

/** Thrown by handlers to answer with a given status and body. */
export class SimError extends Error {
	constructor(
		public readonly status: number,
		public readonly body?: unknown,
		public readonly headers?: Record<string, string>,
	) {
		super(`simulated ${status}`);
	}
}

export class QueryParams {
	private readonly entries: [string, string][];
	constructor(
		search: URLSearchParams,
		private readonly caseInsensitive: boolean,
	) {
		this.entries = [...search.entries()];
	}
	get(name: string): string | undefined {
		const match = this.entries.find(([key]) => this.sameName(key, name));
		return match?.[1];
	}
	getAll(name: string): string[] {
		return this.entries.filter(([key]) => this.sameName(key, name)).map(([, value]) => value);
	}
	toObject(): Record<string, string> {
		return Object.fromEntries(this.entries);
	}
	/** The same query without the given parameters (a server that ignores them). */
	without(names: readonly string[]): QueryParams {
		const kept = this.entries.filter(([key]) => !names.some((name) => this.sameName(key, name)));
		return new QueryParams(new URLSearchParams(kept), this.caseInsensitive);
	}
	private sameName(a: string, b: string) {
		return this.caseInsensitive ? a.toLowerCase() === b.toLowerCase() : a === b;
	}
}

export interface Fault {
	/** Matches when the route key (e.g. "GET /v1/api/messages") or the request path contains this text; empty = any route. */
	route?: string;
	method?: string;
	status: number;
	/** How many matching calls fail; then the fault is gone. */
	count: number;
	body?: unknown;
	/** Seconds, sent as the Retry-After header (typically with 429). */
	retryAfter?: number;
}

/** The next `count` matching calls answer with a redirect instead (to test where credentials go). */
export interface RedirectRule {
	/** Matched like a fault's route; empty = any API route. */
	route?: string;
	method?: string;
	/** Absolute (another origin) or relative (this one) target. */
	location: string;
	/** 301, 302, 303, 307 or 308; default 302. */
	status?: number;
	/** Append the called path and query to `location` (a proxy or CDN that mirrors the API). */
	appendPath?: boolean;
	count: number;
}

/** The next `count` matching calls get no answer at all: the socket stays open, as with a hung server. */
export interface HangRule {
	route?: string;
	method?: string;
	count: number;
}

export interface LoggedRequest {
	at: string;
	method: string;
	path: string;
	query: Record<string, string>;
	routeKey: string | null;
	/** The answer's status; 0 for a call left hanging. */
	status: number;
	/** Whether an Authorization header came with the request (its value is never logged). */
	hadAuthorization: boolean;
	contentType: string | null;
	bodyBytes: number;
}

/** Controls "now" for everything a simulator stamps with a time. */
export class SimClock {
	private fixed: number | null = null;
	private offsetMs = 0;
	now(): Date {
		return new Date(this.fixed ?? Date.now() + this.offsetMs);
	}
	set(options: { now?: string | null; offsetMs?: number }) {
		if (options.now !== undefined) this.fixed = options.now === null ? null : Date.parse(options.now);
		if (options.offsetMs !== undefined) this.offsetMs = options.offsetMs;
	}
	reset() {
		this.fixed = null;
		this.offsetMs = 0;
	}
}

/** What a simulator plugs into the shared server. */
export interface SimService {
	name: string;
	routes: Route[];
	/** Whether paths and query names match regardless of case (SmartAdvocate's ASP.NET does; Case Status does not). */
	caseInsensitive: boolean;
	/** Back to the initial seed. */
	reset(): void;
	/** Replace the state with the given seed body (see the simulator's README). */
	loadSeed(body: unknown): void;
	/** The full state, for tests and debugging. */
	dumpState(): unknown;
	/** Service-specific settings (token lifetime, date style, …); returns the settings now in force. */
	configure(body: Record<string, unknown>): Record<string, unknown>;
	/** Extra admin routes under /__admin/ (e.g. inject a client message). */
	adminRoutes?: Route[];
}

export interface RunningSim {
	url: string;
	port: number;
	server: http.Server;
	clock: SimClock;
	requests: LoggedRequest[];
	close(): Promise<void>;
}

interface CompiledRoute extends Route {
	regex: RegExp;
	names: string[];
	key: string;
}

function compile(route: Route, caseInsensitive: boolean): CompiledRoute {
	const names: string[] = [];
	const source = route.pattern
		.split('/')
		.map((segment) => {
			const placeholder = /^\{(\w+)\}$/.exec(segment);
			if (placeholder) {
				names.push(placeholder[1]);
				return '([^/]+)';
			}
			return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		})
		.join('/');
	return {
		...route,
		regex: new RegExp(`^${source}/?$`, caseInsensitive ? 'i' : ''),
		names,
		key: `${route.method} ${route.pattern}`,
	};
}

function sendResponse(res: http.ServerResponse, response: SimResponse) {
	const headers: Record<string, string> = { ...(response.headers ?? {}) };
	let payload: Buffer | undefined;
	if (Buffer.isBuffer(response.body)) {
		payload = response.body;
	} else if (typeof response.body === 'string') {
		payload = Buffer.from(response.body);
		headers['content-type'] ??= 'text/plain; charset=utf-8';
	} else if (response.body !== undefined) {
		payload = Buffer.from(JSON.stringify(response.body));
		headers['content-type'] ??= 'application/json; charset=utf-8';
	}
	headers['content-length'] = String(payload?.length ?? 0);
	res.writeHead(response.status, headers);
	res.end(payload);
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts a simulator on 127.0.0.1 (port 0 = any free port). */
export async function startSim(
	service: SimService,
	options: { port?: number; clock?: SimClock } = {},
): Promise<RunningSim> {
	const clock = options.clock ?? new SimClock();
	const routes = service.routes.map((route) => compile(route, service.caseInsensitive));
	const requests: LoggedRequest[] = [];
	const counters: Record<string, number> = {};
	let faults: Fault[] = [];
	let redirects: RedirectRule[] = [];
	let hangs: HangRule[] = [];
	let latency: { ms: number; route?: string } | null = null;
	let outage = false;

	const adminTable: Route[] = [
		{ method: 'POST', pattern: '/__admin/reset', handler: () => {
			service.reset();
			faults = [];
			redirects = [];
			hangs = [];
			latency = null;
			outage = false;
			clock.reset();
			requests.length = 0;
			for (const key of Object.keys(counters)) delete counters[key];
			return { status: 200, body: { reset: true } };
		} },
		{ method: 'POST', pattern: '/__admin/seed', handler: (req) => {
			service.loadSeed(req.json());
			return { status: 200, body: { seeded: true } };
		} },
		{ method: 'GET', pattern: '/__admin/state', handler: () => ({ status: 200, body: service.dumpState() }) },
		{ method: 'GET', pattern: '/__admin/requests', handler: () => ({ status: 200, body: requests }) },
		{ method: 'DELETE', pattern: '/__admin/requests', handler: () => {
			requests.length = 0;
			for (const key of Object.keys(counters)) delete counters[key];
			return { status: 200, body: { cleared: true } };
		} },
		{ method: 'GET', pattern: '/__admin/counters', handler: () => ({ status: 200, body: counters }) },
		{ method: 'POST', pattern: '/__admin/faults', handler: (req) => {
			const fault = req.json() as Fault;
			if (typeof fault?.status !== 'number') throw new SimError(400, { message: 'status is required' });
			faults.push({ ...fault, count: fault.count ?? 1 });
			return { status: 200, body: { faults } };
		} },
		{ method: 'DELETE', pattern: '/__admin/faults', handler: () => {
			faults = [];
			return { status: 200, body: { faults } };
		} },
		{ method: 'POST', pattern: '/__admin/redirects', handler: (req) => {
			const rule = req.json() as RedirectRule;
			if (typeof rule?.location !== 'string') throw new SimError(400, { message: 'location is required' });
			const status = rule.status ?? 302;
			if (![301, 302, 303, 307, 308].includes(status)) throw new SimError(400, { message: 'status must be 301, 302, 303, 307 or 308' });
			redirects.push({ ...rule, status, count: rule.count ?? 1 });
			return { status: 200, body: { redirects } };
		} },
		{ method: 'DELETE', pattern: '/__admin/redirects', handler: () => {
			redirects = [];
			return { status: 200, body: { redirects } };
		} },
		{ method: 'POST', pattern: '/__admin/hang', handler: (req) => {
			const rule = (req.json() ?? {}) as HangRule;
			hangs.push({ ...rule, count: rule.count ?? 1 });
			return { status: 200, body: { hangs } };
		} },
		{ method: 'DELETE', pattern: '/__admin/hang', handler: () => {
			hangs = [];
			return { status: 200, body: { hangs } };
		} },
		{ method: 'POST', pattern: '/__admin/latency', handler: (req) => {
			const body = (req.json() ?? {}) as { ms?: number; route?: string };
			latency = body.ms ? { ms: body.ms, route: body.route } : null;
			return { status: 200, body: { latency } };
		} },
		{ method: 'POST', pattern: '/__admin/outage', handler: (req) => {
			outage = Boolean((req.json() as { on?: boolean } | undefined)?.on);
			return { status: 200, body: { outage } };
		} },
		{ method: 'POST', pattern: '/__admin/clock', handler: (req) => {
			clock.set((req.json() ?? {}) as { now?: string | null; offsetMs?: number });
			return { status: 200, body: { now: clock.now().toISOString() } };
		} },
		{ method: 'POST', pattern: '/__admin/config', handler: (req) => ({
			status: 200,
			body: service.configure((req.json() ?? {}) as Record<string, unknown>),
		}) },
		...(service.adminRoutes ?? []),
	];
	const adminRoutes = adminTable.map((route) => compile(route, false));

	function logRequest(req: http.IncomingMessage, url: URL, method: string, routeKey: string | null, status: number, rawBody: Buffer) {
		requests.push({
			at: new Date().toISOString(),
			method,
			path: url.pathname,
			query: Object.fromEntries(url.searchParams),
			routeKey,
			status,
			hadAuthorization: req.headers.authorization !== undefined,
			contentType: req.headers['content-type'] ?? null,
			bodyBytes: rawBody.length,
		});
		const counterKey = routeKey ?? `${method} (no route)`;
		counters[counterKey] = (counters[counterKey] ?? 0) + 1;
	}

	const matches = (text: string | undefined, routeKey: string, path: string) =>
		!text || routeKey.includes(text) || path.includes(text);

	const server = http.createServer(async (req, res) => {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const method = (req.method ?? 'GET').toUpperCase();
		const rawBody = await readBody(req);
		const isAdmin = url.pathname.startsWith('/__admin/');
		const table = isAdmin ? adminRoutes : routes;
		let matched: CompiledRoute | undefined;
		let params: Record<string, string> = {};
		for (const route of table) {
			if (route.method !== method) continue;
			const found = route.regex.exec(url.pathname);
			if (!found) continue;
			matched = route;
			params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(found[i + 1])]));
			break;
		}
		const routeKey = matched?.key ?? null;
		const simReq: SimRequest = {
			method,
			path: url.pathname,
			params,
			query: new QueryParams(url.searchParams, service.caseInsensitive && !isAdmin),
			headers: req.headers,
			rawBody,
			routeKey: routeKey ?? `${method} ${url.pathname}`,
			json() {
				if (rawBody.length === 0) return undefined;
				try {
					return JSON.parse(rawBody.toString('utf8'));
				} catch {
					throw new SimError(400, { message: 'The request body is not valid JSON.' });
				}
			},
		};

		let response: SimResponse;
		try {
			if (!isAdmin) {
				if (latency && matches(latency.route, simReq.routeKey, url.pathname)) await wait(latency.ms);
				const hang = hangs.find(
					(h) => h.count > 0 && (!h.method || h.method.toUpperCase() === method) && matches(h.route, simReq.routeKey, url.pathname),
				);
				if (hang) {
					hang.count -= 1;
					hangs = hangs.filter((h) => h.count > 0);
					logRequest(req, url, method, routeKey, 0, rawBody);
					return; // no answer: the client's timeout (or the simulator's close) ends the socket
				}
				const redirect = redirects.find(
					(r) => r.count > 0 && (!r.method || r.method.toUpperCase() === method) && matches(r.route, simReq.routeKey, url.pathname),
				);
				if (redirect) {
					redirect.count -= 1;
					redirects = redirects.filter((r) => r.count > 0);
					const location = redirect.appendPath ? `${redirect.location.replace(/\/+$/, '')}${url.pathname}${url.search}` : redirect.location;
					throw new SimError(redirect.status ?? 302, undefined, { location });
				}
				if (outage) throw new SimError(503, { message: 'Service Unavailable' });
				const fault = faults.find(
					(f) => f.count > 0 && (!f.method || f.method.toUpperCase() === method) && matches(f.route, simReq.routeKey, url.pathname),
				);
				if (fault) {
					fault.count -= 1;
					faults = faults.filter((f) => f.count > 0);
					throw new SimError(
						fault.status,
						fault.body ?? { message: `Injected fault ${fault.status}` },
						fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : undefined,
					);
				}
			}
			if (!matched) throw new SimError(404);
			response = await matched.handler(simReq);
		} catch (error) {
			if (error instanceof SimError) {
				response = { status: error.status, body: error.body, headers: error.headers };
			} else {
				response = { status: 500, body: { message: 'An error has occurred.' } };
				console.error(`[${service.name}]`, error);
			}
		}
		if (!isAdmin) logRequest(req, url, method, routeKey, response.status, rawBody);
		sendResponse(res, response);
	});

	await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
	const port = (server.address() as AddressInfo).port;
	return {
		url: `http://127.0.0.1:${port}`,
		port,
		server,
		clock,
		requests,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
