/**
 * The switches `POST /__admin/config` sets. They cover what differs between SA servers or is not public
 * (research §12): token lifetime, date style, paging envelope, status codes, permissions of the API user.
 */
import { SimError } from '../shared/http';
import { DATE_STYLES, assertTimeZone, type DateStyle } from './dates';

export const ENVELOPES = ['object', 'documents', 'array'] as const;
export type Envelope = (typeof ENVELOPES)[number];

export interface SaPermissions {
	canInsertNote: boolean;
	canUpdateCase: boolean;
	canUploadDocument: boolean;
}

export interface SaSettings {
	tokenLifetimeSeconds: number;
	/** ASP.NET's JwtBearer default is 300; 0 makes a token fail exactly at `exp`. */
	clockSkewSeconds: number;
	dateStyle: DateStyle;
	/** The firm server's zone for the `offset` and `naive` styles. */
	timeZone: string;
	envelope: Envelope;
	badCredentialsStatus: 400 | 401;
	/** `case/notes/byCaseNumber` answers 404 also when the case exists but has no notes. */
	notesNotFoundAs404: boolean;
	/** `case/CaseInfo` answers 404 instead of `[]` when nothing matches. */
	caseInfoNotFoundAs404: boolean;
	/** `case/CaseInfo` answers every case whatever `Casenumber` says, as a misconfigured server or proxy might. */
	ignoreCaseNumberFilter: boolean;
	/** `…/content` sends the stored MIME type instead of application/octet-stream. */
	realContentType: boolean;
	/** Largest accepted upload, in bytes (413 above it). */
	maxUploadBytes: number;
	/** What the API user may do (SA administrators restrict integration users). */
	permissions: SaPermissions;
	/**
	 * A server (or proxy) bug to test clients against: the case lists `case/{caseID}/notes` and
	 * `case/{caseID}/documents` ignore the case they are asked for and serve every case's records.
	 */
	ignoreFilters: boolean;
}

export function defaultSettings(): SaSettings {
	return {
		tokenLifetimeSeconds: 7200,
		clockSkewSeconds: 0,
		dateStyle: 'utc-z',
		timeZone: 'America/Los_Angeles',
		envelope: 'object',
		badCredentialsStatus: 400,
		notesNotFoundAs404: false,
		caseInfoNotFoundAs404: false,
		ignoreCaseNumberFilter: false,
		realContentType: false,
		maxUploadBytes: 50 * 1024 * 1024,
		permissions: { canInsertNote: true, canUpdateCase: true, canUploadDocument: true },
		ignoreFilters: false,
	};
}

const invalid = (message: string) => new SimError(400, { message });

function wholeNumber(value: unknown, name: string, min: number): number {
	if (typeof value !== 'number' || !Number.isInteger(value) || value < min) throw invalid(`${name} must be an integer >= ${min}`);
	return value;
}

function flag(value: unknown, name: string): boolean {
	if (typeof value !== 'boolean') throw invalid(`${name} must be true or false`);
	return value;
}

/** Applies a partial settings body; unknown keys and bad values are a 400 so typos do not pass silently. */
export function applySettings(settings: SaSettings, body: Record<string, unknown>): SaSettings {
	const next: SaSettings = { ...settings, permissions: { ...settings.permissions } };
	for (const [key, value] of Object.entries(body)) {
		switch (key) {
			case 'tokenLifetimeSeconds':
				next.tokenLifetimeSeconds = wholeNumber(value, key, 1);
				break;
			case 'clockSkewSeconds':
				next.clockSkewSeconds = wholeNumber(value, key, 0);
				break;
			case 'maxUploadBytes':
				next.maxUploadBytes = wholeNumber(value, key, 1);
				break;
			case 'dateStyle':
				if (!DATE_STYLES.includes(value as DateStyle)) throw invalid(`dateStyle must be one of ${DATE_STYLES.join(', ')}`);
				next.dateStyle = value as DateStyle;
				break;
			case 'timeZone':
				try {
					assertTimeZone(String(value));
				} catch {
					throw invalid('timeZone must be an IANA zone such as America/Los_Angeles');
				}
				next.timeZone = String(value);
				break;
			case 'envelope':
				if (!ENVELOPES.includes(value as Envelope)) throw invalid(`envelope must be one of ${ENVELOPES.join(', ')}`);
				next.envelope = value as Envelope;
				break;
			case 'badCredentialsStatus':
				if (value !== 400 && value !== 401) throw invalid('badCredentialsStatus must be 400 or 401');
				next.badCredentialsStatus = value;
				break;
			case 'notesNotFoundAs404':
			case 'caseInfoNotFoundAs404':
			case 'ignoreCaseNumberFilter':
			case 'realContentType':
			case 'ignoreFilters':
				next[key] = flag(value, key);
				break;
			case 'permissions': {
				if (!value || typeof value !== 'object') throw invalid('permissions must be an object');
				for (const [name, allowed] of Object.entries(value)) {
					if (!(name in next.permissions)) throw invalid(`unknown permission ${name}`);
					next.permissions[name as keyof SaPermissions] = flag(allowed, name);
				}
				break;
			}
			default:
				throw invalid(`unknown setting ${key}`);
		}
	}
	return next;
}
