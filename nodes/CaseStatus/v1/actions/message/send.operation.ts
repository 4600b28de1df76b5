import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { showOnlyFor } from '../../../../shared/displayOptions';
import { optionalText } from '../../../caseSync/caseFields';
import type { CsMessageRecord } from '../../../helpers/records';
import { caseStatusEndpoints, caseStatusListAll, caseStatusRequest } from '../../../transport';
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
				displayName: 'Skip If a Message With This External ID Exists',
				name: 'skipIfExternalIdExists',
				type: 'boolean',
				default: false,
				description:
					"Whether to look at the case's messages right before sending and return the message already there instead of sending a second one with the same External ID (for relays)",
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
	if (options.skipIfExternalIdExists === true) {
		if (!externalId) {
			throw new NodeOperationError(this.getNode(), 'The External ID option is empty, so there is nothing to recognise an existing message by', {
				description: 'Map an External ID that names the source (e.g. sa-note:{{ noteId }}), or turn off Skip If a Message With This External ID Exists.',
				itemIndex,
			});
		}
		// Read right before the send, so a relay run from an older saved position (another worker's run sent meanwhile) sends no copy.
		const [existing] = (await caseStatusListAll(
			this,
			caseStatusEndpoints.messages(),
			{ limit: 1, qs: caseQuery(locator), keep: (record) => (record as CsMessageRecord).external_id === externalId },
			{ action: `get the messages of case ${locator.value}`, itemIndex },
		)) as unknown as CsMessageRecord[];
		if (existing) return [{ json: { ...messageOutput.call(this, itemIndex, existing), alreadyExisted: true }, pairedItem: { item: itemIndex } }];
	}
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
