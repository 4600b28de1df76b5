import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { showOnlyFor } from '../../../../shared/displayOptions';
import { caseStatusEndpoints, caseStatusListAll } from '../../../transport';
import { returnAllAndLimit } from '../common/caseProperties';

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				default: '',
				placeholder: 'e.g. name@email.com',
				description: 'Only the user with this e-mail address (the case of the letters does not matter)',
			},
			{
				displayName: 'Role',
				name: 'role',
				type: 'options',
				options: [
					{ name: 'Admin', value: 'admin' },
					{ name: 'Attorney', value: 'attorney' },
					{ name: 'Client', value: 'client' },
					{ name: 'Paralegal', value: 'paralegal' },
					{ name: 'Support', value: 'support' },
				],
				default: 'attorney',
				description: 'Only users with this role',
			},
		],
	},
];

export const description = showOnlyFor({ resource: ['user'], operation: ['getAll'] }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = filters.role ? { role: filters.role } : {};
	const email = String(filters.email ?? '').trim();
	if (email) qs.email = email;
	// Checked here too, so a server that ignores the filter never returns someone else.
	const keep = email ? (user: IDataObject) => String(user.email ?? '').trim().toLowerCase() === email.toLowerCase() : undefined;
	const users = await caseStatusListAll(
		this,
		caseStatusEndpoints.users(),
		{ limit, qs, keep },
		{ action: email ? `get the user with e-mail ${email}` : 'get users', itemIndex },
	);
	return users.map((user) => ({ json: user, pairedItem: { item: itemIndex } }));
}
