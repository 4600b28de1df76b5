/**
 * SmartAdvocate servers that write local times without a zone (and those with an offset or `Z`):
 * the credential's Server Time Zone (else the workflow's) makes "Created Since" see every note.
 */
import { SmartAdvocate } from '../../../../nodes/SmartAdvocate/SmartAdvocate.node';
import { runNode } from '../../../support/n8nContext';
import { rl, startSa, type SaHarness } from '../harness';

describe('SmartAdvocate dates in the server time zone', () => {
	let sa: SaHarness;
	beforeAll(async () => {
		sa = await startSa();
	});
	afterAll(() => sa.close());
	beforeEach(() => sa.reset());

	const notesCreatedSince = (since: string, options: { timeZone?: string; workflowTimeZone?: string } = {}) =>
		runNode(new SmartAdvocate(), {
			parameters: { resource: 'note', operation: 'getAll', searchBy: 'case', case: rl('id', '1001'), filters: { createdSince: since }, simplify: false },
			credentials: { smartAdvocateApi: { ...sa.credentials.smartAdvocateApi, ...(options.timeZone ? { timeZone: options.timeZone } : {}) } },
			timezone: options.workflowTimeZone ?? 'UTC',
		});

	it.each(['utc-z', 'offset', 'naive'])(
		'a New York server writing %s dates: every note created since the filter time is seen',
		async (dateStyle) => {
			await sa.admin.post('/__admin/config', { dateStyle, timeZone: 'America/New_York' });
			const items = await notesCreatedSince(sa.fixture.ago(60 * 4), { timeZone: 'America/New_York' });
			expect(items.map((i) => i.json.noteID)).toEqual([503, 502]);
		},
	);

	it('uses the workflow time zone when the credential names none', async () => {
		await sa.admin.post('/__admin/config', { dateStyle: 'naive', timeZone: 'America/New_York' });
		const items = await notesCreatedSince(sa.fixture.ago(60 * 4), { workflowTimeZone: 'America/New_York' });
		expect(items.map((i) => i.json.noteID)).toEqual([503, 502]);
	});

	it('hands on a zone-less time with the server offset, so the wall time stays as SmartAdvocate wrote it', async () => {
		await sa.admin.post('/__admin/config', { dateStyle: 'naive', timeZone: 'Asia/Tokyo' });
		const [note] = await notesCreatedSince(sa.fixture.ago(60 * 10), { timeZone: 'Asia/Tokyo' });
		expect(note.json.createdDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?\+09:00$/);
		expect(Date.parse(note.json.createdDate as string)).toBe(sa.sim.service.state.notes.get(note.json.noteID as number)!.createdDate);
	});

	it('refuses an unknown time zone with a message naming the setting', async () => {
		await expect(notesCreatedSince(sa.fixture.ago(60), { timeZone: 'Mars/Olympus' })).rejects.toMatchObject({
			message: 'The time zone "Mars/Olympus" of the SmartAdvocate API credential is not known',
		});
	});
});
