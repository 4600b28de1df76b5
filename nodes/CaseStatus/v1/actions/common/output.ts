import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { CsCaseRecord, CsFileRecord, CsMessageRecord } from '../../../helpers/records';
import { simplifyCase, simplifyFile, simplifyMessage } from '../../../helpers/simplify';

const simplifying = (ctx: IExecuteFunctions, itemIndex: number) => ctx.getNodeParameter('simplify', itemIndex, true) as boolean;

/** A case as the output shows it: simplified, or as Case Status sent it. */
export function caseOutput(this: IExecuteFunctions, itemIndex: number, record: CsCaseRecord): IDataObject {
	return simplifying(this, itemIndex) ? simplifyCase(record) : (record as IDataObject);
}

export function messageOutput(this: IExecuteFunctions, itemIndex: number, record: CsMessageRecord): IDataObject {
	return simplifying(this, itemIndex) ? simplifyMessage(record) : (record as IDataObject);
}

export function fileOutput(this: IExecuteFunctions, itemIndex: number, record: CsFileRecord): IDataObject {
	return simplifying(this, itemIndex) ? simplifyFile(record) : (record as IDataObject);
}
