import type { IDataObject } from 'n8n-workflow';

import { CaseStatus } from '../../../nodes/CaseStatus/CaseStatus.node';
import { CaseStatusTrigger, LOOKBACK_MS } from '../../../nodes/CaseStatus/CaseStatusTrigger.node';
import { runNode, runPoll } from '../../support/n8nContext';
import { rl, startCs, type CsHarness } from './harness';

let cs: CsHarness;
beforeAll(async () => {
	cs = await startCs();
});
afterAll(() => cs.close());
beforeEach(() => cs.reset());

type Poll = (extra?: { staticData?: IDataObject; mode?: 'manual' | 'trigger' }) => Promise<IDataObject[] | null>;

/** A trigger with the given settings; each call is one poll sharing one static data, as in an active workflow. */
function trigger(parameters: IDataObject, staticData: IDataObject = {}): Poll & { staticData: IDataObject } {
	const poll = (async (extra = {}) => {
		const items = await runPoll(new CaseStatusTrigger(), {
			parameters,
			credentials: cs.credentials,
			staticData: extra.staticData ?? staticData,
			mode: extra.mode ?? 'trigger',
		});
		return items ? items.map((item) => item.json) : null;
	}) as Poll & { staticData: IDataObject };
	poll.staticData = staticData;
	return poll;
}

const clientWrites = (content: string, extra: IDataObject = {}) =>
	cs.addMessage({ case_id: 90001, direction: 'incoming', content, ...extra });
const staffWrites = (content: string, extra: IDataObject = {}) =>
	cs.addMessage({ case_id: 90002, direction: 'outgoing', content, ...extra });
const contents = (items: IDataObject[] | null) => (items ?? []).map((item) => item.content);
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value));

