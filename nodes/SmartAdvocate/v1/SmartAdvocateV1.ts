import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeBaseDescription,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as caseResource from './actions/case';
import * as document from './actions/document';
import * as note from './actions/note';
import * as noteType from './actions/noteType';
import * as relay from './actions/relay';
import { router } from './actions/router';
import { listSearch, loadOptions } from '../methods';

export class SmartAdvocateV1 implements INodeType {
	description: INodeTypeDescription;

	constructor(baseDescription: INodeTypeBaseDescription) {
		this.description = {
			...baseDescription,
			version: 1,
			defaults: { name: 'SmartAdvocate' },
			usableAsTool: true,
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			// A relay's Confirm talks to no service, so it asks for no credential.
			credentials: [{ name: 'smartAdvocateApi', required: true, displayOptions: { hide: { operation: ['confirm'] } } }],
			properties: [
				{
					displayName: 'Resource',
					name: 'resource',
					type: 'options',
					noDataExpression: true,
					options: [
						{ name: 'Case', value: 'case' },
						{ name: 'Document', value: 'document' },
						{ name: 'Note', value: 'note' },
						{ name: 'Note Type', value: 'noteType' },
						{ name: 'Relay', value: 'relay' },
					],
					default: 'case',
				},
				...caseResource.description,
				...note.description,
				...noteType.description,
				...document.description,
				...relay.description,
			],
		};
	}

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
