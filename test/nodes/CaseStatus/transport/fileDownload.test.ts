/* eslint-disable @typescript-eslint/no-explicit-any -- runs in Node, never in n8n (eslint.dev.config.mjs) */
import { CaseStatus } from '../../../../nodes/CaseStatus/CaseStatus.node';
import { downloadCaseStatusFile } from '../../../../nodes/CaseStatus/transport/fileDownload';
import { createContext, type SentRequest } from '../../../support/n8nContext';
import { API_KEY } from '../fixtures';
import { startCs, type CsHarness } from '../harness';

let cs: CsHarness;
beforeAll(async () => {
	cs = await startCs();
});
afterAll(() => cs.close());
beforeEach(() => cs.reset());

async function signedUrl(fileId: number): Promise<string> {
	const { data } = await cs.admin.get(`/v1/api/files/${fileId}`, { headers: { Authorization: `ApiKey ${API_KEY}` } });
	return data.url;
}

describe('downloadCaseStatusFile', () => {
	it('explains an expired link without showing the link or the key', async () => {
		const url = await signedUrl(8001);
		await cs.admin.post('/__admin/clock', { offsetMs: 60 * 60_000 });
		const sentRequests: SentRequest[] = [];
		const { context } = createContext(new CaseStatus(), { credentials: cs.credentials, sentRequests });
		const error: any = await downloadCaseStatusFile(context, url, { action: 'download document police-report.pdf', itemIndex: 0 }).catch(
			(e) => e,
		);
		expect(error.message).toBe('The Case Status file storage refused to download document police-report.pdf (HTTP 403)');
		expect(error.description).toMatch(/link may have expired/);
		const shown = JSON.stringify({ message: error.message, description: error.description, cause: error.cause, context: error.context });
		expect(shown).not.toContain('signature=');
		expect(shown).not.toContain(API_KEY);
		expect(sentRequests).toHaveLength(1);
		expect(cs.fileHostRequests()).toEqual([expect.objectContaining({ status: 403, hadAuthorization: false })]);
	});

	it('does not retry a link the storage refuses', async () => {
		const url = (await signedUrl(8001)).replace('/files/8001/', '/files/8999/');
		const { context } = createContext(new CaseStatus(), { credentials: cs.credentials });
		await expect(downloadCaseStatusFile(context, url, { action: 'download document x' })).rejects.toThrow(
			/file storage refused to download document x \(HTTP 403\)/,
		);
		expect(cs.fileHostRequests()).toHaveLength(1);
	});
});
