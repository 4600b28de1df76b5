/* eslint-disable @typescript-eslint/no-explicit-any -- runs in Node, never in n8n (eslint.dev.config.mjs) */
import { NodeApiError, type IExecuteFunctions, type INodeType, type INodeTypeDescription, type JsonObject } from 'n8n-workflow';

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
});
