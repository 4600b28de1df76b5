/** Request helpers every Case Status route shares: error bodies, JSON bodies, and naming a case. */
import { SimError, type QueryParams, type SimRequest } from '../shared/http';
import type { RuleError } from './rules';
import type { CsCase, CsState } from './state';

/** `{"errors":[{"field","message"}]}`, the envelope of every validation and lookup error. */
export const fieldErrors = (status: number, errors: RuleError[], extra: Record<string, unknown> = {}) =>
	new SimError(status, { errors, ...extra });

export const fieldError = (status: number, field: string, message: string) => fieldErrors(status, [{ field, message }]);

/** A 404 for a resource named in the path, as Django REST framework words it. */
export const notFound = () => new SimError(404, { detail: 'Not found.' });

export function jsonObject(req: SimRequest): Record<string, unknown> {
	const body = req.json();
	if (!body || typeof body !== 'object' || Array.isArray(body)) throw fieldError(400, 'non_field_errors', 'Expected a JSON object.');
	return body as Record<string, unknown>;
}

/** A positive whole number from a path or query value, or null. */
export function positiveId(value: string | undefined): number | null {
	if (value === undefined || !/^\d+$/.test(value.trim())) return null;
	const id = Number(value);
	return Number.isSafeInteger(id) && id > 0 ? id : null;
}

export function caseFromPath(state: CsState, raw: string): CsCase {
	const id = positiveId(raw);
	const found = id === null ? undefined : state.cases.get(id);
	if (!found) throw notFound();
	return found;
}

export const CASE_KEYS = ['case_id', 'integration_id', 'readable_id'] as const;

/**
 * The case a write names by `case_id`, `integration_id` or `readable_id` (several may be given if they agree).
 * None given → 400; no such case → 404; a readable ID several cases share → 400 (use another key).
 */
export function caseFromBody(state: CsState, values: Partial<Record<(typeof CASE_KEYS)[number], unknown>>): CsCase {
	const found: { key: string; case?: CsCase }[] = [];
	for (const key of CASE_KEYS) {
		const raw = values[key];
		if (raw === undefined || raw === null || raw === '') continue;
		const text = String(raw).trim();
		if (key === 'case_id') {
			const id = positiveId(text);
			if (id === null) throw fieldError(400, key, 'A valid integer is required.');
			found.push({ key, case: state.cases.get(id) });
		} else if (key === 'integration_id') {
			found.push({ key, case: state.caseByIntegrationId(text) });
		} else {
			const matches = state.casesByReadable(text);
			if (matches.length > 1) throw fieldError(400, key, `${matches.length} cases have readable ID ${text}; name the case by case_id or integration_id.`);
			found.push({ key, case: matches[0] });
		}
	}
	if (found.length === 0) throw fieldError(400, 'case_id', 'One of case_id, integration_id or readable_id is required.');
	const missing = found.find((f) => !f.case);
	if (missing) throw fieldError(404, missing.key, 'Case not found');
	if (new Set(found.map((f) => f.case!.id)).size > 1) {
		throw fieldError(400, 'case_id', `${found.map((f) => f.key).join(', ')} name different cases.`);
	}
	return found[0].case!;
}

/**
 * The cases a list filter names by `case_id`, `integration_id`, `readable_id`; null when the request filters
 * on none. Unknown values filter everything out (an empty list, not a 404).
 */
export function casesFromQuery(state: CsState, query: QueryParams): Set<number> | null {
	let selected: Set<number> | null = null;
	const narrow = (ids: number[]) => {
		selected = new Set(selected === null ? ids : ids.filter((id) => selected!.has(id)));
	};
	const caseId = query.get('case_id');
	if (caseId !== undefined) {
		const id = positiveId(caseId);
		if (id === null) throw fieldError(400, 'case_id', 'A valid integer is required.');
		narrow(state.cases.has(id) ? [id] : []);
	}
	const integrationId = query.get('integration_id');
	if (integrationId !== undefined) {
		const c = state.caseByIntegrationId(integrationId.trim());
		narrow(c ? [c.id] : []);
	}
	const readableId = query.get('readable_id');
	if (readableId !== undefined) narrow(state.casesByReadable(readableId.trim()).map((c) => c.id));
	return selected;
}
