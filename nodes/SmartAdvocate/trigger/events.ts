/**
 * What each trigger event polls, which time it follows, and how an item is identified and output.
 * New Note follows a note's createdDate (edits never re-fire); New or Updated Case follows a case's
 * modifiedDate and identifies each version of a case as `caseID@modifiedDate`, so every change fires once.
 */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { smartAdvocateByDatePaged, smartAdvocateEndpoints } from '../transport';
import { CaseStaffCache, getCaseContacts, getCaseStaff } from '../v1/actions/caseLookup';
import { parseSmartAdvocateDate, type SaInstant } from '../helpers/dates';
import { mapWithConcurrency } from '../../shared/concurrency';
import { noteMatches, type NoteFilter } from '../helpers/noteFilter';
import { simplifyCase, simplifyNote } from '../helpers/simplify';

export type TriggerEvent = 'newNote' | 'newOrUpdatedCase';

/** One polled record with the identity and time the cursor follows. */
export interface PolledRecord {
	id: string;
	/** ISO-8601 (a time SmartAdvocate wrote without a zone is read as if UTC, consistently). */
	at: string;
	ms: number;
	/** Whether SmartAdvocate wrote the time without a zone. */
	naive: boolean;
	record: IDataObject;
}

export interface EventDefinition {
	/** Label for messages, e.g. "note". */
	noun: string;
	/** Records changed in the window [from, to), oldest first. */
	fetch(ctx: IPollFunctions, from: string, to: string): Promise<IDataObject[]>;
	/** The identity and time of a record. */
	stamp(record: IDataObject): { id: string; instant: SaInstant | undefined };
	/** Whether the record passes the user's filters. */
	matches(record: IDataObject, filter: NoteFilter): boolean;
	/** The records as output, raw or simplified. */
	output(ctx: IPollFunctions, records: IDataObject[], simplify: boolean): Promise<IDataObject[]>;
}

const newNote: EventDefinition = {
	noun: 'note',
	fetch: async (ctx, from, to) =>
		await smartAdvocateByDatePaged(
			ctx,
			smartAdvocateEndpoints.notesByDatePaged(),
			{ modifiedFrom: from, modifiedTo: to },
			{},
			{
				action: `check for new notes since ${from}`,
				notFound: 'This SmartAdvocate server does not offer the note search by date (case/notes/byDatePaged) the trigger needs',
			},
		),
	stamp: (note) => ({ id: String(note.noteID), instant: parseSmartAdvocateDate(note.createdDate) }),
	matches: (note, filter) => noteMatches(note, filter),
	async output(ctx, notes, simplify) {
		if (!simplify) return notes;
		const staff = new CaseStaffCache(ctx);
		const rows: IDataObject[] = [];
		for (const note of notes) {
			const caseStaff = await settle(staff.of(Number(note.caseID)));
			const row = simplifyNote(note, caseStaff.value ?? []) as unknown as IDataObject;
			rows.push(
				caseStaff.failure === undefined
					? row
					: withWarning(row, `The author's name and e-mail are empty: the staff of case ${note.caseID} could not be read (${caseStaff.failure})`),
			);
		}
		return rows;
	},
};

const newOrUpdatedCase: EventDefinition = {
	noun: 'case',
	fetch: async (ctx, from, to) =>
		await smartAdvocateByDatePaged(
			ctx,
			smartAdvocateEndpoints.casesByDatePaged(),
			{ modifiedFrom: from, modifiedTo: to, extra: { includeClosed: true } },
			// By modified date and case ID: staff editing cases during the poll cannot make one skipped.
			{ keyset: { idField: 'caseID' } },
			{
				action: `check for new or changed cases since ${from}`,
				notFound: 'This SmartAdvocate server does not offer the case search by date (case/byDatePaged) the trigger needs',
			},
		),
	stamp: (c) => ({ id: `${c.caseID}@${c.modifiedDate}`, instant: parseSmartAdvocateDate(c.modifiedDate) }),
	matches: () => true,
	async output(ctx, cases, simplify) {
		if (!simplify) return cases;
		return await mapWithConcurrency(cases, 4, async (c) => {
			const [contacts, staff] = await Promise.all([settle(getCaseContacts(ctx, c.caseID as number)), settle(getCaseStaff(ctx, c))]);
			const row = simplifyCase(c, contacts.value ?? [], staff.value ?? []) as unknown as IDataObject;
			const missing = [
				contacts.failure !== undefined && `the clients are empty: they could not be read (${contacts.failure})`,
				staff.failure !== undefined && `the staff is empty: it could not be read (${staff.failure})`,
			].filter((part): part is string => Boolean(part));
			return missing.length ? withWarning(row, `Case ${c.caseID}: ${missing.join('; ')}`) : row;
		});
	},
};

/**
 * What a poll needs to fetch beyond the listing (a note's case staff, a case's clients) may fail for
 * one item (e.g. a 403 on one case); that item still fires, with the part left empty and a `warning`
 * saying why. Only a failing listing fails the poll.
 */
async function settle<T>(pending: Promise<T>): Promise<{ value?: T; failure?: string }> {
	try {
		return { value: await pending };
	} catch (error) {
		return { failure: (error as Error).message || 'unknown error' };
	}
}

const withWarning = (row: IDataObject, warning: string): IDataObject => ({ ...row, warning });

export const EVENTS: Record<TriggerEvent, EventDefinition> = { newNote, newOrUpdatedCase };

/** Records with their cursor identity and time; a record whose time cannot be read keeps NaN. */
export function stampAll(event: EventDefinition, records: IDataObject[]): PolledRecord[] {
	return records.map((record) => {
		const { id, instant } = event.stamp(record);
		const ms = instant?.ms ?? Number.NaN;
		return { id, ms, at: Number.isNaN(ms) ? '' : new Date(ms).toISOString(), naive: instant?.naive ?? false, record };
	});
}
