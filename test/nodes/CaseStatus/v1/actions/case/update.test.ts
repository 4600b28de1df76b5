import type { IDataObject } from 'n8n-workflow';

import { CaseStatus } from '../../../../../../nodes/CaseStatus/CaseStatus.node';
import { runNode } from '../../../../../support/n8nContext';
import { STAFF } from '../../../fixtures';
import { rl, startCs, type CsHarness } from '../../../harness';

let cs: CsHarness;
beforeAll(async () => {
	cs = await startCs();
});
afterAll(() => cs.close());
beforeEach(() => cs.reset());

const update = (parameters: IDataObject, continueOnFail = false) =>
	runNode(new CaseStatus(), {
		parameters: { resource: 'case', operation: 'update', ...parameters },
		credentials: cs.credentials,
		continueOnFail,
	});

describe('Case → Update', () => {
	it('changes the given fields of a case found by readable ID', async () => {
		const [item] = await update({
			case: rl('readableId', '2025-00137'),
			updateFields: {
				stage: 'Litigation',
				primaryAttorneyEmail: STAFF.mendez,
				attorneyEmails: [STAFF.raman],
				paralegalEmails: `${STAFF.ortega}, ${STAFF.tran}`,
				description: 'Garcia v. Kessler (suit filed)',
				caseDate: '2025-02-02',
				readableId: '2025-00137-A',
			},
		});
		expect(item.json).toMatchObject({
			caseId: 90001,
			readableId: '2025-00137-A',
			stage: 'Litigation',
			primaryAttorneyEmail: STAFF.mendez,
			attorneyEmails: [STAFF.raman],
			paralegalEmails: [STAFF.ortega, STAFF.tran],
			description: 'Garcia v. Kessler (suit filed)',
			caseDate: '2025-02-02',
		});
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(await cs.writes()).toEqual(['PATCH /v1/api/cases/90001']);
	});

	it('removes every paralegal and the date with Empty Fields "Clear Them in Case Status", and only then', async () => {
		const fields = { paralegalEmails: '', caseDate: '' };
		await expect(update({ case: rl('integrationId', '516718'), updateFields: fields })).rejects.toThrow('No field to update');
		const [item] = await update({ case: rl('integrationId', '516718'), updateFields: fields, emptyFields: 'clear' });
		expect(item.json).toMatchObject({ paralegalEmails: [], caseDate: null, attorneyEmails: [STAFF.bell] });
		expect(await cs.writes()).toEqual(['PATCH /v1/api/cases/90001']);
	});

	it('closes and reopens a case', async () => {
		const [closed] = await update({ case: rl('integrationId', '516718'), updateFields: { closed: true } });
		expect(closed.json).toMatchObject({ closed: true });
		expect(closed.json.closedAt).toEqual(expect.any(String));
		const [reopened] = await update({ case: rl('id', '90001'), updateFields: { closed: false } });
		expect(reopened.json).toMatchObject({ closed: false, closedAt: null });
		expect(await cs.writes()).toEqual(['PATCH /v1/api/cases/90001', 'PATCH /v1/api/cases/90001']);
	});

	it('closes a case in the same call as its other changes, and keeps the closing time of a case already closed', async () => {
		const [closed] = await update({ case: rl('id', '90001'), updateFields: { closed: true, stage: 'Litigation' } });
		expect(closed.json).toMatchObject({ closed: true, stage: 'Litigation' });
		const [again] = await update({ case: rl('id', '90001'), updateFields: { closed: true, stage: 'Intake' } });
		expect(again.json).toMatchObject({ closed: true, stage: 'Intake', closedAt: closed.json.closedAt });
		expect(await cs.writes()).toEqual(['PATCH /v1/api/cases/90001', 'PATCH /v1/api/cases/90001']);
	});

	it('moves a case to another practice area and stage', async () => {
		const [item] = await update({ case: rl('id', '90002'), updateFields: { practiceArea: 'Dog Bite', stage: 'Litigation' } });
		expect(item.json).toMatchObject({ practiceArea: 'Dog Bite', stage: 'Litigation' });
	});

	it('names the case when Case Status refuses the change', async () => {
		await expect(update({ case: rl('id', '90002'), updateFields: { primaryAttorneyEmail: STAFF.pratt } })).rejects.toThrow(
			`Case Status refused to update case 2025-00140 (integration ID 516720): Attorney ${STAFF.pratt} has no Case Status user: invite them`,
		);
		const [item] = await update({ case: rl('id', '90002'), updateFields: { stage: 'Appeal' } }, true);
		expect(item.json).toMatchObject({
			readableId: '2025-00140',
			integrationId: '516720',
			reason: 'Stage not mapped: Appeal',
			reasonCode: 'stageNotMapped',
			reasonLabel: 'Stage not mapped',
			whatToDo: "Stage 'Appeal' is not mapped: add it to the stage map",
		});
	});

	it('asks for at least one field', async () => {
		await expect(update({ case: rl('id', '90001'), updateFields: { description: '  ' } })).rejects.toThrow('No field to update');
		expect(await cs.requests()).toEqual([]);
	});
});
