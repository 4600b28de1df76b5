/**
 * The "Relay" resource of the Case Status node: Get New reads what clients wrote or shared since the last run
 * and Confirm, after the write, moves the relay on (see nodes/shared/relay).
 */
import type { INodeProperties } from 'n8n-workflow';

import { confirmOperation } from '../../../../shared/relay/confirm.operation';
import * as getNewDocuments from './getNewDocuments.operation';
import * as getNewMessages from './getNewMessages.operation';

export const confirm = confirmOperation({ resource: ['relay'] });
export { getNewDocuments, getNewMessages };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['relay'] } },
		options: [
			{
				name: 'Confirm',
				value: 'confirm',
				action: 'Confirm relayed items',
				description: 'After the write: remember what landed, try what failed again later, let the next run go on',
			},
			{
				name: 'Get New Documents',
				value: 'getNewDocuments',
				action: 'Get new documents to relay',
				description: 'Documents shared since the last run, and earlier ones due for another try',
			},
			{
				name: 'Get New Messages',
				value: 'getNewMessages',
				action: 'Get new messages to relay',
				description: 'Messages written since the last run, and earlier ones due for another try',
			},
		],
		default: 'getNewMessages',
	},
	...getNewMessages.description,
	...getNewDocuments.description,
	...confirm.description,
];
