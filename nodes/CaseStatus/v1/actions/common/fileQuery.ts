import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { fetchCase, type CaseLocatorMode } from './caseLocator';

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
