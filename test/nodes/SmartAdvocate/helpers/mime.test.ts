import { chooseMime, fileNameFromDisposition, sniffMime } from '../../../../nodes/SmartAdvocate/helpers/mime';

const zipWith = (entry: string) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from(entry)]);

describe('sniffMime', () => {
	it.each([
		['PDF', Buffer.from('%PDF-1.7 ...'), 'application/pdf'],
		['PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'image/png'],
		['JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0]), 'image/jpeg'],
		['GIF', Buffer.from('GIF89a....'), 'image/gif'],
		['DOCX', zipWith('word/document.xml'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
		['ZIP', zipWith('readme.txt'), 'application/zip'],
		['text', Buffer.from('Dear client,\nplease sign.\n'), 'text/plain'],
	])('recognises %s', (_name, bytes, mime) => {
		expect(sniffMime(bytes)).toBe(mime);
	});

	it('does not call binary noise text', () => {
		expect(sniffMime(Buffer.from([0x00, 0x01, 0x02, 0xfe, 0xff, 0x10]))).toBeUndefined();
		expect(sniffMime(Buffer.alloc(0))).toBeUndefined();
	});
});

describe('chooseMime', () => {
	const pdf = Buffer.from('%PDF-1.4');
	it('trusts a specific type from the server', () => {
		expect(chooseMime({ contentType: 'image/png; charset=binary', fileName: 'x.pdf', bytes: pdf })).toBe('image/png');
	});

	it('prefers the document\'s extension over the bytes when the server sends octet-stream', () => {
		expect(chooseMime({ contentType: 'application/octet-stream', fileName: 'notes.txt', bytes: pdf })).toBe('text/plain');
	});

	it('sniffs when neither the server nor the name says anything', () => {
		expect(chooseMime({ contentType: 'application/octet-stream', fileName: 'scan', bytes: pdf })).toBe('application/pdf');
		expect(chooseMime({ fileName: 'blob.bin', bytes: Buffer.from([0, 1, 2]) })).toBe('application/octet-stream');
	});
});

describe('fileNameFromDisposition', () => {
	it('prefers the UTF-8 filename* and falls back to filename', () => {
		expect(fileNameFromDisposition(`attachment; filename="Re_sume.pdf"; filename*=UTF-8''R%C3%A9sum%C3%A9.pdf`)).toBe('Résumé.pdf');
		expect(fileNameFromDisposition('attachment; filename="Police \\"Report\\".pdf"')).toBe('Police "Report".pdf');
		expect(fileNameFromDisposition('attachment; filename=plain.txt')).toBe('plain.txt');
		expect(fileNameFromDisposition('inline')).toBeUndefined();
		expect(fileNameFromDisposition(undefined)).toBeUndefined();
	});
});
