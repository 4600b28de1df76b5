import type { IDataObject } from 'n8n-workflow';

import { readAllPages, type Page } from '../../../nodes/shared/paging';
import type { ServiceContext } from '../../../nodes/shared/serviceRequest';

const ctx = { getNode: () => ({ name: 'Test', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} }) } as unknown as ServiceContext;
const call = { action: 'list things', itemIndex: 3 };
const records = (from: number, count: number): IDataObject[] => Array.from({ length: count }, (_, i) => ({ id: from + i }));

function server(pages: (index: number) => Page) {
	const asked: number[] = [];
	return {
		asked,
		fetchPage: async (index: number) => {
			asked.push(index);
			return pages(index);
		},
	};
}

describe('readAllPages', () => {
	it('reads to the last page and stops at the limit', async () => {
		const s = server((i) => ({ records: records(i * 10, i < 2 ? 10 : 4), last: i >= 2 }));
		expect(await readAllPages(ctx, 'Svc', call, s.fetchPage)).toHaveLength(24);
		const limited = server((i) => ({ records: records(i * 10, 10), last: false }));
		expect(await readAllPages(ctx, 'Svc', call, limited.fetchPage, { limit: 15 })).toHaveLength(15);
		expect(limited.asked).toEqual([0, 1]);
	});

	it('stops when a server that ignores the page number repeats its page, and returns each record once', async () => {
		const s = server(() => ({ records: records(0, 10), last: false }));
		const all = await readAllPages(ctx, 'Svc', call, s.fetchPage);
		expect(all).toEqual(records(0, 10));
		expect(s.asked).toEqual([0, 1]);
	});

	it('keeps only the new records of a page that overlaps the previous one', async () => {
		const s = server((i) => ({ records: records(i * 5, 10), last: i === 3 }));
		const all = await readAllPages(ctx, 'Svc', call, s.fetchPage);
		expect(all.map((r) => r.id)).toEqual(records(0, 25).map((r) => r.id));
	});

	it('fails past the page cap, saying the server ignored paging and naming the item', async () => {
		const s = server((i) => ({ records: records(i * 10, 10), last: false }));
		await expect(readAllPages(ctx, 'Case Status', call, s.fetchPage, { maxPages: 7 })).rejects.toMatchObject({
			message: 'Case Status kept sending new pages after 7 pages while trying to list things; it seems to ignore paging',
			context: expect.objectContaining({ itemIndex: 3 }),
		});
		expect(s.asked).toHaveLength(7);
	});
});
