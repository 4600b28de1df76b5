/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- runs in Node, never in n8n (eslint.dev.config.mjs) */
/**
 * Small firm models for the Case Status simulator tests, and a harness that starts the simulator (API and
 * file host on free ports) with axios clients that never throw on a status.
 */
import axios, { type AxiosInstance } from 'axios';
import type { FirmCase, FirmModel } from '../../../simulators/shared/firm';
import { startCaseStatusSimulator, type RunningCaseStatusSim } from '../../../simulators/casestatus';

export const API_KEY = 'cs-test-key-6f2a';

export const T0 = '2025-03-01T12:00:00.000Z';
export const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();

/** Staff: SA user IDs 11–15; Nora (13) is not a Case Status user. */
export const STAFF = {
	alice: { userId: 11, firstName: 'Alice', lastName: 'Avery', email: 'alice@firm.test', phone: '(555) 201-0011', kind: 'attorney', username: 'aavery', inCaseStatus: true },
	paul: { userId: 12, firstName: 'Paul', lastName: 'Pratt', email: 'paul@firm.test', phone: '', kind: 'paralegal', username: 'ppratt', inCaseStatus: true },
	nora: { userId: 13, firstName: 'Nora', lastName: 'Nash', email: 'nora@firm.test', phone: '', kind: 'attorney', username: 'nnash', inCaseStatus: false },
	adam: { userId: 14, firstName: 'Adam', lastName: 'Ames', email: 'adam@firm.test', phone: '', kind: 'admin', username: 'aames', inCaseStatus: true },
	sam: { userId: 15, firstName: 'Sam', lastName: 'Stone', email: 'sam@firm.test', phone: '', kind: 'attorney', username: 'sstone', inCaseStatus: true },
} as const;

export const CLIENTS = {
	carla: { contactId: 3001, firstName: 'Carla', lastName: 'Cruz', email: 'carla@mail.test', cellPhone: '(555) 201-3344' },
	dan: { contactId: 3002, firstName: 'Dan', lastName: 'Diaz', email: null, cellPhone: '555.201.7788' },
	erin: { contactId: 3003, firstName: 'Erin', lastName: 'Ellis', email: 'erin@mail.test', cellPhone: '+1 555 201 9900' },
};

function firmCase(overrides: Partial<FirmCase> & Pick<FirmCase, 'caseId' | 'caseNumber'>): FirmCase {
	return {
		caseName: `Case ${overrides.caseNumber}`,
		practiceArea: 0,
		status: 'Treating',
		openedDate: '2025-01-10T00:00:00.000Z',
		incidentDate: '2024-12-24T00:00:00.000Z',
		incidentFacts: '',
		closed: false,
		staff: [
			{ userId: 11, role: 'Primary Attorney' },
			{ userId: 12, role: 'Case Manager' },
		],
		clients: [CLIENTS.carla],
		notes: [],
		createdAt: '2025-01-10T09:00:00.000Z',
		modifiedAt: '2025-02-01T09:00:00.000Z',
		inCaseStatus: true,
		messages: [],
		documents: [],
		...overrides,
	};
}

/**
 * Four SA cases: 7001 (MVA, Treatment, two messages, one client file), 7002 (Premises Liability via "Slip
 * and Fall", closed), 516702 not in Case Status, 7003 in the "Appeal" stage Case Status does not know.
 */
