import { SmartAdvocate } from '../../../../../../nodes/SmartAdvocate/SmartAdvocate.node';
import { runNode } from '../../../../../support/n8nContext';
import { PDF_BYTES } from '../../../fixtures';
import { rl, startSa, type SaHarness } from '../../../harness';

describe('SmartAdvocate › Document › Upload', () => {
	let sa: SaHarness;
	beforeAll(async () => {
		sa = await startSa();
	});
	afterAll(() => sa.close());
	beforeEach(() => sa.reset());

	const binaryItem = (bytes: Buffer, fileName: string, mimeType: string, field = 'data') => ({
		json: { from: 'client portal' },
		binary: { [field]: { data: bytes.toString('base64'), mimeType, fileName } },
	});
	const upload = (parameters: Record<string, unknown>, options: Parameters<typeof runNode>[1] = {}) =>
		runNode(new SmartAdvocate(), {
			parameters: { resource: 'document', operation: 'upload', case: rl('id', '1001'), ...parameters },
			credentials: sa.credentials,
			timezone: 'UTC',
			items: [binaryItem(PDF_BYTES, 'Signed Retainer.pdf', 'application/pdf')],
			...options,
		});

	it('files the binary in "Case Documents" under its own name, as multipart/form-data', async () => {
		const [item] = await upload({});
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.json).toMatchObject({
			caseId: 1001,
			caseNumber: '2024-0001',
			fileName: 'Signed Retainer.pdf',
			folder: 'Case Documents',
			contentType: 'application/pdf',
			fileSize: PDF_BYTES.length,
		});
		const { data } = await sa.admin.get('/__admin/requests');
		const post = (data as Array<{ method: string; path: string; contentType: string }>).find((r) => r.method === 'POST' && r.path.endsWith('/documents'));
		expect(post?.contentType).toMatch(/^multipart\/form-data; boundary=/);
	});

	it('uses the chosen field, name, folder, description, category and date', async () => {
		const [item] = await upload(
			{
				case: rl('caseNumber', '2024-0002'),
				binaryPropertyName: 'attachment',
				folder: 'Medical Records',
				additionalFields: { fileName: 'MRI Report.pdf', description: 'From Dr. Lee', categoryName: 'Medical Records', documentDate: '2025-04-01T00:00:00' },
				simplify: false,
			},
			{ items: [binaryItem(PDF_BYTES, 'scan0001.pdf', 'application/pdf', 'attachment')] },
		);
		expect(item.json).toMatchObject({
			caseID: 1002,
			documentName: 'MRI Report.pdf',
			documentFolder: 'Medical Records',
			description: 'From Dr. Lee',
			categoryName: 'Medical Records',
			documentDate: '2025-04-01T00:00:00Z',
		});
	});

	it('files a name with quotes, accents and line breaks as one header value, the line breaks removed', async () => {
		const items = [binaryItem(PDF_BYTES, 'Brief "final" – Müller\r\nX-Injected: yes.pdf', 'application/pdf')];
		const [item] = await upload({}, { items });
		expect(item.json).toMatchObject({ fileName: 'Brief "final" – Müller' + 'X-Injected: yes.pdf', contentType: 'application/pdf' });
	});

	it('reports a missing binary field for that item only', async () => {
		const items = await upload(
			{},
			{ continueOnFail: true, items: [binaryItem(PDF_BYTES, 'a.pdf', 'application/pdf'), { json: {} }] },
		);
		expect(items[0].json.fileName).toBe('a.pdf');
		expect(items[1]).toEqual({ json: expect.objectContaining({ error: expect.stringContaining("binary file 'data'") }), pairedItem: { item: 1 } });
	});

	it('passes on why an item has no file when the step before failed on it (a download with On Error → Continue)', async () => {
		const failedDownload = { json: { fileId: 7712, error: 'Case Status refused the download of file 7712 (HTTP 403)' } };
		const items = await upload({}, { continueOnFail: true, items: [failedDownload, binaryItem(PDF_BYTES, 'a.pdf', 'application/pdf')] });
		expect(items[0]).toEqual({
			json: expect.objectContaining({ error: 'Item 0 has no file to upload: the step before failed on it: Case Status refused the download of file 7712 (HTTP 403)' }),
			pairedItem: { item: 0 },
		});
		expect(items[1].json.fileName).toBe('a.pdf');
	});

	it('says so when the firm does not let this user upload documents', async () => {
		await sa.admin.post('/__admin/config', { permissions: { canUploadDocument: false } });
		const error = await upload({}).catch((e) => e);
		expect(error.message).toBe('The SmartAdvocate user may not upload "Signed Retainer.pdf" to case 1001');
	});

	it('retries a 503 and files the document once', async () => {
		await sa.fault('/documents', 503, 1, { method: 'POST', retryAfter: 0 });
		await upload({});
		const { data } = await sa.admin.get('/__admin/state');
		expect((data.documents as Array<{ documentName: string }>).filter((d) => d.documentName === 'Signed Retainer.pdf')).toHaveLength(1);
	});
	it('uploads no second document with the same description when Skip If a Document With This Description Exists is on', async () => {
		const parameters = { skipIfDescriptionExists: true, additionalFields: { description: 'Case Status file 777' } };
		const [first] = await upload(parameters);
		const [again] = await upload(parameters);
		expect(again.json).toMatchObject({ documentId: first.json.documentId, alreadyExisted: true });
		const [other] = await upload({ ...parameters, additionalFields: { description: 'Case Status file 778' } });
		expect(other.json.alreadyExisted).toBeUndefined();
		const { data } = await sa.admin.get('/__admin/requests');
		expect((data as Array<{ method: string; path: string }>).filter((r) => r.method === 'POST' && r.path.endsWith('/documents'))).toHaveLength(2);
	});

	it('says what to map when the check is on but the description is empty', async () => {
		await expect(upload({ skipIfDescriptionExists: true })).rejects.toThrow('The Description is empty');
	});
});
