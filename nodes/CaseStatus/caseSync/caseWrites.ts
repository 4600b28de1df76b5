import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { buildCaseBody } from './caseBody';
import type { DesiredCase } from './caseFields';
import { caseLabel, explainRefusal, readRefusal, type RefusalExplained } from './caseRefusal';
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
 * area or stage…) becomes an error naming the case and saying what to do ("Stage 'Appeal' is not
 * mapped: add it to the stage map"). The failed item carries the refusal's fields (withRefusalFields),
 * in both Continue modes, so a sync report can list the cases to fix by reason; other failures pass
 * through unchanged.
 */
export function caseWriteFailed(
	this: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
	verb: 'create' | 'update',
	ids: CaseIds,
	inCreateOrUpdate = false,
): never {
	const refusal = readRefusal(error);
	if (!refusal) throw asNodeError(this.getNode(), error);
	const explained = explainRefusal(refusal.reason, inCreateOrUpdate);
	const message = `Case Status refused to ${verb} case ${caseLabel(ids)}: ${explained.whatToDo}`;
	const description = `Case Status said: ${refusal.reason}. ${explained.hint}`;
	throw withRefusalFields(
		new NodeApiError(this.getNode(), { message, httpCode: refusal.httpCode } as JsonObject, {
			message,
			description,
			httpCode: refusal.httpCode,
			itemIndex,
		}),
		ids,
		refusal.reason,
		explained,
	);
}

/**
 * A case to create that is not sent because its clients could not be read: it fails as a refused
 * create does (same fields, `reasonCode` clientsNotRead), without calling Case Status.
 */
export function clientsNotReadFailed(this: IExecuteFunctions, itemIndex: number, ids: CaseIds, reason: string): never {
	const explained = explainRefusal(reason, true);
	throw withRefusalFields(
		new NodeOperationError(this.getNode(), `Case ${caseLabel(ids)} was not created: ${explained.whatToDo}`, { description: explained.hint, itemIndex }),
		ids,
		reason,
		explained,
	);
}

/**
 * The fields a failed item carries: `readableId` (the case number), `integrationId`, `reason` (Case
 * Status's own words), `reasonCode` (stable, to group a report by), `reasonLabel` (the group's heading
 * for staff) and `whatToDo`.
 */
function withRefusalFields<E extends Error>(error: E, ids: CaseIds, reason: string, { reasonCode, reasonLabel, whatToDo }: RefusalExplained): E {
	return withFailureFields(error, { readableId: ids.readableId ?? null, integrationId: ids.integrationId ?? null, reason, reasonCode, reasonLabel, whatToDo });
}
