import type { IDataObject } from 'n8n-workflow';

import { CaseStatus } from '../../../../../../nodes/CaseStatus/CaseStatus.node';
import { runNode } from '../../../../../support/n8nContext';
import { API_KEY, GARCIA_AS_IS, STAFF } from '../../../fixtures';
import { startCs, type CsHarness } from '../../../harness';

let cs: CsHarness;
beforeAll(async () => {
	cs = await startCs();
});
afterAll(() => cs.close());
beforeEach(() => cs.reset());

const upsert = (parameters: IDataObject, items?: IDataObject[], continueOnFail = false) =>
	runNode(new CaseStatus(), {
		parameters: { resource: 'case', operation: 'upsert', ...parameters },
		items: items?.map((json) => ({ json })),
		credentials: cs.credentials,
		continueOnFail,
	});

const getCase = async (id: number) =>
	(await cs.admin.get(`/v1/api/cases/${id}`, { headers: { Authorization: `ApiKey ${API_KEY}` } })).data as IDataObject;

describe('Case → Create or Update', () => {
	it('writes nothing for a case whose fields are unchanged', async () => {
		const [item] = await upsert(GARCIA_AS_IS);
		expect(item.json).toMatchObject({ caseId: 90001, operationResult: 'unchanged', changedFields: [], previous: {} });
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(await cs.writes()).toEqual([]);
	});

	it('writes nothing when values differ only in spelling: e-mail case, list order, date format', async () => {
		const [item] = await upsert({
			integrationId: '516718',
			readableId: '2025-00137',
			primaryAttorneyEmail: STAFF.hartwell.toUpperCase(),
			additionalFields: {
				stage: 'Pre-Litigation',
				caseDate: '2025-02-01T00:00:00',
				attorneyEmails: [STAFF.bell.toUpperCase()],
				paralegalEmails: ` ${STAFF.tran} `,
			},
		});
		expect(item.json.operationResult).toBe('unchanged');
		expect(await cs.writes()).toEqual([]);
	});

	it('updates exactly the changed fields and says what they were before', async () => {
		const before = await getCase(90001);
		const [item] = await upsert({
			...GARCIA_AS_IS,
			additionalFields: { ...GARCIA_AS_IS.additionalFields, stage: 'Litigation', paralegalEmails: `${STAFF.tran}, ${STAFF.fitzgerald}` },
		});
		expect(item.json).toMatchObject({
			operationResult: 'updated',
			changedFields: ['stage', 'paralegalEmails'],
			previous: { stage: 'Pre-Litigation', paralegalEmails: [STAFF.tran] },
			stage: 'Litigation',
			paralegalEmails: [STAFF.tran, STAFF.fitzgerald],
		});
		expect(await cs.writes()).toEqual(['PATCH /v1/api/cases/90001']);
		const after = await getCase(90001);
		const untouched = ['readable_id', 'description', 'practice_area', 'case_date', 'primary_attorney', 'attorneys', 'clients'];
		for (const key of untouched) expect(after[key]).toEqual(before[key]);
	});

	it('compares and writes only the fields given, so a workflow can sync a subset', async () => {
		const [item] = await upsert({ integrationId: '516718', additionalFields: { stage: 'Intake' } });
		expect(item.json).toMatchObject({ operationResult: 'updated', changedFields: ['stage'] });
		const [again] = await upsert({ integrationId: '516718', additionalFields: { stage: 'Intake' } });
		expect(again.json).toMatchObject({ operationResult: 'unchanged', changedFields: [] });
		expect(await cs.writes()).toEqual(['PATCH /v1/api/cases/90001']);
	});

	it('reopens a closed case and closes an open one with one PATCH each, no separate close or reopen call', async () => {
		const [reopened] = await upsert({ integrationId: '516500', additionalFields: { closed: false } });
		expect(reopened.json).toMatchObject({ operationResult: 'updated', changedFields: ['closed'], previous: { closed: true }, closed: false });
		const [closed] = await upsert({ integrationId: '516718', additionalFields: { closed: true } });
		expect(closed.json).toMatchObject({ operationResult: 'updated', changedFields: ['closed'], closed: true });
		expect(await cs.writes()).toEqual(['PATCH /v1/api/cases/90003', 'PATCH /v1/api/cases/90001']);
		expect((await getCase(90003)).closed_at).toBeNull();
		expect((await getCase(90001)).closed_at).toEqual(expect.any(String));
	});

	it('closes a case in the same PATCH as its other changed fields', async () => {
		const [item] = await upsert({ integrationId: '516718', additionalFields: { stage: 'Litigation', closed: true } });
		expect(item.json).toMatchObject({ operationResult: 'updated', changedFields: ['stage', 'closed'], closed: true, stage: 'Litigation' });
		expect(await cs.writes()).toEqual(['PATCH /v1/api/cases/90001']);
	});

	it('creates a closed case closed, in one call', async () => {
		const [item] = await upsert({
			integrationId: '520030',
			readableId: '2025-00330',
			primaryAttorneyEmail: STAFF.mendez,
			clients: { client: [{ firstName: 'Ana', lastName: 'Ruiz', cellPhone: '(555) 401-2233' }] },
			additionalFields: { practiceArea: 'Workers Comp', closed: true },
		});
		expect(item.json).toMatchObject({ operationResult: 'created', closed: true });
		expect(await cs.writes()).toEqual(['POST /v1/api/cases']);
		expect((await getCase(item.json.caseId as number)).closed_at).toEqual(expect.any(String));
	});

	it('creates the case when no case has the integration ID', async () => {
		const [item] = await upsert({
			integrationId: '520000',
			readableId: '2025-00300',
			primaryAttorneyEmail: STAFF.mendez,
			clients: { client: [{ firstName: 'Ana', lastName: 'Ruiz', cellPhone: '(555) 401-2233' }] },
			additionalFields: { practiceArea: 'Workers Comp', stage: 'Intake' },
		});
		expect(item.json).toMatchObject({
			operationResult: 'created',
			integrationId: '520000',
			practiceArea: "Workers' Compensation",
			changedFields: ['readableId', 'practiceArea', 'stage', 'primaryAttorneyEmail'],
		});
		expect(await cs.writes()).toEqual(['POST /v1/api/cases']);
	});

	it('writes nothing on the next run for a case created with a mapped practice area name', async () => {
		const parameters = {
			integrationId: '520001',
			readableId: '2025-00301',
			primaryAttorneyEmail: STAFF.mendez,
			clients: { client: [{ firstName: 'Ana', lastName: 'Ruiz', cellPhone: '(555) 401-2233' }] },
			// SmartAdvocate's case type; Case Status maps it to the practice area "Workers' Compensation".
			additionalFields: { practiceArea: 'Workers Comp', stage: 'Intake' },
		};
		const [first] = await upsert(parameters);
		const [second] = await upsert(parameters);
		expect([first.json.operationResult, second.json.operationResult]).toEqual(['created', 'unchanged']);
		expect(await cs.writes()).toEqual(['POST /v1/api/cases']);
	});

	it('ignores additional staff without a Case Status account, so the case stays unchanged', async () => {
		const [item] = await upsert({
			...GARCIA_AS_IS,
			additionalFields: { ...GARCIA_AS_IS.additionalFields, attorneyEmails: `${STAFF.bell}, ${STAFF.pratt}` },
		});
		expect(item.json).toMatchObject({ operationResult: 'unchanged', ignoredEmails: [STAFF.pratt] });
		expect(await cs.writes()).toEqual([]);
	});

	it('reads the practice areas and users once per run, not once per case', async () => {
		const rows = [
			{ id: '516718', stage: 'Pre-Litigation', paralegals: STAFF.tran },
			{ id: '516720', stage: 'Intake', paralegals: STAFF.ortega },
			{ id: '516500', stage: 'Closed', paralegals: '' },
		];
		const output = await upsert(
			{
				integrationId: '={{ $json.id }}',
				additionalFields: { stage: '={{ $json.stage }}', paralegalEmails: '={{ $json.paralegals }}' },
			},
			rows,
		);
		expect(output.map((item) => item.json.operationResult)).toEqual(['unchanged', 'unchanged', 'unchanged']);
		const reads = (await cs.requests()).map((r) => `${r.method} ${r.path}`);
		expect(reads.filter((r) => r === 'GET /v1/api/practice-areas')).toHaveLength(1);
		expect(reads.filter((r) => r === 'GET /v1/api/users')).toHaveLength(4);
		expect(await cs.writes()).toEqual([]);
	});

	it('names the case when Case Status refuses the update, and goes on with the next case', async () => {
		const output = await upsert(
			{ integrationId: '={{ $json.id }}', readableId: '={{ $json.number }}', additionalFields: { stage: '={{ $json.stage }}' } },
			[
				{ id: '516718', number: '2025-00137', stage: 'Appeal' },
				{ id: '516720', number: '2025-00140', stage: 'Litigation' },
			],
			true,
		);
		expect(output[0].json).toMatchObject({
			error: "Case Status refused to update case 2025-00137 (integration ID 516718): Stage 'Appeal' is not mapped: add it to the stage map",
			readableId: '2025-00137',
			integrationId: '516718',
			reason: 'Stage not mapped: Appeal',
		});
		expect(output[1].json).toMatchObject({ operationResult: 'updated', changedFields: ['stage'] });
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('does not create a case whose clients could not be read ("Clients Not Read"), and still updates an existing one', async () => {
		const output = await upsert(
			{
				integrationId: '={{ $json.id }}',
				readableId: '={{ $json.number }}',
				primaryAttorneyEmail: STAFF.mendez,
				clientsNotRead: '={{ $json.clientsError }}',
				additionalFields: { practiceArea: 'Workers Comp', stage: '={{ $json.stage }}' },
			},
			[
				{ id: '520000', number: '2025-00300', stage: 'Intake', clientsError: 'SmartAdvocate answered 500' },
				{ id: '516720', number: '2025-00140', stage: 'Litigation', clientsError: 'SmartAdvocate answered 500' },
			],
			true,
		);
		expect(output[0].json).toMatchObject({
			error: "Case 2025-00300 (integration ID 520000) was not created: SmartAdvocate did not give the case's clients (SmartAdvocate answered 500); it is tried again on the next run",
			readableId: '2025-00300',
			integrationId: '520000',
			reasonCode: 'clientsNotRead',
		});
		expect(output[1].json).toMatchObject({ operationResult: 'updated', integrationId: '516720', changedFields: expect.arrayContaining(['stage']) });
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(await cs.writes()).toEqual(['PATCH /v1/api/cases/90002']);
	});

	it('needs the readable ID to create a case', async () => {
		await expect(upsert({ integrationId: '599999', primaryAttorneyEmail: STAFF.hartwell })).rejects.toThrow(
			'The Readable ID is empty, so case with integration ID 599999 cannot be created',
		);
		expect(await cs.writes()).toEqual([]);
	});

	it('says on every result whom Case Status does not know, an empty list when everyone is known', async () => {
		const [unchanged] = await upsert(GARCIA_AS_IS);
		expect(unchanged.json).toMatchObject({ operationResult: 'unchanged', ignoredEmails: [] });
		const [updated] = await upsert({ ...GARCIA_AS_IS, additionalFields: { ...GARCIA_AS_IS.additionalFields, stage: 'Litigation' } });
		expect(updated.json).toMatchObject({ operationResult: 'updated', ignoredEmails: [] });
		const [created] = await upsert({
			integrationId: '520010',
			readableId: '2025-00310',
			primaryAttorneyEmail: STAFF.mendez,
			clients: { client: [{ firstName: 'Ana', lastName: 'Ruiz', cellPhone: '(555) 401-2233' }] },
			additionalFields: { practiceArea: 'Workers Comp', attorneyEmails: `${STAFF.pratt}, ${STAFF.bell}`, paralegalEmails: STAFF.tran },
		});
		expect(created.json).toMatchObject({
			operationResult: 'created',
			ignoredEmails: [STAFF.pratt],
			attorneyEmails: [STAFF.bell],
			paralegalEmails: [STAFF.tran],
		});
	});

	it('creates clients with their SmartAdvocate contact ID, so a client whose phone changed is found, not created twice', async () => {
		const client = (cellPhone: string) => JSON.stringify([{ contactId: 1695999, firstName: 'Ana', lastName: 'Ruiz', cellPhone, email: null }]);
		const create = (integrationId: string, readableId: string, clientsJson: string) =>
			upsert({
				integrationId,
				readableId,
				primaryAttorneyEmail: STAFF.mendez,
				clientsInput: 'json',
				clientsJson,
				additionalFields: { practiceArea: 'Workers Comp' },
				simplify: false,
			});
		const [first] = await create('520020', '2025-00320', client('(555) 401-2233'));
		const [second] = await create('520021', '2025-00321', client('(555) 777-1212'));
		const [firstClient] = first.json.clients as IDataObject[];
		const [secondClient] = second.json.clients as IDataObject[];
		expect(firstClient).toMatchObject({ integration_id: '1695999', cell_phone: '+15554012233' });
		expect(secondClient).toMatchObject({ id: firstClient.id, integration_id: '1695999', cell_phone: '+15557771212' });
	});

	describe('Empty Fields', () => {
		const CLEARED = { description: '', caseDate: '', attorneyEmails: [], paralegalEmails: '' };

		it('clears the last paralegal, additional attorney, description and case date with "Clear Them in Case Status"', async () => {
			const [item] = await upsert({ integrationId: '516718', additionalFields: CLEARED, emptyFields: 'clear' });
			expect(item.json).toMatchObject({
				operationResult: 'updated',
				changedFields: ['description', 'caseDate', 'attorneyEmails', 'paralegalEmails'],
				previous: { caseDate: '2025-02-01', attorneyEmails: [STAFF.bell], paralegalEmails: [STAFF.tran] },
				description: '',
				caseDate: null,
				attorneyEmails: [],
				paralegalEmails: [],
			});
			const after = await getCase(90001);
			expect(after).toMatchObject({ description: '', case_date: null, attorneys: [], paralegals: [] });
			// "None" is what Case Status holds now, so the next run writes nothing.
			const [again] = await upsert({ integrationId: '516718', additionalFields: CLEARED, emptyFields: 'clear' });
			expect(again.json.operationResult).toBe('unchanged');
			expect(await cs.writes()).toEqual(['PATCH /v1/api/cases/90001']);
		});

		it('leaves Case Status as it is for empty fields by default, and never touches a field not added', async () => {
			const [item] = await upsert({ integrationId: '516718', additionalFields: CLEARED });
			expect(item.json.operationResult).toBe('unchanged');
			const [other] = await upsert({ integrationId: '516718', additionalFields: { paralegalEmails: '' }, emptyFields: 'clear' });
			expect(other.json).toMatchObject({ operationResult: 'updated', changedFields: ['paralegalEmails'], attorneyEmails: [STAFF.bell] });
			expect((await getCase(90001)).description).toBe(GARCIA_AS_IS.additionalFields.description);
		});

		it('does not clear what Case Status requires: an empty stage or practice area is left as it is', async () => {
			const [item] = await upsert({ integrationId: '516718', additionalFields: { stage: '', practiceArea: '' }, emptyFields: 'clear' });
			expect(item.json).toMatchObject({ operationResult: 'unchanged', stage: 'Pre-Litigation' });
			expect(await cs.writes()).toEqual([]);
		});
	});

	it('needs an integration ID', async () => {
		await expect(upsert({ integrationId: ' ' })).rejects.toThrow('The Integration ID is empty');
	});
});
