import type { IExecuteFunctions, INodeExecutionData, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/** One operation file: its parameters and what it does for one input item. */
export interface OperationModule {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]>;
}

export type OperationTable = Record<string, Record<string, OperationModule>>;

/**
 * Runs the chosen resource/operation once per input item. A failing item either becomes an
 * `{error}` item (Continue On Fail) or stops the node with an error naming that item; the other
 * items are never lost, and every output item points back at its input item (pairedItem).
 */
export async function routeOperation(this: IExecuteFunctions, table: OperationTable): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const module = table[resource]?.[operation];
	if (!module) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`, {
			description: 'Pick a resource and operation from the lists in the node.',
		});
	}
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const results = await module.execute.call(this, itemIndex);
			output.push(...results.map((result) => ({ ...result, pairedItem: result.pairedItem ?? { item: itemIndex } })));
		} catch (error) {
			if (this.continueOnFail()) {
				output.push({
					json: {
						error: error.message,
						...(error.description ? { errorDescription: error.description } : {}),
						...(error.httpCode ? { httpCode: error.httpCode } : {}),
					},
					pairedItem: { item: itemIndex },
				});
				continue;
			}
			// Both constructors hand back an error that is already theirs; we only add the item.
			if (error instanceof NodeApiError) {
				error.context.itemIndex = itemIndex;
				throw new NodeApiError(this.getNode(), error as unknown as JsonObject);
			}
			const wrapped = new NodeOperationError(this.getNode(), error, { itemIndex });
			wrapped.context.itemIndex = itemIndex;
			throw wrapped;
		}
	}
	return [output];
}
