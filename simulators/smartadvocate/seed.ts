/**
 * Builds the SmartAdvocate state from the neutral firm model. IDs that the firm model does not carry (case
 * groups, types, stages, statuses, plaintiff records, document categories) are assigned here in a fixed order,
 * so the same firm always gives the same IDs.
 */
import type { FirmClient, FirmModel, StaffRole } from '../shared/firm';
import { toMinute } from './dates';
import { SaState, type SaCase, type SaContact } from './state';

/** SA's staff roles; attorney roles 1–3 are hard-coded in SA in this priority order (research §5.4). */
export const STAFF_ROLES: Record<StaffRole, number> = {
	'Primary Attorney': 1,
	'Secondary Attorney': 2,
	'Managing Attorney': 3,
	'Case Manager': 4,
	'Primary Paralegal': 5,
	Paralegal: 6,
	'Intake Paralegal': 7,
};

/** Document categories every simulated firm has; uploads without a category land in "General". */
export const DOCUMENT_CATEGORIES = ['General', 'Correspondence', 'Medical Records', 'Invoices', 'Photos', 'Pleadings'];
export const DEFAULT_CATEGORY = 'General';
export const DEFAULT_FOLDER = 'Case Documents';

const FIRST = { caseGroupID: 1, caseTypeID: 1201, stageID: 1, caseStatusID: 801, noteTypeID: 10, categoryID: 70, plaintiffID: 620001 };

const time = (iso: string) => {
	const ms = Date.parse(iso);
	if (Number.isNaN(ms)) throw new Error(`Not an ISO date: ${iso}`);
	return ms;
};
const timeOrNull = (iso: string | null | undefined) => (iso ? time(iso) : null);

export function fileExtension(fileName: string): string {
	const dot = fileName.lastIndexOf('.');
	return dot > 0 ? fileName.slice(dot).toLowerCase() : '';
}

/** The SA contact of a firm client; `uniqueContactId` and `contactID` are both the firm's `contactId`. */
export function contactFromClient(state: SaState, client: FirmClient): SaContact {
	const existing = state.contacts.get(client.contactId);
	if (existing) return existing;
	const contact: SaContact = {
		uniqueContactId: client.contactId,
		contactID: client.contactId,
		contactCtg: 1,
		firstName: client.firstName,
		lastName: client.lastName,
		email: client.email,
		phones: client.cellPhone ? [{ type: 'Cell', number: client.cellPhone }] : [],
	};
	state.addContact(contact);
	return contact;
}

/** The plaintiffs of a case, in the order of its clients; the first is the primary point of contact. */
export function plaintiffsFor(state: SaState, clients: FirmClient[]): SaCase['plaintiffs'] {
	return clients.map((client, index) => {
		const contact = contactFromClient(state, client);
		return {
			id: state.next.plaintiffID++,
			uniqueContactId: contact.uniqueContactId,
			role: index === 0 ? '(P)-Point of Contact' : '(P)-Plaintiff',
			primary: index === 0,
			primaryContact: index === 0,
		};
	});
}

/** Adds a primary status that belongs to no stage (a firm may have such statuses). */
export function addLooseStatus(state: SaState, name: string) {
	const caseStatusID = Math.max(FIRST.caseStatusID - 1, ...state.statuses.keys()) + 1;
	const status = { caseStatusID, caseStatus: name, stageID: null };
	state.statuses.set(caseStatusID, status);
	return status;
}

export function addNoteType(state: SaState, name: string) {
	const noteTypeID = Math.max(FIRST.noteTypeID - 1, ...state.noteTypes.keys()) + 1;
	const type = { noteTypeID, noteTypeName: name };
	state.noteTypes.set(noteTypeID, type);
	return type;
}

