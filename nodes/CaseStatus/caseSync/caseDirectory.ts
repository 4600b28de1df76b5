/**
 * Create or Update's view of Case Status: which cases carry an integration ID.
 *
 * A big run lists every case once (a page holds 100 cases) instead of one lookup per item. That
 * list (the directory) is kept in this process per Case Status account while it is in use: a later
 * Create or Update run (the nightly template's "Create New Cases", the next slice of a first sync,
 * which n8n runs as an execution of its own, or a "Sync Now" soon after) reads only the cases
 * changed since the directory was read (`updated_after`), whatever its item count, instead of
 * listing everything again. So a sync in slices lists the firm's cases once, not once per slice.
 *
 * Why that is safe: anything another run (a "Sync Now" during the nightly sync) or a person
 * created or changed after our read carries an `updated_at` after the read's start, so it is in
 * the refresh; the refresh asks from the read's start minus CLOCK_SKEW_MARGIN_MS. A case is kept
 * by its case ID, so one whose integration ID changed leaves its old key. Cases the run creates
 * or updates join the directory at once, and items with the same integration ID take turns, so
 * two of them never create two cases.
 *
 * A deletion in Case Status changes no `updated_at`, so a refresh never learns of it. Hence a
 * case known only from an earlier run's read is read again (`GET /cases/{id}`) before it is
 * reported unchanged (`seenInThisRun`), and a write answered 404 forgets it; either way it is
 * created again. That costs one call per unchanged case, and no more than listing every case
 * again (then the run lists once, see currentCase), only in a run within IDLE_MS of another (a
 * nightly run lists or looks up for itself); a run that lists everything checks nothing twice. A
 * directory listed more than MAX_LIST_AGE_MS ago is read afresh even if runs kept coming.
 *
 * A sync split into several executions (the nightly template's slices) is one run for this check:
 * given when the whole sync started (`syncStartedAt`), a case seen in Case Status since then counts as
 * seen, so later slices do not read again, one by one or by listing, what the first slice listed.
 */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import type { CsCaseRecord } from '../helpers/records';
import { caseStatusAccountForRun, caseStatusEndpoints, caseStatusListAll } from '../transport';
import { comparedPart } from './caseDiff';
import { fetchCase, findCasesBy } from '../v1/actions/common/caseLocator';
import { asNodeError } from '../v1/actions/common/nodeError';

/**
 * From this many items a run lists all cases rather than looking each one up. A lookup costs one
 * call per item; the list one call per 100 cases in Case Status. Runs this big are the syncs of a
 * whole firm (first sync, nightly changes), where the items are a sizeable share of the firm's
 * cases (50 items break even with a firm of 5,000 cases; a nightly 1% of any firm breaks even),
 * and the list also needs no second page per miss the way a lookup does. Small runs (a form for one
 * case, a handful of changes) stay with lookups, which cost nothing for the cases not touched,
 * unless the account's directory is kept (a sync ran in the last IDLE_MS; then one refresh serves every item).
 */
export const LIST_ALL_FROM_ITEMS = 50;

/**
 * A refresh asks for cases updated from this long before our previous read started: `updated_at`
 * is Case Status's clock and the read's start is n8n's, and the two servers' clocks may differ.
 * Servers keep time to well under a second; two minutes leaves room for a badly set one while
 * re-reading few cases (each case written in those minutes, e.g. by a sync that just ended). A
 * clock off by more still creates no second case: Case Status refuses a second case with the same
 * integration ID (409), and Create or Update then updates the case that has it.
 */
export const CLOCK_SKEW_MARGIN_MS = 2 * 60_000;

/**
 * Once the directory has written a case, the refresh no longer needs that guess. A case written
 * now carries an `updated_at` no earlier than Case Status's time when the write arrived, so
 * `updated_at` minus n8n's time on the answer is a lower bound of how far Case Status's clock is
 * ahead of n8n's; the refresh then asks from our previous read's start on Case Status's clock,
 * less SAME_CLOCK_MARGIN_MS for a write stamped just before that start but saved just after. A sync
 * in slices then re-reads each case it wrote about once, not every case written in the last two
 * minutes in every slice. The offset counts up to CLOCK_SKEW_MARGIN_MS at most, so a wrong
 * `updated_at` can never move the refresh later than that.
 */
