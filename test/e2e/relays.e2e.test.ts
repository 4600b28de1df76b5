/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node, never in n8n (eslint.dev.config.mjs) */
/**
 * The three relay templates, imported exactly as shipped into a REAL n8n (2.41.1 on Node 24 and 1.123.81 on
 * Node 20), against both simulators. Assertions are on the simulators' state:
 * - message relay: client and staff messages → SmartAdvocate notes with the right types, sender and time; once;
 * - note relay: a Plaintiff note shared in the client portal → one Case Status message (clean text, author as
 *   sender); other notes ignored; no echo back into SmartAdvocate;
 * - SmartAdvocate outage, then a write failing half-way: the checkpoint does not move, every message arrives once;
 * - document relay: client files → SmartAdvocate "Case Documents", byte-identical, once;
 * - a running `n8n start` with the two message relays published relays on its own;
 * - the Redis lease (queue mode) across two processes; overlapping runs in ONE n8n are in relayOverlap.e2e.test.ts.
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
	installQueueServices,
	N8N_VERSIONS,
	N8nInstance,
	nodeItems,
	packageTypes,
	RedisServer,
	selectedVersionKeys,
	waitFor,
	type ExecuteResult,
	type N8nVersionKey,
	type RunData,
} from './harness';
import {
	binaryBytes,
	clearSaFaults,
	copiedDocuments,
	csOnlyCase,
	csState,
	fileHostRequests,
	csCaseAheadOfSmartAdvocate,
	guardedRelay,
	noteTime,
	noteTypeName,
	openCsCase,
	openSaCase,
	postCsFile,
	postCsMessage,
	readCheckpoint,
	RELAYS,
	relayedMessages,
	relayedNotes,
	relayTemplate,
	saFault,
	saOutage,
	saState,
	savedCheckpoint,
	sha256,
	shiftClocks,
	slowDown,
	templateSettings,
	waitingIn,
	writeCounts,
	writeSaNote,
	type PostedFile,
	type PostedMessage,
	type RelayKey,
} from './relays/world';
import { CASESTATUS_CREDENTIAL_NAME, SMARTADVOCATE_CREDENTIAL_NAME, startStack, TEMPLATES_DIR, type Stack } from './support/stack';

const selected = selectedVersionKeys();
const HOUR = 3_600_000;
/** How slow the other side is during a forced overlap: longer than two n8n processes take to start apart. */
const SLOW_MS = 15_000;
const PACKAGE = packageTypes().name;
const MINUTE = 60_000;

// ---------------------------------------------------------------------------------------------------------
// The shipped files themselves (no n8n needed)

