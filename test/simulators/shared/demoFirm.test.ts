/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node, never in n8n (eslint.dev.config.mjs) */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, inflateSync } from 'node:zlib';

import { DEFAULT_NOW, buildDemoFirm } from '../../../simulators/shared/demoFirm';
import {
	INELIGIBLE_REASONS,
	type IneligibleReason,
	caseStatusEligibility,
	primaryAttorneyOf,
	stageOfStatus,
} from '../../../simulators/shared/eligibility';
import type { FirmCase, FirmDocument, FirmModel } from '../../../simulators/shared/firm';
import { isValidUsCellPhone, normalizeUsCellPhone } from '../../../simulators/shared/phone';

const root = join(__dirname, '..', '..', '..');
const firm = buildDemoFirm();
const staffById = new Map(firm.staff.map((s) => [s.userId, s]));
const allNotes = firm.cases.flatMap((c) => c.notes);
const allMessages = firm.cases.flatMap((c) => c.messages);
const allDocuments = firm.cases.flatMap((c) => c.documents);
const ms = (iso: string) => Date.parse(iso);

function expectUnique(values: unknown[]) {
	expect(new Set(values).size).toBe(values.length);
}

describe('normalizeUsCellPhone', () => {
	it.each([
		['(555) 201-3344', '+15552013344'],
		['555.201.3344', '+15552013344'],
		['+1 555 201 3344', '+15552013344'],
		['1-555-201-3344', '+15552013344'],
		['5552013344', '+15552013344'],
	])('accepts %s', (raw, e164) => {
		expect(normalizeUsCellPhone(raw)).toBe(e164);
	});

	it.each([
		[null],
		[''],
		['201-3344'], // no area code
		['555-201-334'], // 9 digits
		['(055) 201-3344'], // area code starts with 0
		['(155) 201-3344'], // area code starts with 1
		['2-555-201-3344'], // 11 digits, not country code 1
		['+44 20 7946 0958'],
	])('rejects %s', (raw) => {
		expect(normalizeUsCellPhone(raw)).toBeNull();
		expect(isValidUsCellPhone(raw)).toBe(false);
	});
});

describe('buildDemoFirm: determinism', () => {
	it('gives identical output for the same now, and uses the fixed default now', () => {
		const again = buildDemoFirm({ now: DEFAULT_NOW });
		expect(JSON.stringify(again)).toBe(JSON.stringify(firm));
		expect(DEFAULT_NOW).toBe('2026-11-20T17:00:00.000Z');
	});

	it('shifts every timestamp with now and keeps everything else', () => {
		const shiftMs = 37 * 86_400_000 + 5 * 3_600_000;
		const later = buildDemoFirm({ now: new Date(ms(DEFAULT_NOW) + shiftMs).toISOString() });
		expect(later.cases.map((c) => c.caseNumber)).toEqual(firm.cases.map((c) => c.caseNumber));
		later.cases.forEach((c, i) => {
			const before = firm.cases[i];
			expect(c.caseName).toBe(before.caseName);
			expect(ms(c.openedDate) - ms(before.openedDate)).toBe(shiftMs);
			expect(ms(c.modifiedAt) - ms(before.modifiedAt)).toBe(shiftMs);
			c.notes.forEach((n, j) => expect(ms(n.createdAt) - ms(before.notes[j].createdAt)).toBe(shiftMs));
			c.messages.forEach((m, j) => expect(ms(m.createdAt) - ms(before.messages[j].createdAt)).toBe(shiftMs));
		});
	});

	it('rejects an unparsable now', () => {
		expect(() => buildDemoFirm({ now: 'yesterday' })).toThrow(/invalid "now"/);
	});

	it('matches the committed seed file (rerun writeSeeds.ts when this fails)', () => {
		const seed = JSON.parse(readFileSync(join(root, 'simulators', 'seeds', 'demo-firm.json'), 'utf8')) as FirmModel;
		expect(seed).toEqual(JSON.parse(JSON.stringify(firm)));
	});
});

