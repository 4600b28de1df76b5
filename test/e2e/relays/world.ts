/**
 * What the relay e2e tests do to and read from the two simulators: people writing in each product
 * (a client or staff member in the Case Status app, a staff member in SmartAdvocate), and the
 * state the relays leave behind, read through the simulators' admin API.
 */
import crypto from 'node:crypto';
import { DateTime } from 'luxon';

import { N8nInstance, type N8nVersionKey, type RunData, type WorkflowJson } from '../harness';
import type { Stack } from '../support/stack';
import { readTemplate, startStack } from '../support/stack';

/** The three relay templates as shipped: the workflow IDs they carry, and the node type of their Get New and Confirm steps. */
export const RELAYS = {
	messages: { file: '02-case-status-messages-to-smartadvocate-notes.json', id: 'sacsMsgToNotes01', reader: 'n8n-nodes-smartadvocate-casestatus.caseStatus' },
	notes: { file: '03-smartadvocate-portal-notes-to-case-status.json', id: 'sacsNotesToMsg01', reader: 'n8n-nodes-smartadvocate-casestatus.smartAdvocate' },
	documents: { file: '04-case-status-documents-to-smartadvocate.json', id: 'sacsDocsToSa0001', reader: 'n8n-nodes-smartadvocate-casestatus.caseStatus' },
} as const;
export type RelayKey = keyof typeof RELAYS;

/** The node of a relay that reads what is new (the Get New step) and the one that confirms, by name. */
export const RELAY_STEPS = {
	messages: { getNew: 'Get new Case Status messages', fields: 'Note fields', write: 'Create SmartAdvocate note' },
	notes: { getNew: 'Get new client-portal notes', fields: 'Message fields', write: 'Send Case Status message' },
	documents: { getNew: 'Get new Case Status documents', fields: 'Document fields', write: 'Upload to SmartAdvocate' },
} as const;

/**
 * What a firm would edit in a template: the plain values of its fields (Set) node, and the Get New step's
 * options with their defaults (overlap, first-run look-back).
 */
export function templateSettings(workflow: WorkflowJson): Record<string, string | number> {
	const nodes = workflow.nodes as Array<{ name: string; parameters: Record<string, unknown> }>;
	const key = (Object.keys(RELAY_STEPS) as RelayKey[]).find((k) => nodes.some((n) => n.name === RELAY_STEPS[k].getNew));
	if (!key) throw new Error(`${String(workflow.name)}: no Get New step`);
	const fields = nodes.find((n) => n.name === RELAY_STEPS[key].fields)!;
	const assignments = (fields.parameters.assignments as { assignments: Array<{ name: string; value: string | number }> }).assignments;
	const plain = Object.fromEntries(assignments.filter((a) => !String(a.value).startsWith('=')).map((a) => [a.name, a.value]));
	const options = (nodes.find((n) => n.name === RELAY_STEPS[key].getNew)!.parameters.relayOptions ?? {}) as Record<string, number>;
	return { overlapMinutes: 15, firstRunLookBackHours: 24, ...options, ...plain };
}

/** Which of the shipped files: the template, or its variant for queue mode (workflows-templates/queue-mode/). */
export type RelayVariant = 'single' | 'queueMode';

/** A relay template byte for byte as shipped: successful runs are not saved (`saveDataSuccessExecution: "none"`). */
export function shippedRelayTemplate(key: RelayKey, variant: RelayVariant = 'single'): WorkflowJson {
	return readTemplate(variant === 'queueMode' ? `queue-mode/${RELAYS[key].file}` : RELAYS[key].file);
}

/**
 * A relay template as the tests import it: as shipped, except that n8n keeps its successful runs, because these
 * tests observe scheduled runs through n8n's executions list (a firm turns the same on to debug). What the shipped
 * setting does is proven in relayIdle.e2e.test.ts, which imports `shippedRelayTemplate`.
 */
export function relayTemplate(key: RelayKey, variant: RelayVariant = 'single'): WorkflowJson {
	const workflow = shippedRelayTemplate(key, variant);
	return { ...workflow, settings: { ...workflow.settings, saveDataSuccessExecution: 'all' } };
}

/** A relay whose schedule runs every `seconds` (a setting a firm may change); nothing else changed. */
export function scheduledEverySeconds(workflow: WorkflowJson, seconds: number): WorkflowJson {
	const nodes = (workflow.nodes as Array<{ type: string; parameters: Record<string, unknown> }>).map((n) =>
		n.type === 'n8n-nodes-base.scheduleTrigger' ? { ...n, parameters: { rule: { interval: [{ field: 'seconds', secondsInterval: seconds }] } } } : n,
	);
	return { ...workflow, nodes };
}

