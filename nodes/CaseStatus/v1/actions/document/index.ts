import type { INodeProperties } from 'n8n-workflow';

import * as download from './download.operation';
import * as getAll from './getMany.operation';
import * as upload from './upload.operation';

export { download, getAll, upload };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['document'] } },
		options: [
			{
				name: 'Download',
				value: 'download',
				action: 'Download document',
				description: 'Download a document shared on a case, as a binary file',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many documents',
				description: 'Get many documents of one case or of the whole firm',
			},
			{
				name: 'Upload',
				value: 'upload',
				action: 'Upload document',
				description: "Share a file with a case's clients in the Case Status app",
			},
		],
		default: 'getAll',
	},
	...getAll.description,
	...download.description,
	...upload.description,
];
