/* eslint-disable @n8n/community-nodes/no-restricted-imports -- runs in Node, never in n8n (eslint.dev.config.mjs) */
/**
 * The file host: a second origin serving file bytes at signed, expiring URLs, the way Case Status hands out
 * storage links in `/v1/api/files` `url`. Like a pre-signed storage URL it answers 403 to a request that
 * carries an `Authorization` header (a client must never send its API key here) and to a bad or expired
 * signature; errors are XML, as storage services write them. Every request is recorded for tests.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { nowMs, type CsContext, type FileHostRequest } from './context';
import type { CsFile } from './state';

export interface RunningFileHost {
	url: string;
	port: number;
	/** The same array as the context's `fileHostRequests`: every request, oldest first. */
	requests: FileHostRequest[];
	close(): Promise<void>;
}

const pathOf = (file: Pick<CsFile, 'id' | 'file_name'>) => `/files/${file.id}/${encodeURIComponent(file.file_name)}`;

function sign(secret: Buffer, fileId: number, fileName: string, expires: number): string {
	return createHmac('sha256', secret).update(`GET\n${fileId}\n${fileName}\n${expires}`).digest('hex');
}

/** A download URL for the file, valid for `fileUrlTtlSeconds` from the simulator's "now". */
export function signedFileUrl(ctx: CsContext, file: Pick<CsFile, 'id' | 'file_name'>): string {
	const expires = Math.floor(nowMs(ctx) / 1000) + ctx.settings.fileUrlTtlSeconds;
	const signature = sign(ctx.secret, file.id, file.file_name, expires);
	return `${ctx.fileHostUrl}${pathOf(file)}?expires=${expires}&signature=${signature}`;
}

const xmlEscape = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

function xmlError(status: number, code: string, message: string) {
	const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${xmlEscape(message)}</Message></Error>`;
	return { status, headers: { 'content-type': 'application/xml' }, body: Buffer.from(body) };
}

interface Answer {
	status: number;
	headers: Record<string, string>;
	body: Buffer;
}

function contentDisposition(fileName: string): string {
	const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
	return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

function answer(ctx: CsContext, req: http.IncomingMessage, url: URL): Answer {
	if (req.headers.authorization !== undefined) {
		return xmlError(403, 'AccessDenied', 'Only one auth mechanism allowed: this URL is signed, send no Authorization header.');
	}
	const method = (req.method ?? 'GET').toUpperCase();
	if (method !== 'GET' && method !== 'HEAD') return xmlError(405, 'MethodNotAllowed', 'The specified method is not allowed.');
	const match = /^\/files\/(\d+)\/([^/]+)$/.exec(url.pathname);
	const expiresText = url.searchParams.get('expires');
	const signature = url.searchParams.get('signature');
	if (!match || !expiresText || !/^\d+$/.test(expiresText) || !signature) {
		return xmlError(403, 'AccessDenied', 'Query-string authentication requires the expires and signature parameters.');
	}
	let fileName: string;
	try {
		fileName = decodeURIComponent(match[2]);
	} catch {
		return xmlError(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
	}
	const fileId = Number(match[1]);
	const expires = Number(expiresText);
	const expected = Buffer.from(sign(ctx.secret, fileId, fileName, expires));
	const given = Buffer.from(signature);
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
		return xmlError(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
	}
	if (nowMs(ctx) > expires * 1000) return xmlError(403, 'AccessDenied', 'Request has expired');
	const file = ctx.state.files.get(fileId);
	if (!file || file.file_name !== fileName) return xmlError(404, 'NoSuchKey', 'The specified key does not exist.');
	return {
		status: 200,
		headers: {
			'content-type': file.content_type,
			'content-disposition': contentDisposition(file.file_name),
			etag: `"${createHash('md5').update(file.bytes).digest('hex')}"`,
			'last-modified': new Date(file.updated_at).toUTCString(),
		},
		body: file.bytes,
	};
}

/** Starts the file host on 127.0.0.1 (port 0 = any free port) and points the context's URLs at it. */
export async function startFileHost(ctx: CsContext, port = 0): Promise<RunningFileHost> {
	const server = http.createServer((req, res) => {
		req.resume();
		req.on('end', () => {
			const url = new URL(req.url ?? '/', 'http://127.0.0.1');
			const result = answer(ctx, req, url);
			ctx.fileHostRequests.push({
				at: new Date().toISOString(),
				method: (req.method ?? 'GET').toUpperCase(),
				path: url.pathname,
				query: Object.fromEntries(url.searchParams),
				status: result.status,
				hadAuthorization: req.headers.authorization !== undefined,
			});
			res.writeHead(result.status, { ...result.headers, 'content-length': String(result.body.length) });
			res.end(req.method === 'HEAD' ? undefined : result.body);
		});
	});
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	const actualPort = (server.address() as AddressInfo).port;
	ctx.fileHostUrl = `http://127.0.0.1:${actualPort}`;
	return {
		url: ctx.fileHostUrl,
		port: actualPort,
		requests: ctx.fileHostRequests,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
