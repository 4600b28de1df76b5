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
				description: 'Download a document\'s file into a binary field',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many documents',
				description: 'Get the documents of a case, or of every case by modified date',
			},
			{
				name: 'Upload',
				value: 'upload',
				action: 'Upload document',
				description: 'File a binary file as a document of a case',
			},
		],
		default: 'upload',
	},
	...download.description,
	...getAll.description,
	...upload.description,
];