describe('buildDemoFirm: the firm', () => {
	it('has ~12 people with firm e-mails, one attorney missing from Case Status, and an admin API user', () => {
		const people = firm.staff.filter((s) => s.userId !== firm.apiUser.userId);
		expect(people).toHaveLength(12);
		expect(people.filter((s) => s.kind === 'attorney')).toHaveLength(5);
		expect(people.filter((s) => s.kind === 'paralegal')).toHaveLength(5);
		expect(people.filter((s) => s.kind === 'attorney' && !s.inCaseStatus)).toHaveLength(1);
		expect(people.filter((s) => s.kind !== 'attorney' && !s.inCaseStatus)).toHaveLength(0);
		for (const s of firm.staff) expect(s.email).toMatch(/^[a-z0-9.]+@hartwellmendez\.com$/);
		expectUnique(firm.staff.map((s) => s.userId));
		expectUnique(firm.staff.map((s) => s.email));
		expectUnique(firm.staff.map((s) => s.username));

		const apiUser = staffById.get(firm.apiUser.userId);
		expect(apiUser?.kind).toBe('admin');
		expect(apiUser?.username).toBe(firm.apiUser.username);
		expect(firm.apiUser.password.length).toBeGreaterThanOrEqual(8);
	});

	it('configures Product Liability (Mass Tort) and the Appeal stage only in SmartAdvocate', () => {
		expect(firm.practiceAreas.filter((p) => !p.inCaseStatus).map((p) => `${p.caseGroup}/${p.caseType}`)).toEqual([
			'Mass Tort/Product Liability',
		]);
		expect(firm.stages.filter((s) => s.inCaseStatus === false).map((s) => s.name)).toEqual(['Appeal']);
		expect(firm.stages.map((s) => s.name)).toEqual(['Intake', 'Pre-Litigation', 'Litigation', 'Appeal', 'Closed']);
		expect(stageOfStatus(firm, 'LIT 03 - Lawsuit Served')?.name).toBe('Litigation');
		expectUnique(firm.stages.flatMap((s) => s.statuses));
	});

	it('has the note types with the ASCII-hyphen Case Status names', () => {
		expect(firm.noteTypes).toEqual([
			'Case',
			'Plaintiff',
			'Phone Message',
			'Called',
			'Adjuster Defendant',
			'Expert',
			'Case Status - Incoming',
			'Case Status - Outgoing',
		]);
	});
});

