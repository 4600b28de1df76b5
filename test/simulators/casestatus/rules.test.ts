import {
	MESSAGES,
	caseDate,
	checkCaseInput,
	clientInput,
	findExistingClient,
	matchPracticeArea,
	matchStage,
	parseTimestamp,
	type CaseEnv,
} from '../../../simulators/casestatus/rules';
import type { CsPracticeArea, CsUser } from '../../../simulators/casestatus/state';
import { newCaseBody, startHarness, type Harness } from './fixtures';

describe('import rules over HTTP (POST /v1/api/cases)', () => {
	let h: Harness;
	beforeAll(async () => {
		h = await startHarness();
	});
	afterAll(() => h.close());
	beforeEach(async () => {
		await h.bare.post('/__admin/reset');
	});

	const refused = async (overrides: Record<string, unknown>) => {
		const res = await h.api.post('/v1/api/cases', newCaseBody(overrides));
		const cases = (await h.api.get('/v1/api/cases', { params: { size: 100 } })).data as unknown[];
		expect(cases).toHaveLength(3);
		return { status: res.status, body: res.data };
	};

	it('refuses a primary attorney who is not a Case Status user (422)', async () => {
		expect(await refused({ primary_attorney_email: 'nora@firm.test' })).toEqual({
			status: 422,
			body: { errors: [{ field: 'primary_attorney_email', message: 'Primary attorney not found: nora@firm.test' }] },
		});
	});

	it('does not take a client as the primary attorney', async () => {
		expect((await refused({ primary_attorney_email: 'carla@mail.test' })).status).toBe(422);
	});

	it('refuses a client without a valid US cell phone (400)', async () => {
		const cases: [unknown, string][] = [
			['555-0100', 'Cell phone invalid: 555-0100'],
			['(155) 201-3344', 'Cell phone invalid: (155) 201-3344'],
			['+44 20 7946 0958', 'Cell phone invalid: +44 20 7946 0958'],
			[null, 'Cell phone invalid: '],
		];
		for (const [phone, message] of cases) {
			const result = await refused({ clients: [{ first_name: 'Gina', last_name: 'Gray', cell_phone: phone }] });
			expect(result).toEqual({ status: 400, body: { errors: [{ field: 'clients[0].cell_phone', message }] } });
		}
	});

	it('does not need a client cell phone in a corporate firm', async () => {
		await h.bare.post('/__admin/config', { isCorporate: true });
		const res = await h.api.post('/v1/api/cases', newCaseBody({ clients: [{ first_name: 'Acme', last_name: 'Corp', email: 'ops@acme.test' }] }));
		expect(res.status).toBe(201);
		expect(res.data.clients[0].cell_phone).toBeNull();
	});

	it('refuses a client without a first or last name (400 "Client missing name.")', async () => {
		expect(await refused({ clients: [{ last_name: 'Gray', cell_phone: '5553034455' }] })).toEqual({
			status: 400,
			body: { errors: [{ field: 'clients[0].first_name', message: 'Client missing name.' }] },
		});
		expect(await refused({ clients: [{ first_name: 'Gina', last_name: ' ', cell_phone: '5553034455' }] })).toEqual({
			status: 400,
			body: { errors: [{ field: 'clients[0].last_name', message: 'Client missing name.' }] },
		});
	});

	it('refuses a case without clients', async () => {
		expect(await refused({ clients: [] })).toEqual({ status: 400, body: { errors: [{ field: 'clients', message: 'At least one client is required.' }] } });
		expect(await refused({ clients: undefined })).toEqual({ status: 400, body: { errors: [{ field: 'clients', message: 'At least one client is required.' }] } });
	});

	it('refuses a practice area Case Status has no mapping for (422)', async () => {
		expect(await refused({ practice_area: 'Wage Claim' })).toEqual({
			status: 422,
			body: { errors: [{ field: 'practice_area', message: 'Practice area not mapped: Wage Claim' }] },
		});
	});

	it("matches practice areas case-sensitively: 'motor vehicle accident' is refused", async () => {
		expect(await refused({ practice_area: 'motor vehicle accident' })).toEqual({
			status: 422,
			body: { errors: [{ field: 'practice_area', message: 'Practice area not mapped: motor vehicle accident' }] },
		});
	});

	it('accepts an integration mapping of a practice area', async () => {
		const res = await h.api.post('/v1/api/cases', newCaseBody({ practice_area: 'Slip and Fall' }));
		expect(res.status).toBe(201);
		expect(res.data.practice_area.name).toBe('Premises Liability');
	});

	it('refuses a stage the practice area has no mapping for (422), case-sensitively', async () => {
		expect(await refused({ stage: 'Appeal' })).toEqual({ status: 422, body: { errors: [{ field: 'stage', message: 'Stage not mapped: Appeal' }] } });
		expect((await refused({ stage: 'treatment' })).body).toEqual({ errors: [{ field: 'stage', message: 'Stage not mapped: treatment' }] });
	});

	it('refuses a second case with the same integration ID (409) and names the existing case', async () => {
		expect(await refused({ integration_id: '516700' })).toEqual({
			status: 409,
			body: { errors: [{ field: 'integration_id', message: 'A case with integration ID 516700 already exists.' }], case_id: 7001 },
		});
		expect((await refused({ integration_id: 516700 })).status).toBe(409);
	});

	it('reports every malformed field at once, before conflicts and mappings', async () => {
		const res = await h.api.post('/v1/api/cases', {
			integration_id: '516700',
			practice_area: 'Nope',
			case_date: '2025-02-14T00:00:00Z',
			attorney_emails: 'sam@firm.test',
			clients: [{ first_name: 'A', last_name: 'B', cell_phone: '1' }],
		});
		expect(res.status).toBe(400);
		expect(res.data.errors).toEqual([
			{ field: 'readable_id', message: 'This field is required.' },
			{ field: 'case_date', message: MESSAGES.dateFormat },
			{ field: 'primary_attorney_email', message: 'This field is required.' },
			{ field: 'attorney_emails', message: 'Expected a list of items.' },
			{ field: 'clients[0].cell_phone', message: 'Cell phone invalid: 1' },
		]);
	});

	it('reports a duplicate before mapping errors, and all mapping errors together', async () => {
		const both = await h.api.post('/v1/api/cases', newCaseBody({ integration_id: '516700', practice_area: 'Nope' }));
		expect(both.status).toBe(409);
		const mappings = await h.api.post('/v1/api/cases', newCaseBody({ practice_area: 'Nope', primary_attorney_email: 'ghost@firm.test' }));
		expect(mappings.status).toBe(422);
		expect(mappings.data.errors.map((e: { field: string }) => e.field)).toEqual(['practice_area', 'primary_attorney_email']);
	});

	it('answers 400 to a body that is not a JSON object', async () => {
		expect((await h.api.post('/v1/api/cases', [1, 2])).status).toBe(400);
	});
});

