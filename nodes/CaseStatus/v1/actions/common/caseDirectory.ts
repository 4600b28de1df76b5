/**
 * Create or Update's view of Case Status during one node run: which cases carry an integration ID.
 * A big run lists every case once (a page holds 100 cases) instead of one lookup per item; cases
 * the run creates or updates join it, and items with the same integration ID take turns, so two
 * of them never create two cases.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import type { CsCaseRecord } from '../../../helpers/records';
import { caseStatusEndpoints, caseStatusListAll } from '../../../transport';
import { findCasesBy } from './caseLocator';

/**
 * From this many items a run lists all cases rather than looking each one up. A lookup costs one
 * call per item; the list one call per 100 cases in Case Status. Runs this big are the syncs of a
 * whole firm (first sync, nightly changes), where the items are a sizeable share of the firm's
 * cases (50 items break even with a firm of 5,000 cases; a nightly 1% of any firm breaks even),
 * and the list also needs no second page per miss the way a lookup does. Small runs (a form for one
 * case, a handful of changes) stay with lookups, which cost nothing for the cases not touched.
 */
export const LIST_ALL_FROM_ITEMS = 50;

interface RunDirectory {
	/** Cases by exact integration ID (trimmed); after a full list, an ID missing here has no case. */
	byIntegrationId: Map<string, CsCaseRecord[]>;
	/** The full list, read once; a failed read is kept, so every item reports it without reading again. */
	listed?: Promise<void>;
	/** The last item's turn per integration ID. */
	turns: Map<string, Promise<void>>;
}

const perRun = new WeakMap<object, RunDirectory>();

function directoryOf(ctx: IExecuteFunctions): RunDirectory {
	let directory = perRun.get(ctx);
	if (!directory) {
		directory = { byIntegrationId: new Map(), turns: new Map() };
		perRun.set(ctx, directory);
	}
	return directory;
}

export const integrationIdKey = (value: unknown) => String(value ?? '').trim();

async function listAllCases(ctx: IExecuteFunctions, itemIndex: number, index: Map<string, CsCaseRecord[]>): Promise<void> {
	const cases = (await caseStatusListAll(
		ctx,
		caseStatusEndpoints.cases(),
		{},
		{ action: 'list the cases in Case Status to compare with', itemIndex },
	)) as unknown as CsCaseRecord[];
	for (const record of cases) {
		const key = integrationIdKey(record.integration_id);
		if (!key) continue;
		const same = index.get(key);
		if (same) same.push(record);
		else index.set(key, [record]);
	}
}

/** Every case whose integration ID is exactly the one given (more than one is the caller's error to report). */
export async function casesWithIntegrationId(this: IExecuteFunctions, itemIndex: number, integrationId: string): Promise<CsCaseRecord[]> {
	const directory = directoryOf(this);
	const key = integrationIdKey(integrationId);
	if (this.getInputData().length >= LIST_ALL_FROM_ITEMS) {
		directory.listed ??= listAllCases(this, itemIndex, directory.byIntegrationId);
		await directory.listed;
		return directory.byIntegrationId.get(key) ?? [];
	}
	const known = directory.byIntegrationId.get(key);
	if (known) return known;
	const found = await findCasesBy.call(this, itemIndex, { mode: 'integrationId', value: key });
	directory.byIntegrationId.set(key, found);
	return found;
}

/** A case the run created or updated: later items with its integration ID compare with it as it is now. */
export function rememberCase(ctx: IExecuteFunctions, integrationId: string, record: CsCaseRecord): void {
	directoryOf(ctx).byIntegrationId.set(integrationIdKey(integrationId), [record]);
}

/**
 * Runs `work` after every earlier item with the same integration ID has finished. Call it before
 * the item's first await, so items take their turns in input order.
 */
export async function inTurn<T>(ctx: IExecuteFunctions, integrationId: string, work: () => Promise<T>): Promise<T> {
	const { turns } = directoryOf(ctx);
	const key = integrationIdKey(integrationId);
	const before = turns.get(key) ?? Promise.resolve();
	let finish!: () => void;
	const mine = new Promise<void>((resolve) => (finish = resolve));
	turns.set(key, mine);
	await before;
	try {
		return await work();
	} finally {
		finish();
		if (turns.get(key) === mine) turns.delete(key);
	}
}
