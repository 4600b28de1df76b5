/**
 * A small multipart/form-data reader (RFC 7578), enough for document uploads: named fields, files with a
 * filename (plain or RFC 5987 `filename*`) and their own Content-Type. Returns null when the body is malformed.
 */

export interface MultipartPart {
	name: string;
	/** Set for file parts. */
	filename?: string;
	contentType?: string;
	data: Buffer;
}

export function boundaryOf(contentType: string | undefined): string | null {
	if (!contentType || !/^multipart\/form-data\b/i.test(contentType)) return null;
	const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
	return match ? (match[1] ?? match[2]) : null;
}

/** Reads `key=value` / `key="quoted \"value\""` pairs of a header such as Content-Disposition. */
function headerParams(value: string): Map<string, string> {
	const params = new Map<string, string>();
	const re = /;\s*([^=;\s]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g;
	let m: RegExpExecArray | null;
	while ((m = re.exec(value))) {
		const raw = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3].trim();
		params.set(m[1].toLowerCase(), raw);
	}
	return params;
}

function decodeExtended(value: string): string | undefined {
	const m = /^([\w!#$%&+^`{}~-]+)'[^']*'(.*)$/.exec(value);
	if (!m) return undefined;
	try {
		if (m[1].toLowerCase() === 'utf-8') return decodeURIComponent(m[2]);
		return m[2].replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
	} catch {
		return undefined;
	}
}

export function parseMultipart(body: Buffer, contentType: string | undefined): MultipartPart[] | null {
	const boundary = boundaryOf(contentType);
	if (!boundary) return null;
	const delimiter = Buffer.from(`--${boundary}`);
	const parts: MultipartPart[] = [];
	let pos = body.indexOf(delimiter);
	if (pos === -1) return null;
	for (;;) {
		pos += delimiter.length;
		if (body.subarray(pos, pos + 2).toString() === '--') return parts;
		if (body.subarray(pos, pos + 2).toString() !== '\r\n') return null;
		pos += 2;
		const headerEnd = body.indexOf('\r\n\r\n', pos);
		if (headerEnd === -1) return null;
		const headers = new Map<string, string>();
		for (const line of body.subarray(pos, headerEnd).toString('utf8').split('\r\n')) {
			const colon = line.indexOf(':');
			if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
		}
		const dataStart = headerEnd + 4;
		const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), dataStart);
		if (next === -1) return null;
		const disposition = headers.get('content-disposition') ?? '';
		if (!/^form-data\b/i.test(disposition)) return null;
		const params = headerParams(disposition);
		const name = params.get('name');
		if (name === undefined) return null;
		const extended = params.get('filename*');
		const filename = (extended !== undefined ? decodeExtended(extended) : undefined) ?? params.get('filename');
		parts.push({
			name,
			...(filename !== undefined ? { filename } : {}),
			...(headers.has('content-type') ? { contentType: headers.get('content-type') } : {}),
			data: body.subarray(dataStart, next),
		});
		pos = next + 2;
	}
}
