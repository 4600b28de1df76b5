import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { showOnlyFor } from '../../../../shared/displayOptions';
import { simplifyClient } from '../../../helpers/simplify';
import { getCaseContacts, readCaseReference, resolveCaseId } from '../caseLookup';
import { caseLocator } from '../common.descriptions';

const properties: INodeProperties[] = [
	caseLocator({
		description: 'The case whose clients to read; usually an expression such as {{ $json.caseId }}',
		default: { mode: 'id', value: '={{ $json.caseId }}' },
	}),
];

export const description = showOnlyFor({ resource: ['case'], operation: ['getClients'] }, properties);

/** Reads only; several cases' clients are read at a time. */
export const concurrency = 8;

/** One item per input case: its case ID and its clients, simplified as Get Many's. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const caseId = await resolveCaseId(this, readCaseReference.call(this, itemIndex), itemIndex);
	const contacts = await getCaseContacts(this, caseId, itemIndex);
	const json: IDataObject = { caseId, clients: contacts.map(simplifyClient) as unknown as IDataObject[] };
	return [{ json, pairedItem: { item: itemIndex } }];
}
