/**
 * Admin extras (not part of SA's API): what a staff member does in SA's own UI — write a note, attach a
 * document, open or edit a case — so tests can make SA-side changes a sync must pick up.
 */
import { SimError, type Route, type SimRequest } from '../../shared/http';
import { dateFormat, nowMs, type SaContext } from '../context';
import { Fields, validationProblem } from '../request';
import { noteToApi, caseToApi, documentToApi } from '../serialize';
import type { SaCase } from '../state';
import { changeCase } from './cases';
import { storeDocument } from './documents';
import { createNote } from './notes';

function adminBody(req: SimRequest): Fields {
	const value = req.json();
	if (!value || typeof value !== 'object' || Array.isArray(value)) throw new SimError(400, { message: 'A JSON object body is required.' });
	return new Fields(value as Record<string, unknown>);
}

/** The case named by `caseID` or `caseNumber` in an admin body. */
function caseOf(ctx: SaContext, body: Fields): SaCase {
	const caseID = body.int('caseID');
	const caseNumber = body.string('caseNumber');
	const c = caseID ? ctx.state.cases.get(caseID) : caseNumber ? ctx.state.caseByNumber(caseNumber) : undefined;
	if (!c) throw new SimError(404, { message: `No case ${caseID ?? caseNumber ?? '(caseID or caseNumber is required)'}` });
	return c;
}

function userOf(ctx: SaContext, body: Fields): number {
	const userID = body.int('userID');
	if (!userID || !ctx.state.users.has(userID)) throw validationProblem({ UserID: [`User ${userID} does not exist.`] });
	return userID;
}

export function adminRoutes(ctx: SaContext): Route[] {
	return [
		{
			method: 'POST',
			pattern: '/__admin/notes',
			handler: (req) => {
				const body = adminBody(req);
				const c = caseOf(ctx, body);
				const author = userOf(ctx, body);
				const createdDate = body.date('createdDate', dateFormat(ctx)) ?? undefined;
				const note = createNote(ctx, c, body, author, { createdDate });
				return { status: 201, body: noteToApi(ctx, note) };
			},
		},
		{
			method: 'POST',
			pattern: '/__admin/documents',
			handler: (req) => {
				const body = adminBody(req);
				const c = caseOf(ctx, body);
				const userID = body.has('userID') ? userOf(ctx, body) : (c.staff[0]?.userID ?? [...ctx.state.users.keys()][0]);
				const fileName = body.string('fileName');
				const base64 = body.string('contentBase64');
				const categoryName = body.string('categoryName') ?? undefined;
				if (!fileName) body.required('fileName');
				if (typeof base64 !== 'string') body.required('contentBase64');
				if (categoryName && !ctx.state.categoryByName(categoryName)) body.invalid('categoryName', `Category '${categoryName}' does not exist.`);
				const fmt = dateFormat(ctx);
				const createdDate = body.date('createdDate', fmt) ?? undefined;
				const documentDate = body.date('documentDate', fmt) ?? undefined;
				const doc = {
					fileName: fileName!,
					contentType: body.string('contentType') ?? 'application/octet-stream',
					content: Buffer.from(base64 ?? '', 'base64'),
					documentName: body.string('documentName') ?? undefined,
					description: body.string('description') ?? undefined,
					folder: body.string('folder') ?? undefined,
					categoryName,
					documentDate,
					isSharedInPortal: body.bool('isSharedInPortal') ?? undefined,
					isSharedWithEveryoneInPortal: body.bool('isSharedWithEveryoneInPortal') ?? undefined,
					userID,
					createdDate,
				};
				body.throwIfInvalid();
				return { status: 201, body: documentToApi(ctx, storeDocument(ctx, c, doc)) };
			},
		},
		{
			method: 'POST',
			pattern: '/__admin/cases',
			handler: (req) => {
				const body = adminBody(req);
				const { state } = ctx;
				const caseID = body.int('caseID') ?? state.next.caseID;
				if (state.cases.has(caseID)) throw validationProblem({ CaseID: [`Case ${caseID} already exists.`] });
				if (!body.string('caseNumber')) throw validationProblem({ CaseNumber: ['The CaseNumber field is required.'] });
				const now = nowMs(ctx);
				const c: SaCase = {
					caseID,
					caseNumber: '',
					caseName: '',
					caseTypeID: [...state.caseTypes.keys()][0] ?? 0,
					caseStatusID: [...state.statuses.keys()][0] ?? 0,
					caseStatusFrom: now,
					officeID: 1,
					caseOpenedDate: now,
					closedDate: null,
					incidentDate: null,
					incidentState: null,
					incidentFacts: '',
					plaintiffs: [],
					defendants: [],
					staff: [],
					secondStatuses: [],
					createdDate: now,
					modifiedDate: now,
				};
				changeCase(ctx, c, body, { admin: true });
				c.createdDate = Math.min(c.createdDate, c.modifiedDate);
				state.addCase(c);
				return { status: 201, body: caseToApi(ctx, c, { contactInfo: true }) };
			},
		},
		{
			method: 'POST',
			pattern: '/__admin/cases/{caseID}',
			handler: (req) => {
				const c = ctx.state.cases.get(Number(req.params.caseID));
				if (!c) throw new SimError(404, { message: `No case ${req.params.caseID}` });
				changeCase(ctx, c, adminBody(req), { admin: true });
				return { status: 200, body: caseToApi(ctx, c, { contactInfo: true }) };
			},
		},
	];
}
