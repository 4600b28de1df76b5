/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node, never in n8n (eslint.dev.config.mjs) */
/**
 * What the nightly-sync e2e test reads and changes: the template's report (from the run data), Case Status
 * as the simulator holds it (through its API and request log), what Case Status should hold for a firm case
 * (computed from the firm model, not from the template), SmartAdvocate edits made as staff would make them,
 * and the "Sync Now" form submitted over HTTP.
 */
import fs from 'node:fs';
import path from 'node:path';

import type { AxiosInstance } from 'axios';
import axios from 'axios';

import { caseStatusEligibility, primaryAttorneyOf, stageOfStatus, type IneligibleReason } from '../../../simulators/shared/eligibility';
import type { FirmCase, FirmModel } from '../../../simulators/shared/firm';
import { isValidUsCellPhone } from '../../../simulators/shared/phone';
import { nodeItems, waitFor, type ExecutionSummary, type N8nInstance, type RunData, type WorkflowJson } from '../harness';
import type { Stack } from '../support/stack';

export const TEMPLATE_FILE = '01-nightly-case-sync.json';

/** Node names the test relies on (a rename in the template must be made here too). */
export const NODES = {
	schedule: 'Nightly Sync at 8 PM',
	form: 'Sync Now',
	maps: 'Practice Area and Stage Maps',
	/** Calls "Decide What to Sync" in a short execution of its own; its output (`run`) is what the run decided. */
	recall: 'Read What Is Remembered',
	/** Decides what to read, and records each run's results; only ever in a short execution of its own. */
	decide: 'Decide What to Sync',
	byNumber: 'Get SmartAdvocate Cases by Number',
	changed: 'Get Changed SmartAdvocate Cases',
	cut: 'Cut Into Slices',
	syncEachSlice: 'Sync Each Slice',
	sliceTrigger: 'When Called by This Workflow',
	isSlice: 'A Slice of Cases?',
	casesOfSlice: 'Cases of This Slice',
	getClients: 'Get Clients',
	build: 'Build Case Status Fields',
	upsert: 'Create or Update in Case Status',
	/** One item: the totals, the rows (`rows`), the form's page (`html`) and the CSV file (binary `data`). */
	report: 'Build the Report',
	remember: 'Remember This Run',
	fromForm: 'Started From the Form?',
	showResult: 'Show the Result',
} as const;

/**
 * How the report should list a case Case Status refuses, worked out from the firm model (not from the template or
 * the node): the heading it is listed under, the stable code, and what staff are told to do about this very case.
 */
export function expectedFailure(firm: FirmModel, firmCase: FirmCase, reason: IneligibleReason): Pick<ReportRow, 'reason' | 'reasonCode' | 'whatToDo'> {
	switch (reason) {
		case 'primary-attorney-not-in-case-status':
			return { reason: 'Attorney not in Case Status', reasonCode: 'attorneyNotFound', whatToDo: `Attorney ${primaryAttorneyOf(firm, firmCase)!.email} has no Case Status user: invite them` };
		case 'client-cell-phone-invalid': {
			const phone = firmCase.clients.find((client) => !isValidUsCellPhone(client.cellPhone))?.cellPhone ?? '';
			return { reason: 'Invalid client cell phone', reasonCode: 'cellPhoneInvalid', whatToDo: `Client cell phone '${phone}' is invalid: fix it in SmartAdvocate` };
		}
		case 'practice-area-not-in-case-status':
			// The template's practice area map leaves these names as SmartAdvocate has them.
			return { reason: 'Practice area not mapped', reasonCode: 'practiceAreaNotMapped', whatToDo: `Practice area '${firm.practiceAreas[firmCase.practiceArea].caseType}' is not mapped: add it to the practice area map` };
		case 'stage-not-in-case-status':
			return { reason: 'Stage not mapped', reasonCode: 'stageNotMapped', whatToDo: `Stage '${stageOfStatus(firm, firmCase.status)!.name}' is not mapped: add it to the stage map` };
	}
}