export const SAME_CLOCK_MARGIN_MS = 10_000;

/**
 * The directories are kept in memory between node runs, in this process. At most this many (one
 * per account in use), each dropped IDLE_MS after its last use, even when no later run comes, so memory does not grow with accounts and a run a
 * night later starts from a full read; an evicted directory only means a full read. A directory
 * keeps only the fields it compares (comparedPart), so a case reported unchanged from it shows no
 * clients.
 */
export const MAX_DIRECTORIES = 4;
export const IDLE_MS = 15 * 60_000;

/**
 * A directory whose full list is older than this is not used any more, even if runs keep coming
 * (a Sync Now every few minutes): the next run lists (a big run) or looks up (a small one) afresh.
 */
export const MAX_LIST_AGE_MS = 60 * 60_000;

/** Cases per page of the full list (Case Status serves at most 100): what reading a case again by ID is weighed against. */
const CASES_PER_PAGE = 100;

type CaseKey = number | string;

/** Case Status's cases as last read, by case ID, with an index by integration ID. */
class Directory {
	private readonly byCaseId = new Map<CaseKey, CsCaseRecord>();
	/** When each case was last seen in Case Status (a read's start, or our write's answer), by n8n's clock. */
	private readonly seenAt = new Map<CaseKey, number>();
	private readonly byIntegrationId = new Map<string, Set<CaseKey>>();
	private unnumbered = 0;
	/** When the last read (full list or refresh) started, by n8n's clock. */
	readStartedAt = 0;
	/** When the last full list started, by n8n's clock. */
	listedAt = 0;
	/** How far Case Status's clock is at least ahead of n8n's (negative: behind), learnt from our writes. */
	serverAheadMs: number | undefined;
	/** The last read; a later run's refresh waits for it. */
	ready: Promise<void> = Promise.resolve();
	lastUsed = Date.now();
	/** Ends the wait that drops the directory when idle (see dropWhenIdle). */
	private idleWait: AbortController | undefined;

	/**
	 * Calls `drop` once the directory has not been used for IDLE_MS, even if no run comes to notice.
	 * A wait with n8n's `sleep` (a node may not set timers of its own), looking again when the
	 * directory would next be idle rather than on every use; stopTimer ends it. n8n's commands end
	 * their process themselves, so the wait never keeps one running.
	 */
	dropWhenIdle(drop: () => void): void {
		this.stopTimer();
		const wait = new AbortController();
		this.idleWait = wait;
		const watch = async () => {
			for (let idleFor = 0; idleFor < IDLE_MS; idleFor = Date.now() - this.lastUsed) {
				await sleep(IDLE_MS - idleFor, wait.signal);
				// n8n 1.x's sleep takes no signal: a wait ended meanwhile stops here.
				if (wait.signal.aborted) return;
			}
			this.idleWait = undefined;
			drop();
		};
		watch().catch(() => undefined);
	}

	stopTimer(): void {
		this.idleWait?.abort();
		this.idleWait = undefined;
	}

	/** Whether a wait is on to drop it when idle (for tests). */
	dropsWhenIdle(): boolean {
		return this.idleWait !== undefined;
	}

	clear(): void {
		this.byCaseId.clear();
		this.byIntegrationId.clear();
		this.seenAt.clear();
	}

	/** Takes a case out (Case Status no longer has it). */
	remove(caseKey: CaseKey): void {
		const before = this.byCaseId.get(caseKey);
		if (!before) return;
		const oldKey = integrationIdKey(before.integration_id);
		const same = this.byIntegrationId.get(oldKey);
		same?.delete(caseKey);
		if (same?.size === 0) this.byIntegrationId.delete(oldKey);
		this.byCaseId.delete(caseKey);
		this.seenAt.delete(caseKey);
	}

	/** Puts a case as it is now (seen in Case Status at `seenAt`), moving it to its new integration ID when that changed. */
	merge(record: CsCaseRecord, seenAt: number): void {
		const caseKey: CaseKey = record.id ?? `unnumbered:${this.unnumbered++}`;
		this.remove(caseKey);
		this.byCaseId.set(caseKey, comparedPart(record));
		this.seenAt.set(caseKey, seenAt);
		const key = integrationIdKey(record.integration_id);
		if (!key) return;
		const same = this.byIntegrationId.get(key);
		if (same) same.add(caseKey);
		else this.byIntegrationId.set(key, new Set([caseKey]));
	}

