/** Cases: list, get, create (an import, with Case Status's rules), update, close and reopen. */
import type { QueryParams, Route } from '../../shared/http';
import { authorized } from '../auth';
import { nowMs, type CsContext } from '../context';
import { filtered, listQuery, readChoice, readTimeBound } from '../listing';
import { readPage, takePage } from '../paging';
import { caseFromPath, fieldError, fieldErrors, jsonObject } from '../request';
import { checkCaseInput, findExistingClient, matchPracticeArea, MESSAGES, type CaseChanges, type CaseEnv, type ClientInput } from '../rules';
import { caseToApi } from '../serialize';
import type { CsCase, CsState, CsUser } from '../state';

export const API_INTEGRATION_TYPE = 'THIRD_PARTY';

export function caseEnv(ctx: CsContext): CaseEnv {
	const { state } = ctx;
	return {
		practiceAreas: state.practiceAreas.values(),
		staffByEmail: (email) => state.staffByEmail(email),
		caseByIntegrationId: (id) => state.caseByIntegrationId(id),
		practiceAreaOf: (c) => state.practiceAreas.get(c.practice_area_id)!,
		stageOf: (c) => state.stage(c.stage_id),
		corporate: ctx.settings.isCorporate,
	};
}

/**
 * The client users an import names: existing ones (matched by integration ID, e-mail for corporate firms, or
 * cell phone) get their contact details refreshed — never a phone number nulled — and new ones are created,
 * unless `create_new_client` is false (422 "Client not found, stopping import."). Nothing changes on a 422.
 */
function resolveClients(ctx: CsContext, inputs: ClientInput[], createNew: boolean): number[] {
	const { state } = ctx;
	const corporate = ctx.settings.isCorporate;
	const lookup = {
		byIntegrationId: (id: string) => state.clientByIntegrationId(id),
		byEmail: (email: string) => state.clientByEmail(email),
		byPhone: (phone: string) => state.clientByPhone(phone),
	};
	const matches = inputs.map((input) => findExistingClient(input, lookup, { corporate }));
	const missing = matches.findIndex((m) => m === undefined);
	if (missing >= 0 && !createNew) throw fieldError(422, `clients[${missing}]`, MESSAGES.clientNotFound);
	const ids = inputs.map((input, i) => {
		const existing = matches[i];
		if (existing) {
			state.updateUser(existing, {
				first_name: input.first_name ?? existing.first_name,
				last_name: input.last_name ?? existing.last_name,
				email: input.email ?? existing.email,
				cell_phone: input.cell_phone ?? existing.cell_phone,
				integration_id: existing.integration_id ?? input.integration_id,
			});
			return existing.id;
		}
		const user: CsUser = {
			id: state.next.user,
			first_name: input.first_name ?? '',
			last_name: input.last_name ?? '',
			email: input.email,
			cell_phone: input.cell_phone,
			role: 'client',
			integration_id: input.integration_id,
			created_at: nowMs(ctx),
		};
		return state.addUser(user).id;
	});
	return [...new Set(ids)];
}

function checked(ctx: CsContext, body: unknown, current?: CsCase): CaseChanges {
	const check = checkCaseInput(body, caseEnv(ctx), current);
	if (!check.ok) {
		throw fieldErrors(check.status, check.errors, check.conflictCaseId !== undefined ? { case_id: check.conflictCaseId } : {});
	}
	return check.changes;
}

export function createCase(ctx: CsContext, body: unknown): CsCase {
	const { state } = ctx;
	const changes = checked(ctx, body);
	const clientIds = resolveClients(ctx, changes.clients!, changes.createNewClient);
	const now = nowMs(ctx);
	const primary = changes.primaryAttorney!;
	return state.addCase({
		id: state.next.case,
		readable_id: changes.readable_id!,
		integration_id: changes.integration_id ?? null,
		integration_type: changes.integration_type ?? API_INTEGRATION_TYPE,
		description: changes.description ?? '',
		practice_area_id: changes.practiceArea!.id,
		stage_id: changes.stage?.id ?? null,
		case_date: changes.case_date ?? null,
		closed_at: changes.closed_at ?? null,
		primary_attorney_id: primary.id,
		attorney_ids: (changes.attorneys ?? []).map((u) => u.id).filter((id) => id !== primary.id),
		paralegal_ids: (changes.paralegals ?? []).map((u) => u.id),
		client_ids: clientIds,
		created_at: now,
		updated_at: now,
	});
}