describe('import rules as pure functions', () => {
	const stage = (id: number, name: string, position: number, mappings: string[] = [name]) => ({ id, name, position, description: '', integration_mappings: mappings });
	const mva: CsPracticeArea = { id: 1, name: 'Motor Vehicle Accident', integration_mappings: ['MVA', 'Auto'], stages: [stage(1, 'Intake', 1), stage(2, 'Treatment', 2, ['Treatment', 'Medical'])] };
	const wc: CsPracticeArea = { id: 2, name: 'Workers Comp', integration_mappings: [], stages: [stage(3, 'Filing', 1)] };
	const alice: CsUser = { id: 1, first_name: 'Alice', last_name: 'Avery', email: 'alice@firm.test', cell_phone: null, role: 'attorney', integration_id: null, created_at: 0 };
	const env: CaseEnv = {
		practiceAreas: [mva, wc],
		staffByEmail: (email) => (email.toLowerCase() === alice.email ? alice : undefined),
		caseByIntegrationId: () => undefined,
		practiceAreaOf: () => mva,
		stageOf: () => undefined,
		corporate: false,
	};

	it('matches practice areas and stages by display name or mapping, exactly', () => {
		expect(matchPracticeArea('Auto', [mva, wc])).toBe(mva);
		expect(matchPracticeArea('Workers Comp', [mva, wc])).toBe(wc);
		expect(matchPracticeArea('auto', [mva, wc])).toBeUndefined();
		expect(matchPracticeArea('Motor Vehicle Accident ', [mva, wc])).toBeUndefined();
		expect(matchStage('Medical', mva)?.name).toBe('Treatment');
		expect(matchStage('Filing', mva)).toBeUndefined();
	});

	it('normalises a valid client phone to E.164 and names the bad field otherwise', () => {
		expect(clientInput({ first_name: 'A', last_name: 'B', cell_phone: '1 (206) 555-0123' }, 'c', { corporate: false }).value?.cell_phone).toBe('+12065550123');
		expect(clientInput({ first_name: 'A', last_name: 'B', cell_phone: 2065550123 }, 'c', { corporate: false }).value?.cell_phone).toBe('+12065550123');
		expect(clientInput({ first_name: 'A', cell_phone: 'x' }, 'c', { corporate: false }).errors).toEqual([
			{ field: 'c.last_name', message: 'Client missing name.' },
			{ field: 'c.cell_phone', message: 'Cell phone invalid: x' },
		]);
		expect(clientInput('Gina', 'c', { corporate: false }).errors).toHaveLength(1);
	});

	it('finds an existing client by integration ID, then e-mail (corporate only), then phone (only without an integration ID)', () => {
		const found = { id: 9 } as CsUser;
		const lookup = (which: string) => ({
			byIntegrationId: (id: string) => (which === 'integration' && id === 'c1' ? found : undefined),
			byEmail: (email: string) => (which === 'email' && email === 'a@b.c' ? found : undefined),
			byPhone: (phone: string) => (which === 'phone' && phone === '+12065550123' ? found : undefined),
		});
		const input = { first_name: 'A', last_name: 'B', email: 'a@b.c', cell_phone: '+12065550123', integration_id: null };
		expect(findExistingClient({ ...input, integration_id: 'c1' }, lookup('integration'), { corporate: false })).toBe(found);
		expect(findExistingClient(input, lookup('email'), { corporate: true })).toBe(found);
		expect(findExistingClient(input, lookup('email'), { corporate: false })).toBeUndefined();
		expect(findExistingClient(input, lookup('phone'), { corporate: false })).toBe(found);
		expect(findExistingClient({ ...input, integration_id: 'other' }, lookup('phone'), { corporate: false })).toBeUndefined();
	});

	it('checks a whole create body and resolves what it names', () => {
		const check = checkCaseInput(
			{ readable_id: 'R1', practice_area: 'MVA', stage: 'Medical', primary_attorney_email: 'ALICE@firm.test', clients: [{ first_name: 'A', last_name: 'B', cell_phone: '2065550123' }] },
			env,
		);
		expect(check.ok).toBe(true);
		if (!check.ok) return;
		expect(check.changes.practiceArea).toBe(mva);
		expect(check.changes.stage?.name).toBe('Treatment');
		expect(check.changes.primaryAttorney).toBe(alice);
		expect(check.changes.createNewClient).toBe(true);
	});

	it('reads dates strictly and times as UTC unless zoned', () => {
		expect(caseDate('2025-02-29', 'd').errors).toHaveLength(1);
		expect(caseDate('2024-02-29', 'd').value).toBe('2024-02-29');
		expect(caseDate('02/14/2025', 'd').errors).toEqual([{ field: 'd', message: MESSAGES.dateFormat }]);
		expect(parseTimestamp('2025-03-01T12:00:00')).toBe(Date.parse('2025-03-01T12:00:00Z'));
		expect(parseTimestamp('2025-03-01T12:00:00-05:00')).toBe(Date.parse('2025-03-01T17:00:00Z'));
		expect(parseTimestamp('2025-03-01')).toBe(Date.parse('2025-03-01T00:00:00Z'));
		expect(parseTimestamp('March 1')).toBeNull();
	});
});
