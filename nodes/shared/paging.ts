import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { CallDescription, ServiceContext } from './serviceRequest';

/** One page as a transport read it. */
export interface Page {
	records: IDataObject[];
	/** The server said this is the last page (a short page, `totalPages`, no `next`). */
	last: boolean;
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
 * Reads pages until the list ends, the limit is reached, or a page brings nothing new (a server
 * that ignores the page number repeats its page; we stop there instead of looping). Records seen
 * on an earlier page are not returned twice. Past `maxPages` it fails, saying the server ignored
 * paging. Both services page through this one loop; `keep` applies a filter the server cannot.
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
	const seen = new Set<string>();
	const results: IDataObject[] = [];
	for (let pageIndex = 0; results.length < limit; pageIndex++) {
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
		const { records, last } = await fetchPage(pageIndex);
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
	return results;
}