export function smallFirm(): FirmModel {
	return {
		firmName: 'Avery & Stone',
		apiUser: { userId: 99, username: 'api', password: 'secret' },
		caseStatusApiKey: API_KEY,
		staff: Object.values(STAFF).map((s) => ({ ...s })),
		practiceAreas: [
			{ caseGroup: 'Personal Injury', caseType: 'Motor Vehicle Accident', csName: 'Motor Vehicle Accident', inCaseStatus: true },
			{ caseGroup: 'Personal Injury', caseType: 'Slip and Fall', csName: 'Premises Liability', inCaseStatus: true },
			{ caseGroup: 'Personal Injury', caseType: 'Trip and Fall', csName: 'Premises Liability', inCaseStatus: true },
			{ caseGroup: 'Employment', caseType: 'Wage Claim', csName: 'Wage Claim', inCaseStatus: false },
		],
		stages: [
			{ name: 'Intake', statuses: ['New Lead', 'Signed Up'] },
			{ name: 'Treatment', statuses: ['Treating', 'Done Treating'] },
			{ name: 'Litigation', statuses: ['Suit Filed'] },
			{ name: 'Appeal', statuses: ['Appeal Filed'], inCaseStatus: false },
		],
		noteTypes: ['Case', 'Plaintiff'],
		cases: [
			firmCase({
				caseId: 516700,
				caseNumber: '2025-00100',
				csCaseId: 7001,
				staff: [
					{ userId: 11, role: 'Primary Attorney' },
					{ userId: 15, role: 'Secondary Attorney' },
					{ userId: 13, role: 'Managing Attorney' },
					{ userId: 12, role: 'Case Manager' },
				],
				clients: [CLIENTS.carla, CLIENTS.dan],
				messages: [
					{ messageId: 501, direction: 'incoming', content: 'Any news?', senderId: 3001, createdAt: at(0) },
					{ messageId: 502, direction: 'outgoing', content: 'Yes, soon.', senderId: 11, createdAt: at(90) },
				],
				documents: [
					{ service: 'casestatus', id: 801, fileName: 'Police Report.PDF', contentType: 'application/pdf', contentBase64: Buffer.from('%PDF-1.4 police').toString('base64'), uploadedBy: 'client', createdAt: at(30) },
					{ service: 'smartadvocate', id: 77, fileName: 'intake.docx', contentType: 'application/octet-stream', contentBase64: 'AAAA', folder: 'Case Documents', createdAt: at(5) },
				],
			}),
			firmCase({
				caseId: 516701,
				caseNumber: '2025-00101',
				csCaseId: 7002,
				practiceArea: 1,
				status: 'Signed Up',
				incidentDate: null,
				openedDate: '2025-01-15T00:00:00.000Z',
				closed: true,
				closedDate: '2025-02-20T17:30:00.000Z',
				modifiedAt: '2025-02-20T17:30:00.000Z',
				clients: [CLIENTS.erin],
			}),
			firmCase({ caseId: 516702, caseNumber: '2025-00102', inCaseStatus: false, staff: [{ userId: 13, role: 'Primary Attorney' }] }),
			firmCase({ caseId: 516703, caseNumber: '2025-00103', csCaseId: 7003, status: 'Appeal Filed', clients: [CLIENTS.dan] }),
		],
	};
}

/** A firm of `count` synced cases with a message and a file each, for paging and load tests. */
export function manyCaseFirm(count: number, options: { messagesPerCase?: number } = {}): FirmModel {
	const firm = smallFirm();
	const perCase = options.messagesPerCase ?? 1;
	firm.cases = Array.from({ length: count }, (_, i) =>
		firmCase({
			caseId: 600000 + i,
			caseNumber: `2024-${String(i).padStart(5, '0')}`,
			csCaseId: 10000 + i,
			clients: [{ contactId: 40000 + i, firstName: `Client${i}`, lastName: 'Many', email: null, cellPhone: `555${String(2000000 + i).slice(-7)}` }],
			messages: Array.from({ length: perCase }, (__, k) => ({
				messageId: 100000 + i * perCase + k,
				direction: k % 2 === 0 ? ('incoming' as const) : ('outgoing' as const),
				content: `message ${k} of case ${i}`,
				senderId: k % 2 === 0 ? 40000 + i : 11,
				createdAt: at(i * perCase + k),
			})),
			documents: [],
		}),
	);
	return firm;
}

export interface Harness {
	sim: RunningCaseStatusSim;
	/** Sends the firm's key as `ApiKey <key>`. */
	api: AxiosInstance;
	/** No key: for /__admin/ and auth tests. */
	bare: AxiosInstance;
	close(): Promise<void>;
}

export async function startHarness(firm: FirmModel = smallFirm()): Promise<Harness> {
	const sim = await startCaseStatusSimulator({ firm });
	const api = axios.create({ baseURL: sim.api.url, headers: { Authorization: `ApiKey ${API_KEY}` }, validateStatus: () => true });
	const bare = axios.create({ baseURL: sim.api.url, validateStatus: () => true });
	return { sim, api, bare, close: () => sim.close() };
}

/** A valid create body for the small firm; override any field. */
export function newCaseBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		readable_id: '2025-00200',
		integration_id: '516800',
		description: 'Rear-ended on I-5',
		practice_area: 'Motor Vehicle Accident',
		stage: 'Treatment',
		case_date: '2025-02-14',
		primary_attorney_email: 'alice@firm.test',
		attorney_emails: ['sam@firm.test'],
		paralegal_emails: ['paul@firm.test'],
		clients: [{ first_name: 'Gina', last_name: 'Gray', email: 'gina@mail.test', cell_phone: '(555) 303-4455' }],
		...overrides,
	};
}
