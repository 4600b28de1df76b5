/**
 * Case Status's case-import rules as pure functions (help centre: "A Primary Attorney tied to the case that
 * exists in the Case Status firm; A client with a valid cell phone; Practice Areas & Stages ... mappings",
 * mappings "spelled and capitalized EXACTLY"; interview code: "Client missing name.", "Cell phone invalid: {}",
 * "Client not found, stopping import."). Each returns `{field, message}` errors; `checkCaseInput` combines them
 * with the status the API answers: 400 (malformed or missing), 409 (duplicate integration ID), 422 (mapping).
 */
import { normalizeUsCellPhone } from '../shared/phone';
import type { CsCase, CsPracticeArea, CsStage, CsUser } from './state';

export interface RuleError {
	field: string;
	message: string;
}

export const MESSAGES = {
	required: 'This field is required.',
	notAString: 'Not a valid string.',
	notAList: 'Expected a list of items.',
	notABoolean: 'Must be a valid boolean.',
	blank: 'This field may not be blank.',
	dateFormat: 'Date has wrong format. Use one of these formats instead: YYYY-MM-DD.',
	dateTimeFormat: 'Datetime has wrong format. Use one of these formats instead: YYYY-MM-DD, YYYY-MM-DDThh:mm[:ss[.uuu]][Z|+HH:MM].',
	noClients: 'At least one client is required.',
	clientMissingName: 'Client missing name.',
	cellPhoneInvalid: (value: unknown) => `Cell phone invalid: ${value === null || value === undefined ? '' : String(value)}`,
	clientNotFound: 'Client not found, stopping import.',
	primaryAttorneyNotFound: (email: string) => `Primary attorney not found: ${email}`,
	practiceAreaNotMapped: (value: string) => `Practice area not mapped: ${value}`,
	stageNotMapped: (value: string) => `Stage not mapped: ${value}`,
	duplicateIntegrationId: (id: string) => `A case with integration ID ${id} already exists.`,
} as const;

// Field shapes (400)

export type Parsed<T> = { value: T; errors: RuleError[] };

const ok = <T>(value: T): Parsed<T> => ({ value, errors: [] });
const fail = <T>(value: T, field: string, message: string): Parsed<T> => ({ value, errors: [{ field, message }] });

/** A string field; numbers are taken as their decimal text (IDs often arrive as numbers). */
export function optionalText(value: unknown, field: string, options: { allowBlank?: boolean } = {}): Parsed<string | null | undefined> {
	if (value === undefined || value === null) return ok(value);
	const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
	if (typeof text !== 'string') return fail(undefined, field, MESSAGES.notAString);
	if (!options.allowBlank && text.trim() === '') return fail(undefined, field, MESSAGES.blank);
	return ok(text.trim());
}

export function requiredText(value: unknown, field: string): Parsed<string | undefined> {
	if (value === undefined || value === null) return fail(undefined, field, MESSAGES.required);
	const parsed = optionalText(value, field);
	return { value: parsed.value ?? undefined, errors: parsed.errors };
}

/** `YYYY-MM-DD` and a real calendar date; a datetime is refused like Django REST framework's DateField does. */
export function caseDate(value: unknown, field: string): Parsed<string | null | undefined> {
	if (value === undefined || value === null) return ok(value);
	if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return fail(undefined, field, MESSAGES.dateFormat);
	const ms = Date.parse(`${value}T00:00:00Z`);
	if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value) return fail(undefined, field, MESSAGES.dateFormat);
	return ok(value);
}

/**
 * An ISO date or datetime as epoch ms. A datetime without a zone is read as UTC (the API speaks UTC);
 * a bare date is midnight UTC.
 */
export function parseTimestamp(value: string): number | null {
	const text = value.trim();
	const match = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(text);
	if (!match) return null;
	const [, date, time, zone] = match;
	const ms = Date.parse(time ? `${date}T${time}${zone ?? 'Z'}` : `${date}T00:00:00Z`);
	return Number.isNaN(ms) ? null : ms;
}

