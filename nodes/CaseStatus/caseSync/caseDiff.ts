import type { IDataObject } from 'n8n-workflow';

import { calendarDate, SYNCED_FIELDS, type DesiredCase, type SyncedField } from './caseFields';
import type { CsCaseRecord, CsPerson, CsPracticeAreaRecord, CsStageRecord } from '../helpers/records';

export interface CaseDiff {
	/** The given fields whose value differs from the case, in a fixed order. */
	changedFields: SyncedField[];
	/** The case's values before the change, for each changed field. */
	previous: IDataObject;
}

/**
 * The practice area a value names: its display name or one of its integration mappings. Case
 * Status matches both exactly (case-sensitive), so this does too.
 */
export function resolvePracticeArea(value: string, areas: CsPracticeAreaRecord[]): CsPracticeAreaRecord | undefined {
	return (
		areas.find((area) => area.name === value) ??
		areas.find((area) => (area.integration_mappings ?? []).includes(value))
	);
}

/** The stage a value names within a practice area: its name or one of its integration mappings. */
export function resolveStage(value: string, area: CsPracticeAreaRecord | undefined): CsStageRecord | undefined {
	const stages = area?.stages ?? [];
	return stages.find((stage) => stage.name === value) ?? stages.find((stage) => (stage.integration_mappings ?? []).includes(value));
}

const emailKey = (email: string | null | undefined) => (email ?? '').trim().toLowerCase();

const emailsOf = (people: CsPerson[] | undefined) =>
	(people ?? []).map((person) => person.email).filter((email): email is string => Boolean(email));

function sameEmailSet(a: string[], b: string[]): boolean {
	const left = new Set(a.map(emailKey));
	const right = new Set(b.map(emailKey));
	return left.size === right.size && [...left].every((email) => right.has(email));
}

const normalizedText = (text: string | null | undefined) => (text ?? '').replace(/\r\n?/g, '\n').trim();

/** The attorneys besides the primary one (some Case Status answers list the primary there too). */
function additionalAttorneys(existing: CsCaseRecord): string[] {
	const primary = existing.primary_attorney;
	return emailsOf(
		(existing.attorneys ?? []).filter(
			(person) => !(primary && (person.id === primary.id || emailKey(person.email) === emailKey(primary.email))),
		),
	);
}

const comparedPerson = (person: CsPerson): CsPerson => ({ id: person.id, email: person.email });

/**
 * The part of a case that diffCase compares (and that names it): what a kept directory holds, so
 * that 10,000 cases do not keep their clients and names in memory between runs. `clients` and
 * `created_at` are left out.
 */
export function comparedPart(record: CsCaseRecord): CsCaseRecord {
	const { practice_area: area, stage, primary_attorney: primary } = record;
	return {
		id: record.id,
		readable_id: record.readable_id,
		integration_id: record.integration_id,
		description: record.description,
		practice_area: area ? { id: area.id, name: area.name } : null,
		stage: stage ? { id: stage.id, name: stage.name } : null,
		case_date: record.case_date,
		closed_at: record.closed_at,
		primary_attorney: primary ? comparedPerson(primary) : null,
		attorneys: (record.attorneys ?? []).map(comparedPerson),
		paralegals: (record.paralegals ?? []).map(comparedPerson),
		updated_at: record.updated_at,
	} as CsCaseRecord;
}

/** The case's current value of a field, as the node names and shapes it. */
export function currentValue(existing: CsCaseRecord, field: SyncedField): unknown {
	switch (field) {
		case 'readableId':
			return existing.readable_id;
		case 'description':
			return existing.description ?? '';
		case 'practiceArea':
			return existing.practice_area?.name ?? null;
		case 'stage':
			return existing.stage?.name ?? null;
		case 'caseDate':
			return existing.case_date ?? null;
		case 'primaryAttorneyEmail':
			return existing.primary_attorney?.email ?? null;
		case 'attorneyEmails':
			return additionalAttorneys(existing);
		case 'paralegalEmails':
			return emailsOf(existing.paralegals);
		case 'closed':
			return Boolean(existing.closed_at);
	}
}

function differs(
	existing: CsCaseRecord,
	desired: DesiredCase,
	field: SyncedField,
	areas: CsPracticeAreaRecord[],
): boolean {
	switch (field) {
		case 'readableId':
			return desired.readableId !== existing.readable_id;
		case 'description':
			return normalizedText(desired.description) !== normalizedText(existing.description);
		case 'practiceArea': {
			const area = resolvePracticeArea(desired.practiceArea as string, areas);
			return area ? area.id !== existing.practice_area?.id : desired.practiceArea !== existing.practice_area?.name;
		}
		case 'stage': {
			const wantedArea =
				desired.practiceArea !== undefined ? resolvePracticeArea(desired.practiceArea, areas) : undefined;
			const area = wantedArea ?? areas.find((candidate) => candidate.id === existing.practice_area?.id);
			const stage = resolveStage(desired.stage as string, area);
			return stage ? stage.id !== existing.stage?.id : desired.stage !== existing.stage?.name;
		}
		case 'caseDate':
			return calendarDate(desired.caseDate).date !== calendarDate(existing.case_date).date;
		case 'primaryAttorneyEmail':
			return emailKey(desired.primaryAttorneyEmail) !== emailKey(existing.primary_attorney?.email);
		case 'attorneyEmails':
			return !sameEmailSet(desired.attorneyEmails ?? [], additionalAttorneys(existing));
		case 'paralegalEmails':
			return !sameEmailSet(desired.paralegalEmails ?? [], emailsOf(existing.paralegals));
		case 'closed':
			return desired.closed !== Boolean(existing.closed_at);
	}
}

/**
 * Which of the given fields differ from the case as Case Status has it. Fields not given are
 * not compared; a cleared field (no paralegals, no date…) is compared as "none". E-mails compare case-insensitively, attorney and paralegal lists as sets, dates
 * as calendar dates, and practice area and stage by what Case Status would map the value to.
 * `practiceAreas` may be empty (then practice area and stage compare by name).
 */
export function diffCase(existing: CsCaseRecord, desired: DesiredCase, practiceAreas: CsPracticeAreaRecord[]): CaseDiff {
	const changedFields: SyncedField[] = [];
	const previous: IDataObject = {};
	for (const field of SYNCED_FIELDS) {
		if (desired[field] === undefined) continue;
		if (!differs(existing, desired, field, practiceAreas)) continue;
		changedFields.push(field);
		previous[field] = currentValue(existing, field) as IDataObject[string];
	}
	return { changedFields, previous };
}
