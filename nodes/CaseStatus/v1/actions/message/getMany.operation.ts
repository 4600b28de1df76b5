import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { showOnlyFor } from '../../../../shared/displayOptions';
import type { CsMessageRecord } from '../../../helpers/records';
import { caseStatusEndpoints, caseStatusListAll } from '../../../transport';
import { messageDirection } from '../../../helpers/simplify';
import { caseQuery, isLocatedCase, readCaseLocator } from '../common/caseLocator';
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
	const locator = scope === 'case' ? readCaseLocator.call(this, itemIndex) : undefined;
	const qs: IDataObject = locator ? caseQuery(locator) : {};
	const wantedDirection = (filters.direction as string | undefined) ?? 'all';
	const direction = DIRECTION_QUERY[wantedDirection];
	if (direction) qs.direction = direction;
	const since = sinceParameter.call(this, itemIndex, filters.since, 'Since');
	if (since) qs.created_after = since;
	// The server's filters are not trusted: another case's message, or one of unknown direction, never
	// passes; Limit counts the kept ones.
	const keep = (record: IDataObject) =>
		(!locator || belongsToCase(locator, record as CsMessageRecord)) &&
		(!direction || messageDirection((record as CsMessageRecord).type) === wantedDirection);
	const messages = (await caseStatusListAll(
		this,
		caseStatusEndpoints.messages(),
		{ limit, qs, keep },
		{ action: 'get messages', itemIndex },
	)) as unknown as CsMessageRecord[];
	return messages.map((record) => ({
		json: messageOutput.call(this, itemIndex, record),
		pairedItem: { item: itemIndex },
	}));
}

/** A message names its case by all three IDs; one it does not carry cannot be checked, so it is not held against it. */
function belongsToCase(locator: ReturnType<typeof readCaseLocator>, record: CsMessageRecord): boolean {
	const carried = { caseId: record.case_id, readableId: record.readable_id, integrationId: record.integration_id };
	const field = locator.mode === 'readableId' ? 'readableId' : locator.mode === 'integrationId' ? 'integrationId' : 'caseId';
	if (carried[field] === undefined) return true;
	return isLocatedCase(locator, carried);
}
