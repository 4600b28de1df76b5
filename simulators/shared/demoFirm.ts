/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- runs in Node, never in n8n (eslint.dev.config.mjs) */
/**
 * The demo firm: "Hartwell & Mendez Injury Law", a plaintiff personal-injury firm with ~50 cases.
 *
 * Deterministic: a seeded PRNG (never Math.random) and every timestamp relative to `now`, so the same
 * `now` gives byte-identical output (simulators/seeds/demo-firm.json is this with the default `now`).
 * The firm setup (staff, practice areas, stages, note types) and the case factory at the bottom are
 * shared with syntheticFirm.ts.
 *
 * Cases Case Status must refuse on import (see eligibility.ts and SEED-SCHEMA.md), two per reason:
 *  - primary attorney not in Case Status: Gregory Pratt (of counsel, no CS account) leads them;
 *  - client cell phone missing (null) or invalid (9 digits, a typo);
 *  - practice area not configured in Case Status: Product Liability (Mass Tort);
 *  - stage unknown to Case Status: status "Appeal Filed" in the stage "Appeal".
 * Every other case is eligible; 12 of those were synced to Case Status earlier (messages, files).
 */
import type {
	FirmCase,
	FirmClient,
	FirmDocument,
	FirmMessage,
	FirmModel,
	FirmNote,
	FirmPracticeArea,
	FirmStaff,
	FirmStage,
	StaffRole,
} from './firm';

export const DEFAULT_NOW = '2026-11-20T17:00:00.000Z';
export const FIRM_DOMAIN = 'hartwellmendez.com';
const DEMO_SEED = 20261120;

// ---------------------------------------------------------------------------------------------
// Deterministic randomness
// ---------------------------------------------------------------------------------------------

export interface Rng {
	/** Uniform in [0, 1). */
	next(): number;
	/** Integer in [min, max], both inclusive. */
	int(min: number, max: number): number;
	pick<T>(items: readonly T[]): T;
	chance(probability: number): boolean;
}

/** mulberry32: tiny, fast, good enough for test data, identical on every platform. */
export function createRng(seed: number): Rng {
	let state = seed >>> 0;
	const next = (): number => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		next,
		int: (min, max) => min + Math.floor(next() * (max - min + 1)),
		pick: (items) => items[Math.floor(next() * items.length)],
		chance: (probability) => next() < probability,
	};
}

// ---------------------------------------------------------------------------------------------
// Firm setup (shared with the synthetic firm)
// ---------------------------------------------------------------------------------------------

/** Indexes into practiceAreas. */
export const PRACTICE_AREA = {
	motorVehicle: 0,
	premises: 1,
	medicalMalpractice: 2,
	dogBite: 3,
	workersComp: 4,
	productLiability: 5,
} as const;

export const STAFF_IDS = {
	hartwell: 101,
	mendez: 102,
	bell: 103,
	raman: 104,
	/** Of counsel; has no Case Status account, so cases he leads cannot be imported. */
	pratt: 105,
	tran: 111,
	ortega: 112,
	fitzgerald: 113,
	brooks: 114,
	harmon: 115,
	lindqvist: 121,
	osei: 122,
	apiUser: 130,
} as const;

/** The stage Case Status has no mapping for; its status produces the "unmapped stage" cases. */
export const UNMAPPED_STAGE_STATUS = 'Appeal Filed';

type StaffRow = [userId: number, first: string, last: string, kind: FirmStaff['kind'], inCaseStatus: boolean, phone: string];

const STAFF_ROWS: StaffRow[] = [
	[STAFF_IDS.hartwell, 'Daniel', 'Hartwell', 'attorney', true, '(555) 730-4101'],
	[STAFF_IDS.mendez, 'Sofia', 'Mendez', 'attorney', true, '(555) 730-4102'],
	[STAFF_IDS.bell, 'Marcus', 'Bell', 'attorney', true, '(555) 730-4103'],
	[STAFF_IDS.raman, 'Priya', 'Raman', 'attorney', true, '(555) 730-4104'],
	[STAFF_IDS.pratt, 'Gregory', 'Pratt', 'attorney', false, '(555) 730-4105'],
	[STAFF_IDS.tran, 'Jessica', 'Tran', 'paralegal', true, '(555) 730-4111'],
	[STAFF_IDS.ortega, 'Carlos', 'Ortega', 'paralegal', true, '(555) 730-4112'],
	[STAFF_IDS.fitzgerald, 'Amanda', 'Fitzgerald', 'paralegal', true, '(555) 730-4113'],
	[STAFF_IDS.brooks, 'Tyler', 'Brooks', 'paralegal', true, '(555) 730-4114'],
	[STAFF_IDS.harmon, 'Nicole', 'Harmon', 'paralegal', true, '(555) 730-4115'],
	[STAFF_IDS.lindqvist, 'Rebecca', 'Lindqvist', 'admin', true, '(555) 730-4121'],
	[STAFF_IDS.osei, 'Kevin', 'Osei', 'support', true, '(555) 730-4122'],
];

