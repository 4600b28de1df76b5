import { sleep, type IDataObject } from 'n8n-workflow';

import { PAGES_IN_FLIGHT, readAllPages, readByKeyset, type KeysetStart, type Page } from '../../../nodes/shared/paging';
import type { ServiceContext } from '../../../nodes/shared/serviceRequest';

const ctx = { getNode: () => ({ name: 'Test', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} }) } as unknown as ServiceContext;
const call = { action: 'list things', itemIndex: 3 };
const records = (from: number, count: number): IDataObject[] => Array.from({ length: count }, (_, i) => ({ id: from + i }));
const ids = (list: IDataObject[]) => list.map((r) => r.id);

/**
 * A fake server: answers page `index` after `delayMs(index)` ms (or at once), counting the calls it is
 * answering at the same time, so a test sees how many pages were read together.
 */
function server(pages: (index: number) => Page, delayMs?: (index: number) => number) {
	const asked: number[] = [];
	const state = { running: 0, mostRunning: 0, runningWhenFirstAnswered: 0 };
	return {
		asked,
		state,
		fetchPage: async (index: number) => {
			asked.push(index);
			state.running++;
			state.mostRunning = Math.max(state.mostRunning, state.running);
			try {
				if (index === 0) state.runningWhenFirstAnswered = state.running;
				if (delayMs) await sleep(delayMs(index));
				return pages(index);
			} finally {
				state.running--;
			}
		},
	};
}

/** A list of `count` records served `size` a page; the last page is short or, on an exact multiple, the empty one after it. */
const list = (count: number, size: number) => (i: number): Page => {
	const page = records(i * size, Math.max(0, Math.min(size, count - i * size)));
	return { records: page, last: page.length < size };
};

/** Jumbled answer times, so later pages often answer before earlier ones. */
const jumbled = (i: number) => ((i * 7) % 5) * 3;

