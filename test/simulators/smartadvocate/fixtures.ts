/**
 * Small, explicit FirmModels for the SmartAdvocate simulator tests (independent of the demo firm, so a change
 * to the demo data never breaks a contract test).
 */
import type { FirmCase, FirmDocument, FirmModel, FirmNote, FirmStaff } from '../../../simulators/shared/firm';

export const API_USER = { userId: 900, username: 'api.user', password: 'correct-horse-battery' };

export const STAFF: FirmStaff[] = [
	{ userId: 101, firstName: 'Alice', lastName: 'Archer', email: 'alice@firm.test', phone: '(555) 100-0101', kind: 'attorney', username: 'aarcher', inCaseStatus: true },
	{ userId: 102, firstName: 'Bob', lastName: 'Baker', email: 'bob@firm.test', phone: '(555) 100-0102', kind: 'paralegal', username: 'bbaker', inCaseStatus: true },
	{ userId: 103, firstName: 'Carol', lastName: 'Chen', email: 'carol@firm.test', phone: '(555) 100-0103', kind: 'attorney', username: 'cchen', inCaseStatus: true },
];

export const STAGES = [
	{ name: 'Intake', statuses: ['Pending Sign-Up', 'Retained'] },
	{ name: 'Pre-Litigation', statuses: ['Treating', 'Demand Sent'] },
	{ name: 'Litigation', statuses: ['LIT 03 - Lawsuit Served', 'Discovery'] },
	{ name: 'Closed', statuses: ['Settled', 'Closed'] },
];

export const NOTE_TYPES = ['Case', 'Plaintiff', 'Phone Message', 'Case Status - Incoming', 'Case Status - Outgoing'];

/** A fixed base time; every fixture time is an offset from it. */
export const T0 = Date.parse('2025-03-01T12:00:00.000Z');
export const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

export function testNote(noteId: number, overrides: Partial<FirmNote> = {}): FirmNote {
	return {
		noteId,
		noteTypeName: 'Case',
		subject: `Subject ${noteId}`,
		html: `<p>Note ${noteId}&nbsp;<strong>text</strong></p>`,
		authorUserId: 101,
		isSharedInClientPortal: false,
		isSharedWithAll: false,
		createdAt: at(noteId),
		...overrides,
	};
}

export function testDocument(id: number, overrides: Partial<FirmDocument> = {}): FirmDocument {
	return {
		service: 'smartadvocate',
		id,
		fileName: `document-${id}.pdf`,
		contentType: 'application/pdf',
		contentBase64: Buffer.from(`%PDF-1.4 document ${id}`).toString('base64'),
		folder: 'Case Documents',
		createdAt: at(id),
		...overrides,
	};
}

export function testCase(caseId: number, overrides: Partial<FirmCase> = {}): FirmCase {
	return {
		caseId,
		caseNumber: String(9000000 + caseId),
		caseName: `Client${caseId} v. Defendant${caseId}`,
		practiceArea: 0,
		status: 'Treating',
		openedDate: at(-10_000),
		incidentDate: at(-20_000),
		incidentFacts: `Rear-ended at a light (${caseId}).`,
		closed: false,
		staff: [
			{ userId: 101, role: 'Primary Attorney' },
			{ userId: 102, role: 'Paralegal' },
		],
		clients: [{ contactId: 50000 + caseId, firstName: `First${caseId}`, lastName: `Last${caseId}`, email: `client${caseId}@mail.test`, cellPhone: '(555) 201-3344' }],
		notes: [],
		createdAt: at(-10_000),
		modifiedAt: at(caseId),
		inCaseStatus: false,
		messages: [],
		documents: [],
		...overrides,
	};
}

export function testFirm(cases: FirmCase[] = [testCase(1)]): FirmModel {
	return {
		firmName: 'Test Firm LLP',
		apiUser: { ...API_USER },
		caseStatusApiKey: 'cs-test-key',
		staff: STAFF.map((s) => ({ ...s })),
		practiceAreas: [
			{ caseGroup: 'Personal Injury', caseType: 'Motor Vehicle Accident', csName: 'Motor Vehicle Accident', inCaseStatus: true },
			{ caseGroup: 'Personal Injury', caseType: 'Premises Liability', csName: 'Premises Liability', inCaseStatus: true },
			{ caseGroup: 'Workers Comp', caseType: 'Workplace Injury', csName: 'Workers Compensation', inCaseStatus: true },
		],
		stages: STAGES.map((s) => ({ ...s, statuses: [...s.statuses] })),
		noteTypes: [...NOTE_TYPES],
		cases,
	};
}

/** `n` plain cases (one client, two staff, one note each) — fast enough for 20,000. */
export function largeFirm(n: number): FirmModel {
	const statuses = STAGES.flatMap((s) => s.statuses);
	const cases: FirmCase[] = [];
	for (let i = 1; i <= n; i++) {
		cases.push(
			testCase(i, {
				status: statuses[i % statuses.length],
				practiceArea: i % 3,
				closed: i % 10 === 0,
				modifiedAt: new Date(T0 + i * 1000).toISOString(),
				notes: [testNote(i, { createdAt: new Date(T0 + i * 1000).toISOString() })],
			}),
		);
	}
	return testFirm(cases);
}
