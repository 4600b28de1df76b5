/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node, never in n8n (eslint.dev.config.mjs) */
/**
 * The three relay templates, imported as shipped (but keeping their successful runs, see relayTemplate) into a
 * REAL n8n (2.41.1 on Node 24 and 1.123.81 on Node 20), against both simulators. Assertions are on the simulators' state:
 * - message relay: client and staff messages → SmartAdvocate notes with the right types, sender and time; once;
 * - note relay: a Plaintiff note shared in the client portal → one Case Status message (clean text, author as
 *   sender); other notes ignored; no echo back into SmartAdvocate;
 * - SmartAdvocate outage, then one write answered with HTTP 500: the runs fail visibly, nothing stalls, the failed
 *   message lands with the next run, every message exactly once;
 * - an item SmartAdvocate refuses for good: retried with back-off, then given up visibly ("needs a person");
 * - document relay: client files → SmartAdvocate "Case Documents", byte-identical, once;
 * - a running `n8n start` with the two message relays published relays on its own;
 * - overlapping runs in ONE n8n are in relayOverlap.e2e.test.ts, queue mode in queueMode.e2e.test.ts.
 *
 * One n8n instance per version is shared by the scenarios (each scenario uses its own cases).
 * Needs: `npm run build` and `node scripts/install-n8n.mjs`.
 * Run:   npx jest --selectProjects e2e --runInBand test/e2e/relays.e2e.test.ts   (one version: SACS_E2E_VERSIONS=2)
 */
import fs from 'node:fs';
import path from 'node:path';

import {
	ALL_VERSION_KEYS,
	expectSuccess,
	installedN8n,
	N8N_VERSIONS,
	N8nInstance,
	packageTypes,
	selectedVersionKeys,
	waitFor,
	type ExecuteResult,
	type N8nVersionKey,
	type RunData,
} from './harness';
import {
	binaryBytes,
	clearSaFaults,
	confirmReport,
	copiedDocuments,
	csOnlyCase,
	csState,
	fileHostRequests,
	csCaseAheadOfSmartAdvocate,
	handedOn,
	noteTime,
	noteTypeName,
	openCsCase,
	openSaCase,
	postCsFile,
	postCsMessage,
	RELAY_SLOTS,
	RELAY_STEPS,
	RELAYS,
	relayedMessages,
	relayedNotes,
	relayTemplate,
	saFault,
	saOutage,
	saState,
	sha256,
	shiftClocks,
	shippedRelayTemplate,
	templateSettings,
	writeCounts,
	writeSaNote,
	type PostedFile,
	type PostedMessage,
	type RelayKey,
	type SavedRelayState,
} from './relays/world';
import { CASESTATUS_CREDENTIAL_NAME, SMARTADVOCATE_CREDENTIAL_NAME, startStack, TEMPLATES_DIR, type Stack } from './support/stack';

const selected = selectedVersionKeys();
const HOUR = 3_600_000;
const PACKAGE = packageTypes().name;
const MINUTE = 60_000;

// ---------------------------------------------------------------------------------------------------------
// The shipped files themselves (no n8n needed)

