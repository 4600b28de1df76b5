/* eslint-disable @n8n/community-nodes/no-restricted-imports -- runs in Node, never in n8n (eslint.dev.config.mjs) */
/**
 * A second origin for redirect tests: a stand-in for the storage host, CDN or hostile proxy an API
 * route might redirect to. It records every request with the headers it received (so a test can
 * prove no credential arrived) and answers `200 []`, which a list call reads as an empty list.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
	at: string;
	method: string;
	/** Path and query, as sent. */
	url: string;
	/** Every header exactly as received, lower-case names. */
	headers: http.IncomingHttpHeaders;
}

export interface RunningRecorder {
	url: string;
	port: number;
	requests: RecordedRequest[];
	close(): Promise<void>;
}

export async function startHeaderRecorder(options: { port?: number } = {}): Promise<RunningRecorder> {
	const requests: RecordedRequest[] = [];
	const server = http.createServer((req, res) => {
		if (req.url === '/__admin/requests') {
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(JSON.stringify(requests));
			return;
		}
		requests.push({ at: new Date().toISOString(), method: req.method ?? 'GET', url: req.url ?? '/', headers: { ...req.headers } });
		req.resume();
		req.on('end', () => {
			res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
			res.end('[]');
		});
	});
	await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
	const port = (server.address() as AddressInfo).port;
	return {
		url: `http://127.0.0.1:${port}`,
		port,
		requests,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
