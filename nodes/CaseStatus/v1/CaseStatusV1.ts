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
import * as message from './actions/message';
import * as practiceArea from './actions/practiceArea';
import * as relay from './actions/relay';
import { router } from './actions/router';
import * as user from './actions/user';
import { listSearch, loadOptions } from '../methods';

export class CaseStatusV1 implements INodeType {
	description: INodeTypeDescription;

	constructor(baseDescription: INodeTypeBaseDescription) {
		this.description = {
			...baseDescription,
			version: 1,
			defaults: { name: 'Case Status' },
			usableAsTool: true,
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			// A relay's Confirm talks to no service, so it asks for no credential.
			credentials: [{ name: 'caseStatusApi', required: true, displayOptions: { hide: { operation: ['confirm'] } } }],
			properties: [
				{
					displayName: 'Resource',
					name: 'resource',
					type: 'options',
					noDataExpression: true,
					options: [
						{ name: 'Case', value: 'case' },
						{ name: 'Document', value: 'document' },
						{ name: 'Message', value: 'message' },
						{ name: 'Practice Area', value: 'practiceArea' },
						{ name: 'Relay', value: 'relay' },
						{ name: 'User', value: 'user' },
					],
					default: 'case',
				},
				...caseResource.description,
				...message.description,
				...document.description,
				...user.description,
				...practiceArea.description,
				...relay.description,
			],
		};
	}

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
