/**
 * What the relay e2e tests do to and read from the two simulators: people writing in each product
 * (a client or staff member in the Case Status app, a staff member in SmartAdvocate), and the
 * state the relays leave behind, read through the simulators' admin API.
 */
import crypto from 'node:crypto';
import { DateTime } from 'luxon';

import type { RunData, WorkflowJson } from '../harness';
import { nodeItems } from '../harness';
import type { Stack } from '../support/stack';
import { readTemplate } from '../support/stack';

/** The three relay templates as shipped: the workflow IDs they carry, and the node type that writes (and holds the run lease). */
export const RELAYS = {
	messages: { file: '02-case-status-messages-to-smartadvocate-notes.json', id: 'sacsMsgToNotes01', writer: 'n8n-nodes-smartadvocate-casestatus.smartAdvocate' },
	notes: { file: '03-smartadvocate-portal-notes-to-case-status.json', id: 'sacsNotesToMsg01', writer: 'n8n-nodes-smartadvocate-casestatus.caseStatus' },
	documents: { file: '04-case-status-documents-to-smartadvocate.json', id: 'sacsDocsToSa0001', writer: 'n8n-nodes-smartadvocate-casestatus.smartAdvocate' },
} as const;
export type RelayKey = keyof typeof RELAYS;

/** The values of a template's "Settings" node (what a firm would edit), read from the shipped file. */
export function templateSettings(workflow: WorkflowJson): Record<string, string | number> {
	const node = (workflow.nodes as Array<{ name: string; parameters: Record<string, unknown> }>).find((n) => n.name === 'Settings');
	if (!node) throw new Error(`${workflow.name}: no "Settings" node`);
	const assignments = (node.parameters.assignments as { assignments: Array<{ name: string; value: string | number }> }).assignments;
	return Object.fromEntries(assignments.map((a) => [a.name, a.value]));
}

export function relayTemplate(key: RelayKey): WorkflowJson {
	return readTemplate(RELAYS[key].file);
}

/** The checkpoint a successful relay run saved (its "Save checkpoint" output), or undefined. */
export function savedCheckpoint(run: RunData | undefined): string | undefined {
	if (!run?.data.resultData.runData['Save checkpoint']) return undefined;
	return nodeItems(run, 'Save checkpoint')[0]?.checkpoint as string | undefined;
}

/** The checkpoint a run started from (its "Read checkpoint" output). */
export function readCheckpoint(run: RunData | undefined): { checkpoint: string; readFrom: string; runStartedAt: string } {
	return nodeItems(run, 'Read checkpoint')[0] as { checkpoint: string; readFrom: string; runStartedAt: string };
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

/** What a run left waiting for its case (its "Waiting for their … case" node). */
export function waitingIn(run: RunData | undefined, nodeName: string): Array<Record<string, unknown>> {
	return (nodeItems(run, nodeName)[0]?.waiting ?? []) as Array<Record<string, unknown>>;
}

/**
 * A shipped relay as a firm sets it up for queue mode: the three Redis nodes of its Redis lease enabled (with a
 * "Redis account" credential), imported under its own ID so it keeps its own checkpoint and lease key.
 */
export function guardedRelay(key: RelayKey, id: string): WorkflowJson {
	const workflow = relayTemplate(key);
	const nodes = (workflow.nodes as Array<{ type: string; disabled?: boolean }>).map((n) =>
		n.type === 'n8n-nodes-base.redis' ? { ...n, disabled: false } : n,
	);
	return { ...workflow, nodes, id, name: `${String(workflow.name)} (Redis lease)` };
}

/** The next calls to a route (any method) take `ms` longer; no argument: back to normal. */
export async function slowDown(stack: Stack, service: 'sa' | 'cs', latency?: { ms: number; route: string }): Promise<void> {
	await (service === 'sa' ? stack.saAdmin : stack.csAdmin).post('/latency', latency ?? { ms: 0 });
}