export function updateCase(ctx: CsContext, c: CsCase, body: unknown): CsCase {
	const changes = checked(ctx, body, c);
	const next: Partial<CsCase> = { updated_at: nowMs(ctx) };
	if (changes.readable_id !== undefined) next.readable_id = changes.readable_id;
	if (changes.integration_id !== undefined) next.integration_id = changes.integration_id;
	if (changes.integration_type !== undefined) next.integration_type = changes.integration_type;
	if (changes.description !== undefined) next.description = changes.description;
	if (changes.practiceArea) {
		next.practice_area_id = changes.practiceArea.id;
		next.stage_id = changes.stage?.id ?? null;
	} else if (changes.stage) next.stage_id = changes.stage.id;
	if (changes.case_date !== undefined) next.case_date = changes.case_date;
	if (changes.closed_at !== undefined) next.closed_at = changes.closed_at;
	const primaryId = changes.primaryAttorney?.id ?? c.primary_attorney_id;
	if (changes.primaryAttorney) next.primary_attorney_id = primaryId;
	if (changes.attorneys) next.attorney_ids = changes.attorneys.map((u) => u.id).filter((id) => id !== primaryId);
	else if (changes.primaryAttorney) next.attorney_ids = c.attorney_ids.filter((id) => id !== primaryId);
	if (changes.paralegals) next.paralegal_ids = changes.paralegals.map((u) => u.id);
	if (changes.clients) next.client_ids = resolveClients(ctx, changes.clients, changes.createNewClient);
	ctx.state.updateCase(c, next);
	return c;
}

/** Filters of `GET /v1/api/cases`; each narrows the list, all are exact. */
function caseFilter(ctx: CsContext, query: QueryParams): (c: CsCase) => boolean {
	const { state } = ctx;
	const checks: ((c: CsCase) => boolean)[] = [];
	const area = query.get('practice_area');
	if (area !== undefined) {
		const found = matchPracticeArea(area, state.practiceAreas.values());
		checks.push((c) => c.practice_area_id === found?.id);
	}
	const stage = query.get('stage');
	if (stage !== undefined) checks.push((c) => state.stage(c.stage_id)?.name === stage);
	const status = readChoice(query, 'status', ['open', 'closed'] as const);
	if (status) checks.push((c) => (c.closed_at === null) === (status === 'open'));
	const updatedAfter = readTimeBound(query, 'updated_after');
	if (updatedAfter !== undefined) checks.push((c) => c.updated_at >= updatedAfter);
	return (c) => checks.every((check) => check(c));
}

function* casesInOrder(state: CsState, ids: Iterable<number>): Generator<CsCase> {
	for (const id of ids) {
		const c = state.cases.get(id);
		if (c) yield c;
	}
}

/** The case IDs a list starts from: one lookup when the query names an integration or readable ID. */
function candidateIds(state: CsState, query: QueryParams): number[] {
	const integrationId = query.get('integration_id');
	const readableId = query.get('readable_id');
	let ids: number[] | null = null;
	if (integrationId !== undefined) {
		const c = state.caseByIntegrationId(integrationId.trim());
		ids = c ? [c.id] : [];
	}
	if (readableId !== undefined) {
		const matching = state.casesByReadable(readableId.trim()).map((c) => c.id);
		ids = ids === null ? matching.sort((a, b) => a - b) : ids.filter((id) => matching.includes(id));
	}
	return ids ?? state.caseOrder;
}

export function caseRoutes(ctx: CsContext): Route[] {
	return [
		{
			method: 'GET',
			pattern: '/v1/api/cases',
			handler: authorized(ctx, (req) => {
				const { state } = ctx;
				const paging = readPage(ctx, req, 'api');
				const query = listQuery(ctx, req.query);
				const keep = caseFilter(ctx, query);
				const page = takePage(filtered(casesInOrder(state, candidateIds(state, query)), keep), paging);
				return { status: 200, body: page.map((c) => caseToApi(state, c)) };
			}),
		},
		{
			method: 'GET',
			pattern: '/v1/api/cases/{id}',
			handler: authorized(ctx, (req) => ({ status: 200, body: caseToApi(ctx.state, caseFromPath(ctx.state, req.params.id)) })),
		},
		{
			method: 'POST',
			pattern: '/v1/api/cases',
			handler: authorized(ctx, (req) => ({ status: 201, body: caseToApi(ctx.state, createCase(ctx, jsonObject(req))) })),
		},
		{
			method: 'PATCH',
			pattern: '/v1/api/cases/{id}',
			handler: authorized(ctx, (req) => {
				const c = caseFromPath(ctx.state, req.params.id);
				return { status: 200, body: caseToApi(ctx.state, updateCase(ctx, c, jsonObject(req))) };
			}),
		},
		{
			method: 'POST',
			pattern: '/v1/api/cases/{id}/close',
			handler: authorized(ctx, (req) => {
				const c = caseFromPath(ctx.state, req.params.id);
				// Closing a closed case changes nothing (it keeps its first closing time).
				if (c.closed_at === null) ctx.state.updateCase(c, { closed_at: nowMs(ctx), updated_at: nowMs(ctx) });
				return { status: 200, body: caseToApi(ctx.state, c) };
			}),
		},
		{
			method: 'POST',
			pattern: '/v1/api/cases/{id}/reopen',
			handler: authorized(ctx, (req) => {
				const c = caseFromPath(ctx.state, req.params.id);
				if (c.closed_at !== null) ctx.state.updateCase(c, { closed_at: null, updated_at: nowMs(ctx) });
				return { status: 200, body: caseToApi(ctx.state, c) };
			}),
		},
	];
}
