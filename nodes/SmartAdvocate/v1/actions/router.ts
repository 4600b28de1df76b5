/** Resource → operation → the file that does it; the shared router runs it once per input item. */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeOperation, type OperationTable } from '../../../shared/router';
import * as caseResource from './case';
import * as document from './document';
import * as note from './note';
import * as noteType from './noteType';
import * as relay from './relay';

export const operations: OperationTable = {
	case: { get: caseResource.get, getAll: caseResource.getAll, getClients: caseResource.getClients, update: caseResource.update },
	note: { create: note.create, getAll: note.getAll },
	noteType: { getAll: noteType.getAll },
	document: { upload: document.upload, getAll: document.getAll, download: document.download },
	relay: { getNewNotes: relay.getNewNotes, confirm: relay.confirm },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation.call(this, operations);
}
