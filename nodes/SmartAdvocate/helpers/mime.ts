/**
 * The MIME type and file name of a downloaded document. SmartAdvocate usually sends
 * `application/octet-stream`, so the document's own name (its extension) decides, and only when
 * that says nothing are the first bytes sniffed.
 */

const BY_EXTENSION: Record<string, string> = {
	pdf: 'application/pdf',
	png: 'image/png',
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	gif: 'image/gif',
	tif: 'image/tiff',
	tiff: 'image/tiff',
	bmp: 'image/bmp',
	heic: 'image/heic',
	webp: 'image/webp',
	txt: 'text/plain',
	csv: 'text/csv',
	htm: 'text/html',
	html: 'text/html',
	rtf: 'application/rtf',
	xml: 'application/xml',
	json: 'application/json',
	zip: 'application/zip',
	doc: 'application/msword',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	xls: 'application/vnd.ms-excel',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	ppt: 'application/vnd.ms-powerpoint',
	pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
	msg: 'application/vnd.ms-outlook',
	eml: 'message/rfc822',
	mp3: 'audio/mpeg',
	mp4: 'video/mp4',
	wav: 'audio/wav',
};

const GENERIC = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/unknown', 'application/binary']);

export const OCTET_STREAM = 'application/octet-stream';

export function extensionOf(fileName: string | undefined): string {
	const match = /\.([a-z0-9]+)$/i.exec(fileName ?? '');
	return match ? match[1].toLowerCase() : '';
}

export function mimeFromFileName(fileName: string | undefined): string | undefined {
	return BY_EXTENSION[extensionOf(fileName)];
}

/** The usual extension for a MIME type, for naming a file that came without one. */
export function extensionForMime(mimeType: string): string | undefined {
	return Object.keys(BY_EXTENSION).find((extension) => BY_EXTENSION[extension] === mimeType);
}

function startsWith(bytes: Buffer, ...signature: number[]): boolean {
	return bytes.length >= signature.length && signature.every((byte, i) => bytes[i] === byte);
}

function looksLikeText(bytes: Buffer): boolean {
	if (bytes.length === 0) return false;
	const sample = bytes.subarray(0, 4096);
	if (sample.includes(0)) return false;
	const text = sample.toString('utf8');
	// A cut multi-byte character at the end of the sample is fine; replacement characters elsewhere are not.
	const body = text.replace(/\ufffd{1,3}$/, '');
	if (body.includes('\ufffd')) return false;
	let control = 0;
	for (const char of body) {
		const code = char.charCodeAt(0);
		if ((code < 0x20 && !'\t\n\r\f'.includes(char)) || code === 0x7f) control++;
	}
	return control <= body.length / 100;
}

/** The MIME type the first bytes show, or undefined when they are not recognised. */
export function sniffMime(bytes: Buffer): string | undefined {
	if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
	if (startsWith(bytes, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
	if (startsWith(bytes, 0xff, 0xd8, 0xff)) return 'image/jpeg';
	if (startsWith(bytes, 0x47, 0x49, 0x46, 0x38)) return 'image/gif';
	if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) {
		// Office files are zips; the first entries name the kind of document.
		const head = bytes.subarray(0, 8192).toString('latin1');
		if (head.includes('word/')) return BY_EXTENSION.docx;
		if (head.includes('xl/')) return BY_EXTENSION.xlsx;
		if (head.includes('ppt/')) return BY_EXTENSION.pptx;
		return BY_EXTENSION.zip;
	}
	if (looksLikeText(bytes)) return 'text/plain';
	return undefined;
}

/** The file name in a Content-Disposition header (RFC 6266, `filename*` preferred). */
export function fileNameFromDisposition(header: string | undefined): string | undefined {
	if (!header) return undefined;
	const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
	if (extended) {
		try {
			return decodeURIComponent(extended[2].trim().replace(/^"|"$/g, ''));
		} catch {
			// Not valid percent-encoding: fall back to the plain filename parameter.
		}
	}
	const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))/i.exec(header);
	if (!plain) return undefined;
	const name = plain[1] !== undefined ? plain[1].replace(/\\(.)/g, '$1') : plain[2].trim();
	return name || undefined;
}

/**
 * The best MIME type for a download: a specific type the server sent, else the document's own
 * file name, else the bytes themselves, else application/octet-stream.
 */
export function chooseMime(options: { contentType?: string; fileName?: string; bytes: Buffer }): string {
	const sent = (options.contentType ?? '').split(';')[0].trim().toLowerCase();
	if (!GENERIC.has(sent)) return sent;
	return mimeFromFileName(options.fileName) ?? sniffMime(options.bytes) ?? OCTET_STREAM;
}