/** Everything of the firm except its cases. Fresh objects on every call. */
export function buildFirmSetup(): Omit<FirmModel, 'cases'> {
	const staff: FirmStaff[] = STAFF_ROWS.map(([userId, firstName, lastName, kind, inCaseStatus, phone]) => ({
		userId,
		firstName,
		lastName,
		email: `${firstName}.${lastName}@${FIRM_DOMAIN}`.toLowerCase(),
		phone,
		kind,
		username: `${firstName[0]}${lastName}`.toLowerCase(),
		inCaseStatus,
	}));
	// The SA service account the n8n integration logs in as: an admin, not a person, so not a CS user.
	staff.push({
		userId: STAFF_IDS.apiUser,
		firstName: 'n8n',
		lastName: 'Integration',
		email: `n8n.integration@${FIRM_DOMAIN}`,
		phone: '(555) 730-4100',
		kind: 'admin',
		username: 'n8n.integration',
		inCaseStatus: false,
	});

	const practiceAreas: FirmPracticeArea[] = [
		{ caseGroup: 'Personal Injury', caseType: 'Motor Vehicle Accident', csName: 'Motor Vehicle Accident', inCaseStatus: true },
		{ caseGroup: 'Personal Injury', caseType: 'Premises Liability', csName: 'Premises Liability', inCaseStatus: true },
		{ caseGroup: 'Personal Injury', caseType: 'Medical Malpractice', csName: 'Medical Malpractice', inCaseStatus: true },
		{ caseGroup: 'Personal Injury', caseType: 'Dog Bite', csName: 'Dog Bite', inCaseStatus: true },
		// Display name differs from the SA case type: CS matches it through an integration mapping.
		{ caseGroup: 'Workers Comp', caseType: 'Workers Comp', csName: "Workers' Compensation", inCaseStatus: true },
		{ caseGroup: 'Mass Tort', caseType: 'Product Liability', csName: 'Product Liability', inCaseStatus: false },
	];

	const stages: FirmStage[] = [
		{ name: 'Intake', statuses: ['Pending Sign-Up', 'Retained'] },
		{ name: 'Pre-Litigation', statuses: ['Treating', 'Treatment Complete', 'Demand Sent', 'Negotiation'] },
		{
			name: 'Litigation',
			statuses: ['LIT 03 - Lawsuit Served', 'LIT 04 - Answer Received', 'Discovery', 'Mediation', 'Trial'],
		},
		{ name: 'Appeal', statuses: [UNMAPPED_STAGE_STATUS], inCaseStatus: false },
		{ name: 'Closed', statuses: ['Settled', 'Closed'] },
	];

	return {
		firmName: 'Hartwell & Mendez Injury Law',
		apiUser: { userId: STAFF_IDS.apiUser, username: 'n8n.integration', password: 'Sim-Only-Passw0rd!' },
		caseStatusApiKey: 'cs_sim_hartwell_mendez_3f9a1c7e52d84b06',
		staff,
		practiceAreas,
		stages,
		noteTypes: [
			'Case',
			'Plaintiff',
			'Phone Message',
			'Called',
			'Adjuster Defendant',
			'Expert',
			'Case Status - Incoming',
			'Case Status - Outgoing',
		],
	};
}

// ---------------------------------------------------------------------------------------------
// The demo case plan: practice area, status and the deliberate quirks, one row per case
// ---------------------------------------------------------------------------------------------

export type CaseQuirk = 'led-by-attorney-not-in-cs' | 'no-cell-phone' | 'invalid-cell-phone';

export interface CaseSpec {
	practiceArea: number;
	status: string;
	openedDaysAgo: number;
	quirk?: CaseQuirk;
	/** Synced to Case Status earlier: gets a csCaseId, messages and CS files. */
	inCaseStatus?: boolean;
}

const { motorVehicle: MVA, premises: PREM, medicalMalpractice: MED, dogBite: DOG, workersComp: WC, productLiability: PL } =
	PRACTICE_AREA;

type PlanRow = [area: number, status: string, extra?: CaseQuirk | 'cs'];

const DEMO_PLAN: PlanRow[] = [
	// Closed
	[MVA, 'Settled', 'cs'],
	[MVA, 'Settled'],
	[PREM, 'Settled'],
	[DOG, 'Settled'],
	[WC, 'Closed'],
	[MED, 'Closed'],
	// Appeal: a stage Case Status does not know
	[MVA, UNMAPPED_STAGE_STATUS],
	[MED, UNMAPPED_STAGE_STATUS],
	// Litigation
	[MVA, 'LIT 03 - Lawsuit Served', 'cs'],
	[PREM, 'LIT 03 - Lawsuit Served'],
	[MED, 'LIT 03 - Lawsuit Served'],
	[MVA, 'LIT 04 - Answer Received'],
	[WC, 'LIT 04 - Answer Received', 'cs'],
	[PREM, 'LIT 04 - Answer Received'],
	[MVA, 'Discovery', 'cs'],
	[PREM, 'Discovery', 'led-by-attorney-not-in-cs'],
	[MED, 'Discovery', 'cs'],
	[MVA, 'Discovery'],
	[MVA, 'Mediation'],
	[DOG, 'Mediation'],
	[PREM, 'Mediation'],
	[MVA, 'Trial', 'cs'],
	// Pre-Litigation
	[MVA, 'Treating', 'cs'],
	[MVA, 'Treating', 'led-by-attorney-not-in-cs'],
	[MVA, 'Treating'],
	[PREM, 'Treating', 'cs'],
	[DOG, 'Treating', 'invalid-cell-phone'],
	[WC, 'Treating'],
	[PL, 'Treating'],
	[MVA, 'Treating'],
	[MED, 'Treating'],
	[MVA, 'Treatment Complete', 'cs'],
	[PREM, 'Treatment Complete'],
	[WC, 'Treatment Complete'],
	[MVA, 'Treatment Complete'],
	[DOG, 'Treatment Complete'],
	[MVA, 'Demand Sent', 'cs'],
	[PL, 'Demand Sent'],
	[PREM, 'Demand Sent'],
	[MVA, 'Demand Sent'],
	[MVA, 'Negotiation', 'cs'],
	[WC, 'Negotiation'],
	[DOG, 'Negotiation'],
	[PREM, 'Negotiation'],
	// Intake
	[MVA, 'Pending Sign-Up'],
	[PREM, 'Pending Sign-Up'],
	[MVA, 'Retained', 'no-cell-phone'],
	[WC, 'Retained'],
	[DOG, 'Retained', 'cs'],
	[MVA, 'Retained'],
];

/** How long ago cases in each stage were opened, in days. */
export const OPENED_DAYS_BY_STAGE: Record<string, [number, number]> = {
	Intake: [2, 30],
	'Pre-Litigation': [40, 420],
	Litigation: [380, 900],
	Appeal: [800, 1100],
	Closed: [700, 1300],
};

export function stageNameOf(setup: Pick<FirmModel, 'stages'>, status: string): string {
	const stage = setup.stages.find((s) => s.statuses.includes(status));
	if (!stage) throw new Error(`status "${status}" is in no stage`);
	return stage.name;
}

