import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { showOnlyFor } from '../../../../shared/displayOptions';
import type { CsFileRecord } from '../../../helpers/records';
import { caseStatusEndpoints, caseStatusListAll } from '../../../transport';
import { readCaseLocator } from '../common/caseLocator';
import { returnAllAndLimit, simplifyProperty } from '../common/caseProperties';
import { caseFileQuery, isFileOfCase } from '../common/fileQuery';
import { fileOutput } from '../common/output';
import { scopeProperties } from '../common/scope';
import { sinceParameter } from '../common/time';

const properties: INodeProperties[] = [
	...scopeProperties('Documents'),
	...returnAllAndLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Since',
				name: 'since',
				type: 'dateTime',
				default: '',
				description: 'Only documents shared at or after this time',
			},
			{
				displayName: 'Uploaded By',
				name: 'uploadedBy',
				type: 'options',
				options: [
					{ name: 'Anyone', value: 'all' },
					{ name: 'Client', value: 'client', description: 'Documents clients shared with the firm' },
					{ name: 'Staff', value: 'staff', description: 'Documents the firm shared with clients' },
				],
				default: 'all',
			},
		],
	},
	simplifyProperty,
];

export const description = showOnlyFor({ resource: ['document'], operation: ['getAll'] }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const scope = this.getNodeParameter('scope', itemIndex) as string;
	const caseFilter = scope === 'case' ? await caseFileQuery.call(this, itemIndex, readCaseLocator.call(this, itemIndex)) : undefined;
	const qs: IDataObject = { ...caseFilter };
	if (filters.uploadedBy && filters.uploadedBy !== 'all') qs.uploaded_by = filters.uploadedBy;
	const since = sinceParameter.call(this, itemIndex, filters.since, 'Since');
	if (since) qs.created_after = since;
	// Another case's document never passes, whatever the server's filter did; Limit counts the kept ones.
	const keep = caseFilter ? (record: IDataObject) => isFileOfCase(caseFilter, record as CsFileRecord) : undefined;
	const files = await caseStatusListAll(this, caseStatusEndpoints.files(), { limit, qs, keep }, { action: 'get documents', itemIndex });
	return (files as unknown as CsFileRecord[]).map((record) => ({
		json: fileOutput.call(this, itemIndex, record),
		pairedItem: { item: itemIndex },
	}));
}
