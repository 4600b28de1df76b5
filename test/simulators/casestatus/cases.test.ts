import { newCaseBody, startHarness, type Harness } from './fixtures';

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(() => h.close());
beforeEach(async () => {
	await h.bare.post('/__admin/reset');
});

const CASE_KEYS = [
	'id', 'readable_id', 'integration_id', 'integration_type', 'description', 'practice_area', 'stage', 'case_date', 'closed_at',
	'primary_attorney', 'attorneys', 'paralegals', 'clients', 'created_at', 'updated_at',
];

const list = async (params: Record<string, string | number> = {}) => {
	const res = await h.api.get('/v1/api/cases', { params });
	expect(res.status).toBe(200);
	return (res.data as { id: number }[]).map((c) => c.id);
};
const setClock = (now: string) => h.bare.post('/__admin/clock', { now });
const create = (overrides: Record<string, unknown> = {}) => h.api.post('/v1/api/cases', newCaseBody(overrides));

describe('GET /v1/api/cases', () => {
	it('lists the synced cases by ID with the documented shape', async () => {
		const res = await h.api.get('/v1/api/cases');
		expect(res.data.map((c: { id: number }) => c.id)).toEqual([7001, 7002, 7003]);
		const [first] = res.data;
		expect(Object.keys(first).sort()).toEqual([...CASE_KEYS].sort());
		expect(first).toMatchObject({
			readable_id: '2025-00100',
			integration_id: '516700',
			integration_type: 'SMARTADVOCATE',
			practice_area: { id: expect.any(Number), name: 'Motor Vehicle Accident' },
			stage: { id: expect.any(Number), name: 'Treatment', position: 2 },
			case_date: '2024-12-24',
			closed_at: null,
			primary_attorney: { id: expect.any(Number), email: 'alice@firm.test', first_name: 'Alice', last_name: 'Avery' },
			attorneys: [{ id: expect.any(Number), email: 'sam@firm.test', first_name: 'Sam', last_name: 'Stone' }],
			paralegals: [{ id: expect.any(Number), email: 'paul@firm.test', first_name: 'Paul', last_name: 'Pratt' }],
			clients: [
				{ id: expect.any(Number), first_name: 'Carla', last_name: 'Cruz', email: 'carla@mail.test', cell_phone: '+15552013344' },
				{ id: expect.any(Number), first_name: 'Dan', last_name: 'Diaz', email: null, cell_phone: '+15552017788' },
			],
		});
	});

	it('filters by integration ID, readable ID, practice area (name or mapping), stage, status and updated_after', async () => {
		expect(await list({ integration_id: '516701' })).toEqual([7002]);
		expect(await list({ readable_id: '2025-00103' })).toEqual([7003]);
		expect(await list({ readable_id: '2025-00103', integration_id: '516701' })).toEqual([]);
		expect(await list({ practice_area: 'Premises Liability' })).toEqual([7002]);
		expect(await list({ practice_area: 'Slip and Fall' })).toEqual([7002]);
		expect(await list({ practice_area: 'premises liability' })).toEqual([]);
		expect(await list({ stage: 'Intake' })).toEqual([7002]);
		expect(await list({ status: 'closed' })).toEqual([7002]);
		expect(await list({ status: 'open' })).toEqual([7001, 7003]);
		expect(await list({ updated_after: '2025-02-01T09:00:00.000Z' })).toEqual([7001, 7002, 7003]);
		expect(await list({ updated_after: '2025-02-01T09:00:00.001Z' })).toEqual([7002]);
		expect((await h.api.get('/v1/api/cases', { params: { status: 'onhold' } })).status).toBe(400);
		expect((await h.api.get('/v1/api/cases', { params: { updated_after: 'x' } })).status).toBe(400);
	});

	it('keeps a case in a stage Case Status does not know without a stage', async () => {
		const res = await h.api.get('/v1/api/cases/7003');
		expect(res.status).toBe(200);
		expect(res.data.stage).toBeNull();
	});

	it('answers 404 for an unknown or malformed case ID', async () => {
		for (const id of ['424242', 'abc', '0']) {
			const res = await h.api.get(`/v1/api/cases/${id}`);
			expect(res.status).toBe(404);
			expect(res.data).toEqual({ detail: 'Not found.' });
		}
	});
});

