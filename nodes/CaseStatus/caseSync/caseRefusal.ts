/**
 * Case Status refuses a case it cannot import (unknown attorney, invalid cell phone, unmapped
 * practice area or stage, missing client name). These helpers turn such a refusal into a
 * sentence that names the case, so a sync report can list exactly which cases need fixing. A case
 * the node does not send because its clients were not read is explained the same way.
 */

const REFUSAL_CODES = new Set(['400', '409', '422']);

/** Messages that do not say which field they are about ("This field is required."). */
const GENERIC = /^(This field|Not a valid|Expected|Date has wrong format|Datetime has wrong format|Must be|Enter a valid|A valid|Ensure)/;

/** The node's names for the fields Case Status names in its errors. */
const FIELD_LABELS: Record<string, string> = {
	readable_id: 'Readable ID',
	integration_id: 'Integration ID',
	description: 'Description',
	practice_area: 'Practice Area',
	stage: 'Stage',
	case_date: 'Case Date',
	primary_attorney_email: 'Primary Attorney Email',
	attorney_emails: 'Additional Attorney Emails',
	paralegal_emails: 'Paralegal Emails',
	clients: 'Clients',
	content: 'Content',
};

/** Reasons out of a Case Status error body: `{errors:[{field,message}]}`, `{detail}` or `{message}`. */
export function reasonsFromBody(body: unknown): string[] {
	let parsed = body;
	if (typeof body === 'string') {
		try {
			parsed = JSON.parse(body);
		} catch {
			return body.trim() ? [body.trim().slice(0, 300)] : [];
		}
	}
	if (!parsed || typeof parsed !== 'object') return [];
	const { errors, detail, message } = parsed as { errors?: unknown; detail?: unknown; message?: unknown };
	if (Array.isArray(errors)) {
		const messages = errors
			.map((entry) => {
				if (!entry || typeof entry !== 'object') return entry;
				const { field, message: text } = entry as { field?: unknown; message?: unknown };
				if (typeof text !== 'string' || typeof field !== 'string' || !GENERIC.test(text)) return text;
				return `${FIELD_LABELS[field] ?? field}: ${text}`;
			})
			.filter((text): text is string => typeof text === 'string' && text.trim() !== '');
		if (messages.length) return messages;
	}
	for (const text of [detail, message]) if (typeof text === 'string' && text.trim()) return [text.trim()];
	return [];
}

/**
 * The status and reasons of a refused write, read from the error the transport threw, or
 * undefined when the failure was not a refusal (network, authentication, server trouble).
 */
export function readRefusal(error: unknown): { httpCode: string; reason: string } | undefined {
	const failure = error as { httpCode?: unknown; errorResponse?: { body?: unknown }; cause?: { body?: unknown } };
	const httpCode = failure?.httpCode === undefined || failure.httpCode === null ? '' : String(failure.httpCode);
	if (!REFUSAL_CODES.has(httpCode)) return undefined;
	const reasons = reasonsFromBody(failure.errorResponse?.body ?? failure.cause?.body);
	return { httpCode, reason: reasons.length ? reasons.join('; ') : `HTTP ${httpCode}` };
}

/**
 * The case that already carries the integration ID a create was refused for (409, field
 * `integration_id`, the body naming the case in `case_id`), or undefined for any other failure.
 * Another sync may have created the case after this run read Case Status.
 */
export function caseIdOfDuplicate(error: unknown): string | undefined {
	const failure = error as { httpCode?: unknown; errorResponse?: { body?: unknown }; cause?: { body?: unknown } };
	if (String(failure?.httpCode ?? '') !== '409') return undefined;
	let body = failure.errorResponse?.body ?? failure.cause?.body;
	if (typeof body === 'string') {
		try {
			body = JSON.parse(body);
		} catch {
			return undefined;
		}
	}
	if (!body || typeof body !== 'object') return undefined;
	const { errors, case_id: caseId } = body as { errors?: unknown; case_id?: unknown };
	const aboutIntegrationId = Array.isArray(errors) && errors.some((entry) => (entry as { field?: unknown } | null)?.field === 'integration_id');
	if (!aboutIntegrationId || (typeof caseId !== 'number' && typeof caseId !== 'string') || String(caseId).trim() === '') return undefined;
	return String(caseId).trim();
}

