/* eslint-disable @n8n/community-nodes/no-restricted-imports -- runs in Node, never in n8n (eslint.dev.config.mjs) */
/**
 * The "Nightly case sync (SmartAdvocate → Case Status)" template, imported exactly as shipped into a REAL
 * n8n (2.41.1 on Node 24, 1.123.81 on Node 20) with the two credentials a firm creates, against both
 * simulators seeded with the demo firm. Assertions are on the simulators' state and request logs.
 *
 *  1. fresh sync (the "Sync Now" form, All cases): every eligible case is in Case Status with all eight
 *     attributes right; the eight ineligible ones are in the report with the right reason; counts add up;
 *  2. rerun (the form, Cases changed since the last run): a case changed in SmartAdvocate only where Case Status has nothing is read and left alone, and
 *     nothing at all is written to Case Status; then stage, paralegal and description changed on three
 *     cases → exactly those three are updated, each with exactly that field;
 *  3. `n8n start` with a copy whose nightly Schedule node is disabled: it still publishes (activates), and
 *     submitting "Sync Now" over HTTP for one case number syncs that case and no other.
 *
 * The cases are synced in slices, each an execution of the same workflow (from "When Called by This Workflow"), and
 * "Remember This Run" records each run in one more: `n8n execute` would start at that trigger, so runs start from
 * the form, as staff start them, or from the schedule.
 *
 *  4–6. failures on a night then clean nights; two syncs at once; a scheduled run.
 *  7. a slice that fails: its cases are reported failed with the reason and retried; the run still reports.
 *  8. a one-case Sync Now that fails during the nightly run stays on the retry list (the runs overlap).
 *  9. SmartAdvocate fails to give a new case's clients: the report says so (not "add a client"), the case is not
 *     created without them, and the next run creates it with its clients.
 *
 * Needs: `npm run build` (dist/) and `node scripts/install-n8n.mjs`.
 * Run:   npx jest --selectProjects e2e --runInBand test/e2e/nightlySync.e2e.test.ts   (SACS_E2E_VERSIONS=2|1 for one)
 */
import fs from 'node:fs';
import path from 'node:path';

import { primaryAttorneyOf, stageOfStatus } from '../../simulators/shared/eligibility';
import type { FirmCase } from '../../simulators/shared/firm';
import {
	ALL_VERSION_KEYS,
	installedN8n,
	N8N_VERSIONS,
	N8nInstance,
	selectedVersionKeys,
	waitFor,
	type N8nVersionKey,
	type RunData,
	type WorkflowJson,
} from './harness';
import {
	actualAttributes,
	caseStatusCases,
	caseStatusWrites,
	changed,
	clearRequestLogs,
	decisionOf,
	editSmartAdvocateCase,
	eligibleCases,
	expectedAttributes,
	expectedFailure,
	failureGroups,
	formPath,
	ineligibleCases,
	NODES,
	pageText,
	reportOf,
	staffToInvite,
	staffWithSwap,
	sliceExecutionIds,
	sliceItems,
	submitAndReadResult,
	SYNC,
	syncFromForm,
	TEMPLATE_FILE,
	binaryText,
	type BinaryRef,
	type ReportRow,
} from './nightlySync/world';
import { readTemplate, startStack, TEMPLATES_DIR, type Stack } from './support/stack';

const selected = selectedVersionKeys();
const PACKAGE_PREFIX = 'n8n-nodes-smartadvocate-casestatus.';

interface TemplateNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	disabled?: boolean;
	onError?: string;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id?: string | null; name?: string }>;
}

const nodesOf = (wf: WorkflowJson) => wf.nodes as TemplateNode[];

// ---------------------------------------------------------------------------------------------------------
// The file as shipped (no n8n needed)