describe('Case Status Trigger → New Message', () => {
	it('starts from a baseline: the first poll emits nothing, and existing messages never fire', async () => {
		await clientWrites('two minutes before activation', { created_at: new Date(Date.now() - 120_000).toISOString() });
		await staffWrites('a minute before activation', { created_at: new Date(Date.now() - 60_000).toISOString() });
		const poll = trigger({ event: 'newMessage', direction: 'all' });
		expect(await poll()).toBeNull();
		expect(await poll()).toBeNull();
	});

	it('emits a new message once, simplified', async () => {
		const poll = trigger({ event: 'newMessage', direction: 'fromClient' });
		await poll();
		await clientWrites('Is there an update?');
		const items = await poll();
		expect(items).toEqual([
			expect.objectContaining({
				caseId: 90001,
				readableId: '2025-00137',
				integrationId: '516718',
				direction: 'fromClient',
				content: 'Is there an update?',
				senderName: 'Maria Garcia',
				externalId: null,
			}),
		]);
		expect(await poll()).toBeNull();
	});

	it('emits several new messages oldest first, in one run', async () => {
		const poll = trigger({ event: 'newMessage', direction: 'all' });
		await poll();
		const base = Date.now();
		await clientWrites('second', { created_at: new Date(base + 2000).toISOString() });
		await clientWrites('first', { created_at: new Date(base + 1000).toISOString() });
		await staffWrites('third', { created_at: new Date(base + 3000).toISOString() });
		expect(contents(await poll())).toEqual(['first', 'second', 'third']);
	});

	it('does not lose a message that shares its time with one already emitted, nor one that shows up late', async () => {
		const poll = trigger({ event: 'newMessage', direction: 'all' });
		await poll();
		const at = new Date(Date.now() + 5000).toISOString();
		await clientWrites('A', { created_at: at });
		expect(contents(await poll())).toEqual(['A']);
		await clientWrites('B, same time as A', { created_at: at });
		await clientWrites('C, stamped before A, visible only now', { created_at: new Date(Date.parse(at) - LOOKBACK_MS / 2).toISOString() });
		expect(contents(await poll())).toEqual(['C, stamped before A, visible only now', 'B, same time as A']);
		expect(await poll()).toBeNull();
	});

	it('keeps its place when a poll fails, and the next good poll emits what was missed', async () => {
		const poll = trigger({ event: 'newMessage', direction: 'all' });
		await poll();
		await clientWrites('written during the outage');
		const before = copy(poll.staticData);
		await cs.fault('GET /v1/api/messages', 503, 5, { retryAfter: 0 });
		await expect(poll()).rejects.toThrow(/Case Status could not get new messages after 5 attempts \(HTTP 503\)/);
		expect(poll.staticData).toEqual(before);
		expect(contents(await poll())).toEqual(['written during the outage']);
		expect(await poll()).toBeNull();
	});

	it('repeats nothing after a restart from the stored cursor, and misses nothing written meanwhile', async () => {
		const poll = trigger({ event: 'newMessage', direction: 'all' });
		await poll();
		await clientWrites('before the restart');
		expect(contents(await poll())).toEqual(['before the restart']);
		const stored = copy(poll.staticData);
		await clientWrites('while n8n was down');
		const restarted = trigger({ event: 'newMessage', direction: 'all' }, stored);
		expect(contents(await restarted())).toEqual(['while n8n was down']);
		expect(await restarted()).toBeNull();
	});

	it('follows only messages from clients, or only messages from staff', async () => {
		const fromClient = trigger({ event: 'newMessage', direction: 'fromClient' });
		const fromStaff = trigger({ event: 'newMessage', direction: 'fromStaff' });
		const all = trigger({ event: 'newMessage', direction: 'all' });
		await Promise.all([fromClient(), fromStaff(), all()]);
		await clientWrites('client says');
		await staffWrites('staff says');
		expect(contents(await fromClient())).toEqual(['client says']);
		expect(contents(await fromStaff())).toEqual(['staff says']);
		expect(contents(await all())).toEqual(['client says', 'staff says']);
	});

	it('skips messages a relay wrote (they carry an External ID) when asked to', async () => {
		const poll = trigger({ event: 'newMessage', direction: 'fromStaff', options: { ignoreRelayed: true } });
		const everything = trigger({ event: 'newMessage', direction: 'fromStaff' });
		await Promise.all([poll(), everything()]);
		await runNode(new CaseStatus(), {
			parameters: { resource: 'message', operation: 'send', case: rl('id', '90001'), content: 'relayed note', options: { externalId: 'sa-note:77' } },
			credentials: cs.credentials,
		});
		await staffWrites('typed in the app');
		expect(contents(await poll())).toEqual(['typed in the app']);
		expect(contents(await everything())).toEqual(['relayed note', 'typed in the app']);
		// The skipped message is behind the cursor too: it never comes back.
		expect(await poll()).toBeNull();
	});

	it('starts over from a new baseline when the event or a filter changes', async () => {
		const staticData: IDataObject = {};
		await trigger({ event: 'newMessage', direction: 'fromClient' }, staticData)();
		await staffWrites('staff message before the switch');
		const switched = trigger({ event: 'newMessage', direction: 'fromStaff' }, staticData);
		expect(await switched()).toBeNull();
		await staffWrites('staff message after the switch');
		expect(contents(await switched())).toEqual(['staff message after the switch']);
	});

	it('works when Case Status\'s clock is behind n8n\'s, by starting after its newest message', async () => {
		await cs.admin.post('/__admin/clock', { offsetMs: -60 * 60_000 });
		const poll = trigger({ event: 'newMessage', direction: 'all' });
		expect(await poll()).toBeNull();
		await clientWrites('stamped an hour behind');
		expect(contents(await poll())).toEqual(['stamped an hour behind']);
	});

	it('handles a firm with hundreds of messages: a quick baseline, and a backlog emitted in full', async () => {
		const base = Date.now() - 300 * 60_000;
		for (let i = 0; i < 250; i++) await clientWrites(`old ${i}`, { created_at: new Date(base + i * 60_000).toISOString() });
		const poll = trigger({ event: 'newMessage', direction: 'all' });
		await cs.admin.delete('/__admin/requests');
		expect(await poll()).toBeNull();
		const baselineReads = (await cs.requests()).filter((r) => r.path === '/v1/api/messages');
		expect(baselineReads.length).toBeLessThanOrEqual(5);
		for (let i = 0; i < 150; i++) await staffWrites(`new ${i}`);
		const emitted = await poll();
		expect(emitted).toHaveLength(150);
		expect(contents(emitted)).toEqual(Array.from({ length: 150 }, (_, i) => `new ${i}`));
		expect(await poll()).toBeNull();
	});

	describe('Fetch Test Event', () => {
		it('shows the most recent matching message and leaves the cursor alone', async () => {
			const staticData: IDataObject = {};
			const poll = trigger({ event: 'newMessage', direction: 'fromClient' }, staticData);
			expect(await poll({ mode: 'manual' })).toEqual([expect.objectContaining({ messageId: 5004, content: 'I sent the photos.' })]);
			expect(staticData).toEqual({});
		});

		it('skips relayed messages when asked to', async () => {
			await staffWrites('typed by staff', { created_at: new Date(Date.now() - 1000).toISOString() });
			await runNode(new CaseStatus(), {
				parameters: { resource: 'message', operation: 'send', case: rl('id', '90001'), content: 'relayed', options: { externalId: 'sa-note:1' } },
				credentials: cs.credentials,
			});
			const poll = trigger({ event: 'newMessage', direction: 'fromStaff', options: { ignoreRelayed: true } });
			expect(contents(await poll({ mode: 'manual' }))).toEqual(['typed by staff']);
		});

		it('shows the newest message when Case Status serves fewer per page than asked for', async () => {
			await cs.admin.post('/__admin/config', { pageSizeMax: 2 });
			const poll = trigger({ event: 'newMessage', direction: 'all' });
			expect(contents(await poll({ mode: 'manual' }))).toEqual(['I sent the photos.']);
		});

		it('never shows a message of unknown type as one from staff', async () => {
			await cs.addMessage({ case_id: 90001, direction: 'outgoing', content: 'typed by staff', created_at: new Date(Date.now() - 2000).toISOString() });
			await cs.addMessage({ case_id: 90001, direction: 'outgoing', content: 'stage changed', type: 'system' });
			await cs.admin.post('/__admin/config', { ignoreFilters: true });
			const poll = trigger({ event: 'newMessage', direction: 'fromStaff' });
			expect(contents(await poll({ mode: 'manual' }))).toEqual(['typed by staff']);
		});

		it('says so when nothing matches yet', async () => {
			await cs.admin.post('/__admin/seed', { ...cs.fixture.firm, cases: [] });
			const poll = trigger({ event: 'newMessage', direction: 'all' });
			await expect(poll({ mode: 'manual' })).rejects.toThrow('No message in Case Status matches this trigger yet');
		});
	});
});

