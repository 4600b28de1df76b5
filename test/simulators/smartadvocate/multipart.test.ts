import { boundaryOf, parseMultipart } from '../../../simulators/smartadvocate/multipart';

const CT = 'multipart/form-data; boundary=XyZ';

function body(...parts: (string | Buffer)[]) {
	return Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)));
}

describe('multipart/form-data reader', () => {
	it('reads fields and a file with its name, type and exact bytes', () => {
		// Contains a near-miss of the delimiter ("\r\n--XyW") and a CRLF at the end.
		const bytes = Buffer.from([0, 13, 10, 45, 45, 88, 121, 87, 255, 13, 10]);
		const parts = parseMultipart(
			body(
				'--XyZ\r\nContent-Disposition: form-data; name="documentName"\r\n\r\nLetter\r\n',
				'--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a \\"q\\".pdf"\r\nContent-Type: application/pdf\r\n\r\n',
				bytes,
				'\r\n--XyZ--\r\n',
			),
			CT,
		);
		expect(parts).toHaveLength(2);
		expect(parts![0]).toEqual({ name: 'documentName', data: Buffer.from('Letter') });
		expect(parts![1].filename).toBe('a "q".pdf');
		expect(parts![1].contentType).toBe('application/pdf');
		expect(parts![1].data.equals(bytes)).toBe(true);
	});

	it('prefers filename* (RFC 5987) and reads UTF-8 header bytes', () => {
		const parts = parseMultipart(
			body(
				`--XyZ\r\nContent-Disposition: form-data; name="file"; filename="fallback.txt"; filename*=UTF-8''R%C3%A9sum%C3%A9.txt\r\n\r\nx\r\n`,
				'--XyZ\r\nContent-Disposition: form-data; name="file2"; filename="ñandú.txt"\r\n\r\ny\r\n--XyZ--',
			),
			CT,
		);
		expect(parts!.map((p) => p.filename)).toEqual(['Résumé.txt', 'ñandú.txt']);
	});

	it('takes a quoted boundary and an empty part', () => {
		const parts = parseMultipart(body('--a b\r\nContent-Disposition: form-data; name="e"\r\n\r\n\r\n--a b--\r\n'), 'multipart/form-data; boundary="a b"');
		expect(parts).toEqual([{ name: 'e', data: Buffer.alloc(0) }]);
	});

	it('answers null for a body that is not well-formed multipart', () => {
		expect(parseMultipart(body('no boundary here'), CT)).toBeNull();
		expect(parseMultipart(body('--XyZ\r\nContent-Disposition: form-data; name="f"\r\n\r\nunterminated'), CT)).toBeNull();
		expect(parseMultipart(body('--XyZ\r\nContent-Type: text/plain\r\n\r\nx\r\n--XyZ--'), CT)).toBeNull();
		expect(parseMultipart(body('--XyZ--'), 'application/json')).toBeNull();
	});

	it('finds the boundary only on multipart/form-data', () => {
		expect(boundaryOf('multipart/form-data; charset=utf-8; boundary=----abc')).toBe('----abc');
		expect(boundaryOf('multipart/mixed; boundary=abc')).toBeNull();
		expect(boundaryOf(undefined)).toBeNull();
	});
});
