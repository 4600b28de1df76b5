import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeApiError, type JsonObject } from 'n8n-workflow';

import { routeOperation, type OperationTable } from '../../../nodes/shared/router';
import { createContext } from '../../support/n8nContext';

const table: OperationTable = {
	thing: {
		echo: {
			description: [],
			async execute(this: IExecuteFunctions, itemIndex: number) {
				const json = this.getInputData()[itemIndex].json;
				if (json.bad === 'api') throw new NodeApiError(this.getNode(), { message: 'nope', httpCode: '404' } as JsonObject, { message: 'Thing 2 does not exist', httpCode: '404' });
				if (json.bad === 'plain') throw new Error('plain failure');
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
});
