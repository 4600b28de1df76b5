import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as getAll from './getMany.operation';

export { create, getAll };

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
				action: 'Create note',
				description: 'Add a note to a case',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many notes',
				description: 'Get the notes of a case, or of every case by modified date',
			},
		],
		default: 'create',
	},
	...create.description,
	...getAll.description,
];
