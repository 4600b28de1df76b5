import { buildFixture, NOTE_TYPE_ID } from '../../../fixtures';
import { rl, runGetMany, useSa } from '../../../harness';

describe('SmartAdvocate › Note › Get Many', () => {
	const sa = useSa();
	const getMany = (parameters: Record<string, unknown>, options: Parameters<typeof runGetMany>[3] = {}) =>
		runGetMany(sa, 'note', parameters, options);
	const ids = (items: Awaited<ReturnType<typeof getMany>>) => items.map((i) => i.json.noteId);

	it('returns a case\'s notes newest first, with clean text and the author from the case staff', async () => {
		const items = await getMany({ searchBy: 'case', case: rl('id', '1001') });
		expect(ids(items)).toEqual([503, 502, 501]);
		expect(items.every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);
		const shared = items[2].json;
		expect(shared).toMatchObject({
			noteId: 501,
			caseNumber: '2024-0001',
			noteType: 'Plaintiff',
			subject: 'Update for you',
			text: 'Your MRI is booked.\nSee you soon & take care',
			isSharedInClientPortal: true,
			authorUserId: 101,
			author: { name: 'Alice Archer', email: 'alice@firm.test' },
			createdDate: sa.fixture.ago(60 * 5),
		});
		expect(items[1].json.author).toEqual({ name: 'Bob Baker', email: 'bob@firm.test' });
		// Frank (106) wrote a note but is not on the case staff.
		expect(items[0].json).toMatchObject({ authorUserId: 106, author: null });
	});

	it('finds the case by number and filters by note type and Shared in Client Portal', async () => {
		const byNumber = { searchBy: 'case', case: rl('caseNumber', '2024-0001') };
		expect(ids(await getMany({ ...byNumber, filters: { noteTypes: [NOTE_TYPE_ID.Case, NOTE_TYPE_ID['Phone Message']] } }))).toEqual([503, 502]);
		expect(ids(await getMany({ ...byNumber, filters: { onlySharedInClientPortal: true } }))).toEqual([501]);
		expect(ids(await getMany({ ...byNumber, filters: { createdSince: sa.fixture.ago(60 * 4) } }))).toEqual([503, 502]);
		expect(ids(await getMany({ ...byNumber, limit: 1 }))).toEqual([503]);
	});

	it('searches every case by modified date, oldest first — what the relay templates poll', async () => {
		const items = await getMany({ searchBy: 'modifiedDate', modifiedFrom: sa.fixture.ago(60 * 6), returnAll: true, simplify: false });
		expect(items.map((i) => i.json.noteID)).toEqual([501, 502, 503, 504]);
		const shared = await getMany({ searchBy: 'modifiedDate', modifiedFrom: sa.fixture.ago(60 * 6), filters: { onlySharedInClientPortal: true, noteTypes: ['Plaintiff'] } });
		expect(shared.map((i) => [i.json.noteId, i.json.caseNumber])).toEqual([[501, '2024-0001'], [504, '2024-0002']]);
	});

	it('applies Limit after the filters', async () => {
		const items = await getMany({ searchBy: 'modifiedDate', modifiedFrom: sa.fixture.ago(60 * 6), limit: 1, filters: { noteTypes: [NOTE_TYPE_ID['Phone Message']] } });
		expect(ids(items)).toEqual([503]);
	});

	it('reports an unknown case ID per item with Continue On Fail', async () => {
		const items = await getMany(
			{ searchBy: 'case', case: rl('id', '={{ $json.caseId }}') },
			{ continueOnFail: true, items: [{ json: { caseId: 1002 } }, { json: { caseId: 9999 } }] },
		);
		expect(items.map((i) => [i.json.noteId ?? i.json.error, i.pairedItem])).toEqual([
			[504, { item: 0 }],
			['No case with ID 9999 exists in SmartAdvocate', { item: 1 }],
		]);
	});

	it('lists only the given case\'s notes when the server sends every case\'s notes for it', async () => {
		await sa.admin.post('/__admin/config', { ignoreFilters: true });
		expect(ids(await getMany({ searchBy: 'case', case: rl('id', '1002') }))).toEqual([504]);
		expect(ids(await getMany({ searchBy: 'case', case: rl('caseNumber', '2024-0001') }))).toEqual([503, 502, 501]);
		expect(ids(await getMany({ searchBy: 'case', case: rl('id', '1002'), limit: 1 }))).toEqual([504]);
	});
});

describe('SmartAdvocate › Note › Get Many on a busy firm', () => {
	/** 600 more case notes, all older than the fixture's own. */
	const sa = useSa(() => {
		const fixture = buildFixture();
		const first = fixture.firm.cases[1].notes[0];
		fixture.firm.cases[1].notes.push(
			...Array.from({ length: 600 }, (_, i) => ({ ...first, noteId: 20000 + i, noteTypeName: 'Case', isSharedInClientPortal: false, createdAt: fixture.ago(60 * 24 - i) })),
		);
		return fixture;
	});

	it('reads one page, not every note, for Limit 1 with a filter', async () => {
		const items = await runGetMany(sa, 'note', { searchBy: 'modifiedDate', modifiedFrom: sa.fixture.ago(60 * 25), limit: 1, filters: { noteTypes: [NOTE_TYPE_ID.Case] }, simplify: false });
		expect(items.map((i) => i.json.noteID)).toEqual([20000]);
		expect((await sa.calls()).filter((c) => c === 'POST /case/notes/byDatePaged')).toHaveLength(1);
	});
});