describe('relay templates as shipped', () => {
	const keys = Object.keys(RELAYS) as RelayKey[];

	it.each(keys)('%s: importable shape, stable IDs, credentials by name, allowed node types', (key) => {
		const raw = fs.readFileSync(path.join(TEMPLATES_DIR, RELAYS[key].file), 'utf8');
		const wf = JSON.parse(raw);
		expect(wf.id).toBe(RELAYS[key].id);
		expect(wf.id.length).toBeLessThanOrEqual(16);
		expect(wf.active).toBe(false);
		expect(wf.pinData).toBeUndefined();
		expect(wf.meta?.instanceId).toBeUndefined();
		expect(wf.settings).toMatchObject({ executionOrder: 'v1', timezone: 'America/New_York' });

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
		expect(nodes.filter((n) => n.type === 'n8n-nodes-base.code').length).toBeLessThanOrEqual(4);
		// n8n's template guidelines: the overview is the yellow sticky note (color 1, the default).
		const overview = nodes.find((n) => n.name === 'Sticky Note: Overview') as { parameters: { color?: number; content: string } } | undefined;
		expect(overview?.parameters.color ?? 1).toBe(1);
		expect(overview?.parameters.content).toMatch(/How it works[\s\S]*Setup steps/);

		// Every connection points at a node that exists; the checkpoint is saved by the last node only.
		const names = new Set(nodes.map((n) => n.name));
		for (const [from, outputs] of Object.entries(wf.connections as Record<string, { main: Array<Array<{ node: string }>> }>)) {
			expect(names.has(from)).toBe(true);
			for (const target of outputs.main.flat()) expect(names.has(target.node)).toBe(true);
		}
		// After the checkpoint only the report of what waits for its case (a Set node) and the two lease releases.
		const afterSave = ((wf.connections['Save checkpoint']?.main ?? []) as Array<Array<{ node: string }>>)
			.flat()
			.map((t) => nodes.find((n) => n.name === t.node)!);
		expect(afterSave.map((n) => [n.name, n.type])).toEqual([
			[expect.stringMatching(/^Waiting for their (SmartAdvocate|Case Status) case$/), 'n8n-nodes-base.set'],
			['Release the lease', 'n8n-nodes-base.redis'],
			['Release the run lease', RELAYS[key].writer],
		]);
		// The run lease is on as shipped and needs nothing (no credential, no Redis): every run takes it right
		// before it reads, and a run that does not get it goes nowhere else.
		const byName = (name: string) => nodes.find((n) => n.name === name) as unknown as { type: string; disabled?: boolean; credentials?: object; parameters: Record<string, unknown> };
		expect(byName('Take the run lease')).toMatchObject({
			type: RELAYS[key].writer,
			parameters: { resource: 'runLease', operation: 'take', expiresAfterMinutes: "={{ $('Settings').first().json.leaseMinutes }}" },
		});
		expect(byName('Release the run lease')).toMatchObject({ type: RELAYS[key].writer, parameters: { resource: 'runLease', operation: 'release' } });
		for (const name of ['Take the run lease', 'Run lease taken?', 'Release the run lease']) {
			expect([name, byName(name).disabled ?? false, byName(name).credentials]).toEqual([name, false, undefined]);
		}
		const into = (target: string) =>
			Object.entries(wf.connections as Record<string, { main: Array<Array<{ node: string }>> }>).flatMap(([from, outputs]) =>
				outputs.main.flatMap((targets, output) => targets.filter((t) => t.node === target).map(() => [from, output])),
			);
		expect(into('Read checkpoint')).toEqual([['Run lease taken?', 0]]);
		expect(into('Run lease taken?')).toEqual([['Take the run lease', 0]]);
		expect(wf.connections['Run lease taken?'].main[1]).toEqual([{ node: 'Another run is writing: stop here', type: 'main', index: 0 }]);
		// The Redis lease (queue mode) stays as shipped: disabled, taken before the run lease when enabled.
		const redisNodes = nodes.filter((n) => n.type === 'n8n-nodes-base.redis') as Array<{ name: string; disabled?: boolean }>;
		expect(redisNodes.map((n) => [n.name, n.disabled])).toEqual([
			['Is another run writing?', true],
			['Take the lease', true],
			['Release the lease', true],
		]);
		expect(wf.connections['Settings'].main[0]).toEqual([{ node: 'Is another run writing?', type: 'main', index: 0 }]);
		expect(wf.connections['Lease taken?'].main[0]).toEqual([{ node: 'Take the run lease', type: 'main', index: 0 }]);
		const leaseNote = (nodes.find((n) => n.name === 'Sticky Note: Lease') as unknown as { parameters: { content: string } }).parameters.content;
		expect(leaseNote).toMatch(/Queue mode \(several workers\)\*\*: it does not reach across workers[\s\S]*enable the three greyed-out Redis nodes/);
		const saving = nodes.filter((n) => n.type === 'n8n-nodes-base.code' && /\.checkpoint\s*=/.test(JSON.stringify((n as { parameters?: unknown }).parameters)));
		expect(saving.map((n) => n.name)).toEqual(['Save checkpoint']);
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
		for (const key of keys) {
			for (const node of relayTemplate(key).nodes as Array<{ name: string; type: string; typeVersion: number }>) {
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
	/** The last checkpoint each relay saved in a CLI run (from its "Save checkpoint" output). */
	const lastCheckpoint: Partial<Record<RelayKey, string>> = {};
	let started = Date.now();

	beforeAll(async () => {
		started = Date.now();
		stack = await startStack();
		n8n = await N8nInstance.create(version);
		await n8n.importCredentials(stack.credentials);
		await n8n.importWorkflows((Object.keys(RELAYS) as RelayKey[]).map((key) => path.join(TEMPLATES_DIR, RELAYS[key].file)));
	});

	afterAll(async () => {
		if (n8n?.timings.length) {
			const t = n8n.timings.map((x) => `${x.what} ${(x.ms / 1000).toFixed(1)}s`).join(', ');
			process.stderr.write(`[e2e relays] n8n ${N8N_VERSIONS[version].n8nVersion}: ${((Date.now() - started) / 1000).toFixed(0)} s in all; ${t}\n`);
		}
		await n8n?.dispose();
		await stack?.close();
	});

	/** `n8n execute` of a relay, which must succeed; remembers the checkpoint it saved. */
	async function relay(key: RelayKey): Promise<RunData> {
		const run = expectSuccess(await n8n!.execute(RELAYS[key].id));
		const saved = savedCheckpoint(run);
		expect(saved).toBeTruthy();
		lastCheckpoint[key] = saved;
		return run;
	}

	/** `n8n execute` of a relay that must fail (the checkpoint node must not have run). */
	async function failingRelay(key: RelayKey): Promise<ExecuteResult> {
		const result = await n8n!.execute(RELAYS[key].id);
		expect(result.ok).toBe(false);
		expect(result.run?.data.resultData.runData['Save checkpoint']).toBeUndefined();
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

		// Not relayed: a case with another system's Integration ID (SmartAdvocate answers 404), and one without.
		const { foreignIntegrationId, withoutIntegrationId } = await csOnlyCase(stack);
		const foreign = await postCsMessage(stack, { integrationId: foreignIntegrationId, content: 'Hello?', direction: 'incoming' });
		const unlinked = await postCsMessage(stack, { caseId: withoutIntegrationId, content: 'Anyone there?', direction: 'incoming' });

		const first = await relay('messages');
		expect(nodeItems(first, 'Stop if a note failed')).toEqual(
			expect.arrayContaining([expect.objectContaining({ httpCode: '404', error: expect.stringMatching(/No case with ID 990001/) })]),
		);
		// First run: no checkpoint yet, so it reads from the look-back.
		expect(Date.parse(readCheckpoint(first).runStartedAt) - Date.parse(readCheckpoint(first).checkpoint)).toBeCloseTo(
			Number(settings.messages.firstRunLookBackHours) * 60 * MINUTE,
			-4,
		);

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

		const before = await writeCounts(stack);
		const second = await relay('messages');
		// The checkpoint the first run saved is where the second one started (CLI runs keep static data).
		expect(readCheckpoint(second).checkpoint).toBe(savedCheckpoint(first));
		// Only the two that can never be relayed are left after the marker check.
		expect(nodeItems(second, 'Skip messages already relayed', { output: 0 }).map((m) => m.messageId)).toEqual([foreign.id, unlinked.id]);
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
		expect(nodeItems(run, 'Get new Case Status messages').map((m) => m.externalId)).toContain(`sa-note:${shared.noteID}`);
		const sa = await saState(stack);
		expect(relayedNotes(sa, message.id)).toEqual([]);
		expect(sa.notes).toHaveLength(saNotesBefore);
	});

	it('SmartAdvocate outage, then a note write failing half-way: the checkpoint stays and every message arrives exactly once', async () => {
		// Messages written just inside the window the next run must read (checkpoint minus the overlap). Had a
		// failed run moved the checkpoint on, even by a second, these would fall out of every later window.
		const checkpoint = lastCheckpoint.messages ?? savedCheckpoint(await relay('messages'))!;
		const windowStart = Date.parse(checkpoint) - Number(settings.messages.overlapMinutes) * MINUTE;
		const messages: PostedMessage[] = [];
		for (const [i, content] of ['Are you open on Saturday?', 'I found the tow receipt.', 'My new address is 12 Elm St.'].entries()) {
			messages.push(
				await postCsMessage(stack, { integrationId: '516709', content, direction: 'incoming', createdAt: new Date(windowStart + (i + 1) * 1000) }),
			);
		}
		const notesOf = async () => {
			const sa = await saState(stack);
			return messages.map((m) => relayedNotes(sa, m.id).length);
		};

		await saOutage(stack, true);
		try {
			const down = await failingRelay('messages');
			expect(down.error?.message).toMatch(/SmartAdvocate/);
			expect(readCheckpoint(down.run).checkpoint).toBe(checkpoint);
		} finally {
			await saOutage(stack, false);
		}
		expect(await notesOf()).toEqual([0, 0, 0]);

		// SmartAdvocate is back but refuses the first note once (HTTP 500, which a POST must not retry).
		await saFault(stack, { route: '/case/{caseID}/notes', method: 'POST', status: 500, count: 1 });
		try {
			const halfway = await failingRelay('messages');
			expect(readCheckpoint(halfway.run).checkpoint).toBe(checkpoint);
			expect(halfway.run?.data.resultData.lastNodeExecuted).toBe('Stop if a note failed');
			expect(halfway.error?.message).toMatch(/SmartAdvocate did not take 1 of \d+/);
		} finally {
			await clearSaFaults(stack);
		}
		expect(await notesOf()).toEqual([0, 1, 1]);

		const recovered = await relay('messages');
		expect(readCheckpoint(recovered).checkpoint).toBe(checkpoint);
		expect(await notesOf()).toEqual([1, 1, 1]);
		expect(Date.parse(lastCheckpoint.messages!)).toBeGreaterThan(Date.parse(checkpoint));
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
		// On a case with another system's Integration ID: SmartAdvocate answers 404, the file is skipped.
		const { foreignIntegrationId } = await csOnlyCase(stack);
		const foreign = await postCsFile(stack, {
			integrationId: foreignIntegrationId,
			fileName: 'elsewhere.txt',
			contentType: 'text/plain',
			bytes: Buffer.from('not for SmartAdvocate'),
		});
		await stack.csAdmin.delete('/file-host/requests');

		const first = await relay('documents');
		expect(nodeItems(first, 'Stop if an upload failed').filter((item) => item.httpCode === '404')).toHaveLength(1);
		const sa = await saState(stack);
		for (const [i, file] of posted.entries()) {
			const documents = copiedDocuments(sa, file.id);
			expect(documents).toHaveLength(1);
			const [document] = documents;
			expect(document).toMatchObject({
				caseID: Number(files[i].integrationId),
				documentName: file.file_name,
				documentFolder: settings.documents.documentFolder,
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
		const checkpoint = {
			messages: lastCheckpoint.messages ?? savedCheckpoint(await relay('messages'))!,
			documents: lastCheckpoint.documents ?? savedCheckpoint(await relay('documents'))!,
		};
		// Written just inside the next read window, so that one more successful run leaves them behind it.
		const windowStart = (key: 'messages' | 'documents') => Date.parse(checkpoint[key]) - Number(settings[key].overlapMinutes) * MINUTE;
		const message = await postCsMessage(stack, {
			integrationId: String(caseID),
			content: 'Hello, the intake team said my case is being opened today.',
			direction: 'incoming',
			createdAt: new Date(windowStart('messages') + 1000),
		});
		const bytes = binaryBytes(4000, 'police report');
		const file = await postCsFile(stack, {
			integrationId: String(caseID),
			fileName: 'Police report.pdf',
			contentType: 'application/pdf',
			bytes,
			createdAt: new Date(windowStart('documents') + 1000),
		});
		const waitingMessage = (run: RunData) => waitingIn(run, 'Waiting for their SmartAdvocate case').find((w) => w.messageId === message.id);
		const waitingFile = (run: RunData) => waitingIn(run, 'Waiting for their SmartAdvocate case').find((w) => w.fileId === file.id);

		// No such case in SmartAdvocate (404): both wait; the runs succeed and write nothing for them.
		const m1 = await relay('messages');
		const d1 = await relay('documents');
		expect(waitingMessage(m1)).toMatchObject({ caseId: String(caseID), waitingSince: readCheckpoint(m1).runStartedAt });
		expect(waitingFile(d1)).toMatchObject({ caseId: String(caseID), waitingSince: readCheckpoint(d1).runStartedAt });

		// The next runs no longer read them from Case Status (they are older than the window) but retry them.
		const m2 = await relay('messages');
		const d2 = await relay('documents');
		expect(Date.parse(readCheckpoint(m2).readFrom)).toBeGreaterThan(Date.parse(message.created_at));
		expect(Date.parse(readCheckpoint(d2).readFrom)).toBeGreaterThan(Date.parse(file.created_at));
		expect(nodeItems(m2, 'Get new Case Status messages').map((m) => m.messageId)).not.toContain(message.id);
		expect(nodeItems(d2, 'Get new Case Status documents').map((d) => d.fileId)).not.toContain(file.id);
		expect(waitingMessage(m2)).toEqual(waitingMessage(m1));
		expect(waitingFile(d2)).toEqual(waitingFile(d1));
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
		const m3 = await relay('messages');
		const d3 = await relay('documents');
		expect(waitingMessage(m3)).toBeUndefined();
		expect(waitingFile(d3)).toBeUndefined();
		sa = await saState(stack);
		expect(relayedNotes(sa, message.id)).toHaveLength(1);
		expect(relayedNotes(sa, message.id)[0]).toMatchObject({ caseID, noteTypeID: sa.noteTypes.find((t) => t.noteTypeName === settings.messages.incomingNoteType)!.noteTypeID });
		expect(relayedNotes(sa, message.id)[0].noteText).toContain('Hello, the intake team said my case is being opened today.');
		expect(copiedDocuments(sa, file.id)).toHaveLength(1);
		expect(copiedDocuments(sa, file.id)[0]).toMatchObject({ caseID, documentName: 'Police report.pdf', sha256: sha256(bytes) });

		// Nothing more on later runs.
		const before = await writeCounts(stack);
		await relay('messages');
		await relay('documents');
		expect(await writeCounts(stack)).toEqual(before);
	}, 30 * MINUTE);

	it('a client-portal note whose Case Status case appears hours later waits, is retried after leaving the read window, and is sent exactly once', async () => {
		const [sa0, cs0] = await Promise.all([saState(stack), csState(stack)]);
		const inCaseStatus = new Set(cs0.cases.map((c) => c.integration_id));
		const caseID = (sa0 as unknown as { cases: Array<{ caseID: number }> }).cases
			.map((c) => c.caseID)
			.find((id) => id !== 516700 && !inCaseStatus.has(String(id)))!;
		expect(caseID).toBeDefined();
		const checkpoint = lastCheckpoint.notes ?? savedCheckpoint(await relay('notes'))!;
		// Written (on SmartAdvocate's clock) just inside the next read window.
		const windowStart = Date.parse(checkpoint) - Number(settings.notes.overlapMinutes) * MINUTE;
		await stack.saAdmin.post('/clock', { offsetMs: windowStart + 1000 - Date.now() });
		let note: Awaited<ReturnType<typeof writeSaNote>>;
		try {
			note = await writeSaNote(stack, {
				caseID,
				noteTypeName: 'Plaintiff',
				noteText: '<p>Welcome! Your case portal will be ready soon.</p>',
				userID: 101,
				isSharedinCP: true,
			});
		} finally {
			await stack.saAdmin.post('/clock', { offsetMs: 0 });
		}
		const waitingNote = (run: RunData) => waitingIn(run, 'Waiting for their Case Status case').find((w) => w.noteId === note.noteID);

		const n1 = await relay('notes');
		expect(waitingNote(n1)).toMatchObject({ caseId: caseID, waitingSince: readCheckpoint(n1).runStartedAt });
		const n2 = await relay('notes');
		expect(Date.parse(readCheckpoint(n2).readFrom)).toBeGreaterThan(Date.parse(note.createdDate));
		expect(nodeItems(n2, 'Get new client-portal notes').map((n) => n.noteId)).not.toContain(note.noteID);
		expect(waitingNote(n2)).toEqual(waitingNote(n1));
		expect(relayedMessages(await csState(stack), note.noteID)).toEqual([]);

		// Hours later the nightly sync (here: the API) creates the case in Case Status.
		await shiftClocks(stack, 3 * HOUR);
		try {
			await openCsCase(stack, String(caseID), `LATE-${caseID}`);
		} finally {
			await shiftClocks(stack, 0);
		}
		const n3 = await relay('notes');
		expect(waitingNote(n3)).toBeUndefined();
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

	it('Redis lease (queue mode): two runs of each relay in two processes at once, with the other side slow, write every note, message and document exactly once', async () => {
		const redis = await RedisServer.start(installQueueServices());
		const guarded = { messages: 'sacsMsgGuarded01', documents: 'sacsDocGuarded01', notes: 'sacsNoteGuarded1' } as const;
		try {
			await n8n!.importCredentials([
				{ id: 'redisCredE2e0001', name: 'Redis account', type: 'redis', data: { host: redis.host, port: redis.port, database: 0, password: redis.password, ssl: false } },
			]);
			await n8n!.importWorkflows((Object.keys(guarded) as RelayKey[]).map((key) => guardedRelay(key, guarded[key])));
			// A first run each, alone: reads the look-back and writes what is still missing (nothing of what follows).
			for (const key of Object.keys(guarded) as RelayKey[]) expectSuccess(await n8n!.execute(guarded[key]));

			const stoppedRuns = (runs: ExecuteResult[]) => runs.filter((r) => r.run?.data.resultData.runData['Another run is writing: stop here']).length;
			const pair = async (key: RelayKey) => {
				const runs = await Promise.all([n8n!.execute(guarded[key]), n8n!.execute(guarded[key])]);
				for (const r of runs) expectSuccess(r);
				// They did overlap: one found the lease taken and wrote nothing.
				expect(stoppedRuns(runs)).toBe(1);
				return runs;
			};

			// Messages → notes, SmartAdvocate slow to take notes.
			const messages: PostedMessage[] = [];
			for (const content of ['Overlap one', 'Overlap two', 'Overlap three']) {
				messages.push(await postCsMessage(stack, { integrationId: '516709', content, direction: 'incoming' }));
			}
			await slowDown(stack, 'sa', { ms: SLOW_MS, route: '/case/{caseID}/notes' });
			try {
				await pair('messages');
			} finally {
				await slowDown(stack, 'sa');
			}
			let sa = await saState(stack);
			expect(messages.map((m) => relayedNotes(sa, m.id).length)).toEqual([1, 1, 1]);

			// Documents, SmartAdvocate slow to take uploads.
			const files: PostedFile[] = [];
			for (const name of ['Overlap A.txt', 'Overlap B.txt']) {
				files.push(await postCsFile(stack, { integrationId: '516718', fileName: name, contentType: 'text/plain', bytes: Buffer.from(name) }));
			}
			await slowDown(stack, 'sa', { ms: SLOW_MS, route: '/case/{caseID}/documents' });
			try {
				await pair('documents');
			} finally {
				await slowDown(stack, 'sa');
			}
			sa = await saState(stack);
			expect(files.map((f) => copiedDocuments(sa, f.id).length)).toEqual([1, 1]);

			// Portal notes → messages, Case Status slow.
			const notes = [];
			for (const text of ['Overlap note one', 'Overlap note two']) {
				notes.push(await writeSaNote(stack, { caseID: 516708, noteTypeName: 'Plaintiff', noteText: text, userID: 101, isSharedinCP: true }));
			}
			await slowDown(stack, 'cs', { ms: SLOW_MS, route: '/v1/api/messages' });
			try {
				await pair('notes');
			} finally {
				await slowDown(stack, 'cs');
			}
			const cs = await csState(stack);
			expect(notes.map((n) => relayedMessages(cs, n.noteID).length)).toEqual([1, 1]);

			// The same overlap with the Redis nodes off (as shipped): the run lease holds within one n8n process, and two
			// `n8n execute` are two processes (as two queue-mode workers are), so both write. That is what the Redis lease is for.
			const unguarded = await postCsMessage(stack, { integrationId: '516709', content: 'Overlap without a guard', direction: 'incoming' });
			await slowDown(stack, 'sa', { ms: SLOW_MS, route: '/case/{caseID}/notes' });
			try {
				const runs = await Promise.all([n8n!.execute(RELAYS.messages.id), n8n!.execute(RELAYS.messages.id)]);
				for (const r of runs) expectSuccess(r);
				for (const r of runs) lastCheckpoint.messages = savedCheckpoint(r.run) ?? lastCheckpoint.messages;
			} finally {
				await slowDown(stack, 'sa');
			}
			expect(relayedNotes(await saState(stack), unguarded.id).length).toBe(2);
		} finally {
			await redis.stop();
		}
	}, 40 * MINUTE);

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

			// The scheduled runs keep their own checkpoint (static data of an active workflow).
			for (const [key, id] of [
				['messages', RELAYS.messages.id],
				['notes', RELAYS.notes.id],
			] as const) {
				const scheduled = (await n8n!.listExecutions(id)).filter((e) => e.mode === 'trigger');
				expect(scheduled.some((e) => e.status === 'success')).toBe(true);
				expect(scheduled.filter((e) => ['error', 'crashed', 'canceled'].includes(String(e.status)))).toEqual([]);
				const workflow = await n8n!.api<{ staticData?: { global?: { checkpoint?: string } } | string | null }>('GET', `/workflows/${id}`);
				const staticData = typeof workflow.staticData === 'string' ? JSON.parse(workflow.staticData) : workflow.staticData;
				expect(Date.parse(staticData?.global?.checkpoint ?? '')).toBeGreaterThan(Date.parse(lastCheckpoint[key] ?? '1970-01-01'));
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
