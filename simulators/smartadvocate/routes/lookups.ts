/** Pick-lists and lookups: case groups/types, stages with statuses, note types, contact types, contact search. */
import type { Route } from '../../shared/http';
import type { SaContext } from '../context';
import { queryInt, validationProblem } from '../request';
import type { SaContact } from '../state';
import { BASE, authorized } from './auth';

/** `contact/ContactTypes` by category: 1 = individual, 2 = organisation. */
export const CONTACT_TYPES: Record<1 | 2, { id: number; description: string }[]> = {
	1: [
		{ id: 1, description: 'Client' },
		{ id: 2, description: 'Witness' },
		{ id: 3, description: 'Adjuster' },
		{ id: 4, description: 'Doctor' },
		{ id: 5, description: 'Attorney' },
		{ id: 6, description: 'Employee' },
	],
	2: [
		{ id: 21, description: 'Insurance Company' },
		{ id: 22, description: 'Hospital' },
		{ id: 23, description: 'Law Firm' },
		{ id: 24, description: 'Medical Provider' },
		{ id: 25, description: 'Court' },
	],
};

function contactMatches(contact: SaContact, name?: string, first?: string, last?: string): boolean {
	const has = (value: string, part?: string) => !part || value.toLowerCase().includes(part.trim().toLowerCase());
	const fullNames = `${contact.firstName} ${contact.lastName}|${contact.lastName}, ${contact.firstName}`;
	return has(fullNames, name) && has(contact.firstName, first) && has(contact.lastName, last);
}

export function lookupRoutes(ctx: SaContext): Route[] {
	return [
		{
			method: 'GET',
			pattern: `${BASE}/case/CaseGroup`,
			handler: authorized(ctx, () => ({ status: 200, body: [...ctx.state.caseGroups.values()].map((g) => ({ ...g })) })),
		},
		{
			method: 'GET',
			pattern: `${BASE}/case/CaseType`,
			handler: authorized(ctx, (req) => {
				const group = queryInt(req, 'CaseGroupID', 0);
				const types = [...ctx.state.caseTypes.values()].filter((t) => !group || t.caseGroupID === group);
				return { status: 200, body: types.map((t) => ({ ...t })) };
			}),
		},
		{
			method: 'GET',
			pattern: `${BASE}/case/statuses`,
			handler: authorized(ctx, () => ({
				status: 200,
				body: [...ctx.state.stages.values()].map((stage) => ({
					stageID: stage.stageID,
					stageName: stage.stageName,
					statuses: stage.statusIDs.map((id) => ({ caseStatusID: id, caseStatus: ctx.state.statuses.get(id)!.caseStatus })),
				})),
			})),
		},
		{
			method: 'GET',
			pattern: `${BASE}/case/notes/types`,
			handler: authorized(ctx, () => ({ status: 200, body: [...ctx.state.noteTypes.values()].map((t) => ({ ...t })) })),
		},
		{
			method: 'GET',
			pattern: `${BASE}/contact/ContactTypes`,
			handler: authorized(ctx, (req) => {
				const ctg = queryInt(req, 'ContactCtg', 0);
				if (ctg === 0) return { status: 200, body: [...CONTACT_TYPES[1], ...CONTACT_TYPES[2]] };
				if (ctg !== 1 && ctg !== 2) throw validationProblem({ ContactCtg: ['ContactCtg must be 1 (individual) or 2 (organisation).'] });
				return { status: 200, body: CONTACT_TYPES[ctg] };
			}),
		},
		{
			method: 'GET',
			pattern: `${BASE}/Search/contactLookup`,
			handler: authorized(ctx, (req) => {
				const firstPage = queryInt(req, 'FirstPage', 1);
				const rowLimit = queryInt(req, 'RowLimit', 10);
				const errors: Record<string, string[]> = {};
				if (firstPage < 1) errors.FirstPage = ['FirstPage starts at 1.'];
				if (rowLimit < 1) errors.RowLimit = ['RowLimit must be at least 1.'];
				if (Object.keys(errors).length > 0) throw validationProblem(errors);
				const [name, first, last] = ['Name', 'FirstName', 'LastName'].map((key) => req.query.get(key));
				const found = [...ctx.state.contacts.values()]
					.filter((c) => contactMatches(c, name, first, last))
					.sort((a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName) || a.uniqueContactId - b.uniqueContactId);
				const start = (firstPage - 1) * rowLimit;
				return {
					status: 200,
					body: found.slice(start, start + rowLimit).map((c) => ({
						uniqueContactId: c.uniqueContactId,
						contactID: c.contactID,
						contactCtg: c.contactCtg,
						name: `${c.lastName}, ${c.firstName}`,
						firstName: c.firstName,
						lastName: c.lastName,
						email: c.email,
						phone: c.phones[0]?.number ?? null,
					})),
				};
			}),
		},
	];
}
