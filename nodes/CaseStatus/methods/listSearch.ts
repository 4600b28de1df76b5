import type { ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import type { CsCaseRecord } from '../helpers/records';
import { caseStatusEndpoints, caseStatusRequest } from '../transport';

const PAGE_SIZE = 100;
/** A search reads at most this many pages per call; the editor asks for more with the token. */
const PAGES_PER_SEARCH = 5;

function caseName(record: CsCaseRecord): string {
	const client = record.clients?.[0];
	const clientName = client ? [client.first_name, client.last_name].filter(Boolean).join(' ') : '';
	const area = record.practice_area?.name;
	return [record.readable_id, clientName && `— ${clientName}`, area && `(${area})`].filter(Boolean).join(' ');
}

function matches(record: CsCaseRecord, filter: string): boolean {
	const needle = filter.toLowerCase();
	const haystack = [
		record.readable_id,
		record.integration_id,
		String(record.id),
		record.description,
		...(record.clients ?? []).map((client) => `${client.first_name ?? ''} ${client.last_name ?? ''}`),
	];
	return haystack.some((text) => (text ?? '').toLowerCase().includes(needle));
}

/** Cases for the Case picker, searchable by readable ID, integration ID, client name or description. */
export async function searchCases(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const results: INodeListSearchItems[] = [];
	let page = paginationToken ? Number(paginationToken) : 1;
	const needle = (filter ?? '').trim();
	for (let read = 0; read < PAGES_PER_SEARCH; read++, page++) {
		const cases = await caseStatusRequest<CsCaseRecord[]>(
			this,
			{ method: 'GET', path: caseStatusEndpoints.cases(), qs: { 'page[number]': page, size: PAGE_SIZE } },
			{ action: 'list cases' },
		);
		const list = Array.isArray(cases) ? cases : [];
		for (const record of list) {
			if (needle && !matches(record, needle)) continue;
			results.push({ name: caseName(record), value: String(record.id) });
		}
		if (list.length < PAGE_SIZE) return { results };
		if (!needle) return { results, paginationToken: String(page + 1) };
	}
	return { results, paginationToken: String(page) };
}
