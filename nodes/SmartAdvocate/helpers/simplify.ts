/**
 * SmartAdvocate records → the flat shapes the sync consumes and people map on the canvas. Field names
 * come from the domain (caseNumber, isSharedInClientPortal); where SmartAdvocate's own name differs
 * the comment says so.
 */
import type { IDataObject } from 'n8n-workflow';

import { htmlToText } from './html';
import { normalizeSmartAdvocateDate } from './dates';

export interface StaffPerson {
	userId: number | null;
	name: string;
	email: string | null;
	role: string;
}

export interface SimplifiedClient {
	contactId: number | null;
	firstName: string;
	lastName: string;
	email: string | null;
	cellPhone: string | null;
}

export interface SimplifiedCase {
	caseId: number;
	/** SmartAdvocate's human case number: Case Status calls it the readable ID. */
	caseNumber: string;
	caseName: string;
	/** The case description Case Status shows: SmartAdvocate's caseName. */
	description: string;
	/** SmartAdvocate's caseType. */
	practiceArea: string | null;
	caseGroup: string | null;
	status: string | null;
	stage: string | null;
	caseDate: string | null;
	caseDateSource: 'incident' | 'opened' | null;
	openedDate: string | null;
	closedDate: string | null;
	isClosed: boolean;
	leadAttorney: StaffPerson | null;
	additionalAttorneys: StaffPerson[];
	paralegals: StaffPerson[];
	caseManagers: StaffPerson[];
	/** Absent when the clients were not read (Include Clients off). */
	clients?: SimplifiedClient[];
	modifiedDate: string | null;
}

const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value));
const textOrNull = (value: unknown): string | null => (value === null || value === undefined || value === '' ? null : String(value));
const numberOrNull = (value: unknown): number | null => {
	if (value === null || value === undefined || value === '') return null;
	const number = Number(value);
	return Number.isFinite(number) ? number : null;
};
const objects = (value: unknown): IDataObject[] =>
	Array.isArray(value) ? value.filter((item): item is IDataObject => !!item && typeof item === 'object') : [];

const PRIMARY_ATTORNEY = 'primary attorney';

/** One case-staff entry (from `caseStaff` or `case/{id}/staff`) as a person. */
export function staffPerson(member: IDataObject): StaffPerson {
	const name = [text(member.firstName).trim(), text(member.lastName).trim()].filter(Boolean).join(' ');
	return {
		userId: numberOrNull(member.userID ?? member.userId),
		name: name || text(member.name).trim(),
		email: textOrNull(member.email),
		role: text(member.role).trim(),
	};
}

/** Case staff sorted into the roles Case Status knows. */
export function staffByRole(staff: IDataObject[]) {
	const people = staff.map(staffPerson);
	const role = (person: StaffPerson) => person.role.toLowerCase();
	const lead = people.find((person) => role(person) === PRIMARY_ATTORNEY) ?? null;
	return {
		leadAttorney: lead,
		additionalAttorneys: people.filter((person) => person !== lead && role(person).includes('attorney')),
		paralegals: people.filter((person) => role(person).includes('paralegal')),
		caseManagers: people.filter((person) => role(person) === 'case manager'),
	};
}

/** A client from `case/{id}/contacts`: cell phone is the phone labelled Cell, else the first one. */
export function simplifyClient(contact: IDataObject): SimplifiedClient {
	const phones = objects(contact.phones);
	const cell = phones.find((phone) => text(phone.type).toLowerCase() === 'cell') ?? phones[0];
	const emails = Array.isArray(contact.emails) ? contact.emails : [];
	return {
		contactId: numberOrNull(contact.uniqueContactId ?? contact.contactId ?? contact.contactID),
		firstName: text(contact.firstName),
		lastName: text(contact.lastName),
		email: textOrNull(contact.email) ?? textOrNull(emails[0]),
		cellPhone: textOrNull(cell?.number ?? contact.cellPhone ?? contact.phone),
	};
}

/**
 * A SmartAdvocate case with its clients and staff as one flat record. `staff` is the case staff from
 * wherever it came (embedded `caseStaff`, or `case/{id}/staff`); `contacts` undefined = clients not read.
 */
