import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

/** A node with no parameters, for tests that call a transport directly through the n8n context. */
export const probeNode: INodeType = {
	description: {
		displayName: 'Probe',
		name: 'probe',
		group: ['transform'],
		version: 1,
		description: 'Test-only node',
		defaults: { name: 'Probe' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [],
	} as unknown as INodeTypeDescription,
};
