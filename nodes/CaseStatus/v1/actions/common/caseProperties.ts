import type { INodeProperties } from 'n8n-workflow';

export const readableIdProperty: INodeProperties = {
	displayName: 'Readable ID',
	name: 'readableId',
	type: 'string',
	default: '',
	placeholder: 'e.g. 2025-00137',
	description: 'The case number clients see in the Case Status app, usually the case number in your case management system',
};

export const integrationIdProperty: INodeProperties = {
	displayName: 'Integration ID',
	name: 'integrationId',
	type: 'string',
	default: '',
	placeholder: 'e.g. 516718',
	description: "The case's ID in your case management system (for SmartAdvocate, the case ID)",
};

export const primaryAttorneyEmailProperty: INodeProperties = {
	displayName: 'Primary Attorney Email',
	name: 'primaryAttorneyEmail',
	type: 'string',
	default: '',
	placeholder: 'e.g. name@email.com',
	description: 'Email of the lead attorney. They must already have a Case Status account.',
};

export const practiceAreaProperty: INodeProperties = {
	displayName: 'Practice Area Name or ID',
	name: 'practiceArea',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getPracticeAreas' },
	default: '',
	description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	hint: 'With an expression, give the practice area name or one of its integration mappings; Case Status matches it exactly, case-sensitive',
};

/** The case attributes every write operation offers, in a collection (sorted by display name). */
export function caseAttributeOptions(kind: 'create' | 'upsert' | 'update', collection: string): INodeProperties[] {
	const options: INodeProperties[] = [
		{
			displayName: 'Additional Attorney Emails',
			name: 'attorneyEmails',
			type: 'string',
			default: '',
			placeholder: 'e.g. name@email.com, other@email.com',
			description: 'Attorneys on the case besides the primary attorney, comma-separated (or an array from an expression)',
		},
		{
			displayName: 'Case Date',
			name: 'caseDate',
			type: 'dateTime',
			default: '',
			description: 'The date the case is about, for example the incident date. Only the calendar date is kept.',
		},
		{
			displayName: 'Closed',
			name: 'closed',
			type: 'boolean',
			default: false,
			description:
				kind === 'create'
					? 'Whether the case is created closed (in the same call that creates it)'
					: 'Whether the case is closed. On closes an open case; off reopens a closed one.',
		},
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			default: '',
			typeOptions: { rows: 2 },
			description: 'What the case is about, as clients see it',
		},
		...(kind === 'create' ? [integrationIdProperty] : []),
		{
			displayName: 'Paralegal Emails',
			name: 'paralegalEmails',
			type: 'string',
			default: '',
			placeholder: 'e.g. name@email.com, other@email.com',
			description: 'Paralegals on the case, comma-separated (or an array from an expression)',
		},
		...(kind === 'create' ? [] : [practiceAreaProperty]),
		...(kind === 'update' ? [primaryAttorneyEmailProperty] : []),
		...(kind === 'update' ? [readableIdProperty] : []),
		{
			displayName: 'Stage Name or ID',
			name: 'stage',
			type: 'options',
			typeOptions: {
				loadOptionsMethod: 'getStages',
				loadOptionsDependsOn: [kind === 'create' ? 'practiceArea' : `${collection}.practiceArea`],
			},
			default: '',
			description:
				'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			hint: 'With an expression, give the stage name or one of its integration mappings within the practice area',
		},
	];
	return options;
}