/**
 * The simulators and a running n8n (`n8n start`) with these workflows imported, published and active: how the
 * relay tests that watch scheduled runs begin. Whatever was started is stopped again if a step fails.
 */
export async function runPublished(version: N8nVersionKey, workflows: WorkflowJson[]): Promise<{ stack: Stack; n8n: N8nInstance }> {
	const stack = await startStack();
	let n8n: N8nInstance | undefined;
	let started = false;
	try {
		n8n = await N8nInstance.create(version);
		await n8n.importCredentials(stack.credentials);
		const ids = await n8n.importWorkflows(workflows);
		for (const id of ids) await n8n.publish(id);
		await n8n.start({ waitForActivation: ids });
		started = true;
		return { stack, n8n };
	} finally {
		if (!started) {
			await n8n?.dispose();
			await stack.close();
		}
	}
}

/** What a run's Confirm reported (its output), or undefined when Confirm did not run or failed. */
export interface ConfirmReport {
	relayed: number;
	notReachedHere: number;
	failed: Array<{ id: string; attempts: number; nextAttemptAt: string; lastError: string }>;
	needsPerson: Array<{ id: string; firstFailedAt: string; attempts: number; lastError: string }>;
	waitingInAll: number;
	needsPersonInAll: number;
	position: string | null;
	released: boolean;
}

export function confirmReport(run: RunData | undefined): ConfirmReport | undefined {
	const task = run?.data.resultData.runData['Confirm']?.[0];
	return task?.data?.main?.[0]?.[0]?.json as ConfirmReport | undefined;
}

/** What a relay keeps in the workflow's static data (see nodes/shared/relay/state.ts). */
export interface SavedRelayState {
	position?: string;
	waiting: Record<string, { attempts: number; lastError: string; firstFailedAt: string }>;
	needsPerson: Array<{ id: string; lastError: string }>;
}

export const RELAY_SLOTS: Record<RelayKey, string> = { messages: 'caseStatusMessages', notes: 'smartAdvocateNotes', documents: 'caseStatusDocuments' };

/** The items a run's Get New handed on (none when it was held out or found nothing). */
export function handedOn(run: RunData | undefined, key: RelayKey): Array<Record<string, unknown>> {
	const task = run?.data.resultData.runData[RELAY_STEPS[key].getNew]?.[0];
	return (task?.data?.main?.[0] ?? []).map((i) => i.json);
}

// ---------------------------------------------------------------------------------------------------------
// State of the simulators (admin API: GET /__admin/state)

export interface CsMessage {
	id: number;
	case_id: number;
	type: 'incoming' | 'outgoing';
	content: string;
	created_at: number;
	sender_id: number | null;
	sender_name: string | null;
	external_id: string | null;
}

export interface CsUser {
	id: number;
	first_name: string;
	last_name: string;
	email: string | null;
	role: string;
}

export interface CsState {
	messages: CsMessage[];
	users: CsUser[];
	cases: Array<{ id: number; integration_id: string | null; readable_id: string }>;
	files: Array<{ id: number; case_id: number; file_name: string }>;
}

export interface SaNote {
	noteID: number;
	caseID: number;
	noteTypeID: number;
	noteText: string;
	userID: number;
	subject: string;
	noteDate: string;
	createdDate: string;
	isSharedinCP: boolean;
}

export interface SaDocument {
	documentID: number;
	caseID: number;
	documentName: string;
	description: string;
	documentFolder: string;
	documentDate: string;
	contentType: string;
	fileSize: number;
	sha256: string;
}

export interface SaState {
	notes: SaNote[];
	documents: SaDocument[];
	noteTypes: Array<{ noteTypeID: number; noteTypeName: string }>;
	users: Array<{ userID: number; firstName: string; lastName: string; email: string }>;
}

export async function csState(stack: Stack): Promise<CsState> {
	return (await stack.csAdmin.get('/state')).data as CsState;
}

export async function saState(stack: Stack): Promise<SaState> {
	return (await stack.saAdmin.get('/state')).data as SaState;
}

export function noteTypeName(sa: SaState, noteTypeID: number): string | undefined {
	return sa.noteTypes.find((t) => t.noteTypeID === noteTypeID)?.noteTypeName;
}

