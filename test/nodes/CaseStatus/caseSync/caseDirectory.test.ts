/**
 * Create or Update's directory of Case Status across node runs on one account: a later run (the
 * nightly template's "Create New Cases", the next slice of a sync, which is an execution of its
 * own, or the same node in a loop) reads only what changed since the directory was read, and still
 * sees what another sync did meanwhile. Calls are counted from the simulator's request log.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { CaseStatus } from '../../../../nodes/CaseStatus/CaseStatus.node';
import {
	CLOCK_SKEW_MARGIN_MS,
	forgetDirectories,
	IDLE_MS,
	keptDirectories,
	LIST_ALL_FROM_ITEMS,
	MAX_DIRECTORIES,
	MAX_LIST_AGE_MS,
	SAME_CLOCK_MARGIN_MS,
} from '../../../../nodes/CaseStatus/caseSync/caseDirectory';
import type { LoggedRequest } from '../../../../simulators/shared/http';
import { createContext, resolveNodeType } from '../../../support/n8nContext';
import { API_KEY, STAFF } from '../fixtures';
import { startCs, type CsHarness } from '../harness';

let cs: CsHarness;
beforeAll(async () => {
	cs = await startCs();
});
afterAll(() => cs.close());
beforeEach(() => cs.reset());

let accounts = 0;
/** A fresh Case Status credential ID per call, so tests never share a directory by accident. */
const newAccount = () => `account-${++accounts}-${Date.now()}`;
let executions = 0;
const newExecutionId = () => `exec-${++executions}-${Date.now()}`;

interface RunOptions {
	/** The n8n credential ID of the Case Status account. */
	account: string;
	/** n8n's execution ID (default: a new execution per run). */
	executionId?: string;
	parameters?: IDataObject;
	/** The credential's API key (default: the firm's). */
	apiKey?: string;
}

/** One node run of Create or Update (auto-map) on the given account. */
async function upsert(items: IDataObject[], options: RunOptions): Promise<INodeExecutionData[]> {
	const nodeType = resolveNodeType(new CaseStatus());
	const { context } = createContext(nodeType, {
		parameters: { resource: 'case', operation: 'upsert', dataMode: 'autoMapInputData', ...options.parameters },
		items: items.map((json) => ({ json })),
		credentials: options.apiKey ? { caseStatusApi: { ...cs.credentials.caseStatusApi, apiKey: options.apiKey } } : cs.credentials,
		executionId: options.executionId ?? newExecutionId(),
		credentialIds: { caseStatusApi: options.account },
	});
	return ((await nodeType.execute!.call(context as IExecuteFunctions)) as INodeExecutionData[][])[0];
}

const newCase = (n: number, extra: IDataObject = {}): IDataObject => ({
	integrationId: String(540000 + n),
	readableId: `2027-${String(n).padStart(5, '0')}`,
	primaryAttorneyEmail: STAFF.mendez,
	practiceArea: 'Workers Comp',
	stage: 'Intake',
	clients: [{ firstName: 'Client', lastName: `No ${n}`, cellPhone: `(555) 3${String(n).padStart(2, '0').slice(-2)}-${String(2000 + n).slice(-4)}` }],
	...extra,
});
const newCases = (count: number, from = 0) => Array.from({ length: count }, (_, i) => newCase(from + i));

/** A case created in Case Status by someone else (another sync, a person) through the API. */
async function createdElsewhere(n: number): Promise<IDataObject> {
	const response = await cs.admin.post(
		'/v1/api/cases',
		{
			readable_id: `2027-${String(n).padStart(5, '0')}`,
			integration_id: String(540000 + n),
			practice_area: 'Workers Comp',
			stage: 'Intake',
			primary_attorney_email: STAFF.mendez,
			clients: [{ first_name: 'Client', last_name: `No ${n}`, cell_phone: `(555) 3${String(n).padStart(2, '0').slice(-2)}-${String(2000 + n).slice(-4)}` }],
		},
		{ headers: { Authorization: `ApiKey ${API_KEY}` } },
	);
	expect(response.status).toBe(201);
	return response.data as IDataObject;
}