describe('readAllPages', () => {
	it('reads to the last page and stops at the limit', async () => {
		const s = server((i) => ({ records: records(i * 10, i < 2 ? 10 : 4), last: i >= 2 }));
		expect(await readAllPages(ctx, 'Svc', call, s.fetchPage)).toHaveLength(24);
		const limited = server((i) => ({ records: records(i * 10, 10), last: false }));
		expect(await readAllPages(ctx, 'Svc', call, limited.fetchPage, { limit: 15 })).toHaveLength(15);
		expect(limited.asked).toEqual([0, 1]);
	});

	it('reads a long list several pages at a time, returning the records in page order as a one-by-one read does', async () => {
		const s = server(list(300, 10), jumbled);
		const all = await readAllPages(ctx, 'Svc', call, s.fetchPage);
		expect(ids(all)).toEqual(ids(records(0, 300)));
		// 30 pages and the empty page after them, plus at most the pages read ahead past it.
		expect(s.asked.length).toBeLessThanOrEqual(31 + PAGES_IN_FLIGHT - 1);
		expect([...s.asked].sort((a, b) => a - b)).toEqual(s.asked.map((_, i) => i));
		// The first page alone, then more at a time, up to PAGES_IN_FLIGHT.
		const even = server(list(300, 10), () => 2);
		expect(ids(await readAllPages(ctx, 'Svc', call, even.fetchPage))).toEqual(ids(records(0, 300)));
		expect(even.state.runningWhenFirstAnswered).toBe(1);
		expect(even.state.mostRunning).toBe(PAGES_IN_FLIGHT);
	});

	it('reads few pages past the end of a short list whose length the server does not say', async () => {
		const two = server(list(15, 10), () => 2);
		expect(ids(await readAllPages(ctx, 'Svc', call, two.fetchPage))).toEqual(ids(records(0, 15)));
		expect([...two.asked].sort((a, b) => a - b)).toEqual([0, 1, 2]);
		const three = server(list(25, 10), () => 2);
		expect(ids(await readAllPages(ctx, 'Svc', call, three.fetchPage))).toEqual(ids(records(0, 25)));
		expect([...three.asked].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4]);
	});

	it('reads a one-page list with a single call', async () => {
		const s = server(list(7, 10));
		expect(await readAllPages(ctx, 'Svc', call, s.fetchPage)).toEqual(records(0, 7));
		expect(s.asked).toEqual([0]);
	});

	it('stops when a server that ignores the page number repeats its page, and returns each record once', async () => {
		const s = server(() => ({ records: records(0, 10), last: false }), jumbled);
		const all = await readAllPages(ctx, 'Svc', call, s.fetchPage);
		expect(all).toEqual(records(0, 10));
		// The second page brings nothing new; the page read ahead with it is dropped.
		expect([...s.asked].sort((a, b) => a - b)).toEqual([0, 1, 2]);
		expect(s.state.running).toBe(0);
	});

	it('keeps only the new records of a page that overlaps the previous one', async () => {
		const s = server((i) => ({ records: records(i * 5, 10), last: i === 3 }), jumbled);
		const all = await readAllPages(ctx, 'Svc', call, s.fetchPage);
		expect(all.map((r) => r.id)).toEqual(records(0, 25).map((r) => r.id));
	});

	it('never requests a page past the number of pages the server says the list has', async () => {
		// A full last page, no `last` flag: only `totalPages` says where the list ends.
		const s = server((i) => ({ records: records(i * 10, i < 5 ? 10 : 0), last: false, totalPages: 5 }), jumbled);
		expect(ids(await readAllPages(ctx, 'Svc', call, s.fetchPage))).toEqual(ids(records(0, 50)));
		expect([...s.asked].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4]);
		expect(s.state.mostRunning).toBe(4);
	});

	it('with a Limit and no filter, requests only the pages the Limit can still need, together', async () => {
		const s = server(list(1000, 10), jumbled);
		expect(ids(await readAllPages(ctx, 'Svc', call, s.fetchPage, { limit: 35 }))).toEqual(ids(records(0, 35)));
		expect([...s.asked].sort((a, b) => a - b)).toEqual([0, 1, 2, 3]);
		expect(s.state.mostRunning).toBeGreaterThan(1);
	});

	it('with a Limit on a filtered list, reads one page at a time so the Limit costs no extra call', async () => {
		const s = server(list(1000, 10), jumbled);
		const even = (r: IDataObject) => (r.id as number) % 2 === 0;
		const kept = await readAllPages(ctx, 'Svc', call, s.fetchPage, { limit: 12, keep: even });
		expect(ids(kept)).toEqual(ids(records(0, 24).filter(even)));
		expect(s.asked).toEqual([0, 1, 2]);
		expect(s.state.mostRunning).toBe(1);
	});

	it('reads a filtered list without a Limit several pages at a time', async () => {
		const s = server(list(200, 10), () => 2);
		const even = (r: IDataObject) => (r.id as number) % 2 === 0;
		expect(ids(await readAllPages(ctx, 'Svc', call, s.fetchPage, { keep: even }))).toEqual(ids(records(0, 200).filter(even)));
		expect(s.state.mostRunning).toBe(PAGES_IN_FLIGHT);
	});

	it('fails with the error of the first failing page in order, once no call of the read is still running', async () => {
		const failures = new Map([
			[3, new Error('HTTP 500 on page 3')],
			[5, new Error('HTTP 500 on page 5')],
		]);
		// Page 5 fails first, page 3 later; page 4 is still being read when page 3 fails.
		const s = server(
			(i) => {
				const failure = failures.get(i);
				if (failure) throw failure;
				return { records: records(i * 10, 10), last: false };
			},
			(i) => ({ 3: 20, 4: 60, 5: 1 })[i] ?? 2,
		);
		const runningWhenFailed = await readAllPages(ctx, 'Svc', call, s.fetchPage).then(
			() => 'resolved',
			(error: Error) => ({ message: error.message, running: s.state.running }),
		);
		expect(runningWhenFailed).toEqual({ message: 'HTTP 500 on page 3', running: 0 });
		expect(s.state.mostRunning).toBeGreaterThan(1);
	});

	it('fails past the page cap, saying the server ignored paging and naming the item', async () => {
		const s = server((i) => ({ records: records(i * 10, 10), last: false }));
		await expect(readAllPages(ctx, 'Case Status', call, s.fetchPage, { maxPages: 7 })).rejects.toMatchObject({
			message: 'Case Status kept sending new pages after 7 pages while trying to list things; it seems to ignore paging',
			context: expect.objectContaining({ itemIndex: 3 }),
		});
		expect(s.asked).toHaveLength(7);
		expect(s.state.running).toBe(0);
	});

	it('fails at the default page cap with the same message', async () => {
		const s = server((i) => ({ records: records(i * 10, 10), last: false }), () => 0);
		await expect(readAllPages(ctx, 'SmartAdvocate', call, s.fetchPage)).rejects.toMatchObject({
			message: 'SmartAdvocate kept sending new pages after 5000 pages while trying to list things; it seems to ignore paging',
		});
		expect(s.asked).toHaveLength(5000);
		expect(s.state.mostRunning).toBe(PAGES_IN_FLIGHT);
	});
});

