import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getMany.operation';

export { getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['practiceArea'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many practice areas',
				description: 'Get the practice areas with their stages in order and their integration mappings',
			},
		],
		default: 'getAll',
	},
	...getAll.description,
];
