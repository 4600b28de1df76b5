/**
 * Create or Update's "Preview Only (Write Nothing)": the same lookup and comparison as a real run,
 * then, instead of writing, what would be created or changed, field by field.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { changesToCreate, changesToUpdate, foreseenRefusal, type FieldChange } from './casePreview';
import { clientsNotReadReason, explainRefusal } from './caseRefusal';
import type { DesiredCase, SyncedField } from './caseFields';
import type { CsCaseRecord, CsPracticeAreaRecord } from '../helpers/records';
import { asNodeError } from '../v1/actions/common/nodeError';
import { caseOutput } from '../v1/actions/common/output';
import { practiceAreasForRun } from '../v1/actions/common/practiceAreas';
import { knownStaff, staffEmailsForRun } from './staff';

export const previewOnlyProperty: INodeProperties = {
	displayName: 'Preview Only (Write Nothing)',
	name: 'previewOnly',
	type: 'boolean',
	default: false,
	description:
		'Whether to compare exactly as a real run does but write nothing: each item says what would happen (wouldCreate, wouldUpdate, unchanged, wouldFail) and which fields would change, from what to what. Decided once per run (an expression is read for the first item).',
};

const previewOnlyOfRun = new WeakMap<IExecuteFunctions, boolean>();

/**
 * Whether this node run previews: read once, for the first item, so an expression (e.g. a form's "Sync or
 * preview") is evaluated once per run, not once per case.
 */
export function isPreviewOnly(ctx: IExecuteFunctions): boolean {
	let preview = previewOnlyOfRun.get(ctx);
	if (preview === undefined) {
		preview = ctx.getNodeParameter('previewOnly', 0, false) as boolean;
		previewOnlyOfRun.set(ctx, preview);
	}
	return preview;
}

type PreviewResult = 'wouldCreate' | 'wouldUpdate' | 'unchanged' | 'wouldFail';

function previewItem(
	itemIndex: number,
	base: IDataObject,
	operationResult: PreviewResult,
	changes: FieldChange[],
	ignoredEmails: string[],
	refusal?: string,
): INodeExecutionData[] {
	const json: IDataObject = {
		...base,
		operationResult,
		changedFields: changes.map((change) => change.field),
		changes,
		ignoredEmails,
		previewOnly: true,
	};
	if (refusal) {
		// As a real run's failed item says it: Case Status's words, a code to group by, its label, what to do.
		const { reasonCode, reasonLabel, whatToDo } = explainRefusal(refusal, true);
		Object.assign(json, { reason: refusal, reasonCode, reasonLabel, whatToDo });
	}
	return [{ json, pairedItem: { item: itemIndex } }];
}

async function readOrNone<T>(ctx: IExecuteFunctions, read: () => Promise<T>, none: T): Promise<T> {
	try {
		return await read();
	} catch (error) {
		// An account that cannot list staff or practice areas still previews; refusals are then not foreseen.
		if (error instanceof NodeApiError && error.httpCode === '404') return none;
		throw asNodeError(ctx.getNode(), error);
	}
}

/**
 * A case that is not in Case Status yet: what creating it would set, or why it would fail (its clients
 * not read, or a refusal foreseen). Reads staff and practice areas only.
 */
export async function previewCreate(this: IExecuteFunctions, itemIndex: number, desired: DesiredCase): Promise<INodeExecutionData[]> {
	const staff = await readOrNone(this, async () => await staffEmailsForRun(this, itemIndex), undefined);
	const areas = await readOrNone<CsPracticeAreaRecord[]>(this, async () => await practiceAreasForRun(this, itemIndex), []);
	const attorneys = knownStaff(desired.attorneyEmails, staff);
	const paralegals = knownStaff(desired.paralegalEmails, staff);
	const wanted: DesiredCase = { ...desired, attorneyEmails: attorneys.known, paralegalEmails: paralegals.known };
	const refusal = clientsNotReadReason(desired) ?? foreseenRefusal(wanted, staff, areas);
	const base: IDataObject = { integrationId: desired.integrationId ?? null, readableId: desired.readableId ?? null };
	return previewItem(itemIndex, base, refusal ? 'wouldFail' : 'wouldCreate', changesToCreate(wanted), [...attorneys.unknown, ...paralegals.unknown], refusal);
}

/** A case already in Case Status: what an update would change (the comparison a real run makes). */
export function previewUpdate(
	this: IExecuteFunctions,
	itemIndex: number,
	existing: CsCaseRecord,
	desired: DesiredCase,
	diff: { changedFields: SyncedField[]; previous: IDataObject },
	areas: CsPracticeAreaRecord[],
	ignoredEmails: string[],
): INodeExecutionData[] {
	const changes = changesToUpdate(diff.changedFields, diff.previous, desired);
	const refusal = changes.length ? foreseenRefusal(desired, undefined, areas, existing.practice_area?.id) : undefined;
	const result: PreviewResult = refusal ? 'wouldFail' : changes.length ? 'wouldUpdate' : 'unchanged';
	return previewItem(itemIndex, caseOutput.call(this, itemIndex, existing), result, changes, ignoredEmails, refusal);
}
