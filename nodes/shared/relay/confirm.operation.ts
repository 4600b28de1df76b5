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
	]);
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
	for (let index = 0; index < inputs.length; index++) {
		const id = String(this.getNodeParameter('itemId', index, '') ?? '').trim();
		if (!ticket.items.has(id)) {
			throw new NodeOperationError(this.getNode(), `Item ${index + 1} has Item ID "${id}", which Get New did not output in this run`, {
				itemIndex: index,
				description: "Set Item ID to the ID field of the Get New step, e.g. {{ $('Get New Messages').item.json.messageId }}.",
			});
		}
		outcomes.push({ id, error: failureOf(inputs[index]) });
		ticket.reported.add(id);
	}
	const giveUpAfterDays = Number(this.getNodeParameter('giveUpAfterDays', itemIndex, 7));
	const now = Date.now();
	const state = newerState(savedState(this, ticket.slot), rememberedState(ticket.key));
	const recorded = recordOutcomes(state, outcomes, ticket.items, now, giveUpAfterDays * DAY);
	const unreported = [...ticket.items].filter(([id]) => !ticket.reported.has(id)).map(([id, item]) => ({ id, item }));
	const finished = finishRun(recorded.state, ticket.readUntil, unreported, { overlapMs: ticket.overlapMs, firstRunLookBackMs: 0 }, now);
	const heldToTheEnd = holds(ticket.key, holder, now);
	saveState(this, ticket.key, ticket.slot, { ...finished, revision: state.revision + 1 });
	// The lease goes with the first Confirm; a second one (the other branch of an If) only records its items.
	const released = releaseRelay(ticket.key, holder);
	if (ticket.reported.size === ticket.items.size) closeTicket(holder);

	const report: IDataObject = {
		relayed: recorded.landed.length,
		failed: recorded.failed.map(({ id, attempts, nextAttemptAt, lastError }) => ({ id, attempts, nextAttemptAt, lastError })),
		needsPerson: recorded.gaveUp.map(({ id, firstFailedAt, attempts, lastError }) => ({ id, firstFailedAt, attempts, lastError })),
		waitingInAll: Object.keys(finished.waiting).length,
		needsPersonInAll: finished.needsPerson.length,
		position: finished.position ?? null,
		released,
		heldToTheEnd,
	};
	const failures = recorded.failed.length + recorded.gaveUp.length;
	if (failures > 0 && this.getNodeParameter('failRunOnFailedWrite', itemIndex, true) === true) {
		const first = recorded.gaveUp[0] ?? recorded.failed[0];
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
