import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { peekBody, responseBody } from '../../../../shared/binaryStream';
import { showOnlyFor } from '../../../../shared/displayOptions';
import { smartAdvocateEndpoints, smartAdvocateRequest } from '../../../transport';
import { chooseMime, extensionForMime, extensionOf, fileNameFromDisposition } from '../../../helpers/mime';

const properties: INodeProperties[] = [
	{
		displayName: 'Document ID',
		name: 'documentId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 884213',
		description: 'The SmartAdvocate document ID, e.g. from Get Many documents',
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the output binary field to put the file in',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'File Name',
				name: 'fileName',
				type: 'string',
				default: '',
				placeholder: 'e.g. Police Report.pdf',
				description: 'The name to give the file. Defaults to the document\'s name in SmartAdvocate.',
			},
		],
	},
];

export const description = showOnlyFor({ resource: ['document'], operation: ['download'] }, properties);

interface FullResponse {
	body: unknown;
	headers: Record<string, string | string[] | undefined>;
}

/** Enough of a file to recognise its type (Office files name their kind within the first entries). */
const SNIFF_BYTES = 8192;

const header = (headers: FullResponse['headers'], name: string) => {
	const entry = Object.entries(headers ?? {}).find(([key]) => key.toLowerCase() === name);
	const value = entry?.[1];
	return Array.isArray(value) ? value[0] : value;
};

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const documentId = String(this.getNodeParameter('documentId', itemIndex) ?? '').trim();
	if (!/^\d+$/.test(documentId)) {
		throw new NodeOperationError(this.getNode(), `The document ID "${documentId}" is not a number`, {
			description: 'Use the documentId of a document, e.g. from the Get Many documents operation.',
			itemIndex,
		});
	}
	const field = String(this.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim();
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const item = this.getInputData()[itemIndex];

	const response = await smartAdvocateRequest<FullResponse>(
		this,
		{ method: 'GET', path: smartAdvocateEndpoints.documentContent(documentId), binary: true },
		{ action: `download document ${documentId}`, itemIndex, notFound: `No document with ID ${documentId} exists in SmartAdvocate` },
	);
	// Only the first bytes are read here (to recognise the file type); n8n stores the rest as it arrives.
	const { head, data } = await peekBody(responseBody(response.body), SNIFF_BYTES);

	// When the input item is this document's record (from Get Many), its own name and type are the best guide.
	const source = item?.json ?? {};
	const sameDocument = String(source.documentID ?? source.documentId ?? '') === documentId;
	const ownName = sameDocument ? String(source.documentName ?? source.fileName ?? '').trim() : '';
	const ownType = sameDocument ? String(source.contentType ?? '').trim() : '';
	let fileName =
		String(options.fileName ?? '').trim() ||
		fileNameFromDisposition(header(response.headers, 'content-disposition')) ||
		ownName ||
		`document-${documentId}`;
	const sent = header(response.headers, 'content-type');
	const mimeType = chooseMime({ contentType: sent && !/octet-stream/i.test(sent) ? sent : ownType || sent, fileName, bytes: head });
	if (!extensionOf(fileName) && extensionForMime(mimeType)) fileName += `.${extensionForMime(mimeType)}`;

	const binary = await this.helpers.prepareBinaryData(data, fileName, mimeType);
	return [
		{
			json: item?.json ?? {},
			binary: { ...(item?.binary ?? {}), [field]: binary },
			pairedItem: { item: itemIndex },
		},
	];
}