describe(`workflows-templates/${TEMPLATE_FILE} as shipped`, () => {
	const raw = fs.readFileSync(path.join(TEMPLATES_DIR, TEMPLATE_FILE), 'utf8');
	const wf = JSON.parse(raw) as WorkflowJson;
	const nodes = nodesOf(wf);
	const byName = (name: string) => nodes.find((n) => n.name === name);

	it('is a plain, inactive export with a fixed id, stable node ids and no instance data', () => {
		expect(wf.id).toMatch(/^[A-Za-z0-9]{1,16}$/);
		expect(wf.active).toBe(false);
		expect(wf).not.toHaveProperty('pinData');
		expect(raw).not.toMatch(/instanceId/);
		expect(wf.settings).toMatchObject({ executionOrder: 'v1', timezone: 'America/New_York', saveExecutionProgress: false });
		expect(new Set(nodes.map((n) => n.id)).size).toBe(nodes.length);
		expect(new Set(nodes.map((n) => n.name)).size).toBe(nodes.length);
		for (const n of nodes) expect(n.id).toMatch(/^[0-9a-f-]{36}$/);
	});

	it('uses only this package and n8n-nodes-base, and names credentials without ids', () => {
		for (const n of nodes) expect(n.type.startsWith(PACKAGE_PREFIX) || n.type.startsWith('n8n-nodes-base.')).toBe(true);
		const refs = nodes.flatMap((n) => Object.entries(n.credentials ?? {}).map(([type, ref]) => ({ node: n.name, type, ref })));
		expect(refs.length).toBeGreaterThanOrEqual(3);
		for (const { type, ref } of refs) {
			// `id: null` makes both n8n lines look the credential up by name (a missing id binds the first of its type).
			expect(ref).toEqual({ id: null, name: type === 'smartAdvocateApi' ? 'SmartAdvocate account' : 'Case Status account' });
		}
	});

	const targets = (from: string) =>
		((wf.connections[from] as { main?: Array<Array<{ node: string }>> } | undefined)?.main ?? []).flat().map((c) => c.node);

	it('has the nightly schedule at 20:00 (enabled), the Sync Now form, and the maps in one Set node', () => {
		expect(byName(NODES.schedule)).toMatchObject({ type: 'n8n-nodes-base.scheduleTrigger', parameters: { rule: { interval: [{ triggerAtHour: 20 }] } } });
		expect(byName(NODES.schedule)?.disabled).toBeFalsy();
		expect(byName(NODES.form)?.type).toBe('n8n-nodes-base.formTrigger');
		expect(byName(NODES.maps)?.type).toBe('n8n-nodes-base.set');
		expect(JSON.parse(String(byName(NODES.maps)?.parameters.jsonOutput))).toEqual({ practiceAreaMap: { 'Workers Comp': "Workers' Compensation" }, stageMap: {} });
	});

	it('is a canvas to edit: at most 20 nodes and 4 Code nodes, short notes, nothing disabled', () => {
		const notes = nodes.filter((n) => n.type === 'n8n-nodes-base.stickyNote');
		const working = nodes.filter((n) => n.type !== 'n8n-nodes-base.stickyNote');
		expect(working.length).toBeLessThanOrEqual(20);
		expect(working.filter((n) => n.type === 'n8n-nodes-base.code').map((n) => n.name).sort()).toEqual(['Build Case Status Fields', NODES.report, NODES.cut, NODES.decide].sort());
		expect(working.filter((n) => n.disabled).map((n) => n.name)).toEqual([]);
		for (const note of notes) {
			const limit = /### How it works/.test(String(note.parameters.content)) ? 2500 : 600;
			expect({ note: note.name, short: String(note.parameters.content).length < limit }).toEqual({ note: note.name, short: true });
		}
		// The maps sit in one place: only the Set node holds them, every other node reads them from there.
		expect(nodes.filter((n) => JSON.stringify(n.parameters).includes('Workers Comp')).map((n) => n.name)).toEqual([NODES.maps]);
	});

	it('runs trigger → maps → what is remembered → read → slices → report → remember, and only then the form\'s result page', () => {
		for (const trigger of [NODES.schedule, NODES.form]) expect(targets(trigger)).toEqual([NODES.maps]);
		expect(targets(NODES.maps)).toEqual([NODES.recall]);
		expect(targets(NODES.recall)).toEqual(['Read Cases One by One?']);
		expect(targets('Read Cases One by One?')).toEqual([NODES.byNumber, NODES.changed]);
		expect(targets(NODES.byNumber)).toEqual([NODES.changed]);
		expect(targets(NODES.changed)).toEqual([NODES.cut]);
		expect(targets(NODES.cut)).toEqual([NODES.syncEachSlice]);
		expect(targets(NODES.syncEachSlice)).toEqual([NODES.report]);
		expect(targets(NODES.report)).toEqual([NODES.remember]);
		expect(targets(NODES.remember)).toEqual([NODES.fromForm]);
		expect(targets(NODES.fromForm)).toEqual([NODES.showResult]);
		expect(targets(NODES.showResult)).toEqual([]);
	});

	it('syncs in slices, and reads and records what is remembered in short executions of their own, all from "When Called by This Workflow"', () => {
		const callsThisWorkflow = { source: 'database', workflowId: { __rl: true, mode: 'id', value: '={{ $workflow.id }}' }, options: { waitForSubWorkflow: true } };
		expect(byName(NODES.syncEachSlice)).toMatchObject({ type: 'n8n-nodes-base.executeWorkflow', onError: 'continueRegularOutput', parameters: { ...callsThisWorkflow, mode: 'each' } });
		for (const name of [NODES.recall, NODES.remember]) {
			expect(byName(name)).toMatchObject({ type: 'n8n-nodes-base.executeWorkflow', parameters: { ...callsThisWorkflow, mode: 'once' } });
			expect(byName(name)?.onError).toBeUndefined(); // a run that cannot read or record what is remembered fails, and moves nothing on
		}
		// Only "Decide What to Sync" touches static data, and it is reached only from the trigger of those short executions.
		expect(nodes.filter((n) => JSON.stringify(n.parameters).includes('$getWorkflowStaticData')).map((n) => n.name)).toEqual([NODES.decide]);
		expect(targets(NODES.decide)).toEqual([]);
		expect(byName(NODES.sliceTrigger)).toMatchObject({ type: 'n8n-nodes-base.executeWorkflowTrigger', parameters: { inputSource: 'passthrough' } });
		expect(targets(NODES.sliceTrigger)).toEqual([NODES.isSlice]);
		expect(targets(NODES.isSlice)).toEqual([NODES.casesOfSlice, NODES.decide]);
		expect(targets(NODES.casesOfSlice)).toEqual([NODES.getClients]);
		expect(targets(NODES.getClients)).toEqual([NODES.build]);
		expect(targets(NODES.build)).toEqual([NODES.upsert]);
		expect(targets(NODES.upsert)).toEqual([]); // a slice ends with one answer per case: "Sync Each Slice" gets them
		expect(String(byName(NODES.cut)!.parameters.jsCode)).toMatch(/const CASES_PER_SLICE = 1000;/);
		// Nothing in a slice reads a node that ran only in the calling execution.
		for (const name of [NODES.casesOfSlice, NODES.getClients, NODES.build, NODES.upsert, NODES.decide]) {
			const readsCaller = /\$\('(Read What Is Remembered|Practice Area and Stage Maps|Cut Into Slices)'\)/.test(JSON.stringify(byName(name)!.parameters));
			expect({ node: name, readsCaller }).toEqual({ node: name, readsCaller: false });
		}
	});

	it('previews with the writing node itself: its Preview Only follows the form\'s choice', () => {
		const writers = nodes.filter((n) => n.type === `${PACKAGE_PREFIX}caseStatus`);
		expect(writers.map((n) => n.name)).toEqual([NODES.upsert]);
		expect(byName(NODES.upsert)!.parameters.previewOnly).toBe(`={{ $('${NODES.sliceTrigger}').first().json.preview }}`);
		expect(byName(NODES.upsert)!.onError).toBe('continueRegularOutput');
	});

	it('maps with no expression per case: the mapping and the report are Code nodes, Case Status reads the item keys', () => {
		for (const name of [NODES.build, NODES.report]) expect(byName(name)).toMatchObject({ type: 'n8n-nodes-base.code' });
		const { previewOnly, syncStartedAt, ...settings } = byName(NODES.upsert)!.parameters;
		expect(previewOnly).toMatch(/^=\{\{/);
		// Read once per run, like Preview Only: the slices of one sync count as one run for the deleted-case check.
		expect(syncStartedAt).toMatch(/^=\{\{ \$\('When Called by This Workflow'\)\.first\(\)\.json\.syncStartedAt \}\}$/);
		expect(settings).toEqual({ resource: 'case', operation: 'upsert', dataMode: 'autoMapInputData', emptyFields: 'clear' });
		expect(nodes.some((n) => n.type === 'n8n-nodes-base.splitInBatches')).toBe(false);
	});

	it('follows the template guidelines: a yellow overview with How it works and Setup steps, the community node named', () => {
		const notes = nodes.filter((n) => n.type === 'n8n-nodes-base.stickyNote');
		const overview = notes.find((n) => /### How it works/.test(String(n.parameters.content)))!;
		expect(overview.parameters.color ?? 1).toBe(1);
		expect(String(overview.parameters.content)).toMatch(/### Setup steps/);
		expect(String(overview.parameters.content)).toMatch(/n8n-nodes-smartadvocate-casestatus/);
		expect(String(wf.name)).toMatch(/^Sync SmartAdvocate cases to Case Status/);
		const highest: Record<string, number> = { scheduleTrigger: 1.3, formTrigger: 2.3, form: 2.3, code: 2, set: 3.4, if: 2.3, splitOut: 1, stickyNote: 1, executeWorkflow: 1.3, executeWorkflowTrigger: 1.1 };
		for (const n of nodes.filter((x) => x.type.startsWith('n8n-nodes-base.'))) {
			expect({ node: n.name, typeVersion: n.typeVersion }).toEqual({ node: n.name, typeVersion: highest[n.type.replace('n8n-nodes-base.', '')] });
		}
	});

	it.each(ALL_VERSION_KEYS)('only uses node type versions n8n %s has', (key) => {
		const host = installedN8n(key).hostDir;
		const known = JSON.parse(fs.readFileSync(path.join(host, 'node_modules/n8n-nodes-base/dist/types/nodes.json'), 'utf8')) as Array<{ name: string; version: number | number[] }>;
		for (const n of nodes.filter((x) => x.type.startsWith('n8n-nodes-base.'))) {
			const versions = known
				.filter((k) => k.name.replace(/^n8n-nodes-base\./, '') === n.type.replace(/^n8n-nodes-base\./, ''))
				.flatMap((k) => ([] as number[]).concat(k.version));
			expect({ node: n.name, has: versions.includes(n.typeVersion) }).toEqual({ node: n.name, has: true });
		}
	});
});

// ---------------------------------------------------------------------------------------------------------
// In a real n8n

function suite(version: N8nVersionKey): void {
	let stack: Stack;
	let n8n: N8nInstance;
	let workflowId: string;
	const template = readTemplate(TEMPLATE_FILE);

	const rowOf = (rows: ReportRow[], c: FirmCase) => rows.find((r) => r.caseNumber === c.caseNumber);
	const changes = (row: ReportRow | undefined) => row?.changes;

	/** Starts n8n with the workflow published, runs `body`, and stops n8n. */
	async function withPublished(id: string, body: () => Promise<void>): Promise<void> {
		await n8n.start();
		try {
			await n8n.publish(id);
			if (version === '2') await n8n.waitForActivation([id]);
			await body();
		} finally {
			await n8n.unpublish(id).catch(() => undefined);
			await n8n.stop();
		}
	}

	/** One sync from the form of the workflow given (default: the template as shipped); the report plus every write Case Status received. */
	async function syncOnce(what: string, copy: WorkflowJson = template) {
		await clearRequestLogs(stack);
		const { run, slices } = await syncFromForm(n8n, formPath(copy), [what, '', 'Sync']);
		return { run, slices, ...reportOf(run), writes: await caseStatusWrites(stack) };
	}

	/**
	 * How the run(s) since the log was cleared read Case Status's cases: the pages of full lists (by page
	 * number), lookups by integration ID, and refreshes of a list read earlier in the execution
	 * (`updated_after`). Optionally only the calls in a time window (one execution's).
	 */
	async function caseListReads(window?: { from: string; to: string }) {
		const { data } = await stack.csAdmin.get<Array<{ method: string; path: string; query: Record<string, string>; at: string }>>('/requests');
		const lists = data.filter((r) => r.method === 'GET' && r.path === '/v1/api/cases' && (!window || (r.at >= window.from && r.at <= window.to)));
		return {
			fullListPages: lists.filter((r) => r.query.updated_after === undefined && r.query.integration_id === undefined).map((r) => r.query['page[number]']),
			lookups: lists.filter((r) => r.query.integration_id !== undefined).length,
			refreshes: lists.filter((r) => r.query.updated_after !== undefined).length,
		};
	}

	beforeAll(async () => {
		stack = await startStack();
		n8n = await N8nInstance.create(version);
		await n8n.importCredentials(stack.credentials);
		workflowId = await n8n.importWorkflow(template);
	});

	afterAll(async () => {
		await n8n?.dispose();
		await stack?.close();
	});

	it('1. fresh sync: every eligible case lands in Case Status right; the ineligible ones are reported with their reason', async () => {
		await withPublished(workflowId, freshSync);
	});

	async function freshSync(): Promise<void> {
		const { run, slices, rows, counts, writes } = await syncOnce(SYNC.all);
		const reads = await caseListReads(); // before this test reads Case Status itself
		const firm = stack.firm;
		expect(Object.keys(run.data.resultData.runData)).toContain(NODES.form);
		expect(decisionOf(run)).toMatchObject({ mode: 'all' });

		// Case Status now holds every eligible case, with all eight attributes (and open/closed) as SmartAdvocate has them.
		const cs = await caseStatusCases(stack);
		const eligible = eligibleCases(firm);
		expect(eligible).toHaveLength(42);
		for (const c of eligible) {
			const held = cs.get(String(c.caseId));
			expect({ caseNumber: c.caseNumber, inCaseStatus: !!held }).toEqual({ caseNumber: c.caseNumber, inCaseStatus: true });
			expect({ caseNumber: c.caseNumber, ...actualAttributes(held!) }).toEqual({ caseNumber: c.caseNumber, ...expectedAttributes(firm, c) });
		}
		// …and nothing else: the refused cases are not there.
		const ineligible = ineligibleCases(firm);
		expect(ineligible).toHaveLength(8);
		for (const { firmCase: c } of ineligible) expect(cs.has(String(c.caseId))).toBe(false);

		// One report row per case read, with the right result and, for a refusal, the reason and what to do as the node says them.
		expect(rows).toHaveLength(firm.cases.length);
		expect(new Set(rows.map((r) => r.caseNumber)).size).toBe(firm.cases.length);
		for (const { firmCase: c, reason } of ineligible) {
			expect(rowOf(rows, c)).toMatchObject({ caseName: c.caseName, result: 'failed', ...expectedFailure(firm, c, reason) });
		}
		for (const c of eligible) {
			expect(rowOf(rows, c)).toMatchObject({ caseName: c.caseName, result: c.inCaseStatus ? 'unchanged' : 'created', reason: '' });
		}
		const alreadyThere = eligible.filter((c) => c.inCaseStatus).length;
		expect(counts).toMatchObject({
			syncMode: 'all',
			casesRead: 50,
			created: eligible.length - alreadyThere,
			updated: 0,
			unchanged: alreadyThere,
			failed: 8,
			failureReasons: { 'Attorney not in Case Status': 2, 'Invalid client cell phone': 2, 'Practice area not mapped': 2, 'Stage not mapped': 2 },
		});
		expect(counts!.created + counts!.updated + counts!.unchanged + counts!.failed).toBe(counts!.casesRead);

		// The CSV file holds the same rows: a header and one line per case.
		const file = run.data.resultData.runData[NODES.report][0].data?.main?.[0]?.[0]?.binary?.data as BinaryRef;
		expect(file).toMatchObject({ fileName: expect.stringMatching(/^case-sync-report-.*\.csv$/), mimeType: 'text/csv' });
		const lines = binaryText(n8n.userFolder, file).trim().split('\n');
		expect(lines[0]).toBe('caseNumber,caseName,result,reason,reasonCode,whatToDo,detail,newFailure,failingSince,changedFields,changes,toInvite,smartAdvocateCaseId');
		expect(lines).toHaveLength(firm.cases.length + 1);
		const unknownAttorney = ineligible.find((x) => x.reason === 'primary-attorney-not-in-case-status')!.firmCase;
		const attorneyEmail = primaryAttorneyOf(firm, unknownAttorney)!.email;
		expect(lines.find((l) => l.startsWith(`${unknownAttorney.caseNumber},`))).toContain(
			`,failed,Attorney not in Case Status,attorneyNotFound,Attorney ${attorneyEmail} has no Case Status user: invite them,Primary attorney not found: ${attorneyEmail},yes,`,
		);
		// Failures come first in the file (as in the report's rows), grouped by reason.
		expect(rows.slice(0, 8).map((r) => r.result)).toEqual(Array(8).fill('failed'));
		expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(rows.map((r) => r.caseNumber));

		// Per case, the staff the firm still has to invite to Case Status (left off the case), and all of them in the counts.
		for (const c of eligible.filter((x) => x.inCaseStatus)) {
			expect({ caseNumber: c.caseNumber, toInvite: rowOf(rows, c)!.toInvite.split(', ').filter(Boolean).map((e) => e.toLowerCase()).sort() }).toEqual({
				caseNumber: c.caseNumber,
				toInvite: staffToInvite(firm, c),
			});
		}
		const invitedSomewhere = [...new Set(rows.flatMap((r) => r.toInvite.split(', ').filter(Boolean)))].sort();
		expect(counts!.staffToInvite).toEqual(invitedSomewhere);

		// Case Status saw exactly one write per case: the creates (closed cases created closed, no second call)
		// and the refused attempts.
		const created = writes.filter((w) => w.method === 'POST' && w.path === '/v1/api/cases');
		expect(created.filter((w) => w.status === 201)).toHaveLength(counts!.created);
		expect(created.filter((w) => w.status >= 400)).toHaveLength(8);
		const closedNew = eligible.filter((c) => !c.inCaseStatus && c.closed);
		expect(closedNew.length).toBeGreaterThan(0);
		for (const c of closedNew) expect({ caseNumber: c.caseNumber, closed: cs.get(String(c.caseId))!.closed_at !== null }).toEqual({ caseNumber: c.caseNumber, closed: true });
		expect(writes).toHaveLength(created.length);

		// The form's page lists each refused case under its reason, by number and name, with what to do, new tonight.
		const groups = failureGroups(counts!.html);
		expect([...groups.keys()].sort()).toEqual(['Attorney not in Case Status (2)', 'Invalid client cell phone (2)', 'Practice area not mapped (2)', 'Stage not mapped (2)']);
		for (const { firmCase: c, reason } of ineligible) {
			const { reason: heading, whatToDo } = expectedFailure(firm, c, reason);
			expect(groups.get(`${heading} (2)`)).toContain(`${c.caseNumber} ${c.caseName}: ${whatToDo} (new)`);
		}
		expect(pageText(counts!.html)).not.toContain('failing since');

		// Case Status's cases were listed once for the whole run, by the one writing node of the run's one slice.
		expect(slices).toHaveLength(1);
		expect(sliceItems(slices, NODES.upsert)).toHaveLength(firm.cases.length);
		expect(reads).toEqual({ fullListPages: ['1'], lookups: 0, refreshes: 0 });
	}

	it('2. rerun writes nothing; then stage, paralegal and description changes update exactly those cases and fields', async () => {
		await withPublished(workflowId, rerunThenChanges);
	});

	async function rerunThenChanges(): Promise<void> {
		const firm = stack.firm;
		const open = eligibleCases(firm).filter((c) => !c.closed);
		const inStage = (c: FirmCase, stage: string) => stageOfStatus(firm, c.status)?.name === stage;
		const paralegalRole = (c: FirmCase) => c.staff.find((s) => s.role.includes('Paralegal'));
		const stageCase = open.find((c) => inStage(c, 'Pre-Litigation'))!;
		const paralegalCase = open.find((c) => c !== stageCase && paralegalRole(c))!;
		const descriptionCase = open.find((c) => c !== stageCase && c !== paralegalCase)!;
		const sideCase = open.find((c) => ![stageCase, paralegalCase, descriptionCase].includes(c))!;

		// A change Case Status has no field for: the case is read again, found unchanged, and not written.
		await editSmartAdvocateCase(stack, sideCase.caseId, { incidentFacts: 'Client called: no change to the case.' });
		const rerun = await syncOnce(SYNC.changed);
		expect(decisionOf(rerun.run)).toMatchObject({ mode: 'changed' });
		const ineligible = ineligibleCases(firm);
		expect(rerun.rows.find((r) => r.caseNumber === sideCase.caseNumber)).toMatchObject({ result: 'unchanged', changedFields: '' });
		// The cases Case Status refused last night are tried again and reported again, failing since the first night.
		expect(rerun.rows.map((r) => r.caseNumber).sort()).toEqual([sideCase, ...ineligible.map((x) => x.firmCase)].map((c) => c.caseNumber).sort());
		for (const { firmCase: c, reason } of ineligible) {
			const row = rowOf(rerun.rows, c)!;
			expect(row).toMatchObject({ result: 'failed', ...expectedFailure(firm, c, reason) });
			expect(row.failingSince < decisionOf(rerun.run).runStartedAt).toBe(true);
			expect(row.newFailure).toBe('no');
		}
		expect(rerun.counts).toMatchObject({ failed: ineligible.length, failingFromEarlierRuns: ineligible.length });
		// Nothing lands in Case Status: the only calls that are not reads are the refused retries.
		expect(rerun.writes.filter((w) => w.status < 400)).toEqual([]);
		expect(rerun.writes).toHaveLength(ineligible.length);

		// Three cases changed in SmartAdvocate.
		await editSmartAdvocateCase(stack, stageCase.caseId, { caseStatus: 'Discovery' }); // Pre-Litigation → Litigation
		const oldParalegal = paralegalRole(paralegalCase)!.userId;
		const newParalegal = firm.staff.find((s) => s.kind === 'paralegal' && s.inCaseStatus && !paralegalCase.staff.some((x) => x.userId === s.userId))!;
		await editSmartAdvocateCase(stack, paralegalCase.caseId, { staff: staffWithSwap(paralegalCase, oldParalegal, newParalegal.userId) });
		await editSmartAdvocateCase(stack, descriptionCase.caseId, { caseName: `${descriptionCase.caseName} (amended)` });

		const after = await syncOnce(SYNC.changed);
		const updates = after.rows.filter((r) => r.result === 'updated');
		expect(updates.map((r) => r.caseNumber).sort()).toEqual([stageCase, paralegalCase, descriptionCase].map((c) => c.caseNumber).sort());
		expect(changed(rowOf(after.rows, stageCase))).toEqual(['stage']);
		expect(changed(rowOf(after.rows, paralegalCase))).toEqual(['paralegalEmails']);
		expect(changed(rowOf(after.rows, descriptionCase))).toEqual(['description']);
		expect(after.rows.filter((r) => r.result !== 'updated').every((r) => r.result === 'unchanged' || r.result === 'failed')).toBe(true);
		expect(changes(rowOf(after.rows, stageCase))).toBe('stage: "Pre-Litigation" → "Litigation"');

		// Case Status received exactly one PATCH per changed case, and now holds the new values.
		const cs = await caseStatusCases(stack);
		const csId = (c: FirmCase) => cs.get(String(c.caseId))!.id;
		expect(after.writes.filter((w) => w.status < 400).map((w) => `${w.method} ${w.path} ${w.status}`).sort()).toEqual(
			[stageCase, paralegalCase, descriptionCase].map((c) => `PATCH /v1/api/cases/${csId(c)} 200`).sort(),
		);
		expect(cs.get(String(stageCase.caseId))!.stage?.name).toBe('Litigation');
		expect(cs.get(String(paralegalCase.caseId))!.paralegals.map((p) => p.email)).toContain(newParalegal.email);
		expect(cs.get(String(descriptionCase.caseId))!.description).toBe(`${descriptionCase.caseName} (amended)`);
	}

	it('3. with the nightly Schedule disabled it still publishes, and "Sync Now" for one case syncs just that case', async () => {
		// A copy for this test only: the shipped file keeps its schedule enabled.
		const copy = JSON.parse(JSON.stringify(template)) as WorkflowJson;
		copy.id = `${String(template.id).slice(0, 12)}Frm1`;
		copy.name = `${template.name} (schedule disabled)`;
		const scheduleNode = nodesOf(copy).find((n) => n.name === NODES.schedule)!;
		scheduleNode.disabled = true;
		const copyId = await n8n.importWorkflow(copy);

		const open = eligibleCases(stack.firm).filter((c) => !c.closed && !c.inCaseStatus);
		const target = open.find((c) => stageOfStatus(stack.firm, c.status)?.name === 'Intake')!;
		const bystander = open.find((c) => c !== target && stageOfStatus(stack.firm, c.status)?.name === 'Intake')!;
		await editSmartAdvocateCase(stack, target.caseId, { caseStatus: 'Treating' }); // Intake → Pre-Litigation
		await editSmartAdvocateCase(stack, bystander.caseId, { caseStatus: 'Treating' });

		await n8n.start();
		try {
			await n8n.publish(copyId); // the public API refuses a workflow with no trigger left to publish
			if (version === '2') {
				await n8n.waitForActivation([copyId]); // 2.x activates in the background
				const status = await n8n.rest<{ status: string; triggers?: Array<{ nodeId: string; status: string }> }>('GET', `/workflows/${copyId}/publication-status`);
				const triggerIds = (status.triggers ?? []).map((t) => t.nodeId);
				expect(triggerIds).not.toContain(scheduleNode.id);
			}

			// The form is served at its production URL once the workflow is active (1.x activates within the API call).
			const formUrl = `${n8n.baseUrl}/form/${formPath(copy)}`;
			await waitFor(async () => (await fetch(formUrl)).status === 200, { timeoutMs: 30_000, intervalMs: 300, message: `GET ${formUrl}` });

			await clearRequestLogs(stack);
			// Preview first: the page shows, field by field, what a sync would change, and nothing is written.
			const csBefore = await caseStatusCases(stack);
			const preview = await submitAndReadResult(n8n.baseUrl, formPath(copy), ['All cases', '', 'Preview only (write nothing)']);
			const previewText = pageText(preview.html);
			expect(previewText).toContain('Preview ready (nothing was written)');
			expect(previewText).toMatch(/would be updated/);
			expect(previewText).toContain(`${target.caseNumber} would be updated: stage: "Intake" → "Pre-Litigation"`);
			expect(previewText).toContain(`${bystander.caseNumber} would be updated: stage: "Intake" → "Pre-Litigation"`);
			const foreseen = ineligibleCases(stack.firm).filter((x) => x.reason !== 'client-cell-phone-invalid').length; // a phone is judged only on write
			expect(previewText).toMatch(new RegExp(`2 updated, \\d+ unchanged, ${foreseen} would fail`));
			// The preview lists each case that would fail under its reason, with what to do, as a real run does.
			const previewGroups = failureGroups(preview.html);
			for (const { firmCase: c, reason } of ineligibleCases(stack.firm).filter((x) => x.reason !== 'client-cell-phone-invalid')) {
				const { reason: heading, whatToDo } = expectedFailure(stack.firm, c, reason);
				expect({ caseNumber: c.caseNumber, listed: previewGroups.get(`${heading} (2)`)?.some((line) => line.startsWith(`${c.caseNumber} ${c.caseName}: ${whatToDo} (`)) }).toEqual({ caseNumber: c.caseNumber, listed: true });
			}
			expect(await caseStatusWrites(stack)).toEqual([]);
			expect(await caseStatusCases(stack)).toEqual(csBefore);

			// Then a real sync of one case: the page shows its result when the run ends.
			await clearRequestLogs(stack);
			const syncsOf = async () => (await n8n.listExecutions(copyId)).filter((e) => e.mode !== 'integrated'); // not the slices
			const before = (await syncsOf()).length;
			const result = await submitAndReadResult(n8n.baseUrl, formPath(copy), ['One case', target.caseNumber]);
			const resultText = pageText(result.html);
			expect(resultText).toContain('Sync finished');
			expect(resultText).toContain(`1 case(s) read (case ${target.caseNumber}): 0 created, 1 updated, 0 unchanged, 0 failed.`);

			const execution = await waitFor(
				async () => {
					const list = await syncsOf();
					const newest = list.length > before ? list[0] : undefined;
					return newest && (newest.status === 'success' || newest.status === 'error') ? newest : undefined;
				},
				{ timeoutMs: 60_000, intervalMs: 500, message: 'the Sync Now execution to finish', describe: () => n8n.logTail() },
			);
			expect(execution.status).toBe('success');
			expect(execution.mode).toBe('webhook');

			const cs = await caseStatusCases(stack);
			expect(cs.get(String(target.caseId))!.stage?.name).toBe('Pre-Litigation');
			expect(cs.get(String(bystander.caseId))!.stage?.name).toBe('Intake');
			const writes = await caseStatusWrites(stack);
			expect(writes.map((w) => `${w.method} ${w.path} ${w.status}`)).toEqual([`PATCH /v1/api/cases/${cs.get(String(target.caseId))!.id} 200`]);

			// A case number SmartAdvocate does not have: the page says the case could not be read, and what to do.
			const missing = await submitAndReadResult(n8n.baseUrl, formPath(copy), ['One case', '1999-99999']);
			expect(failureGroups(missing.html).get('Not read from SmartAdvocate (1)')).toEqual([expect.stringMatching(/^1999-99999: SmartAdvocate did not give the case \(.+\): check its case number\. It is tried again on the next run\. \(new\)$/)]);
		} finally {
			await n8n.stop();
		}
	});

	/** A fresh firm (both simulators back to the seed) and a fresh copy of the template (its own remembered state). */
	async function freshCopy(suffix: string, formPathOfCopy?: string): Promise<{ id: string; copy: WorkflowJson }> {
		const { copy } = await freshCopyJson(suffix, formPathOfCopy);
		return { id: await n8n.importWorkflow(copy), copy };
	}

	async function freshCopyJson(suffix: string, formPathOfCopy?: string): Promise<{ copy: WorkflowJson }> {
		await stack.csAdmin.post('/reset');
		await stack.saAdmin.post('/reset');
		const copy = JSON.parse(JSON.stringify(template)) as WorkflowJson;
		if (formPathOfCopy) {
			// Its own form URL and webhook IDs, so it can be published next to the copy of test 3.
			const formNode = nodesOf(copy).find((n) => n.name === NODES.form)! as TemplateNode & { webhookId?: string };
			(formNode.parameters.options as { path: string }).path = formPathOfCopy;
			for (const n of nodesOf(copy) as Array<TemplateNode & { webhookId?: string }>) if (n.webhookId) n.webhookId = n.webhookId.replace(/^5acc0001/, '5acc0002');
		}
		copy.id = `${String(template.id).slice(0, 12)}${suffix}`;
		copy.name = `${template.name} (${suffix})`;
		return { copy };
	}

	it('4. a night when Case Status fails for part of the run, then a clean night: every case is right, with nothing to remember', async () => {
		const { id, copy } = await freshCopy('Flt1', 'sync-failure-test');
		await withPublished(id, async () => await failureNightThenCleanNights(copy));
	});

	async function failureNightThenCleanNights(copy: WorkflowJson): Promise<void> {
		const firm = stack.firm;
		const eligible = eligibleCases(firm);
		const ineligible = ineligibleCases(firm);
		const open = eligible.filter((c) => !c.closed);
		const staleCase = open.find((c) => c.inCaseStatus && stageOfStatus(firm, c.status)?.name === 'Pre-Litigation')!;
		await editSmartAdvocateCase(stack, staleCase.caseId, { caseStatus: 'Discovery' }); // needs an update in Case Status

		// Night 1: Case Status answers 500 to the first 10 creates and to the one update (5 tries), then recovers.
		await stack.csAdmin.post('/faults', { route: '/v1/api/cases', method: 'POST', status: 500, count: 10 });
		await stack.csAdmin.post('/faults', { route: '/v1/api/cases', method: 'PATCH', status: 500, count: 5 });
		await clearRequestLogs(stack);
		const night1 = (await syncOnce(SYNC.changed, copy)).run; // the first run of this copy: every case
		const rows1 = reportOf(night1).rows;
		const failedEligible = eligible.filter((c) => rows1.find((r) => r.caseNumber === c.caseNumber)?.result === 'failed');
		// Creates run 8 at a time, so which cases' POSTs meet the 10 faults depends on timing: some may be cases
		// Case Status refuses anyway. What must hold is that the report names exactly the cases left wrong.
		expect(failedEligible.length).toBeGreaterThanOrEqual(5);
		expect(failedEligible.map((c) => c.caseNumber)).toContain(staleCase.caseNumber);
		// An outage is no refusal: those cases are under "Other error", with the node's message and what it says to do.
		for (const c of failedEligible) {
			const row = rowOf(rows1, c)!;
			expect(row).toMatchObject({ reason: 'Other error', reasonCode: 'otherError', whatToDo: expect.stringContaining(row.detail) });
			expect(row.whatToDo.length).toBeGreaterThan(row.detail.length + 2);
		}
		let cs = await caseStatusCases(stack);
		expect(cs.get(String(staleCase.caseId))!.stage?.name).toBe('Pre-Litigation'); // stale after night 1
		const asInSmartAdvocate = (c: FirmCase) => (c === staleCase ? { ...c, status: 'Discovery' } : c); // edited before night 1
		const wrongAfterNight1 = eligible.filter((c) => {
			const held = cs.get(String(c.caseId));
			return !held || JSON.stringify(actualAttributes(held)) !== JSON.stringify(expectedAttributes(firm, asInSmartAdvocate(c)));
		});
		// Any case on one side only comes out with its report row and what Case Status holds, to say why.
		const wrongNumbers = new Set(wrongAfterNight1.map((c) => c.caseNumber));
		const failedNumbers = new Set(failedEligible.map((c) => c.caseNumber));
		const mismatched = eligible
			.filter((c) => wrongNumbers.has(c.caseNumber) !== failedNumbers.has(c.caseNumber))
			.map((c) => ({ caseNumber: c.caseNumber, row: rowOf(rows1, c), held: cs.get(String(c.caseId)) ?? null }));
		expect(mismatched).toEqual([]);

		// Night 2: nothing changed in SmartAdvocate; the failed cases are read again and written.
		await stack.csAdmin.delete('/faults');
		await clearRequestLogs(stack);
		const night2 = (await syncOnce(SYNC.changed, copy)).run;
		expect(decisionOf(night2)).toMatchObject({ mode: 'changed' });
		const report2 = reportOf(night2);
		cs = await caseStatusCases(stack);
		for (const c of eligible) {
			const held = cs.get(String(c.caseId));
			expect({ caseNumber: c.caseNumber, ...(held ? actualAttributes(held) : {}) }).toEqual({ caseNumber: c.caseNumber, ...expectedAttributes(firm, asInSmartAdvocate(c)) });
		}
		expect(cs.get(String(staleCase.caseId))!.stage?.name).toBe('Litigation');
		expect([...cs.values()].filter((c) => c.integration_id !== null).length).toBe(new Set([...cs.values()].map((c) => c.integration_id)).size);
		for (const c of failedEligible) expect(rowOf(report2.rows, c)?.result).toMatch(/^(created|updated)$/);
		// The cases that need a person are reported again, with their reason and since when.
		for (const { firmCase: c, reason } of ineligible) expect(rowOf(report2.rows, c)).toMatchObject({ result: 'failed', ...expectedFailure(firm, c, reason) });
		expect(report2.counts).toMatchObject({ failed: ineligible.length, failingFromEarlierRuns: ineligible.length });

		// Night 3: the cases that need a person are tried (and refused) again and reported again; the rest of what is
		// read (the case edited within the safety overlap) is unchanged; nothing lands.
		await clearRequestLogs(stack);
		const night3 = (await syncOnce(SYNC.changed, copy)).run;
		const report3 = reportOf(night3);
		expect(report3.rows.filter((r) => r.result === 'failed').map((r) => r.caseNumber).sort()).toEqual(ineligible.map((x) => x.firmCase.caseNumber).sort());
		expect(report3.rows.filter((r) => r.result !== 'failed').every((r) => r.result === 'unchanged')).toBe(true);
		expect((await caseStatusWrites(stack)).filter((w) => w.status < 400)).toEqual([]);
	}

	it('5. two syncs at once against a slow Case Status create every case once (upsert by integration ID)', async () => {
		const { id, copy } = await freshCopy('Ovl1', 'sync-overlap-test');
		const firm = stack.firm;
		const eligible = eligibleCases(firm);
		const toCreate = eligible.filter((c) => !c.inCaseStatus);
		await n8n.start();
		try {
			await n8n.publish(id);
			if (version === '2') await n8n.waitForActivation([id]);
			const formUrl = `${n8n.baseUrl}/form/${formPath(copy)}`;
			await waitFor(async () => (await fetch(formUrl)).status === 200, { timeoutMs: 30_000, intervalMs: 300, message: `GET ${formUrl}` });
			await stack.csAdmin.post('/latency', { ms: 250, route: '/v1/api/cases' });
			await clearRequestLogs(stack);

			// A manual sync submitted while another sync of all cases is running.
			const [first, second] = await Promise.all([
				submitAndReadResult(n8n.baseUrl, formPath(copy), ['All cases', '', 'Sync'], 300_000),
				submitAndReadResult(n8n.baseUrl, formPath(copy), ['All cases', '', 'Sync'], 300_000),
			]);
			await stack.csAdmin.post('/latency', {});
			const reads = await caseListReads(); // before this test reads Case Status itself
			const requests = (await stack.csAdmin.get<Array<{ method: string; path: string; status: number; at: string }>>('/requests')).data;
			const creates = requests.filter((r) => r.method === 'POST' && r.path === '/v1/api/cases');
			// Both syncs ended well…
			// Each sync runs one slice and one short execution that records it ("Remember This Run").
			const syncs = await waitFor(
				async () => {
					const ended = (await n8n.listExecutions(id)).filter((e) => e.stoppedAt);
					return ended.filter((e) => e.mode !== 'integrated').length >= 2 && ended.filter((e) => e.mode === 'integrated').length >= 4 ? ended : undefined;
				},
				{ timeoutMs: 60_000, intervalMs: 500, message: 'both syncs, their slices and their records to be saved' },
			);
			expect(syncs.filter((e) => e.mode !== 'integrated').map((e) => ({ mode: e.mode, status: e.status }))).toEqual([
				{ mode: 'webhook', status: 'success' },
				{ mode: 'webhook', status: 'success' },
			]);
			// …and really overlapped: their slices, which write to Case Status, ran at the same time. (Not the syncs' own
			// times: n8n 1.x starts a form's execution's clock again when it resumes for the result page.)
			const sliceIds = new Set<string>();
			for (const sync of syncs.filter((e) => e.mode !== 'integrated')) {
				const data = await n8n.api<RunData>('GET', `/executions/${sync.id}?includeData=true`);
				for (const sliceId of sliceExecutionIds(data)) sliceIds.add(sliceId);
			}
			const [a, b] = syncs.filter((e) => sliceIds.has(String(e.id)));
			expect(sliceIds.size).toBe(2);
			expect(a.startedAt! < b.stoppedAt! && b.startedAt! < a.stoppedAt!).toBe(true);

			const cs = await caseStatusCases(stack);
			const all = (await stack.csAdmin.get<{ cases: Array<{ integration_id: string | null }> }>('/state')).data.cases;
			const ids = all.map((c) => c.integration_id).filter((x) => x !== null);
			expect(ids.length).toBe(new Set(ids).size); // no case twice
			expect(creates.filter((r) => r.status === 201)).toHaveLength(toCreate.length);
			for (const c of eligible) expect({ caseNumber: c.caseNumber, ...actualAttributes(cs.get(String(c.caseId))!) }).toEqual({ caseNumber: c.caseNumber, ...expectedAttributes(firm, c) });
			for (const page of [first, second]) expect(pageText(page.html)).toContain('Sync finished');
			// Case Status's cases were listed at most once per sync (the second may refresh the list the first read,
			// the account's list is shared).
			expect(reads.lookups).toBe(0);
			expect(reads.fullListPages.length).toBeGreaterThanOrEqual(1);
			expect(reads.fullListPages.filter((page) => page !== '1')).toEqual([]);
			expect(reads.fullListPages.length + reads.refreshes).toBeLessThanOrEqual(4);
		} finally {
			await stack.csAdmin.post('/latency', {});
			await n8n.stop();
		}
	});

	it('6. a scheduled run lists Case Status\'s cases once', async () => {
		await stack.csAdmin.post('/reset');
		await stack.saAdmin.post('/reset');
		const copy = JSON.parse(JSON.stringify(template)) as WorkflowJson;
		copy.id = `${String(template.id).slice(0, 12)}Sch1`;
		copy.name = `${template.name} (Sch1)`;
		// Every minute, so the test need not wait for 8 PM; its own form path and webhook IDs, next to the other copies.
		nodesOf(copy).find((n) => n.name === NODES.schedule)!.parameters.rule = { interval: [{ field: 'minutes', minutesInterval: 1 }] };
		const formNode = nodesOf(copy).find((n) => n.name === NODES.form)!;
		(formNode.parameters.options as { path: string }).path = 'sync-schedule-test';
		for (const n of nodesOf(copy) as Array<TemplateNode & { webhookId?: string }>) if (n.webhookId) n.webhookId = n.webhookId.replace(/^5acc0001/, '5acc0003');
		const id = await n8n.importWorkflow(copy);
		await clearRequestLogs(stack);
		await n8n.start();
		try {
			await n8n.publish(id);
			if (version === '2') await n8n.waitForActivation([id]);
			const execution = await waitFor(
				async () => (await n8n.listExecutions(id)).filter((e) => e.mode !== 'integrated' && (e.status === 'success' || e.status === 'error')).at(-1), // not a slice
				{ timeoutMs: 240_000, intervalMs: 1000, message: 'a scheduled execution to finish', describe: () => n8n.logTail() },
			);
			await n8n.unpublish(id);
			expect(execution).toMatchObject({ status: 'success', mode: 'trigger' });
			const eligible = eligibleCases(stack.firm);
			const cs = await caseStatusCases(stack);
			for (const c of eligible) expect({ caseNumber: c.caseNumber, inCaseStatus: cs.has(String(c.caseId)) }).toEqual({ caseNumber: c.caseNumber, inCaseStatus: true });
			const reads = await caseListReads({ from: execution.startedAt!, to: execution.stoppedAt! });
			expect(reads).toEqual({ fullListPages: ['1'], lookups: 0, refreshes: 0 });
		} finally {
			await n8n.stop();
		}
	});

	/** A copy with its own form path and webhook IDs, one Code node changed by `edit` (name → code → code). */
	async function copyWith(suffix: string, formPathOfCopy: string, edits: Record<string, (code: string) => string>) {
		const { copy } = await freshCopyJson(suffix, formPathOfCopy);
		for (const [name, edit] of Object.entries(edits)) {
			const node = nodesOf(copy).find((n) => n.name === name)!;
			const code = edit(String(node.parameters.jsCode));
			expect(code).not.toBe(node.parameters.jsCode);
			node.parameters.jsCode = code;
		}
		return { id: await n8n.importWorkflow(copy), copy };
	}

	it('7. a slice that fails: its cases are reported failed with the reason, the run still reports, and they are retried', async () => {
		const firm = stack.firm;
		const breaking = eligibleCases(firm).find((c) => !c.inCaseStatus)!;
		// Slices of 10 cases, and a mapping that throws on one case (as a consultant's slip would): its slice fails.
		const { id, copy } = await copyWith('Slc1', 'sync-slice-test', {
			[NODES.cut]: (code) => code.replace('const CASES_PER_SLICE = 1000;', 'const CASES_PER_SLICE = 10;'),
			[NODES.build]: (code) => code.replace('return slice.cases.map((c, i) => ({', `if (slice.cases.some((c) => c.caseNumber === '${breaking.caseNumber}')) throw new Error('mapping broke on ${breaking.caseNumber}');\nreturn slice.cases.map((c, i) => ({`),
		});
		await withPublished(id, async () => {
			await clearRequestLogs(stack);
			const first = await syncFromForm(n8n, formPath(copy), [SYNC.changed, '', 'Sync'], { allowFailedSlices: true });
			const { rows, counts } = reportOf(first.run);
			expect(first.slices.length).toBeGreaterThanOrEqual(4); // five slices; a failed one may carry no execution ID
			expect(rows).toHaveLength(firm.cases.length); // every case read has its row
			const failedSlice = rows.filter((r) => r.reasonCode === 'sliceFailed');
			expect(failedSlice).toHaveLength(10);
			expect(failedSlice.map((r) => r.caseNumber)).toContain(breaking.caseNumber);
			for (const r of failedSlice) {
				expect(r).toMatchObject({ result: 'failed', reason: 'Sync step failed', newFailure: 'yes', whatToDo: expect.stringContaining('open the failed "Sync Each Slice" execution') });
				expect(r.detail).toContain(`mapping broke on ${breaking.caseNumber}`);
				expect(r.whatToDo).toContain(`mapping broke on ${breaking.caseNumber}`);
			}
			// The other slices synced: their eligible cases are in Case Status; none of the failed slice's cases are.
			const cs = await caseStatusCases(stack);
			const failedIds = new Set(failedSlice.map((r) => r.smartAdvocateCaseId));
			for (const c of eligibleCases(firm)) expect({ caseNumber: c.caseNumber, held: cs.has(String(c.caseId)) }).toEqual({ caseNumber: c.caseNumber, held: !failedIds.has(String(c.caseId)) || c.inCaseStatus });
			expect(counts!.failureReasons['Sync step failed']).toBe(10);
			expect(failureGroups(counts!.html).get('Sync step failed (10)')).toContain(`${breaking.caseNumber} ${breaking.caseName}: ${rowOf(rows, breaking)!.whatToDo} (new)`);

			// The next run reads every case of the failed slice again (nothing changed in SmartAdvocate), reports them
			// failing since the first run, and the cases of the other slices are not read again.
			const second = await syncFromForm(n8n, formPath(copy), [SYNC.changed, '', 'Sync'], { allowFailedSlices: true });
			const decided = decisionOf(second.run);
			expect(decided.mode).toBe('changed');
			expect(Object.keys(decided.failedBefore).filter((caseId) => failedIds.has(caseId)).sort()).toEqual([...failedIds].sort());
			const again = reportOf(second.run).rows;
			for (const r of failedSlice) {
				const retried = again.find((x) => x.caseNumber === r.caseNumber);
				if (retried?.result === 'failed') expect(retried).toMatchObject({ newFailure: 'no', failingSince: decisionOf(first.run).runStartedAt });
				else expect({ caseNumber: r.caseNumber, synced: ['created', 'unchanged'].includes(String(retried?.result)) }).toEqual({ caseNumber: r.caseNumber, synced: true });
			}
			expect(again.find((x) => x.caseNumber === breaking.caseNumber)).toMatchObject({ result: 'failed', reasonCode: 'sliceFailed', newFailure: 'no' });
		});
	});

	it('8. a one-case Sync Now that fails during the nightly run stays on the retry list', async () => {
		const firm = stack.firm;
		// Slices of 5 and a slow Case Status: the "nightly" run (the form's changed cases; the first run reads all) takes a while.
		const { id, copy } = await copyWith('Ovl2', 'sync-overlap-record-test', {
			[NODES.cut]: (code) => code.replace('const CASES_PER_SLICE = 1000;', 'const CASES_PER_SLICE = 5;'),
		});
		const target = eligibleCases(firm).find((c) => c.inCaseStatus && !c.closed)!;
		const unmappedStatus = ineligibleCases(firm).find((x) => x.reason === 'stage-not-in-case-status')!.firmCase.status;
		const refusal = expectedFailure(firm, { ...target, status: unmappedStatus }, 'stage-not-in-case-status');
		await withPublished(id, async () => {
			await stack.csAdmin.post('/latency', { ms: 300, route: '/v1/api/cases' });
			try {
				const nightly = syncFromForm(n8n, formPath(copy), [SYNC.changed, '', 'Sync']);
				nightly.catch(() => undefined); // awaited below
				// Once the nightly run is writing (its second slice has started), staff give the case a stage Case Status
				// does not know, and sync it alone: Case Status refuses it.
				await waitFor(async () => (await n8n.listExecutions(id)).filter((e) => e.mode === 'integrated').length >= 2, {
					timeoutMs: 120_000, intervalMs: 200, message: 'the nightly run to be in its second slice',
				});
				await editSmartAdvocateCase(stack, target.caseId, { caseStatus: unmappedStatus });
				const oneCase = await syncFromForm(n8n, formPath(copy), [SYNC.one, target.caseNumber, 'Sync']);
				const oneRow = reportOf(oneCase.run).rows;
				expect(oneRow).toHaveLength(1);
				expect(oneRow[0]).toMatchObject({ caseNumber: target.caseNumber, result: 'failed', ...refusal, newFailure: 'yes' });
				expect(failureGroups(oneCase.html).get('Stage not mapped (1)')).toEqual([`${target.caseNumber} ${target.caseName}: ${refusal.whatToDo} (new)`]);
				const night = await nightly;
				// The one-case run recorded its result while the nightly run was still syncing its slices.
				const span = (run: RunData, node: string) => {
					const { startTime, executionTime } = run.data.resultData.runData[node][0] as unknown as { startTime: number; executionTime: number };
					return { from: startTime, to: startTime + executionTime };
				};
				const nightSlices = span(night.run, NODES.syncEachSlice);
				const oneRecorded = span(oneCase.run, NODES.remember);
				expect(nightSlices.from < oneRecorded.from && oneRecorded.to < nightSlices.to).toBe(true);
				expect(reportOf(night.run).rows.find((r) => r.caseNumber === target.caseNumber)?.result).toBe('unchanged'); // read before the edit

				// The next run still knows the case failed, since the one-case run, and retries it.
				await stack.csAdmin.post('/latency', {});
				const next = await syncFromForm(n8n, formPath(copy), [SYNC.changed, '', 'Sync']);
				const failingSince = decisionOf(oneCase.run).runStartedAt;
				expect(decisionOf(next.run).failedBefore[String(target.caseId)]).toMatchObject({ caseNumber: target.caseNumber, since: failingSince });
				expect(reportOf(next.run).rows.find((r) => r.caseNumber === target.caseNumber)).toMatchObject({ result: 'failed', ...refusal, newFailure: 'no', failingSince });
			} finally {
				await stack.csAdmin.post('/latency', {});
			}
		});
	});

	it('9. a new case whose clients SmartAdvocate fails to give is reported as such, not created without them, and created by the next run', async () => {
		const { id, copy } = await freshCopy('Cli1', 'sync-clients-test');
		const firm = stack.firm;
		const target = eligibleCases(firm).find((c) => !c.inCaseStatus && !c.closed && c.clients.length > 0)!;
		await withPublished(id, async () => {
			// SmartAdvocate answers 500 to every read of this case's contacts (each of Get Clients' tries).
			await stack.saAdmin.post('/faults', { route: `/case/${target.caseId}/contacts`, method: 'GET', status: 500, count: 100 });
			try {
				await clearRequestLogs(stack);
				const first = await syncOnce(SYNC.changed, copy); // the first run of this copy: every case
				const row = rowOf(first.rows, target)!;
				expect(row).toMatchObject({ caseName: target.caseName, result: 'failed', reason: 'Clients not read from SmartAdvocate', reasonCode: 'clientsNotRead', newFailure: 'yes' });
				expect(row.whatToDo).toMatch(/^SmartAdvocate did not give the case's clients \(.+\); it is tried again on the next run$/);
				expect(row.whatToDo).toContain('500');
				expect(failureGroups(first.counts!.html).get('Clients not read from SmartAdvocate (1)')).toEqual([`${target.caseNumber} ${target.caseName}: ${row.whatToDo} (new)`]);
				expect(first.counts!.failureReasons).not.toHaveProperty('No client on the case');
				// Not created, and never sent: the only refused creates are those of the eight ineligible cases.
				expect((await caseStatusCases(stack)).has(String(target.caseId))).toBe(false);
				const creates = first.writes.filter((w) => w.method === 'POST' && w.path === '/v1/api/cases');
				expect(creates.filter((w) => w.status >= 400)).toHaveLength(ineligibleCases(firm).length);
				expect(creates.filter((w) => w.status === 201)).toHaveLength(first.counts!.created);
			} finally {
				await stack.saAdmin.delete('/faults');
			}

			// SmartAdvocate answers again: the next run reads the failed case again and creates it, with its clients.
			const second = await syncOnce(SYNC.changed, copy);
			expect(rowOf(second.rows, target)).toMatchObject({ result: 'created', reason: '' });
			const held = (await caseStatusCases(stack)).get(String(target.caseId))!;
			expect(actualAttributes(held)).toEqual(expectedAttributes(firm, target));
			const names = (people: Array<{ firstName?: string; first_name?: string; lastName?: string; last_name?: string }>) =>
				people.map((p) => `${p.firstName ?? p.first_name} ${p.lastName ?? p.last_name}`).sort();
			expect(names(held.clients)).toEqual(names(target.clients));
		});
	});
}

for (const version of ALL_VERSION_KEYS) {
	const spec = N8N_VERSIONS[version];
	const title = `Nightly case sync template in n8n ${spec.n8nVersion} (Node ${spec.node})`;
	if (selected.includes(version)) describe(title, () => suite(version));
	else describe.skip(title, () => it('runs', () => undefined));
}