/** The notes the message relay wrote for a Case Status message (its marker subject). */
export function relayedNotes(sa: SaState, messageId: number): SaNote[] {
	return sa.notes.filter((n) => n.subject === `Case Status message ${messageId}`);
}

/** The messages the note relay sent for a SmartAdvocate note (its External ID). */
export function relayedMessages(cs: CsState, noteId: number): CsMessage[] {
	return cs.messages.filter((m) => m.external_id === `sa-note:${noteId}`);
}

/** The documents the document relay filed for a Case Status file (its marker description). */
export function copiedDocuments(sa: SaState, fileId: number): SaDocument[] {
	return sa.documents.filter((d) => d.description === `Case Status file ${fileId}`);
}

/** Everything the relays could have written, as counts, to prove that a rerun wrote nothing. */
export async function writeCounts(stack: Stack): Promise<{ saNotes: number; saDocuments: number; csMessages: number }> {
	const [sa, cs] = await Promise.all([saState(stack), csState(stack)]);
	return { saNotes: sa.notes.length, saDocuments: sa.documents.length, csMessages: cs.messages.length };
}

// ---------------------------------------------------------------------------------------------------------
// People writing in the apps (admin API)

export interface PostedMessage {
	id: number;
	type: 'incoming' | 'outgoing';
	content: string;
	created_at: string;
	sender_name: string;
	integration_id: string | null;
	case_id: number;
	external_id: string | null;
}

/** A client (incoming) or staff member (outgoing) writes in the Case Status app. */
export async function postCsMessage(
	stack: Stack,
	message: {
		integrationId?: string;
		caseId?: number;
		content: string;
		direction: 'incoming' | 'outgoing';
		createdAt?: Date;
		externalId?: string;
		/** What the API shows as `type` (null: none): a message of missing or unknown type. */
		type?: string | null;
	},
): Promise<PostedMessage> {
	const res = await stack.csAdmin.post('/messages', {
		...(message.caseId ? { case_id: message.caseId } : { integration_id: message.integrationId }),
		content: message.content,
		direction: message.direction,
		...(message.createdAt ? { created_at: message.createdAt.toISOString() } : {}),
		...(message.externalId ? { external_id: message.externalId } : {}),
		...(message.type !== undefined ? { type: message.type } : {}),
	});
	return res.data as PostedMessage;
}

export interface PostedFile {
	id: number;
	file_name: string;
	content_type: string;
	created_at: string;
	case_integration_id: string;
}

/** A client shares a file in the Case Status app. */
export async function postCsFile(
	stack: Stack,
	file: { integrationId: string; fileName: string; bytes: Buffer; contentType: string; createdAt?: Date },
): Promise<PostedFile> {
	const res = await stack.csAdmin.post('/files', {
		integration_id: file.integrationId,
		file_name: file.fileName,
		content_base64: file.bytes.toString('base64'),
		content_type: file.contentType,
		uploaded_by: 'client',
		...(file.createdAt ? { created_at: file.createdAt.toISOString() } : {}),
	});
	return res.data as PostedFile;
}

/** A staff member writes a note in SmartAdvocate's own UI. */
export async function writeSaNote(
	stack: Stack,
	note: { caseID: number; noteTypeName: string; noteText: string; userID: number; isSharedinCP: boolean; subject?: string },
): Promise<SaNote & { noteTypeName: string }> {
	const res = await stack.saAdmin.post('/notes', note);
	return res.data as SaNote & { noteTypeName: string };
}

export async function saOutage(stack: Stack, on: boolean): Promise<void> {
	await stack.saAdmin.post('/outage', { on });
}

/** The next `count` calls to a SmartAdvocate route fail with `status`. */
export async function saFault(stack: Stack, fault: { route: string; method: string; status: number; count: number }): Promise<void> {
	await stack.saAdmin.post('/faults', fault);
}

export async function clearSaFaults(stack: Stack): Promise<void> {
	await stack.saAdmin.delete('/faults');
}

/** Requests the Case Status file host received (whether each carried an Authorization header). */
export async function fileHostRequests(stack: Stack): Promise<Array<{ method: string; path: string; status: number; hadAuthorization: boolean }>> {
	return (await stack.csAdmin.get('/file-host')).data.requests;
}

// ---------------------------------------------------------------------------------------------------------

/** How the message relay writes a message's time into the note: the workflow's time zone, to the minute. */
export function noteTime(iso: string, zone = 'America/New_York'): string {
	return DateTime.fromISO(iso).setZone(zone).toFormat("ccc, MMM d, yyyy 'at' h:mm a ZZZZ");
}

