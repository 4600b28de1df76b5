import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { CsFileRecord } from '../../../helpers/records';
import { fetchCase, isLocatedCase, type CaseLocatorMode } from './caseLocator';

/** The files filter for a case: Case Status filters files by case ID or integration ID only. */
export async function caseFileQuery(
	this: IExecuteFunctions,
	itemIndex: number,
	locator: { mode: CaseLocatorMode; value: string },
): Promise<IDataObject> {
	if (locator.mode === 'integrationId') return { integration_id: locator.value };
	if (locator.mode === 'readableId') return { case_id: (await fetchCase.call(this, itemIndex, locator)).id };
	return { case_id: Number(locator.value) };
}

/**
 * Whether a file Case Status listed for `caseFileQuery`'s filter really is of that case: the server's filter
 * is not trusted. A file that does not say its case cannot be checked, so it is not held against it.
 */
export function isFileOfCase(query: IDataObject, record: CsFileRecord): boolean {
	if (query.integration_id !== undefined) {
		if (record.case_integration_id === undefined || record.case_integration_id === null) return true;
		return isLocatedCase({ mode: 'integrationId', value: String(query.integration_id) }, { integrationId: record.case_integration_id });
	}
	if (record.case_id === undefined || record.case_id === null) return true;
	return isLocatedCase({ mode: 'id', value: String(query.case_id) }, { caseId: record.case_id });
}
