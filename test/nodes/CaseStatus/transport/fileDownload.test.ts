/* eslint-disable @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-explicit-any -- runs in Node, never in n8n (eslint.dev.config.mjs) */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { IHttpRequestOptions } from 'n8n-workflow';

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

	describe('download links to private addresses', () => {
		const withoutAllow = () => ({ caseStatusApi: { ...cs.credentials.caseStatusApi, allowPrivateDownloadHosts: false } });

		it('refuses a plain-http or loopback link unless the credential allows it, and sends nothing there', async () => {
			const url = await signedUrl(8001);
			const { context } = createContext(new CaseStatus(), { credentials: withoutAllow() });
			const error: any = await downloadCaseStatusFile(context, url, { action: 'download document police-report.pdf', itemIndex: 2 }).catch((e) => e);
			expect(error.message).toBe('The node did not download document police-report.pdf: its download link is refused because it is not https');
			expect(error.description).toMatch(/turn on "Allow Private Download Hosts" in the Case Status API credential/);
			expect(error.context.itemIndex).toBe(2);
			expect(JSON.stringify({ m: error.message, d: error.description })).not.toContain('signature=');
			const https = url.replace(/^http:/, 'https:');
			await expect(downloadCaseStatusFile(context, https, { action: 'download it' })).rejects.toThrow(
				'its download link is refused because 127.0.0.1 is a private, loopback or link-local address',
			);
			expect(cs.fileHostRequests()).toHaveLength(0);
		});

		it('refuses a public link that redirects into the private network, before following the redirect', async () => {
			const url = await signedUrl(8001);
			const { context } = createContext(new CaseStatus(), { credentials: withoutAllow() });
			// A public file host cannot run here: it is the one stand-in, answering with a redirect to the simulator.
			const asked: string[] = [];
			(context.helpers as any).httpRequest = async (options: IHttpRequestOptions) => {
				asked.push(String(options.url));
				expect(options.disableFollowRedirect).toBe(true);
				return { statusCode: 302, headers: { location: url.replace(/^http:/, 'https:') }, body: Buffer.alloc(0) };
			};
			await expect(downloadCaseStatusFile(context, 'https://files.example.com/f/1', { action: 'download it' })).rejects.toThrow(
				'The node did not download it: its download link redirects to an address that is refused because 127.0.0.1 is a private, loopback or link-local address',
			);
			expect(asked).toEqual(['https://files.example.com/f/1']);
			expect(cs.fileHostRequests()).toHaveLength(0);
		});

		it('with "Allow Private Download Hosts", follows a redirect to another host and downloads the file', async () => {
			const url = await signedUrl(8001);
			const redirector = http.createServer((_, res) => res.writeHead(302, { location: url }).end());
			await new Promise<void>((resolve) => redirector.listen(0, '127.0.0.1', resolve));
			try {
				const from = `http://127.0.0.1:${(redirector.address() as AddressInfo).port}/moved`;
				const { context } = createContext(new CaseStatus(), { credentials: cs.credentials });
				const file = await downloadCaseStatusFile(context, from, { action: 'download it' });
				const body = Buffer.isBuffer(file.body) ? file.body : Buffer.concat(await (file.body as any).toArray());
				expect(body.length).toBeGreaterThan(0);
				expect(cs.fileHostRequests()).toEqual([expect.objectContaining({ status: 200, hadAuthorization: false })]);
			} finally {
				redirector.close();
			}
		});
	});
});
