import type { IDataObject } from 'n8n-workflow';

import { PDF_BYTES } from '../../../fixtures';
import { rl, runGetMany, useCs } from '../../../harness';

const cs = useCs();
const getMany = (parameters: IDataObject) => runGetMany(cs, 'document', parameters);

const ids = (items: Array<{ json: IDataObject }>) => items.map((item) => item.json.fileId);

describe('Document → Get Many', () => {
	it('lists the documents of a case without their short-lived links', async () => {
		const output = await getMany({ scope: 'case', case: rl('readableId', '2025-00137') });
		expect(output.map((item) => item.json)).toEqual([
			{
				fileId: 8001,
				caseId: 90001,
				readableId: '2025-00137',
				integrationId: '516718',
				fileName: 'police-report.pdf',
				contentType: 'application/pdf',
				size: PDF_BYTES.length,
				uploadedBy: 'client',
				createdAt: cs.fixture.ago(60 * 6),
			},
		]);
		expect(output[0].pairedItem).toEqual({ item: 0 });
	});

	it('lists the whole firm, filtered by who shared the document and since when', async () => {
		await cs.addFile({ case_id: 90002, file_name: 'photo.png', content_base64: 'iVBORw==', created_at: cs.fixture.ago(30) });
		expect(ids(await getMany({ scope: 'firm' }))).toEqual([8001, 8002, 8003]);
		expect(ids(await getMany({ scope: 'firm', filters: { uploadedBy: 'client' } }))).toEqual([8001, 8003]);
		expect(ids(await getMany({ scope: 'firm', filters: { uploadedBy: 'staff' } }))).toEqual([8002]);
		expect(ids(await getMany({ scope: 'firm', filters: { since: cs.fixture.ago(60 * 2) } }))).toEqual([8002, 8003]);
	});

	it('finds a case\'s documents by its integration ID', async () => {
		expect(ids(await getMany({ scope: 'case', case: rl('integrationId', '516720') }))).toEqual([8002]);
	});

	it('returns the raw records, link included, when Simplify is off', async () => {
		const [item] = await getMany({ scope: 'case', case: rl('id', '90001'), simplify: false });
		expect(item.json.url).toEqual(expect.stringContaining(cs.sim.fileHost.url));
	});

	describe('when the server ignores the case filter and sends every case\'s documents', () => {
		beforeEach(async () => {
			await cs.admin.post('/__admin/config', { ignoreFilters: true });
		});

		it('lists only the given case\'s documents, by each of its IDs', async () => {
			expect(ids(await getMany({ scope: 'firm' }))).toEqual([8001, 8002]);
			expect(ids(await getMany({ scope: 'case', case: rl('id', '90001') }))).toEqual([8001]);
			expect(ids(await getMany({ scope: 'case', case: rl('readableId', '2025-00137') }))).toEqual([8001]);
			expect(ids(await getMany({ scope: 'case', case: rl('integrationId', '516720') }))).toEqual([8002]);
		});

		it('counts only the given case\'s documents towards Limit', async () => {
			expect(ids(await getMany({ scope: 'case', case: rl('integrationId', '516720'), returnAll: false, limit: 1 }))).toEqual([8002]);
		});
	});
});