export function buildDemoFirm(options: { now?: string } = {}): FirmModel {
	const setup = buildFirmSetup();
	const nowMs = parseNow(options.now ?? DEFAULT_NOW);

	// Ages first (own stream), then sort oldest first so case IDs and numbers follow the opened date.
	const ageRng = createRng(DEMO_SEED ^ 0x5eed);
	const specs: CaseSpec[] = DEMO_PLAN.map(([practiceArea, status, extra]) => {
		const [min, max] = OPENED_DAYS_BY_STAGE[stageNameOf(setup, status)];
		return {
			practiceArea,
			status,
			openedDaysAgo: min + ageRng.next() * (max - min),
			quirk: extra === 'cs' ? undefined : extra,
			inCaseStatus: extra === 'cs',
		};
	});
	specs.sort((a, b) => b.openedDaysAgo - a.openedDaysAgo);

	const factory = new CaseFactory(setup, createRng(DEMO_SEED), nowMs, {
		firstCaseId: 516700,
		firstCaseNumber: 9000101,
		firstContactId: 1695600,
		firstNoteId: 2400001,
		firstMessageId: 480001,
		firstSaDocumentId: 880001,
		firstCsFileId: 7701,
		firstCsCaseId: 9001,
		noteCount: [1, 4],
		messageCount: [2, 6],
		files: 'unique',
		uniqueClientNames: true,
	});
	return { ...setup, cases: specs.map((spec) => factory.build(spec)) };
}

export function parseNow(now: string): number {
	const ms = Date.parse(now);
	if (Number.isNaN(ms)) throw new Error(`invalid "now": ${now}`);
	return ms;
}

// ---------------------------------------------------------------------------------------------
// Realistic text pools
// ---------------------------------------------------------------------------------------------

const FIRST_NAMES = [
	'Maria', 'James', 'Latoya', 'Robert', 'Ana', 'Michael', 'Denise', 'Luis', 'Jennifer', 'Terrence',
	'Emily', 'Andre', 'Karen', 'Jose', 'Brittany', 'David', 'Yolanda', 'Christopher', 'Megan', 'Anthony',
	'Rosa', 'Brandon', 'Tamika', 'Derek', 'Stephanie', 'Hector', 'Ashley', 'Malik', 'Patricia', 'Kenji',
	'Olivia', 'Darnell', 'Samantha', 'Victor', 'Grace', 'Javier', 'Crystal', 'Thomas', 'Mei', 'Raymond',
	'Erica', 'Omar', 'Heather', 'Curtis', 'Alejandra', 'Frank', 'Monique', 'Steven', 'Nadia', 'Gerald',
];

const LAST_NAMES = [
	'Alvarez', 'Johnson', 'Nguyen', 'Washington', 'Kowalski', 'Patel', 'Okafor', 'Murphy', 'Delgado', 'Thompson',
	'Schmidt', 'Robinson', 'Castillo', 'Brennan', 'Harris', 'Novak', 'Jackson', 'Moreno', 'Sullivan', 'Chen',
	'Williams', 'Ramirez', "O'Connor", 'Baker', 'Hughes', 'Morales', 'Kim', 'Lewis', 'Petrov', 'Coleman',
	'Reed', 'Fischer', 'Gonzalez', 'Walsh', 'Mitchell', 'Ruiz', 'Banks', 'Lindgren', 'Carter', 'Vargas',
	'Turner', 'Jablonski', 'Greene', 'Abdullah', 'Price', 'Santos', 'Foster', 'Herrera', 'McCarthy', 'Pham',
];

const EMAIL_PROVIDERS = ['gmail.com', 'gmail.com', 'yahoo.com', 'outlook.com', 'icloud.com', 'comcast.net', 'aol.com'];
const HOSPITALS = ['Lakeshore General Hospital', 'St. Brendan Medical Center', 'Mercy Ridge Hospital', 'Cook Valley Medical Center'];
const INTERSECTIONS = ['Maple Ave & 5th St', 'Route 59 & Ogden Ave', 'Harlem Ave & Addison St', 'Main St & Lincoln Hwy', 'Elm St & Washington Blvd'];
const HIGHWAYS = ['I-90 eastbound', 'I-55 near exit 276', 'Route 83 southbound', 'I-294 northbound'];
const DOG_BREEDS = ['pit bull mix', 'German shepherd', 'rottweiler', 'husky', 'Labrador mix'];
const INSURERS = ['State Farm', 'Allstate', 'Progressive', 'GEICO', 'Travelers', 'Liberty Mutual'];
const ADJUSTERS = ['Tom Reyes', 'Linda Park', 'Scott Holloway', 'Dana Whitfield'];
const DEFENDANT_PEOPLE = [
	'Kessler, Dwayne', 'Hoffman, Brian', 'Sandoval, Rick', 'Pruitt, Carla', 'Lindberg, Erik',
	'Marsh, Tanya', 'Dobbs, Gary', 'Whitaker, Janet', 'Ferreira, Paulo', 'Stokes, Mitchell',
];

interface AreaStory {
	defendants: string[];
	facts: string[];
	incidentLagDays: [number, number];
}

