/* eslint-disable @n8n/community-nodes/no-restricted-imports -- runs in Node, never in n8n (eslint.dev.config.mjs) */
import { Readable } from 'stream';

import { buildMultipart, multipartBody, streamMultipart } from '../../../nodes/shared/multipart';
import { multipartBoundary, parseMultipart as parseCaseStatus } from '../../../simulators/casestatus/multipart';
import { parseMultipart as parseSmartAdvocate } from '../../../simulators/smartadvocate/multipart';

const data = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x0d, 0x0a, 0x2d, 0x2d]);

/** The header lines of the file part, exactly as a server reads them. */
function fileHeaderLines(body: Buffer): string[] {
	const text = body.toString('latin1');
	const start = text.lastIndexOf('Content-Disposition: form-data; name="file"');
	return text.slice(start, text.indexOf('\r\n\r\n', start)).split('\r\n');
}

/** Both simulators' readers, which follow what SmartAdvocate (ASP.NET) and Case Status servers accept. */
function fileNameAsRead(body: Buffer, contentType: string): { sa?: string; cs?: string } {
	const sa = parseSmartAdvocate(body, contentType)!.find((p) => p.name === 'file');
	const cs = parseCaseStatus(body, multipartBoundary(contentType)!).find((p) => p.name === 'file');
	return { sa: sa?.filename, cs: cs?.filename };
}

describe('the multipart body both services upload with', () => {
	it('splits back into the same fields and the same bytes', () => {
		const { body, contentType } = buildMultipart(
			{ documentName: 'Police Report.pdf', folder: 'Case Documents', description: undefined },
			{ field: 'file', fileName: 'Police Report.pdf', contentType: 'application/pdf', data },
		);
		expect(contentType).toMatch(/^multipart\/form-data; boundary=\S+$/);
		const parts = parseSmartAdvocate(body, contentType)!;
		expect(parts.map((p) => p.name)).toEqual(['documentName', 'folder', 'file']);
		expect(parts[2]).toMatchObject({ filename: 'Police Report.pdf', contentType: 'application/pdf' });
		expect(parts[2].data.equals(data)).toBe(true);
	});

	it('cannot be given an extra header through a file name or MIME type with line breaks', () => {
		const { body } = buildMultipart(
			{},
			{ field: 'file', fileName: 'bill.pdf\r\nX-Injected: name', contentType: 'application/pdf\r\nX-Injected: type', data },
		);
		const lines = fileHeaderLines(body);
		expect(lines).toHaveLength(2);
		expect(lines.some((l) => /^x-injected/i.test(l))).toBe(false);
		expect(lines[0]).toBe('Content-Disposition: form-data; name="file"; filename="bill.pdfX-Injected: name"');
	});

	it('sends a non-ASCII name exactly in filename* and readably in filename', () => {
		const { body, contentType } = buildMultipart({}, { field: 'file', fileName: 'Résumé – Müller.pdf', contentType: 'application/pdf', data });
		const [disposition] = fileHeaderLines(body);
		expect(disposition).toContain(`filename="Resume _ Muller.pdf"`);
		expect(disposition).toContain(`filename*=UTF-8''R%C3%A9sum%C3%A9%20%E2%80%93%20M%C3%BCller.pdf`);
		expect(fileNameAsRead(body, contentType)).toEqual({ sa: 'Résumé – Müller.pdf', cs: 'Résumé – Müller.pdf' });
	});

	it('escapes quotes and backslashes one way, so servers read the name unchanged', () => {
		const fileName = 'Letter "final" C:\\scan.pdf';
		const { body, contentType } = buildMultipart({}, { field: 'file', fileName, contentType: 'application/pdf', data });
		expect(fileHeaderLines(body)[0]).toContain('filename="Letter \\"final\\" C:\\\\scan.pdf"');
		expect(fileNameAsRead(body, contentType)).toEqual({ sa: fileName, cs: fileName });
	});

	it('streams the file between the same head and tail a buffered body has, with its exact length', async () => {
		const fields = { case_id: '90001' };
		const file = { field: 'file', fileName: 'scan.bin', contentType: 'application/octet-stream' };
		const buffered = buildMultipart(fields, { ...file, data }, 'XYZ');
		let opened = 0;
		const open = () => (opened++, Readable.from([data.subarray(0, 3), data.subarray(3)]));
		const streamed = streamMultipart(fields, { ...file, size: data.length, open, streamFrom: (chunks) => Readable.from(chunks) }, 'XYZ');
		expect(opened).toBe(0);
		const first = Buffer.concat(await (streamed.open() as Readable).toArray());
		const second = Buffer.concat(await (streamed.open() as Readable).toArray());
		expect(first.equals(buffered.body)).toBe(true);
		expect(second.equals(buffered.body)).toBe(true);
		expect(opened).toBe(2);
		expect(streamed.contentLength).toBe(buffered.body.length);
		expect(multipartBody(fields, file, { data, size: data.length }, 'XYZ').open()).toEqual(buffered.body);
	});
});
