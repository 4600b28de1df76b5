/**
 * A multipart/form-data body built by hand: n8n Cloud allows no `form-data` dependency, and a
 * Buffer is what every n8n version sends unchanged.
 */
export interface MultipartFile {
	field: string;
	fileName: string;
	contentType: string;
	content: Buffer;
}

/** Quotes a header parameter value; CR, LF and quotes would end the header early. */
function quoted(value: string): string {
	return `"${value.replace(/[\r\n]+/g, ' ').replace(/"/g, '%22')}"`;
}

export function buildMultipartBody(
	fields: Record<string, string>,
	file: MultipartFile,
	boundary: string,
): { body: Buffer; contentType: string } {
	const parts: Buffer[] = [];
	for (const [name, value] of Object.entries(fields)) {
		parts.push(
			Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name=${quoted(name)}\r\n\r\n${value}\r\n`, 'utf8'),
		);
	}
	parts.push(
		Buffer.from(
			`--${boundary}\r\nContent-Disposition: form-data; name=${quoted(file.field)}; filename=${quoted(file.fileName)}\r\n` +
				`Content-Type: ${file.contentType}\r\n\r\n`,
			'utf8',
		),
		file.content,
		Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8'),
	);
	return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
