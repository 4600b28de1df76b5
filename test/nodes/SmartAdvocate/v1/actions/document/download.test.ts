import { SmartAdvocate } from '../../../../../../nodes/SmartAdvocate/SmartAdvocate.node';
import { runNode } from '../../../../../support/n8nContext';
import { PDF_BYTES, PNG_BYTES } from '../../../fixtures';
import { rl, startSa, type SaHarness } from '../../../harness';

describe('SmartAdvocate › Document › Download', () => {
	let sa: SaHarness;
	beforeAll(async () => {
		sa = await startSa();
	});
	afterAll(() => sa.close());
	beforeEach(() => sa.reset());

	const download = (parameters: Record<string, unknown>, options: Parameters<typeof runNode>[1] = {}) =>
		runNode(new SmartAdvocate(), {
			parameters: { resource: 'document', operation: 'download', ...parameters },
			credentials: sa.credentials,
			...options,
		});
	const bytesOf = (item: { binary?: Record<string, { data: string }> }, field = 'data') => Buffer.from(item.binary![field].data, 'base64');

	it('puts the file in the binary field with its name and MIME type, although SmartAdvocate sends octet-stream', async () => {
		const [item] = await download({ documentId: '802' });
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.binary!.data).toMatchObject({ fileName: 'Scene Photo.png', mimeType: 'image/png' });
		expect(Buffer.compare(bytesOf(item), PNG_BYTES)).toBe(0);
	});

	it('keeps the input item\'s JSON and other binary fields, and uses the chosen output field', async () => {
		const input = { json: { documentId: 801, note: 'keep me' }, binary: { other: { data: 'AAEC', mimeType: 'application/octet-stream', fileName: 'x.bin' } } };
		const [item] = await download({ documentId: '={{ $json.documentId }}', binaryPropertyName: 'report' }, { items: [input] });
		expect(item.json).toEqual({ documentId: 801, note: 'keep me' });
		expect(Object.keys(item.binary!).sort()).toEqual(['other', 'report']);
		expect(item.binary!.other.data).toBe('AAEC');
		expect(item.binary!.report).toMatchObject({ fileName: 'Police Report.pdf', mimeType: 'application/pdf' });
	});

	it('sniffs the type from the bytes when the name has no extension', async () => {
		await sa.admin.post('/__admin/documents', { caseID: 1001, fileName: 'scan', contentBase64: PDF_BYTES.toString('base64') });
		const { data } = await sa.admin.get('/__admin/state');
		const id = (data.documents as Array<{ documentID: number; documentName: string }>).find((d) => d.documentName === 'scan')!.documentID;
		const [item] = await download({ documentId: String(id) });
		expect(item.binary!.data).toMatchObject({ mimeType: 'application/pdf', fileName: 'scan.pdf' });
	});

	it('gives back exactly the bytes that were uploaded', async () => {
		const original = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7919) % 256));
		const [uploaded] = await runNode(new SmartAdvocate(), {
			parameters: { resource: 'document', operation: 'upload', case: rl('id', '1002') },
			credentials: sa.credentials,
			items: [{ json: {}, binary: { data: { data: original.toString('base64'), mimeType: 'application/octet-stream', fileName: 'Blob Ünïcode.bin' } } }],
		});
		const [downloaded] = await download({ documentId: String(uploaded.json.documentId) });
		expect(Buffer.compare(bytesOf(downloaded), original)).toBe(0);
		expect(downloaded.binary!.data.fileName).toBe('Blob Ünïcode.bin');
	});

	it('names a missing document, per item with Continue On Fail', async () => {
		const items = await download({ documentId: '={{ $json.id }}' }, { continueOnFail: true, items: [{ json: { id: '801' } }, { json: { id: '999999' } }] });
		expect(items[0].binary!.data.fileName).toBe('Police Report.pdf');
		expect(items[1]).toEqual({ json: expect.objectContaining({ error: 'No document with ID 999999 exists in SmartAdvocate', httpCode: '404' }), pairedItem: { item: 1 } });
	});
});
