import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { uploadSource } from '../../../../shared/binaryStream';
import { showOnlyFor } from '../../../../shared/displayOptions';
import { headerSafe, multipartBody } from '../../../../shared/multipart';
import { smartAdvocateEndpoints, smartAdvocatePagedList, smartAdvocateRequest } from '../../../transport';
import { userDateToIso } from '../../../helpers/dates';
import { extensionForMime, mimeFromFileName, OCTET_STREAM } from '../../../helpers/mime';
import { simplifyDocument } from '../../../helpers/simplify';
import { isOfCase, readCaseReference, resolveCaseId } from '../caseLookup';
import { caseLocator, simplifyProperty } from '../common.descriptions';

export const DEFAULT_FOLDER = 'Case Documents';

const properties: INodeProperties[] = [
	caseLocator({ description: 'The case the document is filed in' }),
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the input binary field containing the file to upload',
	},
	{
		displayName: 'Folder',
		name: 'folder',
		type: 'string',
		default: DEFAULT_FOLDER,
		description: 'The SmartAdvocate document folder. Case Status files client uploads in "Case Documents".',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Category',
				name: 'categoryName',
				type: 'string',
				default: '',
				placeholder: 'e.g. Correspondence',
				description: 'The SmartAdvocate document category name. SmartAdvocate uses its default category when empty.',
			},
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				default: '',
			},
			{
				displayName: 'Document Date',
				name: 'documentDate',
				type: 'dateTime',
				default: '',
				description: 'The date of the document itself. SmartAdvocate uses today when empty.',
			},
			{
				displayName: 'File Name',
				name: 'fileName',
				type: 'string',
				default: '',
				placeholder: 'e.g. Police Report.pdf',
				description: 'The document name in SmartAdvocate. Defaults to the file name of the binary data.',
			},
		],
	},
	{
		displayName: 'Skip If a Document With This Description Exists',
		name: 'skipIfDescriptionExists',
		type: 'boolean',
		default: false,
		description:
			"Whether to look at the case's documents right before uploading and return the document already there instead of uploading a second one with the same Description (for relays: the description carries the source's ID)",
	},
	simplifyProperty,
];

export const description = showOnlyFor({ resource: ['document'], operation: ['upload'] }, properties);

/**
 * An item that comes without its file because the step before failed on it (a download, with On Error →
 * Continue, leaves its error on the item): that step's error, rather than "no binary file", which would hide why.
 */
function failIfNoFileBecauseAStepFailed(this: IExecuteFunctions, itemIndex: number, field: string): void {
	const item = this.getInputData()[itemIndex];
	const before = item?.json.error;
	if (item?.binary?.[field] || before === undefined || before === null || before === '') return;
	const said = typeof before === 'object' ? String((before as IDataObject).message ?? JSON.stringify(before)) : String(before);
	throw new NodeOperationError(this.getNode(), `Item ${itemIndex} has no file to upload: the step before failed on it: ${said}`, {
		description: 'Fix what that step reports (for a download: the file link, its expiry or the permissions); the item is uploaded when it comes with its file.',
		itemIndex,
	});
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const ref = readCaseReference.call(this, itemIndex);
	const field = String(this.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim();
	const folder = String(this.getNodeParameter('folder', itemIndex, DEFAULT_FOLDER) ?? '').trim() || DEFAULT_FOLDER;
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	failIfNoFileBecauseAStepFailed.call(this, itemIndex, field);
	const binary = this.helpers.assertBinaryData(itemIndex, field);
	const mimeType = binary.mimeType && binary.mimeType !== OCTET_STREAM ? binary.mimeType : undefined;
	// Line breaks cannot travel in the file part's header, so the name is the same without them everywhere.
	let fileName = headerSafe(String(additional.fileName ?? '').trim() || binary.fileName || '') || `document-${Date.now()}`;
	if (!/\.[a-z0-9]+$/i.test(fileName) && mimeType && extensionForMime(mimeType)) fileName += `.${extensionForMime(mimeType)}`;

	let documentDate: string | undefined;
	if (additional.documentDate) {
		documentDate = userDateToIso(additional.documentDate, this.getTimezone());
		if (!documentDate) {
			throw new NodeOperationError(this.getNode(), `The Document Date "${additional.documentDate}" is not a date`, {
				description: 'Enter a date, or pick one in the date picker.',
				itemIndex,
			});
		}
	}

	const caseId = await resolveCaseId(this, ref, itemIndex);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	if (this.getNodeParameter('skipIfDescriptionExists', itemIndex, false) === true) {
		const wanted = String(additional.description ?? '').trim();
		if (!wanted) {
			throw new NodeOperationError(this.getNode(), 'The Description is empty, so there is nothing to recognise an existing document by', {
				description: 'Map a description that names the source (e.g. its file ID), or turn off Skip If a Document With This Description Exists.',
				itemIndex,
			});
		}
		// Read right before the upload, so a relay run from an older saved position (another worker's run uploaded meanwhile) adds no copy.
		const [existing] = await smartAdvocatePagedList(
			this,
			smartAdvocateEndpoints.caseDocuments(caseId),
			{ limit: 1, keep: (document) => isOfCase(document, caseId) && String(document.description ?? '').trim() === wanted },
			{ action: `get the documents of case ${caseId}`, itemIndex, notFound: `No case with ID ${caseId} exists in SmartAdvocate` },
		);
		if (existing) {
			const json = simplify ? (simplifyDocument(existing) as unknown as IDataObject) : existing;
			return [{ json: { ...json, alreadyExisted: true }, pairedItem: { item: itemIndex } }];
		}
	}
	const source = await uploadSource(this, itemIndex, field, binary);
	const fields = {
		documentName: fileName,
		folder,
		description: String(additional.description ?? '').trim() || undefined,
		categoryName: String(additional.categoryName ?? '').trim() || undefined,
		documentDate,
	};
	const file = { field: 'file', fileName, contentType: mimeType ?? mimeFromFileName(fileName) ?? OCTET_STREAM };
	const upload = multipartBody(fields, file, source);
	const response = await smartAdvocateRequest<IDataObject | string>(
		this,
		{
			method: 'POST',
			path: smartAdvocateEndpoints.uploadDocument(caseId),
			upload,
			headers: { Accept: 'application/json' },
		},
		{
			action: `upload "${fileName}" to case ${caseId}`,
			itemIndex,
			notFound: `No case with ID ${caseId} exists in SmartAdvocate (or this SmartAdvocate server does not accept document uploads)`,
		},
	);
	const document = (typeof response === 'string' ? JSON.parse(response) : response) as IDataObject;
	const json = simplify ? (simplifyDocument(document) as unknown as IDataObject) : document;
	return [{ json, pairedItem: { item: itemIndex } }];
}
