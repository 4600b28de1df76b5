import type { INodeProperties } from 'n8n-workflow';

import * as getMany from './getMany.operation';

export { getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['noteType'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many note types',
				description: 'List the firm\'s note types, for dropdowns and mapping',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
];
