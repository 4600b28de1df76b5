/**
 * The "Run Lease" resource, the same in the SmartAdvocate and the Case Status node: a relay takes the lease
 * with the node of the service it writes to, without a second node type to find. Needs no credential.
 */
import type { INodeProperties } from 'n8n-workflow';

import * as release from './release.operation';
import * as take from './take.operation';

export { release, take };


export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['runLease'] } },
		options: [
			{
				name: 'Take',
				value: 'take',
				action: 'Take run lease',
				description: 'Let only one run of this workflow at a time go on (on this n8n process): says whether this run got the lease',
			},
			{
				name: 'Release',
				value: 'release',
				action: 'Release run lease',
				description: 'Free the lease this run holds, so the next run may go on at once',
			},
		],
		default: 'take',
	},
	{
		displayName:
			'This lease holds between runs on one n8n process. In queue mode (several workers) use a shared lock as well, such as the Redis nodes in the templates.',
		name: 'runLeaseNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['runLease'] } },
	},
	...take.description,
	...release.description,
];
