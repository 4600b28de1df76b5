/**
 * Create or Update for one item: find the case by integration ID (caseDirectory), compare
 * (caseDiff), then create, update, leave alone or preview (caseWrites, upsertPreview).
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { CsCaseRecord, CsPracticeAreaRecord } from '../helpers/records';
import { caseOutput } from '../v1/actions/common/output';
import { fetchCase } from '../v1/actions/common/caseLocator';
import { asNodeError } from '../v1/actions/common/nodeError';
import { practiceAreasForRun } from '../v1/actions/common/practiceAreas';
import { buildCaseBody } from './caseBody';
import { diffCase } from './caseDiff';
import {
	casesWithIntegrationId,
	currentCase,
	forgetCase,
	inTurn,
	integrationIdKey,
	LIST_ALL_FROM_ITEMS,
	rememberCase,
	seenInThisRun,
} from './caseDirectory';
import { isCleared, SYNCED_FIELDS, type DesiredCase, type SyncedField } from './caseFields';
import { given, readClients, readClientsNotRead } from './caseInput';
import { caseIdOfDuplicate, caseLabel, clientsNotReadReason } from './caseRefusal';
import { caseWriteFailed, clientsNotReadFailed, createCase, patchCase, type CaseIds } from './caseWrites';
import { knownStaff, staffEmailsForRun } from './staff';
import { isPreviewOnly, previewCreate, previewUpdate } from './upsertPreview';

type OperationResult = 'created' | 'updated' | 'unchanged';

function result(
	this: IExecuteFunctions,
	itemIndex: number,
	record: CsCaseRecord,
	operationResult: OperationResult,
	changedFields: SyncedField[],
	previous: IDataObject,
	ignoredEmails: string[],
): INodeExecutionData[] {
	// Every result says whom Case Status does not know (empty when none), so a report can list them.
	const json: IDataObject = { ...caseOutput.call(this, itemIndex, record), operationResult, changedFields, previous, ignoredEmails };
	return [
		{
			json,
			pairedItem: { item: itemIndex },
		},
	];
}

/** Practice areas to resolve mapped names with; none when the account does not offer the list. */
async function practiceAreasIfNeeded(
	this: IExecuteFunctions,
	itemIndex: number,
	desired: DesiredCase,
): Promise<CsPracticeAreaRecord[]> {
	if (desired.practiceArea === undefined && desired.stage === undefined) return [];
	try {
		return await practiceAreasForRun(this, itemIndex);
	} catch (error) {
		// Without the list, practice area and stage still compare by name.
		if (error instanceof NodeApiError && error.httpCode === '404') return [];
		throw asNodeError(this.getNode(), error);
	}
}

/**
 * Leaves out additional attorneys and paralegals without a Case Status account (Case Status
 * would drop them anyway) and returns them, so the output can say whom to invite.
 */
async function dropUnknownStaff(this: IExecuteFunctions, itemIndex: number, desired: DesiredCase): Promise<string[]> {
	if (desired.attorneyEmails === undefined && desired.paralegalEmails === undefined) return [];
	const staff = await staffEmailsForRun(this, itemIndex);
	const attorneys = knownStaff(desired.attorneyEmails, staff);
	const paralegals = knownStaff(desired.paralegalEmails, staff);
	desired.attorneyEmails = attorneys.known;
	desired.paralegalEmails = paralegals.known;
	return [...attorneys.unknown, ...paralegals.unknown];
}

/**
 * Starts reading the lookups this item compares with (once per run), so that they arrive while the
 * run lists Case Status's cases instead of after. Only in a big run, which lists them: there nearly
 * every lookup is needed, whereas a small run may find no case and need none.
 */
function readLookupsAhead(this: IExecuteFunctions, itemIndex: number, desired: DesiredCase): void {
	if (this.getInputData().length < LIST_ALL_FROM_ITEMS) return;
	// Failures are the item's to report when it awaits the same read (or reads again) below.
	if (desired.practiceArea !== undefined || desired.stage !== undefined) {
		practiceAreasForRun(this, itemIndex).catch(() => undefined);
	}
	if (desired.attorneyEmails !== undefined || desired.paralegalEmails !== undefined) {
		staffEmailsForRun(this, itemIndex).catch(() => undefined);
	}
}

