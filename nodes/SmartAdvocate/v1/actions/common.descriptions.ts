/** Parameters several operations share: the Case picker, Return All + Limit, and Simplify. */
import type { INodeProperties } from 'n8n-workflow';

/** The Case resource locator: from a searchable list, by case ID, or by case number. */
export function caseLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Case',
		name: 'case',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The SmartAdvocate case',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchCases', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 516718',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'A case ID is a number, such as 516718' },
					},
				],
			},
			{
				displayName: 'By Case Number',
				name: 'caseNumber',
				type: 'string',
				placeholder: 'e.g. 2024-0042',
			},
		],
		...overrides,
	};
}

export const returnAllProperty: INodeProperties = {
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
};

export const limitProperty: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 50,
	description: 'Max number of results to return',
	displayOptions: { show: { returnAll: [false] } },
};

export const simplifyProperty: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};

/** How many records a Get Many returns: everything, or up to Limit. */
export function readLimit(returnAll: boolean, limit: number): number | undefined {
	return returnAll ? undefined : Math.max(1, Math.floor(limit));
}

export const includeClientsProperty: INodeProperties = {
	displayName: 'Include Clients',
	name: 'includeClients',
	type: 'boolean',
	default: true,
	description:
		"Whether to read each case's clients (one more request per case). Turn off when only some cases need them, then read those with Get Clients.",
	displayOptions: { show: { simplify: [true] } },
};
