/**
 * Finding a case from what the user gave (a case picked from the list, a case ID or a case number),
 * and loading what a simplified case needs (its clients and staff). Used by every operation and the trigger.
 */
import type { IDataObject, IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { itemFieldOfExpression, itemFieldValue } from '../../../shared/itemField';
import type { ServiceContext } from '../../../shared/serviceRequest';
import { smartAdvocateEndpoints, smartAdvocateRequest } from '../../transport';
import { caseNumberPattern } from '../../helpers/caseNumberPattern';
import { simplifyCase, type SimplifiedCase } from '../../helpers/simplify';

/** A case as the user named it. */
export interface CaseReference {
	by: 'id' | 'caseNumber';
	value: string;
}

type Locator = Pick<INodeParameterResourceLocator, 'mode' | 'value'>;

/** Per node run and parameter: the Case as set in the node when its value only names an item field, else null. */
const itemFieldLocators = new WeakMap<object, Map<string, Locator | null>>();

function itemFieldLocator(ctx: IExecuteFunctions, parameterName: string): Locator | null {
	let known = itemFieldLocators.get(ctx);
	if (!known) {
		known = new Map();
		itemFieldLocators.set(ctx, known);
	}
	let locator = known.get(parameterName);
	if (locator === undefined) {
		const raw: unknown = ctx.getNode().parameters[parameterName];
		const set: Locator | undefined =
			typeof raw === 'string' ? { mode: 'id', value: raw } : raw && typeof raw === 'object' ? (raw as Locator) : undefined;
		locator = set && typeof set.mode === 'string' && itemFieldOfExpression(set.value) !== undefined ? set : null;
		known.set(parameterName, locator);
	}
	return locator;
}

/**
 * The Case parameter's value for an item. A case ID or number mapped straight from a field of the
 * item (`{{ $json.caseId }}`, as the templates do) is read from the item, without an expression per
 * item (itemFieldValue); anything else is evaluated by n8n.
 */
function caseLocatorOf(ctx: IExecuteFunctions, itemIndex: number, parameterName: string): Locator | string | number {
	const set = itemFieldLocator(ctx, parameterName);
	const value = set ? itemFieldValue(ctx, itemIndex, set.value) : undefined;
	if (set && value !== undefined) return { mode: set.mode, value };
	return ctx.getNodeParameter(parameterName, itemIndex) as Locator | string | number;
}

/** Reads a Case resource locator parameter (From List and By ID give the case ID; By Case Number the number). */
export function readCaseReference(this: IExecuteFunctions, itemIndex: number, parameterName = 'case'): CaseReference {
	const locator = caseLocatorOf(this, itemIndex, parameterName);
	const mode = typeof locator === 'object' && locator !== null ? locator.mode : 'id';
	const raw = typeof locator === 'object' && locator !== null ? locator.value : locator;
	const value = String(raw ?? '').trim();
	if (!value) {
		throw new NodeOperationError(this.getNode(), 'No case given in the Case parameter', {
			description: 'Pick a case from the list, or enter its case ID or case number.',
			itemIndex,
		});
	}
	if (mode === 'caseNumber') return { by: 'caseNumber', value };
	if (!/^\d+$/.test(value)) {
		throw new NodeOperationError(this.getNode(), `The case ID "${value}" is not a number`, {
			description: 'A SmartAdvocate case ID is a number such as 516718. To use a case number, choose "By Case Number".',
			itemIndex,
		});
	}
	return { by: 'id', value };
}

/** Describes the case for messages: "case 516718" or "case number 2024-0042". */
export const describeCase = (ref: CaseReference) => (ref.by === 'id' ? `case ${ref.value}` : `case number ${ref.value}`);

/** The case with exactly this case number (with staff and incident), or a clear error naming the number. */
export async function getCaseByNumber(ctx: ServiceContext, caseNumber: string, itemIndex?: number): Promise<IDataObject> {
	const found = await smartAdvocateRequest<IDataObject[]>(
		ctx,
		{
			method: 'GET',
			path: smartAdvocateEndpoints.caseInfo(),
			qs: { Casenumber: caseNumberPattern(caseNumber, 'exact'), AddContactInfo: true },
		},
		{ action: `find case number ${caseNumber}`, itemIndex, notFound: `No case with number ${caseNumber} exists in SmartAdvocate` },
	);
	const wanted = caseNumber.trim().toLowerCase();
	const match = (Array.isArray(found) ? found : []).find((c) => String(c.caseNumber ?? '').trim().toLowerCase() === wanted);
	if (!match) {
		throw new NodeOperationError(ctx.getNode(), `No case with number ${caseNumber} exists in SmartAdvocate`, {
			description: 'Check the case number in this item; it must exist in SmartAdvocate and be visible to the credential\'s user.',
			itemIndex,
		});
	}
	return match;
}

/** The case with exactly this ID; a server that answers with another case is an error, never used. */
export async function getCaseById(ctx: ServiceContext, caseId: string | number, itemIndex?: number): Promise<IDataObject> {
	const found = await smartAdvocateRequest<IDataObject>(
		ctx,
		{ method: 'GET', path: smartAdvocateEndpoints.case(caseId) },
		{ action: `get case ${caseId}`, itemIndex, notFound: `No case with ID ${caseId} exists in SmartAdvocate` },
	);
	if (Number(found?.caseID) !== Number(caseId)) {
		throw new NodeOperationError(ctx.getNode(), `SmartAdvocate answered with case ${found?.caseID} when asked for case ${caseId}`, {
			description: 'Nothing was changed, so no wrong case is touched. Check the base URL in the credential (a proxy may be rewriting requests).',
			itemIndex,
		});
	}
	return found;
}

/** The full case record (with staff and incident) the reference points at. */
export async function getCase(ctx: ServiceContext, ref: CaseReference, itemIndex?: number): Promise<IDataObject> {
	return ref.by === 'id' ? await getCaseById(ctx, ref.value, itemIndex) : await getCaseByNumber(ctx, ref.value, itemIndex);
}

/**
 * Whether a note or document SmartAdvocate listed for a case belongs to it: the case in the path is not
 * trusted (a server or proxy may serve every case's records). One that does not say its case cannot be checked.
 */
export function isOfCase(record: IDataObject, caseId: number): boolean {
	return record.caseID === undefined || record.caseID === null || Number(record.caseID) === caseId;
}

/** The case ID the reference points at; a case number costs one lookup. */
export async function resolveCaseId(ctx: ServiceContext, ref: CaseReference, itemIndex?: number): Promise<number> {
	if (ref.by === 'id') return Number(ref.value);
	return Number((await getCaseByNumber(ctx, ref.value, itemIndex)).caseID);
}

export async function getCaseContacts(ctx: ServiceContext, caseId: string | number, itemIndex?: number): Promise<IDataObject[]> {
	const contacts = await smartAdvocateRequest<IDataObject[]>(
		ctx,
		{ method: 'GET', path: smartAdvocateEndpoints.caseContacts(caseId) },
		{ action: `get the clients of case ${caseId}`, itemIndex, notFound: `No case with ID ${caseId} exists in SmartAdvocate` },
	);
	return Array.isArray(contacts) ? contacts : [];
}

/** The case staff: embedded `caseStaff` when SmartAdvocate sends it, else the (proposed) staff endpoint. */
export async function getCaseStaff(ctx: ServiceContext, rawCase: IDataObject, itemIndex?: number): Promise<IDataObject[]> {
	if (Array.isArray(rawCase.caseStaff)) return rawCase.caseStaff as IDataObject[];
	const staff = await smartAdvocateRequest<IDataObject[]>(
		ctx,
		{ method: 'GET', path: smartAdvocateEndpoints.caseStaff(rawCase.caseID as number) },
		{
			action: `get the staff of case ${rawCase.caseID}`,
			itemIndex,
			notFound: `SmartAdvocate sent case ${rawCase.caseID} without its staff, and this SmartAdvocate server has no case staff endpoint (case/{caseID}/staff)`,
		},
	);
	return Array.isArray(staff) ? staff : [];
}

/**
 * A raw case as the simplified record: one call for its clients (left out, with no call, when
 * `includeClients` is false), one more only when staff is not embedded.
 */
export async function toSimplifiedCase(
	ctx: ServiceContext,
	rawCase: IDataObject,
	itemIndex?: number,
	{ includeClients = true }: { includeClients?: boolean } = {},
): Promise<SimplifiedCase> {
	const [contacts, staff] = await Promise.all([
		includeClients ? getCaseContacts(ctx, rawCase.caseID as number, itemIndex) : undefined,
		getCaseStaff(ctx, rawCase, itemIndex),
	]);
	return simplifyCase(rawCase, contacts, staff);
}

/**
 * Case staff by case ID, loaded once per case: notes name only their author's user ID, and the
 * author's name and e-mail come from the staff of the note's case.
 */
export class CaseStaffCache {
	private readonly staff = new Map<number, Promise<IDataObject[]>>();

	constructor(private readonly ctx: ServiceContext) {}

	/** Remembers staff already at hand (e.g. from a case just loaded). */
	remember(rawCase: IDataObject) {
		if (Array.isArray(rawCase.caseStaff)) this.staff.set(Number(rawCase.caseID), Promise.resolve(rawCase.caseStaff as IDataObject[]));
	}

	async of(caseId: number, itemIndex?: number): Promise<IDataObject[]> {
		let pending = this.staff.get(caseId);
		if (!pending) {
			pending = getCaseById(this.ctx, caseId, itemIndex).then((rawCase) => getCaseStaff(this.ctx, rawCase, itemIndex));
			this.staff.set(caseId, pending);
		}
		return await pending;
	}
}
