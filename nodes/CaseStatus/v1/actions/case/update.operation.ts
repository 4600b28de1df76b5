import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { showOnlyFor } from '../../../../shared/displayOptions';
import { buildCaseBody } from '../../../caseSync/caseBody';
import { caseLocator, fetchCase, readCaseLocator } from '../common/caseLocator';
import { given, readCaseAttributes, readEmptyFields } from '../../../caseSync/caseInput';
import { caseAttributeOptions, emptyFieldsProperty, simplifyProperty } from '../common/caseProperties';
import { caseWriteFailed, patchCase } from '../../../caseSync/caseWrites';
import { caseOutput } from '../common/output';

const properties: INodeProperties[] = [
	caseLocator(),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: caseAttributeOptions('update', 'updateFields'),
	},
	emptyFieldsProperty('Update Fields'),
	simplifyProperty,
];

export const description = showOnlyFor({ resource: ['case'], operation: ['update'] }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const locator = readCaseLocator.call(this, itemIndex);
	const desired = given(
		readCaseAttributes.call(
			this,
			itemIndex,
			this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject,
			readEmptyFields.call(this, itemIndex),
		),
	);
	if (Object.keys(desired).length === 0) {
		throw new NodeOperationError(this.getNode(), 'No field to update', {
			description: 'Add at least one field under Update Fields, with a value.',
			itemIndex,
		});
	}
	const existing = await fetchCase.call(this, itemIndex, locator);
	const ids = { readableId: existing.readable_id, integrationId: existing.integration_id, caseId: existing.id };
	try {
		// A case already in the wanted state keeps its closing time: closed_date goes only with a change.
		const closedChanges = desired.closed !== undefined && desired.closed !== Boolean(existing.closed_at);
		const updated = await patchCase.call(this, itemIndex, existing, buildCaseBody({ ...desired, closed: closedChanges ? desired.closed : undefined }));
		return [{ json: caseOutput.call(this, itemIndex, updated), pairedItem: { item: itemIndex } }];
	} catch (error) {
		return caseWriteFailed.call(this, error, itemIndex, 'update', ids);
	}
}
