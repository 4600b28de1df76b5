/**
 * The multipart/form-data body (RFC 7578) both services' uploads send, built by hand because community
 * nodes may not depend on form-data. The file's bytes are either a Buffer or a stream that is read
 * only when the body is sent, so a large file never has to sit in memory.
 */
import type { IHttpRequestOptions } from 'n8n-workflow';
import { randomBytes } from 'crypto';

import type { Readable, StreamFrom, UploadSource } from './binaryStream';

export interface MultipartFileHeader {
	/** Form field name, e.g. "file". */
	field: string;
	fileName: string;
	contentType: string;
}

export interface MultipartFile extends MultipartFileHeader {
	data: Buffer;
}

export interface StreamedMultipartFile extends MultipartFileHeader {
	/** Opens the file's bytes; called once each time the body is sent. */
	open: () => Promise<Readable> | Readable;
	/** The file's exact size in bytes, when known: the body then gets a Content-Length. */
	size?: number;
	/** Makes the body stream (Readable.from). */
	streamFrom: StreamFrom;
}

/** A body that can be sent more than once: each `open()` starts again from the first byte. */
export interface MultipartBody {
	/** The Content-Type header to send, with the boundary. */
	contentType: string;
	/** Exact body length in bytes, when the file's size is known. */
	contentLength?: number;
	/** True when the file is read from n8n's binary store as the body is sent. */
	streamed: boolean;
	open: () => Readable | Buffer;
}

/** A header value without line breaks or other control characters, which would end or split the header. */
export function headerSafe(value: string): string {
	return Array.from(value)
		.filter((character) => {
			const code = character.charCodeAt(0);
			return code > 0x1f && code !== 0x7f;
		})
		.join('');
}

/** A quoted-string parameter (RFC 9110 §5.6.4): backslash before `"` and `\`, nothing else changed. */
function quoted(value: string): string {
	return `"${headerSafe(value).replace(/(["\\])/g, '\\$1')}"`;
}

/** The file name as printable ASCII: accents dropped, anything else non-ASCII replaced by "_". */
function asciiFallback(fileName: string): string {
	return fileName
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^\x20-\x7e]/g, '_');
}

/** RFC 5987 ext-value: UTF-8, percent-encoding every byte outside attr-char. */
function extendedValue(value: string): string {
	return `UTF-8''${encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

function fileNameParameters(fileName: string): string {
	const safe = headerSafe(fileName);
	const ascii = asciiFallback(safe);
	if (ascii === safe) return `filename=${quoted(safe)}`;
	// Servers that read filename* get the exact name; the others a readable ASCII one.
	return `filename=${quoted(ascii)}; filename*=${extendedValue(safe)}`;
}

export function newBoundary(): string {
	return `----n8nFormBoundary${randomBytes(12).toString('hex')}`;
}

/** Everything before the file's bytes: the text fields, then the file part's headers. */
function head(fields: Record<string, string | undefined>, file: MultipartFileHeader, boundary: string): Buffer {
	let text = '';
	for (const [name, value] of Object.entries(fields)) {
		if (value === undefined) continue;
		text += `--${boundary}\r\nContent-Disposition: form-data; name=${quoted(name)}\r\n\r\n${value}\r\n`;
	}
	text +=
		`--${boundary}\r\nContent-Disposition: form-data; name=${quoted(file.field)}; ${fileNameParameters(file.fileName)}\r\n` +
		`Content-Type: ${headerSafe(file.contentType) || 'application/octet-stream'}\r\n\r\n`;
	return Buffer.from(text, 'utf8');
}

const tail = (boundary: string) => Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8');
const contentTypeOf = (boundary: string) => `multipart/form-data; boundary=${boundary}`;

/** The whole body in one Buffer, for a file that is already in memory. */
export function buildMultipart(
	fields: Record<string, string | undefined>,
	file: MultipartFile,
	boundary = newBoundary(),
): { body: Buffer; contentType: string } {
	return {
		body: Buffer.concat([head(fields, file, boundary), file.data, tail(boundary)]),
		contentType: contentTypeOf(boundary),
	};
}

/**
 * A body whose file part is streamed: header bytes, the file as it is read, the closing boundary.
 * Nothing is opened until the body is read, so an unsent body holds no file handle.
 */
export function streamMultipart(
	fields: Record<string, string | undefined>,
	file: StreamedMultipartFile,
	boundary = newBoundary(),
): MultipartBody {
	const before = head(fields, file, boundary);
	const after = tail(boundary);
	async function* bytes(): AsyncGenerator<Buffer> {
		yield before;
		const source = await file.open();
		for await (const chunk of source) yield Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
		yield after;
	}
	return {
		contentType: contentTypeOf(boundary),
		contentLength: file.size === undefined ? undefined : before.length + file.size + after.length,
		streamed: true,
		open: () => file.streamFrom(bytes()),
	};
}

/** A Buffer-built body in the same shape, so a transport sends either the same way. */
export function bufferedMultipart(
	fields: Record<string, string | undefined>,
	file: MultipartFile,
	boundary = newBoundary(),
): MultipartBody {
	const { body, contentType } = buildMultipart(fields, file, boundary);
	return { contentType, contentLength: body.length, streamed: false, open: () => body };
}

/** The upload body for a file, streamed when the source is a stream, one Buffer otherwise. */
export function multipartBody(
	fields: Record<string, string | undefined>,
	file: MultipartFileHeader,
	source: UploadSource,
	boundary = newBoundary(),
): MultipartBody {
	return 'data' in source
		? bufferedMultipart(fields, { ...file, data: source.data }, boundary)
		: streamMultipart(fields, { ...file, ...source }, boundary);
}

/**
 * Puts a multipart body on request options. `body` is opened afresh each time it is read, so a retry
 * or n8n's resend after re-authenticating sends the whole file again, never a used-up stream.
 */
export function withMultipartBody(options: IHttpRequestOptions, multipart: MultipartBody): IHttpRequestOptions {
	options.json = false;
	options.headers = {
		...(options.headers ?? {}),
		'Content-Type': multipart.contentType,
		...(multipart.contentLength === undefined ? {} : { 'Content-Length': String(multipart.contentLength) }),
	};
	Object.defineProperty(options, 'body', { get: () => multipart.open(), enumerable: true, configurable: true });
	return options;
}
