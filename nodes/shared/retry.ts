import { sleep } from 'n8n-workflow';

import type { HttpFailure } from './httpFailure';

/** How hard a transport tries before giving up on a call. */
export interface RetryPolicy {
	/** Total attempts, the first one included. */
	maxAttempts: number;
	/** Delay before the first retry; doubles on each further retry. */
	baseDelayMs: number;
	/** No single wait is longer than this, whatever Retry-After says. */
	maxDelayMs: number;
	/** Stop retrying once this much time has been spent waiting. */
	maxTotalWaitMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxAttempts: 5,
	baseDelayMs: 1000,
	maxDelayMs: 30_000,
	maxTotalWaitMs: 60_000,
};

const NETWORK_CODES_NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);
const NETWORK_CODES_MAYBE_SENT = new Set(['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE', 'ESOCKETTIMEDOUT']);

/**
 * Whether a failed call may be sent again. Reads (GET, and POSTs that only search) and idempotent
 * writes retry on 429, 5xx and network errors. Creating writes (POST) retry only where the server
 * surely did not act (429, 503, connection refused): a 500 or a dropped connection after a POST
 * may mean the note or message was already written, and sending it twice would duplicate it.
 */
export function isRetryable(failure: HttpFailure, method: string, readOnly = false): boolean {
	const creates = method.toUpperCase() === 'POST' && !readOnly;
	if (failure.status === undefined) {
		if (failure.code && NETWORK_CODES_NOT_SENT.has(failure.code)) return true;
		return !creates && failure.code !== undefined && NETWORK_CODES_MAYBE_SENT.has(failure.code);
	}
	if (failure.status === 429 || failure.status === 503) return true;
	return !creates && [500, 502, 504].includes(failure.status);
}

/** Retry-After as milliseconds (seconds or an HTTP date), or undefined when absent or unreadable. */
export function retryAfterMs(headers: Record<string, string>, now = Date.now()): number | undefined {
	const value = headers['retry-after'];
	if (value === undefined || value.trim() === '') return undefined;
	if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * The Retry-After the server asked for when it is longer than this policy will wait at this point
 * (one wait above `maxDelayMs`, or more than the time left of `maxTotalWaitMs`); undefined otherwise.
 * Such a call fails at once, saying when to try again, instead of retrying too early.
 */
export function retryAfterBeyondPolicy(failure: HttpFailure, policy: RetryPolicy, waitedMs: number): number | undefined {
	const serverSays = retryAfterMs(failure.headers);
	if (serverSays === undefined) return undefined;
	return serverSays > policy.maxDelayMs || waitedMs + serverSays > policy.maxTotalWaitMs ? serverSays : undefined;
}

/**
 * How long to wait before retry number `retry` (1 = first retry): the server's Retry-After when
 * given, else exponential backoff with full jitter, both capped by the policy.
 */
export function retryDelayMs(
	retry: number,
	failure: HttpFailure,
	policy: RetryPolicy,
	random: () => number = Math.random,
): number {
	const serverSays = retryAfterMs(failure.headers);
	if (serverSays !== undefined) return Math.min(serverSays, policy.maxDelayMs);
	const ceiling = Math.min(policy.baseDelayMs * 2 ** (retry - 1), policy.maxDelayMs);
	// Half fixed, half random: spreads parallel clients apart without ever retrying instantly.
	return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** The spacing between calls right after a service said to slow down, doubled at each further slow-down. */
export const SLOWED_SPACING_MS = 250;
const MAX_SPACING_MS = 5_000;
/** Each answer that is not a slow-down shortens the spacing by this factor, down to none. */
const RECOVERY = 0.8;

/**
 * Whether an answer asks every call to the service to wait: a 429, or a 503 that names when to come
 * back. (A 503 without Retry-After is an outage of that call, retried with back-off by itself.)
 */
export function slowsTheService(failure: HttpFailure): boolean {
	return failure.status === 429 || (failure.status === 503 && retryAfterMs(failure.headers) !== undefined);
}

/**
 * How fast calls to one service account may go out. A slow-down answer pauses every call until the time
 * the server named; then they resume one at a time, `spacingMs` apart, the spacing shrinking with each
 * answer that is not a slow-down until calls go out freely again.
 */
export class ServicePace {
	private pausedUntil = 0;
	private nextStart = 0;
	spacingMs = 0;

	constructor(private readonly now: () => number = Date.now) {}

	/**
	 * Waits for this call's turn: turns are handed out in the order calls ask, from the end of any pause on,
	 * one spacing apart. A pause that begins while a call waits holds it back too (it asks again).
	 */
	async waitTurn(): Promise<void> {
		for (;;) {
			const now = this.now();
			const start = Math.max(now, this.pausedUntil, this.nextStart);
			this.nextStart = start + this.spacingMs;
			if (start <= now) return;
			await sleep(start - now);
			if (this.pausedUntil <= this.now()) return;
		}
	}

	/** The server asked to wait until `untilMs`. Calls sent before the pause began and answered during it do not slow the pace further. */
	slowDown(untilMs: number): void {
		const alreadyPaused = this.pausedUntil > this.now();
		this.pausedUntil = Math.max(this.pausedUntil, untilMs);
		if (!alreadyPaused) this.spacingMs = Math.min(Math.max(this.spacingMs * 2, SLOWED_SPACING_MS), MAX_SPACING_MS);
	}

	/** An answer that is not a slow-down; one that arrives during a pause was sent before it and says nothing new. */
	answered(): void {
		if (this.pausedUntil > this.now()) return;
		this.spacingMs = this.spacingMs * RECOVERY < 25 ? 0 : this.spacingMs * RECOVERY;
	}
}

/**
 * One pace per service account (credential type, credential and API root) for this n8n process: every node
 * run, slice and trigger that calls the same account slows down together, and another firm's account does
 * not. Kept for the life of the process (a few numbers per credential), so that no call ever holds a pace the
 * others no longer see.
 */
const paces = new Map<string, ServicePace>();

export function paceOf(account: string): ServicePace {
	let pace = paces.get(account);
	if (!pace) {
		pace = new ServicePace();
		paces.set(account, pace);
	}
	return pace;
}
