/**
 * Lookups by ID never pick the wrong case, whatever Case Status's filter did: the simulator is set to
 * ignore the case filters (`ignoreFilters`), as a misbehaving server or proxy would.
 */
import type { IDataObject } from 'n8n-workflow';

import { CaseStatus } from '../../../../../../nodes/CaseStatus/CaseStatus.node';
import { runNode } from '../../../../../support/n8nContext';
import { API_KEY, STAFF } from '../../../fixtures';
import { rl, startCs, type CsHarness } from '../../../harness';

let cs: CsHarness;
beforeAll(async () => {
	cs = await startCs();
});
afterAll(() => cs.close());
beforeEach(async () => {
	await cs.reset();
	await config({ ignoreFilters: true });
});

async function config(settings: IDataObject) {
	const response = await cs.admin.post('/__admin/config', settings);
	if (response.status !== 200) throw new Error(JSON.stringify(response.data));
}

const run = (parameters: IDataObject) => runNode(new CaseStatus(), { parameters, credentials: cs.credentials });
const errorOf = (pending: Promise<unknown>) => pending.then(() => undefined, (error: Error) => error);
const caseInCs = async (id: number) =>
	(await cs.admin.get(`/v1/api/cases/${id}`, { headers: { Authorization: `ApiKey ${API_KEY}` } })).data as IDataObject;

/** Create or Update of the Nguyen case (integration ID 516720, the second case listed) to stage Litigation. */
const upsertNguyen = (integrationId = '516720') =>
	run({
		resource: 'case',
		operation: 'upsert',
		integrationId,
		readableId: '2025-00140',
		primaryAttorneyEmail: STAFF.mendez,
		additionalFields: { stage: 'Litigation' },
	});

describe('lookups by ID when Case Status ignores the filter', () => {
	it('Create or Update updates the case with that integration ID, not the first case the server lists', async () => {
		await config({ pageSizeMax: 1 });
		const garciaBefore = await caseInCs(90001);
		const [item] = await upsertNguyen();
		expect(item.json).toMatchObject({ caseId: 90002, integrationId: '516720', operationResult: 'updated' });
		expect(await cs.writes()).toEqual(['PATCH /v1/api/cases/90002']);
		expect(await caseInCs(90001)).toEqual(garciaBefore);
	});

	it('Create or Update writes nothing when the server sends other cases and cannot be shown to hold none', async () => {
		await config({ pageSizeMax: 1 });
		const error = await errorOf(upsertNguyen('777777'));
		expect(error?.message).toBe('Case Status did not filter its cases by integration ID 777777');
		expect(await cs.writes()).toEqual([]);
	});

	it('Create or Update creates the case when every case the server sent has another integration ID', async () => {
		const [item] = await run({
			resource: 'case',
			operation: 'upsert',
			integrationId: '777778',
			readableId: '2025-00999',
			primaryAttorneyEmail: STAFF.hartwell,
			clients: { client: [{ firstName: 'Ana', lastName: 'Lopez', cellPhone: '(555) 301-0009' }] },
			additionalFields: { practiceArea: 'Workers Comp', stage: 'Intake' },
		});
		expect(item.json).toMatchObject({ operationResult: 'created', integrationId: '777778' });
		expect(await cs.writes()).toEqual(['POST /v1/api/cases']);
	});

	it('Get by readable ID returns that case', async () => {
		const [item] = await run({ resource: 'case', operation: 'get', case: rl('readableId', '2025-00140') });
		expect(item.json).toMatchObject({ caseId: 90002, readableId: '2025-00140' });
	});

	it('Get by integration ID says "not found" rather than returning another case', async () => {
		const error = await errorOf(run({ resource: 'case', operation: 'get', case: rl('integrationId', '123') }));
		expect(error?.message).toBe('No case with integration ID 123 exists in Case Status');
	});
});
