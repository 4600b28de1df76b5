import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { showOnlyFor } from '../../../../shared/displayOptions';
import {
	caseAttributeOptions,
	clientProperties,
	practiceAreaProperty,
	primaryAttorneyEmailProperty,
	readableIdProperty,
	simplifyProperty,
} from '../common/caseProperties';
import { readCaseAttributes, readClients } from '../common/caseInput';
import { caseWriteFailed, createCase } from '../common/caseWrites';
import { caseOutput } from '../common/output';

const properties: INodeProperties[] = [
	{ ...readableIdProperty, required: true },
	{ ...practiceAreaProperty, required: true },
	{ ...primaryAttorneyEmailProperty, required: true },
	...clientProperties('The clients of the case. Each needs a first name and a valid US cell phone.'),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: caseAttributeOptions('create', 'additionalFields'),
	},
	simplifyProperty,
];

export const description = showOnlyFor({ resource: ['case'], operation: ['create'] }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const desired = readCaseAttributes.call(this, itemIndex, {
		...fields,
		readableId: this.getNodeParameter('readableId', itemIndex),
		practiceArea: this.getNodeParameter('practiceArea', itemIndex),
		primaryAttorneyEmail: this.getNodeParameter('primaryAttorneyEmail', itemIndex),
	});
	desired.clients = readClients.call(this, itemIndex);
	if (!desired.readableId) {
		throw new NodeOperationError(this.getNode(), 'The Readable ID is empty', {
			description: 'Case Status needs the case number clients see. Map it from your case management system.',
			itemIndex,
		});
	}
	try {
		const created = await createCase.call(this, itemIndex, desired);
		return [{ json: caseOutput.call(this, itemIndex, created), pairedItem: { item: itemIndex } }];
	} catch (error) {
		return caseWriteFailed.call(this, error, itemIndex, 'create', desired);
	}
}
