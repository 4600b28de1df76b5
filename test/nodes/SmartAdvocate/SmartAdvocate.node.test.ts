import type { INodeProperties } from 'n8n-workflow';

import { SmartAdvocate } from '../../../nodes/SmartAdvocate/SmartAdvocate.node';
import { SmartAdvocateTrigger } from '../../../nodes/SmartAdvocate/SmartAdvocateTrigger.node';
import { operations } from '../../../nodes/SmartAdvocate/v1/actions/router';
import { resolveNodeType, runNode } from '../../support/n8nContext';

describe('SmartAdvocate node description', () => {
	const { description } = resolveNodeType(new SmartAdvocate());
	const option = (name: string, within: INodeProperties[]) => within.filter((p) => p.name === name);

	it('offers every resource and operation the issue asks for, each handled by an operation file', () => {
		const resources = (option('resource', description.properties)[0].options as Array<{ value: string }>).map((o) => o.value);
		const offered: Record<string, string[]> = {};
		for (const resource of resources) {
			const operation = description.properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource));
			offered[resource] = (operation!.options as Array<{ value: string }>).map((o) => o.value);
		}
		expect(offered).toEqual({
			case: ['get', 'getClients', 'getAll', 'update'],
			document: ['download', 'getAll', 'upload'],
			note: ['create', 'getAll'],
			noteType: ['getAll'],
			relay: ['confirm', 'getNewNotes'],
		});
		for (const [resource, ops] of Object.entries(offered)) {
			expect(Object.keys(operations[resource]).sort()).toEqual([...ops].sort());
		}
	});

	it('can be used as an AI tool; the trigger cannot', () => {
		expect(description.usableAsTool).toBe(true);
		expect(new SmartAdvocateTrigger().description.usableAsTool).toBeUndefined();
		expect(new SmartAdvocateTrigger().description.polling).toBe(true);
	});

	it('refuses an operation it does not have', async () => {
		await expect(runNode(new SmartAdvocate(), { parameters: { resource: 'case', operation: 'delete' } })).rejects.toThrow(
			'The operation "delete" of "case" is not supported',
		);
	});
});
