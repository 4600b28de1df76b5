import { buildMultipart } from '../../../../nodes/SmartAdvocate/helpers/multipart';
import { parseMultipart } from '../../../../simulators/smartadvocate/multipart';

describe('buildMultipart', () => {
	const data = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x0d, 0x0a, 0x2d, 0x2d]);

	it('builds a body a multipart reader splits back into the same fields and bytes', () => {
		const { body, contentType } = buildMultipart(
			{ documentName: 'Police Report.pdf', folder: 'Case Documents', description: undefined },
			{ field: 'file', fileName: 'Police Report.pdf', contentType: 'application/pdf', data },
		);
		expect(contentType).toMatch(/^multipart\/form-data; boundary=\S+$/);
		const parts = parseMultipart(body, contentType)!;
		expect(parts.map((p) => p.name)).toEqual(['documentName', 'folder', 'file']);
		expect(parts[0].data.toString()).toBe('Police Report.pdf');
		expect(parts[2].filename).toBe('Police Report.pdf');
		expect(parts[2].contentType).toBe('application/pdf');
		expect(Buffer.compare(parts[2].data, data)).toBe(0);
	});

	it('sends non-ASCII file names as filename* with a readable fallback, and cannot be broken by quotes', () => {
		const { body, contentType } = buildMultipart({}, { field: 'file', fileName: 'Résumé "final".pdf', contentType: 'application/pdf', data });
		const head = body.toString('latin1', 0, 400);
		expect(head).toContain(`filename*=UTF-8''R%C3%A9sum%C3%A9%20%22final%22.pdf`);
		expect(head).toContain('filename="R_sum_ \\"final\\".pdf"');
		expect(parseMultipart(body, contentType)![0].filename).toBe('Résumé "final".pdf');
	});
});
