/**
 * What a node run reads once and shares between its items and calls (its credential, a lookup list):
 * the first caller reads it, the others wait for that read. A failed read is forgotten, so the next
 * caller reads again, unless `keepsFailure` says the failure is the answer (an account without the
 * list answers the same for every item).
 *
 * Only a node run in an execution (an execute context, made afresh for every run) shares a read. n8n
 * keeps ONE poll context for every poll of an active trigger (and load-options or webhook contexts are
 * not runs either): there every call reads afresh, so a credential edited while a workflow is active
 * takes effect at the next call, never going on to the address or key it had when it was activated.
 */
export function oncePerNodeRun<T>(keepsFailure: (error: unknown) => boolean = () => false) {
	const runs = new WeakMap<object, Promise<T>>();
	return async (ctx: object, read: () => Promise<T>): Promise<T> => {
		if (!isNodeRun(ctx)) return await read();
		let pending = runs.get(ctx);
		if (!pending) {
			pending = read();
			runs.set(ctx, pending);
			pending.catch((error: unknown) => {
				if (!keepsFailure(error)) runs.delete(ctx);
			});
		}
		return await pending;
	};
}

/** An execute context: the one kind n8n makes for a single node run and drops after it. */
export function isNodeRun(ctx: object): boolean {
	return 'getInputData' in ctx;
}
