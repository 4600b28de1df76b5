/* eslint-disable @n8n/community-nodes/require-node-api-error -- runs in Node, never in n8n (eslint.dev.config.mjs) */
/**
 * A small `multipart/form-data` parser (RFC 7578), enough for what HTTP clients send: the boundary from the
 * Content-Type (quoted or not), CRLF line breaks, `name`/`filename` (quoted, or RFC 5987 `filename*`), a
 * part's own Content-Type. Bodies are kept as bytes, so binary files survive untouched.
 */

export interface MultipartPart {
	name: string;
	/** Present for file parts. */
	filename?: string;
	/** The part's Content-Type header, if it sent one. */
	contentType?: string;
	data: Buffer;
}

export class MultipartError extends Error {}

/** The boundary of a multipart/form-data Content-Type, or null when the header is something else. */
export function multipartBoundary(contentType: string | undefined): string | null {
	if (!contentType || !/^\s*multipart\/form-data\s*(;|$)/i.test(contentType)) return null;
	const match = /;\s*boundary\s*=\s*(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
	const boundary = match?.[1] ?? match?.[2];
	if (!boundary) throw new MultipartError('multipart/form-data without a boundary');
	return boundary;
}

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');

/** Header parameters, e.g. `form-data; name="file"; filename="a b.pdf"` → {name, filename}. */
function headerParams(value: string): Record<string, string> {
	const params: Record<string, string> = {};
	const re = /;\s*([\w*-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g;
	let match: RegExpExecArray | null;
	while ((match = re.exec(value))) {
		const key = match[1].toLowerCase();
		const raw = match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : match[3].trim();
		if (key.endsWith('*')) {
			const ext = /^([\w-]*)'[\w-]*'(.*)$/.exec(raw);
			try {
				params[key.slice(0, -1)] = ext ? decodeURIComponent(ext[2]) : raw;
			} catch {
				throw new MultipartError(`Bad ${key} parameter`);
			}
		} else if (!(key in params)) {
			params[key] = raw;
		}
	}
	return params;
}

function parsePart(chunk: Buffer): MultipartPart {
	const end = chunk.indexOf(HEADER_END);
	if (end < 0) throw new MultipartError('A part has no header section');
	const headers: Record<string, string> = {};
	for (const line of chunk.subarray(0, end).toString('utf8').split('\r\n')) {
		const colon = line.indexOf(':');
		if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
	}
	const disposition = headers['content-disposition'];
	if (!disposition || !/^form-data\b/i.test(disposition)) throw new MultipartError('A part is not form-data');
	const params = headerParams(disposition);
	if (params.name === undefined) throw new MultipartError('A part has no name');
	return {
		name: params.name,
		filename: params.filename,
		contentType: headers['content-type'],
		data: Buffer.from(chunk.subarray(end + HEADER_END.length)),
	};
}

/** Splits a body into its parts, in order. Throws MultipartError on anything malformed. */
export function parseMultipart(body: Buffer, boundary: string): MultipartPart[] {
	const delimiter = Buffer.from(`--${boundary}`);
	let position = body.indexOf(delimiter);
	if (position < 0) throw new MultipartError('The body does not contain the boundary');
	const parts: MultipartPart[] = [];
	for (;;) {
		let start = position + delimiter.length;
		if (body.subarray(start, start + 2).toString() === '--') return parts;
		// Transport padding after the boundary, then CRLF.
		while (body[start] === 0x20 || body[start] === 0x09) start++;
		if (!body.subarray(start, start + 2).equals(CRLF)) throw new MultipartError('Malformed boundary line');
		start += 2;
		const next = body.indexOf(Buffer.concat([CRLF, delimiter]), start);
		if (next < 0) throw new MultipartError('The body ends before the closing boundary');
		parts.push(parsePart(body.subarray(start, next)));
		position = next + CRLF.length;
	}
}
