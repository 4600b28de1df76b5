import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { showOnlyFor } from '../../../../shared/displayOptions';
import { buildCaseBody } from '../../../helpers/caseBody';
import { diffCase } from '../../../helpers/caseDiff';
import { isCleared, SYNCED_FIELDS, type DesiredCase, type SyncedField } from '../../../helpers/caseFields';
import type { CsCaseRecord, CsPracticeAreaRecord } from '../../../helpers/records';
import { readCaseAttributes, readClients, readEmptyFields } from '../common/caseInput';
import { findCasesBy } from '../common/caseLocator';
import {
	caseAttributeOptions,
	clientProperties,
	emptyFieldsProperty,
	integrationIdProperty,
	primaryAttorneyEmailProperty,
	readableIdProperty,
	simplifyProperty,
} from '../common/caseProperties';
import { caseWriteFailed, createCase, patchCase, setCaseClosed } from '../common/caseWrites';
import { asNodeError } from '../common/nodeError';
import { caseOutput } from '../common/output';
import { practiceAreasForRun } from '../common/practiceAreas';
import { knownStaff, staffEmailsForRun } from '../common/staff';
import { isPreviewOnly, previewCreate, previewOnlyProperty, previewUpdate } from './upsertPreview';

const properties: INodeProperties[] = [
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
	emptyFieldsProperty('Additional Fields'),
	previewOnlyProperty,
	simplifyProperty,
];

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

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const emptyFields = readEmptyFields.call(this, itemIndex);
	const desired = readCaseAttributes.call(this, itemIndex, {
		...fields,
		integrationId: this.getNodeParameter('integrationId', itemIndex),
		readableId: this.getNodeParameter('readableId', itemIndex, ''),
		primaryAttorneyEmail: this.getNodeParameter('primaryAttorneyEmail', itemIndex, ''),
	}, emptyFields);
	const integrationId = desired.integrationId;
	if (!integrationId) {
		throw new NodeOperationError(this.getNode(), 'The Integration ID is empty', {
			description: 'Create or Update finds the case by its integration ID. Map the case ID from your case management system.',
			itemIndex,
		});
	}
	const ids = { readableId: desired.readableId, integrationId };

	const found = await findCasesBy.call(this, itemIndex, { mode: 'integrationId', value: integrationId });
	if (found.length > 1) {
		throw new NodeOperationError(this.getNode(), `${found.length} cases in Case Status have integration ID ${integrationId}`, {
			description: `Only one case may carry an integration ID. Fix the duplicates in Case Status (case IDs ${found
				.map((c) => c.id)
				.join(', ')}).`,
			itemIndex,
		});
	}

	if (found.length === 0) {
		desired.clients = readClients.call(this, itemIndex);
		if (!desired.readableId) {
			throw new NodeOperationError(this.getNode(), `The Readable ID is empty, so case with integration ID ${integrationId} cannot be created`, {
				description: 'No case has this integration ID yet, and Case Status needs a readable ID to create one. Map the case number.',
				itemIndex,
			});
		}
		// The preview names unknown staff itself, from the case as given: before they are dropped.
		if (isPreviewOnly(this, itemIndex)) return await previewCreate.call(this, itemIndex, desired);
		const ignoredEmails = await dropUnknownStaff.call(this, itemIndex, desired);
		try {
			const created = await createCase.call(this, itemIndex, desired);
			const written = SYNCED_FIELDS.filter((field) => desired[field] !== undefined && !isCleared(desired[field]));
			return result.call(this, itemIndex, created, 'created', written, {}, ignoredEmails);
		} catch (error) {
			return caseWriteFailed.call(this, error, itemIndex, 'create', ids);
		}
	}

	const existing = found[0];
	const areas = await practiceAreasIfNeeded.call(this, itemIndex, desired);
	const ignoredEmails = await dropUnknownStaff.call(this, itemIndex, desired);
	const { changedFields, previous } = diffCase(existing, desired, areas);
	if (isPreviewOnly(this, itemIndex)) return previewUpdate.call(this, itemIndex, existing, desired, { changedFields, previous }, areas, ignoredEmails);
	if (changedFields.length === 0) {
		return result.call(this, itemIndex, existing, 'unchanged', [], {}, ignoredEmails);
	}
	try {
		const attributes = changedFields.filter((field) => field !== 'closed');
		let updated = await patchCase.call(this, itemIndex, existing, attributes.length ? buildCaseBody(desired, attributes) : {});
		if (changedFields.includes('closed')) updated = await setCaseClosed.call(this, itemIndex, updated, desired.closed as boolean);
		return result.call(this, itemIndex, updated, 'updated', changedFields, previous, ignoredEmails);
	} catch (error) {
		return caseWriteFailed.call(this, error, itemIndex, 'update', {
			readableId: desired.readableId ?? existing.readable_id,
			integrationId,
		});
	}
}
