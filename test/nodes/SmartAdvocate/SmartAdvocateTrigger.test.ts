import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { SmartAdvocateTrigger } from '../../../nodes/SmartAdvocate/SmartAdvocateTrigger.node';
import { runPoll } from '../../support/n8nContext';
import { buildFixture, NOTE_TYPE_ID } from './fixtures';
import { startSa, type SaHarness } from './harness';

describe('SmartAdvocate Trigger', () => {
	let sa: SaHarness;
	beforeAll(async () => {
		sa = await startSa();
	});
	afterAll(() => sa.close());
	beforeEach(() => sa.reset());

	const poll = (staticData: IDataObject, parameters: IDataObject = {}, mode: 'trigger' | 'manual' = 'trigger') =>
		runPoll(new SmartAdvocateTrigger(), { parameters, credentials: sa.credentials, staticData, mode });
	/** A note a staff member writes in SmartAdvocate's UI (now, unless a time is given). */
	const writeNote = async (fields: IDataObject = {}) => {
		const response = await sa.admin.post('/__admin/notes', {
			caseID: 1001,
			noteTypeName: 'Plaintiff',
			noteText: 'Hello from the firm',
			userID: 101,
			isSharedinCP: true,
			...fields,
		});
		if (response.status !== 201) throw new Error(JSON.stringify(response.data));
		return response.data.noteID as number;
	};
	const noteIds = (items: INodeExecutionData[] | null) => (items ?? []).map((i) => i.json.noteId ?? i.json.noteID);
	const copy = (data: IDataObject) => JSON.parse(JSON.stringify(data)) as IDataObject;
	/** Activation: the first poll records where to start and emits nothing. */
	const activate = async (parameters: IDataObject = {}) => {
		const staticData: IDataObject = {};
		expect(await poll(staticData, parameters)).toBeNull();
		return staticData;
	};

	describe('New Note', () => {
		it('emits nothing on activation, though notes exist, and starts after the newest one', async () => {
			const staticData = await activate();
			const cursor = staticData.cursor as { watermark: string; seen: Record<string, string> };
			expect(cursor.watermark).toBe(sa.fixture.ago(120));
			expect(Object.keys(cursor.seen)).toContain('504');
			expect(await poll(staticData)).toBeNull();
		});

		it('does not fire for notes written minutes apart just before activation', async () => {
			await writeNote({ createdDate: new Date(Date.now() - 3 * 60_000).toISOString() });
			await writeNote({ createdDate: new Date(Date.now() - 2 * 60_000).toISOString() });
			const staticData = await activate();
			expect(await poll(staticData)).toBeNull();
		});

		it('emits a new note once, simplified, with its author', async () => {
			const staticData = await activate();
			const noteId = await writeNote({ noteText: 'MRI booked<br>Bring ID' });
			const items = await poll(staticData);
			expect(items).toHaveLength(1);
			expect(items![0].json).toMatchObject({
				noteId,
				caseId: 1001,
				caseNumber: '2024-0001',
				noteType: 'Plaintiff',
				text: 'MRI booked\nBring ID',
				isSharedInClientPortal: true,
				author: { name: 'Alice Archer', email: 'alice@firm.test' },
			});
			expect(await poll(staticData)).toBeNull();
		});

		it('emits several new notes oldest first, in one run', async () => {
			const staticData = await activate();
			const base = Date.now() - 5 * 60_000;
			const later = await writeNote({ createdDate: new Date(base + 2000).toISOString() });
			const earlier = await writeNote({ createdDate: new Date(base + 1000).toISOString(), caseID: 1002 });
			expect(noteIds(await poll(staticData))).toEqual([earlier, later]);
		});

		it('emits notes sharing one timestamp exactly once, even when they arrive across polls', async () => {
			const staticData = await activate();
			const same = new Date(Date.now() - 60_000).toISOString();
			const first = await writeNote({ createdDate: same });
			expect(noteIds(await poll(staticData))).toEqual([first]);
			const second = await writeNote({ createdDate: same });
			const third = await writeNote({ createdDate: same, caseID: 1002 });
			expect(noteIds(await poll(staticData))).toEqual([second, third]);
			expect(await poll(staticData)).toBeNull();
		});

		it('emits a late note stamped before the newest one seen, once, when it is within the lookback', async () => {
			const staticData = await activate();
			await writeNote();
			await poll(staticData);
			const watermark = Date.parse((staticData.cursor as { watermark: string }).watermark);
			const late = await writeNote({ createdDate: new Date(watermark - 2 * 60_000).toISOString() });
			expect(noteIds(await poll(staticData))).toEqual([late]);
			expect(await poll(staticData)).toBeNull();
		});

		it('loses nothing when a poll fails: the cursor stays and the next poll emits the note', async () => {
			const staticData = await activate();
			const noteId = await writeNote();
			const before = copy(staticData);
			// Five 503s in a row: every attempt of the transport fails, as in an outage.
			await sa.fault('notes/byDatePaged', 503, 5, { retryAfter: 0 });
			await expect(poll(staticData)).rejects.toThrow(/SmartAdvocate could not check for new notes/);
			expect(staticData).toEqual(before);
			expect(noteIds(await poll(staticData))).toEqual([noteId]);
		});

		it("fires a note whose author cannot be looked up, once, with the author empty and a warning; later notes are not blocked", async () => {
			const staticData = await activate();
			const noteId = await writeNote();
			await sa.fault('/case/1001', 403, 1, { method: 'GET' });
			const [item] = (await poll(staticData))!;
			expect(item.json).toMatchObject({ noteId, author: null });
			expect(item.json.warning).toMatch(/^The author's name and e-mail are empty: the staff of case 1001 could not be read/);
			expect(await poll(staticData)).toBeNull();
			const later = await writeNote();
			const [next] = (await poll(staticData))!;
			expect(next.json).toMatchObject({ noteId: later, author: expect.objectContaining({ name: expect.any(String) }) });
			expect(next.json.warning).toBeUndefined();
		});

		it('says which search is missing when the SmartAdvocate server does not offer it', async () => {
			const staticData = await activate();
			await sa.fault('notes/byDatePaged', 404);
			const error = await poll(staticData).catch((e) => e);
			expect(error.message).toBe('This SmartAdvocate server does not offer the note search by date (case/notes/byDatePaged) the trigger needs');
		});

		it('repeats nothing after a restart with the stored state, and still emits what is new', async () => {
			const staticData = await activate();
			await writeNote();
			await poll(staticData);
			const restored = copy(staticData);
			expect(await poll(restored)).toBeNull();
			const next = await writeNote();
			expect(noteIds(await poll(copy(restored)))).toEqual([next]);
		});

		it('fires only for the chosen note types and for notes shared in the client portal', async () => {
			const parameters = { noteTypes: [NOTE_TYPE_ID.Plaintiff, NOTE_TYPE_ID['Phone Message']], onlySharedInClientPortal: true };
			const staticData = await activate(parameters);
			const wanted = await writeNote({ noteTypeName: 'Plaintiff', isSharedinCP: true });
			await writeNote({ noteTypeName: 'Plaintiff', isSharedinCP: false });
			await writeNote({ noteTypeName: 'Case', isSharedinCP: true });
			const phone = await writeNote({ noteTypeName: 'Phone Message', isSharedinCP: true });
			expect(noteIds(await poll(staticData, parameters))).toEqual([wanted, phone]);
			expect(await poll(staticData, parameters)).toBeNull();
		});

		it('outputs SmartAdvocate\'s own note when Simplify is off', async () => {
			const staticData = await activate({ simplify: false });
			const noteId = await writeNote();
			const [item] = (await poll(staticData, { simplify: false }))!;
			expect(item.json).toMatchObject({ noteID: noteId, isSharedinCP: true, noteTypeName: 'Plaintiff' });
		});

		it.each(['Asia/Tokyo', 'America/Los_Angeles'])(
			'works with a server that writes local times without a zone (%s): nothing lost, nothing repeated',
			async (timeZone) => {
				await sa.admin.post('/__admin/config', { dateStyle: 'naive', timeZone });
				// The workflow runs in the firm's zone, so the credential's Server Time Zone may stay empty.
				const pollHere = (staticData: IDataObject) =>
					runPoll(new SmartAdvocateTrigger(), { parameters: {}, credentials: sa.credentials, staticData, mode: 'trigger', timezone: timeZone });
				const staticData: IDataObject = {};
				expect(await pollHere(staticData)).toBeNull();
				const first = await writeNote();
				expect(noteIds(await pollHere(staticData))).toEqual([first]);
				const second = await writeNote();
				expect(noteIds(await pollHere(staticData))).toEqual([second]);
				expect(await pollHere(staticData)).toBeNull();
			},
		);

		it('does not fire again when an existing note is edited', async () => {
			const staticData = await activate();
			await writeNote();
			await poll(staticData);
			// A staff member edits an old note in SmartAdvocate: only its modifiedDate moves.
			const state = sa.sim.service.state;
			const old = state.notes.get(502)!;
			old.noteText = 'Edited text';
			old.modifiedDate = Date.now();
			state.changed();
			expect(await poll(staticData)).toBeNull();
		});

		it('Fetch Test Event returns the most recent matching note and leaves the state alone', async () => {
			const staticData = await activate();
			const before = copy(staticData);
			const items = await poll(staticData, { onlySharedInClientPortal: true, noteTypes: [NOTE_TYPE_ID.Plaintiff] }, 'manual');
			expect(noteIds(items)).toEqual([504]);
			expect(items![0].json.caseNumber).toBe('2024-0002');
			expect(staticData).toEqual(before);

			const fresh: IDataObject = {};
			expect(noteIds(await poll(fresh, {}, 'manual'))).toEqual([504]);
			expect(fresh).toEqual({});
		});

		it('Fetch Test Event says how to make a sample when nothing matches', async () => {
			const error = await poll({}, { noteTypes: [NOTE_TYPE_ID['Case Status - Outgoing']] }, 'manual').catch((e) => e);
			expect(error.message).toBe('No note in SmartAdvocate matched this trigger in the last 30 days');
			expect(error.description).toMatch(/Add a note in SmartAdvocate/);
		});
	});

	describe('New Note, on a firm with no recent notes', () => {
		let quiet: SaHarness;
		beforeAll(async () => {
			quiet = await startSa(buildFixture(Date.now() - 3 * 24 * 60 * 60_000));
		});
		afterAll(() => quiet.close());
		beforeEach(() => quiet.reset());

		const pollQuiet = (staticData: IDataObject) =>
			runPoll(new SmartAdvocateTrigger(), { credentials: quiet.credentials, staticData, mode: 'trigger' });

		it.each(['utc-z', 'naive'])('emits the first note written after activation (%s times)', async (dateStyle) => {
			await quiet.admin.post('/__admin/config', { dateStyle, timeZone: 'America/Los_Angeles' });
			const staticData: IDataObject = {};
			expect(await pollQuiet(staticData)).toBeNull();
			expect(await pollQuiet(staticData)).toBeNull();
			const created = await quiet.admin.post('/__admin/notes', { caseID: 1002, noteTypeName: 'Case', noteText: 'First in days', userID: 101 });
			expect(noteIds(await pollQuiet(staticData))).toEqual([created.data.noteID]);
			expect(await pollQuiet(staticData)).toBeNull();
		});
	});

	describe('New or Updated Case', () => {
		const parameters = { event: 'newOrUpdatedCase' };

		it('emits nothing on activation, then each change of a case once', async () => {
			const staticData = await activate(parameters);
			await sa.admin.post('/__admin/cases/1002', { caseName: 'Nguyen v. FreshMart Grocers, Inc.' });
			const [changed] = (await poll(staticData, parameters))!;
			expect(changed.json).toMatchObject({ caseId: 1002, caseName: 'Nguyen v. FreshMart Grocers, Inc.', status: 'Demand Sent' });
			expect(changed.json.clients).toEqual([{ contactId: 7003, firstName: 'Anh', lastName: 'Nguyen', email: 'anh@mail.test', cellPhone: '(555) 300-4000' }]);
			expect(await poll(staticData, parameters)).toBeNull();

			await sa.admin.post('/__admin/cases/1002', { caseStatus: 'Settled' });
			const [again] = (await poll(staticData, parameters))!;
			expect(again.json).toMatchObject({ caseId: 1002, status: 'Settled', stage: 'Closed' });
		});

		it('a case whose clients cannot be read (403) still fires, with clients empty and a warning', async () => {
			const staticData = await activate(parameters);
			const at = new Date(Date.now() - 30_000).toISOString();
			await sa.admin.post('/__admin/cases/1001', { caseName: 'Renamed', modifiedDate: at });
			await sa.admin.post('/__admin/cases/1002', { caseName: 'Renamed too', modifiedDate: at });
			await sa.fault('/case/1001/contacts', 403, 10);
			const items = (await poll(staticData, parameters))!;
			expect(items.map((i) => [i.json.caseId, i.json.clients, i.json.warning])).toEqual([
				[1001, [], expect.stringMatching(/^Case 1001: the clients are empty: they could not be read/)],
				[1002, [expect.objectContaining({ lastName: 'Nguyen' })], undefined],
			]);
			expect(await poll(staticData, parameters)).toBeNull();
		});

		it('emits a new case, and two cases changed at the same moment both', async () => {
			const staticData = await activate(parameters);
			const at = new Date(Date.now() - 30_000).toISOString();
			await sa.admin.post('/__admin/cases/1001', { caseName: 'Renamed', modifiedDate: at });
			await sa.admin.post('/__admin/cases/1003', { caseName: 'Renamed too', modifiedDate: at });
			await sa.admin.post('/__admin/cases', { caseID: 2001, caseNumber: '2025-0001', caseName: 'Brand v. New' });
			const items = (await poll(staticData, parameters))!;
			expect(items.map((i) => i.json.caseId)).toEqual([1001, 1003, 2001]);
			expect(await poll(staticData, parameters)).toBeNull();
		});

		it('starts over from a new baseline when the event is switched', async () => {
			const staticData = await activate();
			expect(await poll(staticData, parameters)).toBeNull();
			expect(staticData.event).toBe('newOrUpdatedCase');
		});

		it('Fetch Test Event returns the most recently changed case', async () => {
			const staticData: IDataObject = {};
			const items = await poll(staticData, { ...parameters, simplify: false }, 'manual');
			expect(items!.map((i) => i.json.caseID)).toEqual([1002]);
			expect(staticData).toEqual({});
		});
	});
});
