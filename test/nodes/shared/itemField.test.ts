import type { IExecuteFunctions } from 'n8n-workflow';

import { itemFieldOfExpression, itemFieldValue } from '../../../nodes/shared/itemField';

const withItems = (...json: Array<Record<string, unknown>>) => ({ getInputData: () => json.map((j) => ({ json: j })) }) as unknown as IExecuteFunctions;

describe('an expression that only names a field of the item', () => {
	it('is recognised in the forms the editor writes, and nothing more', () => {
		expect(itemFieldOfExpression('={{ $json.caseId }}')).toBe('caseId');
		expect(itemFieldOfExpression('={{$json.integrationId}}')).toBe('integrationId');
		for (const other of [
			'{{ $json.caseId }}',
			'={{ $json.caseId }} ',
			'={{ $json.case.id }}',
			'={{ $json["caseId"] }}',
			'={{ $json.caseId + 1 }}',
			'={{ $json.caseId }}{{ $json.other }}',
			'=case {{ $json.caseId }}',
			"={{ $('Node').item.json.caseId }}",
			'1001',
			1001,
			undefined,
		]) {
			expect(itemFieldOfExpression(other)).toBeUndefined();
		}
	});

	it("gives the item's own string or number, and leaves every other value to n8n's expression engine", () => {
		const ctx = withItems({ caseId: 1001 }, { caseId: ' 1002 ' }, {}, { caseId: null }, { caseId: { id: 1 } }, { caseId: NaN });
		expect(itemFieldValue(ctx, 0, '={{ $json.caseId }}')).toBe(1001);
		expect(itemFieldValue(ctx, 1, '={{ $json.caseId }}')).toBe(' 1002 ');
		for (const item of [2, 3, 4, 5]) expect(itemFieldValue(ctx, item, '={{ $json.caseId }}')).toBeUndefined();
		expect(itemFieldValue(ctx, 0, '={{ $json.caseId + 1 }}')).toBeUndefined();
		// Inherited names are not fields of the item.
		expect(itemFieldValue(ctx, 2, '={{ $json.constructor }}')).toBeUndefined();
	});
});