export interface ReportRow {
	caseNumber: string;
	caseName: string;
	result: 'created' | 'updated' | 'unchanged' | 'failed' | 'wouldCreate' | 'wouldUpdate' | 'wouldFail';
	changedFields: string;
	/** Field by field, `field: "from" → "to"; …` (updates and previews). */
	changes: string;
	/** The heading the case is listed under (the node's reasonLabel, or the template's own for what the node cannot see). */
	reason: string;
	/** Stable: the node's reasonCode, or sliceFailed, notRead, otherError. */
	reasonCode: string;
	/** What staff should do about this case. */
	whatToDo: string;
	detail: string;
	/** 'yes' for a case that failed for the first time in this run, 'no' for one that failed before. */
	newFailure: '' | 'yes' | 'no';
	/** When the case first failed (ISO), for a failed row; it is retried on every run until it succeeds. */
	failingSince: string;
	/** Staff on the case that Case Status does not know (left off the case), comma-separated. */
	toInvite: string;
	smartAdvocateCaseId: string;
}

export interface ReportCounts {
	syncMode: 'all' | 'changed' | 'one';
	casesRead: number;
	created: number;
	updated: number;
	unchanged: number;
	failed: number;
	/** Heading → number of cases under it. */
	failureReasons: Record<string, number>;
	failingFromEarlierRuns: number;
	newFailures: number;
	staffToInvite: string[];
	summary: string;
	html: string;
	rows: ReportRow[];
}

/** The run's report: one row per case attempted, the totals, and the nodes that ran. */
export function reportOf(run: RunData): { rows: ReportRow[]; counts?: ReportCounts; ran: string[] } {
	const ran = Object.keys(run.data.resultData.runData);
	if (!ran.includes(NODES.report)) return { rows: [], ran };
	const counts = nodeItems(run, NODES.report)[0] as unknown as ReportCounts;
	return { rows: counts.rows, counts, ran };
}

/** What "Decide What to Sync" decided for the run (handed back by "Read What Is Remembered"): mode, preview, runStartedAt, failedBefore… */
export interface RunDecision {
	mode: 'all' | 'changed' | 'one';
	preview: boolean;
	record: boolean;
	runStartedAt: string;
	modifiedFrom: string;
	failedBefore: Record<string, { caseNumber: string; caseName: string; reason: string; since: string; lastTriedAt?: string }>;
}
export const decisionOf = (run: RunData) => nodeItems(run, NODES.recall)[0].run as unknown as RunDecision;

export const changed = (row: ReportRow | undefined) => (row?.changedFields ? row.changedFields.split(', ') : []);

// ---------------------------------------------------------------------------------------------------------
// Case Status, as the simulator holds it

interface CsPersonView {
	email: string | null;
}
export interface CsCaseView {
	id: number;
	readable_id: string;
	integration_id: string | null;
	description: string;
	practice_area: { name: string };
	stage: { name: string } | null;
	case_date: string | null;
	closed_at: string | null;
	primary_attorney: CsPersonView | null;
	attorneys: CsPersonView[];
	paralegals: CsPersonView[];
	clients: Array<{ first_name: string; last_name: string; email: string | null; cell_phone: string | null }>;
	updated_at: string;
}

function caseStatusApi(stack: Stack): AxiosInstance {
	return axios.create({ baseURL: `${stack.caseStatus.api.url}/v1/api`, headers: { Authorization: `ApiKey ${stack.firm.caseStatusApiKey}` } });
}

/** Every case in Case Status, keyed by integration ID. */
export async function caseStatusCases(stack: Stack): Promise<Map<string, CsCaseView>> {
	const api = caseStatusApi(stack);
	const out = new Map<string, CsCaseView>();
	for (let page = 1; ; page++) {
		const { data } = await api.get<CsCaseView[]>('/cases', { params: { 'page[number]': page, size: 100 } });
		for (const c of data) out.set(String(c.integration_id), c);
		if (data.length < 100) return out;
	}
}

export interface LoggedCall {
	method: string;
	path: string;
	status: number;
}

