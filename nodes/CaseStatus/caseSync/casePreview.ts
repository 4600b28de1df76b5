import type { IDataObject } from 'n8n-workflow';

import { resolvePracticeArea, resolveStage } from './caseDiff';
import { SYNCED_FIELDS, type DesiredCase, type SyncedField } from './caseFields';
import type { CsPracticeAreaRecord } from '../helpers/records';

/** One field a write would change: its value in Case Status now (null for a new case) and the value it would get. */
export interface FieldChange extends IDataObject {
	field: SyncedField;
	from: IDataObject[string];
	to: IDataObject[string];
}

const valueOf = (value: unknown) => (value === undefined ? null : (value as IDataObject[string]));

/** What creating the case would set: every given field, from nothing. */
export function changesToCreate(desired: DesiredCase): FieldChange[] {
	return SYNCED_FIELDS.filter((field) => desired[field] !== undefined).map((field) => ({
		field,
		from: null,
		to: valueOf(desired[field]),
	}));
}

/** What updating the case would change: each differing field, from its value now to the given one. */
export function changesToUpdate(changedFields: SyncedField[], previous: IDataObject, desired: DesiredCase): FieldChange[] {
	return changedFields.map((field) => ({ field, from: valueOf(previous[field]), to: valueOf(desired[field]) }));
}

/**
 * Why Case Status would refuse a case, as far as can be told without writing: an unknown primary
 * attorney, a practice area or stage it cannot map. Worded as Case Status words its refusals.
 * `staff` or `areas` undefined/empty (the account cannot list them) means "cannot tell".
 */
export function foreseenRefusal(
	desired: DesiredCase,
	staff: Set<string> | undefined,
	areas: CsPracticeAreaRecord[],
	existingAreaId?: number,
): string | undefined {
	const primary = desired.primaryAttorneyEmail;
	if (primary && staff && !staff.has(primary.trim().toLowerCase())) return `Primary attorney not found: ${primary}`;
	if (!areas.length) return undefined;
	const area =
		desired.practiceArea !== undefined
			? resolvePracticeArea(desired.practiceArea, areas)
			: areas.find((candidate) => candidate.id === existingAreaId);
	if (desired.practiceArea !== undefined && !area) return `Practice area not mapped: ${desired.practiceArea}`;
	if (desired.stage !== undefined && area && !resolveStage(desired.stage, area)) return `Stage not mapped: ${desired.stage}`;
	return undefined;
}
