/**
 * SmartAdvocate writes ISO-8601 date-times three ways: UTC with `Z` (cloud), the server's local time
 * with its offset (self-hosted), or local time with no zone at all. The transport gives a time
 * without a zone the offset of the server's time zone (the credential's setting) as soon as it
 * arrives (`zoneServerDates`), so everything after it compares real instants. Without a zone at
 * hand, such a time is read as if it were UTC, which at least keeps those times in order.
 */
import { DateTime } from 'luxon';

export interface SaInstant {
	/** Milliseconds since the epoch (for a naive time: as if its wall clock were UTC). */
	ms: number;
	/** Whether SmartAdvocate wrote the time without a zone. */
	naive: boolean;
}

const ISO_DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** Reads a SmartAdvocate date-time; undefined when it is empty or not ISO-8601. */
export function parseSmartAdvocateDate(value: unknown, serverTimeZone?: string): SaInstant | undefined {
	if (serverTimeZone && typeof value === 'string') return parseSmartAdvocateDate(withServerOffset(value, serverTimeZone));
	if (typeof value !== 'string') return undefined;
	const match = ISO_DATE_TIME.exec(value.trim());
	if (!match) return undefined;
	const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', zone] = match;
	const millis = fraction ? Math.floor(Number(`0.${fraction}`) * 1000 + 1e-6) : 0;
	const wall = Date.UTC(+year, +month - 1, +day, +hour, +minute, +second, millis);
	const check = new Date(wall);
	if (check.getUTCMonth() !== +month - 1 || check.getUTCDate() !== +day || +hour > 23 || +minute > 59 || +second > 59) {
		return undefined;
	}
	if (!zone) return { ms: wall, naive: true };
	if (zone.toUpperCase() === 'Z') return { ms: wall, naive: false };
	const sign = zone.startsWith('-') ? -1 : 1;
	const digits = zone.slice(1).replace(':', '').padEnd(4, '0');
	const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4));
	return { ms: wall - sign * offsetMinutes * 60_000, naive: false };
}

/** Milliseconds of a SmartAdvocate date-time, or NaN. */
export function smartAdvocateTime(value: unknown): number {
	return parseSmartAdvocateDate(value)?.ms ?? Number.NaN;
}

/**
 * A SmartAdvocate date-time for output: ISO-8601 UTC (`…Z`) when SmartAdvocate gave a zone or offset;
 * a time without a zone is passed on as written, because its zone is unknown.
 */
export function normalizeSmartAdvocateDate(value: unknown): string | null {
	if (value === null || value === undefined || value === '') return null;
	const parsed = parseSmartAdvocateDate(value);
	if (!parsed) return String(value);
	return parsed.naive ? String(value).trim() : new Date(parsed.ms).toISOString();
}

/** A time to send to SmartAdvocate, written without a zone when the server writes its times that way. */
export function formatForSmartAdvocate(ms: number, naive: boolean): string {
	const iso = new Date(ms).toISOString();
	return naive ? iso.slice(0, -1) : iso;
}

/**
 * A date the user entered (n8n's date picker writes it without a zone, in the workflow's time zone;
 * expressions may add a zone or pass a Date/DateTime) as ISO-8601 UTC, or undefined when unreadable.
 */
export function userDateToIso(value: unknown, timeZone: string): string | undefined {
	if (value === null || value === undefined || value === '') return undefined;
	let parsed: DateTime;
	if (value instanceof Date) parsed = DateTime.fromJSDate(value);
	else if (DateTime.isDateTime(value)) parsed = value;
	else if (typeof value === 'number') parsed = DateTime.fromMillis(value);
	else parsed = DateTime.fromISO(String(value).trim(), { zone: timeZone });
	if (!parsed.isValid) {
		const fallback = Date.parse(String(value));
		return Number.isNaN(fallback) ? undefined : new Date(fallback).toISOString();
	}
	return parsed.toUTC().toISO() ?? undefined;
}

/** A date-time with a time of day and no zone, as a server writing local times sends it. */
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?$/;
/** A date-time that names its instant (`Z` or an offset). */
const ZONED_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/** Whether n8n's runtime knows this IANA time zone name. */
export function isKnownTimeZone(timeZone: string): boolean {
	return DateTime.local().setZone(timeZone).isValid;
}

/**
 * A local date-time written without a zone, with the offset `timeZone` had at that wall time
 * ("2026-03-05T09:00:00" in New York → "2026-03-05T09:00:00-05:00"); any other text unchanged.
 */
export function withServerOffset(value: string, timeZone: string): string {
	const text = value.trim();
	if (!LOCAL_DATE_TIME.test(text)) return value;
	const local = DateTime.fromISO(text.replace(',', '.'), { zone: timeZone });
	return local.isValid ? `${text}${local.toFormat('ZZ')}` : value;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
	!!value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype;

/** Every zone-less date-time in a SmartAdvocate answer (at any depth), given the server zone's offset. */
export function zoneServerDates<T>(data: T, timeZone: string): T {
	if (typeof data === 'string') return withServerOffset(data, timeZone) as T;
	if (Array.isArray(data)) return data.map((entry) => zoneServerDates(entry, timeZone)) as T;
	if (isPlainObject(data)) {
		return Object.fromEntries(
			Object.entries(data).map(([key, entry]) => [key, zoneServerDates(entry, timeZone)]),
		) as T;
	}
	return data;
}

/**
 * A date-time for SmartAdvocate to read: an instant (`Z` or offset) as the server's local time with
 * its offset, which a server that stores local times and one that stores UTC both read right; a
 * time without a zone is already the server's local time and goes as it is.
 */
export function toServerTime(value: string, timeZone: string): string {
	if (!ZONED_DATE_TIME.test(value.trim())) return value;
	const instant = DateTime.fromISO(value.trim(), { setZone: true });
	if (!instant.isValid) return value;
	const local = instant.setZone(timeZone);
	return local.isValid ? (local.toISO({ suppressMilliseconds: true }) ?? value) : value;
}

/** Date fields of a request body (`modifiedFromDateTime`, `noteDate`, …) written in the server's time. */
export function serverTimesInBody<T>(body: T, timeZone: string): T {
	if (Array.isArray(body)) return body.map((entry) => serverTimesInBody(entry, timeZone)) as T;
	if (!isPlainObject(body)) return body;
	return Object.fromEntries(
		Object.entries(body).map(([key, value]) => [
			key,
			typeof value === 'string' && /date/i.test(key) ? toServerTime(value, timeZone) : serverTimesInBody(value, timeZone),
		]),
	) as T;
}
