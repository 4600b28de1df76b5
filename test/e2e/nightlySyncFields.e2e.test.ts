/**
 * The "Nightly case sync" template as shipped, in a REAL n8n (2.41.1 on Node 24, 1.123.81 on Node 20), on
 * what its "Create or Update in Case Status" node does with lists, clients and staff:
 *
 *  1. first sync: a case manager in SmartAdvocate is a paralegal in Case Status; every client of a created
 *     case carries its SmartAdvocate contact ID as integration ID; every result of the node carries
 *     `ignoredEmails`, which names the attorney Case Status does not know on a case it just created;
 *  2. the last paralegal (and, on another case, the last additional attorney) removed in SmartAdvocate →
 *     none in Case Status, each case updated in exactly that field; the next run writes nothing.
 *
 * Needs: `npm run build` (dist/) and `node scripts/install-n8n.mjs`.
 * Run:   npx jest --selectProjects e2e --runInBand test/e2e/nightlySyncFields.e2e.test.ts   (SACS_E2E_VERSIONS=2|1 for one)
 */
import type { FirmCase } from '../../simulators/shared/firm';
import { ALL_VERSION_KEYS, N8N_VERSIONS, N8nInstance, selectedVersionKeys, type N8nVersionKey } from './harness';
import {
	caseStatusCases,
	caseStatusWrites,
	changed,
	clearRequestLogs,
	editSmartAdvocateCase,
	formPath,
	NODES,
	reportOf,
	sliceItems,
	SYNC,
	syncFromForm,
	TEMPLATE_FILE,
	type ReportRow,
} from './nightlySync/world';
import { readTemplate, startStack, type Stack } from './support/stack';

const selected = selectedVersionKeys();

const staffOf = (c: FirmCase, keep: (role: string) => boolean) => c.staff.filter((s) => keep(s.role)).map((s) => ({ userID: s.userId, role: s.role }));
const isParalegalRole = (role: string) => role.includes('Paralegal') || role === 'Case Manager';
const isAdditionalAttorney = (role: string) => role !== 'Primary Attorney' && role.includes('Attorney');