/** Calls the Case Status simulator logged since the log was last cleared, writes only (not GET). */
export async function caseStatusWrites(stack: Stack): Promise<LoggedCall[]> {
	const { data } = await stack.csAdmin.get<LoggedCall[]>('/requests');
	return data.filter((r) => r.method !== 'GET' && r.method !== 'HEAD').map(({ method, path, status }) => ({ method, path, status }));
}

export async function clearRequestLogs(stack: Stack): Promise<void> {
	await stack.csAdmin.delete('/requests');
	await stack.saAdmin.delete('/requests');
}

// ---------------------------------------------------------------------------------------------------------
// What Case Status should hold for a firm case (from the firm model, independently of the template)

export interface CaseAttributes {
	readableId: string;
	description: string;
	practiceArea: string;
	stage: string | null;
	caseDate: string | null;
	primaryAttorney: string | null;
	additionalAttorneys: string[];
	paralegals: string[];
	closed: boolean;
}

const sorted = (emails: Array<string | null | undefined>) => emails.filter((e): e is string => !!e).map((e) => e.toLowerCase()).sort();

export function expectedAttributes(firm: FirmModel, firmCase: FirmCase): CaseAttributes {
	const staffOf = (pick: (role: string) => boolean) =>
		sorted(
			firmCase.staff
				.filter((s) => pick(s.role))
				.map((s) => firm.staff.find((p) => p.userId === s.userId))
				.filter((p) => p?.inCaseStatus) // Case Status leaves out people it does not know
				.map((p) => p!.email),
		);
	return {
		readableId: firmCase.caseNumber,
		description: firmCase.caseName,
		practiceArea: firm.practiceAreas[firmCase.practiceArea].csName,
		stage: stageOfStatus(firm, firmCase.status)?.name ?? null,
		caseDate: (firmCase.incidentDate ?? firmCase.openedDate).slice(0, 10),
		primaryAttorney: staffOf((role) => role === 'Primary Attorney')[0] ?? null,
		additionalAttorneys: staffOf((role) => role !== 'Primary Attorney' && role.includes('Attorney')),
		paralegals: staffOf((role) => role.includes('Paralegal') || role === 'Case Manager'),
		closed: firmCase.closed,
	};
}

export function actualAttributes(c: CsCaseView): CaseAttributes {
	return {
		readableId: c.readable_id,
		description: c.description,
		practiceArea: c.practice_area.name,
		stage: c.stage?.name ?? null,
		caseDate: c.case_date,
		primaryAttorney: c.primary_attorney?.email?.toLowerCase() ?? null,
		additionalAttorneys: sorted(c.attorneys.map((p) => p.email)),
		paralegals: sorted(c.paralegals.map((p) => p.email)),
		closed: c.closed_at !== null,
	};
}

/** Additional attorneys and paralegals of a case that Case Status does not know (the firm has to invite them). */
export function staffToInvite(firm: FirmModel, firmCase: FirmCase): string[] {
	return sorted(
		firmCase.staff
			.filter((s) => s.role !== 'Primary Attorney')
			.map((s) => firm.staff.find((p) => p.userId === s.userId))
			.filter((p) => p && !p.inCaseStatus)
			.map((p) => p!.email),
	);
}

export const eligibleCases = (firm: FirmModel) => firm.cases.filter((c) => caseStatusEligibility(firm, c) === null);
export const ineligibleCases = (firm: FirmModel) =>
	firm.cases.map((c) => ({ firmCase: c, reason: caseStatusEligibility(firm, c) })).filter((x): x is { firmCase: FirmCase; reason: IneligibleReason } => x.reason !== null);

// ---------------------------------------------------------------------------------------------------------
// SmartAdvocate, edited as staff would in its own UI

/** Changes a SmartAdvocate case the way a staff member would in SmartAdvocate (the simulator's admin API). */
export async function editSmartAdvocateCase(stack: Stack, caseId: number, changes: Record<string, unknown>): Promise<void> {
	await stack.saAdmin.post(`/cases/${caseId}`, changes);
}

/** Staff of a firm case as the SA admin API takes it, with one person swapped for another in the same role. */
export function staffWithSwap(firmCase: FirmCase, fromUserId: number, toUserId: number) {
	return firmCase.staff.map((s) => ({ userID: s.userId === fromUserId ? toUserId : s.userId, role: s.role }));
}

