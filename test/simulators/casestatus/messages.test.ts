import { at, startHarness, type Harness } from './fixtures';

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(() => h.close());
beforeEach(async () => {
	await h.bare.post('/__admin/reset');
});

/** Verified by the Airbyte schema, then the proposed extras. */
const MESSAGE_KEYS = ['id', 'type', 'content', 'sent_at', 'created_at', 'readable_id', 'sender_name', 'integration_id', 'case_id', 'sender', 'external_id'];

const list = async (params: Record<string, string | number> = {}) => {
	const res = await h.api.get('/v1/api/messages', { params });
	expect(res.status).toBe(200);
	return res.data as Record<string, unknown>[];
};
const ids = (items: Record<string, unknown>[]) => items.map((m) => m.id);

const inject = (body: Record<string, unknown>) => h.bare.post('/__admin/messages', body);

describe('GET /v1/api/messages', () => {
	it('answers a bare array of messages with the verified field names', async () => {
		const [first, second] = await list();
		expect(Object.keys(first).sort()).toEqual([...MESSAGE_KEYS].sort());
		expect(first).toEqual({
			id: 501,
			type: 'incoming',
			content: 'Any news?',
			sent_at: at(0),
			created_at: at(0),
			readable_id: '2025-00100',
			sender_name: 'Carla Cruz',
			integration_id: '516700',
			case_id: 7001,
			sender: { id: expect.any(Number), role: 'client', email: 'carla@mail.test' },
			external_id: null,
		});
		expect(second).toMatchObject({ id: 502, type: 'outgoing', sender_name: 'Alice Avery', sender: { role: 'attorney', email: 'alice@firm.test' } });
	});

	it('lists oldest first, also when a message arrives with an earlier created_at', async () => {
		const injected = await inject({ case_id: 7003, content: 'Back-dated', created_at: at(45) });
		expect(injected.status).toBe(201);
		expect(ids(await list())).toEqual([501, injected.data.id, 502]);
	});

	it('filters created_after inclusively', async () => {
		expect(ids(await list({ created_after: at(90) }))).toEqual([502]);
		expect(ids(await list({ created_after: new Date(Date.parse(at(90)) + 1).toISOString() }))).toEqual([]);
		expect(ids(await list({ created_after: at(1) }))).toEqual([502]);
	});

	it('reads a created_after without a zone as UTC, and refuses one that is not a time', async () => {
		expect(ids(await list({ created_after: '2025-03-01T13:30:00' }))).toEqual([502]);
		const bad = await h.api.get('/v1/api/messages', { params: { created_after: 'yesterday' } });
		expect(bad.status).toBe(400);
		expect(bad.data).toEqual({ errors: [{ field: 'created_after', message: 'Enter a valid date/time.' }] });
	});

	it('filters by direction', async () => {
		expect(ids(await list({ direction: 'incoming' }))).toEqual([501]);
		expect(ids(await list({ direction: 'outgoing' }))).toEqual([502]);
		const bad = await h.api.get('/v1/api/messages', { params: { direction: 'Incoming' } });
		expect(bad.status).toBe(400);
		expect(bad.data.errors[0].field).toBe('direction');
	});

	it('filters by case_id, integration_id and readable_id; an unknown case lists nothing', async () => {
		const other = (await inject({ integration_id: '516703', content: 'On the appeal case' })).data.id;
		expect(ids(await list({ case_id: 7003 }))).toEqual([other]);
		expect(ids(await list({ integration_id: '516700' }))).toEqual([501, 502]);
		expect(ids(await list({ readable_id: '2025-00103' }))).toEqual([other]);
		expect(ids(await list({ case_id: 7001, integration_id: '516703' }))).toEqual([]);
		expect(await list({ case_id: 999999 })).toEqual([]);
		expect(await list({ integration_id: 'nope' })).toEqual([]);
		expect((await h.api.get('/v1/api/messages', { params: { case_id: 'abc' } })).status).toBe(400);
	});

	it('combines filters', async () => {
		await inject({ case_id: 7001, content: 'Later question', created_at: at(200) });
		await inject({ case_id: 7001, direction: 'outgoing', content: 'Later answer', created_at: at(210) });
		const found = await list({ case_id: 7001, direction: 'incoming', created_after: at(1) });
		expect(found.map((m) => m.content)).toEqual(['Later question']);
	});

	it('treats query names case-sensitively (Case Status is not ASP.NET)', async () => {
		expect(ids(await list({ Direction: 'outgoing' }))).toEqual([501, 502]);
	});
});