/** How a message names a case: its readable ID and integration ID, whichever are known. */
export function caseLabel(ids: { readableId?: string | null; integrationId?: string | null; caseId?: string | number }): string {
	const { readableId, integrationId, caseId } = ids;
	if (readableId && integrationId) return `${readableId} (integration ID ${integrationId})`;
	if (readableId) return readableId;
	if (integrationId) return `with integration ID ${integrationId}`;
	if (caseId !== undefined && caseId !== '') return `with ID ${caseId}`;
	return '(no readable or integration ID given)';
}

/** Why Case Status refused a case, as a stable code a report can group by. */
export type RefusalCode =
	| 'stageNotMapped'
	| 'practiceAreaNotMapped'
	| 'attorneyNotFound'
	| 'cellPhoneInvalid'
	| 'clientMissingName'
	| 'noClient'
	| 'clientNotFound'
	| 'integrationIdTaken'
	| 'clientsNotRead'
	| 'invalidValue';

/**
 * Case Status's words for each refusal (its own messages, research §5), the code, a short label for staff
 * (the heading a sync report groups the cases under), and what to do about it.
 */
const EXPLAINED: Array<{
	pattern: RegExp;
	code: RefusalCode;
	label: string;
	whatToDo: (value: string, inCreateOrUpdate: boolean) => string;
	hint: string;
}> = [
	{
		pattern: /^Stage not mapped:\s*(.*)$/i,
		code: 'stageNotMapped',
		label: 'Stage not mapped',
		whatToDo: (stage) => `Stage '${stage}' is not mapped: add it to the stage map`,
		hint: 'Map the SmartAdvocate value to a Case Status stage in the workflow, or add it as an integration mapping of a stage in that practice area in Case Status.',
	},
	{
		pattern: /^Practice area not mapped:\s*(.*)$/i,
		code: 'practiceAreaNotMapped',
		label: 'Practice area not mapped',
		whatToDo: (area) => `Practice area '${area}' is not mapped: add it to the practice area map`,
		hint: 'Map the SmartAdvocate value to a Case Status practice area in the workflow, or add it as an integration mapping of a practice area in Case Status.',
	},
	{
		pattern: /^(?:Primary )?(?:attorney|paralegal|user|sender)[^:]* not found:\s*(.*)$/i,
		code: 'attorneyNotFound',
		label: 'Attorney not in Case Status',
		whatToDo: (email) => `Attorney ${email} has no Case Status user: invite them`,
		hint: 'Add the person as a user in Case Status, or correct the e-mail in SmartAdvocate.',
	},
	{
		pattern: /^Cell phone invalid:\s*(.*)$/i,
		code: 'cellPhoneInvalid',
		label: 'Invalid client cell phone',
		whatToDo: (phone) => `Client cell phone '${phone}' is invalid: fix it in SmartAdvocate`,
		hint: "Case Status needs a valid US cell phone to invite the client. Correct the client's cell phone in SmartAdvocate.",
	},
	{
		pattern: /^Client missing name/i,
		code: 'clientMissingName',
		label: 'Client name missing',
		whatToDo: () => 'A client has no first or last name: add it in SmartAdvocate',
		hint: 'Give the client a first and last name in SmartAdvocate.',
	},
	{
		pattern: /^At least one client/i,
		code: 'noClient',
		label: 'No client on the case',
		whatToDo: () => 'The case has no client: add one in SmartAdvocate',
		hint: 'Case Status creates a case only with at least one client. Add the client to the case in SmartAdvocate.',
	},
	{
		pattern: /^Client not found/i,
		code: 'clientNotFound',
		label: 'Client not found',
		whatToDo: () => 'Case Status did not find the client: check the client\'s name and cell phone in SmartAdvocate',
		hint: 'Correct the client in SmartAdvocate, then run the sync again.',
	},
	{
		// Only the integration ID: another "already exists" (a client user, say) is a value to correct.
		pattern: /integration ID.*already exists/i,
		code: 'integrationIdTaken',
		label: 'Integration ID already in use',
		// Create or Update meets this only when another run created the case meanwhile and it could not be read.
		whatToDo: (_, inCreateOrUpdate) =>
			inCreateOrUpdate
				? 'Another run created this case at the same time: the next run updates it'
				: 'Another case in Case Status has this integration ID: use Create or Update',
		hint: 'A case with this integration ID already exists in Case Status. Use the Create or Update operation to update it instead.',
	},
	{
		// Not Case Status's words: the node's own, for a case it does not send (see clientsNotReadReason).
		pattern: /^Clients not read:\s*(.*)$/i,
		code: 'clientsNotRead',
		label: 'Clients not read from SmartAdvocate',
		whatToDo: (error) => `SmartAdvocate did not give the case's clients (${error}); it is tried again on the next run`,
		hint: 'The case is not created without its clients: the next run reads them again and creates it. If it keeps failing, check that SmartAdvocate answers for this case.',
	},
];

