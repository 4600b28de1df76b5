/**
 * The neutral "firm model": one law firm described once, independent of either API.
 *
 * Both simulators build their state from it (SmartAdvocate: simulators/smartadvocate/seed.ts,
 * Case Status: simulators/casestatus/seed.ts), so the demo firm is consistent across the two
 * services: staff e-mails match, SA case IDs are the CS integration IDs, practice areas line up.
 * simulators/shared/demoFirm.ts builds the ~50-case demo firm; simulators/shared/syntheticFirm.ts
 * builds N synthetic cases for benchmarks. All times are ISO-8601 UTC strings.
 */

export type StaffRole =
	| 'Primary Attorney'
	| 'Secondary Attorney'
	| 'Managing Attorney'
	| 'Case Manager'
	| 'Primary Paralegal'
	| 'Paralegal'
	| 'Intake Paralegal';

export interface FirmStaff {
	/** SmartAdvocate user ID. */
	userId: number;
	firstName: string;
	lastName: string;
	email: string;
	phone: string;
	/** 'attorney' | 'paralegal' | 'admin' | 'support' — the Case Status role of this person. */
	kind: 'attorney' | 'paralegal' | 'admin' | 'support';
	/** SA login name; only the API service user needs a password. */
	username: string;
	/** Whether this person exists as a user in Case Status (an attorney missing there makes an import fail). */
	inCaseStatus: boolean;
}

export interface FirmStage {
	name: string;
	/** SA primary statuses grouped in this stage, in order. */
	statuses: string[];
	/**
	 * Added for the demo's "unmapped stage" cases: false when Case Status has no stage of this name
	 * (a case in it fails to import with "Stage not mapped"). Missing means true.
	 */
	inCaseStatus?: boolean;
}

export interface FirmPracticeArea {
	/** SA case group, e.g. "Personal Injury". */
	caseGroup: string;
	/** SA case type, e.g. "Motor Vehicle Accident". */
	caseType: string;
	/** Case Status practice area display name, e.g. "Motor Vehicle Accident". */
	csName: string;
	/** Whether Case Status has this practice area configured (an unmapped one makes an import fail). */
	inCaseStatus: boolean;
}

export interface FirmClient {
	/** SA uniqueContactId. */
	contactId: number;
	firstName: string;
	lastName: string;
	email: string | null;
	/** As written in SA, e.g. "(555) 201-3344"; may be invalid on purpose. */
	cellPhone: string | null;
}

export interface FirmNote {
	noteId: number;
	noteTypeName: string;
	subject: string;
	/** HTML, as SA stores it. */
	html: string;
	authorUserId: number;
	isSharedInClientPortal: boolean;
	isSharedWithAll: boolean;
	createdAt: string;
}

export interface FirmMessage {
	/** Case Status message ID. */
	messageId: number;
	direction: 'incoming' | 'outgoing';
	content: string;
	/** Client contactId for incoming, staff userId for outgoing. */
	senderId: number;
	createdAt: string;
}

export interface FirmDocument {
	/** Where the file lives: an SA document or a Case Status file. */
	service: 'smartadvocate' | 'casestatus';
	id: number;
	fileName: string;
	contentType: string;
	/** File bytes, base64. Small on purpose. */
	contentBase64: string;
	/** SA folder, e.g. "Case Documents"; CS: who uploaded it. */
	folder?: string;
	uploadedBy?: 'client' | 'staff';
	createdAt: string;
}

export interface FirmCase {
	/** SA caseID (also the Case Status integration ID, as a string). */
	caseId: number;
	/** SA caseNumber (also the Case Status readable ID). */
	caseNumber: string;
	caseName: string;
	/** Index into FirmModel.practiceAreas. */
	practiceArea: number;
	/** SA primary status; its stage follows from FirmModel.stages. */
	status: string;
	openedDate: string;
	incidentDate: string | null;
	incidentFacts: string;
	closed: boolean;
	/** Added: when the case was closed; present exactly when `closed` (SA closedDate, CS closed_date). */
	closedDate?: string;
	/** Added: the primary defendant as SA lists it ("Kessler, Dwayne" or "FreshMart Grocers, Inc."). */
	defendant?: string;
	/** Staff on the case, by SA userId and role. */
	staff: { userId: number; role: StaffRole }[];
	clients: FirmClient[];
	notes: FirmNote[];
	createdAt: string;
	modifiedAt: string;
	/** Whether the case already exists in Case Status (synced earlier) — with its messages and files. */
	inCaseStatus: boolean;
	/** Case Status internal case ID when inCaseStatus. */
	csCaseId?: number;
	messages: FirmMessage[];
	documents: FirmDocument[];
}

export interface FirmModel {
	firmName: string;
	/** The SA API service user the integration logs in as. */
	apiUser: { userId: number; username: string; password: string };
	/** The Case Status API key of this firm. */
	caseStatusApiKey: string;
	staff: FirmStaff[];
	practiceAreas: FirmPracticeArea[];
	stages: FirmStage[];
	/** SA note types, in SA's order; IDs are assigned from 10 upwards. */
	noteTypes: string[];
	cases: FirmCase[];
}
