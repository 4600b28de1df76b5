import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getMany.operation';
import * as send from './send.operation';

export { getAll, send };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many messages',
				description: 'Get many messages of one case or of the whole firm',
			},
			{
				name: 'Send',
				value: 'send',
				action: 'Send message',
				description: "Send a message to a case's clients in the Case Status app",
			},
		],
		default: 'send',
	},
	...send.description,
	...getAll.description,
];