describe('relay templates as shipped', () => {
	const keys = Object.keys(RELAYS) as RelayKey[];

	const variants = keys.flatMap((key) => (['single', 'queueMode'] as const).map((variant) => [key, variant] as const));

	it.each(variants)('%s (%s): importable shape, stable IDs, credentials by name, allowed node types', (key, variant) => {
		const wf = JSON.parse(fs.readFileSync(path.join(TEMPLATES_DIR, variant === 'queueMode' ? 'queue-mode' : '', RELAYS[key].file), 'utf8'));
		expect(wf.id).toBe(variant === 'single' ? RELAYS[key].id : `${RELAYS[key].id.slice(0, -2)}QM`);
		expect(wf.id.length).toBeLessThanOrEqual(16);
		expect(wf.active).toBe(false);
		expect(wf.pinData).toBeUndefined();
		expect(wf.meta?.instanceId).toBeUndefined();
		expect(wf.settings).toMatchObject({ executionOrder: 'v1', timezone: 'America/New_York' });
		// Quiet when idle (issue 19): successful runs are not saved, failed ones are (relayIdle.e2e.test.ts).
		expect(wf.settings).toMatchObject({ saveDataSuccessExecution: 'none', saveDataErrorExecution: 'all' });

		const nodes = wf.nodes as Array<{ id: string; name: string; type: string; typeVersion: number; credentials?: Record<string, { id: unknown; name: string }> }>;
		expect(new Set(nodes.map((n) => n.id)).size).toBe(nodes.length);
		expect(new Set(nodes.map((n) => n.name)).size).toBe(nodes.length);
		for (const node of nodes) {
			expect(node.type.startsWith('n8n-nodes-base.') || node.type.startsWith(`${PACKAGE}.`)).toBe(true);
			for (const [type, ref] of Object.entries(node.credentials ?? {})) {
				expect(ref).toEqual({
					id: null,
					name: { smartAdvocateApi: SMARTADVOCATE_CREDENTIAL_NAME, caseStatusApi: CASESTATUS_CREDENTIAL_NAME, redis: 'Redis account' }[type],
				});
			}
		}
		const types = new Set(nodes.map((n) => n.type));
		expect([...types]).toEqual(expect.arrayContaining(['n8n-nodes-base.manualTrigger', 'n8n-nodes-base.scheduleTrigger', 'n8n-nodes-base.stickyNote']));
		// The canvas shows the business flow (issue 19): at most 12 nodes besides stickies, no Code node doing
		// the machinery (none at all here), nothing disabled, short stickies.
		const steps = nodes.filter((n) => n.type !== 'n8n-nodes-base.stickyNote') as Array<{ name: string; type: string; disabled?: boolean }>;
		expect(steps.length).toBeLessThanOrEqual(12);
		expect(steps.filter((n) => n.type === 'n8n-nodes-base.code')).toEqual([]);
		expect(steps.filter((n) => n.disabled)).toEqual([]);
		const stickies = nodes.filter((n) => n.type === 'n8n-nodes-base.stickyNote') as unknown as Array<{ name: string; parameters: { content: string } }>;
		for (const note of stickies) {
			expect([note.name, note.parameters.content.length]).toEqual([note.name, expect.any(Number)]);
			expect(note.parameters.content.length).toBeLessThan(note.name === 'Sticky Note: Overview' ? 2500 : 600);
		}
		// n8n's template guidelines: the overview is the yellow sticky note (color 1, the default).
		const overview = nodes.find((n) => n.name === 'Sticky Note: Overview') as { parameters: { color?: number; content: string } } | undefined;
		expect(overview?.parameters.color ?? 1).toBe(1);
		expect(overview?.parameters.content).toMatch(/How it works[\s\S]*Setup steps[\s\S]*How to customise/);

		// Every connection points at a node that exists.
		const names = new Set(nodes.map((n) => n.name));
		for (const [from, outputs] of Object.entries(wf.connections as Record<string, { main: Array<Array<{ node: string }>> }>)) {
			expect(names.has(from)).toBe(true);
			for (const target of outputs.main.flat()) expect(names.has(target.node)).toBe(true);
		}
		// when → Get New → skip (If) → fields → write (continues on error) → Confirm; the skipped branch to Confirm too.
		const byName = (name: string) => nodes.find((n) => n.name === name) as unknown as { type: string; onError?: string; parameters: Record<string, unknown> };
		const { getNew, write } = RELAY_STEPS[key];
		expect(byName(getNew)).toMatchObject({ type: RELAYS[key].reader, parameters: { resource: 'relay' } });
		expect(byName('Confirm')).toMatchObject({ type: RELAYS[key].reader, parameters: { resource: 'relay', operation: 'confirm' } });
		expect(String(byName('Confirm').parameters.itemId)).toContain(`$('${getNew}').item.json.`);
		expect(byName(write).onError).toBe('continueRegularOutput');
		const into = (target: string) =>
			Object.entries(wf.connections as Record<string, { main: Array<Array<{ node: string }>> }>).flatMap(([from, outputs]) =>
				outputs.main.flatMap((targets, output) => targets.filter((t) => t.node === target).map(() => [from, output])),
			);
		const skip = (wf.connections[getNew].main[0] as Array<{ node: string }>)[0].node;
		expect(byName(skip).type).toBe('n8n-nodes-base.if');
		expect(into('Confirm').sort()).toEqual([[skip, 1], [write, 0]].sort());
	});

	it.each(ALL_VERSION_KEYS)('every n8n-nodes-base node exists at its typeVersion in the installed n8n %s host', (version) => {
		let hostDir: string;
		try {
			hostDir = installedN8n(version).hostDir;
		} catch {
			return; // not installed here: the e2e suites below say so
		}
		const described = JSON.parse(fs.readFileSync(path.join(hostDir, 'node_modules', 'n8n-nodes-base', 'dist', 'types', 'nodes.json'), 'utf8')) as Array<{
			name: string;
			version: number | number[];
		}>;
		const versions = (name: string) => described.filter((d) => d.name === name).flatMap((d) => [d.version].flat());
		for (const [key, variant] of variants) {
			for (const node of shippedRelayTemplate(key, variant).nodes as Array<{ name: string; type: string; typeVersion: number }>) {
				if (!node.type.startsWith('n8n-nodes-base.')) continue;
				expect({ node: node.name, versions: versions(node.type.slice('n8n-nodes-base.'.length)) }).toEqual({
					node: node.name,
					versions: expect.arrayContaining([node.typeVersion]),
				});
			}
		}
	});
});