describe('readByKeyset', () => {
	/** A server sorted by (time, id), answering `size` records at or after `from`, skipping `pageAtFrom` pages. */
	function sortedServer(rows: Array<{ id: number; t: number }>, size: number) {
		const asked: KeysetStart[] = [];
		return {
			asked,
			fetchPage: async (start: KeysetStart): Promise<Page> => {
				asked.push(start);
				const from = start.from === undefined ? -Infinity : Number(start.from);
				const page = rows.filter((row) => row.t >= from).slice(start.pageAtFrom * size, (start.pageAtFrom + 1) * size);
				return { records: page, last: page.length < size };
			},
		};
	}
	const stampOf = (record: IDataObject) => ({ id: String(record.id), ms: record.t as number, next: (ms: number) => String(ms) });

	it('returns every record once, each page asked from the last record\'s time', async () => {
		const rows = Array.from({ length: 25 }, (_, i) => ({ id: i, t: 1000 + i }));
		const sim = sortedServer(rows, 10);
		const read = await readByKeyset(ctx, 'Test', call, sim.fetchPage, stampOf);
		expect(ids(read)).toEqual(rows.map((row) => row.id));
		expect(sim.asked.map((start) => start.from)).toEqual([undefined, '1009', '1018']);
	});

	it('goes on by page number while a whole page has one time (more ties than a page)', async () => {
		const rows = [...Array.from({ length: 23 }, (_, i) => ({ id: i, t: 5 })), { id: 99, t: 6 }];
		const sim = sortedServer(rows, 10);
		const read = await readByKeyset(ctx, 'Test', call, sim.fetchPage, stampOf);
		expect(ids(read)).toEqual(rows.map((row) => row.id));
	});

	it('stops when the server repeats a page whatever page number it is asked for', async () => {
		const page = records(0, 10).map((record) => ({ ...record, t: 7 }));
		const read = await readByKeyset(ctx, 'Test', call, async () => ({ records: page, last: false }), stampOf);
		expect(ids(read)).toEqual(ids(page));
	});

	it('stops at the limit and counts only records that pass `keep`', async () => {
		const rows = Array.from({ length: 40 }, (_, i) => ({ id: i, t: i }));
		const read = await readByKeyset(ctx, 'Test', call, sortedServer(rows, 10).fetchPage, stampOf, { limit: 5, keep: (record) => (record.id as number) % 3 === 0 });
		expect(ids(read)).toEqual([0, 3, 6, 9, 12]);
	});
});