function suite(version: N8nVersionKey): void {
	let stack: Stack;
	let n8n: N8nInstance;
	let workflowId: string;
	const template = readTemplate(TEMPLATE_FILE);

	const caseById = (caseId: number) => stack.firm.cases.find((c) => c.caseId === caseId)!;
	const staffEmail = (userId: number) => stack.firm.staff.find((s) => s.userId === userId)!.email;
	const rowOf = (rows: ReportRow[], c: FirmCase) => rows.find((r) => r.caseNumber === c.caseNumber);

	/** A sync from the form as the nightly run does it (the first one syncs every case). */
	async function runOnce() {
		await clearRequestLogs(stack);
		const { run, slices } = await syncFromForm(n8n, formPath(template), [SYNC.changed, '', 'Sync']);
		return { run, slices, ...reportOf(run), writes: await caseStatusWrites(stack) };
	}

	beforeAll(async () => {
		stack = await startStack();
		n8n = await N8nInstance.create(version);
		await n8n.importCredentials(stack.credentials);
		workflowId = await n8n.importWorkflow(template);
		await n8n.start();
		await n8n.publish(workflowId);
		if (version === '2') await n8n.waitForActivation([workflowId]);
	});

	afterAll(async () => {
		await n8n?.dispose();
		await stack?.close();
	});

	// Cases of the demo firm (open, primary attorney in Case Status): one Case Status does not hold yet, one
	// seeded there with its only paralegal, one seeded with its only additional (managing) attorney.
	const NEW_CASE = 516710; // Primary Paralegal + Paralegal
	const PARALEGAL_CASE = 516721; // Primary Paralegal only
	const ATTORNEY_CASE = 516718; // Managing Attorney + Primary Paralegal
	const CASE_MANAGER = 113; // a paralegal with a Case Status account, on none of these cases
	const NOT_IN_CASE_STATUS = 105; // an attorney without a Case Status account

	it('1. first sync: case managers become paralegals, clients carry their contact ID, unknown staff are named on create', async () => {
		const newCase = caseById(NEW_CASE);
		expect(newCase).toMatchObject({ inCaseStatus: false, closed: false });
		expect(stack.firm.staff.find((s) => s.userId === NOT_IN_CASE_STATUS)?.inCaseStatus).toBe(false);
		await editSmartAdvocateCase(stack, NEW_CASE, {
			staff: [
				...newCase.staff.map((s) => ({ userID: s.userId, role: s.role })),
				{ userID: CASE_MANAGER, role: 'Case Manager' },
				{ userID: NOT_IN_CASE_STATUS, role: 'Secondary Attorney' },
			],
		});

		const { slices, rows } = await runOnce();
		expect(rowOf(rows, newCase)).toMatchObject({ result: 'created' });

		const held = (await caseStatusCases(stack)).get(String(NEW_CASE))!;
		// The case manager sits with the paralegals (Case Status has no other place for them).
		expect(held.paralegals.map((p) => p.email).sort()).toEqual(
			[...staffOf(newCase, isParalegalRole).map((s) => staffEmail(s.userID)), staffEmail(CASE_MANAGER)].sort(),
		);
		// Each client was created with its SmartAdvocate contact ID, so a later match never needs the phone.
		expect((held.clients as Array<{ integration_id?: string | null }>).map((c) => c.integration_id).sort()).toEqual(
			newCase.clients.map((c) => String(c.contactId)).sort(),
		);

		// Every result says whom Case Status does not know: an empty list, or the names, also on a create.
		// One node writes every case: it updates the ones Case Status has and creates the others with their clients.
		const results = sliceItems(slices, NODES.upsert).filter((item) => !item.error);
		expect(results.length).toBeGreaterThan(40);
		for (const item of results) expect({ case: item.readableId, list: Array.isArray(item.ignoredEmails) }).toEqual({ case: item.readableId, list: true });
		const created = results.find((item) => item.integrationId === String(NEW_CASE))!;
		expect(created).toMatchObject({ operationResult: 'created', ignoredEmails: [staffEmail(NOT_IN_CASE_STATUS)] });
		expect(results.filter((item) => (item.ignoredEmails as string[]).length > 0).length).toBeGreaterThanOrEqual(1);
	});

	it('2. the last paralegal or additional attorney removed in SmartAdvocate is removed in Case Status', async () => {
		const newCase = caseById(NEW_CASE);
		const paralegalCase = caseById(PARALEGAL_CASE);
		const attorneyCase = caseById(ATTORNEY_CASE);
		expect(staffOf(paralegalCase, isParalegalRole)).toHaveLength(1);
		expect(staffOf(attorneyCase, isAdditionalAttorney)).toHaveLength(1);
		const before = await caseStatusCases(stack);
		expect(before.get(String(PARALEGAL_CASE))!.paralegals).toHaveLength(1);
		expect(before.get(String(ATTORNEY_CASE))!.attorneys).toHaveLength(1);

		// Staff remove the paralegals (the new case: its paralegals and case manager), and the managing attorney.
		await editSmartAdvocateCase(stack, PARALEGAL_CASE, { staff: staffOf(paralegalCase, (role) => !isParalegalRole(role)) });
		await editSmartAdvocateCase(stack, NEW_CASE, { staff: staffOf(newCase, (role) => !isParalegalRole(role)) });
		await editSmartAdvocateCase(stack, ATTORNEY_CASE, { staff: staffOf(attorneyCase, (role) => !isAdditionalAttorney(role)) });

		const { rows, writes } = await runOnce();
		expect(rowOf(rows, paralegalCase)).toMatchObject({ result: 'updated' });
		expect(changed(rowOf(rows, paralegalCase))).toEqual(['paralegalEmails']);
		expect(changed(rowOf(rows, newCase))).toEqual(['paralegalEmails']);
		expect(changed(rowOf(rows, attorneyCase))).toEqual(['attorneyEmails']);

		const after = await caseStatusCases(stack);
		expect(after.get(String(PARALEGAL_CASE))!.paralegals).toEqual([]);
		expect(after.get(String(NEW_CASE))!.paralegals).toEqual([]);
		expect(after.get(String(ATTORNEY_CASE))!.attorneys).toEqual([]);
		// Nothing else on those cases moved.
		expect(after.get(String(ATTORNEY_CASE))!.paralegals).toEqual(before.get(String(ATTORNEY_CASE))!.paralegals);
		expect(after.get(String(PARALEGAL_CASE))!.primary_attorney).toEqual(before.get(String(PARALEGAL_CASE))!.primary_attorney);
		const csId = (caseId: number) => after.get(String(caseId))!.id;
		// Cases Case Status refused on the first run are tried again on every run (and refused again): creates only.
		const landed = (list: typeof writes) => list.filter((w) => w.status < 400);
		const retriedRefusals = (list: typeof writes) => list.filter((w) => w.status >= 400).map((w) => `${w.method} ${w.path}`);
		expect(landed(writes).map((w) => `${w.method} ${w.path} ${w.status}`).sort()).toEqual(
			[PARALEGAL_CASE, NEW_CASE, ATTORNEY_CASE].map((id) => `PATCH /v1/api/cases/${csId(id)} 200`).sort(),
		);
		expect(new Set(retriedRefusals(writes))).toEqual(new Set(retriedRefusals(writes).length ? ['POST /v1/api/cases'] : []));

		// "None" is now what both sides hold: the next run (a staff edit elsewhere on the case) writes nothing.
		await editSmartAdvocateCase(stack, PARALEGAL_CASE, { incidentFacts: 'Paralegal left the firm.' });
		const again = await runOnce();
		expect(rowOf(again.rows, paralegalCase)).toMatchObject({ result: 'unchanged', changedFields: '' });
		expect(landed(again.writes)).toEqual([]);
	});
}

for (const version of ALL_VERSION_KEYS) {
	const spec = N8N_VERSIONS[version];
	const title = `Nightly case sync template, list fields and clients, in n8n ${spec.n8nVersion} (Node ${spec.node})`;
	if (selected.includes(version)) describe(title, () => suite(version));
	else describe.skip(title, () => it('runs', () => undefined));
}
