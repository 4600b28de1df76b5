/**
 * The simulator's in-memory SmartAdvocate database. Times are epoch milliseconds; the API layer formats them.
 * Every collection is a Map keyed by SA's own IDs, with the secondary indexes the routes need (case number,
 * notes and documents per case), so lookups stay O(1) and listings O(n) at 20,000 cases.
 */

export interface SaUser {
	userID: number;
	username: string;
	/** Only users that may log in to the API have one. */
	password: string | null;
	firstName: string;
	lastName: string;
	email: string;
	phone: string;
}

export interface SaRole {
	roleID: number;
	role: string;
}

export interface SaCaseGroup {
	caseGroupID: number;
	caseGroup: string;
}

export interface SaCaseType {
	caseTypeID: number;
	caseType: string;
	caseGroupID: number;
}

export interface SaStage {
	stageID: number;
	stageName: string;
	/** Primary statuses grouped in this stage, in order. */
	statusIDs: number[];
}

export interface SaStatus {
	caseStatusID: number;
	caseStatus: string;
	stageID: number | null;
}

export interface SaNoteType {
	noteTypeID: number;
	noteTypeName: string;
}

export interface SaCategory {
	categoryID: number;
	categoryName: string;
}

export interface SaOffice {
	officeID: number;
	officeName: string;
}

/** An individual (contactCtg 1); `uniqueContactId` is the key notes and plaintiffs refer to. */
export interface SaContact {
	uniqueContactId: number;
	contactID: number;
	contactCtg: 1 | 2;
	firstName: string;
	lastName: string;
	email: string | null;
	phones: { type: 'Cell' | 'Home' | 'Work'; number: string }[];
}

export interface SaPlaintiff {
	/** The plaintiff record's own ID (`plaintiffs[].id`). */
	id: number;
	uniqueContactId: number;
	role: string;
	primary: boolean;
	primaryContact: boolean;
}

export interface SaCaseStaff {
	userID: number;
	roleID: number;
}

export interface SaSecondStatus {
	statusID: number;
	fromDate: number;
	statusTypeName: string;
	statusName: string;
}

export interface SaCase {
	caseID: number;
	caseNumber: string;
	caseName: string;
	caseTypeID: number;
	caseStatusID: number;
	/** When the current primary status began. */
	caseStatusFrom: number;
	officeID: number;
	caseOpenedDate: number;
	closedDate: number | null;
	incidentDate: number | null;
	incidentState: string | null;
	incidentFacts: string;
	plaintiffs: SaPlaintiff[];
	defendants: { name: string; role: string; primary: boolean }[];
	staff: SaCaseStaff[];
	secondStatuses: SaSecondStatus[];
	createdDate: number;
	modifiedDate: number;
}

export interface SaNote {
	noteID: number;
	caseID: number;
	noteTypeID: number;
	/** HTML, kept exactly as written. */
	noteText: string;
	uniqueContactId: number | null;
	priority: string;
	/** The author. */
	userID: number;
	/** When it happened (minute precision). */
	noteDate: number;
	/** When it was entered. */
	createdDate: number;
	modifiedDate: number;
	subject: string;
	isSharedinCP: boolean;
	isSharedWithAll: boolean;
}

export interface SaDocument {
	documentID: number;
	caseID: number;
	documentName: string;
	description: string;
	comments: string;
	docType: string;
	createdUserID: number;
	createdDate: number;
	modifiedUserID: number;
	modifiedDate: number;
	documentDate: number;
	categoryID: number;
	subCategoryID: number | null;
	documentFolder: string;
	isSharedInPortal: boolean;
	isSharedWithEveryoneInPortal: boolean;
	contentType: string;
	content: Buffer;
}

export type Sortable = 'cases' | 'notes' | 'documents';

export class SaState {
	users = new Map<number, SaUser>();
	roles = new Map<number, SaRole>();
	caseGroups = new Map<number, SaCaseGroup>();
	caseTypes = new Map<number, SaCaseType>();
	stages = new Map<number, SaStage>();
	statuses = new Map<number, SaStatus>();
	noteTypes = new Map<number, SaNoteType>();
	categories = new Map<number, SaCategory>();
	offices = new Map<number, SaOffice>();
	contacts = new Map<number, SaContact>();
	cases = new Map<number, SaCase>();
	notes = new Map<number, SaNote>();
	documents = new Map<number, SaDocument>();

