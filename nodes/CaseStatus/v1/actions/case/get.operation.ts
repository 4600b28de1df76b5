import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { showOnlyFor } from '../../../../shared/displayOptions';
import { caseLocator, fetchCase, readCaseLocator } from '../common/caseLocator';
import { simplifyProperty } from '../common/caseProperties';
import { caseOutput } from '../common/output';

const properties: INodeProperties[] = [caseLocator(), simplifyProperty];

export const description = showOnlyFor({ resource: ['case'], operation: ['get'] }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const found = await fetchCase.call(this, itemIndex, readCaseLocator.call(this, itemIndex));
	return [{ json: caseOutput.call(this, itemIndex, found), pairedItem: { item: itemIndex } }];
}
