import type { IExecuteFunctions } from 'n8n-workflow';

import { getNewOperation } from '../../../../shared/relay/getNew';
import type { CsFileRecord } from '../../../helpers/records';
import { simplifyFile } from '../../../helpers/simplify';
import { caseStatusEndpoints, caseStatusListAll } from '../../../transport';

/** Documents shared in Case Status, of every case, as Document → Get Many (simplified) outputs them. */
export const { description, execute } = getNewOperation(
	{
		operation: 'getNewDocuments',
		slot: 'caseStatusDocuments',
		idField: 'fileId',
		what: 'documents',
		properties: [],
		async read(this: IExecuteFunctions, since: string, itemIndex: number) {
			const records = await caseStatusListAll(
				this,
				caseStatusEndpoints.files(),
				{ qs: { created_after: since } },
				{ action: 'get new documents', itemIndex },
			);
			return (records as unknown as CsFileRecord[]).map(simplifyFile);
		},
	},
	{ resource: ['relay'] },
);
