import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export const leaseKeyProperty: INodeProperties = {
	displayName: 'Lease Key',
	name: 'leaseKey',
	type: 'string',
	default: '',
	placeholder: 'e.g. firm-a-messages',
	description:
		'Which runs exclude each other: runs that use the same key. Empty: this workflow\'s ID, so every copy of a workflow (one per firm) has its own lease.',
};

/** The key a Take and a Release agree on: the custom key, else the workflow's ID. */
export function leaseKey(this: IExecuteFunctions, itemIndex: number): string {
	const custom = String(this.getNodeParameter('leaseKey', itemIndex, '') ?? '').trim();
	if (custom) return custom;
	const workflowId = this.getWorkflow().id;
	if (!workflowId) {
		throw new NodeOperationError(this.getNode(), 'This workflow has no ID yet, so the lease has no key', {
			itemIndex,
			description: 'Save the workflow first, or enter a Lease Key.',
		});
	}
	return `workflow:${workflowId}`;
}

/** The run that takes or releases: n8n's execution ID (the same in every node of one run). */
export function leaseHolder(this: IExecuteFunctions, itemIndex: number): string {
	const executionId = this.getExecutionId();
	if (!executionId) {
		throw new NodeOperationError(this.getNode(), 'n8n gave this run no execution ID, so it cannot hold a lease', {
			itemIndex,
			description: 'Run the workflow from its trigger, the editor or the CLI.',
		});
	}
	return String(executionId);
}
