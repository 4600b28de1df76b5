import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { advanceCursor, baselineCursor, pollWindowStart, type PollCursor } from '../shared/pollCursor';
import { formatForSmartAdvocate } from './helpers/dates';
import type { NoteFilter } from './helpers/noteFilter';
import { loadOptions } from './methods';
import { EVENTS, stampAll, type PolledRecord, type TriggerEvent } from './trigger/events';

/**
 * How far behind the newest item already seen each poll looks again. SmartAdvocate stamps a note when
 * it is written, but it can show up in searches a little later (slow saves, a server clock behind n8n's);
 * re-reading the last 10 minutes finds such late items, and the IDs remembered in the cursor keep them
 * from being emitted twice.
 */
export const LOOKBACK_MS = 10 * 60_000;
/** How far back the first activation looks for the newest existing item to start after. */
export const BASELINE_LOOKBACK_MS = 24 * 60 * 60_000;
/** "Fetch Test Event" looks back in growing steps, up to 30 days, for the most recent matching item. */
export const SAMPLE_WINDOWS_MS = [60 * 60_000, 24 * 60 * 60_000, 7 * 24 * 60 * 60_000, 30 * 24 * 60 * 60_000];
/**
 * The upper end of every search is a day ahead: SmartAdvocate's clock, not n8n's, stamps the items,
 * and a server clock running ahead must not hide them.
 */
const OPEN_END_MS = 24 * 60 * 60_000;

/** What the trigger keeps between polls in the workflow's static data. */
interface TriggerState extends IDataObject {
	event?: TriggerEvent;
	cursor?: PollCursor & IDataObject;
	/** Whether SmartAdvocate writes its times without a zone (then searches are sent the same way). */
	naiveDates?: boolean;
}

export class SmartAdvocateTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SmartAdvocate Trigger',
		name: 'smartAdvocateTrigger',
		icon: { light: 'file:../../icons/smartadvocate.svg', dark: 'file:../../icons/smartadvocate.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["event"] === "newNote" ? "New Note" : "New or Updated Case" }}',
		description: 'Starts the workflow when a note is added or a case changes in SmartAdvocate',
		defaults: { name: 'SmartAdvocate Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'smartAdvocateApi', required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				default: 'newNote',
				options: [
					{
						name: 'New Note',
						value: 'newNote',
						description:
							'A note is added to any case. Follows when the note was written, so editing an existing note does not fire again.',
					},
					{
						name: 'New or Updated Case',
						value: 'newOrUpdatedCase',
						description: 'A case is created or changed; each change fires once',
					},
				],
			},
			{
				displayName: 'Note Type Names or IDs',
				name: 'noteTypes',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getNoteTypes' },
				default: [],
				description:
					'Only notes of these types; none means every type. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				displayOptions: { show: { event: ['newNote'] } },
			},
			{
				displayName: 'Only Shared in Client Portal',
				name: 'onlySharedInClientPortal',
				type: 'boolean',
				default: false,
				description: 'Whether to fire only for notes with "Shared in Client Portal" ticked when they are written',
				displayOptions: { show: { event: ['newNote'] } },
			},
			{
				displayName: 'Simplify',
				name: 'simplify',
				type: 'boolean',
				default: true,
				description: 'Whether to return a simplified version of the response instead of the raw data',
			},
		],
	};

	methods = { loadOptions };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const eventName = this.getNodeParameter('event', 'newNote') as TriggerEvent;
		const event = EVENTS[eventName];
		const simplify = this.getNodeParameter('simplify', true) as boolean;
		const filter: NoteFilter =
			eventName === 'newNote'
				? {
						noteTypes: this.getNodeParameter('noteTypes', []) as Array<string | number>,
						onlySharedInClientPortal: this.getNodeParameter('onlySharedInClientPortal', false) as boolean,
					}
				: {};
		const now = Date.now();
		const openEnd = new Date(now + OPEN_END_MS).toISOString();

		if (this.getMode() === 'manual') {
			for (const windowMs of SAMPLE_WINDOWS_MS) {
				const from = now - windowMs;
				const candidates = stampAll(event, await event.fetch(this, new Date(from).toISOString(), openEnd)).filter(
					(item) => item.ms >= from && event.matches(item.record, filter),
				);
				const newest = candidates.reduce<PolledRecord | undefined>((best, item) => (!best || item.ms > best.ms ? item : best), undefined);
				if (newest) return [this.helpers.returnJsonArray(await event.output(this, [newest.record], simplify))];
			}
			throw new NodeOperationError(this.getNode(), `No ${event.noun} in SmartAdvocate matched this trigger in the last 30 days`, {
				description:
					eventName === 'newNote'
						? 'Add a note in SmartAdvocate that fits the Note Types and Only Shared in Client Portal settings, then click Fetch Test Event again.'
						: 'Change any case in SmartAdvocate (for example its status), then click Fetch Test Event again.',
			});
		}

		const state = this.getWorkflowStaticData('node') as TriggerState;
		if (!state.cursor || state.event !== eventName) {
			// The baseline search covers the first poll's whole window, so that poll finds nothing old as new.
			const baselineFrom = now - BASELINE_LOOKBACK_MS;
			const existing = stampAll(event, await event.fetch(this, new Date(baselineFrom - LOOKBACK_MS).toISOString(), openEnd));
			const readable = existing.filter((item) => !Number.isNaN(item.ms));
			// With nothing found, start where the search started rather than at n8n's "now": the server may write
			// times without a zone, hours away from n8n's clock, and its first new item must still be in the window.
			state.cursor = baselineCursor(readable, new Date(baselineFrom)) as TriggerState['cursor'];
			state.event = eventName;
			state.naiveDates = readable.some((item) => item.naive);
			return null;
		}

		const from = Date.parse(pollWindowStart(state.cursor, LOOKBACK_MS));
		const polled = stampAll(event, await event.fetch(this, formatForSmartAdvocate(from, state.naiveDates === true), openEnd))
			// Edited old notes come back from the modified-date search; only items whose own time is in the window count.
			.filter((item) => Number.isNaN(item.ms) || item.ms >= from);
		const { fresh, cursor } = advanceCursor(state.cursor, polled, LOOKBACK_MS);
		const emit = fresh.filter((item) => event.matches(item.record, filter));
		const rows = emit.length ? await event.output(this, emit.map((item) => item.record), simplify) : [];

		// Only now, with everything fetched and built, does the cursor move.
		state.cursor = cursor as TriggerState['cursor'];
		if (polled.length) state.naiveDates = polled.some((item) => item.naive);
		return rows.length ? [this.helpers.returnJsonArray(rows)] : null;
	}
}