/** Clients: a list in the node, or a JSON array mapped from earlier nodes. */
export function clientProperties(description: string): INodeProperties[] {
	return [
		{
			displayName: 'Specify Clients',
			name: 'clientsInput',
			type: 'options',
			options: [
				{ name: 'Using Fields Below', value: 'fields' },
				{ name: 'Using JSON', value: 'json' },
			],
			default: 'fields',
		},
		{
			displayName: 'Clients',
			name: 'clients',
			type: 'fixedCollection',
			placeholder: 'Add Client',
			typeOptions: { multipleValues: true },
			default: {},
			description,
			displayOptions: { show: { clientsInput: ['fields'] } },
			options: [
				{
					displayName: 'Client',
					name: 'client',
					values: [
						{
							displayName: 'Cell Phone',
							name: 'cellPhone',
							type: 'string',
							default: '',
							placeholder: 'e.g. (555) 201-3344',
							description: 'A US cell phone: clients log in to Case Status with it',
						},
						{
							displayName: 'Email',
							name: 'email',
							type: 'string',
							default: '',
							placeholder: 'e.g. name@email.com',
						},
						{
							displayName: 'First Name',
							name: 'firstName',
							type: 'string',
							default: '',
						},
						{
							displayName: 'Integration ID',
							name: 'integrationId',
							type: 'string',
							default: '',
							placeholder: 'e.g. 1695001',
							description: 'The client\'s ID in your case management system (for SmartAdvocate, the contact ID). Case Status finds a returning client by it before the cell phone.',
						},
						{
							displayName: 'Last Name',
							name: 'lastName',
							type: 'string',
							default: '',
						},
					],
				},
			],
		},
		{
			displayName: 'Clients (JSON)',
			name: 'clientsJson',
			type: 'json',
			default: '[]',
			description: `${description}. A JSON array of objects with firstName, lastName, cellPhone, email and integrationId (snake_case works too; a SmartAdvocate contactId is taken as the integration ID).`,
			displayOptions: { show: { clientsInput: ['json'] } },
		},
	];
}

/**
 * What an added field with an empty value means. Leaving a field out of the collection is the
 * way to not sync it; this setting decides whether an empty value clears it in Case Status.
 */
export function emptyFieldsProperty(collectionName: string, withAutoMap = false): INodeProperties {
	return {
		displayName: 'Empty Fields',
		name: 'emptyFields',
		type: 'options',
		options: [
			{
				name: 'Clear Them in Case Status',
				value: 'clear',
				description: 'An empty Description, Case Date, Additional Attorney Emails or Paralegal Emails removes it in Case Status',
			},
			{
				name: 'Leave Case Status As It Is',
				value: 'ignore',
				description: 'An empty field is neither compared nor written',
			},
		],
		default: 'ignore',
		description: `What a field added under ${collectionName}${
			withAutoMap ? ' (with Data Mode "Auto-Map", a key present in the item)' : ''
		} does when its value is empty. Fields not added are never compared or written.`,
		hint: 'Readable ID, practice area, stage and primary attorney cannot be cleared: when empty they are left as they are',
	};
}

export const simplifyProperty: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};

export function returnAllAndLimit(): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	];
}

/** The item keys Data Mode "Auto-Map Input Data to Case Fields" reads, in the words the UI shows. */
export const AUTO_MAP_KEYS_TEXT =
	'integrationId, readableId, primaryAttorneyEmail, clients (a list of {firstName, lastName, cellPhone, email, integrationId}), clientsNotRead (what the read of the clients said when it failed), description, practiceArea, stage, caseDate (YYYY-MM-DD), attorneyEmails and paralegalEmails (lists of e-mails), closed (true/false)';

/**
 * Where the case values come from. Auto-map reads them straight from each item's keys, so a run
 * of thousands of cases evaluates no expression per case; "Define Below" is how workflows saved
 * before this option work, so it stays the default.
 */
export const dataModeProperty: INodeProperties = {
	displayName: 'Data Mode',
	name: 'dataMode',
	type: 'options',
	options: [
		{
			name: 'Auto-Map Input Data to Case Fields',
			value: 'autoMapInputData',
			description:
				'Each input item already holds the case under these keys (other keys are ignored; a key left out is neither compared nor written). Fastest for many cases: no expression runs per case.',
		},
		{
			name: 'Define Below for Each Field',
			value: 'defineBelow',
			description: 'Set each case field in this node, usually with an expression per field',
		},
	],
	default: 'defineBelow',
	description: 'Whether the case fields come from the input items as they are, or are set field by field in this node',
};

/** Says, in auto-map mode, which keys are read; the case parameters are hidden then. */
export const autoMapNotice: INodeProperties = {
	displayName: `Each item's keys are read as the case: ${AUTO_MAP_KEYS_TEXT}. Map them in a node before this one (for example Edit Fields).`,
	name: 'autoMapNotice',
	type: 'notice',
	default: '',
	displayOptions: { show: { dataMode: ['autoMapInputData'] } },
};

/** Shows the given case parameters only when the case is defined field by field. */
export function definedBelow(properties: INodeProperties[]): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: { ...property.displayOptions, show: { ...(property.displayOptions?.show ?? {}), dataMode: ['defineBelow'] } },
	}));
}
