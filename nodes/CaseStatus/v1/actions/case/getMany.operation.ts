import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { showOnlyFor } from '../../../../shared/displayOptions';
import type { CsCaseRecord } from '../../../helpers/records';
import { caseStatusEndpoints, caseStatusListAll } from '../../../transport';
import { returnAllAndLimit, simplifyProperty } from '../common/caseProperties';
import { caseOutput } from '../common/output';
import { sinceParameter } from '../common/time';

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Integration ID',
				name: 'integrationId',
				type: 'string',
				default: '',
				description: "Only the case with this ID in your case management system",
			},
			{
				displayName: 'Practice Area Name or ID',
				name: 'practiceArea',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getPracticeAreas' },
				default: '',
				description:
					'Only cases in this practice area. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Readable ID',
				name: 'readableId',
				type: 'string',
				default: '',
				description: 'Only cases with this case number',
			},
			{
				displayName: 'Stage Name or ID',
				name: 'stage',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getStages', loadOptionsDependsOn: ['filters.practiceArea'] },
				default: '',
				description:
					'Only cases in this stage. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Closed', value: 'closed' },
					{ name: 'Open', value: 'open' },
				],
				default: 'open',
				description: 'Only open or only closed cases',
			},
			{
				displayName: 'Updated Since',
				name: 'updatedSince',
				type: 'dateTime',
				default: '',
				description: 'Only cases changed at or after this time',
			},
		],
	},
	simplifyProperty,
];

export const description = showOnlyFor({ resource: ['case'], operation: ['getAll'] }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	if (filters.integrationId) qs.integration_id = String(filters.integrationId).trim();
	if (filters.readableId) qs.readable_id = String(filters.readableId).trim();
	if (filters.practiceArea) qs.practice_area = filters.practiceArea;
	if (filters.stage) qs.stage = filters.stage;
	if (filters.status) qs.status = filters.status;
	const updatedAfter = sinceParameter.call(this, itemIndex, filters.updatedSince, 'Updated Since');
	if (updatedAfter) qs.updated_after = updatedAfter;
	// The ID filters are checked here too, page by page, so Limit counts only exact matches.
	const keep = (record: IDataObject) =>
		(qs.integration_id === undefined || String(record.integration_id ?? '') === qs.integration_id) &&
		(qs.readable_id === undefined || String(record.readable_id ?? '') === qs.readable_id);
	const cases = await caseStatusListAll(
		this,
		caseStatusEndpoints.cases(),
		{ limit, qs, keep },
		{ action: 'get cases', itemIndex },
	);
	return (cases as unknown as CsCaseRecord[]).map((record) => ({
		json: caseOutput.call(this, itemIndex, record),
		pairedItem: { item: itemIndex },
	}));
}
