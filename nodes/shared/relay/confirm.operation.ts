/**
 * "Confirm" of a relay, fed by the write node (with On Error → Continue): moves the saved position on, keeps each
 * item that failed to try again with back-off (or, after the firm's limit, lists it as needing a person) and frees
 * the relay. Skipped items may be fed in too (an If node's other output): they count as done.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { showOnlyFor } from '../displayOptions';
import { closeTicket, holds, releaseRelay, rememberedState, ticketOf } from './lease';
import { runId, saveState, savedState } from './run';
import { finishRun, newerState, recordOutcomes, type Outcome } from './state';

const DAY = 86_400_000;

export function confirmDescription(show: { resource: string[] }): INodeProperties[] {
	return showOnlyFor({ ...show, operation: ['confirm'] }, [
		{
			displayName: 'Item ID',
			name: 'itemId',
			type: 'string',
			default: '',
			required: true,
			placeholder: "e.g. {{ $('Get New Messages').item.json.messageId }}",
			description: 'The ID, as Get New output it, of the item each incoming result is about',
		},
		{
			displayName: 'Give Up After (Days)',
			name: 'giveUpAfterDays',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 7,
			description: 'An item whose write keeps failing is tried again with back-off for this long, then listed under "needsPerson" and left for a person',
		},
		{
			displayName: 'Fail the Run When a Write Failed',
			name: 'failRunOnFailedWrite',
			type: 'boolean',
			default: true,
			description: "Whether this run ends as failed (in n8n's executions list and error workflow) when any write failed. The rest is confirmed either way.",
		},
		{
			displayName: 'Only Wait On (HTTP Codes)',
			name: 'waitOnlyCodes',
			type: 'string',
			default: '404',
			placeholder: 'e.g. 404, 409',
			description:
				'A write refused with one of these codes waits for its next try without failing the run (404: the case is not there yet). Comma-separated; empty for none.',
		},
	]);
}

/** The HTTP code a failed write reported (`httpCode`, both Continue modes), if any. */
function httpCodeOf(item: INodeExecutionData): string | undefined {
	const error = item.json.error;
	const code = item.json.httpCode ?? (error && typeof error === 'object' ? (error as IDataObject).httpCode : undefined);
	return code === undefined || code === null ? undefined : String(code);
}

/** What a failed write left on its item: Continue (regular output) puts `error` on it. */
function failureOf(item: INodeExecutionData): string | undefined {
	const error = item.json.error ?? item.error;
	if (error === undefined || error === null || error === '') return undefined;
	if (typeof error === 'object') return String((error as { message?: unknown }).message ?? JSON.stringify(error));
	return String(error);
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	// All results are confirmed together, in one output item.
	if (itemIndex > 0) return [];
	const inputs = this.getInputData();
	const holder = runId(this);
	const ticket = ticketOf(holder);
	const pairedItem = inputs.map((_, item) => ({ item }));
	if (!ticket) {
		throw new NodeOperationError(this.getNode(), 'Nothing to confirm: no Get New step ran in this run', {
			itemIndex,
			description: 'Confirm goes at the end of a relay, after its write; run the workflow from its start (Execute Workflow).',
		});
	}
	const outcomes: Outcome[] = [];
	const waitOnly = new Set(
		String(this.getNodeParameter('waitOnlyCodes', itemIndex, '404') ?? '')
			.split(',')
			.map((code) => code.trim())
			.filter(Boolean),
	);
	const onlyWaiting = new Set<string>();
	for (let index = 0; index < inputs.length; index++) {
		const id = String(this.getNodeParameter('itemId', index, '') ?? '').trim();
		if (!ticket.items.has(id)) {
			throw new NodeOperationError(this.getNode(), `Item ${index + 1} has Item ID "${id}", which Get New did not output in this run`, {
				itemIndex: index,
				description: "Set Item ID to the ID field of the Get New step, e.g. {{ $('Get New Messages').item.json.messageId }}.",
			});
		}
		const error = failureOf(inputs[index]);
		const code = httpCodeOf(inputs[index]);
		if (error !== undefined && code !== undefined && waitOnly.has(code)) onlyWaiting.add(id);
		outcomes.push({ id, error: error === undefined ? undefined : code ? `${error} (HTTP ${code})` : error });
		ticket.reported.add(id);
	}
	// An item this run handed on that reached no Confirm was dropped on the way (its case not found, a Filter)
	// or its branch has not run yet: it waits like a failed write, without failing the run.
	const reportedHere = new Set(outcomes.map((o) => o.id));
	const firstConfirm = ticket.reported.size === reportedHere.size;
	if (firstConfirm) {
		for (const id of ticket.items.keys()) {
			if (reportedHere.has(id)) continue;
			outcomes.push({ id, error: 'Reached no Confirm in its run (dropped by a step before it, or its branch had not run yet)', unreported: true });
			onlyWaiting.add(id);
		}
	}
	const giveUpAfterDays = Number(this.getNodeParameter('giveUpAfterDays', itemIndex, 7));
	const now = Date.now();
	const state = newerState(savedState(this, ticket.slot), rememberedState(ticket.key));
	const recorded = recordOutcomes(state, outcomes, ticket.items, now, giveUpAfterDays * DAY);
	const finished = finishRun(recorded.state, ticket.readFrom, ticket.readUntil, { overlapMs: ticket.overlapMs, firstRunLookBackMs: 0 });
	const heldToTheEnd = holds(ticket.key, holder, now);
	saveState(this, ticket.key, ticket.slot, { ...finished, revision: state.revision + 1 });
	// The lease goes with the first Confirm; a second one (the other branch of an If) only records its items.
	const released = releaseRelay(ticket.key, holder);
	if (ticket.reported.size === ticket.items.size) closeTicket(holder);
	const unreportedHere = [...onlyWaiting].filter((id) => !reportedHere.has(id));

	const report: IDataObject = {
		relayed: recorded.landed.length,
		notReachedHere: unreportedHere.length,
		failed: recorded.failed.filter((f) => reportedHere.has(f.id)).map(({ id, attempts, nextAttemptAt, lastError }) => ({ id, attempts, nextAttemptAt, lastError })),
		needsPerson: recorded.gaveUp.map(({ id, firstFailedAt, attempts, lastError }) => ({ id, firstFailedAt, attempts, lastError })),
		waitingInAll: Object.keys(finished.waiting).length,
		needsPersonInAll: finished.needsPerson.length,
		position: finished.position ?? null,
		released,
		heldToTheEnd,
	};
	// Given up always fails the run (a person must look); a failure that only waits never does.
	const failing = [...recorded.gaveUp, ...recorded.failed.filter((f) => !onlyWaiting.has(f.id))];
	const failures = failing.length;
	if (recorded.gaveUp.length > 0 || (failures > 0 && this.getNodeParameter('failRunOnFailedWrite', itemIndex, true) === true)) {
		const first = failing[0];
		const gaveUp = recorded.gaveUp.length ? ` ${recorded.gaveUp.length} failed for ${giveUpAfterDays} days and now need a person (IDs ${recorded.gaveUp.map((g) => g.id).join(', ')}).` : '';
		throw new NodeOperationError(this.getNode(), `${failures} of ${outcomes.length} writes failed; the others are confirmed. First: item ${first.id}: ${first.lastError}`, {
			itemIndex,
			description: `Failed items are tried again from the next run, with back-off.${gaveUp} Details: ${JSON.stringify(report)}`,
		});
	}
	return [{ json: report, pairedItem }];
}

export function confirmOperation(show: { resource: string[] }) {
	return { description: confirmDescription(show), execute };
}
