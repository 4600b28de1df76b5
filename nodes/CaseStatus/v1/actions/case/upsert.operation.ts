import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { showOnlyFor } from '../../../../shared/displayOptions';
import { autoMappedCase, readDataMode } from '../../../caseSync/autoMap';
import type { DesiredCase } from '../../../caseSync/caseFields';
import { readCaseAttributes, readEmptyFields, type EmptyFields } from '../../../caseSync/caseInput';
import { syncStartedAtProperty } from '../../../caseSync/caseDirectory';
import { syncCase } from '../../../caseSync/createOrUpdate';
import { previewOnlyProperty } from '../../../caseSync/upsertPreview';
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
			displayName: 'Clients Not Read',
			name: 'clientsNotRead',
			type: 'string',
			default: '',
			placeholder: 'e.g. {{ $json.error }}',
			description:
				'When the clients could not be read from your case management system, what the read said (map its error). A case to create then fails with reason "clientsNotRead" instead of being created without clients; an existing case is compared and updated as usual. Leave empty when the clients were read.',
		},
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
	syncStartedAtProperty,
	simplifyProperty,
];

/** Items in flight at once: Case Status calls overlap, and cases with the same integration ID still take turns. */
export const concurrency = 8;

export const description = showOnlyFor({ resource: ['case'], operation: ['upsert'] }, properties);

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
	return await syncCase.call(this, itemIndex, desired, integrationId, autoMapped);
}
