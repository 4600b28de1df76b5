/**
 * Test-only routes under /__admin/ (no API key): what happens inside the Case Status app that the public
 * API cannot do — a client writes a message or shares a file, at a chosen time — plus adding a user and
 * reading the file host's request log.
 */
import { SimError, type Route } from '../../shared/http';
import { normalizeUsCellPhone } from '../../shared/phone';
import type { CsContext } from '../context';
import { caseFromBody, caseFromPath, fieldError, jsonObject } from '../request';
import { optionalText, timestamp } from '../rules';
import { fileToApi, messageToApi, userToApi } from '../serialize';
import { ALL_ROLES, DIRECTIONS, type CsCase, type CsRole, type CsUser, type Direction } from '../state';
import { contentTypeFor, createFile, UPLOADERS } from './files';
import { createMessage, messageFields } from './messages';

const oneOf = <T extends string>(value: unknown, field: string, choices: readonly T[], fallback: T): T => {
	if (value === undefined || value === null) return fallback;
	if (typeof value !== 'string' || !choices.includes(value as T)) throw fieldError(400, field, `Must be one of: ${choices.join(', ')}.`);
	return value as T;
};

function createdAt(body: Record<string, unknown>): number | undefined {
	const parsed = timestamp(body.created_at, 'created_at');
	if (parsed.errors.length) throw new SimError(400, { errors: parsed.errors });
	return parsed.value ?? undefined;
}

/** The person acting on the case: named by e-mail (a client of the case or staff), else its first client / primary attorney. */
function actor(ctx: CsContext, c: CsCase, kind: 'client' | 'staff', email: unknown, field: string): CsUser | undefined {
	const { state } = ctx;
	if (typeof email === 'string' && email.trim()) {
		const found =
			kind === 'client'
				? c.client_ids.map((id) => state.users.get(id)).find((u) => u?.email?.toLowerCase() === email.trim().toLowerCase())
				: state.staffByEmail(email);
		if (!found) throw fieldError(422, field, `No ${kind} with e-mail ${email} on case ${c.id}.`);
		return found;
	}
	return state.users.get(kind === 'client' ? c.client_ids[0] : c.primary_attorney_id);
}

export function adminRoutes(ctx: CsContext): Route[] {
	return [
		{
			method: 'POST',
			pattern: '/__admin/messages',
			handler: (req) => {
				const body = jsonObject(req);
				const direction: Direction = oneOf(body.direction, 'direction', DIRECTIONS, 'incoming');
				const fields = messageFields(body);
				const c = caseFromBody(ctx.state, body);
				const sender = actor(ctx, c, direction === 'incoming' ? 'client' : 'staff', body.sender_email, 'sender_email');
				// `type` in the body (a string or null) is what the API will show: a message of missing or unknown type.
				const rawType = 'type' in body ? (body.type === null ? null : String(body.type)) : undefined;
				const message = createMessage(ctx, c, { type: direction, sender, ...fields, createdAt: createdAt(body), rawType });
				return { status: 201, body: messageToApi(ctx.state, message) };
			},
		},
		{
			method: 'POST',
			pattern: '/__admin/files',
			handler: (req) => {
				const body = jsonObject(req);
				const kind = oneOf(body.uploaded_by, 'uploaded_by', UPLOADERS, 'client');
				const fileName = optionalText(body.file_name, 'file_name');
				if (!fileName.value) throw fieldError(400, 'file_name', 'This field is required.');
				if (typeof body.content_base64 !== 'string') throw fieldError(400, 'content_base64', 'This field is required.');
				const bytes = Buffer.from(body.content_base64, 'base64');
				const contentType = optionalText(body.content_type, 'content_type').value ?? undefined;
				const c = caseFromBody(ctx.state, body);
				const file = createFile(ctx, c, {
					fileName: fileName.value,
					contentType: contentTypeFor(fileName.value, contentType),
					bytes,
					uploader: actor(ctx, c, kind, body.uploader_email, 'uploader_email'),
					kind,
					createdAt: createdAt(body),
				});
				return { status: 201, body: fileToApi(ctx, file) };
			},
		},
		{
			method: 'POST',
			pattern: '/__admin/users',
			handler: (req) => {
				const body = jsonObject(req);
				const role: CsRole = oneOf(body.role, 'role', ALL_ROLES, 'attorney');
				const text = (name: string) => optionalText(body[name], name).value ?? null;
				const first = text('first_name');
				const last = text('last_name');
				const email = text('email');
				if (!first || !last) throw fieldError(400, first ? 'last_name' : 'first_name', 'This field is required.');
				if (role !== 'client' && !email) throw fieldError(400, 'email', 'Staff need an e-mail.');
				if (email && role !== 'client' && ctx.state.staffByEmail(email)) throw fieldError(409, 'email', `A staff user with e-mail ${email} exists.`);
				const phone = body.cell_phone === undefined || body.cell_phone === null ? null : normalizeUsCellPhone(String(body.cell_phone));
				if (body.cell_phone && !phone) throw fieldError(400, 'cell_phone', `Cell phone invalid: ${String(body.cell_phone)}`);
				const user = ctx.state.addUser({
					id: ctx.state.next.user,
					first_name: first,
					last_name: last,
					email,
					cell_phone: phone,
					role,
					integration_id: text('integration_id'),
					created_at: ctx.clock.now().getTime(),
				});
				return { status: 201, body: userToApi(user) };
			},
		},
		{
			method: 'DELETE',
			pattern: '/__admin/cases/{id}',
			handler: (req) => {
				const c = caseFromPath(ctx.state, req.params.id);
				if (!ctx.state.deleteCase(c)) throw fieldError(409, 'id', `Case ${c.id} has messages or files; the simulator deletes only cases without them.`);
				return { status: 200, body: { deleted: c.id } };
			},
		},
		{
			method: 'GET',
			pattern: '/__admin/file-host',
			handler: () => ({ status: 200, body: { url: ctx.fileHostUrl, requests: ctx.fileHostRequests } }),
		},
		{
			method: 'DELETE',
			pattern: '/__admin/file-host/requests',
			handler: () => {
				ctx.fileHostRequests.length = 0;
				return { status: 200, body: { cleared: true } };
			},
		},
	];
}
