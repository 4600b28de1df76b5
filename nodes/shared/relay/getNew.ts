/**
 * "Get New …" of a relay: takes the relay for this run, reads what is new since the saved position (minus an
 * overlap), leaves out what an earlier run already relayed or skipped, and adds the items that failed before
 * and are due again. A run that finds another run relaying outputs nothing (from the editor: says so).
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { showOnlyFor } from '../displayOptions';
import type { OperationModule } from '../router';
import { openTicket, releaseRelay, rememberedState, takeRelay } from './lease';
import { relayKey, runId, saveState, savedState } from './run';
import { dueWaiting, finishRun, newerState, readFrom, type ReadWindow } from './state';

export interface RelaySource {
	/** The operation's value, e.g. `getNewMessages`. */
	operation: string;
	/** Where this relay's state lives in the workflow's static data. */
	slot: string;
	/** The field of an output item that identifies it, e.g. `messageId`. */
	idField: string;
	/** Plural, for messages: "messages". */
	what: string;
	/** The source's own parameters (e.g. which note types). */
	properties: INodeProperties[];
	/**
	 * Everything created at or after `since` (ISO), as the node's Get Many would output it (simplified).
	 * `relayedBefore(id)` says which IDs an earlier run already relayed: a source that does more work per record
	 * (a lookup) can leave those out first; Get New leaves them out anyway.
	 */
	read(this: IExecuteFunctions, since: string, itemIndex: number, relayedBefore: (id: string) => boolean): Promise<IDataObject[]>;
}

const MINUTE = 60_000;

export function relayOptionsProperty(what: string): INodeProperties {
	return {
		displayName: 'Options',
		name: 'relayOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'First Run Looks Back (Hours)',
				name: 'firstRunLookBackHours',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 24,
				description: `How far back the very first run reads ${what}`,
			},
			{
				displayName: 'Free a Stalled Run After (Minutes)',
				name: 'idleMinutes',
				type: 'number',
				typeOptions: { minValue: 0.1, numberPrecision: 1 },
				default: 1,
				description:
					'Only one run relays at a time; it keeps the relay while it makes progress. A run that failed, was cancelled or hangs makes none, and the next run may go on after this long.',
			},
			{
				displayName: 'Overlap (Minutes)',
				name: 'overlapMinutes',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 15,
				description: `Each run reads again this far before where the last run stopped, for ${what} that show up late; those already relayed are left out`,
			},
			{
				displayName: 'Take Over From a Stuck Run',
				name: 'takeOver',
				type: 'boolean',
				default: false,
				description: 'Whether to go on even though another run still holds the relay. Only to free a stuck relay by hand; turn it off again afterwards.',
			},
		],
	};
}

function readWindow(options: IDataObject): ReadWindow {
	return {
		overlapMs: Number(options.overlapMinutes ?? 15) * MINUTE,
		firstRunLookBackMs: Number(options.firstRunLookBackHours ?? 24) * 60 * MINUTE,
	};
}

export function getNewOperation(source: RelaySource, show: { resource: string[] }): OperationModule {
	const description = showOnlyFor({ ...show, operation: [source.operation] }, [...source.properties, relayOptionsProperty(source.what)]);

	async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
		// One read per run, whatever came in (the trigger gives one item).
		if (itemIndex > 0) return [];
		const options = this.getNodeParameter('relayOptions', itemIndex, {}) as IDataObject;
		const window = readWindow(options);
		const idleMs = Number(options.idleMinutes ?? 1) * MINUTE;
		const key = relayKey(this, source.slot);
		const holder = runId(this);
		const take = takeRelay(key, holder, idleMs, { takeOver: options.takeOver === true });
		if (!take.taken) {
			if (this.getMode() !== 'manual') return [];
			const since = new Date(take.lease.takenAt).toISOString();
			throw new NodeOperationError(this.getNode(), `Another run (execution ${take.lease.holder}) is relaying ${source.what} since ${since}`, {
				itemIndex,
				description: `It keeps the relay while it makes progress and frees it at the latest ${options.idleMinutes ?? 1} minute(s) after it stops. To free a stuck relay now, turn on Options → Take Over From a Stuck Run for one run.`,
			});
		}
		// Cancelled from the UI: free the relay at once rather than after the idle time.
		this.getExecutionCancelSignal?.()?.addEventListener('abort', () => releaseRelay(key, holder), { once: true });
		// Freed again below unless items are handed on to a Confirm (also when the read fails).
		let handedOn = false;
		try {
			const state = newerState(savedState(this, source.slot), rememberedState(key));
			const now = Date.now();
			const readUntil = new Date(now).toISOString();
			const from = readFrom(state, now, window);
			const records = await source.read.call(this, from, itemIndex, (id) => state.done[id] !== undefined);
			const items = new Map<string, IDataObject>();
			for (const record of records) {
				const id = record[source.idField];
				if (id === undefined || id === null || state.done[String(id)] !== undefined) continue;
				const waiting = state.waiting[String(id)];
				items.set(String(id), waiting ? { ...record, waitingSince: waiting.firstFailedAt } : record);
			}
			for (const waiting of dueWaiting(state, now)) {
				if (!items.has(waiting.id)) items.set(waiting.id, { ...waiting.item, waitingSince: waiting.firstFailedAt });
			}
			if (items.size === 0) {
				// Nothing to hand on, so no Confirm follows: this run moves the position on and frees the relay itself.
				saveState(this, key, source.slot, { ...finishRun(state, from, readUntil, window), revision: state.revision + 1 });
				return [];
			}
			openTicket(holder, { key, slot: source.slot, readFrom: from, readUntil, overlapMs: window.overlapMs, items, reported: new Set() });
			handedOn = true;
			return [...items.values()].map((json) => ({ json, pairedItem: { item: itemIndex } }));
		} finally {
			if (!handedOn) releaseRelay(key, holder);
		}
	}

	return { description, execute };
}