describe('POST /v1/api/cases', () => {
	it('creates a case that reads back the same, with the client phone in E.164', async () => {
		await setClock('2025-04-01T10:00:00.000Z');
		const res = await create();
		expect(res.status).toBe(201);
		expect(Object.keys(res.data).sort()).toEqual([...CASE_KEYS].sort());
		expect(res.data).toMatchObject({
			readable_id: '2025-00200',
			integration_id: '516800',
			integration_type: 'THIRD_PARTY',
			description: 'Rear-ended on I-5',
			practice_area: { name: 'Motor Vehicle Accident' },
			stage: { name: 'Treatment', position: 2 },
			case_date: '2025-02-14',
			closed_at: null,
			primary_attorney: { email: 'alice@firm.test' },
			attorneys: [{ email: 'sam@firm.test' }],
			paralegals: [{ email: 'paul@firm.test' }],
			clients: [{ first_name: 'Gina', last_name: 'Gray', email: 'gina@mail.test', cell_phone: '+15553034455' }],
			created_at: '2025-04-01T10:00:00.000Z',
			updated_at: '2025-04-01T10:00:00.000Z',
		});
		expect(res.data.id).toBeGreaterThan(7003);
		expect((await h.api.get(`/v1/api/cases/${res.data.id}`)).data).toEqual(res.data);
		expect(await list({ integration_id: '516800' })).toEqual([res.data.id]);
		const users = (await h.api.get('/v1/api/users', { params: { role: 'client', size: 100 } })).data;
		expect(users.filter((u: { email: string }) => u.email === 'gina@mail.test')).toHaveLength(1);
	});

	it('puts a case without a stage in the first stage, and takes optional fields as absent', async () => {
		const res = await h.api.post('/v1/api/cases', {
			readable_id: 'MIN-1',
			practice_area: 'Trip and Fall',
			primary_attorney_email: 'ALICE@firm.test',
			clients: [{ first_name: 'Hal', last_name: 'Hill', cell_phone: '2065550123' }],
		});
		expect(res.status).toBe(201);
		expect(res.data).toMatchObject({
			integration_id: null,
			description: '',
			practice_area: { name: 'Premises Liability' },
			stage: { name: 'Intake', position: 1 },
			case_date: null,
			attorneys: [],
			paralegals: [],
			clients: [{ email: null, cell_phone: '+12065550123' }],
		});
	});

	it('creates a closed case from closed_date, and keeps a given integration_type', async () => {
		const res = await create({ closed_date: '2025-03-31', integration_type: 'SMARTADVOCATE' });
		expect(res.status).toBe(201);
		expect(res.data.closed_at).toBe('2025-03-31T00:00:00.000Z');
		expect(res.data.integration_type).toBe('SMARTADVOCATE');
	});

	it('reuses an existing client found by cell phone and refreshes the name, never creating a duplicate', async () => {
		const res = await create({ clients: [{ first_name: 'Carla', last_name: 'Cruz-Lopez', cell_phone: '555 201 3344' }] });
		expect(res.status).toBe(201);
		const seeded = (await h.api.get('/v1/api/cases/7001')).data.clients[0];
		expect(res.data.clients).toEqual([{ ...seeded, last_name: 'Cruz-Lopez' }]);
		const clients = (await h.api.get('/v1/api/users', { params: { role: 'client', size: 100 } })).data;
		expect(clients).toHaveLength(3);
	});

	it('reuses an existing client found by integration ID even when the phone changed', async () => {
		const res = await create({ clients: [{ first_name: 'Dan', last_name: 'Diaz', cell_phone: '(555) 999-0000', integration_id: '3002' }] });
		expect(res.status).toBe(201);
		expect(res.data.clients[0]).toMatchObject({ first_name: 'Dan', cell_phone: '+15559990000', integration_id: '3002' });
		const dan = (await h.api.get('/v1/api/cases/7003')).data.clients[0];
		expect(dan.id).toBe(res.data.clients[0].id);
		expect(dan.cell_phone).toBe('+15559990000');
	});

	it('stops the import when create_new_client is false and the client is unknown', async () => {
		const res = await create({ create_new_client: false });
		expect(res.status).toBe(422);
		expect(res.data).toEqual({ errors: [{ field: 'clients[0]', message: 'Client not found, stopping import.' }] });
		expect(await list({ integration_id: '516800' })).toEqual([]);
		const ok = await create({ create_new_client: false, clients: [{ first_name: 'Erin', last_name: 'Ellis', cell_phone: '5552019900' }] });
		expect(ok.status).toBe(201);
	});

	it('leaves out additional attorneys and paralegals Case Status does not know (only the primary attorney is required)', async () => {
		const res = await create({ attorney_emails: ['nora@firm.test', 'sam@firm.test', 'alice@firm.test'], paralegal_emails: ['ghost@firm.test'] });
		expect(res.status).toBe(201);
		expect(res.data.attorneys.map((a: { email: string }) => a.email)).toEqual(['sam@firm.test']);
		expect(res.data.paralegals).toEqual([]);
	});
});

