import { holds, peekRelay, releaseRelay, renewLeasesOf, takeRelay } from '../../../../nodes/shared/relay/lease';

const MINUTE = 60_000;
let n = 0;
const freshKey = () => `workflow:leaseTest${++n}:messages`;

describe('relay lease (one n8n process)', () => {
	it('one run at a time: a second run is held out and sees who holds it', () => {
		const key = freshKey();
		expect(takeRelay(key, '1', MINUTE, { now: 0 }).taken).toBe(true);
		expect(takeRelay(key, '2', MINUTE, { now: 1000 })).toMatchObject({ taken: false, lease: { holder: '1' } });
		expect(releaseRelay(key, '2')).toBe(false);
		expect(releaseRelay(key, '1')).toBe(true);
		expect(takeRelay(key, '2', MINUTE, { now: 2000 }).taken).toBe(true);
		releaseRelay(key, '2');
	});

	it('a run that keeps making progress keeps the relay however long it takes; one that stops loses it after the idle time', () => {
		const key = freshKey();
		takeRelay(key, '1', MINUTE, { now: 0 });
		for (let t = 30_000; t <= 30 * MINUTE; t += 30_000) {
			renewLeasesOf('1', t);
			expect(takeRelay(key, '2', MINUTE, { now: t + 1 }).taken).toBe(false);
		}
		expect(holds(key, '1', 31 * MINUTE - 1)).toBe(true);
		expect(takeRelay(key, '2', MINUTE, { now: 31 * MINUTE })).toMatchObject({ taken: true, lease: { holder: '2' } });
		// The first run, back after its lease lapsed, cannot renew or free the new holder's.
		renewLeasesOf('1', 31 * MINUTE + 1);
		expect(releaseRelay(key, '1')).toBe(false);
		expect(peekRelay(key, 31 * MINUTE + 2)?.holder).toBe('2');
		releaseRelay(key, '2');
	});

	it('a person can take over a stuck relay on purpose', () => {
		const key = freshKey();
		takeRelay(key, '1', 10 * MINUTE, { now: 0 });
		expect(takeRelay(key, '9', MINUTE, { now: 1000, takeOver: true })).toMatchObject({ taken: true, tookOverFrom: '1', lease: { holder: '9' } });
		releaseRelay(key, '9');
	});
});
