/* eslint-disable @n8n/community-nodes/no-restricted-globals -- runs in Node, never in n8n (eslint.dev.config.mjs) */
import { buildDemoFirm } from '../../../simulators/shared/demoFirm';
import { INELIGIBLE_REASONS, caseStatusEligibility, stageOfStatus } from '../../../simulators/shared/eligibility';
import type { FirmModel } from '../../../simulators/shared/firm';
import { buildSyntheticFirm } from '../../../simulators/shared/syntheticFirm';

function expectUnique(values: unknown[]) {
	expect(new Set(values).size).toBe(values.length);
}

/** Plain checks collected into one assertion: per-item expect() is far too slow for 20,000 cases. */
function expectReferencesResolve(firm: FirmModel) {
	const staff = new Set(firm.staff.map((s) => s.userId));
	const problems: string[] = [];
	for (const c of firm.cases) {
		const at = `case ${c.caseNumber}`;
		if (!firm.practiceAreas[c.practiceArea]) problems.push(`${at}: practice area ${c.practiceArea}`);
		if (!stageOfStatus(firm, c.status)) problems.push(`${at}: status ${c.status}`);
		if (c.staff.filter((s) => s.role === 'Primary Attorney').length !== 1) problems.push(`${at}: primary attorneys`);
		for (const s of c.staff) if (!staff.has(s.userId)) problems.push(`${at}: staff ${s.userId}`);
		for (const n of c.notes) {
			if (!staff.has(n.authorUserId)) problems.push(`${at}: note author ${n.authorUserId}`);
			if (!firm.noteTypes.includes(n.noteTypeName)) problems.push(`${at}: note type ${n.noteTypeName}`);
		}
		for (const m of c.messages) {
			const senders = m.direction === 'incoming' ? c.clients.map((cl) => cl.contactId) : c.staff.map((s) => s.userId);
			if (!senders.includes(m.senderId)) problems.push(`${at}: message sender ${m.senderId}`);
		}
	}
	expect(problems).toEqual([]);
}

describe('buildSyntheticFirm: 20,000 cases', () => {
	const cpuBefore = process.cpuUsage();
	const firm = buildSyntheticFirm(20_000);
	const cpu = process.cpuUsage(cpuBefore);

	it('builds quickly (CPU time, so a busy machine does not make it flaky)', () => {
		expect((cpu.user + cpu.system) / 1000).toBeLessThan(2000);
	});

	it('has 20,000 cases with unique case numbers and IDs', () => {
		expect(firm.cases).toHaveLength(20_000);
		expectUnique(firm.cases.map((c) => c.caseNumber));
		expectUnique(firm.cases.map((c) => c.caseId));
		expectUnique(firm.cases.flatMap((c) => c.clients.map((cl) => cl.contactId)));
		expectUnique(firm.cases.flatMap((c) => c.notes.map((n) => n.noteId)));
		expectUnique(firm.cases.flatMap((c) => c.documents.map((d) => d.id)));
	});

	it('makes every case eligible for Case Status by default', () => {
		const ineligible = firm.cases.filter((c) => caseStatusEligibility(firm, c) !== null);
		expect(ineligible.map((c) => c.caseNumber)).toEqual([]);
		expect(firm.cases.every((c) => !c.inCaseStatus && c.messages.length === 0)).toBe(true);
	});

	it('gives clients unique phones and e-mails, as Case Status requires', () => {
		const clients = firm.cases.flatMap((c) => c.clients);
		expectUnique(clients.map((c) => c.cellPhone!.replace(/\D/g, '').slice(-10)));
		expectUnique(clients.map((c) => c.email).filter((e) => e !== null));
	});

	it('resolves every reference, with 0-2 notes per case', () => {
		expectReferencesResolve(firm);
		const counts = new Set(firm.cases.map((c) => c.notes.length));
		expect([...counts].sort()).toEqual([0, 1, 2]);
	});

	it('keeps file contents to a handful of shared tiny blobs', () => {
		const docs = firm.cases.flatMap((c) => c.documents);
		expect(docs.length).toBeGreaterThan(0);
		const blobs = new Set(docs.map((d) => d.contentBase64));
		expect(blobs.size).toBeLessThanOrEqual(3);
		for (const blob of blobs) expect(blob.length).toBeLessThan(2000);
	});
});

describe('buildSyntheticFirm: options', () => {
	it('reuses the demo firm setup', () => {
		const demo = buildDemoFirm();
		const synthetic = buildSyntheticFirm(10);
		for (const key of ['firmName', 'apiUser', 'caseStatusApiKey', 'staff', 'practiceAreas', 'stages', 'noteTypes'] as const) {
			expect(synthetic[key]).toEqual(demo[key]);
		}
	});

	it('is deterministic for the same seed and now, and varies with the seed', () => {
		const now = '2027-01-05T12:00:00.000Z';
		const a = JSON.stringify(buildSyntheticFirm(300, { seed: 7, now }));
		expect(JSON.stringify(buildSyntheticFirm(300, { seed: 7, now }))).toBe(a);
		expect(JSON.stringify(buildSyntheticFirm(300, { seed: 8, now }))).not.toBe(a);
		const latest = Math.max(...buildSyntheticFirm(300, { seed: 7, now }).cases.map((c) => Date.parse(c.modifiedAt)));
		expect(latest).toBeLessThanOrEqual(Date.parse(now));
	});

	it('makes every k-th case ineligible with ineligibleEvery, cycling through all reasons', () => {
		const firm = buildSyntheticFirm(400, { ineligibleEvery: 5 });
		const counts = new Map<string | null, number>();
		for (const c of firm.cases) {
			const reason = caseStatusEligibility(firm, c);
			counts.set(reason, (counts.get(reason) ?? 0) + 1);
		}
		expect(counts.get(null)).toBe(320);
		for (const reason of INELIGIBLE_REASONS) expect(counts.get(reason)).toBe(20);
		expectReferencesResolve(firm);
	});

	it('marks every k-th eligible case as already in Case Status with inCaseStatusEvery', () => {
		const firm = buildSyntheticFirm(200, { ineligibleEvery: 4, inCaseStatusEvery: 3 });
		const synced = firm.cases.filter((c) => c.inCaseStatus);
		expect(synced).toHaveLength(50); // 150 eligible cases, every 3rd
		for (const c of synced) {
			expect(caseStatusEligibility(firm, c)).toBeNull();
			expect(c.messages.length).toBeGreaterThanOrEqual(1);
		}
		expectUnique(synced.map((c) => c.csCaseId));
		expectUnique(synced.flatMap((c) => c.messages.map((m) => m.messageId)));
		expectReferencesResolve(firm);
	});

	it('builds an empty firm and rejects a bad count', () => {
		expect(buildSyntheticFirm(0).cases).toEqual([]);
		expect(() => buildSyntheticFirm(-1)).toThrow(/caseCount/);
		expect(() => buildSyntheticFirm(2.5)).toThrow(/caseCount/);
	});
});
