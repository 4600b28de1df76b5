import axios from 'axios';
import { createCaseStatusService, defaultFirm, startCaseStatusSimulator } from '../../../simulators/casestatus';
import { buildState } from '../../../simulators/casestatus/seed';
import { buildDemoFirm } from '../../../simulators/shared/demoFirm';
import { caseStatusEligibility, stageOfStatus } from '../../../simulators/shared/eligibility';
import { API_KEY, newCaseBody, smallFirm, startHarness, type Harness } from './fixtures';

describe('seeding from the firm model', () => {
	const state = buildState(smallFirm(), Date.parse('2025-03-01T00:00:00Z'));
	const user = (email: string) => [...state.users.values()].find((u) => u.email === email);

	it('makes users of staff in Case Status (role from kind) and of the clients of synced cases', () => {
		expect(user('nora@firm.test')).toBeUndefined();
		expect(user('adam@firm.test')?.role).toBe('admin');
		expect(user('paul@firm.test')?.role).toBe('paralegal');
		const clients = [...state.users.values()].filter((u) => u.role === 'client');
		expect(clients.map((c) => [c.first_name, c.cell_phone, c.integration_id])).toEqual([
			['Carla', '+15552013344', '3001'],
			['Dan', '+15552017788', '3002'],
			['Erin', '+15552019900', '3003'],
		]);
	});

	it('imports only cases in Case Status, keyed the way the sync expects', () => {
		expect(state.caseOrder).toEqual([7001, 7002, 7003]);
		const c = state.cases.get(7001)!;
		expect(c).toMatchObject({ readable_id: '2025-00100', integration_id: '516700', description: 'Case 2025-00100', case_date: '2024-12-24', closed_at: null });
		expect(state.caseByIntegrationId('516702')).toBeUndefined();
		const closed = state.cases.get(7002)!;
		expect(closed.case_date).toBe('2025-01-15');
		expect(closed.closed_at).toBe(Date.parse('2025-02-20T17:30:00.000Z'));
		expect(state.practiceAreas.get(closed.practice_area_id)?.name).toBe('Premises Liability');
	});

	it('leaves attorneys not in Case Status off a case', () => {
		const c = state.cases.get(7001)!;
		expect(c.attorney_ids.map((id) => state.users.get(id)!.email)).toEqual(['sam@firm.test']);
		expect(c.paralegal_ids.map((id) => state.users.get(id)!.email)).toEqual(['paul@firm.test']);
	});

	it('carries messages and only the Case Status documents', () => {
		expect(state.messages.items.map((m) => [m.id, m.type, m.sender_name])).toEqual([
			[501, 'incoming', 'Carla Cruz'],
			[502, 'outgoing', 'Alice Avery'],
		]);
		expect([...state.files.keys()]).toEqual([801]);
		expect(state.files.get(801)!.bytes.toString()).toBe('%PDF-1.4 police');
	});

	it('numbers cases without a Case Status ID after the highest one', () => {
		const firm = smallFirm();
		delete firm.cases[0].csCaseId;
		expect(buildState(firm, 0).caseOrder).toEqual([7002, 7003, 90001]);
	});

	it('refuses a firm whose synced case has no primary attorney in Case Status', () => {
		const firm = smallFirm();
		firm.cases[0].staff = [{ userId: 13, role: 'Primary Attorney' }];
		expect(() => buildState(firm, 0)).toThrow('Case 2025-00100 (in Case Status): its primary attorney is not in Case Status');
	});
});

describe('seeding the shared demo firm', () => {
	it('imports every synced case keyed by its SA IDs, in its practice area and stage', () => {
		const firm = buildDemoFirm();
		const state = buildState(firm, 0);
		const synced = firm.cases.filter((c) => c.inCaseStatus);
		expect(state.cases.size).toBe(synced.length);
		for (const firmCase of synced) {
			const c = state.caseByIntegrationId(String(firmCase.caseId))!;
			const area = state.practiceAreas.get(c.practice_area_id)!;
			const expectedStage = stageOfStatus(firm, firmCase.status);
			expect({
				readable: c.readable_id,
				area: area.name,
				mapped: area.integration_mappings.includes(firm.practiceAreas[firmCase.practiceArea].caseType),
				stage: state.stage(c.stage_id)?.name ?? null,
				clients: c.client_ids.length,
			}).toEqual({
				readable: firmCase.caseNumber,
				area: firm.practiceAreas[firmCase.practiceArea].csName,
				mapped: true,
				stage: expectedStage && expectedStage.inCaseStatus !== false ? expectedStage.name : null,
				clients: firmCase.clients.length,
			});
		}
	});

	it('leaves stages unknown to Case Status out of every practice area', () => {
		const firm = buildDemoFirm();
		const unknown = firm.stages.filter((s) => s.inCaseStatus === false).map((s) => s.name);
		expect(unknown.length).toBeGreaterThan(0);
		const state = buildState(firm, 0);
		for (const area of state.practiceAreas.values()) {
			expect(area.stages.map((s) => s.name).filter((name) => unknown.includes(name))).toEqual([]);
		}
	});
});

