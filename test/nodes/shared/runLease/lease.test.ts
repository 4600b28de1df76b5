import { peekLease, releaseLease, takeLease } from '../../../../nodes/shared/runLease/lease';

const MINUTE = 60_000;

describe('in-process run lease', () => {
	it('lets only one run hold a key; the other learns who holds it and until when', () => {
		const t = Date.parse('2026-01-05T10:00:00Z');
		expect(takeLease('k1', 'run-1', 10 * MINUTE, t)).toMatchObject({ taken: true, lease: { holder: 'run-1', expiresAt: t + 10 * MINUTE } });
		expect(takeLease('k1', 'run-2', 10 * MINUTE, t + MINUTE)).toEqual({
			taken: false,
			lease: { key: 'k1', holder: 'run-1', takenAt: t, expiresAt: t + 10 * MINUTE },
		});
		// Another key is independent (another workflow, another firm's copy).
		expect(takeLease('k2', 'run-2', 10 * MINUTE, t + MINUTE).taken).toBe(true);
	});

	it('frees itself when it expires, so a run that died cannot block the next ones for ever', () => {
		const t = Date.parse('2026-01-05T11:00:00Z');
		takeLease('k3', 'crashed', 5 * MINUTE, t);
		expect(takeLease('k3', 'next', 5 * MINUTE, t + 5 * MINUTE - 1).taken).toBe(false);
		expect(takeLease('k3', 'next', 5 * MINUTE, t + 5 * MINUTE)).toMatchObject({ taken: true, lease: { holder: 'next', takenAt: t + 5 * MINUTE } });
	});

	it('the holder renews it by taking it again (from now, keeping when it was first taken)', () => {
		const t = Date.parse('2026-01-05T12:00:00Z');
		takeLease('k4', 'run-1', 10 * MINUTE, t);
		expect(takeLease('k4', 'run-1', 10 * MINUTE, t + 8 * MINUTE).lease).toEqual({ key: 'k4', holder: 'run-1', takenAt: t, expiresAt: t + 18 * MINUTE });
	});

	it('only the holder releases it; a run whose lease expired and was taken over does not free the new holder\'s', () => {
		const t = Date.parse('2026-01-05T13:00:00Z');
		takeLease('k5', 'slow', MINUTE, t);
		takeLease('k5', 'new', MINUTE, t + 2 * MINUTE);
		expect(releaseLease('k5', 'slow', t + 2 * MINUTE)).toMatchObject({ released: false, heldBy: { holder: 'new' } });
		expect(peekLease('k5', t + 2 * MINUTE)?.holder).toBe('new');
		expect(releaseLease('k5', 'new', t + 2 * MINUTE)).toEqual({ released: true });
		expect(peekLease('k5', t + 2 * MINUTE)).toBeUndefined();
		expect(takeLease('k5', 'after', MINUTE, t + 2 * MINUTE).taken).toBe(true);
		// Nothing held: nothing released.
		expect(releaseLease('k6', 'anyone', t)).toEqual({ released: false });
	});
});
