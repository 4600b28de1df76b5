/** What Get New and Confirm of one relay agree on: the lease key, the static-data slot, the run's ID. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { normalizeState, type RelayState } from './state';
import { rememberState } from './lease';

/** The relay's lease key: one per workflow and source, so every firm's copy of a template has its own. */
export function relayKey(ctx: IExecuteFunctions, slot: string): string {
	const workflowId = ctx.getWorkflow().id;
	if (!workflowId) {
		throw new NodeOperationError(ctx.getNode(), 'This workflow has no ID yet, so the relay cannot remember where it is', {
			description: 'Save the workflow first.',
		});
	}
	return `workflow:${workflowId}:${slot}`;
}

/** n8n's execution ID: the same in every node of one run. */
export function runId(ctx: IExecuteFunctions): string {
	const executionId = ctx.getExecutionId();
	if (!executionId) {
		throw new NodeOperationError(ctx.getNode(), 'n8n gave this run no execution ID, so it cannot hold the relay', {
			description: 'Run the workflow from its trigger, the editor or the CLI.',
		});
	}
	return String(executionId);
}

const staticDataName = (slot: string) => `relay:${slot}`;

export function savedState(ctx: IExecuteFunctions, slot: string): RelayState {
	return normalizeState(ctx.getWorkflowStaticData('global')[staticDataName(slot)]);
}

/**
 * Saves the state for the next run: in static data (n8n writes it to its database when this run ends; never
 * for a manual run from the editor) and in this process's memory (for a run that starts before that write).
 */
export function saveState(ctx: IExecuteFunctions, key: string, slot: string, state: RelayState): void {
	// A top-level assignment, so n8n's change tracking of static data always sees it.
	ctx.getWorkflowStaticData('global')[staticDataName(slot)] = state as unknown as IDataObject;
	rememberState(key, state);
}