// ---------------------------------------------------------------------------------------------------------
// The "Sync Now" form

/** The Sync Now form's path (`/form/<path>`), as the template sets it. */
export function formPath(template: WorkflowJson): string {
	const node = (template.nodes as Array<{ name: string; parameters: { options?: { path?: string } }; webhookId?: string }>).find((n) => n.name === NODES.form);
	if (!node) throw new Error(`the template has no "${NODES.form}" node`);
	return node.parameters.options?.path || node.webhookId!;
}

/**
 * Submits the form as a browser does: multipart/form-data with one `field-<index>` per form field in
 * the order the node lists them (n8n 1.x and 2.x alike). Returns the HTTP status.
 */
export async function submitSyncNowForm(baseUrl: string, path: string, values: string[]): Promise<{ status: number; body: string }> {
	const form = new FormData();
	values.forEach((value, index) => form.append(`field-${index}`, value));
	const res = await fetch(`${baseUrl}/form/${path}`, { method: 'POST', body: form });
	return { status: res.status, body: await res.text() };
}

// ---------------------------------------------------------------------------------------------------------
// Files the run produced

export interface BinaryRef {
	data: string;
	id?: string;
	fileName?: string;
	mimeType?: string;
}

/**
 * The text of a binary item in run data: inline base64 (n8n 1.x default) or a file in the instance's
 * binary-data folder (n8n 2.x default, `filesystem-v2:<path>`, under `.n8n/storage`; 1.x used `.n8n/binaryData`).
 */
export function binaryText(userFolder: string, binary: BinaryRef): string {
	const stored = /^filesystem(?:-v2)?:(.+)$/.exec(binary.id ?? '');
	let bytes: Buffer;
	if (stored) {
		const candidates = ['storage', 'binaryData'].map((dir) => path.join(userFolder, '.n8n', dir, stored[1]));
		const file = candidates.find((f) => fs.existsSync(f));
		if (!file) throw new Error(`binary data ${binary.id} is in none of ${candidates.join(', ')}`);
		bytes = fs.readFileSync(file);
	} else {
		bytes = Buffer.from(binary.data, 'base64');
	}
	return bytes.toString('utf8').replace(/^\uFEFF/, '');
}

// ---------------------------------------------------------------------------------------------------------
// The Sync Now form's result page (as a browser goes through it)

/**
 * Submits the Sync Now form and follows it as a browser does: the POST answers with the waiting page's URL,
 * the page polls `<url>/n8n-execution-status` until the run reaches the form's last page, shows it (GET),
 * and then posts back, which ends the execution. Returns the page's HTML.
 */
export async function submitAndReadResult(baseUrl: string, formPath: string, values: string[], timeoutMs = 180_000): Promise<{ html: string; waitingUrl: string }> {
	const submitted = await submitSyncNowForm(baseUrl, formPath, values);
	if (submitted.status !== 200) throw new Error(`the form answered ${submitted.status}: ${submitted.body}`);
	const waitingUrl = (JSON.parse(submitted.body) as { formWaitingUrl?: string }).formWaitingUrl;
	if (!waitingUrl) throw new Error(`the form did not send a waiting page: ${submitted.body}`);
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		// A loaded machine sometimes drops a poll; the browser's page simply polls again, and so does this.
		const status = await fetch(`${waitingUrl}/n8n-execution-status`).then(async (res) => (await res.text()).trim(), () => 'unreachable');
		if (status === 'form-waiting') break;
		if (['canceled', 'crashed', 'error', 'success', 'null'].includes(status)) throw new Error(`the run ended "${status}" before its result page`);
		if (Date.now() > deadline) throw new Error(`no result page within ${timeoutMs} ms (status "${status}")`);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	const html = await (await fetch(waitingUrl)).text();
	await fetch(waitingUrl, { method: 'POST', body: '{}' });
	return { html, waitingUrl };
}

