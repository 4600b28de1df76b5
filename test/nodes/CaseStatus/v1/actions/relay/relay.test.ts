/**
 * Relay → Get New Messages / Get New Documents and Confirm on the Case Status node, against the simulator, each
 * call a separate "run" (its own execution ID) sharing the workflow's static data as n8n would between runs.
 * That n8n saves static data as these tests assume, and that runs of one n8n share the lease, is proven in
 * real n8n in test/e2e/relayMachinery.e2e.test.ts.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { CaseStatus } from '../../../../../../nodes/CaseStatus/CaseStatus.node';
import { runNode } from '../../../../../support/n8nContext';
import { useCs } from '../../../harness';

const cs = useCs();
const node = new CaseStatus();
let workflowCount = 0;
let executionCount = 1000;

/** One workflow: its static data and ID, and runs of its Get New and Confirm steps. */
function relayWorkflow(operation = 'getNewMessages') {
	const workflowId = `wfRelay${++workflowCount}`;
	const staticData: IDataObject = {};
	const getNew = (options: { executionId?: string; mode?: 'manual' | 'trigger'; relayOptions?: IDataObject } = {}) =>
		runNode(node, {
			parameters: { resource: 'relay', operation, relayOptions: options.relayOptions ?? {} },
			credentials: cs.credentials,
			staticData,
			workflowId,
			executionId: options.executionId ?? String(++executionCount),
			mode: options.mode ?? 'trigger',
		});
	const confirm = (executionId: string, results: INodeExecutionData[], parameters: IDataObject = {}) =>
		runNode(node, {
			parameters: { resource: 'relay', operation: 'confirm', itemId: '={{ $json.id }}', ...parameters },
			items: results,
			staticData,
			workflowId,
			executionId,
			mode: 'trigger',
		});
	return { workflowId, staticData, getNew, confirm };
}

const ids = (items: INodeExecutionData[]) => items.map((item) => item.json.messageId);
const landed = (id: IDataObject[string]): INodeExecutionData => ({ json: { id, noteId: 1 } });
const failed = (id: IDataObject[string], error = 'SmartAdvocate answered 500', httpCode = '500'): INodeExecutionData => ({ json: { id, error, httpCode } });