/** The case lists Case Status served since `from` (an index into the request log). */
async function caseLists(from = 0): Promise<LoggedRequest[]> {
	return (await cs.requests()).slice(from).filter((r) => r.method === 'GET' && r.path === '/v1/api/cases');
}
const logLength = async () => (await cs.requests()).length;
const fullListPages = (lists: LoggedRequest[]) => lists.filter((r) => r.query.updated_after === undefined && r.query.integration_id === undefined);
const refreshes = (lists: LoggedRequest[]) => lists.filter((r) => r.query.updated_after !== undefined);
const integrationIdsInCaseStatus = async () =>
	((await cs.admin.get('/__admin/state')).data as { cases: Array<{ integration_id: string | null }> }).cases.map((c) => c.integration_id);

/** The nightly template's first node: every case read, new ones handed on unwritten. */
const lookAtAll = (items: IDataObject[], options: RunOptions) => upsert(items, { ...options, parameters: { whenNotFound: 'output', ...options.parameters } });

describe('Case → Create or Update, later runs on the same Case Status account', () => {
	it('a second run reads only the cases changed since the first listed them, and updates a case another sync created meanwhile instead of creating it twice', async () => {
		const account = newAccount();
		const items = newCases(LIST_ALL_FROM_ITEMS + 10);
		const firstStarted = Date.now();
		const first = await lookAtAll(items, { account });
		expect(first.every((item) => item.json.operationResult === 'notFound')).toBe(true);
		expect(fullListPages(await caseLists())).toHaveLength(1);

		// Another execution creates one of the cases while this one reads the clients of its new cases.
		const other = await createdElsewhere(7);
		const before = await logLength();
		const second = await upsert(items, { account });

		const lists = await caseLists(before);
		expect(lists).toHaveLength(1);
		expect(refreshes(lists)).toHaveLength(1);
		const since = Date.parse(String(lists[0].query.updated_after));
		expect(since).toBeGreaterThanOrEqual(firstStarted - CLOCK_SKEW_MARGIN_MS);
		expect(since).toBeLessThanOrEqual(Date.now() - CLOCK_SKEW_MARGIN_MS);

		expect(second[7].json).toMatchObject({ operationResult: 'unchanged', caseId: other.id });
		expect(second.filter((item) => item.json.operationResult === 'created')).toHaveLength(items.length - 1);
		const ids = (await integrationIdsInCaseStatus()).filter((id) => id !== null);
		expect(ids).toHaveLength(new Set(ids).size);
		expect(ids.filter((id) => id === '540007')).toHaveLength(1);
	});

	it('once it has written cases, a refresh asks from the previous read on Case Status\'s own clock, seconds back, not two minutes', async () => {
		await cs.admin.post('/__admin/clock', { offsetMs: 30_000 }); // Case Status's clock runs 30 s ahead of n8n's
		const account = newAccount();
		const firstStarted = Date.now();
		const first = await upsert(newCases(LIST_ALL_FROM_ITEMS), { account });
		const firstEnded = Date.now();
		expect(first.every((item) => item.json.operationResult === 'created')).toBe(true);
		const other = await createdElsewhere(LIST_ALL_FROM_ITEMS + 1);
		const before = await logLength();
		const second = await upsert([newCase(LIST_ALL_FROM_ITEMS + 1, { stage: 'Pre-Litigation' })], { account });

		const lists = await caseLists(before);
		expect(refreshes(lists)).toHaveLength(1);
		const since = Date.parse(String(lists[0].query.updated_after));
		expect(since).toBeGreaterThanOrEqual(firstStarted + 30_000 - SAME_CLOCK_MARGIN_MS - 1000); // updated_at may drop the milliseconds
		expect(since).toBeLessThanOrEqual(firstEnded + 30_000 - SAME_CLOCK_MARGIN_MS);
		expect(second[0].json).toMatchObject({ operationResult: 'updated', caseId: other.id, changedFields: ['stage'] });
	});

	it('a small second run makes one refresh call, not one lookup per item, and sees a case another sync created', async () => {
		const account = newAccount();
		await lookAtAll(newCases(LIST_ALL_FROM_ITEMS), { account });
		const other = await createdElsewhere(1);
		const before = await logLength();
		const second = await upsert([newCase(0), newCase(1, { stage: 'Pre-Litigation' }), newCase(2)], { account });
		expect(second.map((item) => item.json.operationResult)).toEqual(['created', 'updated', 'created']);
		expect(second[1].json).toMatchObject({ caseId: other.id, changedFields: ['stage'] });
		const lists = await caseLists(before);
		expect(lists.map((r) => Object.keys(r.query).sort())).toEqual([['page[number]', 'size', 'updated_after']]);
	});

	it('finds a case under the integration ID it was given in Case Status between the runs, not under its old one', async () => {
		const account = newAccount();
		await lookAtAll([{ integrationId: '516718' }, ...newCases(LIST_ALL_FROM_ITEMS)], { account });
		const renamed = await cs.admin.patch('/v1/api/cases/90001', { integration_id: '777001' }, { headers: { Authorization: `ApiKey ${API_KEY}` } });
		expect(renamed.status).toBe(200);
		const before = await logLength();
		const second = await lookAtAll(
			[
				{ integrationId: '777001', stage: 'Litigation' },
				{ integrationId: '516718', stage: 'Litigation' },
			],
			{ account },
		);
		expect(second[0].json).toMatchObject({ operationResult: 'updated', caseId: 90001, changedFields: ['stage'] });
		expect(second[1].json).toMatchObject({ operationResult: 'notFound', integrationId: '516718' });
		expect(refreshes(await caseLists(before))).toHaveLength(1);
		const writes = (await cs.requests()).slice(before).filter((r) => r.method !== 'GET');
		expect(writes.map((r) => `${r.method} ${r.path}`)).toEqual(['PATCH /v1/api/cases/90001']);
	});

	it('lists everything again when Case Status refuses the refresh, and the result is right', async () => {
		const account = newAccount();
		const items = newCases(LIST_ALL_FROM_ITEMS);
		await lookAtAll(items, { account });
		const other = await createdElsewhere(3);
		await cs.fault('/v1/api/cases', 400, 1, {
			method: 'GET',
			body: { errors: [{ field: 'updated_after', message: 'Unknown filter.' }] },
		});
		const before = await logLength();
		const second = await upsert(items, { account });
		const lists = await caseLists(before);
		expect(lists.map((r) => r.status)).toEqual([400, 200]);
		expect(refreshes(lists)).toHaveLength(1);
		expect(fullListPages(lists)).toHaveLength(1);
		expect(second[3].json).toMatchObject({ operationResult: 'unchanged', caseId: other.id });
		expect(second.filter((item) => item.json.operationResult === 'created')).toHaveLength(items.length - 1);
	});

	it('a run of another execution on the same account (the next slice of a sync) refreshes the directory instead of listing everything', async () => {
		const account = newAccount();
		const items = newCases(LIST_ALL_FROM_ITEMS);
		await lookAtAll(items, { account, executionId: newExecutionId() });
		const other = await createdElsewhere(5);
		const before = await logLength();
		const slice = await lookAtAll(items, { account, executionId: newExecutionId() });
		const lists = await caseLists(before);
		expect(refreshes(lists)).toHaveLength(1);
		expect(fullListPages(lists)).toEqual([]);
		expect(slice[5].json).toMatchObject({ operationResult: 'unchanged', caseId: other.id });
	});

	it('another Case Status account does not share the directory: it lists every case itself', async () => {
		const account = newAccount();
		const items = newCases(LIST_ALL_FROM_ITEMS);
		await lookAtAll(items, { account });
		const before = await logLength();
		await lookAtAll(items, { account: newAccount() });
		const lists = await caseLists(before);
		expect(refreshes(lists)).toEqual([]);
		expect(fullListPages(lists)).toHaveLength(1);
		// …while the first account still has its own.
		const again = await logLength();
		await lookAtAll(items, { account });
		expect(refreshes(await caseLists(again))).toHaveLength(1);
		expect(fullListPages(await caseLists(again))).toEqual([]);
	});

	it('a directory listed more than MAX_LIST_AGE_MS ago is not used, even if runs kept coming: a small run looks its cases up', async () => {
		const account = newAccount();
		await lookAtAll(newCases(LIST_ALL_FROM_ITEMS), { account });
		let now = Date.now();
		const clock = jest.spyOn(Date, 'now').mockImplementation(() => now);
		try {
			// A run every ten minutes keeps it in use.
			for (let minutes = 10; minutes <= MAX_LIST_AGE_MS / 60_000; minutes += 10) {
				now += 10 * 60_000;
				await upsert([newCase(1)], { account });
			}
			now += 10 * 60_000;
			const before = await logLength();
			await upsert([newCase(2)], { account });
			const lists = await caseLists(before);
			expect(refreshes(lists)).toEqual([]);
			expect(lists.map((r) => r.query.integration_id)).toEqual(['540002']);
		} finally {
			clock.mockRestore();
		}
	});

	it('a run IDLE_MS after the directory was last used (the next night) lists everything again', async () => {
		const account = newAccount();
		const items = newCases(LIST_ALL_FROM_ITEMS);
		await lookAtAll(items, { account });
		const now = Date.now();
		const clock = jest.spyOn(Date, 'now').mockReturnValue(now + IDLE_MS + 1000);
		try {
			const before = await logLength();
			await lookAtAll(items, { account });
			const lists = await caseLists(before);
			expect(refreshes(lists)).toEqual([]);
			expect(fullListPages(lists)).toHaveLength(1);
		} finally {
			clock.mockRestore();
		}
	});

	it('keeps at most MAX_DIRECTORIES: the account whose directory was used longest ago lists everything again', async () => {
		const items = newCases(LIST_ALL_FROM_ITEMS);
		const runs = Array.from({ length: MAX_DIRECTORIES + 1 }, () => newAccount());
		for (const account of runs) await lookAtAll(items, { account });
		const before = await logLength();
		await lookAtAll(items, { account: runs[MAX_DIRECTORIES] });
		await lookAtAll(items, { account: runs[1] });
		expect(refreshes(await caseLists(before))).toHaveLength(2);
		expect(fullListPages(await caseLists(before))).toEqual([]);
		await lookAtAll(items, { account: runs[0] });
		expect(fullListPages(await caseLists(before))).toHaveLength(1);
	});

	it('a preview run uses and refreshes the directory too, writing nothing', async () => {
		const account = newAccount();
		const items = newCases(LIST_ALL_FROM_ITEMS);
		await lookAtAll(items, { account, parameters: { previewOnly: true } });
		await createdElsewhere(4);
		const before = await logLength();
		const preview = await upsert(items, { account, parameters: { previewOnly: true } });
		expect(preview[4].json.operationResult).toBe('unchanged');
		expect(preview.filter((item) => item.json.operationResult === 'wouldCreate')).toHaveLength(items.length - 1);
		expect(refreshes(await caseLists(before))).toHaveLength(1);
		expect(await cs.writes()).toEqual(['POST /v1/api/cases']); // the case created elsewhere, only
	});
});

