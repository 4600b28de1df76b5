/** Case routes: CaseInfo search, one case, its contacts and staff, the modified-date search, and updates. */
import type { Route, SimRequest } from '../../shared/http';
import { dateFormat, nowMs, type SaContext } from '../context';
import { hasWildcard, likeToRegExp } from '../like';
import { applySorts, inWindow, pageEnvelope, readDatePagedQuery, type SortKeys } from '../paging';
import { bare, Fields, jsonObject, queryBool, routeInt, validationProblem } from '../request';
import { STAFF_ROLES, contactFromClient, plaintiffsFor } from '../seed';
import { caseToApi, contactToApi, staffOf } from '../serialize';
import type { SaCase } from '../state';
import { BASE, authorized } from './auth';

export function caseOr404(ctx: SaContext, caseIDText: string | undefined): SaCase {
	const c = ctx.state.cases.get(routeInt(caseIDText));
	if (!c) throw bare(404);
	return c;
}

function searchByNumber(ctx: SaContext, pattern: string): SaCase[] {
	if (!hasWildcard(pattern)) {
		const c = ctx.state.caseByNumber(pattern);
		return c ? [c] : [];
	}
	const regex = likeToRegExp(pattern);
	const found: SaCase[] = [];
	for (const c of ctx.state.cases.values()) if (regex.test(c.caseNumber)) found.push(c);
	return found.sort((a, b) => a.caseID - b.caseID);
}

const CASE_SORTS: SortKeys<SaCase> = {
	caseID: (c) => c.caseID,
	caseNumber: (c) => c.caseNumber,
	caseName: (c) => c.caseName,
	caseStatusID: (c) => c.caseStatusID,
	caseOpenedDate: (c) => c.caseOpenedDate,
	createdDate: (c) => c.createdDate,
	modifiedDate: (c) => c.modifiedDate,
};

/**
 * Applies a partial change to a case (the API's `PUT case/{caseID}`, and with `admin` the fuller edit a staff
 * member can make in SA's UI). Validates everything first, so a 400 changes nothing. Bumps `modifiedDate`.
 */
export function changeCase(ctx: SaContext, c: SaCase, body: Fields, options: { admin: boolean }) {
	const { state } = ctx;
	const fmt = dateFormat(ctx);
	const apply: (() => void)[] = [];

	const setStatus = (id: number) => {
		if (c.caseStatusID === id) return;
		c.caseStatusID = id;
		c.caseStatusFrom = nowMs(ctx);
	};
	const statusID = body.int('caseStatusID');
	const statusName = body.string('caseStatus');
	if (statusID !== undefined && statusID !== null) {
		if (!state.statuses.has(statusID)) body.invalid('caseStatusID', `Case status ${statusID} does not exist.`);
		else apply.push(() => setStatus(statusID));
	} else if (statusName) {
		const status = state.statusByName(statusName);
		if (!status) body.invalid('caseStatus', `Case status '${statusName}' does not exist.`);
		else apply.push(() => setStatus(status.caseStatusID));
	}

	const typeID = body.int('caseTypeID');
	const typeName = body.string('caseType');
	if (typeID !== undefined && typeID !== null) {
		if (!state.caseTypes.has(typeID)) body.invalid('caseTypeID', `Case type ${typeID} does not exist.`);
		else apply.push(() => (c.caseTypeID = typeID));
	} else if (typeName) {
		const type = [...state.caseTypes.values()].find((t) => t.caseType.toLowerCase() === typeName.trim().toLowerCase());
		if (!type) body.invalid('caseType', `Case type '${typeName}' does not exist.`);
		else apply.push(() => (c.caseTypeID = type.caseTypeID));
	}

	const caseName = body.string('caseName');
	if (caseName !== undefined) {
		if (!caseName?.trim()) body.invalid('caseName', 'The CaseName field is required.');
		else apply.push(() => (c.caseName = caseName));
	}
	const opened = body.date('caseOpenedDate', fmt);
	if (opened !== undefined && opened !== null) apply.push(() => (c.caseOpenedDate = opened));
	if (body.has('closedDate')) {
		const closed = body.date('closedDate', fmt);
		if (closed !== undefined) apply.push(() => (c.closedDate = closed));
	}

	if (options.admin) changeCaseAsStaff(ctx, c, body, apply);
	const modified = (options.admin && body.date('modifiedDate', fmt)) || nowMs(ctx);

	body.throwIfInvalid();
	for (const step of apply) step();
	c.modifiedDate = modified;
	state.changed();
}

