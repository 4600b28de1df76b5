/* eslint-disable @typescript-eslint/no-explicit-any -- runs in Node, never in n8n (eslint.dev.config.mjs) */
import type { IDataObject } from 'n8n-workflow';

import { CaseStatus } from '../../../../../../nodes/CaseStatus/CaseStatus.node';
import { runNode, type SentRequest } from '../../../../../support/n8nContext';
import { API_KEY, PDF_BYTES } from '../../../fixtures';
import { startCs, type CsHarness } from '../../../harness';

let cs: CsHarness;
beforeAll(async () => {
	cs = await startCs();
});
afterAll(() => cs.close());
beforeEach(() => cs.reset());

const download = (parameters: IDataObject, sentRequests?: SentRequest[], items?: IDataObject[]) =>
	runNode(new CaseStatus(), {
		parameters: { resource: 'document', operation: 'download', ...parameters },
		credentials: cs.credentials,
		sentRequests,
		items: items as any,
	});

describe('Document → Download', () => {
	it('downloads the file as binary data with its name and type', async () => {
		const [item] = await download({ fileId: '8001' });
		expect(item.json).toMatchObject({ fileId: 8001, fileName: 'police-report.pdf', caseId: 90001 });
		expect(item.binary?.data).toMatchObject({ fileName: 'police-report.pdf', mimeType: 'application/pdf', fileExtension: 'pdf' });
		expect(Buffer.from(item.binary!.data.data, 'base64').equals(PDF_BYTES)).toBe(true);
		expect(item.pairedItem).toEqual({ item: 0 });
	});

	it('never sends the API key to the file host', async () => {
		const sentRequests: SentRequest[] = [];
		await download({ fileId: '8001' }, sentRequests);
		const toFileHost = sentRequests.filter((r) => r.url.startsWith(cs.sim.fileHost.url));
		const toApi = sentRequests.filter((r) => r.url.startsWith(cs.sim.api.url));
		expect(toFileHost).toHaveLength(1);
		expect(Object.keys(toFileHost[0].headers).map((h) => h.toLowerCase())).not.toContain('authorization');
		expect(JSON.stringify(toFileHost)).not.toContain(API_KEY);
		expect(toApi.every((r) => r.headers.Authorization === `ApiKey ${API_KEY}`)).toBe(true);
		expect(cs.fileHostRequests()).toEqual([expect.objectContaining({ method: 'GET', status: 200, hadAuthorization: false })]);
	});

	it('puts the file in the chosen field and keeps the binary data that came in', async () => {
		const [item] = await download({ fileId: '8001', options: { binaryPropertyName: 'report' } }, undefined, [
			{ json: {}, binary: { photo: { data: 'AAAA', mimeType: 'image/png', fileName: 'photo.png' } } },
		]);
		expect(Object.keys(item.binary ?? {}).sort()).toEqual(['photo', 'report']);
	});

	it.each([
		['without a url', undefined],
		['with an empty url', ''],
		['with a url that is not a web address', 'files/8001/police-report.pdf'],
	])('names the "url" field when Case Status sends the document %s, and downloads nothing', async (_, url) => {
		const record: IDataObject = { id: 8001, file_name: 'police-report.pdf', content_type: 'application/pdf', case_id: '90001' };
		if (url !== undefined) record.url = url;
		await cs.fault('/v1/api/files/8001', 200, 1, { body: record });
		await expect(download({ fileId: '8001' })).rejects.toThrow('Case Status sent document 8001 without a usable download link in its "url" field');
		expect(cs.fileHostRequests()).toEqual([]);
	});

	it('says plainly when the document does not exist', async () => {
		await expect(download({ fileId: '999' })).rejects.toThrow('No document with ID 999 exists in Case Status');
		expect(cs.fileHostRequests()).toEqual([]);
	});

	it('explains that a document ID is a number', async () => {
		await expect(download({ fileId: 'police-report.pdf' })).rejects.toThrow('The Document ID "police-report.pdf" is not a number');
	});

	it('with Continue On Fail and private hosts not allowed, fails each item whose link is not https to a public address, saying why', async () => {
		const record = (await cs.admin.get('/v1/api/files/8001', { headers: { Authorization: `ApiKey ${API_KEY}` } })).data as IDataObject;
		await cs.fault('/v1/api/files/8001', 200, 1, { body: { ...record, url: 'https://169.254.169.254/latest/meta-data/' } });
		const items = await runNode(new CaseStatus(), {
			parameters: { resource: 'document', operation: 'download', fileId: '={{ $json.id }}' },
			credentials: { caseStatusApi: { ...cs.credentials.caseStatusApi, allowPrivateDownloadHosts: false } },
			continueOnFail: true,
			items: [{ json: { id: '8001' } }, { json: { id: '8001' } }],
		});
		const refusal = 'The node did not download document police-report.pdf (ID 8001): its download link is refused because';
		expect(items.map((item) => item.json.error)).toEqual([
			`${refusal} 169.254.169.254 is a private, loopback or link-local address`,
			`${refusal} it is not https`,
		]);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(cs.fileHostRequests()).toHaveLength(0);
	});
});
