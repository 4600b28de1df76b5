import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as getMany from './getMany.operation';

export { create, getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['note'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a note',
				description: 'Add a note to a case',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many notes',
				description: 'Get the notes of a case, or of every case by modified date',
			},
		],
		default: 'create',
	},
	...create.description,
	...getMany.description,
];
