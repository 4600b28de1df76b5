import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { caseStatusRequest } from '../transport';

/** The page size asked for; Case Status may serve fewer per page, and the search learns how many. */
const PAGE_SIZE = 100;
/** Enough probes for 2^20 pages; more would mean the list is not paging. */
const MAX_PROBES = 60;

/**
 * The last page of an oldest-first list, found in a few requests: pages 1, 2, 4, 8… until one is
 * short or empty, then halving the gap. Case Status lists have no "newest first" order and no
 * count, and reading a firm's whole history to find its newest message would take minutes.
 */
export async function lastPage(
	ctx: IPollFunctions,
	path: string,
	qs: IDataObject,
	action: string,
): Promise<{ page: number; items: IDataObject[] }> {
	const fetched = new Map<number, IDataObject[]>();
	let probes = 0;
	const read = async (page: number) => {
		const known = fetched.get(page);
		if (known) return known;
		if (++probes > MAX_PROBES) return [];
		const response = await caseStatusRequest<unknown>(
			ctx,
			{ method: 'GET', path, qs: { ...qs, 'page[number]': page, size: PAGE_SIZE } },
			{ action },
		);
		const items = Array.isArray(response) ? (response as IDataObject[]) : [];
		fetched.set(page, items);
		return items;
	};

	// Page 1 is full whenever a page 2 exists, so its length is the page size the server really serves.
	const first = await read(1);
	if (first.length === 0) return { page: 1, items: [] };
	const served = first.length;
	let full = 1; // the highest page known to be full (or the last one)
	let empty = 0; // the lowest page known to be empty (0 = none yet)
	for (let page = 2; empty === 0; page *= 2) {
		const items = await read(page);
		if (items.length >= served) full = page;
		else if (items.length > 0) return { page, items };
		else empty = page;
	}
	while (empty - full > 1) {
		const middle = Math.floor((full + empty) / 2);
		const items = await read(middle);
		if (items.length >= served) full = middle;
		else if (items.length > 0) return { page: middle, items };
		else empty = middle;
	}
	return { page: full, items: await read(full) };
}

/** How many pages "Fetch Test Event" reads backwards for an item that passes the filters. */
const SAMPLE_PAGES = 10;

/** The newest item of an oldest-first list that passes `keep`, reading backwards from the end. */
export async function newestMatching(
	ctx: IPollFunctions,
	path: string,
	qs: IDataObject,
	action: string,
	keep: (record: IDataObject) => boolean,
): Promise<IDataObject | undefined> {
	const last = await lastPage(ctx, path, qs, action);
	let { page, items } = last;
	for (let read = 0; read < SAMPLE_PAGES && page >= 1; read++) {
		const found = [...items].reverse().find(keep);
		if (found) return found;
		page -= 1;
		if (page < 1) break;
		const response = await caseStatusRequest<unknown>(
			ctx,
			{ method: 'GET', path, qs: { ...qs, 'page[number]': page, size: PAGE_SIZE } },
			{ action },
		);
		items = Array.isArray(response) ? (response as IDataObject[]) : [];
	}
	return undefined;
}
