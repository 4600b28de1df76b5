/** The searchable Case list of the Case resource locator. */
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { recordsOfPage, smartAdvocateEndpoints, smartAdvocateRequest } from '../transport';
import { escapeLike } from '../helpers/caseNumberPattern';

/** Cases per page of the list, and how many recently changed cases a name search looks through. */
const PAGE_SIZE = 50;
const NAME_SEARCH_SCOPE = 500;
/** Far enough back to include every case a firm has. */
const ALL_TIME = '1900-01-01T00:00:00Z';

const toItem = (c: IDataObject): INodeListSearchItems => ({
	name: c.caseName ? `${c.caseNumber} — ${c.caseName}` : String(c.caseNumber),
	value: String(c.caseID),
});

/** Cases newest change first (SmartAdvocate offers no name search, so names are matched among these). */
async function recentCases(ctx: ILoadOptionsFunctions, page: number, pageSize: number): Promise<IDataObject[]> {
	const response = await smartAdvocateRequest(
		ctx,
		{
			method: 'POST',
			path: smartAdvocateEndpoints.casesByDatePaged(),
			body: {
				modifiedFromDateTime: ALL_TIME,
				modifiedToDateTime: new Date(Date.now() + 86_400_000).toISOString(),
				caseNumbers: [],
				pageRequest: {
					currentPage: page,
					pageSize,
					filterExpression: {},
					sorts: [{ propertyPath: 'modifiedDate', sortDirection: 'Descending' }],
				},
			},
		},
		{ action: 'list recently changed cases' },
	);
	return recordsOfPage(response).records;
}

/**
 * With no search text: the most recently changed cases, page by page. With text: cases whose number
 * contains it (any case), then cases among the most recently changed whose name contains it.
 */
export async function searchCases(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const text = (filter ?? '').trim();
	if (!text) {
		const page = Number(paginationToken ?? 0) || 0;
		const cases = await recentCases(this, page, PAGE_SIZE);
		return {
			results: cases.map(toItem),
			paginationToken: cases.length === PAGE_SIZE ? String(page + 1) : undefined,
		};
	}
	const [byNumber, recent] = await Promise.all([
		smartAdvocateRequest<IDataObject[]>(
			this,
			{ method: 'GET', path: smartAdvocateEndpoints.caseInfo(), qs: { Casenumber: `%${escapeLike(text)}%` } },
			{ action: `search cases by number ${text}` },
		).catch((error) => {
			if (error?.httpCode === '404') return [] as IDataObject[];
			throw error;
		}),
		recentCases(this, 0, NAME_SEARCH_SCOPE),
	]);
	const wanted = text.toLowerCase();
	const byName = recent.filter((c) => String(c.caseName ?? '').toLowerCase().includes(wanted));
	const seen = new Set<string>();
	const results: INodeListSearchItems[] = [];
	for (const c of [...(Array.isArray(byNumber) ? byNumber : []), ...byName]) {
		const item = toItem(c);
		if (seen.has(String(item.value))) continue;
		seen.add(String(item.value));
		results.push(item);
	}
	return { results: results.slice(0, 100) };
}
