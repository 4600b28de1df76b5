import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getAll from './getMany.operation';
import * as update from './update.operation';

export { get, getAll, update };

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
				action: 'Get case',
				description: 'Get one case by case ID or case number',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many cases',
				description: 'Get cases by case number pattern or by modified date',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update case',
				description: 'Change the status, name, case type or dates of a case',
			},
		],
		default: 'get',
	},
	...get.description,
	...getAll.description,
	...update.description,
];
