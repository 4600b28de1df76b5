/** What the message and file lists share: the case filters, `created_after`, and walking records in time order. */
import type { QueryParams } from '../shared/http';
import type { CsContext } from './context';
import { IGNORABLE_FILTERS } from './settings';
import { parseTimestamp } from './rules';
import { casesFromQuery, fieldError } from './request';
import type { CsState, TimeOrdered } from './state';

/** The list query as the server reads it: without its filters when the server is set to ignore them. */
export function listQuery(ctx: CsContext, query: QueryParams): QueryParams {
	return ctx.settings.ignoreFilters ? query.without(IGNORABLE_FILTERS) : query;
}

/** An inclusive lower bound on a time query parameter (`created_at >= value`), or undefined. */
export function readTimeBound(query: QueryParams, name: string): number | undefined {
	const raw = query.get(name);
	if (raw === undefined) return undefined;
	const ms = parseTimestamp(raw);
	if (ms === null) throw fieldError(400, name, 'Enter a valid date/time.');
	return ms;
}

export function readChoice<T extends string>(query: QueryParams, name: string, choices: readonly T[]): T | undefined {
	const raw = query.get(name);
	if (raw === undefined) return undefined;
	if (!choices.includes(raw as T)) throw fieldError(400, name, `Select a valid choice. ${raw} is not one of the available choices: ${choices.join(', ')}.`);
	return raw as T;
}

function* from<T>(items: readonly T[], start: number): Generator<T> {
	for (let i = start; i < items.length; i++) yield items[i];
}

interface Timed {
	id: number;
	created_at: number;
}

/**
 * Records of the cases the query names (or of all cases), created at or after `after`, oldest first. Uses the
 * per-case index and a binary search for the start, so a poll for "what is new" does not scan history.
 */
export function timeOrderedRecords<T extends Timed>(
	state: CsState,
	query: QueryParams,
	all: TimeOrdered<T>,
	perCase: (caseId: number) => TimeOrdered<T>,
	after: number | undefined,
): Iterable<T> {
	const cases = casesFromQuery(state, query);
	const lists = cases === null ? [all] : [...cases].map(perCase);
	const startOf = (list: TimeOrdered<T>) => (after === undefined ? 0 : list.firstAtOrAfter(after));
	if (lists.length === 1) return from(lists[0].items, startOf(lists[0]));
	return lists
		.flatMap((list) => list.items.slice(startOf(list)))
		.sort((a, b) => a.created_at - b.created_at || a.id - b.id);
}

export function* filtered<T>(items: Iterable<T>, keep: (item: T) => boolean): Generator<T> {
	for (const item of items) if (keep(item)) yield item;
}
