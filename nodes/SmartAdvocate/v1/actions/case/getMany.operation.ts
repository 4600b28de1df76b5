import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { showOnlyFor } from '../../../../shared/displayOptions';
import { smartAdvocateByDatePaged, smartAdvocateEndpoints, smartAdvocateRequest } from '../../../transport';
import { caseNumberMatcher, caseNumberPattern, type CaseNumberMatch } from '../../../helpers/caseNumberPattern';
import { mapWithConcurrency } from '../../../../shared/concurrency';
import { userDateToIso } from '../../../helpers/dates';
import { toSimplifiedCase } from '../caseLookup';
import { includeClientsProperty, limitProperty, readLimit, returnAllProperty, simplifyProperty } from '../common.descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Find Cases By',
		name: 'searchBy',
		type: 'options',
		noDataExpression: true,
		default: 'caseNumber',
		options: [
			{
				name: 'Case Number',
				value: 'caseNumber',
				description: 'Cases whose case number matches, e.g. every case number starting with 2024-',
			},
			{
				name: 'Modified Date',
				value: 'modifiedDate',
				description: 'Cases created or changed in a date range, oldest change first',
			},
		],
	},
	{
		displayName: 'Case Number',
		name: 'caseNumber',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 2024-',
		description: 'The case number, or its beginning, to look for',
		displayOptions: { show: { searchBy: ['caseNumber'] } },
	},
	{
		displayName: 'Match',
		name: 'match',
		type: 'options',
		default: 'startsWith',
		options: [
			{ name: 'Exact', value: 'exact', description: 'Only the case with exactly this case number' },
			{
				name: 'SQL LIKE Pattern',
				value: 'like',
				description: 'Use SmartAdvocate\'s own pattern: % matches any text and _ one character',
			},
			{ name: 'Starts With', value: 'startsWith', description: 'Case numbers beginning with the text' },
		],
		description:
			'How the case number is matched. With Exact and Starts With, % and _ in the text are matched literally.',
		displayOptions: { show: { searchBy: ['caseNumber'] } },
	},
	{
		displayName: 'Modified From',
		name: 'modifiedFrom',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'Cases changed at or after this time',
		displayOptions: { show: { searchBy: ['modifiedDate'] } },
	},
	{
		displayName: 'Modified To',
		name: 'modifiedTo',
		type: 'dateTime',
		default: '',
		description: 'Cases changed before this time. Leave empty for up to now.',
		displayOptions: { show: { searchBy: ['modifiedDate'] } },
	},
	returnAllProperty,
	limitProperty,
	{
		displayName: 'Paging',
		name: 'paging',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		description: 'Read a very large date range in slices, one run per slice',
		displayOptions: { show: { searchBy: ['modifiedDate'] } },
		options: [
			{
				displayName: 'Page Size',
				name: 'pageSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 1000 },
				default: 500,
				description: 'How many cases each request to SmartAdvocate reads',
			},
			{
				displayName: 'Start at Page',
				name: 'startPage',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 1,
				description:
					'Continue from this page of the search (page 1 holds the oldest changes). For slices, set Limit to the Page Size and Start at Page to 1, 2, 3… until a run returns fewer cases than the Page Size.',
			},
		],
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Case Type Names or IDs',
				name: 'caseTypes',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getCaseTypes' },
				default: [],
				description:
					'Only cases of these case types (practice areas). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Open or Closed',
				name: 'openClosed',
				type: 'options',
				default: 'all',
				options: [
					{ name: 'Open and Closed', value: 'all' },
					{ name: 'Only Closed', value: 'closed' },
					{ name: 'Only Open', value: 'open' },
				],
				description: 'Whether to return open cases, closed cases, or both',
			},
		],
	},
	simplifyProperty,
	includeClientsProperty,
];

export const description = showOnlyFor({ resource: ['case'], operation: ['getAll'] }, properties);

type OpenClosed = 'all' | 'open' | 'closed';

