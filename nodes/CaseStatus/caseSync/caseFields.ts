/**
 * The case values a user gives the node, read into one plain shape. `undefined` means "not
 * given": the field is neither compared nor written, so a workflow can sync a subset of fields.
 * A cleared field has its "none" value ([] for a list, '' for the description, null for the date).
 */

/** The eight attributes the SmartAdvocate sync keeps equal, plus the open/closed state. */
export const SYNCED_FIELDS = [
	'readableId',
	'description',
	'practiceArea',
	'stage',
	'caseDate',
	'primaryAttorneyEmail',
	'attorneyEmails',
	'paralegalEmails',
	'closed',
] as const;

export type SyncedField = (typeof SYNCED_FIELDS)[number];

export interface DesiredClient {
	/** The client's ID in the case management system (SmartAdvocate's contact ID). */
	integrationId?: string;
	firstName?: string;
	lastName?: string;
	email?: string;
	cellPhone?: string;
}

export interface DesiredCase {
	readableId?: string;
	integrationId?: string;
	description?: string;
	/** A practice area's name or one of its integration mappings (Case Status matches it exactly). */
	practiceArea?: string;
	/** A stage's name or one of its integration mappings, within the practice area. */
	stage?: string;
	/** `YYYY-MM-DD`; null clears it. */
	caseDate?: string | null;
	primaryAttorneyEmail?: string;
	/** Attorneys besides the primary attorney; [] means none. */
	attorneyEmails?: string[];
	paralegalEmails?: string[];
	clients?: DesiredClient[];
	/**
	 * What the read of the clients said when it failed. Clients are needed only to create a case: a case
	 * to create then fails (reason `clientsNotRead`) instead of being sent without them; an update ignores it.
	 */
	clientsNotRead?: string;
	closed?: boolean;
}

/** Text as given, trimmed; empty, null and undefined all mean "not given". */
export function optionalText(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	const text = (typeof value === 'string' ? value : String(value)).trim();
	return text === '' ? undefined : text;
}

/**
 * E-mail addresses from a comma-, semicolon- or line-separated text, or from an array (an
 * expression), trimmed and without case-insensitive repeats. None given → undefined.
 */
export function emailList(value: unknown): string[] | undefined {
	if (value === undefined || value === null) return undefined;
	const parts = (Array.isArray(value) ? value : [value])
		.flatMap((entry) => (entry === undefined || entry === null ? [] : String(entry).split(/[,;\n]/)))
		.map((email) => email.trim())
		.filter((email) => email !== '');
	const unique: string[] = [];
	const seen = new Set<string>();
	for (const email of parts) {
		const key = email.toLowerCase();
		if (seen.has(key)) continue;
		seen.add(key);
		unique.push(email);
	}
	return unique.length ? unique : undefined;
}

/**
 * A calendar date `YYYY-MM-DD` from what n8n hands over: a date picker value
 * ("2025-03-01T00:00:00"), an ISO text, a JS Date or a Luxon DateTime. The date is taken as
 * written, never shifted through a time zone, so "2025-03-01" stays March 1st everywhere.
 */
export function calendarDate(value: unknown): { date?: string; unreadable?: boolean } {
	if (value === undefined || value === null || value === '') return {};
	let text: string;
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) return { unreadable: true };
		text = value.toISOString();
	} else if (typeof value === 'object' && typeof (value as { toISO?: unknown }).toISO === 'function') {
		text = String((value as { toISO: () => string }).toISO());
	} else {
		text = String(value).trim();
	}
	const match = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(text);
	if (match) {
		const [, year, month, day] = match;
		const check = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
		if (check.getUTCMonth() !== Number(month) - 1 || check.getUTCDate() !== Number(day)) return { unreadable: true };
		return { date: `${year}-${month}-${day}` };
	}
	const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
	if (us) return calendarDate(`${us[3]}-${us[1].padStart(2, '0')}-${us[2].padStart(2, '0')}`);
	return { unreadable: true };
}

/** Whether two dates fall on the same calendar day (both read with calendarDate). */
export function sameCalendarDate(a: unknown, b: unknown): boolean {
	return calendarDate(a).date === calendarDate(b).date;
}

/** The fields a user may clear: Case Status accepts an empty list, an empty description and no date. */
export const CLEARABLE_FIELDS = ['description', 'caseDate', 'attorneyEmails', 'paralegalEmails'] as const;

export type ClearableField = (typeof CLEARABLE_FIELDS)[number];

/** The value that means "none" for a clearable field. */
export function clearedValue(field: ClearableField): [] | '' | null {
	if (field === 'caseDate') return null;
	if (field === 'description') return '';
	return [];
}

/** Whether a field holds its "none" value (a cleared field is nothing to write on a new case). */
export function isCleared(value: unknown): boolean {
	return value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

const CLIENT_KEYS: Record<keyof DesiredClient, string[]> = {
	// SmartAdvocate's simplified case names it contactId; Case Status names it integration_id.
	integrationId: ['integrationId', 'integration_id', 'contactId', 'contactID', 'uniqueContactId'],
	firstName: ['firstName', 'first_name', 'firstname'],
	lastName: ['lastName', 'last_name', 'lastname'],
	email: ['email'],
	cellPhone: ['cellPhone', 'cell_phone', 'cellphone', 'phone', 'mobile'],
};

/**
 * Clients from the node's Clients list or from a JSON array given by an expression. Accepts
 * camelCase or snake_case keys so SmartAdvocate-shaped and Case Status-shaped data both map
 * (a SmartAdvocate `contactId` becomes the client's integration ID).
 * Returns undefined when no client has any value; `invalid` when the JSON is not a list of objects.
 */
export function clientList(value: unknown): { clients?: DesiredClient[]; invalid?: string } {
	let raw = value;
	if (typeof raw === 'string') {
		if (raw.trim() === '') return {};
		try {
			raw = JSON.parse(raw);
		} catch {
			return { invalid: 'is not valid JSON' };
		}
	}
	if (raw === undefined || raw === null) return {};
	if (!Array.isArray(raw)) raw = [raw];
	const clients: DesiredClient[] = [];
	for (const entry of raw as unknown[]) {
		if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
			return { invalid: 'must be a list of objects with firstName, lastName, cellPhone, email and integrationId' };
		}
		const record = entry as Record<string, unknown>;
		const client: DesiredClient = {};
		for (const [key, aliases] of Object.entries(CLIENT_KEYS) as Array<[keyof DesiredClient, string[]]>) {
			const found = aliases.map((alias) => optionalText(record[alias])).find((text) => text !== undefined);
			if (found !== undefined) client[key] = found;
		}
		if (Object.keys(client).length) clients.push(client);
	}
	return clients.length ? { clients } : {};
}
