import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { showOnlyFor } from '../displayOptions';
import { leaseHolder, leaseKey, leaseKeyProperty } from './key';
import { releaseLease } from './lease';

export const description = showOnlyFor({ resource: ['runLease'], operation: ['release'] }, [leaseKeyProperty]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const key = leaseKey.call(this, itemIndex);
	const { released, heldBy } = releaseLease(key, leaseHolder.call(this, itemIndex));
	// Another run's lease is never freed here: a run that lost it (expired) must not end the new holder's.
	return [{ json: { released, key, heldBy: heldBy?.holder ?? null }, pairedItem: { item: itemIndex } }];
}
