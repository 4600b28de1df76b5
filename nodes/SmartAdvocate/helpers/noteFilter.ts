/** Which notes a Get Many or the trigger keeps: by note type, portal sharing and creation/modification time. */
import type { IDataObject } from 'n8n-workflow';

import { smartAdvocateTime } from './dates';

export interface NoteFilter {
	/** Note type IDs or names (names match regardless of case); empty = every type. */
	noteTypes?: Array<string | number>;
	onlySharedInClientPortal?: boolean;
	/** ISO-8601; notes created before are dropped. */
	createdSince?: string;
	/** ISO-8601; notes last modified before are dropped. */
	modifiedSince?: string;
}

function matchesType(note: IDataObject, wanted: Array<string | number>): boolean {
	if (wanted.length === 0) return true;
	const id = String(note.noteTypeID ?? '');
	const name = String(note.noteTypeName ?? '').trim().toLowerCase();
	return wanted.some((type) => {
		const value = String(type).trim();
		return value === id || value.toLowerCase() === name;
	});
}

function notBefore(time: unknown, since: string | undefined): boolean {
	if (!since) return true;
	const at = smartAdvocateTime(time);
	return !Number.isNaN(at) && at >= Date.parse(since);
}

/** Whether a raw SmartAdvocate note passes the filter. */
export function noteMatches(note: IDataObject, filter: NoteFilter): boolean {
	// SmartAdvocate calls the "Shared in Client Portal" checkbox isSharedinCP.
	if (filter.onlySharedInClientPortal && note.isSharedinCP !== true) return false;
	return (
		matchesType(note, filter.noteTypes ?? []) &&
		notBefore(note.createdDate, filter.createdSince) &&
		notBefore(note.modifiedDate, filter.modifiedSince)
	);
}
