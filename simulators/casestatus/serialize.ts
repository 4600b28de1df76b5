/**
 * State → API JSON. Verified field names (Airbyte schemas: messages, files, reporting) are kept exactly;
 * the rest follows ROUTES.md. Times are ISO-8601 UTC with milliseconds.
 */
import type { CsContext } from './context';
import { signedFileUrl } from './fileHost';
import type { CsCase, CsFile, CsMessage, CsPracticeArea, CsState, CsUser } from './state';

export const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms).toISOString());

export const fullName = (user: Pick<CsUser, 'first_name' | 'last_name'>) => `${user.first_name} ${user.last_name}`.trim();

export function staffSummary(user: CsUser) {
	return { id: user.id, email: user.email, first_name: user.first_name, last_name: user.last_name };
}

export function clientSummary(user: CsUser) {
	return {
		id: user.id,
		first_name: user.first_name,
		last_name: user.last_name,
		email: user.email,
		cell_phone: user.cell_phone,
		integration_id: user.integration_id,
	};
}

export function userToApi(user: CsUser) {
	return {
		id: user.id,
		first_name: user.first_name,
		last_name: user.last_name,
		email: user.email,
		cell_phone: user.cell_phone,
		role: user.role,
	};
}

export function practiceAreaToApi(area: CsPracticeArea) {
	return {
		id: area.id,
		name: area.name,
		integration_mappings: [...area.integration_mappings],
		stages: [...area.stages]
			.sort((a, b) => a.position - b.position)
			.map((s) => ({ id: s.id, name: s.name, position: s.position, description: s.description, integration_mappings: [...s.integration_mappings] })),
	};
}

const usersOf = (state: CsState, ids: number[]) => ids.map((id) => state.users.get(id)).filter((u): u is CsUser => u !== undefined);

export function caseToApi(state: CsState, c: CsCase) {
	const area = state.practiceAreas.get(c.practice_area_id)!;
	const stage = state.stage(c.stage_id);
	const attorney = state.users.get(c.primary_attorney_id);
	return {
		id: c.id,
		readable_id: c.readable_id,
		integration_id: c.integration_id,
		integration_type: c.integration_type,
		description: c.description,
		practice_area: { id: area.id, name: area.name },
		stage: stage ? { id: stage.id, name: stage.name, position: stage.position } : null,
		case_date: c.case_date,
		closed_at: iso(c.closed_at),
		primary_attorney: attorney ? staffSummary(attorney) : null,
		attorneys: usersOf(state, c.attorney_ids).map(staffSummary),
		paralegals: usersOf(state, c.paralegal_ids).map(staffSummary),
		clients: usersOf(state, c.client_ids).map(clientSummary),
		created_at: iso(c.created_at),
		updated_at: iso(c.updated_at),
	};
}

export function messageToApi(state: CsState, m: CsMessage) {
	const c = state.cases.get(m.case_id)!;
	const sender = m.sender_id === null ? undefined : state.users.get(m.sender_id);
	return {
		id: m.id,
		type: m.raw_type !== undefined ? m.raw_type : m.type,
		content: m.content,
		sent_at: iso(m.sent_at),
		created_at: iso(m.created_at),
		readable_id: c.readable_id,
		sender_name: m.sender_name,
		integration_id: c.integration_id,
		case_id: c.id,
		sender: sender ? { id: sender.id, role: sender.role, email: sender.email } : null,
		external_id: m.external_id,
	};
}

/** Extension without the dot, lower-case (`pdf`); empty when the name has none. */
export function extensionOf(fileName: string): string {
	const dot = fileName.lastIndexOf('.');
	return dot > 0 && dot < fileName.length - 1 ? fileName.slice(dot + 1).toLowerCase() : '';
}

export function fileToApi(ctx: CsContext, f: CsFile) {
	const c = ctx.state.cases.get(f.case_id)!;
	const uploader = f.uploader_id === null ? undefined : ctx.state.users.get(f.uploader_id);
	return {
		id: f.id,
		url: signedFileUrl(ctx, f),
		size: f.bytes.length,
		// A string in the verified schema, although case IDs are numbers everywhere else.
		case_id: String(c.id),
		extension: extensionOf(f.file_name),
		file_name: f.file_name,
		content_type: f.content_type,
		created_at: iso(f.created_at),
		updated_at: iso(f.updated_at),
		case_readable_id: c.readable_id,
		case_practice_area: ctx.state.practiceAreas.get(c.practice_area_id)?.name ?? null,
		case_integration_id: c.integration_id,
		uploaded_by: { id: uploader?.id ?? null, role: uploader?.role ?? (f.uploader_kind === 'client' ? 'client' : 'staff') },
	};
}
