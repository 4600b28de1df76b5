/** The API-key gate in front of every Case Status route: `Authorization: ApiKey <key>` (research §2.2). */
import { SimError, type RouteHandler, type SimRequest } from '../shared/http';
import type { CsContext } from './context';

const unauthorized = (detail: string) => new SimError(401, { detail }, { 'www-authenticate': 'ApiKey' });

export const NO_CREDENTIALS = 'Authentication credentials were not provided.';
export const INVALID_KEY = 'Invalid API key';

/** Throws a 401 unless the request carries the firm's key, with the `ApiKey ` prefix (or bare, unless strict). */
export function requireApiKey(ctx: CsContext, req: SimRequest) {
	const header = req.headers.authorization?.trim();
	if (!header) throw unauthorized(NO_CREDENTIALS);
	const prefixed = /^ApiKey\s+(\S+)$/i.exec(header);
	const key = prefixed ? prefixed[1] : ctx.settings.requireApiKeyPrefix ? null : header;
	if (key !== ctx.settings.apiKey) throw unauthorized(INVALID_KEY);
}

/** Wraps a handler so it runs only for a valid key. */
export const authorized =
	(ctx: CsContext, handler: RouteHandler): RouteHandler =>
	(req) => {
		requireApiKey(ctx, req);
		return handler(req);
	};
