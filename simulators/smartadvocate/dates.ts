/**
 * How SmartAdvocate writes and reads date-times. The cloud writes UTC with `Z`, a self-hosted server wrote the
 * firm's local time with its offset, and the dialer API wrote local time with no zone (research §9). .NET drops
 * trailing zeros of the fraction (".970" → ".97", ".000" → nothing), so the simulator does the same.
 */

export const DATE_STYLES = ['utc-z', 'offset', 'naive'] as const;
export type DateStyle = (typeof DATE_STYLES)[number];

export interface DateFormat {
	style: DateStyle;
	/** IANA zone of the firm's server, used by `offset` and `naive`. */
	timeZone: string;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

function fraction(ms: number): string {
	if (ms === 0) return '';
	return `.${pad(ms, 3)}`.replace(/0+$/, '');
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
	let formatter = formatters.get(timeZone);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		});
		formatters.set(timeZone, formatter);
	}
	return formatter;
}

/** Throws a RangeError for a zone name the runtime does not know. */
export function assertTimeZone(timeZone: string) {
	formatterFor(timeZone);
}

/** Minutes east of UTC in `timeZone` at the instant `epochMs`. */
export function offsetMinutes(epochMs: number, timeZone: string): number {
	const seconds = Math.floor(epochMs / 1000) * 1000;
	const parts: Record<string, number> = {};
	for (const part of formatterFor(timeZone).formatToParts(new Date(seconds))) {
		if (part.type !== 'literal') parts[part.type] = Number(part.value);
	}
	const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
	return Math.round((wall - seconds) / 60000);
}

function wallClock(epochMs: number): string {
	const d = new Date(epochMs);
	return (
		`${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
		`T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${fraction(d.getUTCMilliseconds())}`
	);
}

/** Formats an instant the way the configured SA server would; null stays null. */
export function formatSaDate(epochMs: number | null | undefined, format: DateFormat): string | null {
	if (epochMs === null || epochMs === undefined) return null;
	if (format.style === 'utc-z') return `${wallClock(epochMs)}Z`;
	const offset = offsetMinutes(epochMs, format.timeZone);
	const local = wallClock(epochMs + offset * 60000);
	if (format.style === 'naive') return local;
	const sign = offset < 0 ? '-' : '+';
	const abs = Math.abs(offset);
	return `${local}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Reads a date-time sent by a client. A value with `Z` or an offset is that instant. A value without a zone is
 * read as the server's local time: UTC for the cloud style (`utc-z`), the firm's zone otherwise.
 * Returns null when the text is not an ISO-8601 date-time.
 */
export function parseSaDate(text: unknown, format: DateFormat): number | null {
	if (typeof text !== 'string') return null;
	const m = ISO.exec(text.trim());
	if (!m) return null;
	const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', zone] = m;
	const ms = Math.floor(Number(`0.${frac}`) * 1000 + 1e-6);
	const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
	const check = new Date(wall);
	if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) {
		return null;
	}
	if (zone) {
		if (zone.toUpperCase() === 'Z') return wall;
		const sign = zone.startsWith('-') ? -1 : 1;
		const digits = zone.slice(1).replace(':', '');
		return wall - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60000;
	}
	if (format.style === 'utc-z') return wall;
	// Local wall time → instant; the second pass settles the offset across a DST change.
	let instant = wall - offsetMinutes(wall, format.timeZone) * 60000;
	instant = wall - offsetMinutes(instant, format.timeZone) * 60000;
	return instant;
}

/** SA stores a note's `noteDate` to the minute. */
export function toMinute(epochMs: number): number {
	return epochMs - (((epochMs % 60000) + 60000) % 60000);
}
