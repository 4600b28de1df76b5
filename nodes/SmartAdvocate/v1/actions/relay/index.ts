/**
 * The "Relay" resource of the SmartAdvocate node: Get New reads the notes written since the last run and Confirm,
 * after the write, moves the relay on (see nodes/shared/relay).
 */
import type { INodeProperties } from 'n8n-workflow';

import { confirmOperation } from '../../../../shared/relay/confirm.operation';
import * as getNewNotes from './getNewPortalNotes.operation';

export const confirm = confirmOperation({ resource: ['relay'] });
export { getNewNotes };

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
				name: 'Get New Notes',
				value: 'getNewNotes',
				action: 'Get new notes to relay',
				description: 'Notes written since the last run (e.g. shared in the client portal), and earlier ones due for another try',
			},
		],
		default: 'getNewNotes',
	},
	...getNewNotes.description,
	...confirm.description,
];
