/* eslint-disable @typescript-eslint/no-explicit-any -- runs in Node, never in n8n (eslint.dev.config.mjs) */
import { CaseStatus } from '../../../../../../nodes/CaseStatus/CaseStatus.node';
import { runNode } from '../../../../../support/n8nContext';
import { startCs, type CsHarness } from '../../../harness';

let cs: CsHarness;
beforeAll(async () => {
	cs = await startCs();
});
afterAll(() => cs.close());

describe('Practice Area → Get Many', () => {
	it('lists practice areas with their mappings and stages in order', async () => {
		const output = await runNode(new CaseStatus(), {
			parameters: { resource: 'practiceArea', operation: 'getAll', returnAll: true },
			credentials: cs.credentials,
		});
		expect(output.map((item) => item.json.name)).toEqual([
			'Motor Vehicle Accident',
			'Premises Liability',
			'Medical Malpractice',
			'Dog Bite',
			"Workers' Compensation",
		]);
		const workersComp = output[4].json as any;
		expect(workersComp.integration_mappings).toEqual(['Workers Comp']);
		expect(workersComp.stages.map((s: any) => [s.position, s.name])).toEqual([
			[1, 'Intake'],
			[2, 'Pre-Litigation'],
			[3, 'Litigation'],
			[4, 'Closed'],
		]);
		expect(output[0].pairedItem).toEqual({ item: 0 });
	});

	it('returns up to the limit', async () => {
		const output = await runNode(new CaseStatus(), {
			parameters: { resource: 'practiceArea', operation: 'getAll', limit: 2 },
			credentials: cs.credentials,
		});
		expect(output).toHaveLength(2);
	});
});