export function sha256(bytes: Buffer): string {
	return crypto.createHash('sha256').update(bytes).digest('hex');
}

/** Bytes that survive no text re-encoding: every byte value, then some randomness. */
export function binaryBytes(size: number, seed: string): Buffer {
	const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
	const rest = crypto.createHash('sha512').update(seed).digest();
	const out = Buffer.alloc(size);
	for (let i = 0; i < size; i++) out[i] = i < 256 ? all[i] : rest[i % rest.length] ^ (i & 0xff);
	return out;
}

/**
 * A case that exists only in Case Status (created through its API, as another integration or a person
 * would): with an Integration ID that is no SmartAdvocate case, or with none. Created once per stack.
 */
const csOnlyCases = new WeakMap<Stack, Promise<{ foreignIntegrationId: string; withoutIntegrationId: number }>>();
export function csOnlyCase(stack: Stack): Promise<{ foreignIntegrationId: string; withoutIntegrationId: number }> {
	let pending = csOnlyCases.get(stack);
	if (!pending) {
		const key = stack.credentials.find((c) => c.type === 'caseStatusApi')!.data.apiKey as string;
		const create = async (body: Record<string, unknown>) =>
			(
				await stack.csAdmin.post(`${stack.caseStatus.api.url}/v1/api/cases`, body, {
					baseURL: '',
					headers: { Authorization: `ApiKey ${key}` },
				})
			).data as { id: number; integration_id: string | null };
		const base = {
			practice_area: 'Motor Vehicle Accident',
			primary_attorney_email: 'marcus.bell@hartwellmendez.com',
		};
		pending = (async () => {
			const foreign = await create({
				...base,
				readable_id: 'EXT-0001',
				integration_id: '990001',
				clients: [{ first_name: 'Nora', last_name: 'Quist', cell_phone: '(555) 404-0401' }],
			});
			const none = await create({
				...base,
				readable_id: 'EXT-0002',
				clients: [{ first_name: 'Omar', last_name: 'Reyes', cell_phone: '(555) 404-0402' }],
			});
			return { foreignIntegrationId: foreign.integration_id!, withoutIntegrationId: none.id };
		})();
		csOnlyCases.set(stack, pending);
	}
	return pending;
}

/** Moves both simulators' clocks (every new timestamp, token expiry) by `offsetMs` from real time; 0 puts them back. */
export async function shiftClocks(stack: Stack, offsetMs: number): Promise<void> {
	await Promise.all([stack.saAdmin.post('/clock', { offsetMs }), stack.csAdmin.post('/clock', { offsetMs })]);
}

/** Someone opens a case in SmartAdvocate (with a chosen case ID). */
export async function openSaCase(stack: Stack, caseID: number): Promise<void> {
	await stack.saAdmin.post('/cases', { caseID, caseNumber: `LATE-${caseID}`, caseName: `Late case ${caseID}` });
}

/** A case is created in Case Status through its API (as the nightly sync would), for a SmartAdvocate case ID. */
export async function openCsCase(stack: Stack, integrationId: string, readableId: string): Promise<number> {
	const key = stack.credentials.find((c) => c.type === 'caseStatusApi')!.data.apiKey as string;
	const res = await stack.csAdmin.post(
		`${stack.caseStatus.api.url}/v1/api/cases`,
		{
			readable_id: readableId,
			integration_id: integrationId,
			practice_area: 'Motor Vehicle Accident',
			primary_attorney_email: 'marcus.bell@hartwellmendez.com',
			clients: [{ first_name: 'Lena', last_name: 'Ortiz', cell_phone: '(555) 404-0499' }],
		},
		{ baseURL: '', headers: { Authorization: `ApiKey ${key}` } },
	);
	return (res.data as { id: number }).id;
}

/** A Case Status case whose Integration ID names a SmartAdvocate case that does not exist yet. */
export async function csCaseAheadOfSmartAdvocate(stack: Stack, caseID: number): Promise<void> {
	await openCsCase(stack, String(caseID), `AHEAD-${caseID}`);
}

/** The next calls to a route (any method) take `ms` longer; no argument: back to normal. */
export async function slowDown(stack: Stack, service: 'sa' | 'cs', latency?: { ms: number; route: string }): Promise<void> {
	await (service === 'sa' ? stack.saAdmin : stack.csAdmin).post('/latency', latency ?? { ms: 0 });
}

