import type { IDataObject } from 'n8n-workflow';

import { CaseStatus } from '../../../../../../nodes/CaseStatus/CaseStatus.node';
import { runNode } from '../../../../../support/n8nContext';
import { API_KEY, STAFF } from '../../../fixtures';
import { startCs, type CsHarness } from '../../../harness';

let cs: CsHarness;
beforeAll(async () => {
	cs = await startCs();
});
afterAll(() => cs.close());
beforeEach(() => cs.reset());

/** The Garcia case exactly as the fixture put it in Case Status, in the node's words. */
const GARCIA_AS_IS = {
	integrationId: '516718',
	readableId: '2025-00137',
	primaryAttorneyEmail: STAFF.hartwell,
	additionalFields: {
		description: 'Garcia v. Kessler — rear-ended at a red light',
		practiceArea: 'Motor Vehicle Accident',
		stage: 'Pre-Litigation',
		caseDate: '2025-02-01',
		attorneyEmails: STAFF.bell,
		paralegalEmails: STAFF.tran,
		closed: false,
	},
};

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

	it('reopens a closed case and closes an open one, without a PATCH when nothing else changed', async () => {
		const [reopened] = await upsert({ integrationId: '516500', additionalFields: { closed: false } });
		expect(reopened.json).toMatchObject({ operationResult: 'updated', changedFields: ['closed'], previous: { closed: true }, closed: false });
		const [closed] = await upsert({ integrationId: '516718', additionalFields: { closed: true } });
		expect(closed.json).toMatchObject({ operationResult: 'updated', changedFields: ['closed'], closed: true });
		expect(await cs.writes()).toEqual(['POST /v1/api/cases/90003/reopen', 'POST /v1/api/cases/90001/close']);
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
			error: 'Case Status refused to update case 2025-00137 (integration ID 516718): Stage not mapped: Appeal',
			readableId: '2025-00137',
			integrationId: '516718',
			reason: 'Stage not mapped: Appeal',
		});
		expect(output[1].json).toMatchObject({ operationResult: 'updated', changedFields: ['stage'] });
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('needs the readable ID to create a case', async () => {
		await expect(upsert({ integrationId: '599999', primaryAttorneyEmail: STAFF.hartwell })).rejects.toThrow(
			'The Readable ID is empty, so case with integration ID 599999 cannot be created',
		);
		expect(await cs.writes()).toEqual([]);
	});

	it('needs an integration ID', async () => {
		await expect(upsert({ integrationId: ' ' })).rejects.toThrow('The Integration ID is empty');
	});
});
