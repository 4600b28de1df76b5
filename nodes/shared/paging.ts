import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { CallDescription, ServiceContext } from './serviceRequest';

/** One page as a transport read it. */
export interface Page {
	records: IDataObject[];
	/** The server said this is the last page (a short page, `totalPages`, no `next`). */
	last: boolean;
	/** How many pages the list has, counted from page index 0 of this read, when the server says. */
	totalPages?: number;
}

/** More pages than this means the server ignores paging (serves pages forever), not a big list. */
export const MAX_PAGES = 5_000;

/** Two FNV-1a hashes of a record's JSON: enough to recognise a record seen before without keeping it twice. */
function fingerprint(record: IDataObject): string {
	const text = JSON.stringify(record);
	let a = 0x811c9dc5;
	let b = 0x01000193;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		a = Math.imul(a ^ code, 0x01000193);
		b = Math.imul(b ^ code, 0x5bd1e995);
	}
	return `${(a >>> 0).toString(36)}.${(b >>> 0).toString(36)}.${text.length}`;
}

/**
 * Pages requested at once after the first. A cloud API answers in 50–150 ms, so page after page
 * makes a 100-page list cost seconds; 8 is the calls in flight the operations already allow
 * (`concurrency`), and serviceRequest's shared 429/503 pause holds back every call of the run.
 */
export const PAGES_IN_FLIGHT = 8;

type Settled = { page: Page } | { error: unknown };

/**
 * Reads pages until the list ends, the limit is reached, or a page brings nothing new (a server
 * that ignores the page number repeats its page; we stop there instead of looping). Records seen
 * on an earlier page are not returned twice. Past `maxPages` it fails, saying the server ignored
 * paging. Both services page through this one loop; `keep` applies a filter the server cannot.
 *
 * The first page is read alone (most lists are one page, and it tells the size the server really
 * serves); then up to PAGES_IN_FLIGHT pages at a time, never past `totalPages` nor past what a Limit
 * can still need, and one at a time with `keep` and a Limit (a filtered Limit costs no extra call).
 * Where the end is unknown, the window grows by one with each page read, so a list of n pages costs
 * at most n + min(n - 1, 7) calls. Pages are processed strictly in order: pages read past the end
 * are dropped, and a failure is the lowest failing page's, thrown once no call of the read is running.
 */
export async function readAllPages(
	ctx: ServiceContext,
	service: string,
	call: CallDescription,
	fetchPage: (pageIndex: number) => Promise<Page>,
	options: { limit?: number; maxPages?: number; keep?: (record: IDataObject) => boolean } = {},
): Promise<IDataObject[]> {
	const limit = options.limit ?? Infinity;
	const maxPages = options.maxPages ?? MAX_PAGES;
	const readAhead = options.keep && limit !== Infinity ? 1 : PAGES_IN_FLIGHT;
	const seen = new Set<string>();
	const results: IDataObject[] = [];
	const inFlight = new Map<number, Promise<Settled>>();
	let requested = 0;
	let totalPages = Infinity;
	let firstPageSize = 0;
	const requestUpTo = (end: number) => {
		for (; requested < Math.min(end, maxPages, totalPages); requested++) {
			const settled = fetchPage(requested).then(
				(page): Settled => ({ page }),
				(error: unknown): Settled => ({ error }),
			);
			inFlight.set(requested, settled);
		}
	};
	try {
		for (let pageIndex = 0; results.length < limit && pageIndex < totalPages; pageIndex++) {
			if (pageIndex >= maxPages) {
				throw new NodeOperationError(
					ctx.getNode(),
					`${service} kept sending new pages after ${maxPages} pages while trying to ${call.action}; it seems to ignore paging`,
					{
						description: `The node stopped so as not to read forever. Narrow the request (a shorter date window, a filter, or a Limit); if it keeps happening, tell ${service} support that paging is ignored.`,
						itemIndex: call.itemIndex,
					},
				);
			}
			if (pageIndex === 0) requestUpTo(1);
			else {
				// Without `keep`, every record counts toward the Limit: pages beyond it would be read for nothing.
				const pagesNeeded = options.keep ? Infinity : Math.ceil((limit - results.length) / firstPageSize);
				// A list of unknown length: each page read ahead past its end is a call for nothing.
				const atOnce = totalPages === Infinity ? Math.min(readAhead, pageIndex + 1) : readAhead;
				requestUpTo(pageIndex + Math.min(atOnce, pagesNeeded));
			}
			const settled = await inFlight.get(pageIndex)!;
			inFlight.delete(pageIndex);
			if ('error' in settled) throw settled.error;
			const { records, last } = settled.page;
			if (settled.page.totalPages !== undefined) totalPages = settled.page.totalPages;
			if (pageIndex === 0) firstPageSize = records.length;
			const fresh = records.filter((record) => {
				const key = fingerprint(record);
				if (seen.has(key)) return false;
				seen.add(key);
				return true;
			});
			// `keep` filters as pages arrive, so a Limit counts kept records and paging stops once enough are kept.
			const kept = options.keep ? fresh.filter(options.keep) : fresh;
			results.push(...kept.slice(0, limit - results.length));
			if (last || fresh.length === 0) break;
		}
	} finally {
		// The node run must not end with calls still running; their pages (past the end) are dropped.
		await Promise.all(inFlight.values());
	}
	return results;
}

