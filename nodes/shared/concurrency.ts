/**
 * Maps items with at most `limit` calls in flight, keeping the input order. On the first failure no
 * further call starts; the calls already running are waited for (a node run must not end with calls
 * still going), then that first failure is thrown.
 */
export async function mapWithConcurrency<T, R>(items: T[], limit: number, map: (item: T, index: number) => Promise<R>): Promise<R[]> {
	const results: R[] = new Array(items.length);
	let next = 0;
	let failure: { error: unknown } | undefined;
	const worker = async () => {
		while (next < items.length && !failure) {
			const index = next++;
			try {
				results[index] = await map(items[index], index);
			} catch (error) {
				failure ??= { error };
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
	if (failure) throw failure.error;
	return results;
}
