import { diffCase, resolvePracticeArea } from '../../../../nodes/CaseStatus/caseSync/caseDiff';
import type { CsCaseRecord, CsPracticeAreaRecord } from '../../../../nodes/CaseStatus/helpers/records';

const stages = (first: number) => [
	{ id: first, name: 'Intake', position: 1, integration_mappings: ['Intake', 'Retained'] },
	{ id: first + 1, name: 'Pre-Litigation', position: 2, integration_mappings: ['Pre-Litigation', 'Treating'] },
];
const AREAS: CsPracticeAreaRecord[] = [
	{ id: 1, name: 'Motor Vehicle Accident', integration_mappings: ['Motor Vehicle Accident', 'MVA'], stages: stages(10) },
	{ id: 2, name: "Workers' Compensation", integration_mappings: ['Workers Comp'], stages: stages(20) },
];

const existing: CsCaseRecord = {
	id: 90001,
	readable_id: '2025-00137',
	integration_id: '516718',
	description: 'Garcia v. Kessler',
	practice_area: { id: 1, name: 'Motor Vehicle Accident' },
	stage: { id: 11, name: 'Pre-Litigation', position: 2 },
	case_date: '2025-02-01',
	closed_at: null,
	primary_attorney: { id: 1, email: 'daniel.hartwell@firm.com' },
	attorneys: [{ id: 3, email: 'marcus.bell@firm.com' }],
	paralegals: [
		{ id: 5, email: 'jessica.tran@firm.com' },
		{ id: 6, email: 'carlos.ortega@firm.com' },
	],
	clients: [],
	created_at: '2025-02-10T15:00:00.000Z',
	updated_at: '2025-02-10T15:00:00.000Z',
};

describe('diffCase', () => {
	it('finds nothing to change when every given value already matches', () => {
		const diff = diffCase(
			existing,
			{
				readableId: '2025-00137',
				description: 'Garcia v. Kessler\r\n',
				practiceArea: 'Motor Vehicle Accident',
				stage: 'Pre-Litigation',
				caseDate: '2025-02-01',
				primaryAttorneyEmail: 'Daniel.Hartwell@FIRM.com',
				attorneyEmails: ['MARCUS.BELL@firm.com'],
				paralegalEmails: ['carlos.ortega@firm.com', 'jessica.tran@firm.com'],
				closed: false,
			},
			AREAS,
		);
		expect(diff).toEqual({ changedFields: [], previous: {} });
	});

	it('compares practice area and stage by what Case Status maps the value to', () => {
		expect(diffCase(existing, { practiceArea: 'MVA', stage: 'Treating' }, AREAS).changedFields).toEqual([]);
		const moved = diffCase(existing, { practiceArea: 'Workers Comp', stage: 'Treating' }, AREAS);
		// Same stage name, but in another practice area: a different stage.
		expect(moved.changedFields).toEqual(['practiceArea', 'stage']);
		expect(moved.previous).toEqual({ practiceArea: 'Motor Vehicle Accident', stage: 'Pre-Litigation' });
	});

	it('falls back to names when the practice areas are not known', () => {
		expect(diffCase(existing, { stage: 'Pre-Litigation' }, []).changedFields).toEqual([]);
		expect(diffCase(existing, { stage: 'Treating' }, []).changedFields).toEqual(['stage']);
	});

	it('reports exactly the changed fields with their previous values', () => {
		const diff = diffCase(
			existing,
			{ stage: 'Intake', paralegalEmails: ['jessica.tran@firm.com'], caseDate: '2025-02-02', closed: true },
			AREAS,
		);
		expect(diff.changedFields).toEqual(['stage', 'caseDate', 'paralegalEmails', 'closed']);
		expect(diff.previous).toEqual({
			stage: 'Pre-Litigation',
			caseDate: '2025-02-01',
			paralegalEmails: ['jessica.tran@firm.com', 'carlos.ortega@firm.com'],
			closed: false,
		});
	});

	it('does not compare fields that were not given', () => {
		expect(diffCase(existing, {}, AREAS).changedFields).toEqual([]);
	});

	it('does not count the primary attorney as an additional attorney when Case Status lists them together', () => {
		const listedTwice = { ...existing, attorneys: [existing.primary_attorney!, ...existing.attorneys] };
		expect(diffCase(listedTwice, { attorneyEmails: ['marcus.bell@firm.com'] }, AREAS).changedFields).toEqual([]);
	});

	it('sees an emptied list as a change', () => {
		expect(diffCase(existing, { attorneyEmails: [] }, AREAS).changedFields).toEqual(['attorneyEmails']);
	});
});

describe('resolvePracticeArea', () => {
	it('matches the display name or a mapping, case-sensitively', () => {
		expect(resolvePracticeArea('Workers Comp', AREAS)?.id).toBe(2);
		expect(resolvePracticeArea("Workers' Compensation", AREAS)?.id).toBe(2);
		expect(resolvePracticeArea('workers comp', AREAS)).toBeUndefined();
	});
});
