/**
 * The verified reporting endpoints: flattened case rows and firm KPIs, with the human-readable,
 * space-separated keys of the Airbyte schemas, wrapped in `{count, next, previous, results}`.
 * Activity Case Status tracks but the simulator does not (logins, NPS, checklists) reads as null or 0.
 */
import type { Route } from '../../shared/http';
import { authorized } from '../auth';
import type { CsContext } from '../context';
import { readPage, reportingEnvelope } from '../paging';
import { iso } from '../serialize';
import type { CsCase, CsState, CsUser } from '../state';

const MAX_ATTORNEYS = 4;
const MAX_CLIENTS = 3;
const MAX_CASE_MANAGERS = 2;

const last = <T>(items: readonly T[]) => items[items.length - 1];

function lastOfType(state: CsState, caseId: number, type: 'incoming' | 'outgoing'): number | null {
	const items = state.caseMessages(caseId).items;
	for (let i = items.length - 1; i >= 0; i--) if (items[i].type === type) return items[i].created_at;
	return null;
}

export function caseReportRow(state: CsState, c: CsCase): Record<string, unknown> {
	const user = (id: number | undefined) => (id === undefined ? undefined : state.users.get(id));
	const attorney = user(c.primary_attorney_id);
	const attorneys = [c.primary_attorney_id, ...c.attorney_ids].map(user);
	const clients = c.client_ids.map(user);
	const managers = c.paralegal_ids.map(user);
	const messages = state.caseMessages(c.id).items;
	const files = state.caseFiles(c.id).items;
	const sentFiles = files.filter((f) => f.uploader_kind === 'staff').length;

	const row: Record<string, unknown> = {
		Status: c.closed_at === null ? 'Active' : 'Closed',
		'Case Name': c.readable_id,
		'Internal ID': c.id,
		'Integration ID': c.integration_id,
		'Practice Area': state.practiceAreas.get(c.practice_area_id)?.name ?? null,
		'Incident Date': c.case_date,
		'Case Created At': iso(c.created_at),
		'Case Activated Date': iso(c.created_at),
		'Case Closed At': iso(c.closed_at),
		'Case Deleted At': null,
		'Last Updated': iso(c.updated_at),
		'Last Login': null,
		'Last Message Sent': iso(lastOfType(state, c.id, 'outgoing')),
		'Last Message Received': iso(lastOfType(state, c.id, 'incoming')),
		'Most Recent Message Sent At': iso(last(messages)?.created_at),
		'Review Sent At': null,
		'Most Recent NPS': null,
		'Target Language': 'en',
		'Total Documents': files.length,
		'Total Documents Sent': sentFiles,
		'Total Documents Received': files.length - sentFiles,
		'Total Activities': messages.length + files.length,
		'Total Activities Login': 0,
		'Total Activities Message': messages.length,
		'Total Activities Engagement': 0,
		'Total Checklist Items': 0,
		'Total Checklist Items Completed': 0,
		'Attorney Id': attorney?.id ?? null,
		'Attorney Email': attorney?.email ?? null,
		'Attorney First Name': attorney?.first_name ?? null,
		'Attorney Last Name': attorney?.last_name ?? null,
		'Client First Name': clients[0]?.first_name ?? null,
		'Client Last Name': clients[0]?.last_name ?? null,
	};
	for (let n = 1; n <= MAX_CASE_MANAGERS; n++) {
		const m: CsUser | undefined = managers[n - 1];
		row[`Case Manager ${n} ID`] = m?.id ?? null;
		row[`Case Manager ${n} First Name`] = m?.first_name ?? null;
		row[`Case Manager ${n} Last Name`] = m?.last_name ?? null;
	}
	const attorneysBlock: Record<string, unknown> = {};
	for (let n = 1; n <= MAX_ATTORNEYS; n++) {
		const a = attorneys[n - 1];
		attorneysBlock[`Attorney ${n} Id`] = a?.id ?? null;
		attorneysBlock[`Attorney ${n} Email`] = a?.email ?? null;
		attorneysBlock[`Attorney ${n} First Name`] = a?.first_name ?? null;
		attorneysBlock[`Attorney ${n} Last Name`] = a?.last_name ?? null;
	}
	row.Attorneys = attorneysBlock;
	const clientsBlock: Record<string, unknown> = {};
	for (let n = 1; n <= MAX_CLIENTS; n++) {
		const cl = clients[n - 1];
		clientsBlock[`Client ${n} ID`] = cl?.id ?? null;
		clientsBlock[`Client ${n} Email`] = cl?.email ?? null;
		clientsBlock[`Client ${n} First Name`] = cl?.first_name ?? null;
		clientsBlock[`Client ${n} Last Name`] = cl?.last_name ?? null;
		clientsBlock[`Client ${n} Cell Phone`] = cl?.cell_phone ?? null;
		clientsBlock[`Client ${n} Device Type`] = null;
		clientsBlock[`Client ${n} Last Opened`] = null;
		clientsBlock[`Client ${n} Last Used Web App`] = null;
		clientsBlock[`Client ${n} Last Used iOS App`] = null;
		clientsBlock[`Client ${n} Last Used Android App`] = null;
		clientsBlock[`Client ${n} Mobile OS Version`] = null;
		clientsBlock[`Client ${n} Mobile App Version`] = null;
	}
	row.Clients = clientsBlock;
	return row;
}

