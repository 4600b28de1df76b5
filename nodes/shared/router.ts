import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { mapWithConcurrency } from '../SmartAdvocate/helpers/concurrency';

/** One operation file: its parameters and what it does for one input item. */
export interface OperationModule {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]>;
	/** Items run this many at a time (reads only); output stays in input order. Default 1. */
	concurrency?: number;
}

export type OperationTable = Record<string, Record<string, OperationModule>>;

/** What a failed item tells a workflow beyond the message (e.g. `reason`, `readableId`, `integrationId`). */
export type FailureFields = IDataObject;

const failureFields = new WeakMap<object, FailureFields>();

/**
 * Attaches the fields a workflow branches on to an error an operation throws; the router puts
 * them on the failed item in both "Continue" modes.
 */
export function withFailureFields<E extends Error>(error: E, fields: FailureFields): E {
	failureFields.set(error, fields);
	return error;
}

/**
 * The item that stands for a failed input item when the node continues on error.
 *
 * "Continue (regular output)": a flat item on the main output, `{ error, errorDescription,
 * httpCode, itemIndex, ...fields }`, so a workflow branches on `$json.httpCode` or `$json.reason`.
 *
 * "Continue (using error output)": `{ error: { message, description, httpCode, itemIndex, ...fields } }`.
 * n8n's engine (both majors) sends an item to the error output only when its json is `error`
 * alone (or the item carries `item.error`, but then n8n replaces the whole json with the bare
 * message, losing every field), and then lays the input item's fields under it.
 */
function failedItem(this: IExecuteFunctions, thrown: unknown, itemIndex: number): INodeExecutionData {
	const error = (typeof thrown === 'object' && thrown !== null ? thrown : {}) as { message?: unknown; description?: unknown; httpCode?: unknown };
	const message = String(error.message ?? thrown);
	const details: IDataObject = {
		...(error.description ? { description: String(error.description) } : {}),
		...(error.httpCode ? { httpCode: String(error.httpCode) } : {}),
		itemIndex,
		...(failureFields.get(error) ?? {}),
	};
	if (this.getNode().onError === 'continueErrorOutput') {
		return { json: { error: { message, ...details } }, pairedItem: { item: itemIndex } };
	}
	const { description, ...rest } = details;
	return {
		json: { error: message, ...(description ? { errorDescription: description } : {}), ...rest },
		pairedItem: { item: itemIndex },
	};
}

/**
 * Runs the chosen resource/operation once per input item (several at a time when the operation says
 * it only reads, see `concurrency`). A failing item either becomes a
 * failed item (both Continue modes, see `failedItem`) or stops the node with an error naming
 * that item; the other items are never lost, and every output item points back at its input
 * item (pairedItem).
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
	// Without Continue On Fail, no item starts after one has failed (as when items ran one by one).
	const stopOnFailure = !this.continueOnFail();
	let failed = false;
	const settled = await mapWithConcurrency(items, module.concurrency ?? 1, async (_item, itemIndex) => {
		if (failed) return {};
		try {
			return { results: await module.execute.call(this, itemIndex) };
		} catch (error) {
			failed = stopOnFailure;
			return { error: error as unknown, failed: true };
		}
	});
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const { results, error, failed: itemFailed } = settled[itemIndex] as { results?: INodeExecutionData[]; error?: unknown; failed?: boolean };
		if (!itemFailed) {
			if (!results) break; // not started: an earlier item failed
			output.push(...results.map((result) => ({ ...result, pairedItem: result.pairedItem ?? { item: itemIndex } })));
			continue;
		}
		if (!stopOnFailure) {
			output.push(failedItem.call(this, error, itemIndex));
			continue;
		}
		// Both constructors hand back an error that is already theirs; we only add the item.
		if (error instanceof NodeApiError) {
			error.context.itemIndex = itemIndex;
			throw new NodeApiError(this.getNode(), error as unknown as JsonObject);
		}
		const wrapped = new NodeOperationError(this.getNode(), error as Error, { itemIndex });
		wrapped.context.itemIndex = itemIndex;
		throw wrapped;
	}
	return [output];
}