describe('Case Status → Relay', () => {
	it('the first run gets the messages of the look-back; once confirmed, the next run gets only what is new', async () => {
		const relay = relayWorkflow();
		const first = await relay.getNew({ executionId: 'r1' });
		expect(ids(first)).toEqual([5001, 5002, 5003, 5004]);
		expect(first[0].json).toMatchObject({ messageId: 5001, integrationId: '516718', direction: 'fromClient', content: 'Hi, any news on my claim?' });
		expect(first.map((item) => item.pairedItem)).toEqual(first.map(() => ({ item: 0 })));
		const [report] = await relay.confirm('r1', ids(first).map(landed));
		expect(report.json).toMatchObject({ relayed: 4, failed: [], needsPerson: [], waitingInAll: 0, released: true });

		// Read again within the overlap, but already relayed: not handed on twice.
		expect(await relay.getNew({ executionId: 'r2' })).toEqual([]);
		const later = await cs.addMessage({ integration_id: '516720', content: 'Any update?', direction: 'incoming' });
		expect(ids(await relay.getNew({ executionId: 'r3' }))).toEqual([later.id]);
	});

	it('a failed write is confirmed as failed (the run fails, visibly), handed on again by the next runs, and not before its back-off after that', async () => {
		const relay = relayWorkflow();
		const items = await relay.getNew({ executionId: 'f1' });
		await expect(relay.confirm('f1', [landed(5001), failed(5002), landed(5003), landed(5004)])).rejects.toThrow(
			'1 of 4 writes failed; the others are confirmed. First: item 5002: SmartAdvocate answered 500 (HTTP 500)',
		);
		expect(items).toHaveLength(4);
		// The failure did not hold the relay or the others back: the next run gets just the failed one, marked.
		const retry = await relay.getNew({ executionId: 'f2' });
		expect(retry.map((item) => [item.json.messageId, typeof item.json.waitingSince])).toEqual([[5002, 'string']]);
		const [report] = await relay.confirm('f2', [failed(5002)], { failRunOnFailedWrite: false });
		expect(report.json).toMatchObject({ relayed: 0, failed: [{ id: '5002', attempts: 2, lastError: 'SmartAdvocate answered 500 (HTTP 500)' }], waitingInAll: 1 });
		expect(ids(await relay.getNew({ executionId: 'f3' }))).toEqual([5002]);
		await relay.confirm('f3', [failed(5002)], { failRunOnFailedWrite: false });
		// Third failure: one minute of back-off, so the run right after has nothing.
		expect(await relay.getNew({ executionId: 'f4' })).toEqual([]);
	});

	it('gives up on an item after the firm\'s number of days and lists it as needing a person; the relay moves on', async () => {
		const relay = relayWorkflow();
		await relay.getNew({ executionId: 'g1' });
		// Never on the first failure: it waits for at least one more try.
		await expect(relay.confirm('g1', [landed(5001), landed(5002), landed(5003), failed(5004, 'Refused: no such note type')], { giveUpAfterDays: 0 })).rejects.toThrow(
			'1 of 4 writes failed',
		);
		expect(ids(await relay.getNew({ executionId: 'g2' }))).toEqual([5004]);
		const error = await relay.confirm('g2', [failed(5004, 'Refused: no such note type')], { giveUpAfterDays: 0 }).catch((e: Error & { description?: string }) => e);
		expect(error).toMatchObject({ message: '1 of 1 writes failed; the others are confirmed. First: item 5004: Refused: no such note type (HTTP 500)' });
		expect((error as { description: string }).description).toContain('1 failed for 0 days and now need a person (IDs 5004)');
		const state = relay.staticData['relay:caseStatusMessages'] as { needsPerson: Array<{ id: string; lastError: string }>; waiting: object };
		expect(state.needsPerson).toEqual([expect.objectContaining({ id: '5004', lastError: 'Refused: no such note type (HTTP 500)', attempts: 2 })]);
		expect(state.waiting).toEqual({});
		expect(await relay.getNew({ executionId: 'g3' })).toEqual([]);
	});

	it('a write refused with 404 (the case is not there yet) waits without failing the run, until it lands or is given up', async () => {
		const relay = relayWorkflow();
		await relay.getNew({ executionId: 'w1' });
		const [report] = await relay.confirm('w1', [landed(5001), landed(5002), landed(5003), failed(5004, 'No case with ID 516720 exists in SmartAdvocate', '404')]);
		expect(report.json).toMatchObject({ relayed: 3, failed: [{ id: '5004', attempts: 1 }], waitingInAll: 1 });
		expect(ids(await relay.getNew({ executionId: 'w2' }))).toEqual([5004]);
		await expect(relay.confirm('w2', [failed(5004, 'No case with ID 516720 exists in SmartAdvocate', '404')], { giveUpAfterDays: 0 })).rejects.toThrow(
			'1 of 1 writes failed; the others are confirmed. First: item 5004: No case with ID 516720 exists in SmartAdvocate (HTTP 404)',
		);
	});

	it('one run at a time: a scheduled run while another relays outputs nothing; from the editor it says who holds it; a person can take it over', async () => {
		const relay = relayWorkflow();
		expect(await relay.getNew({ executionId: 'h1' })).toHaveLength(4);
		expect(await relay.getNew({ executionId: 'h2' })).toEqual([]);
		await expect(relay.getNew({ executionId: 'h3', mode: 'manual' })).rejects.toThrow('Another run (execution h1) is relaying messages since');
		const taken = await relay.getNew({ executionId: 'h4', mode: 'manual', relayOptions: { takeOver: true } });
		expect(ids(taken)).toEqual([5001, 5002, 5003, 5004]);
		const [report] = await relay.confirm('h4', ids(taken).map(landed));
		expect(report.json).toMatchObject({ relayed: 4, released: true, heldToTheEnd: true });
		// The run that lost the relay cannot free the new holder's; its Confirm only records what it wrote.
		expect(await relay.getNew({ executionId: 'h5' })).toEqual([]);
	});

	it('an idle run moves the position on and frees the relay at once', async () => {
		const relay = relayWorkflow();
		const first = await relay.getNew({ executionId: 'i1' });
		await relay.confirm('i1', ids(first).map(landed));
		const before = (relay.staticData['relay:caseStatusMessages'] as { position: string }).position;
		expect(await relay.getNew({ executionId: 'i2' })).toEqual([]);
		const after = (relay.staticData['relay:caseStatusMessages'] as { position: string }).position;
		expect(Date.parse(after)).toBeGreaterThanOrEqual(Date.parse(before));
		// Not held: the next run goes on (a held-out run would output nothing even with something new).
		const message = await cs.addMessage({ integration_id: '516720', content: 'Hello again', direction: 'incoming' });
		expect(ids(await relay.getNew({ executionId: 'i3' }))).toEqual([message.id]);
	});

	it('items skipped before the write are confirmed too (they count as done); one that reached no Confirm waits and is handed on again', async () => {
		const relay = relayWorkflow();
		const items = await relay.getNew({ executionId: 's1' });
		expect(items).toHaveLength(4);
		// 5001 and 5002 written, 5003 fed in from the "skip" branch as it was read, 5004 dropped on the way.
		const [report] = await relay.confirm('s1', [landed(5001), landed(5002), { json: { ...items[2].json, id: 5003 } }]);
		expect(report.json).toMatchObject({ relayed: 3, notReachedHere: 1, failed: [], waitingInAll: 1 });
		const again = await relay.getNew({ executionId: 's2' });
		expect(ids(again)).toEqual([5004]);
		await relay.confirm('s2', [landed(5004)]);
		expect(await relay.getNew({ executionId: 's3' })).toEqual([]);
	});

	it('the other branch of the run confirms its items in a second Confirm: nothing is left waiting', async () => {
		const relay = relayWorkflow();
		await relay.getNew({ executionId: 'b1' });
		await relay.confirm('b1', [landed(5001), landed(5002)]);
		const [second] = await relay.confirm('b1', [landed(5003), landed(5004)]);
		expect(second.json).toMatchObject({ relayed: 2, notReachedHere: 0, waitingInAll: 0 });
		expect(await relay.getNew({ executionId: 'b2' })).toEqual([]);
	});

	it('says what to fix when Confirm runs without Get New, or an Item ID is not one Get New output', async () => {
		const relay = relayWorkflow();
		await expect(relay.confirm('x0', [landed(5001)])).rejects.toThrow('Nothing to confirm: no Get New step ran in this run');
		await relay.getNew({ executionId: 'x1' });
		await expect(relay.confirm('x1', [landed(999)])).rejects.toThrow('Item 1 has Item ID "999", which Get New did not output in this run');
	});

	it('Get New Documents hands on documents the same way', async () => {
		const relay = relayWorkflow('getNewDocuments');
		const first = await relay.getNew({ executionId: 'd1' });
		expect(first.map((item) => item.json.fileId)).toEqual([8001, 8002]);
		await relay.confirm('d1', [landed(8001), landed(8002)]);
		expect(await relay.getNew({ executionId: 'd2' })).toEqual([]);
	});
});