describe('buildDemoFirm: cases', () => {
	it('has ~50 cases across every practice area and stage, a few closed', () => {
		expect(firm.cases.length).toBeGreaterThanOrEqual(45);
		expect(firm.cases.length).toBeLessThanOrEqual(55);
		expect(new Set(firm.cases.map((c) => c.practiceArea)).size).toBe(firm.practiceAreas.length);
		expect(new Set(firm.cases.map((c) => stageOfStatus(firm, c.status)?.name)).size).toBe(firm.stages.length);
		const closed = firm.cases.filter((c) => c.closed).length;
		expect(closed).toBeGreaterThanOrEqual(3);
		expect(closed).toBeLessThanOrEqual(8);
	});

	it('uses unique IDs per service', () => {
		expectUnique(firm.cases.map((c) => c.caseId));
		expectUnique(firm.cases.map((c) => c.caseNumber));
		expectUnique(firm.cases.flatMap((c) => c.clients.map((cl) => cl.contactId)));
		expectUnique(allNotes.map((n) => n.noteId));
		expectUnique(allMessages.map((m) => m.messageId));
		expectUnique(allDocuments.filter((d) => d.service === 'smartadvocate').map((d) => d.id));
		expectUnique(allDocuments.filter((d) => d.service === 'casestatus').map((d) => d.id));
		expectUnique(firm.cases.filter((c) => c.inCaseStatus).map((c) => c.csCaseId));
	});

	it('numbers cases in one style, in the order they were opened', () => {
		for (const c of firm.cases) expect(c.caseNumber).toMatch(/^9\d{6}$/);
		for (let i = 1; i < firm.cases.length; i++) {
			expect(Number(firm.cases[i].caseNumber)).toBeGreaterThan(Number(firm.cases[i - 1].caseNumber));
			expect(firm.cases[i].caseId).toBeGreaterThan(firm.cases[i - 1].caseId);
			expect(ms(firm.cases[i].openedDate)).toBeGreaterThanOrEqual(ms(firm.cases[i - 1].openedDate));
		}
	});

	it('resolves every staff, practice-area, status and note-type reference', () => {
		for (const c of firm.cases) {
			expect(firm.practiceAreas[c.practiceArea]).toBeDefined();
			expect(stageOfStatus(firm, c.status)).toBeDefined();
			for (const s of c.staff) expect(staffById.has(s.userId)).toBe(true);
			for (const n of c.notes) {
				expect(staffById.has(n.authorUserId)).toBe(true);
				expect(firm.noteTypes).toContain(n.noteTypeName);
			}
			for (const m of c.messages) {
				if (m.direction === 'incoming') expect(c.clients.map((cl) => cl.contactId)).toContain(m.senderId);
				else {
					expect(c.staff.map((s) => s.userId)).toContain(m.senderId);
					expect(staffById.get(m.senderId)?.inCaseStatus).toBe(true);
				}
			}
		}
	});

	it('staffs each case with 1-3 distinct people, exactly one Primary Attorney, roles matching their kind', () => {
		for (const c of firm.cases) {
			expect(c.staff.length).toBeGreaterThanOrEqual(1);
			expect(c.staff.length).toBeLessThanOrEqual(3);
			expectUnique(c.staff.map((s) => s.userId));
			expect(c.staff.filter((s) => s.role === 'Primary Attorney')).toHaveLength(1);
			for (const s of c.staff) {
				const kind = staffById.get(s.userId)?.kind;
				expect(kind).toBe(s.role.includes('Attorney') ? 'attorney' : 'paralegal');
			}
		}
		const roles = new Set(firm.cases.flatMap((c) => c.staff.map((s) => s.role)));
		for (const role of ['Primary Paralegal', 'Secondary Attorney', 'Managing Attorney', 'Paralegal'] as const) {
			expect(roles).toContain(role);
		}
	});

	it('names cases "Last, First v. Defendant" after the first client', () => {
		for (const c of firm.cases) {
			expect(c.caseName.startsWith(`${c.clients[0].lastName}, ${c.clients[0].firstName} v. `)).toBe(true);
			expect(c.incidentFacts.length).toBeGreaterThan(30);
			expect(c.incidentFacts).not.toMatch(/[{}]/);
		}
	});

	it('has 1-2 clients per case with unique phones and e-mails (Case Status rejects duplicates)', () => {
		const clients = firm.cases.flatMap((c) => c.clients);
		for (const c of firm.cases) expect([1, 2]).toContain(c.clients.length);
		expect(clients.some((c) => c.email === null)).toBe(true);
		expectUnique(clients.map((c) => c.email).filter((e) => e !== null));
		const phones = clients.map((c) => normalizeUsCellPhone(c.cellPhone)).filter((p) => p !== null);
		expectUnique(phones);
		// Mixed SA formats: "(555) 201-3344", "555.201.3344", "+1 555 201 3344", ...
		const shapes = new Set(clients.map((c) => c.cellPhone?.replace(/\d/g, '9')));
		expect(shapes.size).toBeGreaterThanOrEqual(4);
	});

	it('keeps dates in order and before now; closed exactly when in the Closed stage', () => {
		const now = ms(DEFAULT_NOW);
		for (const c of firm.cases) {
			expect(c.incidentDate).not.toBeNull();
			expect(ms(c.incidentDate!)).toBeLessThanOrEqual(ms(c.openedDate));
			expect(ms(c.openedDate)).toBeLessThanOrEqual(ms(c.createdAt));
			expect(ms(c.createdAt)).toBeLessThanOrEqual(ms(c.modifiedAt));
			expect(ms(c.modifiedAt)).toBeLessThanOrEqual(now);
			expect(c.closed).toBe(stageOfStatus(firm, c.status)?.name === 'Closed');
			expect(c.closedDate !== undefined).toBe(c.closed);
			const end = c.closedDate ? ms(c.closedDate) : now;
			if (c.closedDate) expect(ms(c.closedDate)).toBeLessThanOrEqual(ms(c.modifiedAt));
			for (const item of [...c.notes, ...c.messages, ...c.documents]) {
				expect(ms(item.createdAt)).toBeGreaterThanOrEqual(ms(c.createdAt));
				expect(ms(item.createdAt)).toBeLessThanOrEqual(end);
			}
		}
	});
});