export function buildState(firm: FirmModel): SaState {
	const state = new SaState();
	state.next.plaintiffID = FIRST.plaintiffID;
	state.offices.set(1, { officeID: 1, officeName: 'Main Office' });
	for (const [role, roleID] of Object.entries(STAFF_ROLES)) state.roles.set(roleID, { roleID, role });

	for (const person of firm.staff) {
		state.users.set(person.userId, {
			userID: person.userId,
			username: person.username,
			password: null,
			firstName: person.firstName,
			lastName: person.lastName,
			email: person.email,
			phone: person.phone,
		});
	}
	const api = state.users.get(firm.apiUser.userId);
	if (api) {
		api.username = firm.apiUser.username;
		api.password = firm.apiUser.password;
	} else {
		state.users.set(firm.apiUser.userId, {
			userID: firm.apiUser.userId,
			username: firm.apiUser.username,
			password: firm.apiUser.password,
			firstName: 'API',
			lastName: 'Integration',
			email: '',
			phone: '',
		});
	}

	const groupIds = new Map<string, number>();
	const typeIdsByArea = firm.practiceAreas.map((area, index) => {
		let caseGroupID = groupIds.get(area.caseGroup);
		if (caseGroupID === undefined) {
			caseGroupID = FIRST.caseGroupID + groupIds.size;
			groupIds.set(area.caseGroup, caseGroupID);
			state.caseGroups.set(caseGroupID, { caseGroupID, caseGroup: area.caseGroup });
		}
		const caseTypeID = FIRST.caseTypeID + index;
		state.caseTypes.set(caseTypeID, { caseTypeID, caseType: area.caseType, caseGroupID });
		return caseTypeID;
	});

	let nextStatusID = FIRST.caseStatusID;
	firm.stages.forEach((stage, index) => {
		const stageID = FIRST.stageID + index;
		const statusIDs: number[] = [];
		for (const name of stage.statuses) {
			if (state.statusByName(name)) continue;
			const caseStatusID = nextStatusID++;
			state.statuses.set(caseStatusID, { caseStatusID, caseStatus: name, stageID });
			statusIDs.push(caseStatusID);
		}
		state.stages.set(stageID, { stageID, stageName: stage.name, statusIDs });
	});

	firm.noteTypes.forEach((name, index) => {
		const noteTypeID = FIRST.noteTypeID + index;
		state.noteTypes.set(noteTypeID, { noteTypeID, noteTypeName: name });
	});
	DOCUMENT_CATEGORIES.forEach((categoryName, index) => {
		state.categories.set(FIRST.categoryID + index, { categoryID: FIRST.categoryID + index, categoryName });
	});
	const generalCategory = state.categoryByName(DEFAULT_CATEGORY)!.categoryID;

	// Name lookups memoised for the loop below: 20,000 cases must seed in well under 2 s.
	const statusIDs = new Map<string, number>();
	const statusOf = (name: string) => {
		let id = statusIDs.get(name);
		if (id === undefined) {
			id = (state.statusByName(name) ?? addLooseStatus(state, name)).caseStatusID;
			statusIDs.set(name, id);
		}
		return id;
	};
	const noteTypeIDs = new Map<string, number>();
	const noteTypeOf = (name: string) => {
		let id = noteTypeIDs.get(name);
		if (id === undefined) {
			id = (state.noteTypeByName(name) ?? addNoteType(state, name)).noteTypeID;
			noteTypeIDs.set(name, id);
		}
		return id;
	};

	for (const fc of firm.cases) {
		const modified = time(fc.modifiedAt);
		const c: SaCase = {
			caseID: fc.caseId,
			caseNumber: fc.caseNumber,
			caseName: fc.caseName,
			caseTypeID: typeIdsByArea[fc.practiceArea] ?? FIRST.caseTypeID,
			caseStatusID: statusOf(fc.status),
			caseStatusFrom: modified,
			officeID: 1,
			caseOpenedDate: time(fc.openedDate),
			closedDate: fc.closed ? (fc.closedDate ? time(fc.closedDate) : modified) : null,
			incidentDate: timeOrNull(fc.incidentDate),
			incidentState: null,
			incidentFacts: fc.incidentFacts,
			plaintiffs: plaintiffsFor(state, fc.clients),
			defendants: fc.defendant ? [{ name: fc.defendant, role: '(D)-Defendant', primary: true }] : [],
			staff: fc.staff.map((s) => ({ userID: s.userId, roleID: STAFF_ROLES[s.role] })),
			secondStatuses: [],
			createdDate: time(fc.createdAt),
			modifiedDate: modified,
		};
		state.addCase(c);
		const primaryContact = c.plaintiffs[0]?.uniqueContactId ?? null;
		for (const note of fc.notes) {
			const created = time(note.createdAt);
			state.addNote({
				noteID: note.noteId,
				caseID: c.caseID,
				noteTypeID: noteTypeOf(note.noteTypeName),
				noteText: note.html,
				uniqueContactId: primaryContact,
				priority: 'Normal',
				userID: note.authorUserId,
				noteDate: toMinute(created),
				createdDate: created,
				modifiedDate: created,
				subject: note.subject,
				isSharedinCP: note.isSharedInClientPortal,
				isSharedWithAll: note.isSharedWithAll,
			});
		}
		for (const doc of fc.documents) {
			if (doc.service !== 'smartadvocate') continue;
			const created = time(doc.createdAt);
			const author = fc.staff[0]?.userId ?? firm.apiUser.userId;
			state.addDocument({
				documentID: doc.id,
				caseID: c.caseID,
				documentName: doc.fileName,
				description: '',
				comments: '',
				docType: fileExtension(doc.fileName),
				createdUserID: author,
				createdDate: created,
				modifiedUserID: author,
				modifiedDate: created,
				documentDate: created,
				categoryID: generalCategory,
				subCategoryID: null,
				documentFolder: doc.folder ?? DEFAULT_FOLDER,
				isSharedInPortal: false,
				isSharedWithEveryoneInPortal: false,
				contentType: doc.contentType,
				content: Buffer.from(doc.contentBase64, 'base64'),
			});
		}
	}
	return state;
}
