import type { INodeProperties } from 'n8n-workflow';

import { caseLocator } from './caseLocator';

/** "All cases" or "one case" for the list operations, with the Case picker for the latter. */
export function scopeProperties(what: string): INodeProperties[] {
	return [
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'options',
			options: [
				{ name: 'All Cases', value: 'firm', description: `${what} of every case of the firm` },
				{ name: 'One Case', value: 'case', description: `${what} of one case` },
			],
			default: 'case',
		},
		caseLocator({ displayOptions: { show: { scope: ['case'] } } }),
	];
}
