import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { showOnlyFor } from '../../../../shared/displayOptions';
import { smartAdvocateEndpoints, smartAdvocateRequest } from '../../../transport';
import { userDateToIso } from '../../../helpers/dates';
import { readCaseReference, resolveCaseId, toSimplifiedCase } from '../caseLookup';
import { caseLocator, simplifyProperty } from '../common.descriptions';

const properties: INodeProperties[] = [
	caseLocator({ description: 'The case to update' }),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Case Name',
				name: 'caseName',
				type: 'string',
				default: '',
				description: 'The case name, which Case Status shows as the case description',
			},
			{
				displayName: 'Case Status Name or ID',
				name: 'caseStatus',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getCaseStatuses' },
				default: '',
				description:
					'The primary status; its stage follows from it. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Case Type Name or ID',
				name: 'caseType',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getCaseTypes' },
				default: '',
				description:
					'The case type (practice area). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Closed Date',
				name: 'closedDate',
				type: 'dateTime',
				default: '',
				description: 'When the case was closed',
			},
			{
				displayName: 'Opened Date',
				name: 'caseOpenedDate',
				type: 'dateTime',
				default: '',
				description: 'When the case was opened',
			},
		],
	},
	simplifyProperty,
];

export const description = showOnlyFor({ resource: ['case'], operation: ['update'] }, properties);

/** An ID from the list (or an expression), or a name typed in an expression. */
function idOrName(body: IDataObject, value: unknown, idField: string, nameField: string) {
	const text = String(value ?? '').trim();
	if (!text) return;
	if (/^\d+$/.test(text)) body[idField] = Number(text);
	else body[nameField] = text;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const ref = readCaseReference.call(this, itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const timeZone = this.getTimezone();
	const body: IDataObject = {};
	if (typeof fields.caseName === 'string' && fields.caseName.trim()) body.caseName = fields.caseName.trim();
	idOrName(body, fields.caseStatus, 'caseStatusID', 'caseStatus');
	idOrName(body, fields.caseType, 'caseTypeID', 'caseType');
	for (const field of ['caseOpenedDate', 'closedDate'] as const) {
		if (fields[field] === undefined || fields[field] === '') continue;
		const iso = userDateToIso(fields[field], timeZone);
		if (!iso) {
			throw new NodeOperationError(this.getNode(), `The ${field === 'closedDate' ? 'Closed Date' : 'Opened Date'} "${fields[field]}" is not a date`, {
				description: 'Enter a date such as 2024-05-01, or pick one in the date picker.',
				itemIndex,
			});
		}
		body[field] = iso;
	}
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update: no field is set under Update Fields', {
			description: 'Add at least one field to change, such as Case Status.',
			itemIndex,
		});
	}
	const caseId = await resolveCaseId(this, ref, itemIndex);
	const updated = await smartAdvocateRequest<IDataObject>(
		this,
		{ method: 'PUT', path: smartAdvocateEndpoints.updateCase(caseId), body },
		{
			action: `update case ${caseId}`,
			itemIndex,
			notFound: `SmartAdvocate found no case ${caseId} to update (or this SmartAdvocate server does not accept case updates)`,
		},
	);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const json = simplify ? ((await toSimplifiedCase(this, updated, itemIndex)) as unknown as IDataObject) : updated;
	return [{ json, pairedItem: { item: itemIndex } }];
}
