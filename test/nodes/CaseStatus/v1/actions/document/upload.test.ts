import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { CaseStatus } from '../../../../../../nodes/CaseStatus/CaseStatus.node';
import { runNode } from '../../../../../support/n8nContext';
import { BINARY_BYTES, STAFF } from '../../../fixtures';
import { rl, startCs, type CsHarness } from '../../../harness';

let cs: CsHarness;
beforeAll(async () => {
	cs = await startCs();
});
afterAll(() => cs.close());
beforeEach(() => cs.reset());

const fileItem = (bytes: Buffer, fileName = 'medical-bill.pdf', mimeType = 'application/pdf', field = 'data'): INodeExecutionData => ({
	json: {},
	binary: { [field]: { data: bytes.toString('base64'), mimeType, fileName, fileExtension: fileName.split('.').pop() } },
});

const upload = (parameters: IDataObject, items: INodeExecutionData[]) =>
	runNode(new CaseStatus(), {
		parameters: { resource: 'document', operation: 'upload', ...parameters },
		items,
		credentials: cs.credentials,
	});

describe('Document → Upload', () => {
	it('shares the file with the case and returns the document', async () => {
		const [item] = await upload({ case: rl('id', '90001') }, [fileItem(BINARY_BYTES)]);
		expect(item.json).toMatchObject({
			caseId: 90001,
			fileName: 'medical-bill.pdf',
			contentType: 'application/pdf',
			size: BINARY_BYTES.length,
			uploadedBy: 'staff',
		});
		expect(item.pairedItem).toEqual({ item: 0 });
		const [post] = (await cs.requests()).filter((r) => r.method === 'POST');
		expect(post.contentType).toMatch(/^multipart\/form-data; boundary=/);
	});

	it('keeps every byte: what is uploaded is what is downloaded', async () => {
		const [uploaded] = await upload(
			{ case: rl('integrationId', '516720'), binaryPropertyName: 'scan', options: { fileName: 'scan (1).bin' } },
			[fileItem(BINARY_BYTES, 'ignored.bin', 'application/octet-stream', 'scan')],
		);
		const [downloaded] = await runNode(new CaseStatus(), {
			parameters: { resource: 'document', operation: 'download', fileId: String(uploaded.json.fileId) },
			credentials: cs.credentials,
		});
		expect(downloaded.binary!.data.fileName).toBe('scan (1).bin');
		expect(Buffer.from(downloaded.binary!.data.data, 'base64').equals(BINARY_BYTES)).toBe(true);
	});

	it('gives clients the exact name of a file named with quotes and accents', async () => {
		const name = 'Lettre "finale" – Müller.pdf';
		const [item] = await upload({ case: rl('id', '90001') }, [fileItem(BINARY_BYTES, name)]);
		expect(item.json).toMatchObject({ fileName: name, contentType: 'application/pdf' });
	});

	it('sends a MIME type with a line break as one header, never as an extra one', async () => {
		const [item] = await upload({ case: rl('id', '90001') }, [fileItem(BINARY_BYTES, 'bill.pdf', 'application/pdf\r\nX-Injected: yes')]);
		expect(item.json.contentType).toBe('application/pdfX-Injected: yes');
	});

	it('finds the case by readable ID and credits the chosen staff member', async () => {
		const [item] = await upload(
			{ case: rl('readableId', '2025-00137'), simplify: false, options: { sharedByEmail: STAFF.tran } },
			[fileItem(BINARY_BYTES)],
		);
		expect(item.json).toMatchObject({ case_readable_id: '2025-00137', uploaded_by: { role: 'paralegal' } });
	});

	it('uploads one document per input item', async () => {
		const output = await upload({ case: rl('id', '90002') }, [fileItem(Buffer.from('one'), 'a.txt', 'text/plain'), fileItem(Buffer.from('two'), 'b.txt', 'text/plain')]);
		expect(output.map((item) => [item.json.fileName, item.pairedItem])).toEqual([
			['a.txt', { item: 0 }],
			['b.txt', { item: 1 }],
		]);
	});

	it('says which binary field is missing', async () => {
		await expect(upload({ case: rl('id', '90001'), binaryPropertyName: 'file' }, [fileItem(BINARY_BYTES)])).rejects.toThrow(
			/binary file 'file'/,
		);
		expect(await cs.requests()).toEqual([]);
	});
});
