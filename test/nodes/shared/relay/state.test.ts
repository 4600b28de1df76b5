import { dueWaiting, emptyState, finishRun, newerState, normalizeState, readFrom, recordOutcomes, retryDelayMs, MAX_RETRY_DELAY_MS } from '../../../../nodes/shared/relay/state';

const MINUTE = 60_000;
const DAY = 86_400_000;
const t0 = Date.parse('2026-03-02T15:00:00.000Z');
const window = { overlapMs: 15 * MINUTE, firstRunLookBackMs: 24 * 60 * MINUTE };
const items = new Map([
	['1', { messageId: 1 }],
	['2', { messageId: 2 }],
]);

describe('relay state', () => {
	it('the first run reads the look-back; later runs read from the position minus the overlap', () => {
		expect(readFrom(emptyState(), t0, window)).toBe(new Date(t0 - 24 * 60 * MINUTE).toISOString());
		const state = { ...emptyState(), position: new Date(t0).toISOString() };
		expect(readFrom(state, t0 + 5 * MINUTE, window)).toBe(new Date(t0 - 15 * MINUTE).toISOString());
	});

	it('the overlap never reaches back before where the first run started reading', () => {
		const first = finishRun(emptyState(), new Date(t0).toISOString(), new Date(t0).toISOString(), window);
		expect(first.since).toBe(new Date(t0).toISOString());
		expect(readFrom(first, t0 + MINUTE, window)).toBe(new Date(t0).toISOString());
		expect(readFrom({ ...first, position: new Date(t0 + 60 * MINUTE).toISOString() }, t0 + 61 * MINUTE, window)).toBe(new Date(t0 + 45 * MINUTE).toISOString());
	});

	it('retries a failed item on the next two runs, then after 1, 2, 4 … minutes, never more than an hour apart', () => {
		expect([1, 2, 3, 4, 5, 6].map(retryDelayMs)).toEqual([0, 0, MINUTE, 2 * MINUTE, 4 * MINUTE, 8 * MINUTE]);
		expect(retryDelayMs(40)).toBe(MAX_RETRY_DELAY_MS);
	});

	it('a landed item is done; a failed one waits with its error and is due at its back-off', () => {
		const { state, landed, failed } = recordOutcomes(emptyState(), [{ id: '1' }, { id: '2', error: 'HTTP 500' }], items, t0, 7 * DAY);
		expect(landed).toEqual(['1']);
		expect(state.done).toEqual({ '1': new Date(t0).toISOString() });
		expect(failed).toEqual([
			{ id: '2', item: { messageId: 2 }, firstFailedAt: new Date(t0).toISOString(), attempts: 1, nextAttemptAt: new Date(t0).toISOString(), lastError: 'HTTP 500' },
		]);
		expect(dueWaiting(state, t0).map((w) => w.id)).toEqual(['2']);

		const twice = recordOutcomes(state, [{ id: '2', error: 'HTTP 500' }], items, t0 + MINUTE, 7 * DAY).state;
		const again = recordOutcomes(twice, [{ id: '2', error: 'HTTP 500' }], items, t0 + MINUTE, 7 * DAY).state;
		expect(again.waiting['2']).toMatchObject({ attempts: 3, firstFailedAt: new Date(t0).toISOString(), nextAttemptAt: new Date(t0 + 2 * MINUTE).toISOString() });
		expect(dueWaiting(again, t0 + 2 * MINUTE - 1)).toEqual([]);
		const landedLater = recordOutcomes(again, [{ id: '2' }], items, t0 + 2 * MINUTE, 7 * DAY).state;
		expect(landedLater.waiting).toEqual({});
		expect(Object.keys(landedLater.done)).toEqual(['1', '2']);
	});

	it('gives up on an item that has failed for longer than the limit: it leaves the waiting list for the needs-a-person list', () => {
		const first = recordOutcomes(emptyState(), [{ id: '2', error: 'Refused' }], items, t0, 2 * DAY).state;
		const almost = recordOutcomes(first, [{ id: '2', error: 'Refused' }], items, t0 + 2 * DAY - 1, 2 * DAY);
		expect(almost.gaveUp).toEqual([]);
		const given = recordOutcomes(almost.state, [{ id: '2', error: 'Refused again' }], items, t0 + 2 * DAY, 2 * DAY);
		expect(given.gaveUp).toEqual([
			{ id: '2', item: { messageId: 2 }, firstFailedAt: new Date(t0).toISOString(), gaveUpAt: new Date(t0 + 2 * DAY).toISOString(), attempts: 3, lastError: 'Refused again' },
		]);
		expect(given.state.waiting).toEqual({});
		expect(given.state.needsPerson.map((g) => g.id)).toEqual(['2']);
		// Read again within the overlap, it is not handed on again.
		expect(given.state.done['2']).toBe(new Date(t0 + 2 * DAY).toISOString());
	});

	it('finishing a run moves the position to where it read up to, never back, and forgets IDs the overlap can no longer read', () => {
		const old = new Date(t0 - 3 * 60 * MINUTE).toISOString();
		const state = { ...emptyState(), position: new Date(t0 - MINUTE).toISOString(), done: { old: old, recent: new Date(t0 - MINUTE).toISOString() } };
		const finished = finishRun(state, new Date(t0 - MINUTE).toISOString(), new Date(t0).toISOString(), window);
		expect(finished.position).toBe(new Date(t0).toISOString());
		expect(Object.keys(finished.done)).toEqual(['recent']);
		expect(finishRun(finished, new Date(t0 - 20 * MINUTE).toISOString(), new Date(t0 - 10 * MINUTE).toISOString(), window).position).toBe(new Date(t0).toISOString());
	});

	it('of the saved copy and the one in memory, the newer revision wins; whatever is saved is read safely', () => {
		const a = { ...emptyState(), revision: 3 };
		const b = { ...emptyState(), revision: 4 };
		expect(newerState(a, b)).toBe(b);
		expect(newerState(b, a)).toBe(b);
		expect(newerState(undefined, a)).toBe(a);
		expect(normalizeState(undefined)).toEqual(emptyState());
		expect(normalizeState({ revision: '2', position: 5, done: null })).toEqual({ ...emptyState(), revision: 2 });
	});
});
