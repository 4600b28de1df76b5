import { buildFixture, PNG_BYTES } from '../../../fixtures';
import { rl, runGetMany, useSa } from '../../../harness';

describe('SmartAdvocate › Document › Get Many', () => {
	const sa = useSa();
	const getMany = (parameters: Record<string, unknown>) => runGetMany(sa, 'document', parameters);
	const ids = (items: Awaited<ReturnType<typeof getMany>>) => items.map((i) => i.json.documentId);

	it('lists a case\'s documents, simplified', async () => {
		const items = await getMany({ searchBy: 'case', case: rl('caseNumber', '2024-0001') });
		expect(items.map((i) => i.json)).toEqual([
			expect.objectContaining({ documentId: 801, caseId: 1001, fileName: 'Police Report.pdf', folder: 'Case Documents', contentType: 'application/pdf' }),
			expect.objectContaining({ documentId: 802, fileName: 'Scene Photo.png', folder: 'Photos', contentType: 'image/png', fileSize: PNG_BYTES.length }),
		]);
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	it('filters by folder and stops at Limit', async () => {
		expect(ids(await getMany({ searchBy: 'case', case: rl('id', '1001'), filters: { folder: 'photos' } }))).toEqual([802]);
		expect(await getMany({ searchBy: 'case', case: rl('id', '1001'), limit: 1 })).toHaveLength(1);
	});

	it('pages through a long list when returning all', async () => {
		for (let i = 0; i < 205; i++) {
			await sa.admin.post('/__admin/documents', { caseID: 1002, fileName: `page-${i}.txt`, contentBase64: Buffer.from(`p${i}`).toString('base64') });
		}
		const items = await getMany({ searchBy: 'case', case: rl('id', '1002'), returnAll: true, simplify: false });
		expect(items).toHaveLength(205);
		expect(new Set(items.map((i) => i.json.documentID)).size).toBe(205);
		// Two pages of 200, and a third read ahead with the second (dropped): the list does not say where it ends.
		expect((await sa.calls()).filter((c) => c === 'GET /case/1002/documents')).toHaveLength(3);
	});

	it('searches every case by modified date', async () => {
		const items = await getMany({ searchBy: 'modifiedDate', modifiedFrom: sa.fixture.ago(150), returnAll: true });
		expect(ids(items)).toEqual([801, 802]);
	});

	it('lists only the given case\'s documents when the server sends every case\'s documents for it', async () => {
		const other = await sa.admin.post('/__admin/documents', { caseID: 1002, fileName: 'intake.txt', contentBase64: Buffer.from('intake').toString('base64') });
		await sa.admin.post('/__admin/config', { ignoreFilters: true });
		const only1002 = [other.data.documentID];
		expect(ids(await getMany({ searchBy: 'case', case: rl('id', '1002') }))).toEqual(only1002);
		expect(ids(await getMany({ searchBy: 'case', case: rl('caseNumber', '2024-0002'), limit: 1 }))).toEqual(only1002);
		expect(ids(await getMany({ searchBy: 'case', case: rl('id', '1001') }))).toEqual([801, 802]);
	});
});

describe('SmartAdvocate › Document › Get Many on a case with many documents', () => {
	const sa = useSa(() => {
		const fixture = buildFixture();
		fixture.firm.cases[1].documents.push(
			...Array.from({ length: 450 }, (_, i) => ({
				service: 'smartadvocate' as const,
				id: 30000 + i,
				fileName: `scan-${i}.pdf`,
				contentType: 'application/pdf',
				contentBase64: Buffer.from(`scan ${i}`).toString('base64'),
				folder: 'Case Documents',
				createdAt: fixture.ago(60 * 24 - i),
			})),
		);
		return fixture;
	});

	it('reads one page, not every document, for Limit 1 with a folder filter', async () => {
		const items = await runGetMany(sa, 'document', { searchBy: 'case', case: rl('id', '1002'), limit: 1, filters: { folder: 'case documents' } });
		expect(items).toHaveLength(1);
		expect((await sa.calls()).filter((c) => c === 'GET /case/1002/documents')).toHaveLength(1);
	});
});