describe('buildDemoFirm: Case Status eligibility', () => {
	const byReason = new Map<IneligibleReason | null, FirmCase[]>();
	for (const c of firm.cases) {
		const reason = caseStatusEligibility(firm, c);
		byReason.set(reason, [...(byReason.get(reason) ?? []), c]);
	}

	it.each(INELIGIBLE_REASONS.map((r) => [r]))('has two cases Case Status must refuse for %s', (reason) => {
		expect(byReason.get(reason)).toHaveLength(2);
	});

	it('has every other case eligible', () => {
		expect(byReason.get(null)).toHaveLength(firm.cases.length - 2 * INELIGIBLE_REASONS.length);
	});

	it('breaks only the one rule each ineligible case is about', () => {
		const attorneyOk = (c: FirmCase) => primaryAttorneyOf(firm, c)?.inCaseStatus === true;
		const phonesOk = (c: FirmCase) => c.clients.every((cl) => isValidUsCellPhone(cl.cellPhone));
		const areaOk = (c: FirmCase) => firm.practiceAreas[c.practiceArea].inCaseStatus;
		const stageOk = (c: FirmCase) => stageOfStatus(firm, c.status)?.inCaseStatus !== false;
		const checks: Record<IneligibleReason, (c: FirmCase) => boolean> = {
			'primary-attorney-not-in-case-status': attorneyOk,
			'client-cell-phone-invalid': phonesOk,
			'practice-area-not-in-case-status': areaOk,
			'stage-not-in-case-status': stageOk,
		};
		for (const reason of INELIGIBLE_REASONS) {
			for (const c of byReason.get(reason) ?? []) {
				for (const [other, ok] of Object.entries(checks)) expect(ok(c)).toBe(other !== reason);
			}
		}
		// Phone cases: one with no cell phone at all, one with a malformed number.
		expect(byReason.get('client-cell-phone-invalid')?.map((c) => c.clients[0].cellPhone === null).sort()).toEqual([false, true]);
	});

	it('never puts the attorney missing from Case Status on an otherwise eligible case', () => {
		const notInCs = new Set(firm.staff.filter((s) => !s.inCaseStatus).map((s) => s.userId));
		for (const c of byReason.get(null) ?? []) for (const s of c.staff) expect(notInCs.has(s.userId)).toBe(false);
	});

	it('lists exactly these cases in SEED-SCHEMA.md', () => {
		const doc = readFileSync(join(root, 'simulators', 'SEED-SCHEMA.md'), 'utf8');
		const row = /^\|\s*(\d{7})\s*\|\s*([a-z-]+)\s*\|\s*([^|]+?)\s*\|/gm;
		const documented = [...doc.matchAll(row)].map((m) => `${m[1]} ${m[2]} ${m[3]}`).sort();
		const actual = firm.cases
			.filter((c) => caseStatusEligibility(firm, c) !== null)
			.map((c) => `${c.caseNumber} ${caseStatusEligibility(firm, c)} ${c.caseName}`)
			.sort();
		expect(documented).toEqual(actual);
	});

	it('lists the cases already in Case Status in SEED-SCHEMA.md', () => {
		const doc = readFileSync(join(root, 'simulators', 'SEED-SCHEMA.md'), 'utf8');
		const section = doc.split('### Demo cases already in Case Status')[1].split('\n## ')[0];
		const documented = [...section.matchAll(/\b9\d{6}\b/g)].map((m) => m[0]);
		expect(documented).toEqual(firm.cases.filter((c) => c.inCaseStatus).map((c) => c.caseNumber));
	});

	it('has ~12 eligible cases already in Case Status, with csCaseId only on those', () => {
		const synced = firm.cases.filter((c) => c.inCaseStatus);
		expect(synced.length).toBeGreaterThanOrEqual(10);
		expect(synced.length).toBeLessThanOrEqual(14);
		for (const c of firm.cases) {
			expect(c.csCaseId !== undefined).toBe(c.inCaseStatus);
			if (c.inCaseStatus) expect(caseStatusEligibility(firm, c)).toBeNull();
		}
	});
});

