import type { INodePropertyOptions, INodeType, IVersionedNodeType } from 'n8n-workflow';

import { SmartAdvocate } from '../../../../nodes/SmartAdvocate/SmartAdvocate.node';
import { SmartAdvocateTrigger } from '../../../../nodes/SmartAdvocate/SmartAdvocateTrigger.node';
import { runMethod } from '../../../support/n8nContext';
import { startSa, type SaHarness } from '../harness';

describe('SmartAdvocate › dropdown lists', () => {
	let sa: SaHarness;
	beforeAll(async () => {
		sa = await startSa();
	});
	afterAll(() => sa.close());

	const load = async (method: string, node: INodeType | IVersionedNodeType = new SmartAdvocate()) =>
		(await runMethod(node, 'loadOptions', method, { credentials: sa.credentials })) as INodePropertyOptions[];

	it('lists note types by name with their IDs, in both nodes', async () => {
		const expected = [
			{ name: 'Case', value: 10 },
			{ name: 'Case Status - Incoming', value: 13 },
			{ name: 'Case Status - Outgoing', value: 14 },
			{ name: 'Phone Message', value: 12 },
			{ name: 'Plaintiff', value: 11 },
		];
		expect(await load('getNoteTypes')).toEqual(expected);
		expect(await load('getNoteTypes', new SmartAdvocateTrigger())).toEqual(expected);
	});

	it('lists case types with their case group', async () => {
		expect(await load('getCaseTypes')).toEqual([
			{ name: 'Motor Vehicle Accident', value: 1201, description: 'Case group: Personal Injury' },
			{ name: 'Premises Liability', value: 1202, description: 'Case group: Personal Injury' },
			{ name: 'Workplace Injury', value: 1203, description: 'Case group: Workers Comp' },
		]);
	});

	it('lists case statuses with their stage', async () => {
		const statuses = await load('getCaseStatuses');
		expect(statuses).toHaveLength(8);
		expect(statuses).toContainEqual({ name: 'LIT 03 - Lawsuit Served', value: 805, description: 'Stage: Litigation' });
	});
});