export function timestamp(value: unknown, field: string): Parsed<number | null | undefined> {
	if (value === undefined || value === null) return ok(value);
	const ms = typeof value === 'string' ? parseTimestamp(value) : null;
	return ms === null ? fail(undefined, field, MESSAGES.dateTimeFormat) : ok(ms);
}

export function emailList(value: unknown, field: string): Parsed<string[] | undefined> {
	if (value === undefined || value === null) return ok(value === null ? [] : undefined);
	if (!Array.isArray(value)) return fail(undefined, field, MESSAGES.notAList);
	const errors: RuleError[] = [];
	const emails: string[] = [];
	value.forEach((item, i) => {
		if (typeof item !== 'string' || item.trim() === '') errors.push({ field: `${field}[${i}]`, message: MESSAGES.notAString });
		else emails.push(item.trim());
	});
	return { value: errors.length ? undefined : emails, errors };
}

export function optionalBoolean(value: unknown, field: string): Parsed<boolean | undefined> {
	if (value === undefined || value === null) return ok(undefined);
	return typeof value === 'boolean' ? ok(value) : fail(undefined, field, MESSAGES.notABoolean);
}

// Clients (400)

export interface ClientInput {
	first_name: string | null;
	last_name: string | null;
	email: string | null;
	/** E.164 after validation; null only for corporate firms. */
	cell_phone: string | null;
	/** The CMS contact ID, used to find the same client again. */
	integration_id: string | null;
}

/**
 * One client of an import: first and last name ("CSV/THIRD_PARTY also need a last name"), and unless the firm
 * is corporate a valid US cell phone, stored in E.164.
 */
export function clientInput(raw: unknown, field: string, options: { corporate: boolean }): Parsed<ClientInput | undefined> {
	if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return fail(undefined, field, 'Expected an object.');
	const body = raw as Record<string, unknown>;
	const errors: RuleError[] = [];
	const text = (name: string) => {
		const parsed = optionalText(body[name], `${field}.${name}`, { allowBlank: true });
		errors.push(...parsed.errors);
		return parsed.value ? parsed.value : null;
	};
	const first = text('first_name');
	const last = text('last_name');
	const email = text('email');
	const integrationId = text('integration_id');
	if (!first || !last) errors.push({ field: `${field}.${first ? 'last_name' : 'first_name'}`, message: MESSAGES.clientMissingName });
	const rawPhone = body.cell_phone;
	let phone: string | null = null;
	if (rawPhone !== undefined && rawPhone !== null && rawPhone !== '') {
		phone = typeof rawPhone === 'string' || typeof rawPhone === 'number' ? normalizeUsCellPhone(String(rawPhone)) : null;
		if (!phone) errors.push({ field: `${field}.cell_phone`, message: MESSAGES.cellPhoneInvalid(rawPhone) });
	} else if (!options.corporate) {
		errors.push({ field: `${field}.cell_phone`, message: MESSAGES.cellPhoneInvalid(rawPhone) });
	}
	if (errors.length) return { value: undefined, errors };
	return ok({ first_name: first, last_name: last, email, cell_phone: phone, integration_id: integrationId });
}

export function clientList(value: unknown, field: string, options: { corporate: boolean }): Parsed<ClientInput[] | undefined> {
	if (value === undefined) return ok(undefined);
	if (!Array.isArray(value)) return fail(undefined, field, MESSAGES.notAList);
	if (value.length === 0) return fail(undefined, field, MESSAGES.noClients);
	const errors: RuleError[] = [];
	const clients: ClientInput[] = [];
	value.forEach((raw, i) => {
		const parsed = clientInput(raw, `${field}[${i}]`, options);
		errors.push(...parsed.errors);
		if (parsed.value) clients.push(parsed.value);
	});
	return { value: errors.length ? undefined : clients, errors };
}

export interface ClientLookup {
	byIntegrationId(id: string): CsUser | undefined;
	byEmail(email: string): CsUser | undefined;
	byPhone(e164: string): CsUser | undefined;
}

/**
 * The existing client an import refers to: by integration ID, then (corporate firms) by e-mail, then — only
 * when no integration ID was given — by cell phone (interview `import_client_handler`).
 */
