import { createHash, randomBytes } from 'node:crypto';
import { testCase, testDocument, testFirm } from './fixtures';
import { startTestSim, type TestSim } from './harness';

const DOCUMENT_FIELDS = [
	'documentID', 'caseID', 'caseNumber', 'documentName', 'description', 'comments', 'docType', 'createdUserID', 'createdDate',
	'modifiedUserID', 'modifiedDate', 'documentDate', 'categoryID', 'categoryName', 'subCategoryID', 'subCategoryName', 'documentFolder',
	'isSharedInPortal', 'isSharedWithEveryoneInPortal', 'fileSize', 'contentType',
];

function firm() {
	return testFirm([
		testCase(1, { documents: [testDocument(501), testDocument(502, { fileName: 'photo.JPG', contentType: 'image/jpeg', folder: 'Photos' })] }),
		testCase(2, { documents: [testDocument(601, { service: 'casestatus' })] }),
	]);
}

function form(fields: Record<string, string>, file?: { bytes: Buffer; name: string; type?: string }) {
	const data = new FormData();
	for (const [key, value] of Object.entries(fields)) data.append(key, value);
	if (file) data.append('file', new Blob([file.bytes], { type: file.type ?? 'application/pdf' }), file.name);
	return data;
}

describe('SmartAdvocate simulator: documents', () => {
	let t: TestSim;
	beforeEach(async () => {
		t = await startTestSim(firm());
		await t.admin.post('/__admin/clock', { now: '2025-06-01T09:30:00.500Z' });
	});
	afterEach(() => t.close());

	const download = (id: number) => t.authed.get(`/case/document/${id}/content`, { responseType: 'arraybuffer' });

	it('GET case/{caseID}/documents lists the SA documents of the case with the documented fields', async () => {
		const response = await t.authed.get('/case/1/documents');
		expect(response.status).toBe(200);
		expect(response.data.map((d: { documentID: number }) => d.documentID)).toEqual([501, 502]);
		expect(Object.keys(response.data[0])).toEqual(DOCUMENT_FIELDS);
		expect(response.data[1]).toMatchObject({
			caseID: 1,
			caseNumber: '9000001',
			documentName: 'photo.JPG',
			docType: '.jpg',
			documentFolder: 'Photos',
			categoryName: 'General',
			createdUserID: 101,
			createdDate: '2025-03-01T20:22:00Z',
			isSharedInPortal: false,
			contentType: 'image/jpeg',
		});
		// Files that live in Case Status are not SA documents.
		expect((await t.authed.get('/case/2/documents')).data).toEqual([]);
		expect((await t.authed.get('/case/777/documents')).status).toBe(404);
	});

	it('uploads multipart/form-data and downloads the same bytes', async () => {
		const bytes = Buffer.concat([Buffer.from('%PDF-1.7\r\n--'), randomBytes(200_000), Buffer.from('\r\n------\r\n')]);
		const upload = await t.authed.post(
			'/case/1/documents',
			form({ documentName: 'Demand letter.pdf', description: 'Demand to carrier', categoryName: 'correspondence', isSharedInPortal: 'true' }, { bytes, name: 'demand.pdf' }),
		);
		expect(upload.status).toBe(201);
		expect(Object.keys(upload.data)).toEqual(DOCUMENT_FIELDS);
		expect(upload.data).toMatchObject({
			documentID: 503,
			caseID: 1,
			documentName: 'Demand letter.pdf',
			description: 'Demand to carrier',
			docType: '.pdf',
			createdUserID: 900,
			createdDate: '2025-06-01T09:30:00.5Z',
			documentDate: '2025-06-01T09:30:00.5Z',
			categoryName: 'Correspondence',
			documentFolder: 'Case Documents',
			isSharedInPortal: true,
			fileSize: bytes.length,
			contentType: 'application/pdf',
		});

		const content = await download(upload.data.documentID);
		expect(content.status).toBe(200);
		expect(content.headers['content-type']).toBe('application/octet-stream');
		expect(content.headers['content-disposition']).toBe(`attachment; filename="Demand letter.pdf"; filename*=UTF-8''Demand%20letter.pdf`);
		expect(createHash('sha256').update(Buffer.from(content.data)).digest('hex')).toBe(createHash('sha256').update(bytes).digest('hex'));
		expect((await t.authed.get('/case/1/documents')).data.map((d: { documentID: number }) => d.documentID)).toEqual([501, 502, 503]);
	});

	it('names the download after the uploaded file, with an ASCII fallback for other characters', async () => {
		const upload = await t.authed.post('/case/1/documents', form({}, { bytes: Buffer.from('x'), name: 'Résumé ñ.txt', type: 'text/plain' }));
		expect(upload.data.documentName).toBe('Résumé ñ.txt');
		const content = await download(upload.data.documentID);
		expect(content.headers['content-disposition']).toBe(`attachment; filename="R_sum_ _.txt"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%C3%B1.txt`);
	});

	it('sends the stored MIME type with realContentType', async () => {
		await t.admin.post('/__admin/config', { realContentType: true });
		const content = await download(502);
		expect(content.headers['content-type']).toBe('image/jpeg');
		expect(Buffer.from(content.data).toString()).toBe('%PDF-1.4 document 502');
	});

	it('answers 404 for an unknown document', async () => {
		expect((await download(9999)).status).toBe(404);
		expect((await t.authed.get('/case/document/abc/content')).status).toBe(404);
	});

	it('uploads JSON with fileBase64', async () => {
		const bytes = randomBytes(1000);
		const upload = await t.authed.post('/case/1/documents', { fileBase64: bytes.toString('base64'), documentName: 'scan.png', contentType: 'image/png', folder: 'Medical', documentDate: '2025-05-01T00:00:00Z' });
		expect(upload.status).toBe(201);
		expect(upload.data).toMatchObject({ documentName: 'scan.png', docType: '.png', documentFolder: 'Medical', documentDate: '2025-05-01T00:00:00Z', contentType: 'image/png' });
		expect(Buffer.from((await download(upload.data.documentID)).data).equals(bytes)).toBe(true);
	});

	it('answers 400 problem+json for a missing or empty file, an unknown category, bad base64 or a bad flag', async () => {
		const missing = await t.authed.post('/case/1/documents', form({ documentName: 'x.pdf' }));
		expect(missing.status).toBe(400);
		expect(missing.data.errors).toEqual({ File: ['The File field is required.'] });
		const empty = await t.authed.post('/case/1/documents', form({}, { bytes: Buffer.alloc(0), name: 'empty.pdf' }));
		expect(empty.data.errors).toEqual({ File: ['The file is empty.'] });
		const category = await t.authed.post('/case/1/documents', form({ categoryName: 'Nope' }, { bytes: Buffer.from('x'), name: 'x.pdf' }));
		expect(Object.keys(category.data.errors)).toEqual(['CategoryName']);
		const flag = await t.authed.post('/case/1/documents', form({ isSharedInPortal: 'maybe' }, { bytes: Buffer.from('x'), name: 'x.pdf' }));
		expect(Object.keys(flag.data.errors)).toEqual(['IsSharedInPortal']);
		const base64 = await t.authed.post('/case/1/documents', { fileBase64: 'not base64!', documentName: 'x.pdf' });
		expect(Object.keys(base64.data.errors)).toEqual(['FileBase64']);
		const unnamed = await t.authed.post('/case/1/documents', { fileBase64: 'eA==' });
		expect(Object.keys(unnamed.data.errors)).toEqual(['DocumentName']);
		const malformed = await t.authed.post('/case/1/documents', Buffer.from('--xyz\r\nbroken'), { headers: { 'Content-Type': 'multipart/form-data; boundary=xyz' } });
		expect(malformed.status).toBe(400);
		expect((await t.authed.get('/case/1/documents')).data).toHaveLength(2);
	});

	it('answers 415 to an upload that is neither multipart nor JSON, 413 above maxUploadBytes', async () => {
		expect((await t.authed.post('/case/1/documents', Buffer.from('x'), { headers: { 'Content-Type': 'application/pdf' } })).status).toBe(415);
		await t.admin.post('/__admin/config', { maxUploadBytes: 1000 });
		const big = await t.authed.post('/case/1/documents', form({}, { bytes: randomBytes(2000), name: 'big.bin' }));
		expect(big.status).toBe(413);
	});

	it('answers 403 when the API user may not upload, 404 for an unknown case', async () => {
		expect((await t.authed.post('/case/777/documents', form({}, { bytes: Buffer.from('x'), name: 'x.pdf' }))).status).toBe(404);
		await t.admin.post('/__admin/config', { permissions: { canUploadDocument: false } });
		const response = await t.authed.post('/case/1/documents', form({}, { bytes: Buffer.from('x'), name: 'x.pdf' }));
		expect(response.status).toBe(403);
		expect(response.data).toBe('');
	});

	it('POST case/documents/byDatePaged finds uploads by modified date and case number', async () => {
		await t.authed.post('/case/1/documents', form({}, { bytes: Buffer.from('new'), name: 'new.pdf' }));
		const recent = await t.authed.post('/case/documents/byDatePaged', { modifiedFromDateTime: '2025-06-01T00:00:00Z', pageRequest: { currentPage: 0, pageSize: 10 } });
		expect(recent.status).toBe(200);
		expect(recent.data.records.map((d: { documentName: string }) => d.documentName)).toEqual(['new.pdf']);
		expect(Object.keys(recent.data.records[0])).toEqual(DOCUMENT_FIELDS);
		const byCase = await t.authed.post('/case/documents/byDatePaged', { caseNumbers: ['9000001'], pageRequest: { sorts: [{ propertyPath: 'documentID', sortDirection: 'Descending' }] } });
		expect(byCase.data.records.map((d: { documentID: number }) => d.documentID)).toEqual([503, 502, 501]);
	});
});