/** Python's `str(timedelta)` without microseconds: `2:05:09`, `1 day, 0:00:10`. */
export function formatDuration(ms: number): string {
	const total = Math.round(ms / 1000);
	const days = Math.floor(total / 86400);
	const rest = total % 86400;
	const h = Math.floor(rest / 3600);
	const m = Math.floor((rest % 3600) / 60);
	const s = rest % 60;
	const clock = `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
	return days ? `${days} day${days === 1 ? '' : 's'}, ${clock}` : clock;
}

/**
 * Firm KPIs. Response time: from the first client message not yet answered to the firm's next message on
 * that case, averaged over every answer. Cases per active user: open cases per staff user.
 */
export function firmReportRow(state: CsState): Record<string, unknown> {
	let answered = 0;
	let waitedMs = 0;
	let incoming = 0;
	let outgoing = 0;
	let open = 0;
	for (const c of state.cases.values()) {
		if (c.closed_at === null) open++;
		let waitingSince: number | null = null;
		for (const m of state.caseMessages(c.id).items) {
			if (m.type === 'incoming') {
				incoming++;
				waitingSince ??= m.created_at;
			} else {
				outgoing++;
				if (waitingSince !== null) {
					answered++;
					waitedMs += m.created_at - waitingSince;
					waitingSince = null;
				}
			}
		}
	}
	let staff = 0;
	let clients = 0;
	for (const u of state.users.values()) {
		if (u.role === 'client') clients++;
		else staff++;
	}
	return {
		'Average Response Time': answered ? formatDuration(waitedMs / answered) : null,
		'Cases Per Active User': (staff ? open / staff : 0).toFixed(2),
		'Total Cases': state.cases.size,
		'Open Cases': open,
		'Closed Cases': state.cases.size - open,
		'Total Clients': clients,
		'Total Staff': staff,
		'Total Messages': incoming + outgoing,
		'Messages Received': incoming,
		'Messages Sent': outgoing,
		'Total Documents': state.files.size,
	};
}

export function reportingRoutes(ctx: CsContext): Route[] {
	return [
		{
			method: 'GET',
			pattern: '/reporting/cases',
			handler: authorized(ctx, (req) => {
				const { state } = ctx;
				const paging = readPage(ctx, req, 'reporting');
				const ids = state.caseOrder;
				return { status: 200, body: reportingEnvelope(req, ids, paging, (id) => caseReportRow(state, state.cases.get(id)!)) };
			}),
		},
		{
			method: 'GET',
			pattern: '/reporting/firm',
			handler: authorized(ctx, (req) => {
				const paging = readPage(ctx, req, 'reporting');
				return { status: 200, body: reportingEnvelope(req, [ctx.state], paging, firmReportRow) };
			}),
		},
	];
}
