/** What a refusal means: the case that already has the integration ID, and what to do about each reason. */
import { caseIdOfDuplicate, clientsNotReadReason, explainRefusal } from '../../../../nodes/CaseStatus/caseSync/caseRefusal';

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

describe('explainRefusal', () => {
	it.each([
		['Stage not mapped: Appeal', 'stageNotMapped', 'Stage not mapped', "Stage 'Appeal' is not mapped: add it to the stage map"],
		['Practice area not mapped: Product Liability', 'practiceAreaNotMapped', 'Practice area not mapped', "Practice area 'Product Liability' is not mapped: add it to the practice area map"],
		['Primary attorney not found: gregory.pratt@firm.test', 'attorneyNotFound', 'Attorney not in Case Status', 'Attorney gregory.pratt@firm.test has no Case Status user: invite them'],
		['Cell phone invalid: 555-230-703', 'cellPhoneInvalid', 'Invalid client cell phone', "Client cell phone '555-230-703' is invalid: fix it in SmartAdvocate"],
		['Client missing name.', 'clientMissingName', 'Client name missing', 'A client has no first or last name: add it in SmartAdvocate'],
		['At least one client is required.', 'noClient', 'No client on the case', 'The case has no client: add one in SmartAdvocate'],
		['Client not found, stopping import.', 'clientNotFound', 'Client not found', "Case Status did not find the client: check the client's name and cell phone in SmartAdvocate"],
		['A case with integration ID 1 already exists.', 'integrationIdTaken', 'Integration ID already in use', 'Another case in Case Status has this integration ID: use Create or Update'],
	])('says what to do about "%s" (%s, under "%s")', (reason, reasonCode, reasonLabel, whatToDo) => {
		expect(explainRefusal(reason)).toMatchObject({ reasonCode, reasonLabel, whatToDo });
	});

	it('tells Create or Update that a case another run created meanwhile is updated by the next run', () => {
		expect(explainRefusal('A case with integration ID 1 already exists.', true)).toMatchObject({
			reasonCode: 'integrationIdTaken',
			whatToDo: 'Another run created this case at the same time: the next run updates it',
		});
	});

	it('explains each of several reasons, with the first one\'s code and label', () => {
		expect(explainRefusal('Stage not mapped: Appeal; Cell phone invalid: 12')).toMatchObject({
			reasonCode: 'stageNotMapped',
			reasonLabel: 'Stage not mapped',
			whatToDo: "Stage 'Appeal' is not mapped: add it to the stage map; Client cell phone '12' is invalid: fix it in SmartAdvocate",
		});
	});

	it.each([
		['Case Date: Date has wrong format.'],
		// Not the integration ID: a client user Case Status already has is not a case to update.
		['User already exists: ana@example.test, +15552013344'],
	])('names a reason it does not know ("%s") as a value to correct, quoting Case Status', (reason) => {
		expect(explainRefusal(reason)).toEqual({
			reasonCode: 'invalidValue',
			reasonLabel: 'Value refused by Case Status',
			whatToDo: `Case Status refused a value (${reason}): correct it in SmartAdvocate or in the workflow`,
			hint: expect.any(String),
		});
	});
});

describe('clientsNotReadReason', () => {
	it('is no reason when the clients were read', () => {
		expect(clientsNotReadReason({})).toBeUndefined();
	});

	it('says the clients were not read, as one reason even when the read\'s message has several parts', () => {
		const reason = clientsNotReadReason({ clientsNotRead: 'SmartAdvocate answered 500; after 5 attempts' })!;
		expect(reason).toBe('Clients not read: SmartAdvocate answered 500, after 5 attempts');
		expect(explainRefusal(reason, true)).toEqual({
			reasonCode: 'clientsNotRead',
			reasonLabel: 'Clients not read from SmartAdvocate',
			whatToDo: "SmartAdvocate did not give the case's clients (SmartAdvocate answered 500, after 5 attempts); it is tried again on the next run",
			hint: expect.stringContaining('next run'),
		});
	});
});