/** The fields only SA's UI changes: number, incident, staff, clients, sub-statuses. */
function changeCaseAsStaff(ctx: SaContext, c: SaCase, body: Fields, apply: (() => void)[]) {
	const { state } = ctx;
	const fmt = dateFormat(ctx);
	const caseNumber = body.string('caseNumber');
	if (caseNumber !== undefined) {
		const other = caseNumber ? state.caseByNumber(caseNumber) : undefined;
		if (!caseNumber?.trim()) body.invalid('caseNumber', 'The CaseNumber field is required.');
		else if (other && other !== c) body.invalid('caseNumber', `Case number '${caseNumber}' is already used by case ${other.caseID}.`);
		else apply.push(() => state.renumberCase(c, caseNumber));
	}
	if (body.has('incidentDate')) {
		const incident = body.date('incidentDate', fmt);
		if (incident !== undefined) apply.push(() => (c.incidentDate = incident));
	}
	const facts = body.string('incidentFacts');
	if (typeof facts === 'string') apply.push(() => (c.incidentFacts = facts));
	if (body.has('incidentState')) {
		const incidentState = body.string('incidentState');
		if (incidentState !== undefined) apply.push(() => (c.incidentState = incidentState));
	}

	const staff = body.objectArray('staff');
	if (staff) {
		const members = staff.map((item) => {
			const userID = item.int('userID');
			const roleName = item.string('role');
			const roleID = item.int('roleID') ?? (roleName ? STAFF_ROLES[roleName as keyof typeof STAFF_ROLES] : undefined);
			body.absorb(item);
			if (!userID || !state.users.has(userID)) body.invalid('staff', `User ${userID} does not exist.`);
			if (!roleID || !state.roles.has(roleID)) body.invalid('staff', `Role '${roleName ?? roleID}' does not exist.`);
			return { userID: userID!, roleID: roleID! };
		});
		apply.push(() => (c.staff = members));
	}

	const clients = body.objectArray('clients');
	if (clients) {
		const firmClients = clients.map((item) => {
			const contactId = item.int('uniqueContactId') ?? item.int('contactId');
			const firstName = item.string('firstName');
			const lastName = item.string('lastName');
			const email = item.string('email') ?? null;
			const cellPhone = item.string('cellPhone') ?? null;
			body.absorb(item);
			if (!firstName && !lastName && !(contactId && state.contacts.has(contactId))) {
				body.invalid('clients', 'A new client needs firstName and lastName.');
			}
			return { contactId: contactId ?? 0, firstName: firstName ?? '', lastName: lastName ?? '', email, cellPhone };
		});
		apply.push(() => {
			for (const client of firmClients) {
				if (!client.contactId) client.contactId = state.newContactId();
				const contact = contactFromClient(state, client);
				if (client.firstName) contact.firstName = client.firstName;
				if (client.lastName) contact.lastName = client.lastName;
				if (client.email) contact.email = client.email;
				if (client.cellPhone) contact.phones = [{ type: 'Cell', number: client.cellPhone }];
			}
			c.plaintiffs = plaintiffsFor(state, firmClients);
		});
	}

	const seconds = body.objectArray('secondStatuses');
	if (seconds) {
		const list = seconds.map((item, index) => {
			const statusTypeName = item.string('statusTypeName') ?? '';
			const statusName = item.string('statusName') ?? '';
			body.absorb(item);
			return { statusID: 890 + index, fromDate: nowMs(ctx), statusTypeName, statusName };
		});
		apply.push(() => (c.secondStatuses = list));
	}
}

export function caseRoutes(ctx: SaContext): Route[] {
	const withContactInfo = (c: SaCase) => caseToApi(ctx, c, { contactInfo: true });
	return [
		{
			method: 'GET',
			pattern: `${BASE}/case/CaseInfo`,
			handler: authorized(ctx, (req) => {
				const pattern = req.query.get('Casenumber');
				if (!pattern) throw validationProblem({ Casenumber: ['The Casenumber field is required.'] });
				const contactInfo = queryBool(req, 'AddContactInfo');
				const referrals = queryBool(req, 'AddReferrals');
				const found = ctx.settings.ignoreCaseNumberFilter ? ctx.state.byModified('cases') : searchByNumber(ctx, pattern);
				if (found.length === 0 && ctx.settings.caseInfoNotFoundAs404) throw bare(404);
				return { status: 200, body: found.map((c) => caseToApi(ctx, c, { contactInfo, referrals })) };
			}),
		},
		{
			method: 'POST',
			pattern: `${BASE}/case/byDatePaged`,
			handler: authorized(ctx, (req) => {
				const q = readDatePagedQuery(ctx, req, Object.keys(CASE_SORTS));
				const includeClosed = q.body.bool('includeClosed') ?? true;
				q.body.throwIfInvalid();
				const matching = ctx.state
					.byModified('cases')
					.filter(
						(c) =>
							inWindow(q, c.modifiedDate) &&
							(includeClosed || c.closedDate === null) &&
							(q.caseNumbers.size === 0 || q.caseNumbers.has(c.caseNumber.toLowerCase())),
					);
				return { status: 200, body: pageEnvelope(applySorts(matching, q.sorts, CASE_SORTS), q, ctx.settings.envelope, withContactInfo) };
			}),
		},
		{
			method: 'GET',
			pattern: `${BASE}/case/{caseID}/contacts`,
			handler: authorized(ctx, (req) => {
				const c = caseOr404(ctx, req.params.caseID);
				const contacts = c.plaintiffs.flatMap((p) => {
					const contact = ctx.state.contacts.get(p.uniqueContactId);
					return contact ? [contactToApi(contact, { role: p.role, primary: p.primary })] : [];
				});
				return { status: 200, body: contacts };
			}),
		},
		{
			method: 'GET',
			pattern: `${BASE}/case/{caseID}/staff`,
			handler: authorized(ctx, (req) => ({ status: 200, body: staffOf(ctx, caseOr404(ctx, req.params.caseID)) })),
		},
		{
			method: 'PUT',
			pattern: `${BASE}/case/{caseID}`,
			handler: authorized(ctx, (req: SimRequest) => {
				if (!ctx.settings.permissions.canUpdateCase) throw bare(403);
				const c = caseOr404(ctx, req.params.caseID);
				changeCase(ctx, c, jsonObject(req), { admin: false });
				return { status: 200, body: withContactInfo(c) };
			}),
		},
	];
}

/** `GET case/{caseID}` must come after every other two-segment `case/…` route. */
export function caseByIdRoute(ctx: SaContext): Route {
	return {
		method: 'GET',
		pattern: `${BASE}/case/{caseID}`,
		handler: authorized(ctx, (req) => ({ status: 200, body: caseToApi(ctx, caseOr404(ctx, req.params.caseID), { contactInfo: true }) })),
	};
}