describe('a case deleted in Case Status after the directory was read', () => {
	/** Syncs LIST_ALL_FROM_ITEMS new cases (a kept directory), then deletes the given ones in Case Status as staff would. */
	async function syncThenDelete(account: string, deleted: number[]) {
		const items = newCases(LIST_ALL_FROM_ITEMS);
		const first = await upsert(items, { account });
		expect(first.every((item) => item.json.operationResult === 'created')).toBe(true);
		for (const n of deleted) expect((await cs.admin.delete(`/__admin/cases/${first[n].json.caseId as number}`)).status).toBe(200);
		return items;
	}
	const inCaseStatus = async (n: number) => (await integrationIdsInCaseStatus()).includes(String(540000 + n));
	/** Cases synced an hour ago, so a refresh does not read them again: each is known only from the list. */
	async function createdAnHourAgo(count: number) {
		await cs.admin.post('/__admin/clock', { offsetMs: -3_600_000 });
		for (let n = 0; n < count; n++) await createdElsewhere(n);
		await cs.admin.post('/__admin/clock', { offsetMs: 0 });
	}

	it('"Sync Now" for that one case soon after creates it again instead of reporting it unchanged', async () => {
		const account = newAccount();
		await syncThenDelete(account, [0]);
		const again = await upsert([newCase(0)], { account });
		expect(again[0].json).toMatchObject({ operationResult: 'created', integrationId: '540000' });
		expect(await inCaseStatus(0)).toBe(true);
	});

	it('a changed case whose update Case Status answers 404 (deleted) is created again with the new fields', async () => {
		const account = newAccount();
		await syncThenDelete(account, [1]);
		const again = await upsert([newCase(1, { stage: 'Pre-Litigation' })], { account });
		expect(again[0].json).toMatchObject({ operationResult: 'created', integrationId: '540001' });
		const state = (await cs.admin.get('/__admin/state')).data as { cases: Array<{ integration_id: string; stage_id: number | null }> };
		expect(state.cases.filter((c) => c.integration_id === '540001')).toHaveLength(1);
	});

	it('a big run soon after (the next slice) creates the deleted cases again and leaves the others unchanged', async () => {
		const account = newAccount();
		const items = await syncThenDelete(account, [2, 7]);
		const again = await upsert(items, { account });
		const results = again.map((item) => item.json.operationResult);
		expect(results.filter((r) => r === 'created')).toHaveLength(2);
		expect([results[2], results[7]]).toEqual(['created', 'created']);
		expect(results.filter((r) => r === 'unchanged')).toHaveLength(items.length - 2);
		expect(await inCaseStatus(2)).toBe(true);
		expect(await inCaseStatus(7)).toBe(true);
	});

	it('reads unchanged cases again by ID only up to what listing every case costs, then lists once', async () => {
		const account = newAccount();
		const items = newCases(150);
		await createdAnHourAgo(items.length);
		await upsert(items, { account });
		const before = await logLength();
		const again = await upsert(items, { account });
		expect(again.every((item) => item.json.operationResult === 'unchanged')).toBe(true);
		const log = (await cs.requests()).slice(before);
		const byId = log.filter((r) => r.method === 'GET' && /^\/v1\/api\/cases\/\d+$/.test(r.path));
		const lists = log.filter((r) => r.method === 'GET' && r.path === '/v1/api/cases');
		// 150 cases and the firm's own: two pages, so at most two cases are read by ID before the list.
		expect(byId.length).toBeLessThanOrEqual(2);
		// One list: its two pages (and the read-ahead past its end) each once.
		const pages = fullListPages(lists).map((r) => r.query['page[number]']);
		expect(pages.slice(0, 2)).toEqual(['1', '2']);
		expect(new Set(pages).size).toBe(pages.length);
		expect(refreshes(lists)).toHaveLength(1);
	});

	it('a later slice of the same sync (Part of a Sync That Started At) reads nothing again, by ID or by listing', async () => {
		const account = newAccount();
		const items = newCases(150);
		await createdAnHourAgo(items.length);
		const syncStartedAt = new Date(Date.now() - 1000).toISOString();
		await upsert(items.slice(0, 75), { account, parameters: { syncStartedAt } });
		const before = await logLength();
		const secondSlice = await upsert(items.slice(75), { account, parameters: { syncStartedAt } });
		expect(secondSlice.every((item) => item.json.operationResult === 'unchanged')).toBe(true);
		const log = (await cs.requests()).slice(before);
		expect(log.filter((r) => r.method === 'GET' && /^\/v1\/api\/cases\/\d+$/.test(r.path))).toEqual([]);
		const lists = log.filter((r) => r.method === 'GET' && r.path === '/v1/api/cases');
		expect(fullListPages(lists)).toEqual([]);
		expect(refreshes(lists)).toHaveLength(1);
	});

	it('a sync that started after the first run read the account still creates the deleted cases again', async () => {
		const account = newAccount();
		const items = await syncThenDelete(account, [4]);
		const again = await upsert(items, { account, parameters: { syncStartedAt: new Date().toISOString() } });
		expect(again[4].json.operationResult).toBe('created');
		expect(await inCaseStatus(4)).toBe(true);
	});

	it('a sync start over an hour old is ignored (the deleted case is created again)', async () => {
		const account = newAccount();
		const items = await syncThenDelete(account, [5]);
		const again = await upsert(items, { account, parameters: { syncStartedAt: new Date(Date.now() - MAX_LIST_AGE_MS - 60_000).toISOString() } });
		expect(again[5].json.operationResult).toBe('created');
		expect(await inCaseStatus(5)).toBe(true);
	});

	it('a preview soon after says the deleted case would be created', async () => {
		const account = newAccount();
		await syncThenDelete(account, [3]);
		const preview = await upsert([newCase(3)], { account, parameters: { previewOnly: true } });
		expect(preview[0].json.operationResult).toBe('wouldCreate');
		expect(await inCaseStatus(3)).toBe(false);
	});
});

