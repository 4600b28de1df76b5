import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { showOnlyFor } from '../../../../shared/displayOptions';
import { optionalText } from '../../../caseSync/caseFields';
import type { CsMessageRecord } from '../../../helpers/records';
import { caseStatusEndpoints, caseStatusRequest } from '../../../transport';
import { caseLocator, caseQuery, readCaseLocator } from '../common/caseLocator';
import { simplifyProperty } from '../common/caseProperties';
import { messageOutput } from '../common/output';

const properties: INodeProperties[] = [
	caseLocator(),
	{
		displayName: 'Content',
		name: 'content',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 4 },
		description: 'The message the client receives in the Case Status app',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'External ID',
				name: 'externalId',
				type: 'string',
				default: '',
				placeholder: 'e.g. sa-note:123',
				description:
					'Your own reference for the message, for example the note it came from. Case Status keeps it on the message, so a relay can recognise the messages it wrote.',
			},
			{
				displayName: 'Sender Email',
				name: 'senderEmail',
				type: 'string',
				default: '',
				placeholder: 'e.g. name@email.com',
				description: 'The staff member the message is sent as; Case Status uses the firm default when empty',
			},
			{
				displayName: 'Sender Name',
				name: 'senderName',
				type: 'string',
				default: '',
				description: 'The name clients see as the sender',
			},
		],
	},
	simplifyProperty,
];

export const description = showOnlyFor({ resource: ['message'], operation: ['send'] }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const locator = readCaseLocator.call(this, itemIndex);
	const content = this.getNodeParameter('content', itemIndex) as string;
	if (!String(content ?? '').trim()) {
		throw new NodeOperationError(this.getNode(), 'The Content is empty', {
			description: 'Case Status sends no empty messages. Give the text the client should read.',
			itemIndex,
		});
	}
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const body: IDataObject = { ...caseQuery(locator), content };
	const senderEmail = optionalText(options.senderEmail);
	const senderName = optionalText(options.senderName);
	const externalId = optionalText(options.externalId);
	if (senderEmail) body.sender_email = senderEmail;
	if (senderName) body.sender_name = senderName;
	if (externalId) body.external_id = externalId;
	const words = { id: 'ID', list: 'ID', readableId: 'readable ID', integrationId: 'integration ID' }[locator.mode];
	const sent = await caseStatusRequest<CsMessageRecord>(
		this,
		{ method: 'POST', path: caseStatusEndpoints.sendMessage(), body },
		{
			action: `send a message to case ${locator.value}`,
			itemIndex,
			notFound: `No case with ${words} ${locator.value} exists in Case Status, so the message was not sent`,
		},
	);
	return [{ json: messageOutput.call(this, itemIndex, sent), pairedItem: { item: itemIndex } }];
}