describe('the service and its admin API', () => {
	let h: Harness;
	beforeAll(async () => {
		h = await startHarness();
	});
	afterAll(() => h.close());
	beforeEach(async () => {
		await h.bare.post('/__admin/reset');
	});

	it('resets state, settings, clock and the file host log to the initial firm', async () => {
		await h.api.post('/v1/api/cases', newCaseBody());
		await h.bare.post('/__admin/config', { pageSizeDefault: 2 });
		await h.bare.post('/__admin/clock', { now: '2030-01-01T00:00:00Z' });
		const [file] = (await h.api.get('/v1/api/files')).data;
		await axios.get(file.url);
		expect(h.sim.fileHost.requests).toHaveLength(1);
		await h.bare.post('/__admin/reset');
		expect((await h.api.get('/v1/api/cases')).data.map((c: { id: number }) => c.id)).toEqual([7001, 7002, 7003]);
		expect(h.sim.fileHost.requests).toEqual([]);
		expect((await h.bare.post('/__admin/config', {})).data.pageSizeDefault).toBe(10);
		expect(h.sim.api.clock.now().getFullYear()).not.toBe(2030);
	});

	it('loads another firm through /__admin/seed, with its own API key', async () => {
		const firm = { ...smallFirm(), caseStatusApiKey: 'other-firm-key', cases: smallFirm().cases.slice(1, 2) };
		expect((await h.bare.post('/__admin/seed', firm)).status).toBe(200);
		expect((await h.api.get('/v1/api/cases')).status).toBe(401);
		const res = await h.bare.get('/v1/api/cases', { headers: { Authorization: 'ApiKey other-firm-key' } });
		expect(res.data.map((c: { id: number }) => c.id)).toEqual([7002]);
		expect(h.sim.service.firm().caseStatusApiKey).toBe('other-firm-key');
	});

	it('refuses a seed that is not a firm model, keeping the state', async () => {
		const res = await h.bare.post('/__admin/seed', { cases: 'none' });
		expect(res.status).toBe(400);
		expect(res.data.message).toMatch(/firm model/);
		const broken = smallFirm();
		broken.cases[0].staff = [];
		expect((await h.bare.post('/__admin/seed', broken)).status).toBe(400);
		expect((await h.api.get('/v1/api/cases')).data).toHaveLength(3);
	});

	it('refuses unknown or invalid settings', async () => {
		expect((await h.bare.post('/__admin/config', { pageSize: 5 })).status).toBe(400);
		expect((await h.bare.post('/__admin/config', { pageSizeMax: 0 })).status).toBe(400);
		expect((await h.bare.post('/__admin/config', { isCorporate: 'yes' })).status).toBe(400);
		const ok = await h.bare.post('/__admin/config', { fileUrlTtlSeconds: 30 });
		expect(ok.data).toMatchObject({ fileUrlTtlSeconds: 30, apiKey: API_KEY, pageSizeDefault: 10 });
	});

	it('dumps the state as JSON without file bytes', async () => {
		const state = (await h.bare.get('/__admin/state')).data;
		expect(Object.keys(state).sort()).toEqual(['cases', 'files', 'messages', 'practiceAreas', 'settings', 'users']);
		expect(state.files).toEqual([expect.objectContaining({ id: 801, size: 15 })]);
		expect(state.files[0]).not.toHaveProperty('bytes');
	});
});

describe('startCaseStatusSimulator without a firm', () => {
	it('serves the default firm: the demo firm if it exists, else an empty one', async () => {
		const firm = defaultFirm();
		const sim = await startCaseStatusSimulator();
		try {
			const synced = firm.cases.filter((c) => c.inCaseStatus);
			const res = await axios.get(`${sim.api.url}/reporting/cases`, { headers: { Authorization: `ApiKey ${firm.caseStatusApiKey}` } });
			expect(res.data.count).toBe(synced.length);
			expect(sim.fileHost.url).not.toBe(sim.api.url);
			// Every case the firm marks as synced is one Case Status would have accepted.
			for (const c of synced) expect({ case: c.caseNumber, reason: caseStatusEligibility(firm, c) }).toEqual({ case: c.caseNumber, reason: null });
		} finally {
			await sim.close();
		}
	});

	it('builds a service without servers for in-process use', () => {
		const service = createCaseStatusService(smallFirm());
		expect(service.name).toBe('casestatus');
		expect(service.caseInsensitive).toBe(false);
		expect(service.context.state.cases.size).toBe(3);
		expect(service.routes.map((r) => `${r.method} ${r.pattern}`)).toEqual(
			expect.arrayContaining(['GET /v1/api/messages', 'GET /v1/api/files', 'GET /reporting/cases', 'GET /reporting/firm', 'POST /v1/api/cases']),
		);
	});
});