/** Facts use {defendant}, {hospital}, {intersection}, {highway}, {breed}. */
const STORIES: AreaStory[] = [
	{
		defendants: [...DEFENDANT_PEOPLE, 'Swift Haul Logistics, LLC', 'Metro Yellow Cab Co.', 'Greenway Landscaping, Inc.'],
		facts: [
			'Client was stopped at a red light at {intersection} when defendant rear-ended client\'s car. Neck and low-back pain; taken to {hospital} ER.',
			'Defendant ran a stop sign at {intersection} and T-boned client\'s vehicle on the driver side. Fractured left wrist and a concussion.',
			'Client was merging onto {highway} when defendant changed lanes without signaling and sideswiped client. Right shoulder injury; PT ongoing.',
			'Client was in the crosswalk at {intersection} when a left-turning vehicle struck client. Tibia fracture; ORIF surgery at {hospital}.',
			'Chain-reaction collision on {highway} in heavy rain; defendant was following too closely. Whiplash and a herniated disc at C5-C6.',
		],
		incidentLagDays: [1, 45],
	},
	{
		defendants: ['FreshMart Grocers, Inc.', 'Parkview Apartments, LLC', 'Lakeside Mall Associates', 'Harbor Point Hotel Group', 'Midtown Fitness Clubs, Inc.'],
		facts: [
			'Client slipped on a freshly mopped floor at {defendant}; no warning sign posted. Torn meniscus, right knee.',
			'Client fell on an unlit, broken stair in a building managed by {defendant}. Fractured ankle; prior complaints documented by tenants.',
			'Client tripped over an uneven walkway slab at the entrance of {defendant}. Broken wrist and facial lacerations.',
			'Ice in the parking lot of {defendant} had not been salted; client fell and struck head. Concussion, treated at {hospital}.',
		],
		incidentLagDays: [3, 60],
	},
	{
		defendants: ['Lakeshore General Hospital', 'Northside Orthopedic Associates, P.C.', 'Riverside Family Medicine, S.C.', 'Riverbend Urgent Care, LLC'],
		facts: [
			'Delayed diagnosis of appendicitis by {defendant}; appendix ruptured and client was hospitalized for 9 days.',
			'Surgical sponge left in place after abdominal surgery; a second surgery was needed to remove it.',
			'Mammogram misread as normal; breast cancer diagnosis delayed by 11 months.',
			'Wrong-site knee arthroscopy performed by {defendant}; client needs revision surgery.',
		],
		incidentLagDays: [90, 400],
	},
	{
		defendants: DEFENDANT_PEOPLE,
		facts: [
			'Neighbor\'s {breed} got loose and bit client on the left forearm near client\'s mailbox. 14 stitches at {hospital}.',
			'Client, a delivery driver, was bitten on the calf by a {breed} at defendant\'s home; wound infection needed IV antibiotics.',
			'Unleashed {breed} knocked client down in a park and bit client\'s hand. Nerve damage to two fingers.',
		],
		incidentLagDays: [1, 30],
	},
	{
		defendants: ['Midwest Steel Fabricators, Inc.', 'Lakeview Distribution Center', 'Cardinal Home Health Services', 'Prairie Roofing Co.'],
		facts: [
			'Client hurt low back lifting a 70 lb pallet at work for {defendant}. L4-L5 disc herniation.',
			'Client fell from a ladder while installing gutters; fractured heel. Employer disputes that client was on the clock.',
			'Repetitive-motion carpal tunnel in both wrists from assembly-line work; surgery recommended.',
			'Client\'s hand was caught in an unguarded conveyor at {defendant}; two fingers partially amputated.',
		],
		incidentLagDays: [1, 20],
	},
	{
		defendants: ['Brightline Appliance Corp.', 'Exeter Medical Devices, Inc.'],
		facts: [
			'Pressure cooker lid blew off during normal use; second-degree burns to face and chest.',
			'Recalled hip implant failed after three years; revision surgery at {hospital}.',
		],
		incidentLagDays: [200, 1200],
	},
];

type NoteKind = 'intake' | 'case' | 'plaintiffShared' | 'plaintiffInternal' | 'phoneMessage' | 'called' | 'adjuster' | 'expert';

/** Note HTML uses {first}, {hospital}, {insurer}, {adjuster}, {amount}, {date}. */
const NOTE_TEMPLATES: Record<NoteKind, { type: string; subject: string; html: string[] }> = {
	intake: {
		type: 'Case',
		subject: 'Intake',
		html: [
			'<strong>Intake</strong><br>Spoke with {first} about the incident. Retainer signed.&nbsp;Requested police report and photos.',
			'<strong>New case</strong><br>Client referred by a former client. Retainer sent by DocuSign.<br>Conflict check: clear.',
		],
	},
	case: {
		type: 'Case',
		subject: '',
		html: [
			'<strong>File review</strong><br>Liability looks clear. Medical specials to date: ${amount}.&nbsp;Continue treatment.',
			'Updated damages summary.<br>Lost wages documented through {date}; employer letter on file.',
		],
	},
	plaintiffShared: {
		type: 'Plaintiff',
		subject: '',
		html: [
			'Hi {first},<br>We received the police report today. Nothing else is needed from you right now.&nbsp;Please keep going to your appointments!',
			'Hi {first}, your demand package was sent to the insurance company today.<br>They usually respond within <strong>30 days</strong>.',
			'Hi {first}, a reminder that we have a call scheduled on {date} at 10:00 AM.<br>Please have your list of providers handy.',
			'Hi {first},&nbsp;please send us photos of any medical bills you receive so we can tell the providers you are represented.',
		],
	},
	plaintiffInternal: {
		type: 'Plaintiff',
		subject: '',
		html: [
			'Client reports ongoing headaches; referred to a neurologist.<br>Next PT visit {date}.',
			'<strong>Lien</strong>: Blue Cross Blue Shield asserted a subrogation lien of ${amount}.',
			'Client moved &mdash; new address entered on the contact card.<br>Cell number unchanged.',
		],
	},
	phoneMessage: {
		type: 'Phone Message',
		subject: 'Phone message',
		html: [
			'<strong>Phone message</strong> from client: asking about mileage reimbursement. Please call back after 3&nbsp;PM.',
			'Adjuster from {insurer} called asking for a recorded statement.<br>Told her we do not allow recorded statements.',
		],
	},
	called: {
		type: 'Called',
		subject: '',
		html: [
			'Called client to check on treatment; left voicemail.&nbsp;Will try again Friday.',
			'Called {hospital} records department.<br>Request is in process, 10&ndash;14 business days.',
		],
	},
	adjuster: {
		type: 'Adjuster Defendant',
		subject: 'Policy limits',
		html: [
			'Adjuster <strong>{adjuster}</strong> ({insurer}) confirmed bodily injury limits of $100,000/$300,000.',
			'{insurer} offered ${amount}.<br>Client advised; we countered at three times the offer.',
		],
	},
	expert: {
		type: 'Expert',
		subject: 'Expert retained',
		html: [
			'Retained Dr. Helen Cho (orthopedics) to review MRI films and give a causation opinion.<br>Report due {date}.',
			'<strong>Expert</strong>: accident reconstructionist site visit scheduled for {date}.&nbsp;Retainer of $3,500 approved.',
		],
	},
};

const NOTE_KINDS_WEIGHTED: NoteKind[] = [
	'plaintiffShared', 'plaintiffShared', 'plaintiffShared', 'plaintiffInternal', 'plaintiffInternal',
	'phoneMessage', 'phoneMessage', 'called', 'called', 'adjuster', 'adjuster', 'case', 'expert',
];

/** In conversation order: a case's messages use them in this order (a "thank you" comes late). */
const CLIENT_MESSAGES = [
	'Hi, I just got a bill from {hospital} in the mail. Do I need to pay it or send it to you?',
	'Had my follow-up with the orthopedist today. He wants me to do 6 more weeks of PT.',
	'Any update on my case? The other insurance company called me again.',
	'Here are the pictures from the body shop.',
	'Can we move Thursday\'s call? I have therapy at 2.',
	'Thank you so much, that really helps.',
];

