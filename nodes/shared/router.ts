import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { mapWithConcurrency } from './concurrency';
import { renewLeasesOf } from './relay/lease';

/**
 * One operation file: its parameters and what it does for one input item. The router hands it
 * every item of the run; what items share (a list read once, lookups) lives in per-run caches
 * keyed by the execute context, or is read once in `prepare`.
 */
export interface OperationModule {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]>;
	/** Items in flight at once (default 1: one after the other). Output order stays input order. */
	concurrency?: number;
	/**
	 * Runs once per node run before any item. If it fails, every item fails with its error
	 * (as failed items with Continue On Fail, else the node stops naming item 0).
	 */
	prepare?(this: IExecuteFunctions): Promise<void>;
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

/** The node's error for a failed item: the operation's own error with the item index added. */
function nodeErrorFor(this: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	// Both constructors hand back an error that is already theirs; we only add the item.
	if (error instanceof NodeApiError) {
		error.context.itemIndex = itemIndex;
		return new NodeApiError(this.getNode(), error as unknown as JsonObject);
	}
	const wrapped = new NodeOperationError(this.getNode(), error as Error, { itemIndex });
	wrapped.context.itemIndex = itemIndex;
	return wrapped;
}

/**
 * Runs the chosen resource/operation for every input item, up to the operation's `concurrency`
 * at once. Output is in input order whatever order items finish in, and every output item points
 * back at its input item (pairedItem). A failing item either becomes a failed item (both Continue
 * modes, see `failedItem`) or stops the node with an error naming that item.
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
	const continueOnFail = this.continueOnFail();
	if (module.prepare) {
		try {
			await module.prepare.call(this);
		} catch (error) {
			if (!continueOnFail) throw nodeErrorFor.call(this, error, 0);
			return [items.map((_, itemIndex) => failedItem.call(this, error, itemIndex))];
		}
	}
	const perItem: INodeExecutionData[][] = new Array(items.length);
	const failures: Array<{ itemIndex: number; error: unknown }> = [];
	await mapWithConcurrency(items, module.concurrency ?? 1, async (_, itemIndex) => {
		// After a failure without Continue On Fail, no further item starts; those in flight finish.
		if (failures.length > 0) return;
		// Each item handled is progress: a relay this run holds stays its own (nodes/shared/relay/lease.ts).
		renewLeasesOf(String(this.getExecutionId()));
		try {
			const results = await module.execute.call(this, itemIndex);
			perItem[itemIndex] = results.map((result) => ({ ...result, pairedItem: result.pairedItem ?? { item: itemIndex } }));
		} catch (error) {
			if (continueOnFail) perItem[itemIndex] = [failedItem.call(this, error, itemIndex)];
			else failures.push({ itemIndex, error });
		}
		renewLeasesOf(String(this.getExecutionId()));
	});
	if (failures.length > 0) {
		// Items start in input order, so every item below the lowest failing one has finished
		// without error: the node reports the same item a one-by-one run would. Items above it that
		// were in flight may have written; that is safe: a re-run of Create or Update compares first
		// and finds those cases unchanged (Case → Create is refused for an integration ID in use).
		const lowest = failures.reduce((a, b) => (b.itemIndex < a.itemIndex ? b : a));
		throw nodeErrorFor.call(this, lowest.error, lowest.itemIndex);
	}
	return [perItem.flat()];
}
