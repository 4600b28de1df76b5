/**
 * Take / Release as operations of both action nodes (what a workflow sees). That two executions in a real n8n
 * share the lease is proven in test/e2e/relayOverlap.e2e.test.ts, not here.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { CaseStatus } from '../../../../nodes/CaseStatus/CaseStatus.node';
import { SmartAdvocate } from '../../../../nodes/SmartAdvocate/SmartAdvocate.node';
import { resolveNodeType, runNode } from '../../../support/n8nContext';

const nodes = { SmartAdvocate: new SmartAdvocate(), 'Case Status': new CaseStatus() };

describe.each(Object.entries(nodes))('%s node, Run Lease', (_, node) => {
	const workflowId = `wf${Math.random().toString(36).slice(2, 12)}`;
	const take = (executionId: string, parameters: Record<string, unknown> = {}, extra: { items?: INodeExecutionData[]; continueOnFail?: boolean } = {}) =>
		runNode(node, { parameters: { resource: 'runLease', operation: 'take', ...parameters }, executionId, workflowId, ...extra });
	const release = (executionId: string, parameters: Record<string, unknown> = {}) =>
		runNode(node, { parameters: { resource: 'runLease', operation: 'release', ...parameters }, executionId, workflowId });

	it('needs no credential for the lease (and still needs one for everything else)', () => {
		const description = resolveNodeType(node).description;
		expect(description.credentials).toEqual([expect.objectContaining({ required: true, displayOptions: { hide: { resource: ['runLease'], operation: ['confirm'] } } })]);
		const options = description.properties.find((p) => p.name === 'resource')!.options as Array<{ value: string }>;
		expect(options.map((o) => o.value)).toContain('runLease');
	});

	it('the first run takes the lease of its workflow; a second run at the same time does not, and sees who has it', async () => {
		const before = Date.now();
		const [first] = await take('101', { expiresAfterMinutes: 10 });
		expect(first).toEqual({
			json: { leaseTaken: true, key: `workflow:${workflowId}`, heldBy: '101', heldSince: expect.any(String), expiresAt: expect.any(String) },
			pairedItem: { item: 0 },
		});
		expect(Date.parse(first.json.expiresAt as string) - before).toBeGreaterThanOrEqual(10 * 60_000 - 1000);
		const [second] = await take('102');
		expect(second.json).toMatchObject({ leaseTaken: false, heldBy: '101', expiresAt: first.json.expiresAt });

		// The second run cannot free it; the holder can, and then the next run gets it.
		expect((await release('102'))[0].json).toEqual({ released: false, key: `workflow:${workflowId}`, heldBy: '101' });
		expect((await release('101'))[0]).toEqual({ json: { released: true, key: `workflow:${workflowId}`, heldBy: null }, pairedItem: { item: 0 } });
		expect((await take('103'))[0].json).toMatchObject({ leaseTaken: true, heldBy: '103' });
		await release('103');
	});

	it('a custom key is shared by whichever workflows use it; the default key of another workflow is not', async () => {
		const key = `shared-${workflowId}`;
		expect((await take('201', { leaseKey: key }))[0].json).toMatchObject({ leaseTaken: true, key });
		expect((await runNode(node, { parameters: { resource: 'runLease', operation: 'take', leaseKey: key }, executionId: '202', workflowId: 'otherWorkflow01' }))[0].json).toMatchObject({
			leaseTaken: false,
			heldBy: '201',
		});
		expect((await take('203'))[0].json).toMatchObject({ leaseTaken: true, key: `workflow:${workflowId}` });
		await release('201', { leaseKey: key });
		await release('203');
	});

	it('one output item per input item, each pointing back at it', async () => {
		const output = await take('301', {}, { items: [{ json: { a: 1 } }, { json: { a: 2 } }] });
		expect(output.map((o) => [o.json.leaseTaken, o.pairedItem])).toEqual([
			[true, { item: 0 }],
			[true, { item: 1 }], // the same run renews its own lease
		]);
		await release('301');
	});

	it('a lease time that is not a positive number fails that item with a message saying what to enter (or continues, on fail)', async () => {
		await expect(take('401', { expiresAfterMinutes: 0 })).rejects.toThrow('Expires After (Minutes) must be a number above 0, not "0"');
		const [failed] = await take('401', { expiresAfterMinutes: -1 }, { continueOnFail: true });
		expect(failed).toMatchObject({ json: { error: 'Expires After (Minutes) must be a number above 0, not "-1"', itemIndex: 0 }, pairedItem: { item: 0 } });
	});
});
