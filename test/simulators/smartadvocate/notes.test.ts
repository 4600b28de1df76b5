import { NOTE_TYPES, testCase, testFirm, testNote } from './fixtures';
import { startTestSim, type TestSim } from './harness';

const NOTE_FIELDS = [
	'noteID', 'caseID', 'caseNumber', 'noteTypeID', 'noteTypeName', 'noteText', 'uniqueContactId', 'uniqueContactName', 'priority',
	'userID', 'noteDate', 'createdDate', 'modifiedDate', 'subject', 'isSharedinCP', 'isSharedWithAll',
];

const NOW = '2025-06-01T18:52:10.107Z';

function firm() {
	return testFirm([
		testCase(1, {
			notes: [
				testNote(11, { html: '<p>First&nbsp;<strong>note</strong><br></p>' }),
				testNote(12, { noteTypeName: 'Plaintiff', isSharedInClientPortal: true, authorUserId: 102 }),
				testNote(13),
			],
		}),
		testCase(2),
	]);
}

describe('SmartAdvocate simulator: notes', () => {
	let t: TestSim;
	beforeEach(async () => {
		t = await startTestSim(firm());
		await t.admin.post('/__admin/clock', { now: NOW });
	});
	afterEach(() => t.close());

	const create = (body: unknown, caseID = 1) => t.authed.post(`/case/${caseID}/notes`, body);

	describe('reading', () => {
		it('GET case/{caseID}/notes answers the documented fields, newest first, HTML untouched', async () => {
			const response = await t.authed.get('/case/1/notes');
			expect(response.status).toBe(200);
			expect(response.data.map((n: { noteID: number }) => n.noteID)).toEqual([13, 12, 11]);
			expect(Object.keys(response.data[0])).toEqual(NOTE_FIELDS);
			expect(response.data[2]).toEqual({
				noteID: 11,
				caseID: 1,
				caseNumber: '9000001',
				noteTypeID: 10,
				noteTypeName: 'Case',
				noteText: '<p>First&nbsp;<strong>note</strong><br></p>',
				uniqueContactId: 50001,
				uniqueContactName: 'Last1, First1',
				priority: 'Normal',
				userID: 101,
				noteDate: '2025-03-01T12:11:00Z',
				createdDate: '2025-03-01T12:11:00Z',
				modifiedDate: '2025-03-01T12:11:00Z',
				subject: 'Subject 11',
				isSharedinCP: false,
				isSharedWithAll: false,
			});
			expect(response.data[1]).toMatchObject({ noteTypeName: 'Plaintiff', isSharedinCP: true, userID: 102 });
		});

		it('GET case/{caseID}/notes answers [] for a case without notes and 404 for an unknown case', async () => {
			expect((await t.authed.get('/case/2/notes')).data).toEqual([]);
			expect((await t.authed.get('/case/777/notes')).status).toBe(404);
		});

		it('GET case/notes/byCaseNumber answers the same list', async () => {
			const byNumber = await t.authed.get('/case/notes/byCaseNumber', { params: { casenumber: '9000001' } });
			expect(byNumber.status).toBe(200);
			expect(byNumber.data).toEqual((await t.authed.get('/case/1/notes')).data);
		});

		it('GET case/notes/byCaseNumber answers 404 for an unknown case, and for no notes with notesNotFoundAs404', async () => {
			expect((await t.authed.get('/case/notes/byCaseNumber', { params: { CaseNumber: '123' } })).status).toBe(404);
			expect((await t.authed.get('/case/notes/byCaseNumber', { params: { CaseNumber: '9000002' } })).data).toEqual([]);
			await t.admin.post('/__admin/config', { notesNotFoundAs404: true });
			expect((await t.authed.get('/case/notes/byCaseNumber', { params: { CaseNumber: '9000002' } })).status).toBe(404);
			expect((await t.authed.get('/case/notes/byCaseNumber', { params: { CaseNumber: '9000001' } })).status).toBe(200);
			expect((await t.authed.get('/case/notes/byCaseNumber')).status).toBe(400);
		});

		it('GET case/notes/types lists the firm’s note types from ID 10', async () => {
			const response = await t.authed.get('/case/notes/types');
			expect(response.data).toEqual(NOTE_TYPES.map((noteTypeName, i) => ({ noteTypeID: 10 + i, noteTypeName })));
		});
	});

	describe('POST case/{caseID}/notes', () => {
		it('creates a note by type ID, keeping the HTML and stamping the author and the clock', async () => {
			const html = '<p>Hello&nbsp;<strong>Tim</strong>,<br>your <em>demand</em> went out &amp; we wait.</p>';
			const response = await create({ noteTypeID: 10, noteText: html, subject: 'Demand' });
			expect(response.status).toBe(201);
			expect(Object.keys(response.data)).toEqual(NOTE_FIELDS);
			expect(response.data).toMatchObject({
				noteID: 14,
				caseID: 1,
				caseNumber: '9000001',
				noteTypeID: 10,
				noteTypeName: 'Case',
				noteText: html,
				uniqueContactId: null,
				uniqueContactName: '',
				priority: 'Normal',
				userID: 900,
				noteDate: '2025-06-01T18:52:00Z',
				createdDate: '2025-06-01T18:52:10.107Z',
				modifiedDate: '2025-06-01T18:52:10.107Z',
				subject: 'Demand',
				isSharedinCP: false,
				isSharedWithAll: false,
			});
			const list = await t.authed.get('/case/1/notes');
			expect(list.data[0]).toEqual(response.data);
		});

		it('creates a note by type name regardless of case, shared in the client portal', async () => {
			const response = await create({ NoteTypeName: 'plaintiff', NoteText: 'Hi', IsSharedinCP: true, isSharedWithAll: true, uniqueContactId: 50001, priority: 'high' });
			expect(response.status).toBe(201);
			expect(response.data).toMatchObject({ noteTypeID: 11, noteTypeName: 'Plaintiff', isSharedinCP: true, isSharedWithAll: true, uniqueContactName: 'Last1, First1', priority: 'High' });
		});

		it('accepts a numeric string for noteTypeID and an explicit noteDate (kept to the minute)', async () => {
			const response = await create({ noteTypeID: '12', noteText: 'Called', noteDate: '2025-05-30T09:15:42Z' });
			expect(response.status).toBe(201);
			expect(response.data).toMatchObject({ noteTypeName: 'Phone Message', noteDate: '2025-05-30T09:15:00Z' });
		});

		it('answers 400 problem+json for an unknown note type and stores nothing', async () => {
			const byId = await create({ noteTypeID: 999, noteText: 'x' });
			expect(byId.status).toBe(400);
			expect(byId.headers['content-type']).toMatch(/^application\/problem\+json/);
			expect(byId.data).toMatchObject({ type: 'https://tools.ietf.org/html/rfc7231#section-6.5.1', status: 400, errors: { NoteTypeID: ['Note type 999 does not exist.'] } });
			const byName = await create({ noteTypeName: 'Memo', noteText: 'x' });
			expect(byName.data.errors.NoteTypeID).toEqual(["Note type 'Memo' does not exist."]);
			expect((await t.authed.get('/case/1/notes')).data).toHaveLength(3);
		});

		it('answers 400 for a missing type, mismatched ID and name, empty text, a bad priority or an unknown contact', async () => {
			expect((await create({ noteText: 'x' })).data.errors).toEqual({ NoteTypeID: ['The NoteTypeID field is required.'] });
			expect(Object.keys((await create({ noteTypeID: 10, noteTypeName: 'Plaintiff', noteText: 'x' })).data.errors)).toEqual(['NoteTypeName']);
			expect((await create({ noteTypeID: 10, noteText: '   ' })).data.errors).toEqual({ NoteText: ['The NoteText field is required.'] });
			expect(Object.keys((await create({ noteTypeID: 10, noteText: 'x', priority: 'Urgent' })).data.errors)).toEqual(['Priority']);
			expect(Object.keys((await create({ noteTypeID: 10, noteText: 'x', uniqueContactId: 1 })).data.errors)).toEqual(['UniqueContactId']);
		});

		it('answers 400 when a value has the wrong JSON type, as System.Text.Json does', async () => {
			const response = await create({ noteTypeID: 10, noteText: 'x', isSharedinCP: 'true' });
			expect(response.status).toBe(400);
			expect(Object.keys(response.data.errors)).toEqual(['$.isSharedinCP']);
			const badType = await create({ NoteTypeId: true, noteText: 'x' });
			expect(badType.data.errors).toEqual({ '$.NoteTypeId': ['The JSON value could not be converted to System.Int32. Path: $.NoteTypeId'] });
		});

		it('answers 415 without a JSON content type and 400 for an empty or broken body', async () => {
			const text = await t.authed.post('/case/1/notes', 'noteText=x', { headers: { 'Content-Type': 'text/plain' } });
			expect(text.status).toBe(415);
			const empty = await t.authed.post('/case/1/notes', Buffer.alloc(0), { headers: { 'Content-Type': 'application/json' } });
			expect(empty.status).toBe(400);
			expect(empty.data.errors).toEqual({ '': ['A non-empty request body is required.'] });
			const broken = await t.authed.post('/case/1/notes', Buffer.from('{"noteText":'), { headers: { 'Content-Type': 'application/json' } });
			expect(broken.status).toBe(400);
			expect(Object.keys(broken.data.errors)).toEqual(['$']);
			const notAnObject = await t.authed.post('/case/1/notes', Buffer.from('"text"'), { headers: { 'Content-Type': 'application/json' } });
			expect(notAnObject.status).toBe(400);
		});

		it('answers 403 with an empty body when the API user may not insert notes', async () => {
			await t.admin.post('/__admin/config', { permissions: { canInsertNote: false } });
			const response = await create({ noteTypeID: 10, noteText: 'x' });
			expect(response.status).toBe(403);
			expect(response.data).toBe('');
			expect((await t.authed.get('/case/1/notes')).data).toHaveLength(3);
		});

		it('answers 404 for an unknown case', async () => {
			expect((await create({ noteTypeID: 10, noteText: 'x' }, 777)).status).toBe(404);
		});
	});

	describe('POST case/notes/byDatePaged', () => {
		it('finds notes modified in the window, oldest first, including new ones', async () => {
			await create({ noteTypeID: 10, noteText: 'new' }, 2);
			const response = await t.authed.post('/case/notes/byDatePaged', {
				modifiedFromDateTime: '2025-03-01T12:12:00Z',
				modifiedToDateTime: '2025-07-01T00:00:00Z',
				pageRequest: { currentPage: 0, pageSize: 50 },
			});
			expect(response.status).toBe(200);
			expect(response.data.records.map((n: { noteID: number }) => n.noteID)).toEqual([12, 13, 14]);
			expect(Object.keys(response.data.records[0])).toEqual(NOTE_FIELDS);
			expect(response.data.pageRequest).toEqual({ currentPage: 0, pageSize: 50, totalRecords: 3, totalPages: 1 });
		});

		it('excludes the upper bound and filters by case numbers', async () => {
			const upper = await t.authed.post('/case/notes/byDatePaged', { modifiedFromDateTime: '2025-03-01T12:11:00Z', modifiedToDateTime: '2025-03-01T12:13:00Z' });
			expect(upper.data.records.map((n: { noteID: number }) => n.noteID)).toEqual([11, 12]);
			await create({ noteTypeID: 10, noteText: 'other case' }, 2);
			const case2 = await t.authed.post('/case/notes/byDatePaged', { caseNumbers: ['9000002'] });
			expect(case2.data.records.map((n: { caseID: number }) => n.caseID)).toEqual([2]);
		});

		it('reads a window without zone as the server’s local time', async () => {
			await t.admin.post('/__admin/config', { dateStyle: 'offset' });
			// 04:11 in Los Angeles (PST, -08:00) is 12:11 UTC.
			const response = await t.authed.post('/case/notes/byDatePaged', { modifiedFromDateTime: '2025-03-01T04:12:00', modifiedToDateTime: '2025-03-01T04:13:00' });
			expect(response.data.records.map((n: { noteID: number }) => n.noteID)).toEqual([12]);
			expect(response.data.records[0].createdDate).toBe('2025-03-01T04:12:00-08:00');
		});
	});
});
