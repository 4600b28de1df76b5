import type { IDataObject } from 'n8n-workflow';

import { rl, runGetMany, useCs } from '../../../harness';

const cs = useCs();
const getMany = (parameters: IDataObject) => runGetMany(cs, 'message', parameters);

const ids = (items: Array<{ json: IDataObject }>) => items.map((item) => item.json.messageId);

describe('Message → Get Many', () => {
	it('lists the messages of one case, oldest first, simplified', async () => {
		const output = await getMany({ scope: 'case', case: rl('readableId', '2025-00137') });
		expect(ids(output)).toEqual([5001, 5002, 5003]);
		expect(output[0].json).toEqual({
			messageId: 5001,
			caseId: 90001,
			readableId: '2025-00137',
			integrationId: '516718',
			direction: 'fromClient',
			content: 'Hi, any news on my claim?',
			senderName: 'Maria Garcia',
			sentAt: cs.fixture.ago(60 * 5),
			createdAt: cs.fixture.ago(60 * 5),
			externalId: null,
		});
		expect(output.map((item) => item.pairedItem)).toEqual(output.map(() => ({ item: 0 })));
	});

	it('lists the messages of the whole firm', async () => {
		expect(ids(await getMany({ scope: 'firm' }))).toEqual([5001, 5002, 5003, 5004]);
	});

	it('filters by direction', async () => {
		expect(ids(await getMany({ scope: 'firm', filters: { direction: 'fromClient' } }))).toEqual([5001, 5003, 5004]);
		expect(ids(await getMany({ scope: 'firm', filters: { direction: 'fromStaff' } }))).toEqual([5002]);
	});

	it('filters by time, including messages exactly at the given time', async () => {
		const output = await getMany({ scope: 'firm', filters: { since: cs.fixture.ago(60 * 3) } });
		expect(ids(output)).toEqual([5003, 5004]);
	});

	it('returns up to the limit', async () => {
		expect(ids(await getMany({ scope: 'firm', returnAll: false, limit: 2 }))).toEqual([5001, 5002]);
	});

	it('returns the raw messages when Simplify is off', async () => {
		const [first] = await getMany({ scope: 'case', case: rl('id', '90002'), simplify: false });
		expect(first.json).toMatchObject({ id: 5004, type: 'incoming', sender_name: 'Linh Nguyen' });
	});

	describe('a message whose type is missing or unknown', () => {
		const writeOdd = async () => {
			const system = await cs.addMessage({ case_id: 90001, direction: 'outgoing', content: 'Case stage changed', type: 'system' });
			const untyped = await cs.addMessage({ case_id: 90001, direction: 'outgoing', content: 'No type at all', type: null });
			return [system.id, untyped.id];
		};

		it('is listed with direction "unknown", never as from staff', async () => {
			const odd = await writeOdd();
			const output = await getMany({ scope: 'firm' });
			expect(output.filter((item) => odd.includes(item.json.messageId as number)).map((item) => item.json.direction)).toEqual([
				'unknown',
				'unknown',
			]);
		});

		it('is in neither "From Staff" nor "From Client", even when the server ignores the direction filter', async () => {
			await writeOdd();
			await cs.admin.post('/__admin/config', { ignoreFilters: true });
			expect(ids(await getMany({ scope: 'firm', filters: { direction: 'fromStaff' } }))).toEqual([5002]);
			expect(ids(await getMany({ scope: 'firm', filters: { direction: 'fromClient' } }))).toEqual([5001, 5003, 5004]);
		});
	});

	it("lists only the given case's messages even when the server ignores the case filter", async () => {
		await cs.admin.post('/__admin/config', { ignoreFilters: true });
		expect(ids(await getMany({ scope: 'case', case: rl('readableId', '2025-00140') }))).toEqual([5004]);
		expect(ids(await getMany({ scope: 'case', case: rl('integrationId', '516718') }))).toEqual([5001, 5002, 5003]);
		expect(ids(await getMany({ scope: 'case', case: rl('id', '90002') }))).toEqual([5004]);
	});

	it("counts only the given case's messages towards Limit when the server ignores the case filter", async () => {
		await cs.admin.post('/__admin/config', { ignoreFilters: true });
		expect(ids(await getMany({ scope: 'case', case: rl('id', '90002'), returnAll: false, limit: 1 }))).toEqual([5004]);
	});
});