describe('PATCH /v1/api/cases/{id}', () => {
	it('changes the stage and bumps updated_at', async () => {
		await setClock('2025-06-01T00:00:00.000Z');
		const res = await h.api.patch('/v1/api/cases/7001', { stage: 'Litigation' });
		expect(res.status).toBe(200);
		expect(res.data.stage).toMatchObject({ name: 'Litigation', position: 3 });
		expect(res.data.updated_at).toBe('2025-06-01T00:00:00.000Z');
		expect(await list({ stage: 'Litigation' })).toEqual([7001]);
	});

	it('keeps the stage by name when the practice area changes, and otherwise leaves fields alone', async () => {
		const before = (await h.api.get('/v1/api/cases/7001')).data;
		const res = await h.api.patch('/v1/api/cases/7001', { practice_area: 'Premises Liability', description: 'Moved' });
		expect(res.status).toBe(200);
		expect(res.data).toMatchObject({ practice_area: { name: 'Premises Liability' }, stage: { name: 'Treatment' }, description: 'Moved' });
		expect(res.data.stage.id).not.toBe(before.stage.id);
		expect(res.data.clients).toEqual(before.clients);
		expect(res.data.primary_attorney).toEqual(before.primary_attorney);
		expect(res.data.readable_id).toBe(before.readable_id);
	});

	it('gives a stageless case the first stage of a new practice area', async () => {
		const res = await h.api.patch('/v1/api/cases/7003', { practice_area: 'Premises Liability' });
		expect(res.data.stage).toMatchObject({ name: 'Intake' });
	});

	it('replaces people, readable ID, case date and integration ID', async () => {
		const res = await h.api.patch('/v1/api/cases/7001', {
			readable_id: '2025-00100-A',
			integration_id: '999001',
			case_date: '2024-12-25',
			primary_attorney_email: 'sam@firm.test',
			paralegal_emails: [],
			clients: [{ first_name: 'Erin', last_name: 'Ellis', cell_phone: '5552019900' }],
		});
		expect(res.status).toBe(200);
		expect(res.data).toMatchObject({
			readable_id: '2025-00100-A',
			integration_id: '999001',
			case_date: '2024-12-25',
			primary_attorney: { email: 'sam@firm.test' },
			attorneys: [],
			paralegals: [],
			clients: [{ first_name: 'Erin' }],
		});
		expect(await list({ integration_id: '516700' })).toEqual([]);
		expect(await list({ integration_id: '999001' })).toEqual([7001]);
		expect(await list({ readable_id: '2025-00100-A' })).toEqual([7001]);
		expect((await h.api.post('/v1/api/messages', { readable_id: '2025-00100-A', content: 'x' })).data.case_id).toBe(7001);
	});

	it('applies the import rules and changes nothing when they fail', async () => {
		const before = (await h.api.get('/v1/api/cases/7001')).data;
		const stage = await h.api.patch('/v1/api/cases/7001', { stage: 'Appeal' });
		expect(stage.status).toBe(422);
		expect(stage.data).toEqual({ errors: [{ field: 'stage', message: 'Stage not mapped: Appeal' }] });
		const duplicate = await h.api.patch('/v1/api/cases/7001', { integration_id: '516701' });
		expect(duplicate.status).toBe(409);
		expect(duplicate.data.case_id).toBe(7002);
		const nulls = await h.api.patch('/v1/api/cases/7001', { practice_area: null, readable_id: null });
		expect(nulls.status).toBe(400);
		expect(nulls.data.errors.map((e: { field: string }) => e.field).sort()).toEqual(['practice_area', 'readable_id']);
		const noClients = await h.api.patch('/v1/api/cases/7001', { clients: [] });
		expect(noClients.data).toEqual({ errors: [{ field: 'clients', message: 'At least one client is required.' }] });
		expect((await h.api.get('/v1/api/cases/7001')).data).toEqual(before);
		expect((await h.api.patch('/v1/api/cases/7001', { integration_id: '516700' })).status).toBe(200);
		expect((await h.api.patch('/v1/api/cases/424242', { description: 'x' })).status).toBe(404);
	});

	it('clears the description, case date and staff lists when sent empty', async () => {
		const res = await h.api.patch('/v1/api/cases/7001', { description: '', case_date: null, attorney_emails: [], paralegal_emails: [] });
		expect(res.status).toBe(200);
		expect(res.data).toMatchObject({ description: '', case_date: null, attorneys: [], paralegals: [], primary_attorney: { email: 'alice@firm.test' } });
	});

	it('closes with closed_date and reopens with closed_date null', async () => {
		const closed = await h.api.patch('/v1/api/cases/7001', { closed_date: '2025-05-05T15:00:00Z' });
		expect(closed.data.closed_at).toBe('2025-05-05T15:00:00.000Z');
		const reopened = await h.api.patch('/v1/api/cases/7001', { closed_date: null });
		expect(reopened.data.closed_at).toBeNull();
	});
});