describe('the kept directory', () => {
	it('is not shared when the credential (same ID, same address) now holds another API key', async () => {
		const account = newAccount();
		const items = newCases(LIST_ALL_FROM_ITEMS);
		await lookAtAll(items, { account });
		const before = await logLength();
		// Another firm's key in the same credential: a directory read with the first key must not answer for it.
		await lookAtAll(items, { account, apiKey: 'cs_another_firm_key' }).catch(() => undefined);
		const [first] = await caseLists(before);
		expect(first.query.updated_after).toBeUndefined();
		expect(first.status).toBe(401);
	});

	it('keeps only the fields it compares: a case reported unchanged from it comes without its clients', async () => {
		const account = newAccount();
		const items = newCases(LIST_ALL_FROM_ITEMS);
		const first = await upsert(items, { account, parameters: { simplify: false } });
		expect(first[0].json.clients).toEqual([expect.objectContaining({ first_name: 'Client', last_name: 'No 0' })]);
		const [again] = await upsert([items[0]], { account, parameters: { simplify: false } });
		// A one-case run soon after reads the case again (it may have been deleted): the full case.
		expect(again.json.operationResult).toBe('unchanged');
		const big = await upsert(items, { account, executionId: newExecutionId(), parameters: { simplify: false } });
		expect(big.every((item) => item.json.operationResult === 'unchanged')).toBe(true);
		const kept = big.find((item) => item.json.clients === undefined);
		expect(Object.keys(kept?.json ?? {}).sort()).toEqual(
			['id', 'readable_id', 'integration_id', 'description', 'practice_area', 'stage', 'case_date', 'closed_at', 'primary_attorney', 'attorneys', 'paralegals', 'updated_at', 'operationResult', 'changedFields', 'previous', 'ignoredEmails'].sort(),
		);
	});

	it('is dropped IDLE_MS after its last use even when no later run comes, and used meanwhile, IDLE_MS after that use', async () => {
		forgetDirectories();
		jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask', 'hrtime', 'performance'], now: Date.now() });
		try {
			const account = newAccount();
			await lookAtAll(newCases(LIST_ALL_FROM_ITEMS), { account });
			expect(keptDirectories()).toEqual([{ cases: expect.any(Number), dropsWhenIdle: true }]);
			await jest.advanceTimersByTimeAsync(IDLE_MS / 2);
			await upsert([newCase(1)], { account });
			await jest.advanceTimersByTimeAsync(IDLE_MS / 2 + 1000);
			expect(keptDirectories()).toHaveLength(1);
			await jest.advanceTimersByTimeAsync(IDLE_MS / 2);
			expect(keptDirectories()).toEqual([]);
		} finally {
			jest.useRealTimers();
		}
	});
});
