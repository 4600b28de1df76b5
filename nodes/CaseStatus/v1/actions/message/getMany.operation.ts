import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { showOnlyFor } from '../../../../shared/displayOptions';
import type { CsMessageRecord } from '../../../helpers/records';
import { caseStatusEndpoints, caseStatusListAll } from '../../../transport';
import { caseQuery, readCaseLocator } from '../common/caseLocator';
import { returnAllAndLimit, simplifyProperty } from '../common/caseProperties';
import { messageOutput } from '../common/output';
import { scopeProperties } from '../common/scope';
import { sinceParameter } from '../common/time';

/** Case Status's names for the two directions of a message. */
export const DIRECTION_QUERY: Record<string, string | undefined> = {
	all: undefined,
	fromClient: 'incoming',
	fromStaff: 'outgoing',
};

export const directionProperty: INodeProperties = {
	displayName: 'Direction',
	name: 'direction',
	type: 'options',
	options: [
		{ name: 'All', value: 'all', description: 'Messages from clients and from staff' },
		{ name: 'From Client', value: 'fromClient', description: 'Messages clients wrote to the firm' },
		{ name: 'From Staff', value: 'fromStaff', description: 'Messages the firm sent to clients' },
	],
	default: 'all',
};

const properties: INodeProperties[] = [
	...scopeProperties('Messages'),
	...returnAllAndLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			directionProperty,
			{
				displayName: 'Since',
				name: 'since',
				type: 'dateTime',
				default: '',
				description: 'Only messages created at or after this time',
			},
		],
	},
	simplifyProperty,
];

export const description = showOnlyFor({ resource: ['message'], operation: ['getAll'] }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const scope = this.getNodeParameter('scope', itemIndex) as string;
	const qs: IDataObject = scope === 'case' ? caseQuery(readCaseLocator.call(this, itemIndex)) : {};
	const direction = DIRECTION_QUERY[(filters.direction as string) ?? 'all'];
	if (direction) qs.direction = direction;
	const since = sinceParameter.call(this, itemIndex, filters.since, 'Since');
	if (since) qs.created_after = since;
	const messages = await caseStatusListAll(
		this,
		caseStatusEndpoints.messages(),
		{ limit, qs },
		{ action: 'get messages', itemIndex },
	);
	return (messages as unknown as CsMessageRecord[]).map((record) => ({
		json: messageOutput.call(this, itemIndex, record),
		pairedItem: { item: itemIndex },
	}));
}