/** The form's "What to sync" choices. */
export const SYNC = { all: 'All cases', one: 'One case', changed: 'Cases changed since the last run' } as const;

/** A run of the template, with the executions of its slices (the nodes that write to Case Status run there). */
export interface SyncRun {
	run: RunData;
	slices: RunData[];
	html: string;
}

/** An execution as n8n saved it, once it has ended (public API, with its data). */
async function endedExecution(n8n: N8nInstance, executionId: string): Promise<ExecutionSummary> {
	return await waitFor(
		async () => {
			const execution = await n8n.api<ExecutionSummary>('GET', `/executions/${executionId}?includeData=true`);
			return execution.stoppedAt && !['new', 'running', 'waiting'].includes(String(execution.status)) ? execution : undefined;
		},
		{ timeoutMs: 60_000, intervalMs: 300, message: `execution ${executionId} to end`, describe: () => n8n.logTail() },
	);
}

/**
 * Syncs from the "Sync Now" form as staff do (n8n running, the workflow published), reads the result page, and
 * returns the execution and its slices' executions as n8n saved them. Throws unless all of them succeeded (the slices
 * may fail with `allowFailedSlices`).
 */
export async function syncFromForm(n8n: N8nInstance, path: string, values: string[], { allowFailedSlices = false } = {}): Promise<SyncRun> {
	const { html, waitingUrl } = await submitAndReadResult(n8n.baseUrl, path, values, 300_000);
	const executionId = /\/form-waiting\/([^/?#]+)/.exec(waitingUrl)?.[1];
	if (!executionId) throw new Error(`no execution ID in the waiting page's address ${waitingUrl}`);
	const execution = await endedExecution(n8n, executionId);
	if (execution.status !== 'success') throw new Error(`the sync ended "${execution.status}": ${JSON.stringify(execution.data?.resultData.error ?? null)}`);
	const run = execution as unknown as RunData;
	const slices: RunData[] = [];
	for (const id of sliceExecutionIds(run)) {
		const slice = await endedExecution(n8n, id);
		if (slice.status !== 'success' && !allowFailedSlices) throw new Error(`slice execution ${id} ended "${slice.status}": ${JSON.stringify(slice.data?.resultData.error ?? null)}`);
		slices.push(slice as unknown as RunData);
	}
	return { run, slices, html };
}

/** The executions "Sync Each Slice" started, in order: n8n puts each one's ID on the rows it returned. */
export function sliceExecutionIds(run: RunData): string[] {
	const rows = (run.data.resultData.runData[NODES.syncEachSlice]?.[0]?.data?.main?.[0] ?? []) as Array<{ metadata?: { subExecution?: { executionId?: string } } }>;
	return [...new Set(rows.map((row) => row.metadata?.subExecution?.executionId).filter((id): id is string => id !== undefined).map(String))];
}

/** A node's output items over every slice it ran in, in slice order. */
export function sliceItems(slices: RunData[], nodeName: string): Array<Record<string, unknown>> {
	return slices.flatMap((slice) =>
		(slice.data.resultData.runData[nodeName] ?? []).flatMap((_, runIndex) => nodeItems(slice, nodeName, { runIndex })),
	);
}

/** The report page's failures as staff read them: each heading ("Stage not mapped (2)") → the lines listed under it. */
export function failureGroups(html: string): Map<string, string[]> {
	const groups = new Map<string, string[]>();
	for (const [, heading, count, list] of html.matchAll(/<b>([^<]*)<\/b> \((\d+)\):<ul>([\s\S]*?)<\/ul>/g)) {
		groups.set(`${pageText(heading).trim()} (${count})`, [...list.matchAll(/<li>([\s\S]*?)<\/li>/g)].map(([, line]) => pageText(line).trim()));
	}
	return groups;
}

/** The visible text of a page, tags removed and entities of the usual kind decoded. */
export function pageText(html: string): string {
	return html
		.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, ' ')
		.replace(/<[^>]+>/g, ' ')
		.replace(/&quot;/g, '"').replace(/&#39;|&#x27;/g, "'").replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&amp;/g, '&')
		.replace(/\s+/g, ' ');
}
