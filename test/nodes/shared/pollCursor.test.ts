import { advanceCursor, baselineCursor, pollWindowStart } from '../../../nodes/shared/pollCursor';

const item = (id: string, at: string) => ({ id, at });
const LOOKBACK = 10 * 60 * 1000;

describe('poll cursor', () => {
	it('starts from the newest existing item and never emits anything that existed before', () => {
		const cursor = baselineCursor(
			[item('1', '2026-01-01T10:00:00.000Z'), item('2', '2026-01-01T10:05:00.000Z'), item('3', '2026-01-01T10:05:00.000Z')],
			new Date('2026-01-01T12:00:00Z'),
		);
		expect(cursor.watermark).toBe('2026-01-01T10:05:00.000Z');
		const LOOKBACK_10 = 10 * 60 * 1000;
		const firstPoll = advanceCursor(cursor, [item('2', '2026-01-01T10:05:00.000Z'), item('1', '2026-01-01T10:00:00.000Z'), item('3', '2026-01-01T10:05:00.000Z'), item('4', '2026-01-01T10:06:00.000Z')], LOOKBACK_10);
		expect(firstPoll.fresh.map((i) => i.id)).toEqual(['4']);
	});

	it('starts from now when nothing exists yet', () => {
		expect(baselineCursor([], new Date('2026-01-01T12:00:00Z')).watermark).toBe('2026-01-01T12:00:00.000Z');
	});

	it('emits new items once, oldest first, and moves the watermark to the newest seen', () => {
		const start = baselineCursor([item('1', '2026-01-01T10:00:00.000Z')], new Date());
		const first = advanceCursor(start, [item('3', '2026-01-01T10:02:00.000Z'), item('1', '2026-01-01T10:00:00.000Z'), item('2', '2026-01-01T10:01:00.000Z')], LOOKBACK);
		expect(first.fresh.map((i) => i.id)).toEqual(['2', '3']);
		expect(first.cursor.watermark).toBe('2026-01-01T10:02:00.000Z');
		const again = advanceCursor(first.cursor, [item('2', '2026-01-01T10:01:00.000Z'), item('3', '2026-01-01T10:02:00.000Z')], LOOKBACK);
		expect(again.fresh).toEqual([]);
	});

	it('emits an item that shares the watermark timestamp but arrived in a later poll', () => {
		const start = baselineCursor([item('1', '2026-01-01T10:00:00.000Z')], new Date());
		const next = advanceCursor(start, [item('1', '2026-01-01T10:00:00.000Z'), item('2', '2026-01-01T10:00:00.000Z')], LOOKBACK);
		expect(next.fresh.map((i) => i.id)).toEqual(['2']);
	});

	it('emits a late item stamped before the watermark but inside the lookback, once', () => {
		const start = baselineCursor([item('5', '2026-01-01T10:10:00.000Z')], new Date());
		expect(pollWindowStart(start, LOOKBACK)).toBe('2026-01-01T10:00:00.000Z');
		const late = advanceCursor(start, [item('4', '2026-01-01T10:05:00.000Z'), item('5', '2026-01-01T10:10:00.000Z')], LOOKBACK);
		expect(late.fresh.map((i) => i.id)).toEqual(['4']);
		expect(late.cursor.watermark).toBe('2026-01-01T10:10:00.000Z');
		expect(advanceCursor(late.cursor, [item('4', '2026-01-01T10:05:00.000Z')], LOOKBACK).fresh).toEqual([]);
	});

	it('forgets IDs that fall out of the lookback window, keeping the state small', () => {
		let cursor = baselineCursor([], new Date('2026-01-01T00:00:00Z'));
		for (let minute = 0; minute < 120; minute++) {
			const at = new Date(Date.parse('2026-01-01T00:00:00Z') + minute * 60_000).toISOString();
			cursor = advanceCursor(cursor, [item(String(minute), at)], LOOKBACK).cursor;
		}
		expect(Object.keys(cursor.seen).length).toBeLessThanOrEqual(11);
	});
});
