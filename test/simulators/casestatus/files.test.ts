/* eslint-disable @typescript-eslint/no-explicit-any -- runs in Node, never in n8n (eslint.dev.config.mjs) */
import axios from 'axios';
import { at, startHarness, type Harness } from './fixtures';

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(() => h.close());
beforeEach(async () => {
	await h.bare.post('/__admin/reset');
});

/** Verified by the Airbyte schema, then the proposed `uploaded_by`. */
const FILE_KEYS = [
	'id', 'url', 'size', 'case_id', 'extension', 'file_name', 'content_type', 'created_at', 'updated_at',
	'case_readable_id', 'case_practice_area', 'case_integration_id', 'uploaded_by',
];

/** Bytes that break naive parsers: every byte value, CRLFs, and text that looks like a boundary. */
const TRICKY = Buffer.concat([
	Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
	Buffer.from('\r\n--boundary\r\nContent-Disposition: form-data; name="x"\r\n\r\n'),
	Buffer.from([0, 13, 10, 13, 10, 45, 45]),
]);

const list = async (params: Record<string, string | number> = {}) => {
	const res = await h.api.get('/v1/api/files', { params });
	expect(res.status).toBe(200);
	return res.data as Record<string, any>[];
};

/** Downloads from the file host the way a node must: a plain GET, no Authorization header. */
const download = (url: string, headers: Record<string, string> = {}) =>
	axios.get(url, { responseType: 'arraybuffer', validateStatus: () => true, headers });

function upload(fields: Record<string, string>, file?: { name: string; type?: string; bytes: Buffer }) {
	const form = new FormData();
	for (const [name, value] of Object.entries(fields)) form.append(name, value);
	if (file) form.append('file', new Blob([file.bytes], file.type ? { type: file.type } : {}), file.name);
	return h.api.post('/v1/api/files', form);
}

const injectFile = (body: Record<string, unknown>) => h.bare.post('/__admin/files', body);

describe('GET /v1/api/files', () => {
	it('answers a bare array with the verified field names; case_id is a string', async () => {
		const [file] = await list();
		expect(Object.keys(file).sort()).toEqual([...FILE_KEYS].sort());
		expect(file).toEqual({
			id: 801,
			url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/files\/801\/Police%20Report\.PDF\?expires=\d+&signature=[0-9a-f]{64}$/),
			size: 15,
			case_id: '7001',
			extension: 'pdf',
			file_name: 'Police Report.PDF',
			content_type: 'application/pdf',
			created_at: at(30),
			updated_at: at(30),
			case_readable_id: '2025-00100',
			case_practice_area: 'Motor Vehicle Accident',
			case_integration_id: '516700',
			uploaded_by: { id: expect.any(Number), role: 'client' },
		});
	});

	it('links to the file host, another origin than the API', async () => {
		const [file] = await list();
		const url = new URL(file.url);
		expect(url.origin).toBe(h.sim.fileHost.url);
		expect(url.origin).not.toBe(h.sim.api.url);
	});

	it('filters by uploader, created_after (inclusive) and case', async () => {
		const staff = (await injectFile({ case_id: 7001, file_name: 'letter.pdf', content_base64: 'JVBERg==', uploaded_by: 'staff', created_at: at(60) })).data;
		const other = (await injectFile({ integration_id: '516703', file_name: 'x.png', content_base64: 'iVBO', created_at: at(61) })).data;
		const idsOf = async (params: Record<string, string | number>) => (await list(params)).map((f) => f.id);
		expect(await idsOf({ uploaded_by: 'client' })).toEqual([801, other.id]);
		expect(await idsOf({ uploaded_by: 'staff' })).toEqual([staff.id]);
		expect(await idsOf({ created_after: at(60) })).toEqual([staff.id, other.id]);
		expect(await idsOf({ created_after: at(61) })).toEqual([other.id]);
		expect(await idsOf({ case_id: 7001 })).toEqual([801, staff.id]);
		expect(await idsOf({ integration_id: '516703' })).toEqual([other.id]);
		expect(await idsOf({ readable_id: '2025-00100', uploaded_by: 'staff' })).toEqual([staff.id]);
		expect((await h.api.get('/v1/api/files', { params: { uploaded_by: 'firm' } })).status).toBe(400);
	});

	it('serves one file with a fresh link, or 404', async () => {
		const one = await h.api.get('/v1/api/files/801');
		expect(one.status).toBe(200);
		expect(one.data.file_name).toBe('Police Report.PDF');
		expect((await h.api.get('/v1/api/files/9999')).data).toEqual({ detail: 'Not found.' });
		expect((await h.api.get('/v1/api/files/abc')).status).toBe(404);
	});
});

