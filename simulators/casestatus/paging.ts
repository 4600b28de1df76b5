/**
 * `page[number]` (from 1) and `size` paging, as the Airbyte connector pages Case Status. `/v1/api/*` lists
 * answer a bare array; `/reporting/*` wrap the page as `{count, next, previous, results}`. A page past the
 * end is an empty page, not an error, so "stop at a short page" clients end cleanly on an exact multiple.
 */
import type { SimRequest } from '../shared/http';
import type { CsContext } from './context';
import { fieldError } from './request';

export interface PageRequest {
	page: number;
	size: number;
}

function wholeNumber(value: string | undefined, field: string): number | undefined {
	if (value === undefined) return undefined;
	const text = value.trim();
	const n = /^\d+$/.test(text) ? Number(text) : NaN;
	if (!Number.isSafeInteger(n) || n < 1) throw fieldError(400, field, 'A valid integer is required.');
	return n;
}

export function readPage(ctx: CsContext, req: SimRequest, kind: 'api' | 'reporting'): PageRequest {
	const page = wholeNumber(req.query.get('page[number]'), 'page[number]') ?? 1;
	const fallback = kind === 'api' ? ctx.settings.pageSizeDefault : ctx.settings.reportingPageSizeDefault;
	const size = Math.min(wholeNumber(req.query.get('size'), 'size') ?? fallback, ctx.settings.pageSizeMax);
	return { page, size };
}

/** The requested page of a (lazy) sequence: skips the earlier pages without building them. */
export function takePage<T>(items: Iterable<T>, { page, size }: PageRequest): T[] {
	const skip = (page - 1) * size;
	const out: T[] = [];
	let index = 0;
	for (const item of items) {
		if (index++ < skip) continue;
		out.push(item);
		if (out.length === size) break;
	}
	return out;
}

/** `{count, next, previous, results}` with absolute page links on the address the client used. */
/** Rows are built only for the page served. */
export function reportingEnvelope<T, R>(req: SimRequest, all: T[], paging: PageRequest, toRow: (item: T) => R) {
	const { page, size } = paging;
	const count = all.length;
	const link = (n: number) => {
		const params = new URLSearchParams(req.query.toObject());
		params.set('page[number]', String(n));
		params.set('size', String(size));
		return `http://${req.headers.host ?? '127.0.0.1'}${req.path}?${params.toString()}`;
	};
	const lastPage = Math.max(1, Math.ceil(count / size));
	return {
		count,
		next: page * size < count ? link(page + 1) : null,
		previous: page > 1 ? link(Math.min(page - 1, lastPage)) : null,
		results: all.slice((page - 1) * size, page * size).map(toRow),
	};
}
