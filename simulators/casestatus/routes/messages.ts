/** Messages: the verified list (with proposed filters) and sending a message to the client of a case. */
import { SimError, type Route } from '../../shared/http';
import { authorized } from '../auth';
import { nowMs, type CsContext } from '../context';
import { filtered, listQuery, readChoice, readTimeBound, timeOrderedRecords } from '../listing';
import { readPage, takePage } from '../paging';
import { caseFromBody, fieldError, jsonObject } from '../request';
import { optionalText } from '../rules';
import { fullName, messageToApi } from '../serialize';
import { DIRECTIONS, type CsCase, type CsUser, type Direction } from '../state';

export interface NewMessage {
	type: Direction;
	content: string;
	sender: CsUser | undefined;
	/** Overrides the sender's own name (e.g. the CMS user who wrote the note). */
	senderName?: string | null;
	externalId?: string | null;
	createdAt?: number;
	/** Test-only: the API shows this `type` instead (see CsMessage.raw_type). */
	rawType?: string | null;
}

export function createMessage(ctx: CsContext, c: CsCase, input: NewMessage) {
	const { state } = ctx;
	const at = input.createdAt ?? nowMs(ctx);
	return state.addMessage({
		id: state.next.message,
		case_id: c.id,
		type: input.type,
		content: input.content,
		sent_at: at,
		created_at: at,
		sender_id: input.sender?.id ?? null,
		sender_name: input.senderName || (input.sender ? fullName(input.sender) : 'Unknown'),
		external_id: input.externalId ?? null,
		...(input.rawType !== undefined ? { raw_type: input.rawType } : {}),
	});
}

/** Reads `content` (required, not blank), `sender_name` and `external_id` of a message body. */
export function messageFields(body: Record<string, unknown>) {
	const content = body.content;
	if (content === undefined || content === null) throw fieldError(400, 'content', 'This field is required.');
	if (typeof content !== 'string') throw fieldError(400, 'content', 'Not a valid string.');
	if (content.trim() === '') throw fieldError(400, 'content', 'This field may not be blank.');
	const senderName = optionalText(body.sender_name, 'sender_name');
	const externalId = optionalText(body.external_id, 'external_id');
	const errors = [...senderName.errors, ...externalId.errors];
	if (errors.length) throw new SimError(400, { errors });
	return { content, senderName: senderName.value, externalId: externalId.value };
}

export function messageRoutes(ctx: CsContext): Route[] {
	return [
		{
			method: 'GET',
			pattern: '/v1/api/messages',
			handler: authorized(ctx, (req) => {
				const paging = readPage(ctx, req, 'api');
				const query = listQuery(ctx, req.query);
				const direction = readChoice(query, 'direction', DIRECTIONS);
				const after = readTimeBound(query, 'created_after');
				const { state } = ctx;
				const records = timeOrderedRecords(state, query, state.messages, (id) => state.caseMessages(id), after);
				const page = takePage(direction ? filtered(records, (m) => m.type === direction) : records, paging);
				return { status: 200, body: page.map((m) => messageToApi(state, m)) };
			}),
		},
		{
			method: 'POST',
			pattern: '/v1/api/messages',
			handler: authorized(ctx, (req) => {
				const { state } = ctx;
				const body = jsonObject(req);
				const fields = messageFields(body);
				const c = caseFromBody(state, body);
				let sender = state.users.get(c.primary_attorney_id);
				const senderEmail = optionalText(body.sender_email, 'sender_email');
				if (senderEmail.errors.length) throw new SimError(400, { errors: senderEmail.errors });
				if (senderEmail.value) {
					sender = state.staffByEmail(senderEmail.value);
					if (!sender) throw fieldError(422, 'sender_email', `Sender not found: ${senderEmail.value}`);
				}
				const message = createMessage(ctx, c, { type: 'outgoing', sender, ...fields });
				return { status: 201, body: messageToApi(state, message) };
			}),
		},
	];
}
