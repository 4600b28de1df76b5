import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getMany.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export { create, get, getAll, update, upsert };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['case'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create case',
				description: 'Create a case, with its clients, in Case Status',
			},
			{
				name: 'Create or Update',
				value: 'upsert',
				action: 'Create or update case',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get case',
				description: 'Get a case by its ID, readable ID or integration ID',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many cases',
				description: 'Get many cases, optionally filtered',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update case',
				description: "Update a case's attorneys, paralegals, description, practice area, stage or date, or close or reopen it",
			},
		],
		default: 'get',
	},
	...create.description,
	...upsert.description,
	...get.description,
	...getAll.description,
	...update.description,
];
