/* eslint-disable @n8n/community-nodes/no-restricted-globals, @typescript-eslint/no-explicit-any -- runs in Node, never in n8n (eslint.dev.config.mjs) */
import { NodeApiError, NodeOperationError, type IExecuteFunctions, type INodeType, type INodeTypeDescription, type JsonObject } from 'n8n-workflow';

import { routeOperation, withFailureFields, type OperationTable } from '../../../nodes/shared/router';
import { createContext } from '../../support/n8nContext';

const table: OperationTable = {
	thing: {
		echo: {
			description: [],
			async execute(this: IExecuteFunctions, itemIndex: number) {
				const json = this.getInputData()[itemIndex].json;
				if (json.bad === 'api') throw new NodeApiError(this.getNode(), { message: 'nope', httpCode: '404' } as JsonObject, { message: 'Thing 2 does not exist', httpCode: '404' });
				if (json.bad === 'plain') throw new Error('plain failure');
				if (json.bad === 'refused') throw withFailureFields(new Error('Case 5 refused'), { reason: 'Stage not mapped: Appeal', readableId: '2025-5' });
				return [{ json: { echoed: json.n } }, { json: { echoed: json.n, twice: true } }];
			},
		},
	},
};

const node: INodeType = {
	description: {
		displayName: 'Router Probe',
		name: 'routerProbe',
		group: ['transform'],
		version: 1,
		description: 'Test-only node',
		defaults: { name: 'Router Probe' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [
			{ displayName: 'Resource', name: 'resource', type: 'options', options: [{ name: 'Thing', value: 'thing' }], default: 'thing' },
			{ displayName: 'Operation', name: 'operation', type: 'options', options: [{ name: 'Echo', value: 'echo' }], default: 'echo' },
		],
	} as unknown as INodeTypeDescription,
	async execute(this: IExecuteFunctions) {
		return await routeOperation.call(this, table);
	},
};

const items = [{ json: { n: 1 } }, { json: { n: 2, bad: 'api' } }, { json: { n: 3, bad: 'plain' } }, { json: { n: 4 } }];
const withRefusal = [{ json: { n: 1 } }, { json: { n: 5, bad: 'refused' } }];

describe('routeOperation', () => {
	it('keeps every good item, points each output at its input, and turns failures into error items', async () => {
		const { context } = createContext(node, { items, continueOnFail: true });
		const [output] = await node.execute!.call(context) as any;
		expect(output.map((item: any) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }, { item: 3 }]);
		expect(output[2].json).toMatchObject({ error: 'Thing 2 does not exist', httpCode: '404' });
		expect(output[3].json).toMatchObject({ error: 'plain failure' });
	});

	it('without Continue On Fail, stops with an error that names the failing item', async () => {
		const { context } = createContext(node, { items });
		const failure = await node.execute!.call(context).catch((e: any) => e);
		expect(failure).toBeInstanceOf(NodeApiError);
		expect(failure.context.itemIndex).toBe(1);
		expect(failure.message).toBe('Thing 2 does not exist');
	});

	// Which shape each "On Error" mode gets is our decision; that n8n routes them so is proven in test/e2e/errorOutput.e2e.test.ts.
	it('Continue (regular output): a failed item is flat, with the item index and the operation\'s failure fields', async () => {
		const { context } = createContext(node, { items: withRefusal, continueOnFail: true });
		const [output] = (await node.execute!.call(context)) as any;
		expect(output[2]).toEqual({
			json: { error: 'Case 5 refused', itemIndex: 1, reason: 'Stage not mapped: Appeal', readableId: '2025-5' },
			pairedItem: { item: 1 },
		});
	});

	it('Continue (using error output): a failed item is `error` alone, the only shape n8n sends to the error output', async () => {
		const { context, node: instance } = createContext(node, { items: withRefusal, continueOnFail: true });
		instance.onError = 'continueErrorOutput';
		const [output] = (await node.execute!.call(context)) as any;
		expect(output[2]).toEqual({
			json: { error: { message: 'Case 5 refused', itemIndex: 1, reason: 'Stage not mapped: Appeal', readableId: '2025-5' } },
			pairedItem: { item: 1 },
		});
		expect(output[2].error).toBeUndefined();
	});

	describe('an operation with concurrency', () => {
		/** Items finish in the order `release` says, not the order they started: proves output order is input order. */
		function parallelNode(options: { concurrency: number; fail?: number[]; prepare?: () => Promise<void>; first?: number }) {
			const state = { inFlight: 0, peak: 0, started: [] as number[] };
			const gates = new Map<number, () => void>();
			const op = {
				description: [],
				concurrency: options.concurrency,
				prepare: options.prepare,
				async execute(this: IExecuteFunctions, itemIndex: number) {
					state.started.push(itemIndex);
					state.inFlight++;
					state.peak = Math.max(state.peak, state.inFlight);
					await new Promise<void>((resolve) => gates.set(itemIndex, resolve));
					state.inFlight--;
					if (options.fail?.includes(itemIndex)) throw new Error(`item ${itemIndex} broke`);
					return [{ json: { n: itemIndex } }];
				},
			};
			const probe: INodeType = { ...node, execute: async function (this: IExecuteFunctions) { return await routeOperation.call(this, { thing: { echo: op } }); } };
			/** Lets the items finish, `first` as soon as it runs, then the newest first, until the run is done. */
			async function run(context: IExecuteFunctions) {
				const done = probe.execute!.call(context).then(
					(value) => ({ value }),
					(error) => ({ error }),
				);
				let finished = false;
				void done.then(() => (finished = true));
				while (!finished) {
					await new Promise((resolve) => setImmediate(resolve));
					const waiting = [...gates.keys()].sort((a, b) => b - a);
					if (waiting.length) {
						const newest = options.first !== undefined && gates.has(options.first) ? options.first : waiting[0];
						gates.get(newest)!();
						gates.delete(newest);
					}
				}
				return await done;
			}
			return { state, run };
		}
		const many = Array.from({ length: 20 }, (_, n) => ({ json: { n } }));

		it('keeps at most `concurrency` items in flight and outputs in input order, each item paired with its input', async () => {
			const { state, run } = parallelNode({ concurrency: 8 });
			const { context } = createContext(node, { items: many });
			const { value } = (await run(context)) as any;
			expect(state.peak).toBe(8);
			expect(value[0].map((item: any) => item.json.n)).toEqual(many.map((_, n) => n));
			expect(value[0].map((item: any) => item.pairedItem)).toEqual(many.map((_, n) => ({ item: n })));
		});

		it('with Continue On Fail, a failed item stays in its place in both modes', async () => {
			for (const mode of ['continueRegularOutput', 'continueErrorOutput'] as const) {
				const { run } = parallelNode({ concurrency: 8, fail: [3, 11] });
				const { context, node: instance } = createContext(node, { items: many, continueOnFail: true });
				instance.onError = mode;
				const { value } = (await run(context)) as any;
				const output = value[0];
				expect(output.map((item: any) => item.pairedItem)).toEqual(many.map((_, n) => ({ item: n })));
				const failed = mode === 'continueErrorOutput' ? output[3].json.error : output[3].json;
				expect(failed).toMatchObject({ itemIndex: 3 });
				expect(JSON.stringify(output[11].json)).toContain('item 11 broke');
				expect(output[4].json).toEqual({ n: 4 });
			}
		});

		it('without Continue On Fail, fails with the lowest failing item even when a later item failed first, and starts no more items', async () => {
			// Item 6 fails before item 2 does.
			const { state, run } = parallelNode({ concurrency: 8, fail: [2, 6], first: 6 });
			const { context } = createContext(node, { items: many });
			const { error } = (await run(context)) as any;
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toBe('item 2 broke');
			expect(error.context.itemIndex).toBe(2);
			expect(Math.max(...state.started)).toBe(7);
		});

		it('runs the preparation once per run; when it fails, every item fails with its error', async () => {
			let prepared = 0;
			const ok = parallelNode({ concurrency: 8, prepare: async () => void prepared++ });
			await ok.run(createContext(node, { items: many }).context);
			expect(prepared).toBe(1);
			const broken = parallelNode({ concurrency: 8, prepare: async () => { throw new Error('lookups unavailable'); } });
			const { value } = (await broken.run(createContext(node, { items: many.slice(0, 3), continueOnFail: true }).context)) as any;
			expect(value[0].map((item: any) => [item.json.error, item.pairedItem])).toEqual([0, 1, 2].map((n) => ['lookups unavailable', { item: n }]));
			expect(broken.state.started).toEqual([]);
		});
	});
});
