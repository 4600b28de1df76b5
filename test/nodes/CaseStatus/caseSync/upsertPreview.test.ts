import type { IDataObject } from 'n8n-workflow';

import { CaseStatus } from '../../../../nodes/CaseStatus/CaseStatus.node';
import { runNode } from '../../../support/n8nContext';
import { GARCIA_AS_IS, STAFF } from '../fixtures';
import { startCs, type CsHarness } from '../harness';

let cs: CsHarness;
beforeAll(async () => {
	cs = await startCs();
});
afterAll(() => cs.close());
beforeEach(() => cs.reset());

const NEW_CASE = {
	integrationId: '520000',
	readableId: '2025-00300',
	primaryAttorneyEmail: STAFF.mendez,
	clients: { client: [{ firstName: 'Ana', lastName: 'Ruiz', cellPhone: '(555) 401-2233' }] },
	additionalFields: { practiceArea: 'Workers Comp', stage: 'Intake', paralegalEmails: `${STAFF.tran}, ${STAFF.pratt}` },
};

const preview = (parameters: IDataObject) =>
	runNode(new CaseStatus(), {
		parameters: { resource: 'case', operation: 'upsert', previewOnly: true, ...parameters },
		credentials: cs.credentials,
	});

describe('Case → Create or Update, Preview Only (Write Nothing)', () => {
	it('says a missing case would be created, with each field it would set, and creates nothing', async () => {
		const [item] = await preview(NEW_CASE);
		expect(item.json).toMatchObject({ operationResult: 'wouldCreate', integrationId: '520000', readableId: '2025-00300', previewOnly: true });
		expect(item.json.changes).toEqual([
			{ field: 'readableId', from: null, to: '2025-00300' },
			{ field: 'practiceArea', from: null, to: 'Workers Comp' },
			{ field: 'stage', from: null, to: 'Intake' },
			{ field: 'primaryAttorneyEmail', from: null, to: STAFF.mendez },
			{ field: 'paralegalEmails', from: null, to: [STAFF.tran] },
		]);
		expect(item.json.ignoredEmails).toEqual([STAFF.pratt]);
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(await cs.writes()).toEqual([]);
		const [again] = await preview(NEW_CASE); // still missing: nothing was created
		expect(again.json.operationResult).toBe('wouldCreate');
	});

	it('says which fields of an existing case would change, from what to what, and writes nothing', async () => {
		const [item] = await preview({
			...GARCIA_AS_IS,
			additionalFields: { ...GARCIA_AS_IS.additionalFields, stage: 'Litigation', paralegalEmails: `${STAFF.tran}, ${STAFF.fitzgerald}`, closed: true },
		});
		expect(item.json).toMatchObject({ operationResult: 'wouldUpdate', caseId: 90001, changedFields: ['stage', 'paralegalEmails', 'closed'], ignoredEmails: [] });
		expect(item.json.changes).toEqual([
			{ field: 'stage', from: 'Pre-Litigation', to: 'Litigation' },
			{ field: 'paralegalEmails', from: [STAFF.tran], to: [STAFF.tran, STAFF.fitzgerald] },
			{ field: 'closed', from: false, to: true },
		]);
		expect(await cs.writes()).toEqual([]);
	});

	it('says an unchanged case is unchanged', async () => {
		const [item] = await preview(GARCIA_AS_IS);
		expect(item.json).toMatchObject({ operationResult: 'unchanged', changedFields: [], changes: [] });
		expect(await cs.writes()).toEqual([]);
	});

	it('foresees the refusals it can see without writing: unknown primary attorney, unmapped practice area or stage', async () => {
		const [attorney] = await preview({ ...NEW_CASE, primaryAttorneyEmail: STAFF.pratt });
		expect(attorney.json).toMatchObject({ operationResult: 'wouldFail', reason: `Primary attorney not found: ${STAFF.pratt}` });
		const [area] = await preview({ ...NEW_CASE, additionalFields: { practiceArea: 'Maritime' } });
		expect(area.json).toMatchObject({ operationResult: 'wouldFail', reason: 'Practice area not mapped: Maritime' });
		const [stage] = await preview({ ...GARCIA_AS_IS, additionalFields: { ...GARCIA_AS_IS.additionalFields, stage: 'Appeal Pending' } });
		expect(stage.json).toMatchObject({
			operationResult: 'wouldFail',
			reason: 'Stage not mapped: Appeal Pending',
			reasonCode: 'stageNotMapped',
			reasonLabel: 'Stage not mapped',
			whatToDo: "Stage 'Appeal Pending' is not mapped: add it to the stage map",
		});
		expect(await cs.writes()).toEqual([]);
	});

	it('says a case whose clients were not read would fail, and an existing case is compared as usual', async () => {
		const [missing] = await preview({ ...NEW_CASE, clientsNotRead: 'SmartAdvocate answered 503' });
		expect(missing.json).toMatchObject({
			operationResult: 'wouldFail',
			integrationId: '520000',
			readableId: '2025-00300',
			reason: 'Clients not read: SmartAdvocate answered 503',
			reasonCode: 'clientsNotRead',
			reasonLabel: 'Clients not read from SmartAdvocate',
			whatToDo: "SmartAdvocate did not give the case's clients (SmartAdvocate answered 503); it is tried again on the next run",
		});
		expect(missing.pairedItem).toEqual({ item: 0 });
		const [existing] = await preview({ ...GARCIA_AS_IS, clientsNotRead: 'SmartAdvocate answered 503', additionalFields: { ...GARCIA_AS_IS.additionalFields, stage: 'Litigation' } });
		expect(existing.json).toMatchObject({ operationResult: 'wouldUpdate', changedFields: ['stage'] });
		expect(existing.json.reasonCode).toBeUndefined();
		expect(await cs.writes()).toEqual([]);
	});
});
