/**
 * A multipart/form-data body (RFC 7578) built as one Buffer, because community nodes may not depend on
 * the form-data package. The file's bytes are referenced, not copied, until the final concat.
 */
import { randomBytes } from 'crypto';

export interface MultipartFile {
	/** Form field name, e.g. "file". */
	field: string;
	fileName: string;
	contentType: string;
	data: Buffer;
}

export interface MultipartBody {
	body: Buffer;
	/** The Content-Type header to send, with the boundary. */
	contentType: string;
}

/** A header parameter value: quotes and line breaks would end the header, so they are replaced. */
function quoted(value: string): string {
	return `"${value.replace(/[\r\n]+/g, ' ').replace(/(["\\])/g, '\\$1')}"`;
}

function fileNameParameters(fileName: string): string {
	const ascii = fileName.replace(/[^\x20-\x7e]/g, '_');
	if (ascii === fileName) return `filename=${quoted(fileName)}`;
	// Non-ASCII names travel in filename* too; servers that only read filename get a readable fallback.
	return `filename=${quoted(ascii)}; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function buildMultipart(fields: Record<string, string | undefined>, file: MultipartFile, boundary?: string): MultipartBody {
	const separator = boundary ?? `----n8nSmartAdvocate${randomBytes(12).toString('hex')}`;
	const chunks: Buffer[] = [];
	for (const [name, value] of Object.entries(fields)) {
		if (value === undefined) continue;
		chunks.push(
			Buffer.from(`--${separator}\r\nContent-Disposition: form-data; name=${quoted(name)}\r\n\r\n${value}\r\n`, 'utf8'),
		);
	}
	chunks.push(
		Buffer.from(
			`--${separator}\r\nContent-Disposition: form-data; name=${quoted(file.field)}; ${fileNameParameters(file.fileName)}\r\n` +
				`Content-Type: ${file.contentType.replace(/[\r\n]/g, '')}\r\n\r\n`,
			'utf8',
		),
		file.data,
		Buffer.from(`\r\n--${separator}--\r\n`, 'utf8'),
	);
	return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${separator}` };
}
