import type { IExecuteFunctions } from 'n8n-workflow';

import { getNewOperation } from '../../../../shared/relay/getNew';
import type { CsMessageRecord } from '../../../helpers/records';
import { simplifyMessage } from '../../../helpers/simplify';
import { caseStatusEndpoints, caseStatusListAll } from '../../../transport';

/** Messages of every case, clients' and staff's, as Message → Get Many (simplified) outputs them. */
export const { description, execute } = getNewOperation(
	{
		operation: 'getNewMessages',
		slot: 'caseStatusMessages',
		idField: 'messageId',
		what: 'messages',
		properties: [],
		async read(this: IExecuteFunctions, since: string, itemIndex: number) {
			const records = await caseStatusListAll(
				this,
				caseStatusEndpoints.messages(),
				{ qs: { created_after: since } },
				{ action: 'get new messages', itemIndex },
			);
			return (records as unknown as CsMessageRecord[]).map(simplifyMessage);
		},
	},
	{ resource: ['relay'] },
);
