import type { IDataObject } from 'n8n-workflow';

import { CaseStatus } from '../../../../../../nodes/CaseStatus/CaseStatus.node';
import { STAFF_IDS } from '../../../../../../simulators/shared/demoFirm';
import type { FirmCase } from '../../../../../../simulators/shared/firm';
import { runNode } from '../../../../../support/n8nContext';
import { answeredTogether } from '../../../../../support/requestLog';
import { API_KEY, buildFixture } from '../../../fixtures';
import { startCs, type CsHarness } from '../../../harness';

/** The fixture firm plus 230 more synced cases, so lists span several pages of 100. */
function bigFirm() {
	const fixture = buildFixture();
	const extra: FirmCase[] = Array.from({ length: 230 }, (_, i) => ({
		...fixture.firm.cases[1],
		caseId: 600000 + i,
		caseNumber: `2023-${String(i).padStart(5, '0')}`,
		csCaseId: 91000 + i,
		staff: [{ userId: STAFF_IDS.raman, role: 'Primary Attorney' }],
		clients: [{ contactId: 80000 + i, firstName: 'Client', lastName: `No${i}`, email: null, cellPhone: `(555) 600-${String(i).padStart(4, '0')}` }],
		messages: [],
		documents: [],
		modifiedAt: fixture.ago(60 * 24 * 60),
	}));
	fixture.firm.cases.push(...extra);
	return fixture;
}

let cs: CsHarness;
beforeAll(async () => {
	cs = await startCs(bigFirm());
});
afterAll(() => cs.close());
beforeEach(() => cs.reset());

const getMany = (parameters: IDataObject) =>
	runNode(new CaseStatus(), {
		parameters: { resource: 'case', operation: 'getAll', ...parameters },
		credentials: cs.credentials,
	});

describe('Case → Get Many', () => {
	it('returns up to the limit, reading only the first page', async () => {
		const output = await getMany({ limit: 5 });
		expect(output.map((item) => item.json.caseId)).toEqual([90001, 90002, 90003, 91000, 91001]);
		expect(output.every((item) => JSON.stringify(item.pairedItem) === '{"item":0}')).toBe(true);
		expect((await cs.requests()).map((r) => r.query['page[number]'])).toEqual(['1']);
	});

	it('returns every case with Return All, page after page', async () => {
		const output = await getMany({ returnAll: true });
		expect(output).toHaveLength(233);
		expect(new Set(output.map((item) => item.json.caseId)).size).toBe(233);
		// Three pages, and pages 4 and 5, read ahead with them (dropped): a bare list does not say where it ends.
		expect((await cs.requests()).map((r) => Number(r.query['page[number]'])).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
	});

	it('reads the pages after the first several at a time, in page order', async () => {
		const pageByPage: unknown[] = [];
		for (let page = 1; page <= 3; page++) {
			const { data } = await cs.admin.get<IDataObject[]>('/v1/api/cases', { params: { 'page[number]': page, size: 100 }, headers: { Authorization: `ApiKey ${API_KEY}` } });
			pageByPage.push(...data.map((c) => c.id));
		}
		await cs.reset();
		await cs.admin.post('/__admin/latency', { ms: 150, route: '/v1/api/cases' });
		const output = await getMany({ returnAll: true });
		expect(output.map((item) => item.json.caseId)).toEqual(pageByPage);
		// Pages 2 and 3 together, then pages 4 and 5 together.
		expect(answeredTogether((await cs.requests()).filter((r) => r.query['page[number]'] !== '1'), 150)).toBeGreaterThanOrEqual(2);
	});

	it('filters by status, practice area and stage', async () => {
		const closed = await getMany({ returnAll: true, filters: { status: 'closed' } });
		expect(closed.map((item) => item.json.readableId)).toEqual(['2024-00982']);
		const dogBite = await getMany({ returnAll: true, filters: { practiceArea: 'Dog Bite' } });
		expect(dogBite.map((item) => item.json.caseId)).toEqual([90003]);
		const intake = await getMany({ returnAll: true, filters: { practiceArea: 'Premises Liability', stage: 'Intake' } });
		expect(intake).toHaveLength(231);
	});

	it('filters by cases changed since a time', async () => {
		const output = await getMany({ returnAll: true, filters: { updatedSince: new Date(cs.fixture.now - 7 * 86_400_000).toISOString() } });
		expect(output.map((item) => item.json.caseId).sort()).toEqual([90001, 90002, 90003]);
	});

	it('finds a case by readable ID or integration ID', async () => {
		expect((await getMany({ filters: { readableId: '2025-00140' } })).map((i) => i.json.caseId)).toEqual([90002]);
		expect((await getMany({ filters: { integrationId: '516718' } })).map((i) => i.json.caseId)).toEqual([90001]);
	});

	it('keeps only the exact ID match, and pages on for Limit 1, when a server ignores the ID filter', async () => {
		const all = (await runNode(new CaseStatus(), { parameters: { resource: 'case', operation: 'getAll', returnAll: true, simplify: false }, credentials: cs.credentials })).map((i) => i.json);
		const wanted = all.find((c) => c.integration_id === '600150')!;
		await cs.fault('/v1/api/cases', 200, 1, { body: all.slice(0, 100) });
		await cs.fault('/v1/api/cases', 200, 1, { body: all.slice(100, 200) });
		const output = await getMany({ limit: 1, filters: { integrationId: '600150' } });
		expect(output.map((item) => item.json.caseId)).toEqual([wanted.id]);
	});
});