describe('POST /v1/api/messages', () => {
	it('sends a message to the client as the primary attorney, stamped with the simulator clock', async () => {
		await h.bare.post('/__admin/clock', { now: '2025-04-02T08:15:00.000Z' });
		const res = await h.api.post('/v1/api/messages', { case_id: 7001, content: 'Your deposition is Monday.' });
		expect(res.status).toBe(201);
		expect(Object.keys(res.data).sort()).toEqual([...MESSAGE_KEYS].sort());
		expect(res.data).toMatchObject({
			type: 'outgoing',
			content: 'Your deposition is Monday.',
			created_at: '2025-04-02T08:15:00.000Z',
			sent_at: '2025-04-02T08:15:00.000Z',
			case_id: 7001,
			readable_id: '2025-00100',
			integration_id: '516700',
			sender_name: 'Alice Avery',
			sender: { role: 'attorney', email: 'alice@firm.test' },
			external_id: null,
		});
		expect(ids(await list({ created_after: '2025-04-01T00:00:00Z' }))).toEqual([res.data.id]);
	});

	it('echoes external_id on the message and in the list, so a relay can recognise its own messages', async () => {
		const res = await h.api.post('/v1/api/messages', { integration_id: '516700', content: 'From a note', external_id: 'sa-note-4411' });
		expect(res.status).toBe(201);
		expect(res.data.external_id).toBe('sa-note-4411');
		const listed = (await list({ case_id: 7001 })).find((m) => m.id === res.data.id);
		expect(listed?.external_id).toBe('sa-note-4411');
	});

	it('takes numbers as external IDs and does not de-duplicate them', async () => {
		const one = await h.api.post('/v1/api/messages', { case_id: 7001, content: 'a', external_id: 4411 });
		const two = await h.api.post('/v1/api/messages', { case_id: 7001, content: 'a', external_id: 4411 });
		expect([one.status, two.status]).toEqual([201, 201]);
		expect(one.data.external_id).toBe('4411');
		expect(two.data.id).not.toBe(one.data.id);
	});

	it('names the case by readable_id too', async () => {
		const res = await h.api.post('/v1/api/messages', { readable_id: '2025-00101', content: 'Closed case note' });
		expect(res.status).toBe(201);
		expect(res.data.case_id).toBe(7002);
	});

	it('sends as another staff member by e-mail, under a chosen display name', async () => {
		const res = await h.api.post('/v1/api/messages', { case_id: 7001, content: 'Hi', sender_email: 'PAUL@firm.test', sender_name: 'Paul from Avery & Stone' });
		expect(res.status).toBe(201);
		expect(res.data.sender).toMatchObject({ role: 'paralegal', email: 'paul@firm.test' });
		expect(res.data.sender_name).toBe('Paul from Avery & Stone');
	});

	it('refuses a sender who is not a Case Status staff user', async () => {
		for (const email of ['nora@firm.test', 'carla@mail.test']) {
			const res = await h.api.post('/v1/api/messages', { case_id: 7001, content: 'Hi', sender_email: email });
			expect(res.status).toBe(422);
			expect(res.data).toEqual({ errors: [{ field: 'sender_email', message: `Sender not found: ${email}` }] });
		}
	});

	it('refuses empty content, no case, an unknown case and keys naming different cases', async () => {
		const post = (body: Record<string, unknown>) => h.api.post('/v1/api/messages', body);
		expect((await post({ case_id: 7001 })).data).toEqual({ errors: [{ field: 'content', message: 'This field is required.' }] });
		expect((await post({ case_id: 7001, content: '   ' })).data).toEqual({ errors: [{ field: 'content', message: 'This field may not be blank.' }] });
		const noCase = await post({ content: 'x' });
		expect(noCase.status).toBe(400);
		expect(noCase.data.errors[0].field).toBe('case_id');
		const unknown = await post({ case_id: 424242, content: 'x' });
		expect(unknown.status).toBe(404);
		expect(unknown.data).toEqual({ errors: [{ field: 'case_id', message: 'Case not found' }] });
		const unknownIntegration = await post({ integration_id: '1', content: 'x' });
		expect(unknownIntegration.status).toBe(404);
		expect(unknownIntegration.data.errors[0].field).toBe('integration_id');
		const mixed = await post({ case_id: 7001, integration_id: '516703', content: 'x' });
		expect(mixed.status).toBe(400);
		expect((await post({ case_id: 7001, integration_id: '516700', content: 'agreeing keys' })).status).toBe(201);
		const notJson = await h.api.post('/v1/api/messages', 'content=x', { headers: { 'content-type': 'application/json' } });
		expect(notJson.status).toBe(400);
	});
});

describe('POST /__admin/messages (a client writes in the app)', () => {
	it('adds an incoming message from the first client at a controlled time', async () => {
		const res = await inject({ case_id: 7001, content: 'Photo of the car', created_at: '2025-03-05T10:00:00Z' });
		expect(res.status).toBe(201);
		expect(res.data).toMatchObject({
			type: 'incoming',
			created_at: '2025-03-05T10:00:00.000Z',
			sender_name: 'Carla Cruz',
			sender: { role: 'client', email: 'carla@mail.test' },
		});
	});

	it('can name the client, the direction and the display name', async () => {
		const res = await inject({ integration_id: '516700', content: 'Hello', sender_email: 'erin@mail.test' });
		expect(res.status).toBe(422);
		const staff = await inject({ case_id: 7001, direction: 'outgoing', content: 'Hello', sender_email: 'sam@firm.test', sender_name: 'Sam S.' });
		expect(staff.data).toMatchObject({ type: 'outgoing', sender_name: 'Sam S.', sender: { email: 'sam@firm.test' } });
		expect((await inject({ case_id: 7001, direction: 'sideways', content: 'x' })).status).toBe(400);
		expect((await inject({ case_id: 7001, content: 'x', created_at: 'soon' })).status).toBe(400);
	});
});