	/** A case Case Status has just answered with (mostly a write of it): what its `updated_at` tells of Case Status's clock. */
	noteWritten(record: CsCaseRecord): void {
		const stampedAt = Date.parse(String(record.updated_at ?? ''));
		if (!Number.isFinite(stampedAt)) return;
		this.serverAheadMs = Math.max(this.serverAheadMs ?? -Infinity, stampedAt - Date.now());
	}

	/** Where a refresh starts, on Case Status's clock. */
	refreshFrom(): number {
		if (this.serverAheadMs === undefined) return this.readStartedAt - CLOCK_SKEW_MARGIN_MS;
		return this.readStartedAt + Math.min(this.serverAheadMs, CLOCK_SKEW_MARGIN_MS) - SAME_CLOCK_MARGIN_MS;
	}

	/** When a case was last seen in Case Status; 0 when not kept here. */
	lastSeen(record: CsCaseRecord): number {
		return record.id === undefined ? 0 : (this.seenAt.get(record.id) ?? 0);
	}

	size(): number {
		return this.byCaseId.size;
	}

	/** The case with this ID as kept here. */
	byId(caseId: CaseKey): CsCaseRecord | undefined {
		return this.byCaseId.get(caseId);
	}

	/** After a full read, an integration ID missing here has no case. */
	casesWith(key: string): CsCaseRecord[] {
		return [...(this.byIntegrationId.get(key) ?? [])].map((caseKey) => this.byCaseId.get(caseKey)!);
	}
}

/** The kept directories by account; Map order is the order of last use. */
const kept = new Map<string, Directory>();

/** No longer kept (a run still using it keeps it until that run ends). */
function drop(key: string, directory: Directory): void {
	directory.stopTimer();
	if (kept.get(key) === directory) kept.delete(key);
}

function dropIdle(now: number): void {
	for (const [key, directory] of kept) if (now - directory.lastUsed > IDLE_MS) drop(key, directory);
}

function takeKept(key: string): Directory | undefined {
	const now = Date.now();
	dropIdle(now);
	const directory = kept.get(key);
	if (directory && now - directory.listedAt > MAX_LIST_AGE_MS) {
		drop(key, directory);
		return undefined;
	}
	if (directory) {
		kept.delete(key);
		kept.set(key, directory);
		directory.lastUsed = now;
	}
	return directory;
}

function keep(key: string, directory: Directory): void {
	dropIdle(Date.now());
	kept.delete(key);
	kept.set(key, directory);
	directory.lastUsed = Date.now();
	directory.dropWhenIdle(() => drop(key, directory));
	while (kept.size > MAX_DIRECTORIES) {
		const [oldestKey, oldest] = kept.entries().next().value!;
		drop(oldestKey, oldest);
	}
}

/** For tests: forget every kept directory. */
export function forgetDirectories(): void {
	for (const [key, directory] of kept) drop(key, directory);
}

/** For tests: the directories kept now, and whether each will be dropped when idle. */
export function keptDirectories(): Array<{ cases: number; dropsWhenIdle: boolean }> {
	return [...kept.values()].map((directory) => ({ cases: directory.size(), dropsWhenIdle: directory.dropsWhenIdle() }));
}

/**
 * Whose directory a run may share: runs on the same Case Status account (the node's credential, the
 * address it points at and its API key, hashed, so two firms' accounts never share, not even after a
 * credential is edited to another key), in any execution. None without a named credential: then
 * every run reads for itself.
 */
async function sharingKey(ctx: IExecuteFunctions): Promise<string | undefined> {
	const credential = ctx.getNode().credentials?.caseStatusApi;
	const credentialId = credential?.id ?? credential?.name;
	if (!credentialId) return undefined;
	const { apiRoot, keyHash } = await caseStatusAccountForRun(ctx);
	return JSON.stringify([credentialId, apiRoot, keyHash]);
}