function caseFilter(openClosed: OpenClosed, caseTypes: string[]) {
	const wanted = caseTypes.map((type) => String(type).trim().toLowerCase());
	return (c: IDataObject) => {
		const closed = c.closedDate !== null && c.closedDate !== undefined && c.closedDate !== '';
		if (openClosed === 'open' && closed) return false;
		if (openClosed === 'closed' && !closed) return false;
		if (wanted.length === 0) return true;
		return wanted.includes(String(c.caseTypeID)) || wanted.includes(String(c.caseType ?? '').trim().toLowerCase());
	};
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const searchBy = this.getNodeParameter('searchBy', itemIndex) as 'caseNumber' | 'modifiedDate';
	const limit = readLimit(
		this.getNodeParameter('returnAll', itemIndex, false) as boolean,
		this.getNodeParameter('limit', itemIndex, 50) as number,
	);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const openClosed = (filters.openClosed as OpenClosed | undefined) ?? 'all';
	const caseTypes = (filters.caseTypes as string[] | undefined) ?? [];
	const keep = caseFilter(openClosed, caseTypes);

	let cases: IDataObject[];
	if (searchBy === 'caseNumber') {
		const input = String(this.getNodeParameter('caseNumber', itemIndex) ?? '').trim();
		const match = this.getNodeParameter('match', itemIndex, 'startsWith') as CaseNumberMatch;
		if (!input) {
			throw new NodeOperationError(this.getNode(), 'The Case Number parameter is empty', {
				description: 'Enter a case number, or the beginning of one with Match set to Starts With.',
				itemIndex,
			});
		}
		const found = await smartAdvocateRequest<IDataObject[]>(
			this,
			{
				method: 'GET',
				path: smartAdvocateEndpoints.caseInfo(),
				qs: { Casenumber: caseNumberPattern(input, match), AddContactInfo: true },
			},
			// A 404 here means "no match" on servers configured that way, not a failure.
			{ action: `search cases by case number ${input}`, itemIndex },
		).catch((error) => {
			if (error?.httpCode === '404') return [] as IDataObject[];
			throw error;
		});
		const matches = caseNumberMatcher(input, match);
		cases = (Array.isArray(found) ? found : []).filter((c) => matches(c.caseNumber) && keep(c));
		if (limit !== undefined) cases = cases.slice(0, limit);
	} else {
		const timeZone = this.getTimezone();
		const modifiedFrom = userDateToIso(this.getNodeParameter('modifiedFrom', itemIndex), timeZone);
		const modifiedTo = userDateToIso(this.getNodeParameter('modifiedTo', itemIndex, ''), timeZone) ?? new Date().toISOString();
		if (!modifiedFrom) {
			throw new NodeOperationError(this.getNode(), 'The Modified From parameter is not a date', {
				description: 'Enter the date and time from which changed cases are wanted.',
				itemIndex,
			});
		}
		const paging = this.getNodeParameter('paging', itemIndex, {}) as { pageSize?: number; startPage?: number };
		// Only "open" can be asked of SmartAdvocate; the rest is filtered page by page, so Limit counts kept cases.
		cases = await smartAdvocateByDatePaged(
			this,
			smartAdvocateEndpoints.casesByDatePaged(),
			{ modifiedFrom, modifiedTo, extra: { includeClosed: openClosed !== 'open' } },
			{
				limit,
				keep,
				pageSize: paging.pageSize ? Math.floor(paging.pageSize) : undefined,
				firstPage: Math.max(1, Math.floor(paging.startPage ?? 1)) - 1,
				// From the first page, by modified date and case ID: staff editing cases during the read cannot make one skipped.
				keyset: { idField: 'caseID' },
			},
			{
				action: `search cases modified from ${modifiedFrom} to ${modifiedTo}`,
				itemIndex,
				notFound: 'This SmartAdvocate server does not offer the case search by date (case/byDatePaged); find cases by case number instead',
			},
		);
	}

	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const includeClients = simplify && (this.getNodeParameter('includeClients', itemIndex, true) as boolean);
	const output = simplify
		? ((await mapWithConcurrency(cases, 4, async (c) => await toSimplifiedCase(this, c, itemIndex, { includeClients }))) as unknown as IDataObject[])
		: cases;
	return this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(output), { itemData: { item: itemIndex } });
}
