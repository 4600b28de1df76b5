import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getClients from './getClients.operation';
import * as getAll from './getMany.operation';
import * as update from './update.operation';

export { get, getAll, getClients, update };

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
				name: 'Get Clients',
				value: 'getClients',
				action: 'Get case clients',
				description: 'Get the clients of a case, e.g. only for the cases a sync has to create',
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
	...getClients.description,
	...update.description,
];