	private casesByNumber = new Map<string, SaCase>();
	private notesByCase = new Map<number, SaNote[]>();
	private documentsByCase = new Map<number, SaDocument[]>();
	/** Lists in ascending (modifiedDate, ID) order, rebuilt lazily after a change. */
	private sorted: Partial<Record<Sortable, { version: number; items: unknown[] }>> = {};
	private version = 0;

	next = { caseID: 1, plaintiffID: 1, noteID: 1, documentID: 1 };

	/** Call after changing any case, note or document in place. */
	changed() {
		this.version += 1;
	}

	userByName(username: string): SaUser | undefined {
		const wanted = username.toLowerCase();
		for (const user of this.users.values()) if (user.username.toLowerCase() === wanted) return user;
		return undefined;
	}

	caseByNumber(caseNumber: string): SaCase | undefined {
		return this.casesByNumber.get(caseNumber.toLowerCase());
	}

	addCase(c: SaCase) {
		this.cases.set(c.caseID, c);
		this.casesByNumber.set(c.caseNumber.toLowerCase(), c);
		this.next.caseID = Math.max(this.next.caseID, c.caseID + 1);
		this.changed();
	}

	renumberCase(c: SaCase, caseNumber: string) {
		this.casesByNumber.delete(c.caseNumber.toLowerCase());
		c.caseNumber = caseNumber;
		this.casesByNumber.set(caseNumber.toLowerCase(), c);
		this.changed();
	}

	addNote(note: SaNote) {
		this.notes.set(note.noteID, note);
		const list = this.notesByCase.get(note.caseID) ?? [];
		list.push(note);
		this.notesByCase.set(note.caseID, list);
		this.next.noteID = Math.max(this.next.noteID, note.noteID + 1);
		this.changed();
	}

	notesOf(caseID: number): readonly SaNote[] {
		return this.notesByCase.get(caseID) ?? [];
	}

	addDocument(doc: SaDocument) {
		this.documents.set(doc.documentID, doc);
		const list = this.documentsByCase.get(doc.caseID) ?? [];
		list.push(doc);
		list.sort((a, b) => a.documentID - b.documentID);
		this.documentsByCase.set(doc.caseID, list);
		this.next.documentID = Math.max(this.next.documentID, doc.documentID + 1);
		this.changed();
	}

	documentsOf(caseID: number): readonly SaDocument[] {
		return this.documentsByCase.get(caseID) ?? [];
	}

	addContact(contact: SaContact) {
		this.contacts.set(contact.uniqueContactId, contact);
	}

	/** A fresh `uniqueContactId` for a client added through the admin API. */
	newContactId(): number {
		let max = 0;
		for (const id of this.contacts.keys()) if (id > max) max = id;
		return max + 1;
	}

	statusByName(name: string): SaStatus | undefined {
		const wanted = name.trim().toLowerCase();
		for (const status of this.statuses.values()) if (status.caseStatus.toLowerCase() === wanted) return status;
		return undefined;
	}

	noteTypeByName(name: string): SaNoteType | undefined {
		const wanted = name.trim().toLowerCase();
		for (const type of this.noteTypes.values()) if (type.noteTypeName.toLowerCase() === wanted) return type;
		return undefined;
	}

	categoryByName(name: string): SaCategory | undefined {
		const wanted = name.trim().toLowerCase();
		for (const category of this.categories.values()) if (category.categoryName.toLowerCase() === wanted) return category;
		return undefined;
	}

	/** Cases, notes or documents in ascending (modifiedDate, ID) order; cached until the next change. */
	byModified(kind: 'cases'): readonly SaCase[];
	byModified(kind: 'notes'): readonly SaNote[];
	byModified(kind: 'documents'): readonly SaDocument[];
	byModified(kind: Sortable): readonly unknown[] {
		const cached = this.sorted[kind];
		if (cached && cached.version === this.version) return cached.items;
		let items: { modifiedDate: number; id: number; item: unknown }[];
		if (kind === 'cases') items = [...this.cases.values()].map((item) => ({ modifiedDate: item.modifiedDate, id: item.caseID, item }));
		else if (kind === 'notes') items = [...this.notes.values()].map((item) => ({ modifiedDate: item.modifiedDate, id: item.noteID, item }));
		else items = [...this.documents.values()].map((item) => ({ modifiedDate: item.modifiedDate, id: item.documentID, item }));
		items.sort((a, b) => a.modifiedDate - b.modifiedDate || a.id - b.id);
		const result = items.map((entry) => entry.item);
		this.sorted[kind] = { version: this.version, items: result };
		return result;
	}
}
