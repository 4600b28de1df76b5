/**
 * The polling cursor both triggers use. Pure: no n8n, no HTTP.
 *
 * The watermark is the newest timestamp actually seen (never "now"), so an item the server
 * stamps earlier but shows later is still found. Each poll asks for items from
 * `watermark − lookback` on and remembers the IDs it has emitted inside that window, so items
 * that share a timestamp, or arrive late within the lookback, are emitted exactly once.
 */
export interface PollCursor {
	/** ISO time of the newest item seen so far. */
	watermark: string;
	/** IDs already emitted, with their timestamps, kept while inside the lookback window. */
	seen: Record<string, string>;
}

export interface Stamped {
	id: string;
	/** ISO-8601 time the cursor follows (created or modified). */
	at: string;
}

/** Where the next query starts: the watermark minus the lookback. */
export function pollWindowStart(cursor: PollCursor, lookbackMs: number): string {
	return new Date(Date.parse(cursor.watermark) - lookbackMs).toISOString();
}

/**
 * A first cursor: the watermark is the newest item that exists now (or `now` when there is none),
 * and every existing item passed in counts as seen — so nothing from before activation fires
 * when the first real poll looks back over the window.
 */
export function baselineCursor(existing: Stamped[], now: Date): PollCursor {
	const times = existing.map((item) => Date.parse(item.at)).filter((t) => !Number.isNaN(t));
	const newest = times.length ? Math.max(...times) : now.getTime();
	const seen: Record<string, string> = {};
	for (const item of existing) seen[item.id] = item.at;
	return { watermark: new Date(newest).toISOString(), seen };
}

/**
 * Splits a poll's results into the items to emit (oldest first) and the cursor to store once
 * they are emitted. Items without a readable time are emitted once but never move the watermark.
 */
export function advanceCursor<T extends Stamped>(
	cursor: PollCursor,
	polled: T[],
	lookbackMs: number,
): { fresh: T[]; cursor: PollCursor } {
	const seen = { ...cursor.seen };
	const fresh: T[] = [];
	let newest = Date.parse(cursor.watermark);
	const ordered = [...polled].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.id.localeCompare(b.id, 'en', { numeric: true }));
	for (const item of ordered) {
		if (seen[item.id] !== undefined) continue;
		seen[item.id] = item.at;
		fresh.push(item);
		const at = Date.parse(item.at);
		if (!Number.isNaN(at) && at > newest) newest = at;
	}
	const keepFrom = newest - lookbackMs;
	for (const [id, at] of Object.entries(seen)) {
		const time = Date.parse(at);
		if (!Number.isNaN(time) && time < keepFrom) delete seen[id];
	}
	return { fresh, cursor: { watermark: new Date(newest).toISOString(), seen } };
}
