/**
 * The switches `POST /__admin/config` sets: what is unknown about the real Case Status API (paging sizes,
 * whether a bare key is accepted) or what tests need to vary (signed-URL lifetime, upload limit, the key).
 */
import { SimError } from '../shared/http';

export interface CsSettings {
	/** The firm's API key (without the `ApiKey ` prefix). */
	apiKey: string;
	/** When true, only `Authorization: ApiKey <key>` passes; a bare key is a 401. */
	requireApiKeyPrefix: boolean;
	/** `size` when a `/v1/api/*` list request sends none (the Airbyte connector implies 10). */
	pageSizeDefault: number;
	/** `size` when a `/reporting/*` request sends none. */
	reportingPageSizeDefault: number;
	/** Larger `size` values are served as this many. */
	pageSizeMax: number;
	/** Lifetime of a file's signed download URL. */
	fileUrlTtlSeconds: number;
	/** Largest accepted upload, in bytes (413 above it). */
	maxUploadBytes: number;
	/** Corporate firms match clients by e-mail and do not need a client cell phone (research §5.1). */
	isCorporate: boolean;
	/**
	 * A server bug to test clients against: lists ignore the case filters (`case_id`, `integration_id`,
	 * `readable_id`) and the message `direction`, and serve every record.
	 */
	ignoreFilters: boolean;
}

/** The list filters `ignoreFilters` drops. */
export const IGNORABLE_FILTERS = ['case_id', 'integration_id', 'readable_id', 'direction'] as const;

export function defaultSettings(apiKey: string): CsSettings {
	return {
		apiKey,
		requireApiKeyPrefix: false,
		pageSizeDefault: 10,
		reportingPageSizeDefault: 100,
		pageSizeMax: 100,
		fileUrlTtlSeconds: 900,
		maxUploadBytes: 25 * 1024 * 1024,
		isCorporate: false,
		ignoreFilters: false,
	};
}

const invalid = (message: string) => new SimError(400, { message });

function positiveInt(value: unknown, name: string): number {
	if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) throw invalid(`${name} must be an integer >= 1`);
	return value;
}

function bool(value: unknown, name: string): boolean {
	if (typeof value !== 'boolean') throw invalid(`${name} must be true or false`);
	return value;
}

/** Validates a config body against the current settings; unknown keys are a 400 so typos do not pass silently. */
export function applySettings(current: CsSettings, body: Record<string, unknown>): CsSettings {
	const next = { ...current };
	for (const [key, value] of Object.entries(body)) {
		switch (key) {
			case 'apiKey':
				if (typeof value !== 'string' || value.trim() === '') throw invalid('apiKey must be a non-empty string');
				next.apiKey = value.trim();
				break;
			case 'requireApiKeyPrefix':
			case 'isCorporate':
			case 'ignoreFilters':
				next[key] = bool(value, key);
				break;
			case 'pageSizeDefault':
			case 'reportingPageSizeDefault':
			case 'pageSizeMax':
			case 'fileUrlTtlSeconds':
			case 'maxUploadBytes':
				next[key] = positiveInt(value, key);
				break;
			default:
				throw invalid(`Unknown setting: ${key}`);
		}
	}
	return next;
}