describe('POST /v1/api/files', () => {
	it('uploads a file that then downloads byte-identical through the file host', async () => {
		const res = await upload({ case_id: '7001' }, { name: 'Medical Bills (final).pdf', type: 'application/pdf', bytes: TRICKY });
		expect(res.status).toBe(201);
		expect(Object.keys(res.data).sort()).toEqual([...FILE_KEYS].sort());
		expect(res.data).toMatchObject({
			case_id: '7001',
			file_name: 'Medical Bills (final).pdf',
			extension: 'pdf',
			content_type: 'application/pdf',
			size: TRICKY.length,
			uploaded_by: { role: 'attorney' },
		});
		const listed = (await list({ uploaded_by: 'staff' })).find((f) => f.id === res.data.id)!;
		const file = await download(listed.url);
		expect(file.status).toBe(200);
		expect(Buffer.from(file.data).equals(TRICKY)).toBe(true);
		expect(file.headers['content-type']).toBe('application/pdf');
		expect(file.headers['content-disposition']).toContain('filename="Medical Bills (final).pdf"');
	});

	it('uploads to a case named by integration ID, as a named staff member, guessing a generic content type', async () => {
		const res = await upload({ integration_id: '516701', uploaded_by_email: 'paul@firm.test' }, { name: 'scan.PNG', type: 'application/octet-stream', bytes: Buffer.from('png') });
		expect(res.status).toBe(201);
		expect(res.data).toMatchObject({ case_id: '7002', content_type: 'image/png', extension: 'png', uploaded_by: { role: 'paralegal' } });
	});

	it('keeps a non-ASCII file name through upload and download', async () => {
		const res = await upload({ case_id: '7001' }, { name: 'Résumé – 2025.txt', type: 'text/plain', bytes: Buffer.from('ok') });
		expect(res.status).toBe(201);
		expect(res.data.file_name).toBe('Résumé – 2025.txt');
		const file = await download(res.data.url);
		expect(file.status).toBe(200);
		expect(file.headers['content-disposition']).toContain("filename*=UTF-8''R%C3%A9sum%C3%A9%20%E2%80%93%202025.txt");
	});

	it('refuses no file, an empty file, an unknown case, an unknown uploader and a non-multipart body', async () => {
		const noFile = await upload({ case_id: '7001' });
		expect(noFile.status).toBe(400);
		expect(noFile.data).toEqual({ errors: [{ field: 'file', message: 'No file was submitted.' }] });
		const empty = await upload({ case_id: '7001' }, { name: 'empty.pdf', bytes: Buffer.alloc(0) });
		expect(empty.data).toEqual({ errors: [{ field: 'file', message: 'The submitted file is empty.' }] });
		const unknown = await upload({ case_id: '123456' }, { name: 'a.pdf', bytes: Buffer.from('x') });
		expect(unknown.status).toBe(404);
		expect(unknown.data).toEqual({ errors: [{ field: 'case_id', message: 'Case not found' }] });
		const noCase = await upload({}, { name: 'a.pdf', bytes: Buffer.from('x') });
		expect(noCase.status).toBe(400);
		const stranger = await upload({ case_id: '7001', uploaded_by_email: 'nora@firm.test' }, { name: 'a.pdf', bytes: Buffer.from('x') });
		expect(stranger.status).toBe(422);
		const json = await h.api.post('/v1/api/files', { case_id: 7001 });
		expect(json.status).toBe(415);
		expect(json.data.detail).toMatch(/^Unsupported media type "application\/json/);
		const broken = await h.api.post('/v1/api/files', Buffer.from('--b\r\nnonsense'), { headers: { 'content-type': 'multipart/form-data; boundary=b' } });
		expect(broken.status).toBe(400);
		expect(broken.data.errors[0].field).toBe('file');
		expect((await list()).length).toBe(1);
	});

	it('refuses an upload over the size limit with 413', async () => {
		await h.bare.post('/__admin/config', { maxUploadBytes: 1024 });
		const res = await upload({ case_id: '7001' }, { name: 'big.bin', bytes: Buffer.alloc(2048, 7) });
		expect(res.status).toBe(413);
		expect(res.data.errors[0].field).toBe('file');
	});
});

describe('file host', () => {
	it('refuses a request that carries an Authorization header, and records it', async () => {
		const [file] = await list();
		await h.bare.delete('/__admin/file-host/requests');
		const res = await download(file.url, { Authorization: 'ApiKey cs-test-key-6f2a' });
		expect(res.status).toBe(403);
		expect(res.headers['content-type']).toBe('application/xml');
		expect(Buffer.from(res.data).toString()).toContain('<Code>AccessDenied</Code>');
		expect(h.sim.fileHost.requests).toEqual([expect.objectContaining({ path: '/files/801/Police%20Report.PDF', status: 403, hadAuthorization: true })]);
		const viaAdmin = (await h.bare.get('/__admin/file-host')).data;
		expect(viaAdmin.url).toBe(h.sim.fileHost.url);
		expect(viaAdmin.requests).toEqual([expect.objectContaining({ status: 403, hadAuthorization: true })]);
		expect(JSON.stringify(viaAdmin)).not.toContain('cs-test-key');
	});

	it('serves a plain request and records that it had no Authorization', async () => {
		const [file] = await list();
		await h.bare.delete('/__admin/file-host/requests');
		const res = await download(file.url);
		expect(res.status).toBe(200);
		expect(Buffer.from(res.data).toString()).toBe('%PDF-1.4 police');
		expect(h.sim.fileHost.requests.map((r) => [r.status, r.hadAuthorization])).toEqual([[200, false]]);
		const head = await axios.head(file.url, { validateStatus: () => true });
		expect(head.status).toBe(200);
		expect(head.headers['content-length']).toBe('15');
	});

	it('refuses a tampered signature, expiry or file name', async () => {
		const [file] = await list();
		const url = new URL(file.url);
		const tampered = (change: (u: URL) => void) => {
			const copy = new URL(url.toString());
			change(copy);
			return copy.toString();
		};
		const signature = url.searchParams.get('signature')!;
		const flipped = (signature[0] === 'a' ? 'b' : 'a') + signature.slice(1);
		const cases = [
			tampered((u) => u.searchParams.set('signature', flipped)),
			tampered((u) => u.searchParams.set('expires', String(Number(u.searchParams.get('expires')) + 3600))),
			tampered((u) => (u.pathname = u.pathname.replace('Police', 'Polize'))),
			tampered((u) => (u.pathname = u.pathname.replace('/801/', '/802/'))),
		];
		for (const bad of cases) {
			const res = await download(bad);
			expect({ bad, status: res.status }).toEqual({ bad, status: 403 });
			expect(Buffer.from(res.data).toString()).toContain('<Code>SignatureDoesNotMatch</Code>');
		}
		const unsigned = await download(`${url.origin}${url.pathname}`);
		expect(unsigned.status).toBe(403);
	});

	it('refuses a link once it has expired on the simulator clock', async () => {
		const start = Date.parse('2025-05-01T00:00:00Z');
		await h.bare.post('/__admin/clock', { now: new Date(start).toISOString() });
		await h.bare.post('/__admin/config', { fileUrlTtlSeconds: 60 });
		const [file] = await list();
		expect(new URL(file.url).searchParams.get('expires')).toBe(String(start / 1000 + 60));
		await h.bare.post('/__admin/clock', { now: new Date(start + 60_000).toISOString() });
		expect((await download(file.url)).status).toBe(200);
		await h.bare.post('/__admin/clock', { now: new Date(start + 61_000).toISOString() });
		const expired = await download(file.url);
		expect(expired.status).toBe(403);
		expect(Buffer.from(expired.data).toString()).toContain('Request has expired');
		const fresh = (await h.api.get('/v1/api/files/801')).data;
		expect((await download(fresh.url)).status).toBe(200);
	});
});

describe('POST /__admin/files (a client shares a file in the app)', () => {
	it('adds a client file at a controlled time, downloadable byte for byte', async () => {
		const res = await injectFile({ case_id: 7003, file_name: 'photo.jpg', content_type: 'image/jpeg', content_base64: TRICKY.toString('base64'), created_at: '2025-03-09T09:09:09Z' });
		expect(res.status).toBe(201);
		expect(res.data).toMatchObject({ case_id: '7003', created_at: '2025-03-09T09:09:09.000Z', uploaded_by: { role: 'client' }, size: TRICKY.length });
		expect(Buffer.from((await download(res.data.url)).data).equals(TRICKY)).toBe(true);
	});

	it('can name the staff uploader by e-mail', async () => {
		const res = await injectFile({ case_id: 7001, file_name: 'retainer.pdf', content_base64: 'JVBERg==', uploaded_by: 'staff', uploader_email: 'paul@firm.test' });
		expect(res.data.uploaded_by).toEqual({ id: expect.any(Number), role: 'paralegal' });
		const stranger = await injectFile({ case_id: 7001, file_name: 'x.pdf', content_base64: 'AA==', uploader_email: 'paul@firm.test' });
		expect(stranger.status).toBe(422);
		expect(stranger.data.errors[0].field).toBe('uploader_email');
	});

	it('refuses a missing name or content', async () => {
		expect((await injectFile({ case_id: 7001, content_base64: 'AA==' })).status).toBe(400);
		expect((await injectFile({ case_id: 7001, file_name: 'a.txt' })).status).toBe(400);
		expect((await injectFile({ case_id: 7001, file_name: 'a.txt', content_base64: 'AA==', uploaded_by: 'robot' })).status).toBe(400);
	});
});