interface RunState {
	/** The directory this run reads, or undefined for a small run without one (lookups). */
	directory?: Promise<Directory | undefined>;
	resolved?: Directory;
	/** A small run's lookups and the cases it wrote, by integration ID. */
	lookedUp: Map<string, CsCaseRecord[]>;
	/** The last item's turn per integration ID. */
	turns: Map<string, Promise<void>>;
	/** When the run first asked for a case, or the sync it is part of started, by n8n's clock. */
	startedAt: number;
	/** Cases this run read again by ID (currentCase). */
	rereads: number;
	/** Once reading cases again by ID would cost more than listing them all: that list. */
	relist?: Promise<void>;
}

const perRun = new WeakMap<object, RunState>();

/**
 * Create or Update's "Part of a Sync That Started At": for one execution of a sync split into several
 * (the nightly template's slices), when the whole sync started.
 */
export const syncStartedAtProperty: INodeProperties = {
	displayName: 'Part of a Sync That Started At',
	name: 'syncStartedAt',
	type: 'dateTime',
	default: '',
	description:
		'For a sync split into several executions (the nightly template runs each slice of 1,000 cases as its own): when the whole sync started. A case Case Status showed since then counts as checked, so a later slice does not read it again to make sure it was not deleted. Leave empty for a run on its own. Ignored when older than an hour.',
};

/**
 * When this run counts as started: its first case, or the start of the sync it is part of (read once, for the first
 * item), if that is earlier and no older than MAX_LIST_AGE_MS (a kept directory is never older either).
 */
function runStartedAt(ctx: IExecuteFunctions, now: number): number {
	const given = Date.parse(String(ctx.getNodeParameter('syncStartedAt', 0, '') ?? ''));
	return Number.isFinite(given) && given <= now && now - given <= MAX_LIST_AGE_MS ? given : now;
}

function runStateOf(ctx: IExecuteFunctions): RunState {
	let state = perRun.get(ctx);
	if (!state) {
		state = { lookedUp: new Map(), turns: new Map(), startedAt: runStartedAt(ctx, Date.now()), rereads: 0 };
		perRun.set(ctx, state);
	}
	return state;
}

export const integrationIdKey = (value: unknown) => String(value ?? '').trim();

async function readAll(ctx: IExecuteFunctions, itemIndex: number, directory: Directory): Promise<void> {
	const startedAt = Date.now();
	const cases = (await caseStatusListAll(
		ctx,
		caseStatusEndpoints.cases(),
		{},
		{ action: 'list the cases in Case Status to compare with', itemIndex },
	)) as unknown as CsCaseRecord[];
	directory.clear();
	for (const record of cases) directory.merge(record, startedAt);
	directory.readStartedAt = startedAt;
	directory.listedAt = startedAt;
}

/** A refusal of the `updated_after` filter (a server that does not know it), as opposed to an outage. */
const isRefusal = (error: unknown) =>
	error instanceof NodeApiError && /^4\d\d$/.test(String(error.httpCode)) && !['401', '403', '429'].includes(String(error.httpCode));

async function refresh(ctx: IExecuteFunctions, itemIndex: number, directory: Directory): Promise<void> {
	const startedAt = Date.now();
	const since = new Date(directory.refreshFrom()).toISOString();
	let changed: CsCaseRecord[];
	try {
		changed = (await caseStatusListAll(
			ctx,
			caseStatusEndpoints.cases(),
			{ qs: { updated_after: since } },
			{ action: 'read the cases changed in Case Status since they were listed', itemIndex },
		)) as unknown as CsCaseRecord[];
	} catch (error) {
		if (!isRefusal(error)) throw asNodeError(ctx.getNode(), error);
		await readAll(ctx, itemIndex, directory);
		return;
	}
	// A server that ignores the filter sends every case: merging them is still right.
	for (const record of changed) directory.merge(record, startedAt);
	directory.readStartedAt = startedAt;
}

/** The account's directory brought up to date, a new one for a big run, or none (lookups). */
async function directoryForRun(ctx: IExecuteFunctions, itemIndex: number): Promise<Directory | undefined> {
	const key = await sharingKey(ctx);
	const existing = key === undefined ? undefined : takeKept(key);
	if (existing) {
		const read = existing.ready.then(async () => await refresh(ctx, itemIndex, existing));
		existing.ready = read.catch(() => undefined);
		try {
			await read;
		} catch (error) {
			// Not known to be current any more: the next run reads everything.
			drop(key!, existing);
			throw asNodeError(ctx.getNode(), error);
		}
		return existing;
	}
	if (ctx.getInputData().length < LIST_ALL_FROM_ITEMS) return undefined;
	const directory = new Directory();
	directory.ready = readAll(ctx, itemIndex, directory);
	await directory.ready;
	if (key !== undefined) keep(key, directory);
	return directory;
}

