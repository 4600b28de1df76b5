/** `POST Users/authenticate` and the Bearer gate in front of every other CaseSync route. */
import { SimError, type Route, type RouteHandler, type SimRequest } from '../../shared/http';
import { checkToken, signToken, wwwAuthenticate } from '../auth';
import type { SaContext } from '../context';
import { jsonObject } from '../request';
import type { SaUser } from '../state';

export const BASE = '/CaseSyncAPI';

function unauthorized(header: string): SimError {
	return new SimError(401, undefined, { 'www-authenticate': header });
}

/** The logged-in user of a request, or a 401 exactly as ASP.NET's JwtBearer handler answers. */
export function requireUser(ctx: SaContext, req: SimRequest): SaUser {
	const header = req.headers.authorization;
	const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
	if (!match) throw unauthorized(wwwAuthenticate(null));
	const check = checkToken(match[1], ctx.secret, {
		nowSeconds: Math.floor(ctx.clock.now().getTime() / 1000),
		issuer: ctx.issuer,
		clockSkewSeconds: ctx.settings.clockSkewSeconds,
	});
	if (!check.ok) throw unauthorized(wwwAuthenticate(check));
	const user = ctx.state.users.get(Number(check.claims.id));
	if (!user || user.password === null) throw unauthorized('Bearer error="invalid_token"');
	return user;
}

/** Wraps a handler so it runs only for a valid token. */
export const authorized =
	(ctx: SaContext, handler: (req: SimRequest, user: SaUser) => ReturnType<RouteHandler>): RouteHandler =>
	(req) => handler(req, requireUser(ctx, req));

export function authRoutes(ctx: SaContext): Route[] {
	return [
		{
			method: 'POST',
			pattern: `${BASE}/Users/authenticate`,
			handler: (req) => {
				const body = jsonObject(req);
				const username = body.string('username');
				const password = body.string('password');
				if (!username) body.required('username');
				if (!password) body.required('password');
				body.throwIfInvalid();
				const user = ctx.state.userByName(username!);
				if (!user || user.password === null || user.password !== password) {
					throw new SimError(ctx.settings.badCredentialsStatus, { message: 'Username or password is incorrect' });
				}
				const iat = Math.floor(ctx.clock.now().getTime() / 1000);
				const token = signToken(
					{ id: String(user.userID), host: '', nbf: iat, exp: iat + ctx.settings.tokenLifetimeSeconds, iat, iss: ctx.issuer },
					ctx.secret,
				);
				return { status: 200, body: { username: user.username, userID: user.userID, token } };
			},
		},
	];
}
