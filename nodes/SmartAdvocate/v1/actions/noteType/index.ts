import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getMany.operation';

export { getAll };

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
				value: 'getAll',
				action: 'Get many note types',
				description: 'List the firm\'s note types, for dropdowns and mapping',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
