import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { advanceCursor, baselineCursor, pollWindowStart, type PollCursor, type Stamped } from '../shared/pollCursor';
import { caseStatusListAll } from './transport';
import { EVENTS, type EventDefinition, type TriggerEvent, type TriggerSettings } from './trigger/events';
import { lastPage, newestMatching } from './trigger/newest';

/**
 * How far behind the newest item already seen each poll looks again. Case Status stamps a message
 * or file when it is written, but a slow write can appear in the list a little after a newer one;
 * re-reading the last 10 minutes finds it, and the IDs kept in the cursor stop repeats.
 */
export const LOOKBACK_MS = 10 * 60_000;

/** What the trigger keeps between polls in the workflow's static data. */
interface TriggerState extends IDataObject {
	/** The event and filters the cursor belongs to; a change starts from a new baseline. */
	query?: string;
	cursor?: PollCursor & IDataObject;
}

interface PolledItem extends Stamped {
	record: IDataObject;
}

/**
 * One record as output: simplified, or, when it cannot be (a record in a shape not expected), as
 * Case Status sent it with a `warning` saying so. One odd record never stops a poll.
 */
function simplifyOrExplain(event: EventDefinition, record: IDataObject): IDataObject {
	try {
		return event.simplify(record);
	} catch (error) {
		return { ...record, warning: `This ${event.noun} is shown as Case Status sent it: it could not be simplified (${(error as Error).message})` };
	}
}

const stamp = (record: IDataObject): PolledItem => ({ id: String(record.id), at: String(record.created_at ?? ''), record });

export class CaseStatusTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Case Status Trigger',
		name: 'caseStatusTrigger',
		icon: { light: 'file:../../icons/casestatus.svg', dark: 'file:../../icons/casestatus.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["event"] === "newDocument" ? "New Document" : "New Message" }}',
		description: 'Starts the workflow when a client or staff member writes a message or shares a document in Case Status',
		defaults: { name: 'Case Status Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'caseStatusApi', required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				default: 'newMessage',
				options: [
					{
						name: 'New Document',
						value: 'newDocument',
						description: 'A document is shared on any case of the firm',
					},
					{
						name: 'New Message',
						value: 'newMessage',
						description: 'A message is written on any case of the firm',
					},
				],
			},
			{
				displayName: 'Direction',
				name: 'direction',
				type: 'options',
				default: 'fromClient',
				options: [
					{ name: 'All', value: 'all', description: 'Messages from clients and from staff' },
					{ name: 'From Client', value: 'fromClient', description: 'Messages clients wrote to the firm' },
					{ name: 'From Staff', value: 'fromStaff', description: 'Messages the firm sent to clients' },
				],
				displayOptions: { show: { event: ['newMessage'] } },
			},
			{
				displayName: 'Uploaded By',
				name: 'uploadedBy',
				type: 'options',
				default: 'fromClient',
				options: [
					{ name: 'Anyone', value: 'all', description: 'Documents shared by clients or by staff' },
					{ name: 'Client', value: 'fromClient', description: 'Documents clients shared with the firm' },
				],
				displayOptions: { show: { event: ['newDocument'] } },
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				displayOptions: { show: { event: ['newMessage'] } },
				options: [
					{
						displayName: 'Ignore Relayed Messages',
						name: 'ignoreRelayed',
						type: 'boolean',
						default: true,
						description:
							'Whether to skip messages that carry an External ID, i.e. were written by an integration (such as a workflow relaying notes), so a relay does not pick up its own messages.',
					},
				],
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

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const eventName = this.getNodeParameter('event', 'newMessage') as TriggerEvent;
		const event = EVENTS[eventName];
		const settings: TriggerSettings = {
			direction: eventName === 'newMessage' ? (this.getNodeParameter('direction', 'fromClient') as string) : 'all',
			uploadedBy: eventName === 'newDocument' ? (this.getNodeParameter('uploadedBy', 'fromClient') as string) : 'all',
			ignoreRelayed:
				eventName === 'newMessage' &&
				((this.getNodeParameter('options', {}) as IDataObject).ignoreRelayed as boolean | undefined) === true,
		};
		const simplify = this.getNodeParameter('simplify', true) as boolean;
		const output = (records: IDataObject[]) =>
			this.helpers.returnJsonArray(simplify ? records.map((record) => simplifyOrExplain(event, record)) : records);
		const qs = event.query(settings);
		const action = `get new ${event.noun}s`;

		if (this.getMode() === 'manual') {
			const sample = await newestMatching(this, event.path(), qs, action, (record) => event.matches(record, settings));
			if (!sample) {
				throw new NodeOperationError(this.getNode(), `No ${event.noun} in Case Status matches this trigger yet`, {
					description: `Write a ${event.noun === 'message' ? 'message' : 'document'} in Case Status that fits the trigger's settings, then click Fetch Test Event again.`,
				});
			}
			return [output([sample])];
		}

		const state = this.getWorkflowStaticData('node') as TriggerState;
		const query = JSON.stringify({ event: eventName, ...qs });
		if (!state.cursor || state.query !== query) {
			// Start after the newest item that exists now, found by Case Status's clock rather than n8n's.
			const { items } = await lastPage(this, event.path(), qs, action);
			const newest = items.length ? stamp(items[items.length - 1]) : undefined;
			let cursor = baselineCursor(newest ? [newest] : [], new Date(0));
			if (newest) {
				// Everything the next poll will look at again counts as already seen.
				const window = await caseStatusListAll(
					this,
					event.path(),
					{ qs: { ...qs, created_after: pollWindowStart(cursor, LOOKBACK_MS) } },
					{ action },
				);
				cursor = advanceCursor(cursor, window.map(stamp), LOOKBACK_MS).cursor;
			}
			state.cursor = cursor as TriggerState['cursor'];
			state.query = query;
			return null;
		}

		const polled = await caseStatusListAll(
			this,
			event.path(),
			{ qs: { ...qs, created_after: pollWindowStart(state.cursor, LOOKBACK_MS) } },
			{ action },
		);
		const { fresh, cursor } = advanceCursor(state.cursor, polled.map(stamp), LOOKBACK_MS);
		const emit = fresh.filter((item) => event.matches(item.record, settings)).map((item) => item.record);
		// Only now, with everything fetched, does the cursor move: a failed poll leaves it where it was.
		state.cursor = cursor as TriggerState['cursor'];
		return emit.length ? [output(emit)] : null;
	}
}
