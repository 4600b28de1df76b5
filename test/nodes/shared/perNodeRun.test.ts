/* eslint-disable @n8n/community-nodes/no-restricted-globals -- runs in Node, never in n8n (eslint.dev.config.mjs) */
/**
 * What a node run reads once (its credential, a lookup list): every item and call of the run shares the
 * one read, a failed read is read again by the next caller, and a failure that is the answer is kept.
 */
import { oncePerNodeRun } from '../../../nodes/shared/perNodeRun';

/** A node run's context as n8n makes it for execute(): a new one per run. */
const nodeRun = () => ({ getInputData: () => [] });

describe('oncePerNodeRun', () => {
	it('reads once for all the callers of a node run, even those that ask while the read is under way', async () => {
		const once = oncePerNodeRun<string>();
		const run = nodeRun();
		let reads = 0;
		const read = async () => {
			reads++;
			await new Promise((resolve) => setTimeout(resolve, 10));
			return 'users';
		};
		expect(await Promise.all([once(run, read), once(run, read), once(run, read)])).toEqual(['users', 'users', 'users']);
		expect(await once(run, read)).toBe('users');
		expect(reads).toBe(1);
		// Another node run reads for itself.
		expect(await once(nodeRun(), read)).toBe('users');
		expect(reads).toBe(2);
	});

	it('forgets a failed read, so the next caller reads again', async () => {
		const once = oncePerNodeRun<string>();
		const run = nodeRun();
		await expect(once(run, async () => await Promise.reject(new Error('timed out')))).rejects.toThrow('timed out');
		expect(await once(run, async () => 'areas')).toBe('areas');
	});

	it('keeps a failure that is the answer (an account without the list), without reading again', async () => {
		const once = oncePerNodeRun<string>((error) => (error as Error).message === 'not found');
		const run = nodeRun();
		let reads = 0;
		const missing = async () => {
			reads++;
			return await Promise.reject(new Error('not found'));
		};
		await expect(once(run, missing)).rejects.toThrow('not found');
		await expect(once(run, missing)).rejects.toThrow('not found');
		expect(reads).toBe(1);
	});

	it('shares nothing between the polls of an active trigger (n8n keeps one poll context), so an edited credential is read at the next call', async () => {
		const once = oncePerNodeRun<string>();
		const pollContext = { getMode: () => 'trigger', getNodeParameter: () => undefined };
		let stored = 'https://old.example.com';
		const read = async () => stored;
		expect(await once(pollContext, read)).toBe('https://old.example.com');
		stored = 'https://new.example.com';
		expect(await once(pollContext, read)).toBe('https://new.example.com');
	});
});
