import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { showOnlyFor } from '../displayOptions';
import { leaseHolder, leaseKey, leaseKeyProperty } from './key';
import { takeLease } from './lease';

const properties: INodeProperties[] = [
	leaseKeyProperty,
	{
		displayName: 'Expires After (Minutes)',
		name: 'expiresAfterMinutes',
		type: 'number',
		typeOptions: { minValue: 0.1, numberPrecision: 1 },
		default: 10,
		description:
			'If the run holding the lease fails or is killed before its Release, the lease frees itself after this long. Keep it longer than your longest run.',
	},
];

export const description = showOnlyFor({ resource: ['runLease'], operation: ['take'] }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const minutes = Number(this.getNodeParameter('expiresAfterMinutes', itemIndex, 10));
	if (!Number.isFinite(minutes) || minutes <= 0) {
		throw new NodeOperationError(this.getNode(), `Expires After (Minutes) must be a number above 0, not "${String(minutes)}"`, {
			itemIndex,
			description: 'Enter how long the lease may outlive a run that never releases it, e.g. 10.',
		});
	}
	const key = leaseKey.call(this, itemIndex);
	const { taken, lease } = takeLease(key, leaseHolder.call(this, itemIndex), minutes * 60_000);
	return [
		{
			json: {
				leaseTaken: taken,
				key,
				heldBy: lease.holder,
				heldSince: new Date(lease.takenAt).toISOString(),
				expiresAt: new Date(lease.expiresAt).toISOString(),
			},
			pairedItem: { item: itemIndex },
		},
	];
}