/** Every case whose integration ID is exactly the one given (more than one is the caller's error to report). */
export async function casesWithIntegrationId(this: IExecuteFunctions, itemIndex: number, integrationId: string): Promise<CsCaseRecord[]> {
	const run = runStateOf(this);
	const key = integrationIdKey(integrationId);
	// Read once per run; a failed read is kept, so every item reports it without reading again.
	run.directory ??= directoryForRun(this, itemIndex);
	const directory = await run.directory;
	if (directory) {
		run.resolved = directory;
		directory.lastUsed = Date.now();
		return directory.casesWith(key);
	}
	const known = run.lookedUp.get(key);
	if (known) return known;
	const found = await findCasesBy.call(this, itemIndex, { mode: 'integrationId', value: key });
	run.lookedUp.set(key, found);
	return found;
}

/** A case the run created or updated: later items (and runs) with its integration ID compare with it as it is now. */
export function rememberCase(ctx: IExecuteFunctions, integrationId: string, record: CsCaseRecord): void {
	const run = runStateOf(ctx);
	if (run.resolved) {
		run.resolved.merge({ ...record, integration_id: record.integration_id ?? integrationId }, Date.now());
		run.resolved.noteWritten(record);
		run.resolved.lastUsed = Date.now();
	} else run.lookedUp.set(integrationIdKey(integrationId), [record]);
}

/**
 * Runs `work` after every earlier item with the same integration ID has finished. Call it before
 * the item's first await, so items take their turns in input order.
 */
export async function inTurn<T>(ctx: IExecuteFunctions, integrationId: string, work: () => Promise<T>): Promise<T> {
	const { turns } = runStateOf(ctx);
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

/**
 * Whether this run has seen the case in Case Status itself: looked it up, listed or refreshed it,
 * or written it. A case known only from an earlier run's read may have been deleted since (a
 * refresh lists changed cases, never deleted ones), so Create or Update reads it again before it
 * reports it unchanged.
 */
export function seenInThisRun(ctx: IExecuteFunctions, record: CsCaseRecord): boolean {
	const run = runStateOf(ctx);
	if (!run.resolved) return true;
	return run.resolved.lastSeen(record) >= run.startedAt;
}

/** A case Case Status no longer has (deleted there): later items and runs no longer find it. */
export function forgetCase(ctx: IExecuteFunctions, integrationId: string, record: CsCaseRecord): void {
	const run = runStateOf(ctx);
	if (run.resolved && record.id !== undefined) run.resolved.remove(record.id);
	run.lookedUp.delete(integrationIdKey(integrationId));
}

/**
 * The case as Case Status has it now, or undefined when Case Status no longer has it (deleted):
 * read by its ID, until the run has read more cases again than listing every case would cost; from
 * then on, from one new list of every case (once per run), which also serves the run's later items.
 */
export async function currentCase(this: IExecuteFunctions, itemIndex: number, known: CsCaseRecord): Promise<CsCaseRecord | undefined> {
	const run = runStateOf(this);
	const directory = run.resolved;
	if (directory && !run.relist && ++run.rereads > Math.ceil(directory.size() / CASES_PER_PAGE)) {
		const read = directory.ready.then(async () => await readAll(this, itemIndex, directory));
		directory.ready = read.catch(() => undefined);
		run.relist = read;
	}
	if (directory && run.relist) {
		try {
			await run.relist;
		} catch (error) {
			throw asNodeError(this.getNode(), error);
		}
		return directory.byId(known.id);
	}
	try {
		return await fetchCase.call(this, itemIndex, { mode: 'id', value: String(known.id) });
	} catch (error) {
		if (String((error as { httpCode?: unknown } | null)?.httpCode ?? '') === '404') return undefined;
		throw asNodeError(this.getNode(), error);
	}
}