describe('buildDemoFirm: notes and messages', () => {
	it('writes 1-4 HTML notes per case, with valid entities', () => {
		for (const c of firm.cases) {
			expect(c.notes.length).toBeGreaterThanOrEqual(1);
			expect(c.notes.length).toBeLessThanOrEqual(4);
		}
		for (const n of allNotes) {
			expect(n.html).toMatch(/<br>|&nbsp;|<strong>/);
			expect(n.html).not.toMatch(/&(?![a-z]+;)/); // every & starts an entity
			expect(n.html).not.toMatch(/[{}]/);
		}
		for (const marker of ['<br>', '&nbsp;', '<strong>']) expect(allNotes.some((n) => n.html.includes(marker))).toBe(true);
	});

	it('has client-portal notes (Plaintiff + shared) and unshared Plaintiff notes, and other types', () => {
		const shared = allNotes.filter((n) => n.isSharedInClientPortal);
		expect(shared.length).toBeGreaterThanOrEqual(5);
		for (const n of shared) expect(n.noteTypeName).toBe('Plaintiff');
		expect(allNotes.filter((n) => n.noteTypeName === 'Plaintiff' && !n.isSharedInClientPortal).length).toBeGreaterThanOrEqual(3);
		for (const type of ['Case', 'Phone Message', 'Called', 'Adjuster Defendant', 'Expert']) {
			expect(allNotes.some((n) => n.noteTypeName === type)).toBe(true);
		}
		// Client-portal notes where Case Status can deliver them, and where it cannot.
		const casesWithShared = firm.cases.filter((c) => c.notes.some((n) => n.isSharedInClientPortal));
		expect(casesWithShared.some((c) => c.inCaseStatus)).toBe(true);
		expect(casesWithShared.some((c) => !c.inCaseStatus)).toBe(true);
	});

	it('never repeats a note or message text within a case', () => {
		for (const c of firm.cases) {
			expectUnique(c.notes.map((n) => n.html));
			expectUnique(c.messages.map((m) => m.content));
		}
	});

	it('gives synced cases 2-6 messages in both directions, and others none', () => {
		for (const c of firm.cases) {
			if (!c.inCaseStatus) {
				expect(c.messages).toHaveLength(0);
				continue;
			}
			expect(c.messages.length).toBeGreaterThanOrEqual(2);
			expect(c.messages.length).toBeLessThanOrEqual(6);
			expect(new Set(c.messages.map((m) => m.direction))).toEqual(new Set(['incoming', 'outgoing']));
			const times = c.messages.map((m) => ms(m.createdAt));
			expect([...times].sort((a, b) => a - b)).toEqual(times);
		}
	});
});

