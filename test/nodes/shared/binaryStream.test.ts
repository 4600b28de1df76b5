/* eslint-disable @n8n/community-nodes/no-restricted-imports -- runs in Node, never in n8n (eslint.dev.config.mjs) */
import type { IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { Readable } from 'stream';

import { peekBody, uploadSource } from '../../../nodes/shared/binaryStream';
import { buildMultipart, multipartBody, withMultipartBody } from '../../../nodes/shared/multipart';

const bytes = (length: number) => Buffer.from(Array.from({ length }, (_, i) => (i * 7) % 256));

describe('looking at the first bytes of a download without reading all of it', () => {
	it('hands on a stream that still yields every byte, of which only the head was read', async () => {
		const file = bytes(100_000);
		const source = Readable.from([file.subarray(0, 5000), file.subarray(5000, 20_000), file.subarray(20_000)], { objectMode: false });
		const { head, data } = await peekBody(source, 8192);
		expect(head.equals(file.subarray(0, 8192))).toBe(true);
		expect(data).toBe(source);
		expect(Buffer.concat(await (data as Readable).toArray()).equals(file)).toBe(true);
	});

	it('hands on the bytes themselves when the file is shorter than the head', async () => {
		const file = bytes(300);
		const { head, data } = await peekBody(Readable.from([file], { objectMode: false }), 8192);
		expect(head.equals(file)).toBe(true);
		expect(Buffer.isBuffer(data) && data.equals(file)).toBe(true);
	});

	it('fails with the stream\'s own error', async () => {
		const broken = new Readable({ read() { this.destroy(new Error('socket hang up')); } });
		await expect(peekBody(broken, 10)).rejects.toThrow('socket hang up');
	});
});

describe('reading an upload from n8n\'s binary store', () => {
	const file = bytes(50_000);
	const fakeContext = (calls: string[]) =>
		({
			helpers: {
				getBinaryStream: async (id: string) => (calls.push(`stream ${id}`), Readable.from([file.subarray(0, 1000), file.subarray(1000)], { objectMode: false })),
				getBinaryMetadata: async () => ({ fileSize: file.length }),
				getBinaryDataBuffer: async () => (calls.push('buffer'), file),
			},
		}) as unknown as IExecuteFunctions;

	it('streams a binary n8n keeps on disk, opening it again for each send', async () => {
		const calls: string[] = [];
		const source = await uploadSource(fakeContext(calls), 0, 'data', { id: 'filesystem-v2:abc', data: 'filesystem-v2', mimeType: 'application/pdf' });
		expect('open' in source && source.size).toBe(file.length);
		const body = multipartBody({ case_id: '1' }, { field: 'file', fileName: 'a.pdf', contentType: 'application/pdf' }, source, 'B');
		const expected = buildMultipart({ case_id: '1' }, { field: 'file', fileName: 'a.pdf', contentType: 'application/pdf', data: file }, 'B').body;
		const options: IHttpRequestOptions = { url: 'http://x', method: 'POST' };
		withMultipartBody(options, body);
		// n8n reads `body` once per send: a retry or a resend after re-authentication gets the whole file again.
		for (let send = 0; send < 2; send++) expect(Buffer.concat(await (options.body as Readable).toArray()).equals(expected)).toBe(true);
		expect(options.headers).toMatchObject({ 'Content-Length': String(expected.length), 'Content-Type': 'multipart/form-data; boundary=B' });
		expect(calls).toEqual(['stream filesystem-v2:abc', 'stream filesystem-v2:abc']);
	});

	it('uses the bytes on the item in n8n\'s default in-memory mode', async () => {
		const calls: string[] = [];
		const source = await uploadSource(fakeContext(calls), 0, 'data', { data: file.toString('base64'), mimeType: 'application/pdf' });
		expect('data' in source && source.data.equals(file)).toBe(true);
		expect(calls).toEqual(['buffer']);
	});
});