describe('Case Status Trigger → New Document', () => {
	const share = (fileName: string, uploadedBy: 'client' | 'staff') =>
		cs.addFile({ case_id: 90001, file_name: fileName, content_base64: Buffer.from(fileName).toString('base64'), uploaded_by: uploadedBy });

	it('emits documents clients share, once', async () => {
		const poll = trigger({ event: 'newDocument', uploadedBy: 'fromClient' });
		expect(await poll()).toBeNull();
		await share('x-ray.pdf', 'client');
		await share('engagement-letter.pdf', 'staff');
		expect(await poll()).toEqual([
			expect.objectContaining({ fileName: 'x-ray.pdf', uploadedBy: 'client', caseId: 90001, readableId: '2025-00137' }),
		]);
		expect(await poll()).toBeNull();
	});

	it('emits documents shared by anyone', async () => {
		const poll = trigger({ event: 'newDocument', uploadedBy: 'all' });
		await poll();
		await share('x-ray.pdf', 'client');
		await share('engagement-letter.pdf', 'staff');
		expect((await poll())?.map((item) => item.fileName)).toEqual(['x-ray.pdf', 'engagement-letter.pdf']);
	});

	it('returns the raw record, download link included, when Simplify is off', async () => {
		const poll = trigger({ event: 'newDocument', uploadedBy: 'all', simplify: false });
		await poll();
		await share('x-ray.pdf', 'client');
		const [item] = (await poll())!;
		expect(item).toMatchObject({ file_name: 'x-ray.pdf', url: expect.stringContaining(cs.sim.fileHost.url) });
	});

	it('shows the most recent client document as the test event', async () => {
		const poll = trigger({ event: 'newDocument', uploadedBy: 'fromClient' });
		expect(await poll({ mode: 'manual' })).toEqual([expect.objectContaining({ fileId: 8001, fileName: 'police-report.pdf' })]);
	});
});
