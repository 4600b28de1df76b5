import type { IDataObject } from 'n8n-workflow';

import { CaseStatus } from '../../../../../../nodes/CaseStatus/CaseStatus.node';
import { runNode } from '../../../../../support/n8nContext';
import { STAFF } from '../../../fixtures';
import { startCs, type CsHarness } from '../../../harness';

let cs: CsHarness;
beforeAll(async () => {
	cs = await startCs();
});
afterAll(() => cs.close());

const getMany = (parameters: IDataObject) =>
	runNode(new CaseStatus(), { parameters: { resource: 'user', operation: 'getAll', ...parameters }, credentials: cs.credentials });

describe('User → Get Many', () => {
	it('lists the attorneys', async () => {
		const output = await getMany({ returnAll: true, filters: { role: 'attorney' } });
		expect(output.map((item) => item.json.email)).toEqual([STAFF.hartwell, STAFF.mendez, STAFF.bell, STAFF.raman]);
		expect(output[0].json).toEqual({
			id: expect.any(Number),
			first_name: 'Daniel',
			last_name: 'Hartwell',
			email: STAFF.hartwell,
			cell_phone: '+15557304101',
			role: 'attorney',
		});
		expect(output.map((item) => item.pairedItem)).toEqual(output.map(() => ({ item: 0 })));
	});

	it('lists every user up to the limit', async () => {
		const output = await getMany({ limit: 3 });
		expect(output).toHaveLength(3);
		const all = await getMany({ returnAll: true });
		expect(new Set(all.map((item) => item.json.role))).toEqual(new Set(['attorney', 'paralegal', 'admin', 'support', 'client']));
	});
});
