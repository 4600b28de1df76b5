import { SmartAdvocate } from '../../../../../../nodes/SmartAdvocate/SmartAdvocate.node';
import { runNode } from '../../../../../support/n8nContext';
import { rl, startSa, type SaHarness } from '../../../harness';

describe('SmartAdvocate › Case › Update', () => {
	let sa: SaHarness;
	beforeAll(async () => {
		sa = await startSa();
	});
	afterAll(() => sa.close());
	beforeEach(() => sa.reset());

	const update = (value: ReturnType<typeof rl>, updateFields: Record<string, unknown>, options: Parameters<typeof runNode>[1] = {}) =>
		runNode(new SmartAdvocate(), {
			parameters: { resource: 'case', operation: 'update', case: value, updateFields },
			credentials: sa.credentials,
			timezone: 'UTC',
			...options,
		});

	it('changes the status (and so the stage) and returns the updated case', async () => {
		// 805 = "LIT 03 - Lawsuit Served" (statuses are numbered from 801 in stage order).
		const [item] = await update(rl('caseNumber', '2024-0001'), { caseStatus: 805, caseName: 'Garcia v. Kessler Trucking' });
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.json).toMatchObject({ caseId: 1001, status: 'LIT 03 - Lawsuit Served', stage: 'Litigation', caseName: 'Garcia v. Kessler Trucking' });
		const [again] = await runNode(new SmartAdvocate(), {
			parameters: { resource: 'case', operation: 'get', case: rl('id', '1001') },
			credentials: sa.credentials,
		});
		expect(again.json.status).toBe('LIT 03 - Lawsuit Served');
	});

	it('accepts a status or case type by name from an expression, and dates', async () => {
		const [item] = await update(rl('id', '1002'), { caseStatus: 'Settled', caseType: 'Workplace Injury', closedDate: '2025-06-30T00:00:00' });
		expect(item.json).toMatchObject({ status: 'Settled', practiceArea: 'Workplace Injury', closedDate: '2025-06-30T00:00:00.000Z', isClosed: true });
	});

	it('says clearly when SmartAdvocate refuses a value', async () => {
		const error = await update(rl('id', '1001'), { caseStatus: 999 }).catch((e) => e);
		expect(error.message).toBe('SmartAdvocate refused to update case 1001: CaseStatusID: Case status 999 does not exist.');
		expect(error.context.itemIndex).toBe(0);
	});

	it('says clearly when the firm does not let this user update cases', async () => {
		await sa.admin.post('/__admin/config', { permissions: { canUpdateCase: false } });
		const error = await update(rl('id', '1001'), { caseName: 'x' }).catch((e) => e);
		expect(error.message).toBe('The SmartAdvocate user may not update case 1001');
		expect(error.description).toMatch(/administrator/);
	});

	it('refuses to send an empty update', async () => {
		await expect(update(rl('id', '1001'), {})).rejects.toThrow('Nothing to update: no field is set under Update Fields');
		expect(await sa.calls()).toEqual([]);
	});
});