// ---------------------------------------------------------------------------------------------------------
// In a real n8n

function suite(version: N8nVersionKey): void {
	let n8n: N8nInstance | undefined;
	let stack: Stack;
	const settings = {
		messages: templateSettings(relayTemplate('messages')),
		notes: templateSettings(relayTemplate('notes')),
		documents: templateSettings(relayTemplate('documents')),
	};
	/** The position each relay's last successful CLI run saved (its Confirm's output). */
	const lastPosition: Partial<Record<RelayKey, string>> = {};
	let started = Date.now();

	beforeAll(async () => {
		started = Date.now();
		stack = await startStack();
		n8n = await N8nInstance.create(version);
		await n8n.importCredentials(stack.credentials);
		await n8n.importWorkflows((Object.keys(RELAYS) as RelayKey[]).map((key) => relayTemplate(key)));
	});

	afterAll(async () => {
		if (n8n?.timings.length) {
			const t = n8n.timings.map((x) => `${x.what} ${(x.ms / 1000).toFixed(1)}s`).join(', ');
			process.stderr.write(`[e2e relays] n8n ${N8N_VERSIONS[version].n8nVersion}: ${((Date.now() - started) / 1000).toFixed(0)} s in all; ${t}\n`);
		}
		await n8n?.dispose();
		await stack?.close();
	});

	/** What a relay keeps in n8n's database (the workflow's static data, as n8n saved it after the last run). */
	async function savedState(key: RelayKey, workflowId: string = RELAYS[key].id): Promise<SavedRelayState | undefined> {
		let staticData: unknown;
		if (n8n!.isRunning) {
			staticData = (await n8n!.api<{ staticData?: unknown }>('GET', `/workflows/${workflowId}`)).staticData;
		} else {
			const exported = await n8n!.cli(['export:workflow', `--id=${workflowId}`]);
			const json = exported.stdout.slice(exported.stdout.indexOf('['));
			staticData = (JSON.parse(json) as Array<{ staticData?: unknown }>)[0].staticData;
		}
		const parsed = (typeof staticData === 'string' ? JSON.parse(staticData) : staticData) as { global?: Record<string, SavedRelayState> } | null | undefined;
		return parsed?.global?.[`relay:${RELAY_SLOTS[key]}`];
	}

	/** `n8n execute` of a relay, which must succeed; remembers the position its Confirm saved (if it ran). */
	async function relay(key: RelayKey): Promise<RunData> {
		const run = expectSuccess(await n8n!.execute(RELAYS[key].id));
		const position = confirmReport(run)?.position;
		if (position) lastPosition[key] = position;
		return run;
	}

	/** `n8n execute` of a relay that must fail. */
	async function failingRelay(key: RelayKey): Promise<ExecuteResult> {
		const result = await n8n!.execute(RELAYS[key].id);
		expect(result.ok).toBe(false);
		return result;
	}

	it('message relay: a client and a staff message become notes of the right types, once; a rerun writes nothing', async () => {
		const now = Date.now();
		const client = await postCsMessage(stack, {
			integrationId: '516707',
			content: 'Hi, the insurance adjuster called me again today. Should I call back?',
			direction: 'incoming',
			createdAt: new Date(now - 3 * MINUTE),
		});
		const staff = await postCsMessage(stack, {
			integrationId: '516707',
			content: 'Please do not call the adjuster back; we will handle it & let you know.',
			direction: 'outgoing',
			createdAt: new Date(now - 2 * MINUTE),
		});

		// Not relayed: a case with another system's Integration ID (SmartAdvocate answers 404: it waits), and one without (skipped).
		const { foreignIntegrationId, withoutIntegrationId } = await csOnlyCase(stack);
		const foreign = await postCsMessage(stack, { integrationId: foreignIntegrationId, content: 'Hello?', direction: 'incoming' });
		const unlinked = await postCsMessage(stack, { caseId: withoutIntegrationId, content: 'Anyone there?', direction: 'incoming' });

		const first = await relay('messages');
		// The first run reads the look-back: both messages are among what it handed on.
		expect(handedOn(first, 'messages').map((m) => m.messageId)).toEqual(expect.arrayContaining([client.id, staff.id, foreign.id, unlinked.id]));
		// A 404 only waits: the run succeeded, and Confirm says what waits and why.
		expect(confirmReport(first)!.failed).toEqual([expect.objectContaining({ id: String(foreign.id), attempts: 1, lastError: expect.stringMatching(/No case with ID 990001[\s\S]*HTTP 404/) })]);

		const sa = await saState(stack);
		for (const [message, type, who] of [
			[client, settings.messages.incomingNoteType, 'client'],
			[staff, settings.messages.outgoingNoteType, 'staff member'],
		] as const) {
			const notes = relayedNotes(sa, message.id);
			expect(notes).toHaveLength(1);
			const [note] = notes;
			expect(note.caseID).toBe(516707);
			expect(noteTypeName(sa, note.noteTypeID)).toBe(type);
			expect(note.isSharedinCP).toBe(false);
			// Plain text stored as HTML: the line break is <br>, & is escaped.
			const text = `Case Status message from ${who} ${message.sender_name}, ${noteTime(message.created_at)}:\n\n${message.content}`;
			expect(note.noteText).toBe(text.replace(/&/g, '&amp;').replace(/\n/g, '<br>'));
			expect(Date.parse(note.noteDate)).toBe(Math.floor(Date.parse(message.created_at) / MINUTE) * MINUTE);
		}
		expect(relayedNotes(sa, foreign.id)).toEqual([]);
		expect(relayedNotes(sa, unlinked.id)).toEqual([]);

		// n8n saved the position and what waits (CLI runs keep static data).
		const saved = await savedState('messages');
		expect(saved?.position).toBe(confirmReport(first)!.position);
		expect(Object.keys(saved?.waiting ?? {})).toEqual([String(foreign.id)]);

		const before = await writeCounts(stack);
		const second = await relay('messages');
		// Read again within the overlap, but already relayed or skipped: only the waiting one is handed on again.
		expect(handedOn(second, 'messages').map((m) => m.messageId)).toEqual([foreign.id]);
		expect(await writeCounts(stack)).toEqual(before);
	});

	it('note relay: only a Plaintiff note shared in the client portal becomes one Case Status message, with clean text and its author as sender; no echo', async () => {
		const author = (await saState(stack)).users.find((u) => u.userID === 102)!; // Sofia Mendez, secondary attorney on 516708
		const shared = await writeSaNote(stack, {
			caseID: 516708,
			noteTypeName: 'Plaintiff',
			noteText: '<p>Hi Crystal,</p><p>Your <strong>deposition</strong> is set for March&nbsp;3 &amp; 4.</p><ul><li>Bring your ID</li><li>Arrive by 9</li></ul>',
			userID: 102,
			isSharedinCP: true,
		});
		const notShared = await writeSaNote(stack, {
			caseID: 516708,
			noteTypeName: 'Plaintiff',
			noteText: 'Internal: client sounded worried about the deposition.',
			userID: 102,
			isSharedinCP: false,
		});
		const caseNote = await writeSaNote(stack, {
			caseID: 516708,
			noteTypeName: 'Case',
			noteText: 'Deposition notice received.',
			userID: 102,
			isSharedinCP: true,
		});

		const notInCaseStatus = await writeSaNote(stack, {
			caseID: 516700, // a SmartAdvocate case that is not in Case Status
			noteTypeName: 'Plaintiff',
			noteText: 'Your case review is next week.',
			userID: 101,
			isSharedinCP: true,
		});

		const countsBefore = await writeCounts(stack);
		await relay('notes');
		let cs = await csState(stack);
		const sent = relayedMessages(cs, shared.noteID);
		expect(sent).toHaveLength(1);
		const [message] = sent;
		expect(message.case_id).toBe(cs.cases.find((c) => c.integration_id === '516708')!.id);
		expect(message.type).toBe('outgoing');
		expect(message.content).toBe('Hi Crystal,\nYour deposition is set for March 3 & 4.\n• Bring your ID\n• Arrive by 9');
		expect(message.sender_name).toBe(`${author.firstName} ${author.lastName}`);
		expect(cs.users.find((u) => u.id === message.sender_id)?.email).toBe(author.email);
		expect(relayedMessages(cs, notShared.noteID)).toEqual([]);
		expect(relayedMessages(cs, caseNote.noteID)).toEqual([]);
		expect(relayedMessages(cs, notInCaseStatus.noteID)).toEqual([]);
		expect((await writeCounts(stack)).csMessages).toBe(countsBefore.csMessages + 1);

		// Again: nothing new in Case Status.
		await relay('notes');
		cs = await csState(stack);
		expect(relayedMessages(cs, shared.noteID)).toHaveLength(1);
		expect(cs.messages).toHaveLength(countsBefore.csMessages + 1);

		// The message relay skips it: no echo note in SmartAdvocate.
		const saNotesBefore = (await saState(stack)).notes.length;
		const run = await relay('messages');
		expect(handedOn(run, 'messages').map((m) => m.externalId)).toContain(`sa-note:${shared.noteID}`);
		const sa = await saState(stack);
		expect(relayedNotes(sa, message.id)).toEqual([]);
		expect(sa.notes).toHaveLength(saNotesBefore);
	});

	it('SmartAdvocate outage, then one note write answered with HTTP 500: the runs fail visibly, nothing stalls, every message arrives exactly once', async () => {
		const messages: PostedMessage[] = [];
		for (const content of ['Are you open on Saturday?', 'I found the tow receipt.', 'My new address is 12 Elm St.']) {
			messages.push(await postCsMessage(stack, { integrationId: '516709', content, direction: 'incoming' }));
		}
		const notesOf = async () => {
			const sa = await saState(stack);
			return messages.map((m) => relayedNotes(sa, m.id).length);
		};

		await saOutage(stack, true);
		try {
			const down = await failingRelay('messages');
			// The run failed (in the executions list) at Confirm, having recorded that all three wait.
			expect(down.error?.node).toBe('Confirm');
			expect(down.error?.message).toMatch(/^\d+ of \d+ writes failed; the others are confirmed/);
		} finally {
			await saOutage(stack, false);
		}
		expect(await notesOf()).toEqual([0, 0, 0]);
		expect(Object.keys((await savedState('messages'))!.waiting)).toEqual(expect.arrayContaining(messages.map((m) => String(m.id))));

		// SmartAdvocate is back but refuses the first note once (HTTP 500, which a POST must not retry): the other
		// two land in the same run, the refused one waits.
		const later = await postCsMessage(stack, { integrationId: '516709', content: 'Written after the outage.', direction: 'incoming' });
		await saFault(stack, { route: '/case/{caseID}/notes', method: 'POST', status: 500, count: 1 });
		try {
			const halfway = await failingRelay('messages');
			expect(halfway.error?.message).toMatch(/^1 of \d+ writes failed; the others are confirmed/);
		} finally {
			await clearSaFaults(stack);
		}
		// Never twice, and the refused one did not hold back those after it (at most one is still missing).
		const landedHalfway = [...(await notesOf()), relayedNotes(await saState(stack), later.id).length];
		expect(landedHalfway.every((n) => n <= 1)).toBe(true);
		expect(landedHalfway.filter((n) => n === 0).length).toBeLessThanOrEqual(1);

		// The very next run brings the refused one; nothing is written twice.
		const recovered = await relay('messages');
		expect(confirmReport(recovered)!.failed.filter((f) => messages.some((m) => String(m.id) === f.id))).toEqual([]);
		expect(await notesOf()).toEqual([1, 1, 1]);
		expect(relayedNotes(await saState(stack), later.id)).toHaveLength(1);
		const before = await writeCounts(stack);
		await relay('messages');
		expect(await writeCounts(stack)).toEqual(before);
	});

	it('document relay: client files land in SmartAdvocate "Case Documents" byte-identical, once; the API key never reaches the file host', async () => {
		const now = Date.now();
		const files = [
			{ integrationId: '516718', fileName: 'Tow receipt.png', contentType: 'image/png', bytes: binaryBytes(3000, 'tow') },
			{ integrationId: '516718', fileName: 'Pharmacy bill.pdf', contentType: 'application/pdf', bytes: binaryBytes(5000, 'pharmacy') },
			{ integrationId: '516720', fileName: 'notes from client.txt', contentType: 'text/plain', bytes: Buffer.from('Ünïcødé & line\r\nbreaks\n') },
		];
		const posted: PostedFile[] = [];
		for (const [i, file] of files.entries()) posted.push(await postCsFile(stack, { ...file, createdAt: new Date(now - (5 - i) * MINUTE) }));
		// On a case with another system's Integration ID: SmartAdvocate answers 404, the file waits.
		const { foreignIntegrationId } = await csOnlyCase(stack);
		const foreign = await postCsFile(stack, {
			integrationId: foreignIntegrationId,
			fileName: 'elsewhere.txt',
			contentType: 'text/plain',
			bytes: Buffer.from('not for SmartAdvocate'),
		});
		await stack.csAdmin.delete('/file-host/requests');

		const first = await relay('documents');
		expect(confirmReport(first)!.failed).toEqual([expect.objectContaining({ id: String(foreign.id), lastError: expect.stringContaining('HTTP 404') })]);
		const sa = await saState(stack);
		for (const [i, file] of posted.entries()) {
			const documents = copiedDocuments(sa, file.id);
			expect(documents).toHaveLength(1);
			const [document] = documents;
			expect(document).toMatchObject({
				caseID: Number(files[i].integrationId),
				documentName: file.file_name,
				documentFolder: settings.documents.folder,
				fileSize: files[i].bytes.length,
				sha256: sha256(files[i].bytes),
			});
			expect(Date.parse(document.documentDate)).toBe(Date.parse(file.created_at));
		}
		expect(copiedDocuments(sa, foreign.id)).toEqual([]);
		const hostRequests = await fileHostRequests(stack);
		expect(hostRequests.length).toBeGreaterThanOrEqual(posted.length);
		expect(hostRequests.every((r) => !r.hadAuthorization && r.status === 200)).toBe(true);

		const before = await writeCounts(stack);
		await relay('documents');
		expect(await writeCounts(stack)).toEqual(before);
	});

	it('a message and a document whose SmartAdvocate case appears hours later wait, are retried after leaving the read window, and arrive exactly once', async () => {
		const caseID = 990100;
		await csCaseAheadOfSmartAdvocate(stack, caseID);
		const message = await postCsMessage(stack, {
			integrationId: String(caseID),
			content: 'Hello, the intake team said my case is being opened today.',
			direction: 'incoming',
		});
		const bytes = binaryBytes(4000, 'police report');
		const file = await postCsFile(stack, { integrationId: String(caseID), fileName: 'Police report.pdf', contentType: 'application/pdf', bytes });
		const waitingMessage = (run: RunData) => confirmReport(run)?.failed.find((w) => w.id === String(message.id));
		const waitingFile = (run: RunData) => confirmReport(run)?.failed.find((w) => w.id === String(file.id));

		// No such case in SmartAdvocate (404): both wait; the runs succeed and write nothing for them.
		const m1 = await relay('messages');
		const d1 = await relay('documents');
		expect(waitingMessage(m1)).toMatchObject({ attempts: 1, lastError: expect.stringContaining('HTTP 404') });
		expect(waitingFile(d1)).toMatchObject({ attempts: 1, lastError: expect.stringContaining('HTTP 404') });

		// Later runs hand them on again from the waiting list (marked with when they started waiting).
		const m2 = await relay('messages');
		const d2 = await relay('documents');
		expect(handedOn(m2, 'messages').find((m) => m.messageId === message.id)).toMatchObject({ waitingSince: expect.any(String) });
		expect(handedOn(d2, 'documents').find((d) => d.fileId === file.id)).toMatchObject({ waitingSince: expect.any(String) });
		expect(waitingMessage(m2)).toMatchObject({ attempts: 2 });
		let sa = await saState(stack);
		expect(relayedNotes(sa, message.id)).toEqual([]);
		expect(copiedDocuments(sa, file.id)).toEqual([]);

		// Hours later (on the simulators' clocks) the case is opened in SmartAdvocate.
		await shiftClocks(stack, 3 * HOUR);
		try {
			await openSaCase(stack, caseID);
		} finally {
			await shiftClocks(stack, 0);
		}
		// Back-off after two tries: the next try is due within a minute or two; runs until then leave them waiting.
		await waitFor(
			async () => {
				await relay('messages');
				await relay('documents');
				const now = await saState(stack);
				return relayedNotes(now, message.id).length > 0 && copiedDocuments(now, file.id).length > 0;
			},
			{ timeoutMs: 4 * MINUTE, intervalMs: 5000, message: 'the waiting message and document to land once their case exists' },
		);
		sa = await saState(stack);
		expect(relayedNotes(sa, message.id)).toHaveLength(1);
		expect(relayedNotes(sa, message.id)[0]).toMatchObject({ caseID, noteTypeID: sa.noteTypes.find((t) => t.noteTypeName === settings.messages.incomingNoteType)!.noteTypeID });
		expect(relayedNotes(sa, message.id)[0].noteText).toContain('Hello, the intake team said my case is being opened today.');
		expect(copiedDocuments(sa, file.id)).toHaveLength(1);
		expect(copiedDocuments(sa, file.id)[0]).toMatchObject({ caseID, documentName: 'Police report.pdf', sha256: sha256(bytes) });
		expect((await savedState('messages'))!.waiting[String(message.id)]).toBeUndefined();

		// Nothing more on later runs.
		const before = await writeCounts(stack);
		await relay('messages');
		await relay('documents');
		expect(await writeCounts(stack)).toEqual(before);
	}, 30 * MINUTE);

	it('a client-portal note whose Case Status case appears later waits (no run fails for it) and is sent exactly once', async () => {
		const [sa0, cs0] = await Promise.all([saState(stack), csState(stack)]);
		const inCaseStatus = new Set(cs0.cases.map((c) => c.integration_id));
		const caseID = (sa0 as unknown as { cases: Array<{ caseID: number }> }).cases
			.map((c) => c.caseID)
			.find((id) => id !== 516700 && !inCaseStatus.has(String(id)))!;
		expect(caseID).toBeDefined();
		const note = await writeSaNote(stack, {
			caseID,
			noteTypeName: 'Plaintiff',
			noteText: '<p>Welcome! Your case portal will be ready soon.</p>',
			userID: 101,
			isSharedinCP: true,
		});

		const n1 = await relay('notes');
		expect(handedOn(n1, 'notes').map((n) => n.noteId)).toContain(note.noteID);
		expect(confirmReport(n1)!.failed).toEqual(
			expect.arrayContaining([expect.objectContaining({ id: String(note.noteID), attempts: 1, lastError: expect.stringContaining('HTTP 404') })]),
		);
		expect((await savedState('notes'))!.waiting[String(note.noteID)]).toMatchObject({ attempts: 1 });
		expect(relayedMessages(await csState(stack), note.noteID)).toEqual([]);

		// The nightly sync (here: the API) creates the case in Case Status.
		await openCsCase(stack, String(caseID), `LATE-${caseID}`);
		const n2 = await relay('notes');
		expect(handedOn(n2, 'notes').find((n) => n.noteId === note.noteID)).toMatchObject({ waitingSince: expect.any(String) });
		const cs = await csState(stack);
		expect(relayedMessages(cs, note.noteID)).toHaveLength(1);
		expect(relayedMessages(cs, note.noteID)[0]).toMatchObject({
			case_id: cs.cases.find((c) => c.integration_id === String(caseID))!.id,
			content: 'Welcome! Your case portal will be ready soon.',
		});
		const before = await writeCounts(stack);
		await relay('notes');
		expect(await writeCounts(stack)).toEqual(before);
	}, 30 * MINUTE);

	it('an item SmartAdvocate refuses for good is retried, then given up after the firm\'s limit: the run fails naming it, it is listed as needing a person, and the relay moves on', async () => {
		// A firm's copy that gives up after about 40 seconds (the shipped 7 days would take a week), starting from now.
		const id = 'sacsMsgGiveUp01';
		const workflow = relayTemplate('messages');
		const nodes = (workflow.nodes as Array<{ name: string; parameters: Record<string, unknown> }>).map((n) =>
			n.name === 'Confirm'
				? { ...n, parameters: { ...n.parameters, giveUpAfterDays: 0.0005 } }
				: n.name === RELAY_STEPS.messages.getNew
					? { ...n, parameters: { ...n.parameters, relayOptions: { firstRunLookBackHours: 0 } } }
					: n,
		);
		await n8n!.importWorkflows([{ ...workflow, id, name: `${String(workflow.name)} (gives up soon)`, nodes }]);
		expectSuccess(await n8n!.execute(id));

		const refused = await postCsMessage(stack, { integrationId: '516709', content: 'Refused every time.', direction: 'incoming' });
		await saFault(stack, { route: '/case/{caseID}/notes', method: 'POST', status: 422, count: 1000 });
		const t0 = Date.now();
		let given: ExecuteResult | undefined;
		try {
			// Each run tries it again (back-off: the next two runs, then 1 minute) and fails visibly, until it is given up.
			await waitFor(
				async () => {
					const run = await n8n!.execute(id);
					// A run that tried it fails at Confirm; one within its back-off has nothing to do and succeeds.
					if (!run.ok) expect(run.error?.node).toBe('Confirm');
					if (/now need a person/.test(run.error?.description ?? '')) given = run;
					return given !== undefined;
				},
				{ timeoutMs: 4 * MINUTE, intervalMs: 3000, message: 'the refused message to be given up' },
			);
		} finally {
			await clearSaFaults(stack);
		}
		expect(Date.now() - t0).toBeGreaterThan(40_000);
		expect(given!.error?.description).toContain(`now need a person (IDs ${refused.id})`);
		expect(relayedNotes(await saState(stack), refused.id)).toHaveLength(0);
		const state = (await savedState('messages', id))!;
		expect(state.needsPerson).toEqual([expect.objectContaining({ id: String(refused.id), lastError: expect.stringContaining('HTTP 422') })]);
		expect(state.waiting[String(refused.id)]).toBeUndefined();

		// The relay moves on: the next run does not hand it on again, succeeds and brings what is new.
		const fine = await postCsMessage(stack, { integrationId: '516709', content: 'Lands at once.', direction: 'incoming' });
		const next = expectSuccess(await n8n!.execute(id));
		expect(handedOn(next, 'messages').map((m) => m.messageId)).toEqual([fine.id]);
		expect(relayedNotes(await saState(stack), fine.id)).toHaveLength(1);
	}, 10 * MINUTE);

	it(
		'message relay: a message whose type Case Status does not give is filed as incoming and marked CHECK WHO WROTE THIS, never as a staff note',
		async () => {
			const missing = await postCsMessage(stack, { integrationId: '516707', content: 'Is this thing on?', direction: 'incoming', type: null });
			const odd = await postCsMessage(stack, { integrationId: '516707', content: 'Sent by text message.', direction: 'incoming', type: 'sms' });
			await relay('messages');
			const sa = await saState(stack);
			for (const message of [missing, odd]) {
				const notes = relayedNotes(sa, message.id);
				expect(notes).toHaveLength(1);
				expect(noteTypeName(sa, notes[0].noteTypeID)).toBe(settings.messages.incomingNoteType);
				expect(notes[0].noteText).toMatch(/^CHECK WHO WROTE THIS: Case Status did not say whether a client or a staff member wrote this message\./);
				expect(notes[0].noteText).toContain(message.content);
			}
		},
	);

	it('in a running `n8n start` with the message and note relays published, a new message and a new portal note are relayed on their own', async () => {
		const ids = [RELAYS.messages.id, RELAYS.notes.id];
		for (const id of ids) await n8n!.publish(id);
		await n8n!.start({ waitForActivation: ids });
		try {
			const message = await postCsMessage(stack, { integrationId: '516721', content: 'Got the check today, thank you!', direction: 'incoming' });
			const note = await writeSaNote(stack, {
				caseID: 516723,
				noteTypeName: 'Plaintiff',
				noteText: 'Your settlement check was mailed today.',
				userID: 101,
				isSharedinCP: true,
			});
			const describe = () => `n8n log tail:\n${n8n!.logTail(40)}`;
			await waitFor(async () => relayedNotes(await saState(stack), message.id).length > 0, {
				timeoutMs: 150_000,
				intervalMs: 1000,
				message: `a SmartAdvocate note for Case Status message ${message.id}`,
				describe,
			});
			await waitFor(async () => relayedMessages(await csState(stack), note.noteID).length > 0, {
				timeoutMs: 150_000,
				intervalMs: 1000,
				message: `a Case Status message for SmartAdvocate note ${note.noteID}`,
				describe,
			});
			const [sa, cs] = await Promise.all([saState(stack), csState(stack)]);
			expect(relayedNotes(sa, message.id)).toHaveLength(1);
			expect(relayedMessages(cs, note.noteID)).toHaveLength(1);
			expect(relayedMessages(cs, note.noteID)[0].content).toBe('Your settlement check was mailed today.');

			// The scheduled runs keep their own position (static data of an active workflow).
			for (const [key, id] of [
				['messages', RELAYS.messages.id],
				['notes', RELAYS.notes.id],
			] as const) {
				const scheduled = (await n8n!.listExecutions(id)).filter((e) => e.mode === 'trigger');
				expect(scheduled.some((e) => e.status === 'success')).toBe(true);
				expect(scheduled.filter((e) => ['error', 'crashed', 'canceled'].includes(String(e.status)))).toEqual([]);
				await waitFor(async () => Date.parse((await savedState(key))?.position ?? '') > Date.parse(lastPosition[key] ?? '1970-01-01'), {
					timeoutMs: 30_000,
					intervalMs: 1000,
					message: `the ${key} relay's position saved by a scheduled run`,
				});
			}
		} finally {
			await n8n!.stop();
		}
	});
}

for (const version of ALL_VERSION_KEYS) {
	const spec = N8N_VERSIONS[version];
	const title = `relay templates in n8n ${spec.n8nVersion} (Node ${spec.node})`;
	if (selected.includes(version)) describe(title, () => suite(version));
	else describe.skip(title, () => it('runs', () => undefined));
}
