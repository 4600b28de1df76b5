import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { showOnlyFor } from '../../../../shared/displayOptions';
import { buildCaseBody } from '../../../helpers/caseBody';
import { diffCase } from '../../../helpers/caseDiff';
import { caseIdOfDuplicate } from '../../../helpers/caseRefusal';
import { isCleared, SYNCED_FIELDS, type DesiredCase, type SyncedField } from '../../../helpers/caseFields';
import type { CsCaseRecord, CsPracticeAreaRecord } from '../../../helpers/records';
import { autoMappedCase, readDataMode } from '../common/autoMap';
import { given, readCaseAttributes, readClients, readEmptyFields, type EmptyFields } from '../common/caseInput';
import { casesWithIntegrationId, inTurn, integrationIdKey, LIST_ALL_FROM_ITEMS, rememberCase } from '../common/caseDirectory';
import {
	autoMapNotice,
	caseAttributeOptions,
	clientProperties,
	dataModeProperty,
	definedBelow,
	emptyFieldsProperty,
	integrationIdProperty,
	primaryAttorneyEmailProperty,
	readableIdProperty,
	simplifyProperty,
} from '../common/caseProperties';
import { caseWriteFailed, createCase, patchCase, type CaseIds } from '../common/caseWrites';
import { fetchCase } from '../common/caseLocator';
import { asNodeError } from '../common/nodeError';
import { caseOutput } from '../common/output';
import { practiceAreasForRun } from '../common/practiceAreas';
import { knownStaff, staffEmailsForRun } from '../common/staff';
import { isPreviewOnly, previewCreate, previewOnlyProperty, previewUpdate } from './upsertPreview';

const properties: INodeProperties[] = [
	dataModeProperty,
	autoMapNotice,
	...definedBelow([
		{
			...integrationIdProperty,
			required: true,
			description:
				"The case's ID in your case management system (for SmartAdvocate, the case ID). The case with this integration ID is updated; if there is none, a case is created.",
		},
		{ ...readableIdProperty, hint: 'Needed when the case is created' },
		{ ...primaryAttorneyEmailProperty, hint: 'Needed when the case is created' },
		...clientProperties('The clients of the case, used only when the case is created'),
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			description: 'Fields left out are neither compared nor written',
			options: caseAttributeOptions('upsert', 'additionalFields'),
		},
	]),
	emptyFieldsProperty('Additional Fields', true),
	{
		displayName: 'When No Case Has the Integration ID',
		name: 'whenNotFound',
		type: 'options',
		options: [
			{
				name: 'Create the Case',
				value: 'create',
				description: 'Create it from this item (it needs the readable ID, primary attorney, practice area and clients)',
			},
			{
				name: 'Output It Without Creating',
				value: 'output',
				description:
					'Write nothing: the item comes out with the case fields it was given and operationResult "notFound", for example to read its clients only for new cases and create them with Case → Create',
			},
		],
		default: 'create',
		description: 'What happens to an item whose integration ID no case in Case Status has',
	},
	previewOnlyProperty,
	simplifyProperty,
];

/** Items in flight at once: Case Status calls overlap, and cases with the same integration ID still take turns. */
export const concurrency = 8;

export const description = showOnlyFor({ resource: ['case'], operation: ['upsert'] }, properties);

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

/**
 * The case an item gives: from its own keys (auto-map, clients included) or from the node's
 * parameters (clients are read only when the case is created, as they cost an expression each).
 */
function readDesiredCase(this: IExecuteFunctions, itemIndex: number, emptyFields: EmptyFields): { desired: DesiredCase; autoMapped: boolean } {
	if (readDataMode.call(this, itemIndex) === 'autoMapInputData') {
		return { desired: autoMappedCase.call(this, itemIndex, emptyFields), autoMapped: true };
	}
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const desired = readCaseAttributes.call(this, itemIndex, {
		...fields,
		integrationId: this.getNodeParameter('integrationId', itemIndex),
		readableId: this.getNodeParameter('readableId', itemIndex, ''),
		primaryAttorneyEmail: this.getNodeParameter('primaryAttorneyEmail', itemIndex, ''),
	}, emptyFields);
	return { desired, autoMapped: false };
}

