import { testCase, testFirm } from './fixtures';
import { startTestSim, type TestSim } from './harness';

const CASE_FIELDS = [
	'caseID', 'caseNumber', 'caseName', 'caseTypeID', 'caseType', 'caseGroupID', 'caseGroup', 'caseStatusID', 'caseStatus',
	'caseStatusFrom', 'caseStage', 'officeID', 'officeName', 'caseOpenedDate', 'closedDate', 'plaintiffs', 'secondStatuses',
	'createdDate', 'modifiedDate',
];
const CONTACT_INFO_FIELDS = ['incident', 'defendant', 'caseStaff'];

function firm() {
	return testFirm([
		testCase(1, {
			clients: [
				{ contactId: 50001, firstName: 'Tim', lastName: 'Berton', email: 'tim@mail.test', cellPhone: '(555) 201-3344' },
				{ contactId: 50099, firstName: 'Ann', lastName: 'Berton', email: null, cellPhone: null },
			],
		}),
		...Array.from({ length: 11 }, (_, i) => testCase(i + 2)),
		testCase(20, { caseNumber: 'AB-100', status: 'LIT 03 - Lawsuit Served', practiceArea: 2 }),
		testCase(21, { caseNumber: 'ABX100' }),
		testCase(22, { caseNumber: '7%OFF' }),
		testCase(23, { caseNumber: '7AOFF' }),
		testCase(30, { status: 'Unstaged Status' }),
		testCase(31, { status: 'Settled', closed: true }),
	]);
}