export function findExistingClient(input: ClientInput, lookup: ClientLookup, options: { corporate: boolean }): CsUser | undefined {
	if (input.integration_id) {
		const found = lookup.byIntegrationId(input.integration_id);
		if (found) return found;
	}
	if (options.corporate && input.email) {
		const found = lookup.byEmail(input.email);
		if (found) return found;
	}
	if (!input.integration_id && input.cell_phone) return lookup.byPhone(input.cell_phone);
	return undefined;
}

// Mappings and people (422)

/** Exact, case-sensitive: the display name or one of the integration mappings. */
export function matchPracticeArea(value: string, areas: Iterable<CsPracticeArea>): CsPracticeArea | undefined {
	for (const area of areas) if (area.name === value || area.integration_mappings.includes(value)) return area;
	return undefined;
}

/** Exact, case-sensitive, within one practice area. */
export function matchStage(value: string, area: CsPracticeArea): CsStage | undefined {
	return area.stages.find((stage) => stage.name === value || stage.integration_mappings.includes(value));
}

export function practiceAreaRule(value: string, areas: Iterable<CsPracticeArea>, field = 'practice_area'): Parsed<CsPracticeArea | undefined> {
	const area = matchPracticeArea(value, areas);
	return area ? ok(area) : fail(undefined, field, MESSAGES.practiceAreaNotMapped(value));
}

export function stageRule(value: string, area: CsPracticeArea, field = 'stage'): Parsed<CsStage | undefined> {
	const stage = matchStage(value, area);
	return stage ? ok(stage) : fail(undefined, field, MESSAGES.stageNotMapped(value));
}

/** "Case Status will not create Primary Attorneys": the e-mail must belong to a staff user already. */
export function primaryAttorneyRule(
	email: string,
	staffByEmail: (email: string) => CsUser | undefined,
	field = 'primary_attorney_email',
): Parsed<CsUser | undefined> {
	const user = staffByEmail(email);
	return user ? ok(user) : fail(undefined, field, MESSAGES.primaryAttorneyNotFound(email));
}

/** 409 when another case already carries this integration ID. */
export function duplicateIntegrationIdRule(
	integrationId: string | null | undefined,
	existing: CsCase | undefined,
	selfId?: number,
	field = 'integration_id',
): RuleError[] {
	if (!integrationId || !existing || existing.id === selfId) return [];
	return [{ field, message: MESSAGES.duplicateIntegrationId(integrationId) }];
}

// A whole create or update

export interface CaseEnv {
	practiceAreas: Iterable<CsPracticeArea>;
	staffByEmail(email: string): CsUser | undefined;
	caseByIntegrationId(id: string): CsCase | undefined;
	practiceAreaOf(c: CsCase): CsPracticeArea;
	stageOf(c: CsCase): CsStage | undefined;
	corporate: boolean;
}

/** What a valid body changes; an absent key means "leave as it is". */
export interface CaseChanges {
	readable_id?: string;
	integration_id?: string | null;
	integration_type?: string;
	description?: string;
	practiceArea?: CsPracticeArea;
	/** Set whenever the stage must change (explicitly, or because the practice area did). */
	stage?: CsStage;
	case_date?: string | null;
	closed_at?: number | null;
	primaryAttorney?: CsUser;
	/** Staff found by e-mail; unknown e-mails are left out (only the primary attorney is a prerequisite). */
	attorneys?: CsUser[];
	paralegals?: CsUser[];
	clients?: ClientInput[];
	createNewClient: boolean;
}

export type CaseCheck =
	| { ok: true; changes: CaseChanges }
	| { ok: false; status: 400 | 409 | 422; errors: RuleError[]; conflictCaseId?: number };

/**
 * Validates a create (`current` undefined) or update body. Errors of the first failing class are all reported:
 * malformed fields (400), then a duplicate integration ID (409), then mappings and the primary attorney (422).
 */
