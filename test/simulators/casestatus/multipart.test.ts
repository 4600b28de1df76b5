import { MultipartError, multipartBoundary, parseMultipart } from '../../../simulators/casestatus/multipart';

const CRLF = '\r\n';
const body = (boundary: string, parts: string[]) => Buffer.from(parts.map((p) => `--${boundary}${CRLF}${p}${CRLF}`).join('') + `--${boundary}--${CRLF}`, 'latin1');

describe('multipart/form-data parser', () => {
	it('reads the boundary, quoted or not, and only from multipart/form-data', () => {
		expect(multipartBoundary('multipart/form-data; boundary=abc')).toBe('abc');
		expect(multipartBoundary('Multipart/Form-Data; charset=utf-8; boundary="a b:c"')).toBe('a b:c');
		expect(multipartBoundary('application/json')).toBeNull();
		expect(multipartBoundary(undefined)).toBeNull();
		expect(() => multipartBoundary('multipart/form-data')).toThrow(MultipartError);
	});

	it('splits fields and files, keeping binary content exactly', () => {
		const binary = Buffer.from([0, 255, 13, 10, 45, 45, 98, 13, 10]);
		const raw = Buffer.concat([
			Buffer.from(`--XyZ${CRLF}Content-Disposition: form-data; name="case_id"${CRLF}${CRLF}7001${CRLF}`),
			Buffer.from(`--XyZ${CRLF}Content-Disposition: form-data; name="file"; filename="a \\"q\\".pdf"${CRLF}Content-Type: application/pdf${CRLF}${CRLF}`),
			binary,
			Buffer.from(`${CRLF}--XyZ--${CRLF}`),
		]);
		const parts = parseMultipart(raw, 'XyZ');
		expect(parts.map((p) => [p.name, p.filename, p.contentType])).toEqual([
			['case_id', undefined, undefined],
			['file', 'a "q".pdf', 'application/pdf'],
		]);
		expect(parts[0].data.toString()).toBe('7001');
		expect(parts[1].data.equals(binary)).toBe(true);
	});

	it('prefers an RFC 5987 filename* and accepts an empty file', () => {
		const parts = parseMultipart(
			body('b', [`Content-Disposition: form-data; name="file"; filename="fallback.txt"; filename*=UTF-8''R%C3%A9sum%C3%A9.txt${CRLF}${CRLF}`]),
			'b',
		);
		expect(parts[0].filename).toBe('Résumé.txt');
		expect(parts[0].data.length).toBe(0);
	});

	it('refuses bodies without the boundary, without a closing boundary, or with parts that are not form-data', () => {
		expect(() => parseMultipart(Buffer.from('hello'), 'b')).toThrow('does not contain the boundary');
		expect(() => parseMultipart(Buffer.from(`--b${CRLF}Content-Disposition: form-data; name="a"${CRLF}${CRLF}1`), 'b')).toThrow('ends before');
		expect(() => parseMultipart(body('b', [`Content-Type: text/plain${CRLF}${CRLF}x`]), 'b')).toThrow('not form-data');
		expect(() => parseMultipart(body('b', [`Content-Disposition: form-data${CRLF}${CRLF}x`]), 'b')).toThrow('no name');
		expect(() => parseMultipart(Buffer.from(`--bjunk${CRLF}`), 'b')).toThrow('Malformed boundary line');
	});

	it('answers an empty form with no parts', () => {
		expect(parseMultipart(Buffer.from(`--b--${CRLF}`), 'b')).toEqual([]);
	});
});
