/**
 * What a node run reads once and shares between its items and calls (its credential, a lookup list):
 * the first caller reads it, the others wait for that read. A failed read is forgotten, so the next
 * caller reads again, unless `keepsFailure` says the failure is the answer (an account without the
 * list answers the same for every item).
 */
export function oncePerNodeRun<T>(keepsFailure: (error: unknown) => boolean = () => false) {
	const runs = new WeakMap<object, Promise<T>>();
	return async (ctx: object, read: () => Promise<T>): Promise<T> => {
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