export function checkCaseInput(raw: unknown, env: CaseEnv, current?: CsCase): CaseCheck {
	if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
		return { ok: false, status: 400, errors: [{ field: 'non_field_errors', message: 'Expected a JSON object.' }] };
	}
	const body = raw as Record<string, unknown>;
	const creating = current === undefined;
	const errors: RuleError[] = [];
	const take = <T>(parsed: Parsed<T>): T => {
		errors.push(...parsed.errors);
		return parsed.value;
	};
	const has = (key: string) => Object.prototype.hasOwnProperty.call(body, key);

	const readableId = creating ? take(requiredText(body.readable_id, 'readable_id')) : take(optionalText(body.readable_id, 'readable_id'));
	if (!creating && has('readable_id') && body.readable_id === null) errors.push({ field: 'readable_id', message: 'This field may not be null.' });
	const integrationId = take(optionalText(body.integration_id, 'integration_id'));
	const integrationType = take(optionalText(body.integration_type, 'integration_type'));
	const description = take(optionalText(body.description, 'description', { allowBlank: true }));
	const areaName = creating ? take(requiredText(body.practice_area, 'practice_area')) : take(optionalText(body.practice_area, 'practice_area'));
	if (!creating && has('practice_area') && body.practice_area === null) errors.push({ field: 'practice_area', message: 'This field may not be null.' });
	const stageName = take(optionalText(body.stage, 'stage'));
	const date = take(caseDate(body.case_date, 'case_date'));
	const closedAt = take(timestamp(body.closed_date, 'closed_date'));
	const attorneyEmail = creating
		? take(requiredText(body.primary_attorney_email, 'primary_attorney_email'))
		: take(optionalText(body.primary_attorney_email, 'primary_attorney_email'));
	const attorneyEmails = take(emailList(body.attorney_emails, 'attorney_emails'));
	const paralegalEmails = take(emailList(body.paralegal_emails, 'paralegal_emails'));
	if (creating && body.clients === undefined) errors.push({ field: 'clients', message: MESSAGES.noClients });
	const clients = take(clientList(body.clients, 'clients', { corporate: env.corporate }));
	const createNewClient = take(optionalBoolean(body.create_new_client, 'create_new_client')) ?? true;
	if (errors.length) return { ok: false, status: 400, errors };

	const duplicate = integrationId ? env.caseByIntegrationId(integrationId) : undefined;
	const conflicts = duplicateIntegrationIdRule(integrationId, duplicate, current?.id);
	if (conflicts.length) return { ok: false, status: 409, errors: conflicts, conflictCaseId: duplicate?.id };

	const changes: CaseChanges = { createNewClient };
	if (readableId) changes.readable_id = readableId;
	if (has('integration_id')) changes.integration_id = integrationId ?? null;
	if (integrationType) changes.integration_type = integrationType;
	if (description !== undefined) changes.description = description ?? '';
	if (date !== undefined) changes.case_date = date;
	if (closedAt !== undefined) changes.closed_at = closedAt;
	if (clients) changes.clients = clients;

	let area = current ? env.practiceAreaOf(current) : undefined;
	if (areaName) {
		area = take(practiceAreaRule(areaName, env.practiceAreas));
		if (area && area.id !== current?.practice_area_id) changes.practiceArea = area;
	}
	if (area && stageName) {
		const stage = take(stageRule(stageName, area));
		if (stage) changes.stage = stage;
	} else if (area && changes.practiceArea) {
		// A new practice area without a stage: keep the stage of the same name if it has one, else its first.
		const currentName = current ? env.stageOf(current)?.name : undefined;
		const next = (currentName !== undefined ? area.stages.find((s) => s.name === currentName) : undefined) ?? area.stages[0];
		if (next) changes.stage = next;
	}
	if (attorneyEmail) {
		const attorney = take(primaryAttorneyRule(attorneyEmail, env.staffByEmail));
		if (attorney) changes.primaryAttorney = attorney;
	}
	if (errors.length) return { ok: false, status: 422, errors };

	if (attorneyEmails) changes.attorneys = uniqueStaff(attorneyEmails, env.staffByEmail);
	if (paralegalEmails) changes.paralegals = uniqueStaff(paralegalEmails, env.staffByEmail);
	return { ok: true, changes };
}

function uniqueStaff(emails: string[], staffByEmail: (email: string) => CsUser | undefined): CsUser[] {
	const seen = new Map<number, CsUser>();
	for (const email of emails) {
		const user = staffByEmail(email);
		if (user) seen.set(user.id, user);
	}
	return [...seen.values()];
}
