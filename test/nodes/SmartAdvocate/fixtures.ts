/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- runs in Node, never in n8n (eslint.dev.config.mjs) */
/**
 * A small firm for the SmartAdvocate node tests, with times relative to when it is built (the trigger
 * compares SmartAdvocate's stamps with n8n's clock, so "an hour ago" must really be an hour ago).
 */
import type { FirmCase, FirmDocument, FirmModel, FirmNote } from '../../../simulators/shared/firm';

export const API_USER = { userId: 900, username: 'n8n.integration', password: 'Pa55-word-never-shown' };

/** PNG signature plus a few bytes: enough to be recognised as a PNG. */
export const PNG_BYTES = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR fake image body')]);
export const PDF_BYTES = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

export interface Fixture {
	firm: FirmModel;
	/** Build time; fixture times are offsets from it. */
	now: number;
	ago(minutes: number): string;
}

export function buildFixture(now = Date.now()): Fixture {
	const ago = (minutes: number) => new Date(now - minutes * 60_000).toISOString();
	const note = (noteId: number, minutesAgo: number, overrides: Partial<FirmNote> = {}): FirmNote => ({
		noteId,
		noteTypeName: 'Case',
		subject: `Subject ${noteId}`,
		html: `<p>Note ${noteId}&nbsp;<strong>text</strong></p>`,
		authorUserId: 101,
		isSharedInClientPortal: false,
		isSharedWithAll: false,
		createdAt: ago(minutesAgo),
		...overrides,
	});
	const document = (id: number, fileName: string, contentType: string, bytes: Buffer, minutesAgo: number, folder = 'Case Documents'): FirmDocument => ({
		service: 'smartadvocate',
		id,
		fileName,
		contentType,
		contentBase64: bytes.toString('base64'),
		folder,
		createdAt: ago(minutesAgo),
	});
	const baseCase = (caseId: number, caseNumber: string, overrides: Partial<FirmCase> = {}): FirmCase => ({
		caseId,
		caseNumber,
		caseName: `Case ${caseNumber}`,
		practiceArea: 0,
		status: 'Treating',
		openedDate: '2024-01-15T15:00:00.000Z',
		incidentDate: null,
		incidentFacts: '',
		closed: false,
		staff: [{ userId: 101, role: 'Primary Attorney' }],
		clients: [],
		notes: [],
		createdAt: '2024-01-15T15:00:00.000Z',
		modifiedAt: ago(60 * 24 * 3),
		inCaseStatus: false,
		messages: [],
		documents: [],
		...overrides,
	});

	const cases: FirmCase[] = [
		baseCase(1001, '2024-0001', {
			caseName: 'Garcia v. Kessler',
			incidentDate: '2023-12-30T08:30:00.000Z',
			incidentFacts: 'Rear-ended at a red light.',
			staff: [
				{ userId: 101, role: 'Primary Attorney' },
				{ userId: 103, role: 'Secondary Attorney' },
				{ userId: 102, role: 'Paralegal' },
				{ userId: 105, role: 'Primary Paralegal' },
				{ userId: 104, role: 'Case Manager' },
			],
			clients: [
				{ contactId: 7001, firstName: 'Maria', lastName: 'Garcia', email: 'maria.garcia@mail.test', cellPhone: '(555) 201-3344' },
				{ contactId: 7002, firstName: 'Luis', lastName: 'Garcia', email: null, cellPhone: null },
			],
			notes: [
				note(501, 60 * 5, { noteTypeName: 'Plaintiff', isSharedInClientPortal: true, subject: 'Update for you', html: 'Your MRI is booked.<br>See you&nbsp;soon &amp; take care' }),
				note(502, 60 * 4, { noteTypeName: 'Case', authorUserId: 102 }),
				note(503, 60 * 3, { noteTypeName: 'Phone Message', authorUserId: 106 }),
			],
			documents: [
				document(801, 'Police Report.pdf', 'application/pdf', PDF_BYTES, 60 * 2),
				document(802, 'Scene Photo.png', 'image/png', PNG_BYTES, 60, 'Photos'),
			],
			modifiedAt: ago(60 * 24 * 2),
		}),
		baseCase(1002, '2024-0002', {
			caseName: 'Nguyen v. FreshMart Grocers',
			practiceArea: 1,
			status: 'Demand Sent',
			clients: [{ contactId: 7003, firstName: 'Anh', lastName: 'Nguyen', email: 'anh@mail.test', cellPhone: '(555) 300-4000' }],
			notes: [note(504, 60 * 2, { noteTypeName: 'Plaintiff', isSharedInClientPortal: true })],
			modifiedAt: ago(60 * 24),
		}),
		baseCase(1003, '2023-0107', {
			caseName: 'Okafor v. Delta Freight',
			practiceArea: 2,
			status: 'Settled',
			closed: true,
			closedDate: ago(60 * 24 * 10),
			modifiedAt: ago(60 * 24 * 10),
		}),
		// Case numbers with LIKE wildcards in them: a search must match them literally.
		baseCase(1004, '2024_1', { caseName: 'Underscore v. Wildcard', modifiedAt: ago(60 * 24 * 20) }),
		baseCase(1005, '2024X1', { caseName: 'Letter v. Wildcard', modifiedAt: ago(60 * 24 * 21) }),
	];

	const firm: FirmModel = {
		firmName: 'Hart & Mendez LLP',
		apiUser: { ...API_USER },
		caseStatusApiKey: 'cs-key',
		staff: [
			{ userId: 101, firstName: 'Alice', lastName: 'Archer', email: 'alice@firm.test', phone: '(555) 100-0101', kind: 'attorney', username: 'aarcher', inCaseStatus: true },
			{ userId: 102, firstName: 'Bob', lastName: 'Baker', email: 'bob@firm.test', phone: '(555) 100-0102', kind: 'paralegal', username: 'bbaker', inCaseStatus: true },
			{ userId: 103, firstName: 'Carol', lastName: 'Chen', email: 'carol@firm.test', phone: '(555) 100-0103', kind: 'attorney', username: 'cchen', inCaseStatus: true },
			{ userId: 104, firstName: 'Dan', lastName: 'Diaz', email: 'dan@firm.test', phone: '(555) 100-0104', kind: 'support', username: 'ddiaz', inCaseStatus: true },
			{ userId: 105, firstName: 'Erin', lastName: 'Evans', email: 'erin@firm.test', phone: '(555) 100-0105', kind: 'paralegal', username: 'eevans', inCaseStatus: true },
			{ userId: 106, firstName: 'Frank', lastName: 'Fox', email: 'frank@firm.test', phone: '(555) 100-0106', kind: 'support', username: 'ffox', inCaseStatus: false },
		],
		practiceAreas: [
			{ caseGroup: 'Personal Injury', caseType: 'Motor Vehicle Accident', csName: 'Motor Vehicle Accident', inCaseStatus: true },
			{ caseGroup: 'Personal Injury', caseType: 'Premises Liability', csName: 'Premises Liability', inCaseStatus: true },
			{ caseGroup: 'Workers Comp', caseType: 'Workplace Injury', csName: 'Workers Compensation', inCaseStatus: true },
		],
		stages: [
			{ name: 'Intake', statuses: ['Pending Sign-Up', 'Retained'] },
			{ name: 'Pre-Litigation', statuses: ['Treating', 'Demand Sent'] },
			{ name: 'Litigation', statuses: ['LIT 03 - Lawsuit Served', 'Discovery'] },
			{ name: 'Closed', statuses: ['Settled', 'Closed'] },
		],
		noteTypes: ['Case', 'Plaintiff', 'Phone Message', 'Case Status - Incoming', 'Case Status - Outgoing'],
		cases,
	};
	return { firm, now, ago };
}

/** Note type IDs as the simulator assigns them (from 10, in the firm's order). */
export const NOTE_TYPE_ID = { Case: 10, Plaintiff: 11, 'Phone Message': 12, 'Case Status - Incoming': 13, 'Case Status - Outgoing': 14 } as const;
