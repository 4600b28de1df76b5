import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeOperation, type OperationTable } from '../../../shared/router';
import * as caseResource from './case';
import * as document from './document';
import * as message from './message';
import * as practiceArea from './practiceArea';
import * as relay from './relay';
import * as user from './user';

const operations: OperationTable = {
	case: {
		create: caseResource.create,
		get: caseResource.get,
		getAll: caseResource.getAll,
		update: caseResource.update,
		upsert: caseResource.upsert,
	},
	message: { send: message.send, getAll: message.getAll },
	document: { getAll: document.getAll, download: document.download, upload: document.upload },
	user: { getAll: user.getAll },
	practiceArea: { getAll: practiceArea.getAll },
	relay: { getNewMessages: relay.getNewMessages, getNewDocuments: relay.getNewDocuments, confirm: relay.confirm },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation.call(this, operations);
}
