import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { showOnlyFor } from '../../../../shared/displayOptions';
import { smartAdvocateByDatePaged, smartAdvocateEndpoints, smartAdvocateRequest } from '../../../transport';
import { userDateToIso } from '../../../helpers/dates';
import { noteMatches, type NoteFilter } from '../../../helpers/noteFilter';
import { simplifyNote } from '../../../helpers/simplify';
import { CaseStaffCache, getCaseByNumber, isOfCase, readCaseReference } from '../caseLookup';
import { caseLocator, limitProperty, readLimit, returnAllProperty, simplifyProperty } from '../common.descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Find Notes By',
		name: 'searchBy',
		type: 'options',
		noDataExpression: true,
		default: 'case',
		options: [
			{ name: 'Case', value: 'case', description: 'The notes of one case, newest first' },
			{
				name: 'Modified Date (All Cases)',
				value: 'modifiedDate',
				description: 'Notes of every case written or changed in a date range, oldest change first',
			},
		],
	},
	caseLocator({ description: 'The case whose notes to get', displayOptions: { show: { searchBy: ['case'] } } }),
	{
		displayName: 'Modified From',
		name: 'modifiedFrom',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'Notes written or changed at or after this time',
		displayOptions: { show: { searchBy: ['modifiedDate'] } },
	},
	{
		displayName: 'Modified To',
		name: 'modifiedTo',
		type: 'dateTime',
		default: '',
		description: 'Notes written or changed before this time. Leave empty for up to now.',
		displayOptions: { show: { searchBy: ['modifiedDate'] } },
	},
	returnAllProperty,
	limitProperty,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Created Since',
				name: 'createdSince',
				type: 'dateTime',
				default: '',
				description: 'Only notes written at or after this time',
			},
			{
				displayName: 'Modified Since',
				name: 'modifiedSince',
				type: 'dateTime',
				default: '',
				description: 'Only notes written or changed at or after this time',
			},
			{
				displayName: 'Note Type Names or IDs',
				name: 'noteTypes',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getNoteTypes' },
				default: [],
				description:
					'Only notes of these types. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Only Shared in Client Portal',
				name: 'onlySharedInClientPortal',
				type: 'boolean',
				default: false,
				description: 'Whether to return only notes with "Shared in Client Portal" ticked',
			},
		],
	},
	simplifyProperty,
];

export const description = showOnlyFor({ resource: ['note'], operation: ['getAll'] }, properties);

function readFilter(this: IExecuteFunctions, itemIndex: number): NoteFilter {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const timeZone = this.getTimezone();
	const since = (name: 'createdSince' | 'modifiedSince', label: string) => {
		if (!filters[name]) return undefined;
		const iso = userDateToIso(filters[name], timeZone);
		if (!iso) {
			throw new NodeOperationError(this.getNode(), `The ${label} filter "${filters[name]}" is not a date`, {
				description: 'Enter a date and time, or pick one in the date picker.',
				itemIndex,
			});
		}
		return iso;
	};
	return {
		noteTypes: (filters.noteTypes as Array<string | number> | undefined) ?? [],
		onlySharedInClientPortal: filters.onlySharedInClientPortal === true,
		createdSince: since('createdSince', 'Created Since'),
		modifiedSince: since('modifiedSince', 'Modified Since'),
	};
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const searchBy = this.getNodeParameter('searchBy', itemIndex) as 'case' | 'modifiedDate';
	const limit = readLimit(
		this.getNodeParameter('returnAll', itemIndex, false) as boolean,
		this.getNodeParameter('limit', itemIndex, 50) as number,
	);
	const filter = readFilter.call(this, itemIndex);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const staff = new CaseStaffCache(this);

	let notes: IDataObject[];
	if (searchBy === 'case') {
		const ref = readCaseReference.call(this, itemIndex);
		let caseId: number;
		if (ref.by === 'caseNumber') {
			const found = await getCaseByNumber(this, ref.value, itemIndex);
			staff.remember(found);
			caseId = Number(found.caseID);
		} else {
			caseId = Number(ref.value);
		}
		const all = await smartAdvocateRequest<IDataObject[]>(
			this,
			{ method: 'GET', path: smartAdvocateEndpoints.caseNotes(caseId) },
			{ action: `get the notes of case ${caseId}`, itemIndex, notFound: `No case with ID ${caseId} exists in SmartAdvocate` },
		);
		// Another case's note never passes, whatever the server sent for this case.
		notes = (Array.isArray(all) ? all : []).filter((note) => isOfCase(note, caseId) && noteMatches(note, filter));
		if (limit !== undefined) notes = notes.slice(0, limit);
	} else {
		const timeZone = this.getTimezone();
		const modifiedFrom = userDateToIso(this.getNodeParameter('modifiedFrom', itemIndex), timeZone);
		const modifiedTo = userDateToIso(this.getNodeParameter('modifiedTo', itemIndex, ''), timeZone) ?? new Date().toISOString();
		if (!modifiedFrom) {
			throw new NodeOperationError(this.getNode(), 'The Modified From parameter is not a date', {
				description: 'Enter the date and time from which notes are wanted.',
				itemIndex,
			});
		}
		notes = await smartAdvocateByDatePaged(
			this,
			smartAdvocateEndpoints.notesByDatePaged(),
			{ modifiedFrom, modifiedTo },
			// Filters apply page by page, so Limit counts matching notes and paging stops once there are enough.
			{ limit, keep: (note) => noteMatches(note, filter) },
			{
				action: `search notes modified from ${modifiedFrom} to ${modifiedTo}`,
				itemIndex,
				notFound: 'This SmartAdvocate server does not offer the note search by date (case/notes/byDatePaged); find notes by case instead',
			},
		);
	}

	const output: IDataObject[] = [];
	for (const note of notes) {
		output.push(simplify ? (simplifyNote(note, await staff.of(Number(note.caseID), itemIndex)) as unknown as IDataObject) : note);
	}
	return this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(output), { itemData: { item: itemIndex } });
}