export function simplifyCase(raw: IDataObject, contacts: IDataObject[] | undefined, staff: IDataObject[]): SimplifiedCase {
	const incident = (raw.incident ?? {}) as IDataObject;
	const incidentDate = normalizeSmartAdvocateDate(incident.incidentDate);
	const openedDate = normalizeSmartAdvocateDate(raw.caseOpenedDate);
	const closedDate = normalizeSmartAdvocateDate(raw.closedDate);
	return {
		caseId: Number(raw.caseID),
		caseNumber: text(raw.caseNumber),
		caseName: text(raw.caseName),
		description: text(raw.caseName),
		practiceArea: textOrNull(raw.caseType),
		caseGroup: textOrNull(raw.caseGroup),
		status: textOrNull(raw.caseStatus),
		stage: textOrNull(raw.caseStage),
		caseDate: incidentDate ?? openedDate,
		caseDateSource: incidentDate ? 'incident' : openedDate ? 'opened' : null,
		openedDate,
		closedDate,
		isClosed: closedDate !== null,
		...staffByRole(staff),
		...(contacts ? { clients: contacts.map(simplifyClient) } : {}),
		modifiedDate: normalizeSmartAdvocateDate(raw.modifiedDate),
	};
}

export interface SimplifiedNote {
	noteId: number;
	caseId: number;
	caseNumber: string | null;
	noteType: string | null;
	noteTypeId: number | null;
	subject: string;
	html: string;
	text: string;
	isSharedInClientPortal: boolean;
	isSharedWithAll: boolean;
	authorUserId: number | null;
	author: { name: string; email: string | null } | null;
	noteDate: string | null;
	createdDate: string | null;
	modifiedDate: string | null;
}

/** A note, with its author's name and e-mail when the author is on the case staff. */
export function simplifyNote(raw: IDataObject, caseStaff: IDataObject[] = []): SimplifiedNote {
	const authorUserId = numberOrNull(raw.userID);
	const author = authorUserId === null ? undefined : caseStaff.map(staffPerson).find((person) => person.userId === authorUserId);
	const html = text(raw.noteText);
	return {
		noteId: Number(raw.noteID),
		caseId: Number(raw.caseID),
		caseNumber: textOrNull(raw.caseNumber),
		noteType: textOrNull(raw.noteTypeName),
		noteTypeId: numberOrNull(raw.noteTypeID),
		subject: text(raw.subject),
		html,
		text: htmlToText(html),
		// SmartAdvocate calls the "Shared in Client Portal" checkbox isSharedinCP.
		isSharedInClientPortal: raw.isSharedinCP === true,
		isSharedWithAll: raw.isSharedWithAll === true,
		authorUserId,
		author: author ? { name: author.name, email: author.email } : null,
		noteDate: normalizeSmartAdvocateDate(raw.noteDate),
		createdDate: normalizeSmartAdvocateDate(raw.createdDate),
		modifiedDate: normalizeSmartAdvocateDate(raw.modifiedDate),
	};
}

export interface SimplifiedDocument {
	documentId: number;
	caseId: number;
	caseNumber: string | null;
	fileName: string;
	description: string;
	folder: string | null;
	category: string | null;
	contentType: string | null;
	fileSize: number | null;
	isSharedInClientPortal: boolean;
	documentDate: string | null;
	createdDate: string | null;
	modifiedDate: string | null;
}

export function simplifyDocument(raw: IDataObject): SimplifiedDocument {
	return {
		documentId: Number(raw.documentID),
		caseId: Number(raw.caseID),
		caseNumber: textOrNull(raw.caseNumber),
		fileName: text(raw.documentName),
		description: text(raw.description),
		folder: textOrNull(raw.documentFolder),
		category: textOrNull(raw.categoryName),
		contentType: textOrNull(raw.contentType),
		fileSize: numberOrNull(raw.fileSize),
		// SmartAdvocate calls the document's "Shared in Client Portal" flag isSharedInPortal.
		isSharedInClientPortal: raw.isSharedInPortal === true,
		documentDate: normalizeSmartAdvocateDate(raw.documentDate),
		createdDate: normalizeSmartAdvocateDate(raw.createdDate),
		modifiedDate: normalizeSmartAdvocateDate(raw.modifiedDate),
	};
}
