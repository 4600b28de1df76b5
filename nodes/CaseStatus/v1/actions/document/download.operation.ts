import type { IBinaryKeyData, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { showOnlyFor } from '../../../../shared/displayOptions';
import type { CsFileRecord } from '../../../helpers/records';
import { simplifyFile } from '../../../helpers/simplify';
import { caseStatusEndpoints, caseStatusRequest } from '../../../transport';
import { downloadCaseStatusFile } from '../../../transport/fileDownload';

const properties: INodeProperties[] = [
	{
		displayName: 'Document ID',
		name: 'fileId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 777',
		description: 'The ID of the document, for example the fileId of a Get Many or trigger item',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Put Output File in Field',
				name: 'binaryPropertyName',
				type: 'string',
				default: 'data',
				hint: 'The name of the output binary field to put the file in',
			},
		],
	},
];

export const description = showOnlyFor({ resource: ['document'], operation: ['download'] }, properties);

/** A download link we can follow: an absolute http(s) address. */
function usableFileUrl(url: unknown): url is string {
	if (typeof url !== 'string' || url.trim() === '') return false;
	try {
		const parsed = new URL(url.trim());
		return parsed.protocol === 'https:' || parsed.protocol === 'http:';
	} catch {
		return false;
	}
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const fileId = String(this.getNodeParameter('fileId', itemIndex) ?? '').trim();
	if (!/^\d+$/.test(fileId)) {
		throw new NodeOperationError(this.getNode(), `The Document ID "${fileId}" is not a number`, {
			description: 'Give the numeric ID of the document, for example {{ $json.fileId }} from a Get Many or trigger item.',
			itemIndex,
		});
	}
	const options = this.getNodeParameter('options', itemIndex, {}) as { binaryPropertyName?: string };
	const binaryPropertyName = (options.binaryPropertyName ?? 'data').trim() || 'data';

	// Download links are signed and short-lived, so a fresh one is read right before downloading.
	const file = await caseStatusRequest<CsFileRecord>(
		this,
		{ method: 'GET', path: caseStatusEndpoints.file(fileId) },
		{ action: `get document ${fileId}`, itemIndex, notFound: `No document with ID ${fileId} exists in Case Status` },
	);
	if (!usableFileUrl(file.url)) {
		throw new NodeOperationError(this.getNode(), `Case Status sent document ${fileId} without a usable download link in its "url" field`, {
			description: `The "url" field was ${file.url === undefined || file.url === null || file.url === '' ? 'empty' : `"${String(file.url).slice(0, 80)}"`}, not an http(s) address. Try again later; if it stays so, ask Case Status support about this document.`,
			itemIndex,
		});
	}
	const downloaded = await downloadCaseStatusFile(this, file.url, {
		action: `download document ${file.file_name} (ID ${file.id})`,
		itemIndex,
	});
	const mimeType = file.content_type || downloaded.contentType?.split(';')[0].trim() || 'application/octet-stream';
	const input = this.getInputData()[itemIndex];
	const binary: IBinaryKeyData = { ...(input?.binary ?? {}) };
	binary[binaryPropertyName] = await this.helpers.prepareBinaryData(downloaded.body, file.file_name, mimeType);
	return [{ json: simplifyFile(file), binary, pairedItem: { item: itemIndex } }];
}
