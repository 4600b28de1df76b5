import { createHash } from 'node:crypto';
import { API_USER, testCase, testDocument, testFirm } from './fixtures';
import { startTestSim, type TestSim } from './harness';

describe('SmartAdvocate simulator: admin API', () => {
	let t: TestSim;
	beforeEach(async () => {
		t = await startTestSim(testFirm([testCase(1, { documents: [testDocument(501)] }), testCase(2)]));
		await t.admin.post('/__admin/clock', { now: '2025-06-01T12:00:00Z' });
	});
	afterEach(() => t.close());

	describe('POST /__admin/notes (a staff member writes a note in SA)', () => {
		it('adds a note by another author that the API then lists and finds by date', async () => {
			const response = await t.admin.post('/__admin/notes', { caseID: 1, noteTypeName: 'Plaintiff', noteText: '<p>Your check is ready</p>', userID: 101, isSharedinCP: true });
			expect(response.status).toBe(201);
			expect(response.data).toMatchObject({ caseID: 1, noteTypeName: 'Plaintiff', userID: 101, isSharedinCP: true, createdDate: '2025-06-01T12:00:00Z' });
			expect((await t.authed.get('/case/1/notes')).data[0].noteID).toBe(response.data.noteID);
			const found = await t.authed.post('/case/notes/byDatePaged', { modifiedFromDateTime: '2025-06-01T00:00:00Z' });
			expect(found.data.records.map((n: { noteID: number }) => n.noteID)).toEqual([response.data.noteID]);
		});

		it('back-dates with createdDate and finds the case by number', async () => {
			const response = await t.admin.post('/__admin/notes', { caseNumber: '9000002', noteTypeID: 10, noteText: 'old', userID: 102, createdDate: '2024-01-02T03:04:05.600Z' });
			expect(response.data).toMatchObject({ caseID: 2, createdDate: '2024-01-02T03:04:05.6Z', noteDate: '2024-01-02T03:04:00Z' });
		});

		it('refuses an unknown case, author or note type', async () => {
			expect((await t.admin.post('/__admin/notes', { caseID: 99, noteTypeID: 10, noteText: 'x', userID: 101 })).status).toBe(404);
			expect((await t.admin.post('/__admin/notes', { caseID: 1, noteTypeID: 10, noteText: 'x', userID: 5 })).status).toBe(400);
			expect((await t.admin.post('/__admin/notes', { caseID: 1, noteTypeName: 'Nope', noteText: 'x', userID: 101 })).status).toBe(400);
		});
	});

	describe('POST /__admin/cases/{caseID} (a case is edited in SA)', () => {
		it('changes status, staff and clients and bumps modifiedDate so date searches see it', async () => {
			const response = await t.admin.post('/__admin/cases/2', {
				caseStatus: 'Discovery',
				staff: [{ userID: 103, role: 'Primary Attorney' }, { userID: 102, role: 'Case Manager' }],
				clients: [{ contactId: 70001, firstName: 'Nia', lastName: 'Nolan', email: 'nia@mail.test', cellPhone: '555-777-1234' }],
				incidentFacts: 'Slipped on ice.',
			});
			expect(response.status).toBe(200);
			expect(response.data).toMatchObject({ caseStatus: 'Discovery', caseStage: 'Litigation', modifiedDate: '2025-06-01T12:00:00Z' });
			expect(response.data.caseStaff.map((s: { role: string; userID: number }) => `${s.userID} ${s.role}`)).toEqual(['103 Primary Attorney', '102 Case Manager']);
			expect(response.data.plaintiffs[0]).toMatchObject({ name: 'Nolan, Nia', primary: true });
			expect(response.data.incident.incidentFacts).toBe('Slipped on ice.');
			const contacts = await t.authed.get('/case/2/contacts');
			expect(contacts.data[0]).toMatchObject({ uniqueContactId: 70001, phones: [{ type: 'Cell', number: '555-777-1234' }] });
			const changed = await t.authed.post('/case/byDatePaged', { modifiedFromDateTime: '2025-06-01T00:00:00Z' });
			expect(changed.data.records.map((c: { caseID: number }) => c.caseID)).toEqual([2]);
		});

		it('sets an explicit modifiedDate, renumbers, and refuses a number already in use', async () => {
			const renumbered = await t.admin.post('/__admin/cases/2', { caseNumber: '2025-00137', modifiedDate: '2025-05-05T05:05:05Z' });
			expect(renumbered.data).toMatchObject({ caseNumber: '2025-00137', modifiedDate: '2025-05-05T05:05:05Z' });
			expect((await t.authed.get('/case/CaseInfo', { params: { Casenumber: '2025-00137' } })).data).toHaveLength(1);
			expect((await t.authed.get('/case/CaseInfo', { params: { Casenumber: '9000002' } })).data).toEqual([]);
			expect((await t.admin.post('/__admin/cases/2', { caseNumber: '9000001' })).status).toBe(400);
			expect((await t.admin.post('/__admin/cases/99', { caseName: 'x' })).status).toBe(404);
		});
	});

	describe('POST /__admin/cases (a case is opened in SA)', () => {
		it('creates a case the API finds by number and by date', async () => {
			const response = await t.admin.post('/__admin/cases', {
				caseNumber: '2025-00200',
				caseName: 'Nolan v. Acme',
				caseType: 'Premises Liability',
				caseStatus: 'Retained',
				staff: [{ userID: 101, role: 'Primary Attorney' }],
				clients: [{ firstName: 'Nia', lastName: 'Nolan', cellPhone: '(555) 777-1234' }],
			});
			expect(response.status).toBe(201);
			expect(response.data).toMatchObject({ caseID: 3, caseNumber: '2025-00200', caseType: 'Premises Liability', caseStage: 'Intake', createdDate: '2025-06-01T12:00:00Z' });
			expect((await t.authed.get('/case/CaseInfo', { params: { Casenumber: '2025-00200' } })).data[0].caseID).toBe(3);
			expect((await t.authed.get('/case/3/contacts')).data[0]).toMatchObject({ firstName: 'Nia', lastName: 'Nolan' });
		});

		it('refuses a duplicate ID or number, or a missing number', async () => {
			expect((await t.admin.post('/__admin/cases', { caseID: 1, caseNumber: 'new' })).status).toBe(400);
			expect((await t.admin.post('/__admin/cases', { caseNumber: '9000001' })).status).toBe(400);
			expect((await t.admin.post('/__admin/cases', { caseName: 'x' })).status).toBe(400);
			expect((await t.authed.get('/case/CaseInfo', { params: { Casenumber: '%' } })).data).toHaveLength(2);
		});
	});

	it('POST /__admin/documents attaches a document the API serves byte for byte', async () => {
		const bytes = Buffer.from('GIF89a staff scan');
		const response = await t.admin.post('/__admin/documents', { caseID: 1, fileName: 'scan.gif', contentType: 'image/gif', contentBase64: bytes.toString('base64'), userID: 102 });
		expect(response.status).toBe(201);
		expect(response.data).toMatchObject({ documentID: 502, documentName: 'scan.gif', createdUserID: 102, documentFolder: 'Case Documents' });
		const content = await t.authed.get('/case/document/502/content', { responseType: 'arraybuffer' });
		expect(Buffer.from(content.data).equals(bytes)).toBe(true);
		expect((await t.admin.post('/__admin/documents', { caseID: 1, contentBase64: 'eA==' })).status).toBe(400);
	});

	it('GET /__admin/state shows the state without passwords, with document hashes and ISO times', async () => {
		const state = (await t.admin.get('/__admin/state')).data;
		expect(state.users.find((u: { userID: number }) => u.userID === API_USER.userId)).toEqual({
			userID: 900, username: 'api.user', firstName: 'API', lastName: 'Integration', email: '', phone: '', canLogIn: true,
		});
		expect(state.cases.map((c: { caseID: number }) => c.caseID)).toEqual([1, 2]);
		expect(state.cases[0].modifiedDate).toBe('2025-03-01T12:01:00.000Z');
		expect(state.documents[0]).toMatchObject({
			documentID: 501,
			fileSize: 21,
			sha256: createHash('sha256').update('%PDF-1.4 document 501').digest('hex'),
		});
		expect(state.settings.dateStyle).toBe('utc-z');
	});

	describe('POST /__admin/seed', () => {
		it('replaces the firm with a posted FirmModel', async () => {
			const seeded = await t.admin.post('/__admin/seed', testFirm([testCase(42)]));
			expect(seeded.status).toBe(200);
			expect((await t.authed.get('/case/CaseInfo', { params: { Casenumber: '%' } })).data.map((c: { caseID: number }) => c.caseID)).toEqual([42]);
		});

		it('refuses something that is not a FirmModel and keeps the old state', async () => {
			expect((await t.admin.post('/__admin/seed', { cases: [] })).status).toBe(400);
			expect((await t.admin.post('/__admin/seed', testFirm([testCase(1, { modifiedAt: 'not a date' })]))).status).toBe(400);
			expect((await t.authed.get('/case/CaseInfo', { params: { Casenumber: '%' } })).data).toHaveLength(2);
		});

		it('goes back to the starting firm on reset', async () => {
			await t.admin.post('/__admin/seed', testFirm([testCase(42)]));
			await t.admin.post('/__admin/reset');
			expect((await t.authed.get('/case/CaseInfo', { params: { Casenumber: '%' } })).data).toHaveLength(2);
		});
	});

	describe('POST /__admin/config', () => {
		it('answers the settings in force', async () => {
			const response = await t.admin.post('/__admin/config', { envelope: 'documents', permissions: { canInsertNote: false } });
			expect(response.data).toEqual({
				tokenLifetimeSeconds: 7200,
				clockSkewSeconds: 0,
				dateStyle: 'utc-z',
				timeZone: 'America/Los_Angeles',
				envelope: 'documents',
				badCredentialsStatus: 400,
				notesNotFoundAs404: false,
				caseInfoNotFoundAs404: false,
				ignoreCaseNumberFilter: false,
				realContentType: false,
				maxUploadBytes: 52428800,
				permissions: { canInsertNote: false, canUpdateCase: true, canUploadDocument: true },
				ignoreFilters: false,
			});
		});

		it('refuses unknown settings and bad values, changing nothing', async () => {
			for (const body of [{ tokenLifetime: 5 }, { tokenLifetimeSeconds: 0 }, { envelope: 'page' }, { badCredentialsStatus: 403 }, { permissions: { canDelete: true } }, { realContentType: 'yes' }]) {
				expect((await t.admin.post('/__admin/config', body)).status).toBe(400);
			}
			expect((await t.admin.post('/__admin/config', {})).data.tokenLifetimeSeconds).toBe(7200);
		});
	});
});
