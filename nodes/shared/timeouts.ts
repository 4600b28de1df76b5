/** How long a call may go without an answer, from the credential's settings. */

/** API calls: about a minute. */
export const DEFAULT_TIMEOUT_SECONDS = 60;
/** Uploads and downloads of documents: ten minutes. */
export const DEFAULT_FILE_TIMEOUT_SECONDS = 600;

/** Milliseconds for a timeout setting in seconds; an empty, zero or negative setting means the default. */
export function timeoutMs(seconds: unknown, defaultSeconds: number): number {
	const value = Number(seconds);
	return Math.round((Number.isFinite(value) && value > 0 ? value : defaultSeconds) * 1000);
}
