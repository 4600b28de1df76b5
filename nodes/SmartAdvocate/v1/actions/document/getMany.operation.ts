import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { showOnlyFor } from '../../../../shared/displayOptions';
import { smartAdvocateByDatePaged, smartAdvocateEndpoints, smartAdvocatePagedList } from '../../../transport';
import { userDateToIso } from '../../../helpers/dates';
import { simplifyDocument } from '../../../helpers/simplify';
import { isOfCase, readCaseReference, resolveCaseId } from '../caseLookup';
import { caseLocator, limitProperty, readLimit, returnAllProperty, simplifyProperty } from '../common.descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Find Documents By',
		name: 'searchBy',
		type: 'options',
		noDataExpression: true,
		default: 'case',
		options: [
			{ name: 'Case', value: 'case', description: 'The documents of one case' },
			{
				name: 'Modified Date (All Cases)',
				value: 'modifiedDate',
				description: 'Documents of every case added or changed in a date range, oldest change first',
			},
		],
	},
	caseLocator({ description: 'The case whose documents to get', displayOptions: { show: { searchBy: ['case'] } } }),
	{
		displayName: 'Modified From',
		name: 'modifiedFrom',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'Documents added or changed at or after this time',
		displayOptions: { show: { searchBy: ['modifiedDate'] } },
	},
	{
		displayName: 'Modified To',
		name: 'modifiedTo',
		type: 'dateTime',
		default: '',
		description: 'Documents added or changed before this time. Leave empty for up to now.',
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
				displayName: 'Folder',
				name: 'folder',
				type: 'string',
				default: '',
				placeholder: 'e.g. Case Documents',
				description: 'Only documents in this folder (the name matches regardless of case)',
			},
		],
	},
	simplifyProperty,
];

export const description = showOnlyFor({ resource: ['document'], operation: ['getAll'] }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const searchBy = this.getNodeParameter('searchBy', itemIndex) as 'case' | 'modifiedDate';
	const limit = readLimit(
		this.getNodeParameter('returnAll', itemIndex, false) as boolean,
		this.getNodeParameter('limit', itemIndex, 50) as number,
	);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const folder = String(filters.folder ?? '').trim().toLowerCase();
	const keep = (document: IDataObject) => !folder || String(document.documentFolder ?? '').trim().toLowerCase() === folder;
	// The folder is filtered page by page, so Limit counts matching documents and paging stops once there are enough.
	const paging = { limit, keep };

	let documents: IDataObject[];
	if (searchBy === 'case') {
		const caseId = await resolveCaseId(this, readCaseReference.call(this, itemIndex), itemIndex);
		documents = await smartAdvocatePagedList(
			this,
			smartAdvocateEndpoints.caseDocuments(caseId),
			// Another case's document never passes, whatever the server sent for this case.
			{ limit, keep: (document) => isOfCase(document, caseId) && keep(document) },
			{ action: `get the documents of case ${caseId}`, itemIndex, notFound: `No case with ID ${caseId} exists in SmartAdvocate` },
		);
	} else {
		const timeZone = this.getTimezone();
		const modifiedFrom = userDateToIso(this.getNodeParameter('modifiedFrom', itemIndex), timeZone);
		const modifiedTo = userDateToIso(this.getNodeParameter('modifiedTo', itemIndex, ''), timeZone) ?? new Date().toISOString();
		if (!modifiedFrom) {
			throw new NodeOperationError(this.getNode(), 'The Modified From parameter is not a date', {
				description: 'Enter the date and time from which documents are wanted.',
				itemIndex,
			});
		}
		documents = await smartAdvocateByDatePaged(
			this,
			smartAdvocateEndpoints.documentsByDatePaged(),
			{ modifiedFrom, modifiedTo },
			paging,
			{ action: `search documents modified from ${modifiedFrom} to ${modifiedTo}`, itemIndex },
		);
	}

	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const output = simplify ? (documents.map(simplifyDocument) as unknown as IDataObject[]) : documents;
	return this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(output), { itemData: { item: itemIndex } });
}