/** In conversation order; `from`: the first stage (index into the demo stages) where the message makes sense. */
const STAFF_MESSAGES: { text: string; from: number }[] = [
	{ text: 'Hi {first}, this is {staff} from Hartwell & Mendez. Please don\'t speak with the other insurance company - just refer them to us.', from: 0 },
	{ text: 'We received your records from {hospital}. Keep going to your appointments and let us know if anything changes.', from: 1 },
	{ text: 'Please don\'t pay that bill. Send us a photo of it here and we\'ll let the provider know you are represented.', from: 0 },
	{ text: 'Your demand package went out to the insurance company today. They usually respond within 30 days.', from: 1 },
	{ text: 'Quick reminder: your deposition prep is next Tuesday at 10:00 AM at our office. Please bring a photo ID.', from: 2 },
];

// ---------------------------------------------------------------------------------------------
// Tiny but valid files
// ---------------------------------------------------------------------------------------------

/** A one-page PDF 1.4 with the given lines in Helvetica; xref offsets are exact. */
export function minimalPdf(lines: string[]): Buffer {
	const escape = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\x7e]/g, '?');
	const text = lines.map((line, i) => `${i === 0 ? '' : 'T* '}(${escape(line)}) Tj`).join(' ');
	const content = `BT /F1 12 Tf 16 TL 72 720 Td ${text} ET`;
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
		`<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
	];
	let pdf = '%PDF-1.4\n';
	const offsets: number[] = [];
	objects.forEach((body, i) => {
		offsets.push(pdf.length);
		pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
	});
	const xrefAt = pdf.length;
	pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
	pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
	return Buffer.from(pdf, 'latin1');
}

const CRC_TABLE = (() => {
	const table = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		table[n] = c >>> 0;
	}
	return table;
})();

function crc32(bytes: Buffer): number {
	let c = 0xffffffff;
	for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(typeAndData));
	return Buffer.concat([length, typeAndData, crc]);
}

/**
 * A 4x4 RGB PNG whose colours derive from `seed` (so every file differs). The image data is a zlib
 * stream with one stored (uncompressed) block: valid, and independent of the zlib version.
 */
export function tinyPng(seed: number): Buffer {
	const size = 4;
	const raw = Buffer.alloc(size * (1 + size * 3));
	for (let y = 0; y < size; y++) {
		const row = y * (1 + size * 3); // filter byte 0 (None) at the start of each row
		for (let x = 0; x < size; x++) {
			const p = row + 1 + x * 3;
			raw[p] = (seed + x * 40) & 0xff;
			raw[p + 1] = ((seed >>> 8) + y * 40) & 0xff;
			raw[p + 2] = ((seed >>> 16) + (x + y) * 20) & 0xff;
		}
	}
	let a = 1;
	let b = 0;
	for (const byte of raw) {
		a = (a + byte) % 65521;
		b = (b + a) % 65521;
	}
	const stored = Buffer.alloc(5);
	stored[0] = 1; // BFINAL, BTYPE=00 (stored)
	stored.writeUInt16LE(raw.length, 1);
	stored.writeUInt16LE(~raw.length & 0xffff, 3);
	const adler = Buffer.alloc(4);
	adler.writeUInt32BE(((b << 16) | a) >>> 0);
	const idat = Buffer.concat([Buffer.from([0x78, 0x01]), stored, raw, adler]);

	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(size, 0);
	ihdr.writeUInt32BE(size, 4);
	ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit, truecolour, deflate, adaptive filtering, no interlace
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		pngChunk('IHDR', ihdr),
		pngChunk('IDAT', idat),
		pngChunk('IEND', Buffer.alloc(0)),
	]);
}

// ---------------------------------------------------------------------------------------------
// Case factory (shared with the synthetic firm)
// ---------------------------------------------------------------------------------------------

export interface CaseFactoryOptions {
	firstCaseId: number;
	firstCaseNumber: number;
	firstContactId: number;
	firstNoteId: number;
	firstMessageId: number;
	firstSaDocumentId: number;
	firstCsFileId: number;
	firstCsCaseId: number;
	noteCount: [number, number];
	messageCount: [number, number];
	/** 'unique': realistic per-file bytes (demo); 'shared': a few tiny files reused (benchmarks). */
	files: 'unique' | 'shared';
	/** Re-draw a client's name until no other client has it (demo readability). */
	uniqueClientNames: boolean;
	/** Chance that a case gets SA documents at all. Default 0.35. */
	saDocumentChance?: number;
}

const MINUTES_PER_DAY = 1440;

const slugs = new Map<string, string>();
/** "O'Connor" → "oconnor"; cached, the name pools are small. */
function emailSlug(name: string): string {
	let slug = slugs.get(name);
	if (slug === undefined) {
		slug = name.toLowerCase().replace(/[^a-z]/g, '');
		slugs.set(name, slug);
	}
	return slug;
}

const CELL_FORMATS: ((d: string) => string)[] = [
	(d) => `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`,
	(d) => `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6)}`,
	(d) => `+1 ${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}`,
	(d) => `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`,
	(d) => d,
	(d) => `1 (${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`,
];

/** Builds one FirmCase per spec; owns the ID counters so IDs stay unique per service. */
export class CaseFactory {
	private caseSeq = 0;
	private contactSeq = 0;
	private noteId: number;
	private messageId: number;
	private saDocumentId: number;
	private csFileId: number;
	private csCaseId: number;
	private readonly usedNames = new Set<string>();
	private readonly usedLastNames = new Set<string>();
	private readonly usedEmails = new Set<string>();
	private readonly attorneysInCs: FirmStaff[];
	private readonly paralegals: FirmStaff[];
	private sharedFiles?: { name: string; type: string; base64: string }[];

	constructor(
		private readonly setup: Omit<FirmModel, 'cases'>,
		private readonly rng: Rng,
		private readonly nowMs: number,
		private readonly options: CaseFactoryOptions,
	) {
		this.noteId = options.firstNoteId;
		this.messageId = options.firstMessageId;
		this.saDocumentId = options.firstSaDocumentId;
		this.csFileId = options.firstCsFileId;
		this.csCaseId = options.firstCsCaseId;
		this.attorneysInCs = setup.staff.filter((s) => s.kind === 'attorney' && s.inCaseStatus);
		this.paralegals = setup.staff.filter((s) => s.kind === 'paralegal' && s.inCaseStatus);
	}

	build(spec: CaseSpec): FirmCase {
		const { rng } = this;
		const seq = this.caseSeq++;
		const stage = stageNameOf(this.setup, spec.status);
		const closed = stage === 'Closed';

		// Times as minutes before now; converted to ISO at the end.
		const openedAgo = Math.round(spec.openedDaysAgo * MINUTES_PER_DAY) + rng.next();
		const createdAgo = openedAgo - rng.int(0, Math.min(90, openedAgo - 120));
		const closedAgo = closed ? rng.int(5 * MINUTES_PER_DAY, Math.max(5 * MINUTES_PER_DAY, createdAgo - 180 * MINUTES_PER_DAY)) : 0;
		const activityFrom = createdAgo - 5;
		const activityTo = closed ? closedAgo + 60 : 30;
		const modifiedAgo = closed
			? closedAgo - rng.int(0, 120)
			: rng.int(60, Math.max(60, Math.min(activityFrom, 120 * MINUTES_PER_DAY)));

		const story = STORIES[spec.practiceArea];
		const defendant = rng.pick(story.defendants);
		const incidentAgoDays = spec.openedDaysAgo + rng.int(story.incidentLagDays[0], story.incidentLagDays[1]);
		const value = (key: string, extra: Record<string, string>): string => {
			if (key in extra) return extra[key];
			switch (key) {
				case 'defendant': return defendant;
				case 'hospital': return rng.pick(HOSPITALS);
				case 'intersection': return rng.pick(INTERSECTIONS);
				case 'highway': return rng.pick(HIGHWAYS);
				case 'breed': return rng.pick(DOG_BREEDS);
				case 'insurer': return rng.pick(INSURERS);
				case 'adjuster': return rng.pick(ADJUSTERS);
				case 'amount': return `${rng.int(4, 60)},${String(rng.int(0, 999)).padStart(3, '0')}.${String(rng.int(0, 99)).padStart(2, '0')}`;
				default: throw new Error(`no value for {${key}}`);
			}
		};
		// "{defendant}." with a name ending in "Inc." must not end in "Inc..".
		const fill = (template: string, extra: Record<string, string> = {}): string =>
			template.replace(/\{(\w+)\}(\.?)/g, (_, key: string, dot: string) => {
				const text = value(key, extra);
				return dot && text.endsWith('.') ? text : text + dot;
			});

		const staff = this.pickStaff(spec, stage);
		const clients = this.makeClients(spec);
		const primary = clients[0];
		// Captions name a person by last name ("Alvarez, Maria v. Kessler") and a company in full.
		const defendantShort = DEFENDANT_PEOPLE.includes(defendant) ? defendant.split(',')[0] : defendant;

		const notes = this.makeNotes(spec, stage, staff, primary, activityFrom, activityTo, fill);
		const firmCase: FirmCase = {
			caseId: this.options.firstCaseId + seq,
			caseNumber: String(this.options.firstCaseNumber + seq),
			caseName: `${primary.lastName}, ${primary.firstName} v. ${defendantShort}`,
			practiceArea: spec.practiceArea,
			status: spec.status,
			openedDate: this.iso(openedAgo),
			incidentDate: this.dayIso(incidentAgoDays),
			incidentFacts: fill(rng.pick(story.facts)),
			closed,
			...(closed ? { closedDate: this.iso(closedAgo) } : {}),
			defendant,
			staff,
			clients,
			notes,
			createdAt: this.iso(createdAgo),
			modifiedAt: this.iso(modifiedAgo),
			inCaseStatus: spec.inCaseStatus === true,
			messages: [],
			documents: [],
		};
		if (spec.inCaseStatus) {
			firmCase.csCaseId = this.csCaseId++;
			firmCase.messages = this.makeMessages(firmCase, activityFrom, activityTo, fill);
			firmCase.documents.push(...this.makeCsFiles(firmCase, activityFrom, activityTo));
		}
		if (rng.chance(this.options.saDocumentChance ?? 0.35)) {
			firmCase.documents.push(...this.makeSaDocuments(firmCase, activityFrom, activityTo));
		}
		return firmCase;
	}

	/** A pick not in `used` while any is left (no repeated note or message within a case). */
	private pickUnused(items: readonly string[], used: Set<string>): string {
		let item = this.rng.pick(items);
		for (let tries = 0; used.has(item) && tries < 8; tries++) item = this.rng.pick(items);
		if (used.has(item)) item = items.find((x) => !used.has(x)) ?? item;
		used.add(item);
		return item;
	}

	private iso(minutesAgo: number): string {
		return new Date(this.nowMs - Math.round(minutesAgo * 60) * 1000).toISOString();
	}

	/** "12/3/2026": a follow-up date 3-14 days after a note written `minutesAgo`. */
	private usDateAfter(minutesAgo: number): string {
		const d = new Date(this.nowMs - minutesAgo * 60_000 + this.rng.int(3, 14) * 86_400_000);
		return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}`;
	}

	/** Midnight UTC of the day `daysAgo` days before now (SA incident dates have no time). */
	private dayIso(daysAgo: number): string {
		const dayMs = 86_400_000;
		return new Date(Math.floor((this.nowMs - daysAgo * dayMs) / dayMs) * dayMs).toISOString();
	}

	/** `count` times (minutes ago, with seconds) in [to, from], oldest first. */
	private times(count: number, from: number, to: number): number[] {
		const out: number[] = [];
		for (let i = 0; i < count; i++) out.push(this.rng.int(Math.min(to, from), from) + this.rng.next() * 0.98);
		return out.sort((a, b) => b - a);
	}

	private pickStaff(spec: CaseSpec, stage: string): FirmCase['staff'] {
		const { rng } = this;
		const staff: FirmCase['staff'] = [];
		const lead =
			spec.quirk === 'led-by-attorney-not-in-cs'
				? this.setup.staff.find((s) => s.kind === 'attorney' && !s.inCaseStatus)
				: rng.pick(this.attorneysInCs);
		if (!lead) throw new Error('the firm needs an attorney missing from Case Status');
		staff.push({ userId: lead.userId, role: 'Primary Attorney' });

		const paralegal = rng.pick(this.paralegals);
		if (stage === 'Intake') {
			if (rng.chance(0.6)) staff.push({ userId: paralegal.userId, role: 'Intake Paralegal' });
		} else if (rng.chance(0.8)) {
			staff.push({ userId: paralegal.userId, role: 'Primary Paralegal' });
		}

		// Litigated cases often get the managing partner on top; others sometimes a second attorney or paralegal.
		const litigated = stage === 'Litigation' || stage === 'Appeal';
		const onCase = (userId: number) => staff.some((s) => s.userId === userId);
		if (litigated && !onCase(STAFF_IDS.hartwell) && rng.chance(0.35)) {
			staff.push({ userId: STAFF_IDS.hartwell, role: 'Managing Attorney' });
		} else if (rng.chance(litigated ? 0.4 : 0.2)) {
			const attorney = rng.chance(0.6);
			const role: StaffRole = attorney ? 'Secondary Attorney' : 'Paralegal';
			const pool = attorney ? this.attorneysInCs : this.paralegals;
			let who = rng.pick(pool).userId;
			while (onCase(who)) who = rng.pick(pool).userId;
			staff.push({ userId: who, role });
		}
		return staff;
	}

	private makeClients(spec: CaseSpec): FirmClient[] {
		const first = this.makeClient(spec.quirk, null);
		// Second plaintiff: a spouse (loss of consortium) or a passenger. Never on the phone-quirk cases,
		// so a case is either fully reachable by phone or not at all.
		const withSecond = spec.quirk === undefined && this.rng.chance(0.3);
		return withSecond ? [first, this.makeClient(undefined, this.rng.chance(0.6) ? first.lastName : null)] : [first];
	}

	private makeClient(quirk: CaseQuirk | undefined, lastName: string | null): FirmClient {
		const { rng } = this;
		let firstName = rng.pick(FIRST_NAMES);
		let last = lastName ?? rng.pick(LAST_NAMES);
		if (this.options.uniqueClientNames) {
			// Demo readability: never repeat a full name, and prefer family names not used yet.
			const taken = () => this.usedNames.has(`${firstName} ${last}`) || (lastName === null && this.usedLastNames.has(last));
			for (let tries = 0; taken() && tries < 30; tries++) {
				firstName = rng.pick(FIRST_NAMES);
				if (lastName === null) last = rng.pick(LAST_NAMES);
			}
			while (this.usedNames.has(`${firstName} ${last}`)) firstName = rng.pick(FIRST_NAMES);
			this.usedNames.add(`${firstName} ${last}`);
			this.usedLastNames.add(last);
		}

		const seq = this.contactSeq++;
		// 555 + a 7-digit number that is a bijection of seq (7919 is coprime with 8,000,000):
		// unique for every client up to 8 million, exchange never starting with 0 or 1.
		const digits = `555${2_000_000 + (((seq + 1013) * 7919) % 8_000_000)}`;
		let cellPhone: string | null = rng.pick(CELL_FORMATS)(digits);
		if (quirk === 'no-cell-phone') cellPhone = null;
		if (quirk === 'invalid-cell-phone') cellPhone = `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6, 9)}`;

		let email: string | null = null;
		if (rng.chance(0.75)) {
			const local = `${emailSlug(firstName)}.${emailSlug(last)}`;
			const domain = rng.pick(EMAIL_PROVIDERS);
			email = `${local}@${domain}`;
			for (let tries = 0; this.usedEmails.has(email) && tries < 10; tries++) email = `${local}${rng.int(2, 99)}@${domain}`;
			if (this.usedEmails.has(email)) email = `${local}${this.options.firstContactId + seq}@${domain}`;
			this.usedEmails.add(email);
		}
		return { contactId: this.options.firstContactId + seq, firstName, lastName: last, email, cellPhone };
	}

	private makeNotes(
		spec: CaseSpec,
		stage: string,
		staff: FirmCase['staff'],
		client: FirmClient,
		from: number,
		to: number,
		fill: (template: string, extra?: Record<string, string>) => string,
	): FirmNote[] {
		const { rng } = this;
		const count = rng.int(this.options.noteCount[0], this.options.noteCount[1]);
		// The intake note is written within hours of opening; the rest spread over the case's life.
		const times = count === 0 ? [] : [from - rng.int(5, 240) - rng.next(), ...this.times(count - 1, from - 245, to)];
		const used = new Set<string>();
		return times.map((ago, i) => {
			// Experts are retained once a case is in suit.
			const litigated = stage === 'Litigation' || stage === 'Appeal';
			const pickKind = (): NoteKind => {
				const k: NoteKind = litigated && rng.chance(0.25) ? 'expert' : rng.pick(NOTE_KINDS_WEIGHTED);
				return k === 'expert' && !litigated ? 'case' : k;
			};
			let kind: NoteKind = i === 0 ? 'intake' : pickKind();
			for (let tries = 0; i > 0 && NOTE_TEMPLATES[kind].html.every((h) => used.has(h)) && tries < 10; tries++) kind = pickKind();
			const template = NOTE_TEMPLATES[kind];
			const author =
				kind === 'phoneMessage' ? STAFF_IDS.osei : kind === 'called' ? staff[staff.length - 1].userId : rng.pick(staff).userId;
			// A case still waiting for the signed retainer gets the "retainer sent" intake note.
			const text = kind === 'intake' && spec.status === 'Pending Sign-Up' ? template.html[1] : this.pickUnused(template.html, used);
			const html = fill(text, { first: client.firstName, date: text.includes('{date}') ? this.usDateAfter(ago) : '' });
			const shared = kind === 'plaintiffShared';
			return {
				noteId: this.noteId++,
				noteTypeName: template.type,
				subject: template.subject,
				html,
				authorUserId: author,
				isSharedInClientPortal: shared,
				isSharedWithAll: shared && rng.chance(0.25),
				createdAt: this.iso(ago),
			};
		});
	}

	private makeMessages(
		firmCase: FirmCase,
		from: number,
		to: number,
		fill: (template: string, extra?: Record<string, string>) => string,
	): FirmMessage[] {
		const { rng } = this;
		// Texts fit the case's stage, do not repeat, and keep their conversation order over time.
		const stageIndex = this.setup.stages.findIndex((stage) => stage.statuses.includes(firmCase.status));
		const staffTexts = STAFF_MESSAGES.filter((m) => m.from <= stageIndex).map((m) => m.text);
		const count = Math.min(rng.int(this.options.messageCount[0], this.options.messageCount[1]), CLIENT_MESSAGES.length + staffTexts.length);
		const directions: FirmMessage['direction'][] = [];
		let outgoingLeft = staffTexts.length;
		let incomingLeft = CLIENT_MESSAGES.length;
		for (let i = 0; i < count; i++) {
			const out = outgoingLeft > 0 && (incomingLeft === 0 || rng.chance(0.5));
			directions.push(out ? 'outgoing' : 'incoming');
			if (out) outgoingLeft--;
			else incomingLeft--;
		}
		if (count >= 2 && !directions.includes('incoming')) directions[0] = 'incoming';
		if (count >= 2 && !directions.includes('outgoing')) directions[count - 1] = 'outgoing';

		const client = firmCase.clients[0];
		const senders = firmCase.staff.map((s) => this.setup.staff.find((m) => m.userId === s.userId)!).filter((s) => s.inCaseStatus);
		const inOrder = (pool: readonly string[], n: number) => {
			const used = new Set<string>();
			const picked = Array.from({ length: n }, () => this.pickUnused(pool, used));
			return picked.sort((x, y) => pool.indexOf(x) - pool.indexOf(y));
		};
		const incoming = inOrder(CLIENT_MESSAGES, directions.filter((d) => d === 'incoming').length);
		const outgoing = inOrder(staffTexts, directions.filter((d) => d === 'outgoing').length);
		return this.times(count, from, to).map((ago, i): FirmMessage => {
			if (directions[i] === 'incoming') {
				const sender = rng.chance(0.85) ? client : rng.pick(firmCase.clients);
				return { messageId: this.messageId++, direction: 'incoming', content: fill(incoming.shift()!), senderId: sender.contactId, createdAt: this.iso(ago) };
			}
			const sender = rng.pick(senders);
			const content = fill(outgoing.shift()!, { first: client.firstName, staff: sender.firstName });
			return { messageId: this.messageId++, direction: 'outgoing', content, senderId: sender.userId, createdAt: this.iso(ago) };
		});
	}

	private makeCsFiles(firmCase: FirmCase, from: number, to: number): FirmDocument[] {
		const { rng } = this;
		const count = rng.pick([0, 1, 1, 2]);
		return this.times(count, from, to).map((ago, i): FirmDocument => {
			const id = this.csFileId++;
			// Mostly client uploads (phone photos, papers they were handed); a staff PDF now and then.
			const byClient = i === 0 || rng.chance(0.5);
			const createdAt = this.iso(ago);
			if (byClient && rng.chance(0.6)) {
				return this.file('casestatus', id, `IMG_${rng.int(1000, 9999)}.png`, 'image/png', createdAt, { uploadedBy: 'client' }, [
					`photo ${firmCase.caseNumber}`,
				]);
			}
			const name = byClient
				? rng.pick(['ER_Discharge_Summary.pdf', 'Repair_Estimate.pdf', 'Pharmacy_Receipt.pdf'])
				: rng.pick(['HIPAA_Authorization.pdf', 'Settlement_Statement_DRAFT.pdf']);
			return this.file('casestatus', id, name, 'application/pdf', createdAt, { uploadedBy: byClient ? 'client' : 'staff' }, [
				name.replace(/_/g, ' ').replace('.pdf', ''),
				`${firmCase.caseName} - case ${firmCase.caseNumber}`,
				`File ${id}`,
			]);
		});
	}

	private makeSaDocuments(firmCase: FirmCase, from: number, to: number): FirmDocument[] {
		const { rng } = this;
		const count = rng.int(1, 2);
		const crash = firmCase.practiceArea === PRACTICE_AREA.motorVehicle;
		const first = rng.int(0, 4);
		return this.times(count, from, to).map((ago, i): FirmDocument => {
			const id = this.saDocumentId++;
			const createdAt = this.iso(ago);
			const lines = [firmCase.caseName, `Case ${firmCase.caseNumber}`, `Document ${id}`];
			const sa = (name: string, type: string, folder: string, content: string[]) =>
				this.file('smartadvocate', id, name, type, createdAt, { folder }, content);
			switch ((first + i) % 5) {
				case 0:
					return crash
						? sa('Police Report.pdf', 'application/pdf', 'Case Documents', ['Traffic Crash Report', ...lines])
						: sa('Incident Report.pdf', 'application/pdf', 'Case Documents', ['Incident Report', ...lines]);
				case 1: {
					const hospital = rng.pick(HOSPITALS);
					return sa(`${hospital} - ER Records.pdf`, 'application/pdf', 'Medical Records', [hospital, ...lines]);
				}
				case 2:
					return sa('Letter of Representation.pdf', 'application/pdf', 'Correspondence', ['Letter of Representation', ...lines]);
				case 3:
					return sa(crash ? 'Scene Photo.png' : 'Injury Photo.png', 'image/png', 'Case Documents', lines);
				default:
					return sa('Intake Questionnaire.txt', 'text/plain', 'Case Documents', ['Intake Questionnaire', ...lines, `Facts: ${firmCase.incidentFacts}`]);
			}
		});
	}


	private file(
		service: FirmDocument['service'],
		id: number,
		fileName: string,
		contentType: string,
		createdAt: string,
		where: Pick<FirmDocument, 'folder' | 'uploadedBy'>,
		lines: string[],
	): FirmDocument {
		let contentBase64: string;
		if (this.options.files === 'shared') {
			contentBase64 = this.sharedContent(contentType);
		} else if (contentType === 'application/pdf') {
			contentBase64 = minimalPdf(lines).toString('base64');
		} else if (contentType === 'image/png') {
			// Service in the seed so an SA document and a CS file with the same id still differ.
			contentBase64 = tinyPng(id * 2 + (service === 'casestatus' ? 1 : 0)).toString('base64');
		} else {
			contentBase64 = Buffer.from(`${lines.join('\n')}\n`, 'utf8').toString('base64');
		}
		return { service, id, fileName, contentType, contentBase64, ...where, createdAt };
	}

	/** Benchmarks: one tiny file per content type, the same string reused by every document. */
	private sharedContent(contentType: string): string {
		this.sharedFiles ??= [
			{ name: 'pdf', type: 'application/pdf', base64: minimalPdf(['Synthetic document']).toString('base64') },
			{ name: 'png', type: 'image/png', base64: tinyPng(0x336699).toString('base64') },
			{ name: 'txt', type: 'text/plain', base64: Buffer.from('Synthetic document\n').toString('base64') },
		];
		return (this.sharedFiles.find((f) => f.type === contentType) ?? this.sharedFiles[0]).base64;
	}
}
