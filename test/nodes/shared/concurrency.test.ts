/* eslint-disable @n8n/community-nodes/no-restricted-globals -- runs in Node, never in n8n (eslint.dev.config.mjs) */
import { mapWithConcurrency } from '../../../nodes/shared/concurrency';

/** A call that settles when the test says so, to control which calls are in flight. */
function deferred() {
	let resolve!: () => void;
	let reject!: (error: Error) => void;
	const promise = new Promise<void>((res, rej) => {
		resolve = res;
		reject = rej;
	});
	return { promise, resolve, reject };
}

const flush = async () => {
	for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe('mapWithConcurrency', () => {
	it('keeps the input order and never has more than `limit` calls in flight', async () => {
		let running = 0;
		let most = 0;
		const results = await mapWithConcurrency([5, 1, 4, 2, 3], 2, async (n) => {
			running++;
			most = Math.max(most, running);
			await new Promise((resolve) => setImmediate(resolve));
			running--;
			return n * 10;
		});
		expect(results).toEqual([50, 10, 40, 20, 30]);
		expect(most).toBe(2);
	});

	it('starts no further call after the first failure (100 items, limit 4: 4 calls, not 100)', async () => {
		const items = Array.from({ length: 100 }, (_, i) => i);
		const calls = deferredCalls(items.length);
		const mapping = mapWithConcurrency(items, 4, async (_, index) => await calls.start(index));
		await flush();
		expect(calls.started).toEqual([0, 1, 2, 3]);
		calls.all[1].reject(new Error('call 1 failed'));
		calls.all[0].resolve();
		calls.all[2].resolve();
		calls.all[3].resolve();
		await expect(mapping).rejects.toThrow('call 1 failed');
		expect(calls.started).toEqual([0, 1, 2, 3]);
	});

	it('rejects only once the calls already in flight have finished', async () => {
		const calls = deferredCalls(10);
		let settled = false;
		const mapping = mapWithConcurrency(Array.from({ length: 10 }, (_, i) => i), 3, async (_, index) => await calls.start(index));
		mapping.catch(() => undefined).finally(() => (settled = true));
		await flush();
		calls.all[0].reject(new Error('first failure'));
		await flush();
		expect(settled).toBe(false);
		calls.all[1].reject(new Error('second failure'));
		await flush();
		expect(settled).toBe(false);
		calls.all[2].resolve();
		await expect(mapping).rejects.toThrow('first failure');
		expect(calls.started).toEqual([0, 1, 2]);
	});
});

function deferredCalls(count: number) {
	const all = Array.from({ length: count }, deferred);
	const started: number[] = [];
	return {
		all,
		started,
		async start(index: number) {
			started.push(index);
			await all[index].promise;
		},
	};
}
