/** Redirects the nodes follow themselves, so that each hop is checked before anything is sent to it. */

/** At most this many redirects per call, as browsers and n8n's own limit do, against loops. */
export const MAX_REDIRECTS = 5;

/**
 * Where a 3xx answer points, resolved against the address that answered; undefined when the answer is
 * not a redirect (or names no Location).
 */
export function redirectTarget(status: number | undefined, headers: Record<string, unknown> | undefined, from: string): URL | undefined {
	if (status === undefined || status < 300 || status >= 400 || status === 304) return undefined;
	const location = Object.entries(headers ?? {}).find(([name]) => name.toLowerCase() === 'location')?.[1];
	const value = Array.isArray(location) ? location[0] : location;
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	try {
		return new URL(value.trim(), from);
	} catch {
		return undefined;
	}
}

/** Whether a credential may follow a redirect: the same origin, or the same host upgraded from http to https. */
export function isSameServer(from: URL, to: URL): boolean {
	return from.origin === to.origin || (from.hostname === to.hostname && from.protocol === 'http:' && to.protocol === 'https:');
}

/** 307 and 308 resend the same request; the others (301, 302, 303) become a GET without a body, as in browsers. */
export function keepsMethod(status: number): boolean {
	return status === 307 || status === 308;
}
