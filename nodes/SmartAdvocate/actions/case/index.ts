import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export { get, getMany, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['case'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a case',
				description: 'Get one case by case ID or case number',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many cases',
				description: 'Get cases by case number pattern or by modified date',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a case',
				description: 'Change the status, name, case type or dates of a case',
			},
		],
		default: 'get',
	},
	...get.description,
	...getMany.description,
	...update.description,
];
