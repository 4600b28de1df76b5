import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { showOnlyFor } from '../../../../shared/displayOptions';
import { getCase, readCaseReference, toSimplifiedCase } from '../caseLookup';
import { caseLocator, includeClientsProperty, simplifyProperty } from '../common.descriptions';

const properties: INodeProperties[] = [caseLocator({ description: 'The case to get' }), simplifyProperty, includeClientsProperty];

/** Reads only; several cases are read at a time. */
export const concurrency = 8;

export const description = showOnlyFor({ resource: ['case'], operation: ['get'] }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const ref = readCaseReference.call(this, itemIndex);
	const raw = await getCase(this, ref, itemIndex);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const includeClients = simplify && (this.getNodeParameter('includeClients', itemIndex, true) as boolean);
	const json = simplify ? ((await toSimplifiedCase(this, raw, itemIndex, { includeClients })) as unknown as IDataObject) : raw;
	return [{ json, pairedItem: { item: itemIndex } }];
}
