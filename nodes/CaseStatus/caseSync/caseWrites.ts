import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { buildCaseBody } from './caseBody';
import type { DesiredCase } from './caseFields';
import { caseLabel, readRefusal, refusalHint } from './caseRefusal';
import type { CsCaseRecord } from '../helpers/records';
import { caseStatusEndpoints, caseStatusRequest } from '../transport';
import { withFailureFields } from '../../shared/router';
import { asNodeError } from '../v1/actions/common/nodeError';

export interface CaseIds {
	readableId?: string | null;
	integrationId?: string | null;
	caseId?: number | string;
}

/** Creates a case, closed already when it is to be closed (`closed_date` in the same body). */
export async function createCase(this: IExecuteFunctions, itemIndex: number, desired: DesiredCase): Promise<CsCaseRecord> {
	return await caseStatusRequest<CsCaseRecord>(
		this,
		{ method: 'POST', path: caseStatusEndpoints.cases(), body: buildCaseBody(desired) },
		{ action: `create case ${caseLabel(desired)}`, itemIndex },
	);
}

/** Writes the given body to a case; an empty body writes nothing and returns the case as it is. */
export async function patchCase(
	this: IExecuteFunctions,
	itemIndex: number,
	existing: CsCaseRecord,
	body: IDataObject,
): Promise<CsCaseRecord> {
	if (Object.keys(body).length === 0) return existing;
	return await caseStatusRequest<CsCaseRecord>(
		this,
		{ method: 'PATCH', path: caseStatusEndpoints.case(existing.id), body },
		{
			action: `update case ${caseLabel({ readableId: existing.readable_id, integrationId: existing.integration_id, caseId: existing.id })}`,
			itemIndex,
			notFound: `No case with ID ${existing.id} exists in Case Status`,
		},
	);
}

/**
 * A case write that Case Status refused (unknown attorney, invalid phone, unmapped practice
 * area or stage…) becomes an error naming the case and the reason. It carries `readableId`,
 * `integrationId` and a short `reason`, which the router puts on the failed item (both Continue
 * modes), so a sync report can list the cases to fix; other failures pass through unchanged.
 */
export function caseWriteFailed(
	this: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
	verb: 'create' | 'update' | 'create or update',
	ids: CaseIds,
): never {
	const refusal = readRefusal(error);
	if (!refusal) throw asNodeError(this.getNode(), error);
	const message = `Case Status refused to ${verb} case ${caseLabel(ids)}: ${refusal.reason}`;
	const description = refusalHint(refusal.reason, refusal.httpCode);
	throw withFailureFields(
		new NodeApiError(this.getNode(), { message, httpCode: refusal.httpCode } as JsonObject, {
			message,
			description,
			httpCode: refusal.httpCode,
			itemIndex,
		}),
		{ readableId: ids.readableId ?? null, integrationId: ids.integrationId ?? null, reason: refusal.reason },
	);
}
