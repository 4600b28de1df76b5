/** Which refused creates name the case that already has the integration ID (so Create or Update updates it instead). */
import { caseIdOfDuplicate } from '../../../../nodes/CaseStatus/caseSync/caseRefusal';

/** An error as the transport throws it: the status and Case Status's body (as text, the way it is kept). */
const refused = (httpCode: string, body: unknown) => ({ httpCode, errorResponse: { body: JSON.stringify(body) } });
const taken = (extra: object = {}) => ({ errors: [{ field: 'integration_id', message: 'A case with integration ID 516718 already exists.' }], ...extra });

describe('caseIdOfDuplicate', () => {
	it('names the case of a 409 about the integration ID, given as a number or text', () => {
		expect(caseIdOfDuplicate(refused('409', taken({ case_id: 90001 })))).toBe('90001');
		expect(caseIdOfDuplicate({ httpCode: '409', cause: { body: taken({ case_id: ' 90002 ' }) } })).toBe('90002');
	});

	it.each([
		['another status', refused('422', taken({ case_id: 90001 }))],
		['a 409 about another field', refused('409', { errors: [{ field: 'readable_id', message: 'Taken' }], case_id: 90001 })],
		['a 409 that names no case', refused('409', taken())],
		['a 409 whose body is not JSON', { httpCode: '409', errorResponse: { body: 'Conflict' } }],
		['no error at all', undefined],
	])('is undefined for %s', (_, error) => {
		expect(caseIdOfDuplicate(error)).toBeUndefined();
	});
});
