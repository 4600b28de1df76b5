import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { showOnlyFor } from '../../../../shared/displayOptions';
import { returnAllAndLimit } from '../common/caseProperties';
import { fetchPracticeAreas } from '../common/practiceAreas';

const properties: INodeProperties[] = [...returnAllAndLimit()];

export const description = showOnlyFor({ resource: ['practiceArea'], operation: ['getAll'] }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
	const areas = await fetchPracticeAreas(this, { itemIndex, limit });
	return areas.map((area) => ({ json: { ...area }, pairedItem: { item: itemIndex } }));
}