/**
 * Why a case to create is not sent when the item says its clients could not be read (Case Status would
 * refuse it for having no client, and staff would be told to add a client that exists), worded as a
 * refusal so that explainRefusal explains it; undefined when the clients were read.
 */
export function clientsNotReadReason(desired: { clientsNotRead?: string }): string | undefined {
	if (desired.clientsNotRead === undefined) return undefined;
	// "; " separates reasons (explainRefusal): the read's own message keeps its words as one reason.
	return `Clients not read: ${desired.clientsNotRead.replace(/;\s*/g, ', ')}`;
}

/** A reason Case Status gives that is not known above: a value to correct where it says. */
const INVALID_VALUE_LABEL = 'Value refused by Case Status';

/**
 * A refusal explained: a stable code, a short label for staff, what to do (one sentence per reason),
 * and a longer hint.
 */
export interface RefusalExplained {
	reasonCode: RefusalCode;
	reasonLabel: string;
	whatToDo: string;
	hint: string;
}

/**
 * What to do about a refusal, from Case Status's reasons (`reason`, several joined by "; "). The
 * code and label are the first reason's; a reason not known here is a value to correct where Case
 * Status says. `inCreateOrUpdate`: refused in Create or Update (which words one reason apart).
 */
export function explainRefusal(reason: string, inCreateOrUpdate = false): RefusalExplained {
	const parts = reason.split('; ').map((part) => part.trim()).filter(Boolean);
	const explained = parts.map((part) => {
		for (const entry of EXPLAINED) {
			const match = entry.pattern.exec(part);
			if (match) return { code: entry.code, label: entry.label, whatToDo: entry.whatToDo((match[1] ?? '').trim(), inCreateOrUpdate), hint: entry.hint };
		}
		return {
			code: 'invalidValue' as const,
			label: INVALID_VALUE_LABEL,
			whatToDo: `Case Status refused a value (${part}): correct it in SmartAdvocate or in the workflow`,
			hint: 'Correct the value Case Status names in this item, then run the node again.',
		};
	});
	if (explained.length === 0) {
		explained.push({ code: 'invalidValue', label: INVALID_VALUE_LABEL, whatToDo: 'Case Status refused the case without saying why: check the item', hint: 'Correct the item, then run the node again.' });
	}
	return {
		reasonCode: explained[0].code,
		reasonLabel: explained[0].label,
		whatToDo: explained.map((entry) => entry.whatToDo).join('; '),
		hint: [...new Set(explained.map((entry) => entry.hint))].join(' '),
	};
}
