/**
 * State records → the JSON SmartAdvocate sends (field names exactly as ROUTES.md), with dates in the
 * configured style.
 */
import { dateFormat, type SaContext } from './context';
import { formatSaDate } from './dates';
import type { SaCase, SaContact, SaDocument, SaNote, SaUser } from './state';

const fullName = (c: { firstName: string; lastName: string }) => `${c.lastName}, ${c.firstName}`;

export function contactToApi(c: SaContact, extra: Record<string, unknown> = {}) {
	return {
		uniqueContactId: c.uniqueContactId,
		contactID: c.contactID,
		contactCtg: c.contactCtg,
		firstName: c.firstName,
		lastName: c.lastName,
		...extra,
		email: c.email,
		emails: c.email ? [c.email] : [],
		phones: c.phones.map((p) => ({ ...p })),
	};
}

export function staffOf(ctx: SaContext, c: SaCase) {
	return c.staff.flatMap((s) => {
		const user: SaUser | undefined = ctx.state.users.get(s.userID);
		if (!user) return [];
		return [{
			userID: user.userID,
			firstName: user.firstName,
			lastName: user.lastName,
			email: user.email,
			phone: user.phone,
			roleID: s.roleID,
			role: ctx.state.roles.get(s.roleID)?.role ?? '',
		}];
	});
}

export function caseToApi(ctx: SaContext, c: SaCase, options: { contactInfo: boolean; referrals?: boolean }) {
	const { state } = ctx;
	const fmt = dateFormat(ctx);
	const type = state.caseTypes.get(c.caseTypeID);
	const status = state.statuses.get(c.caseStatusID);
	const stage = status?.stageID ? state.stages.get(status.stageID) : undefined;
	const out: Record<string, unknown> = {
		caseID: c.caseID,
		caseNumber: c.caseNumber,
		caseName: c.caseName,
		caseTypeID: c.caseTypeID,
		caseType: type?.caseType ?? null,
		caseGroupID: type?.caseGroupID ?? null,
		caseGroup: (type && state.caseGroups.get(type.caseGroupID)?.caseGroup) ?? null,
		caseStatusID: c.caseStatusID,
		caseStatus: status?.caseStatus ?? null,
		caseStatusFrom: formatSaDate(c.caseStatusFrom, fmt),
		caseStage: stage?.stageName ?? null,
		officeID: c.officeID,
		officeName: state.offices.get(c.officeID)?.officeName ?? null,
		caseOpenedDate: formatSaDate(c.caseOpenedDate, fmt),
		closedDate: formatSaDate(c.closedDate, fmt),
		plaintiffs: c.plaintiffs.map((p) => {
			const contact = state.contacts.get(p.uniqueContactId);
			return {
				id: p.id,
				name: contact ? fullName(contact) : '',
				role: p.role,
				contactID: contact?.contactID ?? null,
				primary: p.primary,
				primaryContact: p.primaryContact,
			};
		}),
		secondStatuses: c.secondStatuses.map((s) => ({
			statusID: s.statusID,
			fromDate: formatSaDate(s.fromDate, fmt),
			statusTypeName: s.statusTypeName,
			statusName: s.statusName,
		})),
		createdDate: formatSaDate(c.createdDate, fmt),
		modifiedDate: formatSaDate(c.modifiedDate, fmt),
	};
	if (options.contactInfo) {
		out.incident = {
			incidentDate: formatSaDate(c.incidentDate, fmt),
			state: c.incidentState,
			incidentFacts: c.incidentFacts,
			mergedFacts: c.incidentFacts,
			comments: '',
		};
		out.defendant = c.defendants.map((d) => ({ ...d }));
		out.caseStaff = staffOf(ctx, c).map((member) => {
			const withoutRole: Partial<typeof member> = { ...member };
			delete withoutRole.roleID;
			return withoutRole;
		});
	}
	if (options.referrals) out.referrals = [];
	return out;
}

export function noteToApi(ctx: SaContext, n: SaNote) {
	const { state } = ctx;
	const fmt = dateFormat(ctx);
	const contact = n.uniqueContactId === null ? undefined : state.contacts.get(n.uniqueContactId);
	return {
		noteID: n.noteID,
		caseID: n.caseID,
		caseNumber: state.cases.get(n.caseID)?.caseNumber ?? null,
		noteTypeID: n.noteTypeID,
		noteTypeName: state.noteTypes.get(n.noteTypeID)?.noteTypeName ?? null,
		noteText: n.noteText,
		uniqueContactId: n.uniqueContactId,
		uniqueContactName: contact ? fullName(contact) : '',
		priority: n.priority,
		userID: n.userID,
		noteDate: formatSaDate(n.noteDate, fmt),
		createdDate: formatSaDate(n.createdDate, fmt),
		modifiedDate: formatSaDate(n.modifiedDate, fmt),
		subject: n.subject,
		isSharedinCP: n.isSharedinCP,
		isSharedWithAll: n.isSharedWithAll,
	};
}

export function documentToApi(ctx: SaContext, d: SaDocument) {
	const { state } = ctx;
	const fmt = dateFormat(ctx);
	return {
		documentID: d.documentID,
		caseID: d.caseID,
		caseNumber: state.cases.get(d.caseID)?.caseNumber ?? null,
		documentName: d.documentName,
		description: d.description,
		comments: d.comments,
		docType: d.docType,
		createdUserID: d.createdUserID,
		createdDate: formatSaDate(d.createdDate, fmt),
		modifiedUserID: d.modifiedUserID,
		modifiedDate: formatSaDate(d.modifiedDate, fmt),
		documentDate: formatSaDate(d.documentDate, fmt),
		categoryID: d.categoryID,
		categoryName: state.categories.get(d.categoryID)?.categoryName ?? null,
		subCategoryID: d.subCategoryID,
		subCategoryName: null,
		documentFolder: d.documentFolder,
		isSharedInPortal: d.isSharedInPortal,
		isSharedWithEveryoneInPortal: d.isSharedWithEveryoneInPortal,
		fileSize: d.content.length,
		contentType: d.contentType,
	};
}
