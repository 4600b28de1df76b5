/**
 * HS256 JWTs as SmartAdvocate issues them (claims decoded from the documented sample token: id, host, nbf,
 * exp, iat, iss), and the Bearer check ASP.NET's JwtBearer handler does in front of every other route.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface SaTokenClaims {
	/** The user ID, as a string. */
	id: string;
	host: string;
	nbf: number;
	exp: number;
	iat: number;
	iss: string;
}

export type TokenCheck =
	| { ok: true; claims: SaTokenClaims }
	| { ok: false; reason: 'malformed' | 'signature' | 'issuer' | 'not-yet-valid' }
	| { ok: false; reason: 'expired'; exp: number };

const base64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

function signature(input: string, secret: Buffer): Buffer {
	return createHmac('sha256', secret).update(input).digest();
}

export function signToken(claims: SaTokenClaims, secret: Buffer): string {
	const head = `${base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${base64url(JSON.stringify(claims))}`;
	return `${head}.${signature(head, secret).toString('base64url')}`;
}

function decodeJson(part: string): Record<string, unknown> | null {
	try {
		const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
		return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
	} catch {
		return null;
	}
}

/** Checks signature, issuer and lifetime; `nowSeconds` comes from the simulator clock. */
export function checkToken(
	token: string,
	secret: Buffer,
	options: { nowSeconds: number; issuer: string; clockSkewSeconds: number },
): TokenCheck {
	const parts = token.split('.');
	if (parts.length !== 3) return { ok: false, reason: 'malformed' };
	const header = decodeJson(parts[0]);
	const payload = decodeJson(parts[1]);
	if (!header || !payload || header.alg !== 'HS256') return { ok: false, reason: 'malformed' };
	const expected = signature(`${parts[0]}.${parts[1]}`, secret);
	const given = Buffer.from(parts[2], 'base64url');
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'signature' };
	const claims = payload as unknown as SaTokenClaims;
	if (typeof claims.exp !== 'number' || typeof claims.nbf !== 'number' || typeof claims.id !== 'string') {
		return { ok: false, reason: 'malformed' };
	}
	if (claims.iss !== options.issuer) return { ok: false, reason: 'issuer' };
	if (options.nowSeconds + options.clockSkewSeconds < claims.nbf) return { ok: false, reason: 'not-yet-valid' };
	if (options.nowSeconds - options.clockSkewSeconds >= claims.exp) return { ok: false, reason: 'expired', exp: claims.exp };
	return { ok: true, claims };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The value of `WWW-Authenticate` for a rejected token, worded like ASP.NET's JwtBearer handler. */
export function wwwAuthenticate(check: Exclude<TokenCheck, { ok: true }> | null): string {
	if (!check) return 'Bearer';
	if (check.reason === 'expired') {
		const d = new Date(check.exp * 1000);
		const at = `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
		return `Bearer error="invalid_token", error_description="The token expired at '${at}'"`;
	}
	if (check.reason === 'signature') return 'Bearer error="invalid_token", error_description="The signature is invalid"';
	if (check.reason === 'issuer') return 'Bearer error="invalid_token", error_description="The issuer is invalid"';
	if (check.reason === 'not-yet-valid') return 'Bearer error="invalid_token", error_description="The token is not valid yet"';
	return 'Bearer error="invalid_token"';
}
