/**
 * Case Status refuses a case it cannot import (unknown attorney, invalid cell phone, unmapped
 * practice area or stage, missing client name). These helpers turn such a refusal into a
 * sentence that names the case, so a sync report can list exactly which cases need fixing.
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

const HINTS: Array<[RegExp, string]> = [
	[/attorney|paralegal|user/i, 'Add the person as a user in Case Status, or correct the email in your case management system.'],
	[/cell phone|phone/i, 'Correct the client\'s cell phone in your case management system: Case Status needs a valid US cell phone to invite the client.'],
	[/missing name|name/i, 'Give the client a first and last name in your case management system.'],
	[/practice area/i, 'Add the value as an integration mapping of a practice area in Case Status, or map it to a Case Status practice area in the workflow.'],
	[/stage/i, 'Add the value as an integration mapping of a stage in that practice area in Case Status, or map it to a Case Status stage in the workflow.'],
];

/** What to do about a refusal, in one sentence. */
export function refusalHint(reason: string, httpCode: string): string {
	if (httpCode === '409') {
		return 'A case with this integration ID already exists in Case Status. Use the Create or Update operation to update it instead.';
	}
	return (
		HINTS.find(([pattern]) => pattern.test(reason))?.[1] ??
		'Correct the value Case Status names above in this item, then run the node again.'
	);
}
