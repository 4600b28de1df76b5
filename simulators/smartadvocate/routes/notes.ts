/** Note routes: per case (by ID and by number), create ("Insert Note"), and the modified-date search. */
import type { Route } from '../../shared/http';
import { dateFormat, nowMs, type SaContext } from '../context';
import { toMinute } from '../dates';
import { applySorts, caseIDsOf, inWindow, pageEnvelope, readDatePagedQuery, type SortKeys } from '../paging';
import { bare, jsonObject, validationProblem, type Fields } from '../request';
import { noteToApi } from '../serialize';
import type { SaCase, SaNote } from '../state';
import { BASE, authorized } from './auth';
import { caseOr404 } from './cases';

export const PRIORITIES = ['Critical', 'High', 'Normal', 'Low'];

const newestFirst = (a: SaNote, b: SaNote) => b.createdDate - a.createdDate || b.noteID - a.noteID;

const NOTE_SORTS: SortKeys<SaNote> = {
	noteID: (n) => n.noteID,
	caseID: (n) => n.caseID,
	noteTypeID: (n) => n.noteTypeID,
	noteDate: (n) => n.noteDate,
	createdDate: (n) => n.createdDate,
	modifiedDate: (n) => n.modifiedDate,
};

/**
 * Validates a note body and stores the note. `author` is the logged-in user for the API; the admin route
 * names any staff member and may back-date `createdDate`.
 */
export function createNote(ctx: SaContext, c: SaCase, body: Fields, author: number, options: { createdDate?: number } = {}): SaNote {
	const { state } = ctx;
	const typeID = body.int('noteTypeID');
	const typeName = body.string('noteTypeName');
	let noteTypeID: number | undefined;
	if (typeID !== undefined && typeID !== null) {
		const type = state.noteTypes.get(typeID);
		if (!type) body.invalid('noteTypeID', `Note type ${typeID} does not exist.`);
		else if (typeName && type.noteTypeName.toLowerCase() !== typeName.trim().toLowerCase()) {
			body.invalid('noteTypeName', `Note type ${typeID} is '${type.noteTypeName}', not '${typeName}'.`);
		} else noteTypeID = type.noteTypeID;
	} else if (typeName) {
		const type = state.noteTypeByName(typeName);
		if (!type) body.invalid('noteTypeID', `Note type '${typeName}' does not exist.`);
		else noteTypeID = type.noteTypeID;
	} else if (typeID === null || !body.has('noteTypeID')) body.required('noteTypeID');

	const noteText = body.string('noteText');
	if (typeof noteText !== 'string' || noteText.trim() === '') body.required('noteText');
	const subject = body.string('subject') ?? '';
	const priorityText = body.string('priority');
	const priority = priorityText ? PRIORITIES.find((p) => p.toLowerCase() === priorityText.trim().toLowerCase()) : 'Normal';
	if (!priority) body.invalid('priority', `Priority must be one of ${PRIORITIES.join(', ')}.`);
	const isSharedinCP = body.bool('isSharedinCP') ?? false;
	const isSharedWithAll = body.bool('isSharedWithAll') ?? false;
	const uniqueContactId = body.int('uniqueContactId') ?? null;
	if (uniqueContactId !== null && !state.contacts.has(uniqueContactId)) body.invalid('uniqueContactId', `Contact ${uniqueContactId} does not exist.`);
	const noteDate = body.date('noteDate', dateFormat(ctx));
	body.throwIfInvalid();

	const created = options.createdDate ?? nowMs(ctx);
	const note: SaNote = {
		noteID: state.next.noteID,
		caseID: c.caseID,
		noteTypeID: noteTypeID!,
		noteText: noteText!,
		uniqueContactId,
		priority: priority!,
		userID: author,
		noteDate: toMinute(noteDate ?? created),
		createdDate: created,
		modifiedDate: created,
		subject,
		isSharedinCP,
		isSharedWithAll,
	};
	state.addNote(note);
	return note;
}

export function noteRoutes(ctx: SaContext): Route[] {
	const toApi = (n: SaNote) => noteToApi(ctx, n);
	return [
		{
			method: 'GET',
			pattern: `${BASE}/case/notes/byCaseNumber`,
			handler: authorized(ctx, (req) => {
				const caseNumber = req.query.get('CaseNumber');
				if (!caseNumber) throw validationProblem({ CaseNumber: ['The CaseNumber field is required.'] });
				const c = ctx.state.caseByNumber(caseNumber.trim());
				if (!c) throw bare(404);
				const notes = [...ctx.state.notesOf(c.caseID)].sort(newestFirst);
				if (notes.length === 0 && ctx.settings.notesNotFoundAs404) throw bare(404);
				return { status: 200, body: notes.map(toApi) };
			}),
		},
		{
			method: 'POST',
			pattern: `${BASE}/case/notes/byDatePaged`,
			handler: authorized(ctx, (req) => {
				const q = readDatePagedQuery(ctx, req, Object.keys(NOTE_SORTS));
				const caseIDs = caseIDsOf(ctx, q);
				const matching = ctx.state
					.byModified('notes')
					.filter((n) => inWindow(q, n.modifiedDate) && (q.caseNumbers.size === 0 || caseIDs.has(n.caseID)));
				return { status: 200, body: pageEnvelope(applySorts(matching, q.sorts, NOTE_SORTS), q, ctx.settings.envelope, toApi) };
			}),
		},
		{
			method: 'GET',
			pattern: `${BASE}/case/{caseID}/notes`,
			handler: authorized(ctx, (req) => {
				const c = caseOr404(ctx, req.params.caseID);
				const notes = ctx.settings.ignoreFilters ? ctx.state.notes.values() : ctx.state.notesOf(c.caseID);
				return { status: 200, body: [...notes].sort(newestFirst).map(toApi) };
			}),
		},
		{
			method: 'POST',
			pattern: `${BASE}/case/{caseID}/notes`,
			handler: authorized(ctx, (req, user) => {
				if (!ctx.settings.permissions.canInsertNote) throw bare(403);
				const c = caseOr404(ctx, req.params.caseID);
				const note = createNote(ctx, c, jsonObject(req), user.userID);
				return { status: 201, body: toApi(note) };
			}),
		},
	];
}
