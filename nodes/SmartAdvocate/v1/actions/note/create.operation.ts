import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { showOnlyFor } from '../../../../shared/displayOptions';
import { smartAdvocateEndpoints, smartAdvocateRequest } from '../../../transport';
import { userDateToIso } from '../../../helpers/dates';
import { textToHtml } from '../../../helpers/html';
import { simplifyNote } from '../../../helpers/simplify';
import { CaseStaffCache, getCaseByNumber, isOfCase, readCaseReference } from '../caseLookup';
import { caseLocator, simplifyProperty } from '../common.descriptions';
import { resolveNoteTypeId } from '../noteTypes';

const properties: INodeProperties[] = [
	caseLocator({ description: 'The case the note is added to' }),
	{
		displayName: 'Note Type Name or ID',
		name: 'noteType',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getNoteTypes' },
		default: '',
		required: true,
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	{
		displayName: 'Subject',
		name: 'subject',
		type: 'string',
		default: '',
		placeholder: 'e.g. Message from client',
	},
	{
		displayName: 'Skip If a Note With This Subject Exists',
		name: 'skipIfSubjectExists',
		type: 'boolean',
		default: false,
		description:
			"Whether to look at the case's notes right before writing and return the note already there instead of adding a second one with the same subject (for relays: the subject carries the source's ID)",
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 5 },
		default: '',
		required: true,
		description: 'The note itself',
	},
	{
		displayName: 'Text Format',
		name: 'textFormat',
		type: 'options',
		default: 'plain',
		options: [
			{ name: 'HTML', value: 'html', description: 'The text is HTML and is stored as it is' },
			{
				name: 'Plain Text',
				value: 'plain',
				description: 'The text is stored as HTML that shows it exactly, line breaks included',
			},
		],
	},
	{
		displayName: 'Shared in Client Portal',
		name: 'sharedInClientPortal',
		type: 'boolean',
		default: false,
		description: 'Whether the client sees the note in the client portal (SmartAdvocate\'s "Shared in Client Portal" box)',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Note Date',
				name: 'noteDate',
				type: 'dateTime',
				default: '',
				description: 'When what the note records happened. SmartAdvocate uses now when empty.',
			},
			{
				displayName: 'Priority',
				name: 'priority',
				type: 'options',
				default: 'Normal',
				options: [
					{ name: 'Critical', value: 'Critical' },
					{ name: 'High', value: 'High' },
					{ name: 'Low', value: 'Low' },
					{ name: 'Normal', value: 'Normal' },
				],
			},
			{
				displayName: 'Shared With All',
				name: 'sharedWithAll',
				type: 'boolean',
				default: false,
				description: 'Whether the note is shared with everyone on the case in the client portal',
			},
		],
	},
	simplifyProperty,
];

export const description = showOnlyFor({ resource: ['note'], operation: ['create'] }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const ref = readCaseReference.call(this, itemIndex);
	const text = String(this.getNodeParameter('text', itemIndex) ?? '');
	if (!text.trim()) {
		throw new NodeOperationError(this.getNode(), 'The Text parameter is empty', {
			description: 'SmartAdvocate does not store a note without text. Enter the note, or map a field with it.',
			itemIndex,
		});
	}
	const format = this.getNodeParameter('textFormat', itemIndex, 'plain') as 'plain' | 'html';
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const noteTypeId = await resolveNoteTypeId(this, this.getNodeParameter('noteType', itemIndex), itemIndex);
	const staff = new CaseStaffCache(this);
	let caseId: number;
	if (ref.by === 'caseNumber') {
		const found = await getCaseByNumber(this, ref.value, itemIndex);
		staff.remember(found);
		caseId = Number(found.caseID);
	} else {
		caseId = Number(ref.value);
	}

	const body: IDataObject = {
		noteTypeID: noteTypeId,
		noteText: format === 'html' ? text : textToHtml(text),
		subject: String(this.getNodeParameter('subject', itemIndex, '') ?? ''),
		// SmartAdvocate calls the "Shared in Client Portal" checkbox isSharedinCP.
		isSharedinCP: this.getNodeParameter('sharedInClientPortal', itemIndex, false) as boolean,
		isSharedWithAll: additional.sharedWithAll === true,
	};
	if (additional.priority) body.priority = additional.priority;
	if (additional.noteDate) {
		const noteDate = userDateToIso(additional.noteDate, this.getTimezone());
		if (!noteDate) {
			throw new NodeOperationError(this.getNode(), `The Note Date "${additional.noteDate}" is not a date`, {
				description: 'Enter a date and time, or pick one in the date picker.',
				itemIndex,
			});
		}
		body.noteDate = noteDate;
	}

	const existing = this.getNodeParameter('skipIfSubjectExists', itemIndex, false) === true ? await noteWithSubject(this, caseId, String(body.subject), itemIndex) : undefined;
	const note =
		existing ??
		(await smartAdvocateRequest<IDataObject>(
			this,
			{ method: 'POST', path: smartAdvocateEndpoints.createNote(caseId), body },
			{ action: `add a note to case ${caseId}`, itemIndex, notFound: `No case with ID ${caseId} exists in SmartAdvocate` },
		));
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	// The note exists now: a failing author lookup must not fail the item, or a rerun would add it twice.
	const json = simplify
		? (simplifyNote(note, await staff.of(caseId, itemIndex).catch(() => [])) as unknown as IDataObject)
		: note;
	return [{ json: existing ? { ...json, alreadyExisted: true } : json, pairedItem: { item: itemIndex } }];
}

/**
 * The case's note with this subject, if there is one. Read right before the write, so a relay run that started
 * from an older saved position (another worker's run wrote meanwhile, or a run died after writing) adds no copy.
 */
async function noteWithSubject(ctx: IExecuteFunctions, caseId: number, subject: string, itemIndex: number): Promise<IDataObject | undefined> {
	if (!subject.trim()) {
		throw new NodeOperationError(ctx.getNode(), 'The Subject parameter is empty, so there is nothing to recognise an existing note by', {
			description: 'Map a subject that names the source (e.g. its ID), or turn off Skip If a Note With This Subject Exists.',
			itemIndex,
		});
	}
	const notes = await smartAdvocateRequest<IDataObject[]>(
		ctx,
		{ method: 'GET', path: smartAdvocateEndpoints.caseNotes(caseId) },
		{ action: `get the notes of case ${caseId}`, itemIndex, notFound: `No case with ID ${caseId} exists in SmartAdvocate` },
	);
	return (Array.isArray(notes) ? notes : []).find((note) => isOfCase(note, caseId) && String(note.subject ?? '').trim() === subject.trim());
}
