/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- runs in Node, never in n8n (eslint.dev.config.mjs) */
/**
 * A small firm for the Case Status node tests: the demo firm's staff, practice areas and stages, and
 * three cases already in Case Status with messages and files at times relative to when it is built.
 */
import { buildFirmSetup, FIRM_DOMAIN, STAFF_IDS } from '../../../simulators/shared/demoFirm';
import type { FirmCase, FirmDocument, FirmMessage, FirmModel } from '../../../simulators/shared/firm';

export const API_KEY = 'cs_test_key_7d41e0b9a2c64f55';

export const email = (first: string, last: string) => `${first}.${last}@${FIRM_DOMAIN}`.toLowerCase();

export const STAFF = {
	hartwell: email('Daniel', 'Hartwell'),
	mendez: email('Sofia', 'Mendez'),
	bell: email('Marcus', 'Bell'),
	raman: email('Priya', 'Raman'),
	/** Of counsel, without a Case Status account. */
	pratt: email('Gregory', 'Pratt'),
	tran: email('Jessica', 'Tran'),
	ortega: email('Carlos', 'Ortega'),
	fitzgerald: email('Amanda', 'Fitzgerald'),
};

/** The Garcia case exactly as the fixture puts it in Case Status, in Create or Update's words. */
export const GARCIA_AS_IS = {
	integrationId: '516718',
	readableId: '2025-00137',
	primaryAttorneyEmail: STAFF.hartwell,
	additionalFields: {
		description: 'Garcia v. Kessler — rear-ended at a red light',
		practiceArea: 'Motor Vehicle Accident',
		stage: 'Pre-Litigation',
		caseDate: '2025-02-01',
		attorneyEmails: STAFF.bell,
		paralegalEmails: STAFF.tran,
		closed: false,
	},
};

export const PDF_BYTES = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
/** Every byte value, so a lossy text round trip would show. */
export const BINARY_BYTES = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7 + 3) % 256));

export interface Fixture {
	firm: FirmModel;
	now: number;
	ago(minutes: number): string;
	/** Case Status IDs of the fixture cases. */
	cases: { garcia: number; nguyen: number; closedOkafor: number };
}

export function buildFixture(now = Date.now()): Fixture {
	const ago = (minutes: number) => new Date(now - minutes * 60_000).toISOString();
	const message = (messageId: number, direction: FirmMessage['direction'], senderId: number, minutesAgo: number, content: string): FirmMessage => ({
		messageId,
		direction,
		senderId,
		createdAt: ago(minutesAgo),
		content,
	});
	const document = (id: number, fileName: string, contentType: string, bytes: Buffer, minutesAgo: number, uploadedBy: 'client' | 'staff'): FirmDocument => ({
		service: 'casestatus',
		id,
		fileName,
		contentType,
		contentBase64: bytes.toString('base64'),
		uploadedBy,
		createdAt: ago(minutesAgo),
	});
	const base = (overrides: Partial<FirmCase> & Pick<FirmCase, 'caseId' | 'caseNumber' | 'csCaseId'>): FirmCase => ({
		caseName: `Case ${overrides.caseNumber}`,
		practiceArea: 0,
		status: 'Treating',
		openedDate: '2025-02-10T15:00:00.000Z',
		incidentDate: '2025-02-01T13:30:00.000Z',
		incidentFacts: '',
		closed: false,
		staff: [{ userId: STAFF_IDS.hartwell, role: 'Primary Attorney' }],
		clients: [],
		notes: [],
		createdAt: ago(60 * 24 * 30),
		modifiedAt: ago(60 * 24 * 3),
		inCaseStatus: true,
		messages: [],
		documents: [],
		...overrides,
	});
	const cases: FirmCase[] = [
		base({
			caseId: 516718,
			caseNumber: '2025-00137',
			csCaseId: 90001,
			caseName: 'Garcia v. Kessler — rear-ended at a red light',
			staff: [
				{ userId: STAFF_IDS.hartwell, role: 'Primary Attorney' },
				{ userId: STAFF_IDS.bell, role: 'Secondary Attorney' },
				{ userId: STAFF_IDS.tran, role: 'Paralegal' },
			],
			clients: [{ contactId: 7001, firstName: 'Maria', lastName: 'Garcia', email: 'maria.garcia@mail.test', cellPhone: '(555) 201-3344' }],
			messages: [
				message(5001, 'incoming', 7001, 60 * 5, 'Hi, any news on my claim?'),
				message(5002, 'outgoing', STAFF_IDS.tran, 60 * 4, 'Your MRI is booked for Monday.'),
				message(5003, 'incoming', 7001, 60 * 3, 'Thank you!'),
			],
			documents: [document(8001, 'police-report.pdf', 'application/pdf', PDF_BYTES, 60 * 6, 'client')],
		}),
		base({
			caseId: 516720,
			caseNumber: '2025-00140',
			csCaseId: 90002,
			caseName: 'Nguyen — slip and fall at FreshMart',
			practiceArea: 1,
			status: 'Retained',
			staff: [
				{ userId: STAFF_IDS.mendez, role: 'Primary Attorney' },
				{ userId: STAFF_IDS.ortega, role: 'Paralegal' },
			],
			clients: [{ contactId: 7002, firstName: 'Linh', lastName: 'Nguyen', email: null, cellPhone: '555.201.7788' }],
			messages: [message(5004, 'incoming', 7002, 60 * 2, 'I sent the photos.')],
			documents: [document(8002, 'settlement-offer.pdf', 'application/pdf', PDF_BYTES, 60 * 2, 'staff')],
		}),
		base({
			caseId: 516500,
			caseNumber: '2024-00982',
			csCaseId: 90003,
			caseName: 'Okafor — dog bite',
			practiceArea: 3,
			status: 'Settled',
			closed: true,
			closedDate: ago(60 * 24 * 10),
			clients: [{ contactId: 7003, firstName: 'Ada', lastName: 'Okafor', email: 'ada@mail.test', cellPhone: '(555) 201-9900' }],
		}),
	];
	return {
		firm: { ...buildFirmSetup(), caseStatusApiKey: API_KEY, cases },
		now,
		ago,
		cases: { garcia: 90001, nguyen: 90002, closedOkafor: 90003 },
	};
}