describe('SmartAdvocate simulator: cases', () => {
	let t: TestSim;
	beforeEach(async () => {
		t = await startTestSim(firm());
	});
	afterEach(() => t.close());

	const caseInfo = (Casenumber: string, extra: Record<string, string> = {}) => t.authed.get('/case/CaseInfo', { params: { Casenumber, ...extra } });
	const numbers = (data: { caseNumber: string }[]) => data.map((c) => c.caseNumber);

	describe('GET case/CaseInfo', () => {
		it('answers an array of cases with the documented fields', async () => {
			const response = await caseInfo('9000001');
			expect(response.status).toBe(200);
			expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
			expect(response.data).toHaveLength(1);
			const c = response.data[0];
			expect(Object.keys(c)).toEqual(CASE_FIELDS);
			expect(c).toMatchObject({
				caseID: 1,
				caseNumber: '9000001',
				caseName: 'Client1 v. Defendant1',
				caseType: 'Motor Vehicle Accident',
				caseGroup: 'Personal Injury',
				caseStatus: 'Treating',
				caseStage: 'Pre-Litigation',
				officeID: 1,
				officeName: 'Main Office',
				closedDate: null,
				secondStatuses: [],
				createdDate: '2025-02-22T13:20:00Z',
				modifiedDate: '2025-03-01T12:01:00Z',
			});
			expect(c.plaintiffs).toEqual([
				{ id: expect.any(Number), name: 'Berton, Tim', role: '(P)-Point of Contact', contactID: expect.any(Number), primary: true, primaryContact: true },
				{ id: expect.any(Number), name: 'Berton, Ann', role: '(P)-Plaintiff', contactID: expect.any(Number), primary: false, primaryContact: false },
			]);
		});

		it('adds incident, defendant and caseStaff with AddContactInfo=true, referrals with AddReferrals=true', async () => {
			const response = await caseInfo('9000001', { AddContactInfo: 'true', AddReferrals: 'True' });
			const c = response.data[0];
			expect(Object.keys(c)).toEqual([...CASE_FIELDS, ...CONTACT_INFO_FIELDS, 'referrals']);
			expect(Object.keys(c.incident)).toEqual(['incidentDate', 'state', 'incidentFacts', 'mergedFacts', 'comments']);
			expect(c.incident.incidentFacts).toBe('Rear-ended at a light (1).');
			expect(c.caseStaff).toEqual([
				{ userID: 101, firstName: 'Alice', lastName: 'Archer', email: 'alice@firm.test', phone: '(555) 100-0101', role: 'Primary Attorney' },
				{ userID: 102, firstName: 'Bob', lastName: 'Baker', email: 'bob@firm.test', phone: '(555) 100-0102', role: 'Paralegal' },
			]);
			expect(c.defendant).toEqual([]);
		});

		it('answers 200 [] when nothing matches, or 404 with caseInfoNotFoundAs404', async () => {
			const none = await caseInfo('1234');
			expect(none.status).toBe(200);
			expect(none.data).toEqual([]);
			await t.admin.post('/__admin/config', { caseInfoNotFoundAs404: true });
			expect((await caseInfo('1234')).status).toBe(404);
		});

		it('treats % as any run of characters', async () => {
			expect(numbers((await caseInfo('900000%')).data)).toEqual(['9000001', '9000002', '9000003', '9000004', '9000005', '9000006', '9000007', '9000008', '9000009']);
			expect(numbers((await caseInfo('900003%')).data)).toEqual(['9000030', '9000031']);
			expect((await caseInfo('%')).data).toHaveLength(18);
			expect(numbers((await caseInfo('%100')).data)).toEqual(['AB-100', 'ABX100']);
		});

		it('treats _ as exactly one character', async () => {
			expect(numbers((await caseInfo('AB_100')).data)).toEqual(['AB-100', 'ABX100']);
			expect(numbers((await caseInfo('900001_')).data)).toEqual(['9000010', '9000011', '9000012']);
			expect((await caseInfo('90000_')).data).toEqual([]);
		});

		it('matches a literal % written as [%], like SQL Server', async () => {
			expect(numbers((await caseInfo('7%OFF')).data)).toEqual(['7%OFF', '7AOFF']);
			expect(numbers((await caseInfo('7[%]OFF')).data)).toEqual(['7%OFF']);
		});

		it('matches an exact number only, ignoring case', async () => {
			expect(numbers((await caseInfo('ab-100')).data)).toEqual(['AB-100']);
			expect((await caseInfo('900000')).data).toEqual([]);
		});

		it('matches route and query names regardless of case', async () => {
			const headers = { Authorization: `Bearer ${await t.login()}` };
			const response = await t.admin.get('/casesyncapi/CASE/caseinfo?CASENUMBER=AB-100&addcontactinfo=TRUE', { headers });
			expect(response.status).toBe(200);
			expect(response.data[0].caseStaff).toHaveLength(2);
		});

		it('answers 400 problem+json without Casenumber or with a non-boolean flag', async () => {
			const missing = await t.authed.get('/case/CaseInfo');
			expect(missing.status).toBe(400);
			expect(missing.data.errors).toEqual({ Casenumber: ['The Casenumber field is required.'] });
			const flag = await caseInfo('9000001', { AddContactInfo: 'yes' });
			expect(flag.status).toBe(400);
			expect(Object.keys(flag.data.errors)).toEqual(['AddContactInfo']);
		});
	});

	describe('GET case/{caseID}', () => {
		it('answers the case with contact info', async () => {
			const one = await t.authed.get('/case/1');
			expect(one.status).toBe(200);
			const viaInfo = (await caseInfo('9000001', { AddContactInfo: 'true' })).data[0];
			expect(one.data).toEqual(viaInfo);
		});

		it('answers 404 with an empty body for an unknown or non-numeric ID', async () => {
			const unknown = await t.authed.get('/case/777', { responseType: 'text' });
			expect(unknown.status).toBe(404);
			expect(unknown.data).toBe('');
			expect((await t.authed.get('/case/abc')).status).toBe(404);
		});
	});

	it('GET case/{caseID}/contacts lists the clients with phones', async () => {
		const response = await t.authed.get('/case/1/contacts');
		expect(response.status).toBe(200);
		expect(response.data).toHaveLength(2);
		expect(Object.keys(response.data[0])).toEqual(['uniqueContactId', 'contactID', 'contactCtg', 'firstName', 'lastName', 'role', 'primary', 'email', 'emails', 'phones']);
		expect(response.data[0]).toMatchObject({
			uniqueContactId: 50001,
			contactCtg: 1,
			firstName: 'Tim',
			lastName: 'Berton',
			role: '(P)-Point of Contact',
			primary: true,
			email: 'tim@mail.test',
			emails: ['tim@mail.test'],
			phones: [{ type: 'Cell', number: '(555) 201-3344' }],
		});
		expect(response.data[1]).toMatchObject({ primary: false, email: null, emails: [], phones: [] });
		expect((await t.authed.get('/case/777/contacts')).status).toBe(404);
	});

	it('GET case/{caseID}/staff lists staff with role IDs', async () => {
		const response = await t.authed.get('/case/1/staff');
		expect(response.data).toEqual([
			{ userID: 101, firstName: 'Alice', lastName: 'Archer', email: 'alice@firm.test', phone: '(555) 100-0101', roleID: 1, role: 'Primary Attorney' },
			{ userID: 102, firstName: 'Bob', lastName: 'Baker', email: 'bob@firm.test', phone: '(555) 100-0102', roleID: 6, role: 'Paralegal' },
		]);
		expect((await t.authed.get('/case/777/staff')).status).toBe(404);
	});

	describe('lookups', () => {
		it('GET case/CaseGroup lists groups', async () => {
			const response = await t.authed.get('/case/CaseGroup');
			expect(response.data).toEqual([
				{ caseGroupID: 1, caseGroup: 'Personal Injury' },
				{ caseGroupID: 2, caseGroup: 'Workers Comp' },
			]);
		});

		it('GET case/CaseType lists types, filtered by CaseGroupID', async () => {
			const all = await t.authed.get('/case/CaseType');
			expect(all.data).toHaveLength(3);
			expect(Object.keys(all.data[0])).toEqual(['caseTypeID', 'caseType', 'caseGroupID']);
			const comp = await t.authed.get('/case/CaseType', { params: { casegroupid: 2 } });
			expect(comp.data).toEqual([{ caseTypeID: all.data[2].caseTypeID, caseType: 'Workplace Injury', caseGroupID: 2 }]);
		});

		it('GET case/statuses groups the primary statuses in stages, in order', async () => {
			const response = await t.authed.get('/case/statuses');
			expect(response.data.map((s: { stageName: string }) => s.stageName)).toEqual(['Intake', 'Pre-Litigation', 'Litigation', 'Closed']);
			expect(Object.keys(response.data[0])).toEqual(['stageID', 'stageName', 'statuses']);
			expect(response.data[2].statuses.map((s: { caseStatus: string }) => s.caseStatus)).toEqual(['LIT 03 - Lawsuit Served', 'Discovery']);
			expect(Object.keys(response.data[2].statuses[0])).toEqual(['caseStatusID', 'caseStatus']);
		});

		it('gives every case the stage that contains its status, and null for a status outside every stage', async () => {
			const stages = (await t.authed.get('/case/statuses')).data as { stageName: string; statuses: { caseStatusID: number }[] }[];
			const lit = (await t.authed.get('/case/20')).data;
			expect(lit.caseStage).toBe('Litigation');
			expect(stages.find((s) => s.stageName === 'Litigation')!.statuses.map((s) => s.caseStatusID)).toContain(lit.caseStatusID);
			const loose = (await t.authed.get('/case/30')).data;
			expect(loose).toMatchObject({ caseStatus: 'Unstaged Status', caseStage: null });
		});
	});

	describe('PUT case/{caseID}', () => {
		beforeEach(async () => {
			await t.admin.post('/__admin/clock', { now: '2025-06-01T10:00:00.250Z' });
		});

		it('changes the status by name, moving the case to that status’s stage and stamping the change', async () => {
			const response = await t.authed.put('/case/1', { caseStatus: 'discovery' });
			expect(response.status).toBe(200);
			expect(response.data).toMatchObject({ caseStatus: 'Discovery', caseStage: 'Litigation', caseStatusFrom: '2025-06-01T10:00:00.25Z', modifiedDate: '2025-06-01T10:00:00.25Z' });
			expect((await t.authed.get('/case/1')).data.caseStage).toBe('Litigation');
		});

		it('changes the status by ID and the name, and closes and reopens', async () => {
			const statuses = (await t.authed.get('/case/statuses')).data;
			const settled = statuses[3].statuses[0].caseStatusID;
			const closed = await t.authed.put('/case/2', { CaseStatusID: settled, caseName: 'Renamed', closedDate: '2025-05-31T00:00:00Z' });
			expect(closed.data).toMatchObject({ caseStatus: 'Settled', caseStage: 'Closed', caseName: 'Renamed', closedDate: '2025-05-31T00:00:00Z' });
			const reopened = await t.authed.put('/case/2', { closedDate: null });
			expect(reopened.data.closedDate).toBeNull();
		});

		it('does not touch caseStatusFrom when the status stays the same', async () => {
			const before = (await t.authed.get('/case/1')).data;
			const response = await t.authed.put('/case/1', { caseStatus: 'Treating' });
			expect(response.data.caseStatusFrom).toBe(before.caseStatusFrom);
			expect(response.data.modifiedDate).toBe('2025-06-01T10:00:00.25Z');
		});

		it('answers 400 problem+json for an unknown status and changes nothing', async () => {
			const response = await t.authed.put('/case/1', { caseStatusID: 99999, caseName: 'Should not stick' });
			expect(response.status).toBe(400);
			expect(response.data.errors.CaseStatusID).toEqual(['Case status 99999 does not exist.']);
			expect((await t.authed.get('/case/1')).data.caseName).toBe('Client1 v. Defendant1');
		});

		it('answers 403 when the API user may not update cases, 404 for an unknown case', async () => {
			expect((await t.authed.put('/case/777', { caseName: 'x' })).status).toBe(404);
			await t.admin.post('/__admin/config', { permissions: { canUpdateCase: false } });
			const forbidden = await t.authed.put('/case/1', { caseName: 'x' }, { responseType: 'text' });
			expect(forbidden.status).toBe(403);
			expect(forbidden.data).toBe('');
		});
	});

	describe('POST case/byDatePaged', () => {
		const search = (body: Record<string, unknown>) => t.authed.post('/case/byDatePaged', body);

		it('returns cases modified in the window (from inclusive, to exclusive), oldest first, with contact info', async () => {
			const response = await search({ modifiedFromDateTime: '2025-03-01T12:02:00Z', modifiedToDateTime: '2025-03-01T12:05:00Z', pageRequest: { currentPage: 0, pageSize: 10 } });
			expect(response.status).toBe(200);
			expect(response.data.records.map((c: { caseID: number }) => c.caseID)).toEqual([2, 3, 4]);
			expect(Object.keys(response.data.records[0])).toEqual([...CASE_FIELDS, ...CONTACT_INFO_FIELDS]);
			expect(response.data.pageRequest).toEqual({ currentPage: 0, pageSize: 10, totalRecords: 3, totalPages: 1 });
		});

		it('leaves out closed cases with includeClosed=false and filters by caseNumbers', async () => {
			const open = await search({ modifiedFromDateTime: '2025-03-01T12:30:00Z', includeClosed: false });
			expect(open.data.records.map((c: { caseID: number }) => c.caseID)).toEqual([30]);
			const picked = await search({ caseNumbers: ['ab-100', '9000003', 'nope'] });
			expect(picked.data.records.map((c: { caseNumber: string }) => c.caseNumber)).toEqual(['9000003', 'AB-100']);
		});

		it('sorts by a property path in either direction', async () => {
			const response = await search({ pageRequest: { pageSize: 3, sorts: [{ propertyPath: 'CaseNumber', sortDirection: 'Descending' }] } });
			expect(response.data.records.map((c: { caseNumber: string }) => c.caseNumber)).toEqual(['ABX100', 'AB-100', '9000031']);
		});

		it('answers 400 problem+json for an unknown sort path, a negative page, a bad date, numeric case numbers or no body, and 415 without JSON', async () => {
			const sort = await search({ pageRequest: { sorts: [{ propertyPath: 'string', sortDirection: 'Ascending' }] } });
			expect(sort.status).toBe(400);
			expect(sort.data.errors.Sorts[0]).toContain("'string' is not a sortable property");
			expect((await search({ pageRequest: { currentPage: -1 } })).status).toBe(400);
			const date = await search({ modifiedFromDateTime: 'yesterday' });
			expect(date.status).toBe(400);
			expect(Object.keys(date.data.errors)).toEqual(['$.modifiedFromDateTime']);
			const text = await t.authed.post('/case/byDatePaged', 'x', { headers: { 'Content-Type': 'text/plain' } });
			expect(text.status).toBe(415);
			const numeric = await search({ caseNumbers: [9000001] });
			expect(Object.keys(numeric.data.errors)).toEqual(['$.caseNumbers']);
			const empty = await t.authed.post('/case/byDatePaged', Buffer.alloc(0), { headers: { 'Content-Type': 'application/json' } });
			expect(empty.status).toBe(400);
		});
	});
});
