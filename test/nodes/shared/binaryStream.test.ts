import { Readable } from 'stream';

import { peekBody } from '../../../nodes/shared/binaryStream';

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