describe('buildDemoFirm: documents and files', () => {
	const saDocs = allDocuments.filter((d) => d.service === 'smartadvocate');
	const csFiles = allDocuments.filter((d) => d.service === 'casestatus');

	it('puts CS files (0-2, mostly from clients) only on synced cases, SA documents in known folders', () => {
		for (const c of firm.cases) {
			const files = c.documents.filter((d) => d.service === 'casestatus');
			expect(files.length).toBeLessThanOrEqual(c.inCaseStatus ? 2 : 0);
		}
		expect(csFiles.length).toBeGreaterThan(0);
		expect(csFiles.filter((f) => f.uploadedBy === 'client').length).toBeGreaterThan(csFiles.length / 2);
		for (const f of csFiles) expect(['client', 'staff']).toContain(f.uploadedBy);
		expect(saDocs.length).toBeGreaterThan(0);
		for (const d of saDocs) expect(['Case Documents', 'Medical Records', 'Correspondence']).toContain(d.folder);
		expect(new Set(saDocs.map((d) => d.folder)).size).toBe(3);
	});

	it('uses distinct bytes per file and an extension matching the content type', () => {
		expectUnique(allDocuments.map((d) => d.contentBase64));
		const ext: Record<string, string> = { 'application/pdf': '.pdf', 'image/png': '.png', 'text/plain': '.txt' };
		for (const d of allDocuments) expect(d.fileName.endsWith(ext[d.contentType])).toBe(true);
		expect(new Set(allDocuments.map((d) => d.contentType))).toEqual(new Set(Object.keys(ext)));
	});

	it.each(['application/pdf', 'image/png', 'text/plain'])('has valid %s bytes', (type) => {
		const docs = allDocuments.filter((d) => d.contentType === type);
		expect(docs.length).toBeGreaterThan(0);
		for (const d of docs) validate(d);
	});
});

function validate(doc: FirmDocument) {
	const bytes = Buffer.from(doc.contentBase64, 'base64');
	expect(bytes.toString('base64')).toBe(doc.contentBase64);
	if (doc.contentType === 'application/pdf') validatePdf(bytes);
	else if (doc.contentType === 'image/png') validatePng(bytes);
	else expect(bytes.toString('utf8')).toMatch(/^[\x20-\x7e\n]+$/);
}

function validatePdf(bytes: Buffer) {
	const text = bytes.toString('latin1');
	expect(text.startsWith('%PDF-1.')).toBe(true);
	expect(text.endsWith('%%EOF\n')).toBe(true);
	const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
	expect(text.slice(startxref, startxref + 4)).toBe('xref');
	const [, count] = /^xref\n0 (\d+)\n/.exec(text.slice(startxref)) ?? [];
	const entries = text.slice(startxref).split('\n').slice(3, 2 + Number(count));
	entries.forEach((entry, i) => {
		const offset = Number(entry.slice(0, 10));
		expect(text.slice(offset, offset + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`);
	});
	const stream = /<< \/Length (\d+) >>\nstream\n([\s\S]*?)\nendstream/.exec(text);
	expect(Number(stream?.[1])).toBe(stream?.[2].length);
}

function validatePng(bytes: Buffer) {
	expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
	const chunks: { type: string; data: Buffer }[] = [];
	for (let p = 8; p < bytes.length; ) {
		const length = bytes.readUInt32BE(p);
		const type = bytes.toString('latin1', p + 4, p + 8);
		const data = bytes.subarray(p + 8, p + 8 + length);
		expect(bytes.readUInt32BE(p + 8 + length)).toBe(crc32(bytes.subarray(p + 4, p + 8 + length)));
		chunks.push({ type, data });
		p += 12 + length;
	}
	expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
	const width = chunks[0].data.readUInt32BE(0);
	const height = chunks[0].data.readUInt32BE(4);
	expect(chunks[0].data[9]).toBe(2); // truecolour RGB
	expect(inflateSync(chunks[1].data)).toHaveLength(height * (1 + width * 3));
}