/** Where the next page of a keyset read starts. */
export interface KeysetStart {
	/** The time to ask from, inclusive (undefined: the window's own start). */
	from?: string;
	/** Pages already read that start at `from` and hold only records of that time (ties). */
	pageAtFrom: number;
}

/**
 * Reads a list sorted by time then ID by keyset: each page is asked from the time of the last record
 * read (inclusive) instead of by page number. Page numbers shift when a record before them leaves
 * the list (staff edit a case while the pages are read, and it moves out of the window), so a record
 * slides onto a page already read and is skipped; a read that starts from the last record cannot
 * skip one. Records at that time come again and are dropped by ID, so each record is returned once.
 * A page holding only records of one time (more ties than a page) goes on to the next page number
 * at that same time. Pages are read one after another, as each starts where the previous ended.
 */
export async function readByKeyset(
	ctx: ServiceContext,
	service: string,
	call: CallDescription,
	fetchPage: (start: KeysetStart) => Promise<Page>,
	stampOf: (record: IDataObject) => { id: string; ms: number; next: (ms: number) => string } | undefined,
	options: { limit?: number; maxPages?: number; keep?: (record: IDataObject) => boolean } = {},
): Promise<IDataObject[]> {
	const limit = options.limit ?? Infinity;
	const maxPages = options.maxPages ?? MAX_PAGES;
	const seen = new Set<string>();
	const results: IDataObject[] = [];
	let start: KeysetStart = { pageAtFrom: 0 };
	let fromMs = -Infinity;
	for (let calls = 0; results.length < limit; calls++) {
		if (calls >= maxPages) {
			throw new NodeOperationError(ctx.getNode(), `${service} kept sending new pages after ${maxPages} pages while trying to ${call.action}; it seems to ignore paging`, {
				description: `The node stopped so as not to read forever. Narrow the request (a shorter date window, a filter, or a Limit); if it keeps happening, tell ${service} support that paging is ignored.`,
				itemIndex: call.itemIndex,
			});
		}
		const { records, last } = await fetchPage(start);
		let fresh = 0;
		for (const record of records) {
			const stamp = stampOf(record);
			const key = stamp?.id ?? fingerprint(record);
			if (seen.has(key)) continue;
			seen.add(key);
			fresh++;
			if (results.length < limit && (!options.keep || options.keep(record))) results.push(record);
		}
		const lastStamp = records.length ? stampOf(records[records.length - 1]) : undefined;
		// A further page at the same start with nothing new: the server ignores the page number.
		if (last || records.length === 0 || (fresh === 0 && start.pageAtFrom > 0)) break;
		if (lastStamp && lastStamp.ms > fromMs) {
			start = { from: lastStamp.next(lastStamp.ms), pageAtFrom: 0 };
			fromMs = lastStamp.ms;
		} else start = { ...start, pageAtFrom: start.pageAtFrom + 1 };
	}
	return results;
}
