import { SmartAdvocate } from '../../../../../../nodes/SmartAdvocate/SmartAdvocate.node';
import { runNode } from '../../../../../support/n8nContext';
import { NOTE_TYPE_ID } from '../../../fixtures';
import { rl, startSa, type SaHarness } from '../../../harness';

describe('SmartAdvocate › Note › Create', () => {
	let sa: SaHarness;
	beforeAll(async () => {
		sa = await startSa();
	});
	afterAll(() => sa.close());
	beforeEach(() => sa.reset());

	const create = (parameters: Record<string, unknown>, options: Parameters<typeof runNode>[1] = {}) =>
		runNode(new SmartAdvocate(), {
			parameters: { resource: 'note', operation: 'create', case: rl('id', '1001'), noteType: NOTE_TYPE_ID.Plaintiff, text: 'Hello', ...parameters },
			credentials: sa.credentials,
			timezone: 'UTC',
			...options,
		});
	const storedNote = async (noteId: number) => {
		const { data } = await sa.admin.get('/__admin/state');
		return (data.notes as Array<Record<string, unknown>>).find((n) => n.noteID === noteId)!;
	};

	it('stores plain text as safe HTML and returns the simplified note', async () => {
		const [item] = await create({ subject: 'Message from client', text: 'Hi <team> & all,\nMRI done.', sharedInClientPortal: true });
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.json).toMatchObject({
			caseId: 1001,
			caseNumber: '2024-0001',
			noteType: 'Plaintiff',
			subject: 'Message from client',
			html: 'Hi &lt;team&gt; &amp; all,<br>MRI done.',
			text: 'Hi <team> & all,\nMRI done.',
			isSharedInClientPortal: true,
			isSharedWithAll: false,
			authorUserId: 900,
			author: null,
		});
		expect((await storedNote(item.json.noteId as number)).noteText).toBe('Hi &lt;team&gt; &amp; all,<br>MRI done.');
	});

	it('stores HTML as it is when Text Format is HTML', async () => {
		const [item] = await create({ text: '<p>Signed <strong>retainer</strong></p>', textFormat: 'html' });
		expect(item.json).toMatchObject({ html: '<p>Signed <strong>retainer</strong></p>', text: 'Signed retainer' });
	});

	it('finds the case by number, takes a note type name from an expression, and sets date, priority and sharing', async () => {
		const [item] = await create({
			case: rl('caseNumber', '2024-0002'),
			noteType: 'case status - incoming',
			additionalFields: { noteDate: '2025-02-03T04:05:00', priority: 'High', sharedWithAll: true },
			simplify: false,
		});
		expect(item.json).toMatchObject({
			caseID: 1002,
			noteTypeName: 'Case Status - Incoming',
			noteDate: '2025-02-03T04:05:00Z',
			priority: 'High',
			isSharedinCP: false,
			isSharedWithAll: true,
		});
	});

	it('names the note type when it does not exist, and lists the ones that do', async () => {
		const error = await create({ noteType: 'Carrier Pigeon' }).catch((e) => e);
		expect(error.message).toBe('No note type named "Carrier Pigeon" exists in SmartAdvocate');
		expect(error.description).toContain('Plaintiff');
	});

	it('passes SmartAdvocate\'s validation message on for an unknown note type ID', async () => {
		const error = await create({ noteType: 4242 }).catch((e) => e);
		expect(error.message).toBe('SmartAdvocate refused to add a note to case 1001: NoteTypeID: Note type 4242 does not exist.');
	});

	it('says so when the firm does not let this user write notes', async () => {
		await sa.admin.post('/__admin/config', { permissions: { canInsertNote: false } });
		const error = await create({}).catch((e) => e);
		expect(error.message).toBe('The SmartAdvocate user may not add a note to case 1001');
	});

	it('writes the good items and reports the bad one when one of three cases does not exist', async () => {
		const items = await create(
			{ case: rl('caseNumber', '={{ $json.caseNumber }}'), text: '={{ $json.message }}' },
			{
				continueOnFail: true,
				items: [
					{ json: { caseNumber: '2024-0001', message: 'one' } },
					{ json: { caseNumber: 'NOPE-1', message: 'two' } },
					{ json: { caseNumber: '2024-0002', message: 'three' } },
				],
			},
		);
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items.map((i) => i.json.text ?? i.json.error)).toEqual(['one', 'No case with number NOPE-1 exists in SmartAdvocate', 'three']);
		const { data } = await sa.admin.get('/__admin/state');
		expect((data.notes as Array<{ noteText: string }>).filter((n) => ['one', 'two', 'three'].includes(n.noteText)).map((n) => n.noteText)).toEqual(['one', 'three']);
	});

	it('does not send a note without text', async () => {
		await expect(create({ text: '   ' })).rejects.toThrow('The Text parameter is empty');
		expect((await sa.calls()).filter((c) => c.startsWith('POST'))).toEqual([]);
	});

	it('retries a 503 on create (SmartAdvocate did not act) and writes the note once', async () => {
		await sa.fault('/notes', 503, 1, { method: 'POST', retryAfter: 0 });
		const [item] = await create({ text: 'only once' });
		const { data } = await sa.admin.get('/__admin/state');
		expect((data.notes as Array<{ noteText: string }>).filter((n) => n.noteText === 'only once')).toHaveLength(1);
		expect(item.json.text).toBe('only once');
	});

	it('asks SmartAdvocate for its note types once per run, however many notes it writes', async () => {
		const items = [1, 2, 3].map((n) => ({ json: { message: `Note ${n}` } }));
		const output = await create({ noteType: 'Phone Message', text: '={{ $json.message }}' }, { items });
		expect(output.map((item) => item.json.noteType)).toEqual(['Phone Message', 'Phone Message', 'Phone Message']);
		expect((await sa.calls()).filter((call) => /notes\/types/i.test(call))).toHaveLength(1);
	});
	it('adds no second note with the same subject when Skip If a Note With This Subject Exists is on (a relay run from an older position)', async () => {
		const first = await create({ subject: 'Case Status message m-77', text: 'Hi' });
		const [again] = await create({ subject: 'Case Status message m-77', text: 'Hi', skipIfSubjectExists: true });
		expect(again.json).toMatchObject({ noteId: first[0].json.noteId, subject: 'Case Status message m-77', alreadyExisted: true });
		const [other] = await create({ subject: 'Case Status message m-78', text: 'Hi', skipIfSubjectExists: true });
		expect(other.json.alreadyExisted).toBeUndefined();
		const { data } = await sa.admin.get('/__admin/state');
		const subjects = (data.notes as Array<Record<string, unknown>>).map((n) => n.subject).filter((subject) => String(subject).startsWith('Case Status message m-'));
		expect(subjects.sort()).toEqual(['Case Status message m-77', 'Case Status message m-78']);
	});

	it('says what to map when the check is on but the subject is empty', async () => {
		await expect(create({ subject: '', skipIfSubjectExists: true })).rejects.toThrow('The Subject parameter is empty');
	});
});
