/* eslint-disable @typescript-eslint/no-explicit-any -- runs in Node, never in n8n (eslint.dev.config.mjs) */
import { CaseStatus } from '../../../../nodes/CaseStatus/CaseStatus.node';
import { runMethod } from '../../../support/n8nContext';
import { startCs, type CsHarness } from '../harness';

let cs: CsHarness;
beforeAll(async () => {
	cs = await startCs();
});
afterAll(() => cs.close());

describe('Case picker (list search)', () => {
	it('lists cases by readable ID, client and practice area', async () => {
		const result = await runMethod(new CaseStatus(), 'listSearch', 'searchCases', { credentials: cs.credentials });
		expect(result.results).toEqual([
			{ name: '2025-00137 — Maria Garcia (Motor Vehicle Accident)', value: '90001' },
			{ name: '2025-00140 — Linh Nguyen (Premises Liability)', value: '90002' },
			{ name: '2024-00982 — Ada Okafor (Dog Bite)', value: '90003' },
		]);
		expect(result.paginationToken).toBeUndefined();
	});

	it('searches by client name, readable ID or integration ID', async () => {
		const search = async (filter: string) =>
			(await runMethod(new CaseStatus(), 'listSearch', 'searchCases', { credentials: cs.credentials, filter })).results.map(
				(r: any) => r.value,
			);
		expect(await search('nguyen')).toEqual(['90002']);
		expect(await search('2024-')).toEqual(['90003']);
		expect(await search('516718')).toEqual(['90001']);
	});
});

describe('Dropdowns (load options)', () => {
	it('offers the practice areas by name, with the names Case Status also matches', async () => {
		const options = await runMethod(new CaseStatus(), 'loadOptions', 'getPracticeAreas', { credentials: cs.credentials });
		expect(options.map((o: any) => o.name)).toEqual([
			'Dog Bite',
			'Medical Malpractice',
			'Motor Vehicle Accident',
			'Premises Liability',
			"Workers' Compensation",
		]);
		expect(options.find((o: any) => o.value === "Workers' Compensation").description).toBe('Also matches: Workers Comp');
	});

	it('offers the stages of the chosen practice area in their order', async () => {
		const options = await runMethod(new CaseStatus(), 'loadOptions', 'getStages', {
			credentials: cs.credentials,
			parameters: { resource: 'case', operation: 'update', updateFields: { practiceArea: 'Workers Comp' } },
		});
		expect(options.map((o: any) => o.value)).toEqual(['Intake', 'Pre-Litigation', 'Litigation', 'Closed']);
		expect(options[0].description).toBe('Your case is in the Intake stage.');
	});

	it('offers every stage name once when no practice area is chosen', async () => {
		const options = await runMethod(new CaseStatus(), 'loadOptions', 'getStages', {
			credentials: cs.credentials,
			parameters: { resource: 'case', operation: 'create' },
		});
		expect(options.map((o: any) => o.value)).toEqual(['Intake', 'Pre-Litigation', 'Litigation', 'Closed']);
		expect(options[0].description).toMatch(/^In Motor Vehicle Accident, Premises Liability/);
	});
});
