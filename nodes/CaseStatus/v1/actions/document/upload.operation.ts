import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { uploadSource } from '../../../../shared/binaryStream';
import { showOnlyFor } from '../../../../shared/displayOptions';
import { headerSafe, multipartBody } from '../../../../shared/multipart';
import { optionalText } from '../../../caseSync/caseFields';
import type { CsFileRecord } from '../../../helpers/records';
import { caseStatusEndpoints, caseStatusRequest } from '../../../transport';
import { caseLocator, readCaseLocator } from '../common/caseLocator';
import { simplifyProperty } from '../common/caseProperties';
import { caseFileQuery } from '../common/fileQuery';
import { fileOutput } from '../common/output';

const properties: INodeProperties[] = [
	caseLocator({ description: 'The case whose clients receive the document' }),
	{
		displayName: 'Input Data Field Name',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the input binary field containing the file to share',
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
				placeholder: 'e.g. settlement-letter.pdf',
				description: 'The name clients see; the input file\'s own name when empty',
			},
			{
				displayName: 'Shared By Email',
				name: 'sharedByEmail',
				type: 'string',
				default: '',
				placeholder: 'e.g. name@email.com',
				description: "The staff member shown as sharing the document; the case's primary attorney when empty",
			},
		],
	},
	simplifyProperty,
];

export const description = showOnlyFor({ resource: ['document'], operation: ['upload'] }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const locator = readCaseLocator.call(this, itemIndex);
	const binaryPropertyName = (this.getNodeParameter('binaryPropertyName', itemIndex) as string).trim();
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const binary = this.helpers.assertBinaryData(itemIndex, binaryPropertyName);
	// Line breaks cannot travel in the file part's header, so the name is the same without them everywhere.
	const fileName =
		headerSafe(optionalText(options.fileName) ?? binary.fileName ?? '') || `document.${binary.fileExtension ?? 'bin'}`;
	const target = await caseFileQuery.call(this, itemIndex, locator);
	const fields = Object.fromEntries(Object.entries(target).map(([key, value]) => [key, String(value)]));
	const sharedBy = optionalText(options.sharedByEmail);
	if (sharedBy) fields.uploaded_by_email = sharedBy;
	const source = await uploadSource(this, itemIndex, binaryPropertyName, binary);
	const file = { field: 'file', fileName, contentType: binary.mimeType || 'application/octet-stream' };
	const upload = multipartBody(fields, file, source);
	const response = await caseStatusRequest<CsFileRecord | string | Buffer>(
		this,
		{ method: 'POST', path: caseStatusEndpoints.uploadFile(), upload },
		{
			action: `upload ${fileName} to case ${locator.value}`,
			itemIndex,
			notFound: `No case with that ID exists in Case Status, so ${fileName} was not uploaded`,
		},
	);
	// A multipart request is not sent as JSON, so some n8n versions hand back the answer as text.
	const uploaded = (
		typeof response === 'string' || Buffer.isBuffer(response) ? JSON.parse(response.toString()) : response
	) as CsFileRecord;
	return [{ json: fileOutput.call(this, itemIndex, uploaded), pairedItem: { item: itemIndex } }];
}
