import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { showOnlyFor } from '../../../../shared/displayOptions';
import { limitProperty, readLimit, returnAllProperty } from '../common.descriptions';
import { getNoteTypes } from '../noteTypes';

const properties: INodeProperties[] = [returnAllProperty, limitProperty];

export const description = showOnlyFor({ resource: ['noteType'], operation: ['getAll'] }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const limit = readLimit(
		this.getNodeParameter('returnAll', itemIndex, false) as boolean,
		this.getNodeParameter('limit', itemIndex, 50) as number,
	);
	const types = await getNoteTypes(this, itemIndex);
	const rows = (limit === undefined ? types : types.slice(0, limit)).map((type) => ({ ...type }));
	return this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(rows), { itemData: { item: itemIndex } });
}
