/**
 * What a relay remembers between runs, and how one run changes it: plain data and plain functions, so the rules
 * (where the next read starts, which failed item is due again, when to give up) are tested without n8n.
 *
 * Kept in the workflow's static data (n8n saves it at the end of a run that changed it) and, for the moments
 * before that save, in this process's memory (see `lease.ts`); `revision` says which copy is newer.
 */
import type { IDataObject } from 'n8n-workflow';

export interface WaitingItem {
	id: string;
	/** The item as Get New returned it, so a later run can hand it on again unchanged. */
	item: IDataObject;
	firstFailedAt: string;
	attempts: number;
	nextAttemptAt: string;
	lastError: string;
}

export interface GivenUpItem {
	id: string;
	item: IDataObject;
	firstFailedAt: string;
	gaveUpAt: string;
	attempts: number;
	lastError: string;
}

export interface RelayState {
	revision: number;
	/** Where the last finished run read up to (its start); the next run reads from here minus the overlap. */
	position?: string;
	/** Where the first run started reading: the overlap never reaches further back. */
	since?: string;
	/** Items read, then relayed or skipped: ID → when. The overlap reads them again; they are not handed on twice. */
	done: Record<string, string>;
	/** Items whose write failed: tried again with back-off. */
	waiting: Record<string, WaitingItem>;
	/** Items given up after the firm's limit: a person has to look (newest last, at most NEEDS_PERSON_KEPT). */
	needsPerson: GivenUpItem[];
}

export interface ReadWindow {
	overlapMs: number;
	firstRunLookBackMs: number;
}

export interface Outcome {
	id: string;
	/** Set when the write failed: what the write node said. */
	error?: string;
	/** No write reported on it in this run (yet): it waits, due at once, and counts no attempt. */
	unreported?: boolean;
}

export const NEEDS_PERSON_KEPT = 200;
const MINUTE = 60_000;
/** Back-off never waits longer than this between two tries. */
export const MAX_RETRY_DELAY_MS = 60 * MINUTE;
/** IDs in `done` are kept this long past the read window, for clocks that disagree a little. */
const DONE_MARGIN_MS = 60 * MINUTE;

export function emptyState(): RelayState {
	return { revision: 0, done: {}, waiting: {}, needsPerson: [] };
}

/** A state read from static data, whatever an older version or a person left there. */
export function normalizeState(raw: unknown): RelayState {
	const value = (raw && typeof raw === 'object' ? raw : {}) as Partial<RelayState>;
	return {
		revision: Number(value.revision) || 0,
		...(typeof value.position === 'string' ? { position: value.position } : {}),
		...(typeof value.since === 'string' ? { since: value.since } : {}),
		done: { ...(value.done ?? {}) },
		waiting: { ...(value.waiting ?? {}) },
		needsPerson: [...(value.needsPerson ?? [])],
	};
}

/** The newer of two copies of the state (saved vs remembered in memory). */
export function newerState(a: RelayState | undefined, b: RelayState | undefined): RelayState {
	if (!a) return b ?? emptyState();
	if (!b) return a;
	return b.revision > a.revision ? b : a;
}

/** Where this run reads from: the saved position minus the overlap, not before the first run's start; on the first run, the look-back. */
export function readFrom(state: RelayState, now: number, window: ReadWindow): string {
	if (!state.position) return new Date(now - window.firstRunLookBackMs).toISOString();
	const from = Date.parse(state.position) - window.overlapMs;
	return new Date(state.since ? Math.max(from, Date.parse(state.since)) : from).toISOString();
}

/** How long after its `attempts`-th failure an item is tried again: the next two runs, then after 1, 2, 4 … minutes, at most an hour. */
export function retryDelayMs(attempts: number): number {
	if (attempts <= 2) return 0;
	return Math.min(MINUTE * 2 ** (attempts - 3), MAX_RETRY_DELAY_MS);
}

/** The waiting items whose next try is due. */
export function dueWaiting(state: RelayState, now: number): WaitingItem[] {
	return Object.values(state.waiting).filter((w) => Date.parse(w.nextAttemptAt) <= now);
}

export interface RecordResult {
	state: RelayState;
	landed: string[];
	failed: WaitingItem[];
	gaveUp: GivenUpItem[];
}

/**
 * Applies what the write did to the items of one run. A landed (or skipped) item is done and leaves the
 * waiting list; a failed one waits with back-off, or, once it has failed for longer than `giveUpAfterMs`, goes
 * to the "needs a person" list and the relay moves on.
 */
export function recordOutcomes(
	state: RelayState,
	outcomes: Outcome[],
	items: Map<string, IDataObject>,
	now: number,
	giveUpAfterMs: number,
): RecordResult {
	const next: RelayState = { ...state, done: { ...state.done }, waiting: { ...state.waiting }, needsPerson: [...state.needsPerson] };
	const at = new Date(now).toISOString();
	const landed: string[] = [];
	const failed: WaitingItem[] = [];
	const gaveUp: GivenUpItem[] = [];
	for (const outcome of outcomes) {
		const before = next.waiting[outcome.id];
		if (outcome.error === undefined) {
			delete next.waiting[outcome.id];
			next.done[outcome.id] = at;
			landed.push(outcome.id);
			continue;
		}
		delete next.done[outcome.id];
		const attempts = (before?.attempts ?? 0) + (outcome.unreported ? 0 : 1);
		const firstFailedAt = before?.firstFailedAt ?? at;
		const item = items.get(outcome.id) ?? before?.item ?? {};
		// Given up only after a try that failed since the first one (never on the run an item first waits).
		if (before && now - Date.parse(firstFailedAt) >= giveUpAfterMs) {
			delete next.waiting[outcome.id];
			const given: GivenUpItem = { id: outcome.id, item, firstFailedAt, gaveUpAt: at, attempts, lastError: outcome.error };
			next.needsPerson = [...next.needsPerson.filter((g) => g.id !== outcome.id), given].slice(-NEEDS_PERSON_KEPT);
			// Done as far as the relay goes: the overlap may read it again, and must not hand it on.
			next.done[outcome.id] = at;
			gaveUp.push(given);
			continue;
		}
		const waiting: WaitingItem = {
			id: outcome.id,
			item,
			firstFailedAt,
			attempts,
			nextAttemptAt: new Date(now + (outcome.unreported ? 0 : retryDelayMs(attempts))).toISOString(),
			lastError: outcome.error,
		};
		next.waiting[outcome.id] = waiting;
		failed.push(waiting);
	}
	return { state: next, landed, failed, gaveUp };
}

/**
 * Ends a run that read from `readFrom` up to `readUntil`: the position moves there (never back), the first run
 * marks where reading began, and IDs too old to be read again are forgotten.
 */
export function finishRun(state: RelayState, readFromIso: string, readUntil: string, window: ReadWindow): RelayState {
	const done = { ...state.done };
	const position = state.position && Date.parse(state.position) > Date.parse(readUntil) ? state.position : readUntil;
	const forgetBefore = Date.parse(position) - window.overlapMs - DONE_MARGIN_MS;
	for (const [id, when] of Object.entries(done)) if (Date.parse(when) < forgetBefore) delete done[id];
	return { ...state, done, position, since: state.since ?? readFromIso };
}
