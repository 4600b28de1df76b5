import { startHarness, type Harness } from './fixtures';

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(() => h.close());
beforeEach(async () => {
	await h.bare.post('/__admin/reset');
});

describe('GET /v1/api/practice-areas', () => {
	it('lists the practice areas in Case Status with their ordered stages and mappings', async () => {
		const res = await h.api.get('/v1/api/practice-areas');
		expect(res.status).toBe(200);
		const stages = (names: string[]) =>
			names.map((name, i) => ({ id: expect.any(Number), name, position: i + 1, description: expect.any(String), integration_mappings: [name] }));
		expect(res.data).toEqual([
			{ id: expect.any(Number), name: 'Motor Vehicle Accident', integration_mappings: ['Motor Vehicle Accident'], stages: stages(['Intake', 'Treatment', 'Litigation']) },
			{ id: expect.any(Number), name: 'Premises Liability', integration_mappings: ['Slip and Fall', 'Trip and Fall'], stages: stages(['Intake', 'Treatment', 'Litigation']) },
		]);
		const [mva, premises] = res.data;
		expect(new Set([...mva.stages, ...premises.stages].map((s: { id: number }) => s.id)).size).toBe(6);
	});

	it('serves one practice area by ID, or 404', async () => {
		const [mva] = (await h.api.get('/v1/api/practice-areas')).data;
		expect((await h.api.get(`/v1/api/practice-areas/${mva.id}`)).data).toEqual(mva);
		expect((await h.api.get('/v1/api/practice-areas/999')).status).toBe(404);
	});
});

describe('GET /v1/api/users', () => {
	const KEYS = ['id', 'first_name', 'last_name', 'email', 'cell_phone', 'role'];

	it('lists staff in Case Status and the clients of synced cases', async () => {
		const res = await h.api.get('/v1/api/users', { params: { size: 100 } });
		expect(res.status).toBe(200);
		expect(Object.keys(res.data[0]).sort()).toEqual([...KEYS].sort());
		const summary = res.data.map((u: { email: string | null; first_name: string; role: string }) => `${u.role}:${u.email ?? u.first_name}`);
		expect(summary).toEqual([
			'attorney:alice@firm.test',
			'paralegal:paul@firm.test',
			'admin:adam@firm.test',
			'attorney:sam@firm.test',
			'client:carla@mail.test',
			'client:Dan',
			'client:erin@mail.test',
		]);
	});

	it('filters by role and by e-mail regardless of case', async () => {
		const attorneys = (await h.api.get('/v1/api/users', { params: { role: 'attorney' } })).data;
		expect(attorneys.map((u: { email: string }) => u.email)).toEqual(['alice@firm.test', 'sam@firm.test']);
		const byEmail = (await h.api.get('/v1/api/users', { params: { email: 'Alice@Firm.test' } })).data;
		expect(byEmail).toEqual([{ id: expect.any(Number), first_name: 'Alice', last_name: 'Avery', email: 'alice@firm.test', cell_phone: '+15552010011', role: 'attorney' }]);
		expect((await h.api.get('/v1/api/users', { params: { email: 'nora@firm.test' } })).data).toEqual([]);
		const bad = await h.api.get('/v1/api/users', { params: { role: 'co_counsel' } });
		expect(bad.status).toBe(400);
		expect(bad.data.errors[0].field).toBe('role');
	});

	it('serves one user by ID, or 404', async () => {
		const [alice] = (await h.api.get('/v1/api/users')).data;
		expect((await h.api.get(`/v1/api/users/${alice.id}`)).data).toEqual(alice);
		expect((await h.api.get('/v1/api/users/1')).status).toBe(404);
	});
});

describe('POST /__admin/users', () => {
	it('adds a staff user who can then be a primary attorney', async () => {
		const added = await h.bare.post('/__admin/users', { first_name: 'Nora', last_name: 'Nash', email: 'nora@firm.test', role: 'attorney' });
		expect(added.status).toBe(201);
		expect(added.data).toMatchObject({ email: 'nora@firm.test', role: 'attorney' });
		expect((await h.api.post('/v1/api/messages', { case_id: 7001, content: 'x', sender_email: 'nora@firm.test' })).status).toBe(201);
		expect((await h.bare.post('/__admin/users', { first_name: 'N', last_name: 'N', email: 'NORA@firm.test' })).status).toBe(409);
		expect((await h.bare.post('/__admin/users', { first_name: 'N', email: 'x@firm.test' })).status).toBe(400);
		expect((await h.bare.post('/__admin/users', { first_name: 'N', last_name: 'N', email: 'y@firm.test', role: 'owner' })).status).toBe(400);
	});
});