/** "Output It Without Creating": the case as the item gave it, for a later Case → Create. */
function notFound(this: IExecuteFunctions, itemIndex: number, desired: DesiredCase): INodeExecutionData[] {
	const json: IDataObject = { ...(given(desired) as IDataObject), operationResult: 'notFound' };
	if (isPreviewOnly(this)) json.previewOnly = true;
	return [{ json, pairedItem: { item: itemIndex } }];
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const emptyFields = readEmptyFields.call(this, itemIndex);
	const { desired, autoMapped } = readDesiredCase.call(this, itemIndex, emptyFields);
	const integrationId = desired.integrationId;
	if (!integrationId) {
		throw new NodeOperationError(this.getNode(), 'The Integration ID is empty', {
			description: autoMapped
				? 'Create or Update finds the case by its integration ID. Give each item an "integrationId" key with the case ID from your case management system.'
				: 'Create or Update finds the case by its integration ID. Map the case ID from your case management system.',
			itemIndex,
		});
	}
	readLookupsAhead.call(this, itemIndex, desired);
	// Items with the same integration ID take turns, so the second finds the case the first created.
	return await inTurn(this, integrationId, async () => await createOrUpdate.call(this, itemIndex, desired, integrationId, autoMapped));
}

async function createOrUpdate(
	this: IExecuteFunctions,
	itemIndex: number,
	desired: DesiredCase,
	integrationId: string,
	autoMapped: boolean,
): Promise<INodeExecutionData[]> {
	const ids = { readableId: desired.readableId, integrationId };
	const found = await casesWithIntegrationId.call(this, itemIndex, integrationId);
	if (found.length > 1) {
		throw new NodeOperationError(this.getNode(), `${found.length} cases in Case Status have integration ID ${integrationId}`, {
			description: `Only one case may carry an integration ID. Fix the duplicates in Case Status (case IDs ${found
				.map((c) => c.id)
				.join(', ')}).`,
			itemIndex,
		});
	}

	if (found.length === 0) {
		if (!autoMapped) desired.clients = readClients.call(this, itemIndex);
		if (this.getNodeParameter('whenNotFound', itemIndex, 'create') === 'output') return notFound.call(this, itemIndex, desired);
		if (!desired.readableId) {
			throw new NodeOperationError(this.getNode(), `The Readable ID is empty, so case with integration ID ${integrationId} cannot be created`, {
				description: 'No case has this integration ID yet, and Case Status needs a readable ID to create one. Map the case number.',
				itemIndex,
			});
		}
		// The preview names unknown staff itself, from the case as given: before they are dropped.
		if (isPreviewOnly(this)) return await previewCreate.call(this, itemIndex, desired);
		const ignoredEmails = await dropUnknownStaff.call(this, itemIndex, desired);
		let created: CsCaseRecord;
		try {
			created = await createCase.call(this, itemIndex, desired);
		} catch (error) {
			const existing = await duplicateOf.call(this, error, itemIndex, ids);
			rememberCase(this, integrationId, existing);
			return await updateExisting.call(this, itemIndex, existing, desired, integrationId, ignoredEmails);
		}
		rememberCase(this, integrationId, created);
		const written = SYNCED_FIELDS.filter((field) => desired[field] !== undefined && !isCleared(desired[field]));
		return result.call(this, itemIndex, created, 'created', written, {}, ignoredEmails);
	}

	const ignoredEmails = await dropUnknownStaff.call(this, itemIndex, desired);
	return await updateExisting.call(this, itemIndex, found[0], desired, integrationId, ignoredEmails);
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
	return caseWriteFailed.call(this, error, itemIndex, 'create', ids);
}

/** Compares the case Case Status has with the item and writes the difference, if any (or previews it). */
async function updateExisting(
	this: IExecuteFunctions,
	itemIndex: number,
	existing: CsCaseRecord,
	desired: DesiredCase,
	integrationId: string,
	ignoredEmails: string[],
): Promise<INodeExecutionData[]> {
	const areas = await practiceAreasIfNeeded.call(this, itemIndex, desired);
	const { changedFields, previous } = diffCase(existing, desired, areas);
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
		return caseWriteFailed.call(this, error, itemIndex, 'update', {
			readableId: desired.readableId ?? existing.readable_id,
			integrationId,
		});
	}
}
