import type { HttpFailure } from '../../../nodes/shared/httpFailure';
import { DEFAULT_RETRY_POLICY, isRetryable, retryAfterMs, retryDelayMs } from '../../../nodes/shared/retry';

const failure = (status?: number, headers: Record<string, string> = {}, code?: string): HttpFailure => ({
	status,
	headers,
	body: undefined,
	code,
	message: 'x',
});

describe('isRetryable', () => {
	it('retries reads on rate limits, server trouble and network drops', () => {
		for (const status of [429, 500, 502, 503, 504]) expect(isRetryable(failure(status), 'GET')).toBe(true);
		expect(isRetryable(failure(undefined, {}, 'ECONNRESET'), 'GET')).toBe(true);
		expect(isRetryable(failure(undefined, {}, 'ECONNREFUSED'), 'GET')).toBe(true);
	});

	it('never retries a request the server rejected as wrong', () => {
		for (const status of [400, 401, 403, 404, 409, 422]) expect(isRetryable(failure(status), 'GET')).toBe(false);
	});

	it('does not resend a create after a 500 or a dropped connection, which may have written it already', () => {
		expect(isRetryable(failure(500), 'POST')).toBe(false);
		expect(isRetryable(failure(502), 'POST')).toBe(false);
		expect(isRetryable(failure(undefined, {}, 'ECONNRESET'), 'POST')).toBe(false);
	});

	it('resends a create the server surely did not perform (429, 503, connection refused)', () => {
		expect(isRetryable(failure(429), 'POST')).toBe(true);
		expect(isRetryable(failure(503), 'POST')).toBe(true);
		expect(isRetryable(failure(undefined, {}, 'ECONNREFUSED'), 'POST')).toBe(true);
	});
});

describe('retryAfterMs', () => {
	it('reads seconds and HTTP dates, and ignores garbage', () => {
		expect(retryAfterMs({ 'retry-after': '3' })).toBe(3000);
		const now = Date.parse('2026-01-01T00:00:00Z');
		expect(retryAfterMs({ 'retry-after': 'Thu, 01 Jan 2026 00:00:10 GMT' }, now)).toBe(10_000);
		expect(retryAfterMs({ 'retry-after': 'soon' })).toBeUndefined();
		expect(retryAfterMs({})).toBeUndefined();
	});
});

describe('retryDelayMs', () => {
	it("waits as long as the server's Retry-After says, within the cap", () => {
		expect(retryDelayMs(1, failure(429, { 'retry-after': '2' }), DEFAULT_RETRY_POLICY)).toBe(2000);
		expect(retryDelayMs(1, failure(429, { 'retry-after': '3600' }), DEFAULT_RETRY_POLICY)).toBe(DEFAULT_RETRY_POLICY.maxDelayMs);
	});

	it('backs off exponentially with jitter between half and all of the ceiling', () => {
		const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 10_000 };
		expect(retryDelayMs(1, failure(503), policy, () => 0)).toBe(50);
		expect(retryDelayMs(1, failure(503), policy, () => 1)).toBe(100);
		expect(retryDelayMs(3, failure(503), policy, () => 0)).toBe(200);
		expect(retryDelayMs(3, failure(503), policy, () => 1)).toBe(400);
		expect(retryDelayMs(20, failure(503), policy, () => 1)).toBe(10_000);
	});
});
