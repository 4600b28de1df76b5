/**
 * The `byDatePaged` search shared by cases, notes and documents: a modified-date window (from inclusive, to
 * exclusive), optional case numbers, and a `pageRequest` (0-based `currentPage`, `pageSize`, `sorts`).
 * The answer's envelope is a setting because the real one is unverified (research §8, §12.2).
 */
import { dateFormat, type SaContext } from './context';
import { Fields, jsonObject } from './request';
import type { Envelope } from './settings';
import type { SimRequest } from '../shared/http';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 5000;

export interface Sort {
	/** The record field, as the API names it. */
	field: string;
	descending: boolean;
}

export interface DatePagedQuery {
	body: Fields;
	from: number | null;
	to: number | null;
	/** Lower-cased case numbers; empty = every case. */
	caseNumbers: Set<string>;
	currentPage: number;
	pageSize: number;
	sorts: Sort[];
}

/**
 * Reads the common body. `sortable` lists the fields a `sorts[].propertyPath` may name (matched regardless of
 * case, like the rest of the API); an unknown property path is a 400.
 */
export function readDatePagedQuery(ctx: SaContext, req: SimRequest, sortable: string[]): DatePagedQuery {
	const body = jsonObject(req);
	const fmt = dateFormat(ctx);
	const from = body.date('modifiedFromDateTime', fmt) ?? null;
	const to = body.date('modifiedToDateTime', fmt) ?? null;
	const caseNumbers = new Set((body.stringArray('caseNumbers') ?? []).map((n) => n.trim().toLowerCase()));
	const page = body.object('pageRequest') ?? new Fields({}, '$.pageRequest');
	let currentPage = page.int('currentPage') ?? 0;
	let pageSize = page.int('pageSize') ?? DEFAULT_PAGE_SIZE;
	if (currentPage < 0) {
		page.invalid('currentPage', 'The field CurrentPage must be between 0 and 2147483647.');
		currentPage = 0;
	}
	if (pageSize < 1) {
		page.invalid('pageSize', 'The field PageSize must be between 1 and 2147483647.');
		pageSize = DEFAULT_PAGE_SIZE;
	}
	pageSize = Math.min(pageSize, MAX_PAGE_SIZE);
	const byLower = new Map(sortable.map((field) => [field.toLowerCase(), field]));
	const sorts: Sort[] = [];
	for (const sort of page.objectArray('sorts') ?? []) {
		const path = sort.string('propertyPath');
		const direction = sort.string('sortDirection') ?? 'Ascending';
		page.absorb(sort);
		if (path === undefined || path === null) continue;
		const field = byLower.get(path.trim().toLowerCase());
		if (!field) {
			page.invalid('sorts', `'${path}' is not a sortable property. Use one of: ${sortable.join(', ')}.`);
			continue;
		}
		if (!/^(ascending|descending)$/i.test(direction)) {
			page.invalid('sorts', `'${direction}' is not a sort direction. Use Ascending or Descending.`);
			continue;
		}
		sorts.push({ field, descending: /^descending$/i.test(direction) });
	}
	body.absorb(page);
	if (from !== null && to !== null && to < from) body.invalid('modifiedToDateTime', 'modifiedToDateTime must not be before modifiedFromDateTime.');
	body.throwIfInvalid();
	return { body, from, to, caseNumbers, currentPage, pageSize, sorts };
}

/** The IDs of the cases named in `caseNumbers` (unknown numbers are skipped). */
export function caseIDsOf(ctx: SaContext, q: DatePagedQuery): Set<number> {
	const ids = new Set<number>();
	for (const number of q.caseNumbers) {
		const c = ctx.state.caseByNumber(number);
		if (c) ids.add(c.caseID);
	}
	return ids;
}

export const inWindow = (q: DatePagedQuery, modified: number) =>
	(q.from === null || modified >= q.from) && (q.to === null || modified < q.to);

/** Raw sort keys of a record, by the API's field name. */
export type SortKeys<T> = Record<string, (item: T) => number | string | null>;

/** Sorts by the requested sorts; stable, so the (modifiedDate, ID) order of the input breaks ties. */
export function applySorts<T>(items: readonly T[], sorts: Sort[], keys: SortKeys<T>): readonly T[] {
	if (sorts.length === 0) return items;
	const compare = (a: number | string | null, b: number | string | null) => {
		if (a === b) return 0;
		if (a === null) return -1;
		if (b === null) return 1;
		if (typeof a === 'number' && typeof b === 'number') return a - b;
		return String(a).localeCompare(String(b), 'en');
	};
	return [...items].sort((x, y) => {
		for (const sort of sorts) {
			const key = keys[sort.field];
			const result = compare(key(x), key(y));
			if (result !== 0) return sort.descending ? -result : result;
		}
		return 0;
	});
}

/** Cuts one page, turns it into API records and wraps it as the configured envelope says. */
export function pageEnvelope<T>(all: readonly T[], q: DatePagedQuery, envelope: Envelope, toApi: (item: T) => unknown): unknown {
	const start = q.currentPage * q.pageSize;
	const records = all.slice(start, start + q.pageSize).map(toApi);
	if (envelope === 'array') return records;
	const pageRequest = {
		currentPage: q.currentPage,
		pageSize: q.pageSize,
		totalRecords: all.length,
		totalPages: Math.ceil(all.length / q.pageSize),
	};
	return envelope === 'documents' ? { documents: records, pageRequest } : { records, pageRequest };
}