/** "Output It Without Creating": the case as the item gave it, for a later Case → Create. */
function notFound(this: IExecuteFunctions, itemIndex: number, desired: DesiredCase): INodeExecutionData[] {
	const json: IDataObject = { ...(given(desired) as IDataObject), operationResult: 'notFound' };
	if (isPreviewOnly(this)) json.previewOnly = true;
	return [{ json, pairedItem: { item: itemIndex } }];
}

/** One item's case on its way through the sync. */
interface Item {
	itemIndex: number;
	integrationId: string;
	/** The case as the item gives it; unknown staff are left out once known (see dropUnknownStaff). */
	desired: DesiredCase;
	autoMapped: boolean;
	/** Staff the item names that Case Status does not know, once read. */
	ignoredEmails?: string[];
	/** Set once the case turned out deleted in Case Status, so it is created again at most once. */
	deletedInCaseStatus?: boolean;
}

async function createOrUpdate(this: IExecuteFunctions, item: Item): Promise<INodeExecutionData[]> {
	const { itemIndex, integrationId } = item;
	const found = await casesWithIntegrationId.call(this, itemIndex, integrationId);
	if (found.length > 1) {
		throw new NodeOperationError(this.getNode(), `${found.length} cases in Case Status have integration ID ${integrationId}`, {
			description: `Only one case may carry an integration ID. Fix the duplicates in Case Status (case IDs ${found
				.map((c) => c.id)
				.join(', ')}).`,
			itemIndex,
		});
	}
	if (found.length === 0) return await createNew.call(this, item);
	return await updateExisting.call(this, item, found[0]);
}

/** Leaves out unknown staff once per item; returns whom it left out. */
async function ignoredEmailsOf(this: IExecuteFunctions, item: Item): Promise<string[]> {
	item.ignoredEmails ??= await dropUnknownStaff.call(this, item.itemIndex, item.desired);
	return item.ignoredEmails;
}

/** No case has the integration ID: create it (or preview, or output it unwritten). */
async function createNew(this: IExecuteFunctions, item: Item): Promise<INodeExecutionData[]> {
	const { itemIndex, integrationId, desired } = item;
	if (!item.autoMapped && desired.clients === undefined) {
		desired.clients = readClients.call(this, itemIndex);
		desired.clientsNotRead = readClientsNotRead.call(this, itemIndex);
	}
	if (this.getNodeParameter('whenNotFound', itemIndex, 'create') === 'output') return notFound.call(this, itemIndex, desired);
	if (!desired.readableId) {
		throw new NodeOperationError(this.getNode(), `The Readable ID is empty, so case with integration ID ${integrationId} cannot be created`, {
			description: 'No case has this integration ID yet, and Case Status needs a readable ID to create one. Map the case number.',
			itemIndex,
		});
	}
	// The preview names unknown staff itself, from the case as given: before they are dropped.
	if (isPreviewOnly(this)) return await previewCreate.call(this, itemIndex, desired);
	// Sent without its clients, the case would be refused for having none (staff told to add a client that exists).
	const clientsNotRead = clientsNotReadReason(desired);
	if (clientsNotRead) clientsNotReadFailed.call(this, itemIndex, { readableId: desired.readableId, integrationId }, clientsNotRead);
	const ignoredEmails = await ignoredEmailsOf.call(this, item);
	let created: CsCaseRecord;
	try {
		created = await createCase.call(this, itemIndex, desired);
	} catch (error) {
		const existing = await duplicateOf.call(this, error, itemIndex, { readableId: desired.readableId, integrationId });
		rememberCase(this, integrationId, existing);
		return await updateExisting.call(this, item, existing);
	}
	rememberCase(this, integrationId, created);
	const written = SYNCED_FIELDS.filter((field) => desired[field] !== undefined && !isCleared(desired[field]));
	return result.call(this, itemIndex, created, 'created', written, {}, ignoredEmails);
}

