import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { DesiredCase } from '../../../caseSync/caseFields';

import { showOnlyFor } from '../../../../shared/displayOptions';
import { autoMappedCase, readDataMode } from '../../../caseSync/autoMap';
import {
	autoMapNotice,
	caseAttributeOptions,
	dataModeProperty,
	definedBelow,
	clientProperties,
	practiceAreaProperty,
	primaryAttorneyEmailProperty,
	readableIdProperty,
	simplifyProperty,
} from '../common/caseProperties';
import { readCaseAttributes, readClients } from '../../../caseSync/caseInput';
import { caseWriteFailed, createCase } from '../../../caseSync/caseWrites';
import { caseOutput } from '../common/output';

const properties: INodeProperties[] = [
	dataModeProperty,
	autoMapNotice,
	...definedBelow([
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
	]),
	simplifyProperty,
];

/** Items in flight at once: each case is one call, and Case Status answers several at a time. */
export const concurrency = 8;

export const description = showOnlyFor({ resource: ['case'], operation: ['create'] }, properties);

/** The case from the item's keys (auto-map; an empty key is simply not given) or from the parameters. */
function readNewCase(this: IExecuteFunctions, itemIndex: number): DesiredCase {
	if (readDataMode.call(this, itemIndex) === 'autoMapInputData') return autoMappedCase.call(this, itemIndex, 'ignore');
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const desired = readCaseAttributes.call(this, itemIndex, {
		...fields,
		readableId: this.getNodeParameter('readableId', itemIndex),
		practiceArea: this.getNodeParameter('practiceArea', itemIndex),
		primaryAttorneyEmail: this.getNodeParameter('primaryAttorneyEmail', itemIndex),
	});
	desired.clients = readClients.call(this, itemIndex);
	return desired;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const desired = readNewCase.call(this, itemIndex);
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
