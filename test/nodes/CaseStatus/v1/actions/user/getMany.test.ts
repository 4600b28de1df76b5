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
beforeEach(() => cs.reset());

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

	it('finds a user by e-mail, whatever the case of the letters', async () => {
		const output = await getMany({ returnAll: true, filters: { email: ` ${STAFF.tran.toUpperCase()} ` } });
		expect(output.map((item) => item.json.email)).toEqual([STAFF.tran]);
		expect(await getMany({ limit: 5, filters: { email: STAFF.pratt } })).toEqual([]);
		const sent = (await cs.requests()).filter((r) => r.path === '/v1/api/users').map((r) => r.query.email);
		expect(sent).toContain(STAFF.tran.toUpperCase());
	});

	it('never returns someone else, even from a server that ignores the e-mail filter', async () => {
		const all = (await getMany({ returnAll: true })).map((item) => item.json);
		await cs.fault('/v1/api/users', 200, 1, { body: all.slice(0, 100) });
		const output = await getMany({ limit: 1, filters: { email: STAFF.mendez } });
		expect(output.map((item) => item.json.email)).toEqual([STAFF.mendez]);
	});

	it('lists every user up to the limit', async () => {
		const output = await getMany({ limit: 3 });
		expect(output).toHaveLength(3);
		const all = await getMany({ returnAll: true });
		expect(new Set(all.map((item) => item.json.role))).toEqual(new Set(['attorney', 'paralegal', 'admin', 'support', 'client']));
	});
});