/** The case Case Status has deleted: forgotten, and created again from the item (once; deleted again meanwhile, it fails). */
async function createDeleted(this: IExecuteFunctions, item: Item, gone: CsCaseRecord): Promise<INodeExecutionData[]> {
	forgetCase(this, item.integrationId, gone);
	if (item.deletedInCaseStatus) {
		throw new NodeOperationError(this.getNode(), `Case ${caseLabel({ readableId: gone.readable_id, integrationId: item.integrationId })} was deleted in Case Status twice while it was synced`, {
			description: 'Nothing is left half done. Run the sync again; if it keeps happening, someone is deleting the case in Case Status.',
			itemIndex: item.itemIndex,
		});
	}
	item.deletedInCaseStatus = true;
	return await createNew.call(this, item);
}

const isNotFound = (error: unknown) => String((error as { httpCode?: unknown } | null)?.httpCode ?? '') === '404';

/**
 * A case known only from an earlier run's read is read again before the run reports it
 * unchanged or previews it: Case Status may have deleted it since (see caseDirectory.ts).
 */
async function confirmedCase(this: IExecuteFunctions, item: Item, known: CsCaseRecord, unchanged: boolean): Promise<CsCaseRecord | undefined> {
	if (seenInThisRun(this, known) || !(unchanged || isPreviewOnly(this))) return known;
	const current = await currentCase.call(this, item.itemIndex, known);
	if (current) rememberCase(this, item.integrationId, current);
	return current;
}

/**
 * A create refused because the integration ID is on a case already (another sync created it after
 * this run read Case Status): that case, read again, to update instead. Any other failure, or a case
 * that cannot be read, is reported as the refused create.
 */
async function duplicateOf(this: IExecuteFunctions, error: unknown, itemIndex: number, ids: CaseIds): Promise<CsCaseRecord> {
	const caseId = caseIdOfDuplicate(error);
	if (caseId !== undefined) {
		try {
			const existing = await fetchCase.call(this, itemIndex, { mode: 'id', value: caseId });
			// Only the case that really has the integration ID is updated.
			if (integrationIdKey(existing.integration_id) === integrationIdKey(ids.integrationId)) return existing;
		} catch {
			// Reported as the refusal below, which says what to fix.
		}
	}
	return caseWriteFailed.call(this, error, itemIndex, 'create', ids, true);
}

/** Compares the case Case Status has with the item and writes the difference, if any (or previews it). */
async function updateExisting(this: IExecuteFunctions, item: Item, known: CsCaseRecord): Promise<INodeExecutionData[]> {
	const { itemIndex, integrationId, desired } = item;
	const ignoredEmails = await ignoredEmailsOf.call(this, item);
	const areas = await practiceAreasIfNeeded.call(this, itemIndex, desired);
	let existing = known;
	let { changedFields, previous } = diffCase(existing, desired, areas);
	const current = await confirmedCase.call(this, item, existing, changedFields.length === 0);
	if (!current) return await createDeleted.call(this, item, existing);
	if (current !== existing) {
		existing = current;
		({ changedFields, previous } = diffCase(existing, desired, areas));
	}
	if (isPreviewOnly(this)) return previewUpdate.call(this, itemIndex, existing, desired, { changedFields, previous }, areas, ignoredEmails);
	if (changedFields.length === 0) {
		return result.call(this, itemIndex, existing, 'unchanged', [], {}, ignoredEmails);
	}
	try {
		// One PATCH: the changed fields and, when the state changes, `closed_date` (close or reopen).
		const updated = await patchCase.call(this, itemIndex, existing, buildCaseBody(desired, changedFields));
		rememberCase(this, integrationId, updated);
		return result.call(this, itemIndex, updated, 'updated', changedFields, previous, ignoredEmails);
	} catch (error) {
		// Deleted in Case Status since it was read: created again rather than failed.
		if (isNotFound(error)) return await createDeleted.call(this, item, existing);
		return caseWriteFailed.call(this, error, itemIndex, 'update', { readableId: desired.readableId ?? existing.readable_id, integrationId }, true);
	}
}

/**
 * Creates or updates the case one item gives. Call it before the item's first await: items with
 * the same integration ID take turns in input order, so the second finds the case the first created.
 */
export async function syncCase(
	this: IExecuteFunctions,
	itemIndex: number,
	desired: DesiredCase,
	integrationId: string,
	autoMapped: boolean,
): Promise<INodeExecutionData[]> {
	readLookupsAhead.call(this, itemIndex, desired);
	return await inTurn(this, integrationId, async () => await createOrUpdate.call(this, { itemIndex, desired, integrationId, autoMapped }));
}