describe('close and reopen', () => {
	it('closes an open case at the simulator time, idempotently', async () => {
		await setClock('2025-07-01T12:00:00.000Z');
		const closed = await h.api.post('/v1/api/cases/7001/close');
		expect(closed.status).toBe(200);
		expect(closed.data.closed_at).toBe('2025-07-01T12:00:00.000Z');
		expect(closed.data.updated_at).toBe('2025-07-01T12:00:00.000Z');
		await setClock('2025-07-02T12:00:00.000Z');
		const again = await h.api.post('/v1/api/cases/7001/close');
		expect(again.status).toBe(200);
		expect(again.data.closed_at).toBe('2025-07-01T12:00:00.000Z');
		expect(await list({ status: 'closed' })).toEqual([7001, 7002]);
	});

	it('reopens a closed case, idempotently', async () => {
		const reopened = await h.api.post('/v1/api/cases/7002/reopen');
		expect(reopened.status).toBe(200);
		expect(reopened.data.closed_at).toBeNull();
		expect((await h.api.post('/v1/api/cases/7002/reopen')).data.closed_at).toBeNull();
		expect(await list({ status: 'closed' })).toEqual([]);
	});

	it('answers 404 for an unknown case', async () => {
		expect((await h.api.post('/v1/api/cases/1/close')).status).toBe(404);
		expect((await h.api.post('/v1/api/cases/1/reopen')).status).toBe(404);
	});
});

describe('DELETE /__admin/cases/{id}', () => {
	it('removes a case from the API, and its integration ID can be used again', async () => {
		const created = (await create({ integration_id: 'DEL-1', readable_id: 'DEL-1' })).data as { id: number };
		expect((await h.bare.delete(`/__admin/cases/${created.id}`)).status).toBe(200);
		expect((await h.api.get(`/v1/api/cases/${created.id}`)).status).toBe(404);
		expect((await h.api.patch(`/v1/api/cases/${created.id}`, { description: 'x' })).status).toBe(404);
		expect(await list({ integration_id: 'DEL-1' })).toEqual([]);
		expect(await list()).not.toContain(created.id);
		expect((await create({ integration_id: 'DEL-1', readable_id: 'DEL-1' })).status).toBe(201);
	});

	it('answers 404 for an unknown case', async () => {
		expect((await h.bare.delete('/__admin/cases/424242')).status).toBe(404);
	});
});
