import { simplifyCase, simplifyClient, simplifyDocument, simplifyNote, staffByRole } from '../../../../nodes/SmartAdvocate/helpers/simplify';

const staff = [
	{ userID: 1, firstName: 'Alice', lastName: 'Archer', email: 'alice@firm.test', role: 'Primary Attorney' },
	{ userID: 2, firstName: 'Carol', lastName: 'Chen', email: 'carol@firm.test', role: 'Managing Attorney' },
	{ userID: 3, firstName: 'Bob', lastName: 'Baker', email: 'bob@firm.test', role: 'Intake Paralegal' },
	{ userID: 4, firstName: 'Dan', lastName: 'Diaz', email: null, role: 'Case Manager' },
];

describe('staffByRole', () => {
	it('sorts staff into lead attorney, other attorneys, paralegals and case managers', () => {
		const roles = staffByRole(staff);
		expect(roles.leadAttorney).toEqual({ userId: 1, name: 'Alice Archer', email: 'alice@firm.test', role: 'Primary Attorney' });
		expect(roles.additionalAttorneys.map((p) => p.name)).toEqual(['Carol Chen']);
		expect(roles.paralegals.map((p) => p.name)).toEqual(['Bob Baker']);
		expect(roles.caseManagers).toEqual([{ userId: 4, name: 'Dan Diaz', email: null, role: 'Case Manager' }]);
	});

	it('has no lead attorney when nobody is Primary Attorney', () => {
		expect(staffByRole(staff.slice(1)).leadAttorney).toBeNull();
	});
});

describe('simplifyClient', () => {
	it('takes the phone labelled Cell, else the first phone', () => {
		const phones = [{ type: 'Home', number: '111' }, { type: 'Cell', number: '222' }];
		expect(simplifyClient({ uniqueContactId: 9, firstName: 'A', lastName: 'B', email: 'a@b.c', phones }).cellPhone).toBe('222');
		expect(simplifyClient({ uniqueContactId: 9, firstName: 'A', lastName: 'B', phones: [{ type: 'Work', number: '333' }] })).toEqual({
			contactId: 9,
			firstName: 'A',
			lastName: 'B',
			email: null,
			cellPhone: '333',
		});
	});
});

describe('simplifyCase', () => {
	const raw = {
		caseID: 516718,
		caseNumber: '9000002',
		caseName: 'Tim v. Berton',
		caseType: 'Motor Vehicle Accident',
		caseGroup: 'Personal Injury',
		caseStatus: 'Treating',
		caseStage: 'Pre-Litigation',
		caseOpenedDate: '2024-01-15T15:00:00Z',
		closedDate: null,
		incident: { incidentDate: '2023-12-30T08:30:00-05:00' },
		modifiedDate: '2025-02-01T10:00:00.5Z',
	};

	it('uses the incident date as the case date and says so', () => {
		const c = simplifyCase(raw, [], staff);
		expect(c).toMatchObject({
			caseId: 516718,
			caseNumber: '9000002',
			caseName: 'Tim v. Berton',
			description: 'Tim v. Berton',
			practiceArea: 'Motor Vehicle Accident',
			caseGroup: 'Personal Injury',
			status: 'Treating',
			stage: 'Pre-Litigation',
			caseDate: '2023-12-30T13:30:00.000Z',
			caseDateSource: 'incident',
			openedDate: '2024-01-15T15:00:00.000Z',
			closedDate: null,
			isClosed: false,
			modifiedDate: '2025-02-01T10:00:00.500Z',
		});
		expect(c.leadAttorney?.email).toBe('alice@firm.test');
	});

	it('falls back to the opened date when there is no incident date, and marks closed cases', () => {
		const c = simplifyCase({ ...raw, incident: { incidentDate: null }, closedDate: '2025-03-01T00:00:00Z' }, [], []);
		expect(c.caseDate).toBe('2024-01-15T15:00:00.000Z');
		expect(c.caseDateSource).toBe('opened');
		expect(c.isClosed).toBe(true);
		expect(c.leadAttorney).toBeNull();
		expect(c.additionalAttorneys).toEqual([]);
	});
});

describe('simplifyNote', () => {
	const note = {
		noteID: 1,
		caseID: 5,
		caseNumber: '9000005',
		noteTypeID: 11,
		noteTypeName: 'Plaintiff',
		noteText: 'Hi&nbsp;Maria<br>See you',
		userID: 3,
		noteDate: '2025-01-01T10:00:00Z',
		createdDate: '2025-01-01T10:00:12.3Z',
		modifiedDate: '2025-01-01T10:00:12.3Z',
		subject: 'Update',
		isSharedinCP: true,
		isSharedWithAll: false,
	};

	it('renames SmartAdvocate fields, adds clean text, and names the author from the case staff', () => {
		expect(simplifyNote(note, staff)).toEqual({
			noteId: 1,
			caseId: 5,
			caseNumber: '9000005',
			noteType: 'Plaintiff',
			noteTypeId: 11,
			subject: 'Update',
			html: 'Hi&nbsp;Maria<br>See you',
			text: 'Hi Maria\nSee you',
			isSharedInClientPortal: true,
			isSharedWithAll: false,
			authorUserId: 3,
			author: { name: 'Bob Baker', email: 'bob@firm.test' },
			noteDate: '2025-01-01T10:00:00.000Z',
			createdDate: '2025-01-01T10:00:12.300Z',
			modifiedDate: '2025-01-01T10:00:12.300Z',
		});
	});

	it('leaves the author empty when the author is not on the case staff', () => {
		expect(simplifyNote({ ...note, userID: 99 }, staff).author).toBeNull();
	});
});

describe('simplifyDocument', () => {
	it('keeps what identifies and describes the file', () => {
		expect(
			simplifyDocument({
				documentID: 7,
				caseID: 5,
				caseNumber: '9000005',
				documentName: 'Police Report.pdf',
				description: 'From PD',
				documentFolder: 'Case Documents',
				categoryName: 'General',
				contentType: 'application/pdf',
				fileSize: 1234,
				isSharedInPortal: false,
				documentDate: '2025-01-01T00:00:00Z',
				createdDate: '2025-01-02T00:00:00Z',
				modifiedDate: '2025-01-03T00:00:00Z',
			}),
		).toEqual({
			documentId: 7,
			caseId: 5,
			caseNumber: '9000005',
			fileName: 'Police Report.pdf',
			description: 'From PD',
			folder: 'Case Documents',
			category: 'General',
			contentType: 'application/pdf',
			fileSize: 1234,
			isSharedInClientPortal: false,
			documentDate: '2025-01-01T00:00:00.000Z',
			createdDate: '2025-01-02T00:00:00.000Z',
			modifiedDate: '2025-01-03T00:00:00.000Z',
		});
	});
});
