/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, @typescript-eslint/no-explicit-any -- runs in Node, never in n8n (eslint.dev.config.mjs) */
import type { IDataObject } from 'n8n-workflow';

import { CaseStatus } from '../../../../../../nodes/CaseStatus/CaseStatus.node';
import { runNode, type SentRequest } from '../../../../../support/n8nContext';
import { API_KEY, STAFF } from '../../../fixtures';
import { startCs, type CsHarness } from '../../../harness';

let cs: CsHarness;
beforeAll(async () => {
	cs = await startCs();
});
afterAll(() => cs.close());
beforeEach(() => cs.reset());

const MARIA = { firstName: 'Maria', lastName: 'Lopez', cellPhone: '(555) 301-4455', email: 'maria.lopez@mail.test' };

const createParameters = (overrides: IDataObject = {}): IDataObject => ({
	resource: 'case',
	operation: 'create',
	readableId: '2025-00200',
	practiceArea: 'Motor Vehicle Accident',
	primaryAttorneyEmail: STAFF.hartwell,
	clients: { client: [MARIA] },
	additionalFields: { integrationId: '517000', stage: 'Intake', caseDate: '2025-03-01T00:00:00', description: 'Rear-ended on I-95' },
	...overrides,
});

const run = (parameters: IDataObject, extra: { items?: IDataObject[]; continueOnFail?: boolean; sentRequests?: SentRequest[] } = {}) =>
	runNode(new CaseStatus(), {
		parameters,
		items: extra.items?.map((json) => ({ json })),
		credentials: cs.credentials,
		continueOnFail: extra.continueOnFail,
		sentRequests: extra.sentRequests,
	});

async function errorOf(promise: Promise<unknown>): Promise<any> {
	try {
		await promise;
	} catch (error) {
		return error;
	}
	throw new Error('expected the node to fail');
}

describe('Case → Create', () => {
	it('creates the case with its client and returns it simplified', async () => {
		const [item] = await run(createParameters());
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.json).toMatchObject({
			readableId: '2025-00200',
			integrationId: '517000',
			description: 'Rear-ended on I-95',
			practiceArea: 'Motor Vehicle Accident',
			stage: 'Intake',
			caseDate: '2025-03-01',
			closed: false,
			primaryAttorneyEmail: STAFF.hartwell,
			clients: [{ firstName: 'Maria', lastName: 'Lopez', cellPhone: '+15553014455', email: 'maria.lopez@mail.test' }],
		});
		const stored = await cs.admin.get(`/v1/api/cases/${item.json.caseId}`, { headers: { Authorization: `ApiKey ${API_KEY}` } });
		expect(stored.data.integration_id).toBe('517000');
		expect(await cs.writes()).toEqual(['POST /v1/api/cases']);
	});

	it('takes clients as a JSON array mapped by an expression, and attorney and paralegal lists as text', async () => {
		const [item] = await run(
			createParameters({
				clientsInput: 'json',
				clientsJson: '={{ $json.clients }}',
				additionalFields: { attorneyEmails: `${STAFF.bell}, ${STAFF.raman}`, paralegalEmails: '={{ $json.paralegals }}' },
			}),
			{
				items: [
					{
						clients: [
							{ first_name: 'Maria', last_name: 'Lopez', cell_phone: '555 301 4455' },
							{ firstName: 'Jon', lastName: 'Lopez', cellPhone: '+1 555 301 4456' },
						],
						paralegals: [STAFF.tran],
					},
				],
			},
		);
		expect(item.json.clients).toHaveLength(2);
		expect(item.json.attorneyEmails).toEqual([STAFF.bell, STAFF.raman]);
		expect(item.json.paralegalEmails).toEqual([STAFF.tran]);
	});

	it('creates the case closed, in one call, when Closed is on', async () => {
		const [item] = await run(createParameters({ additionalFields: { closed: true } }));
		expect(item.json.closed).toBe(true);
		expect(await cs.writes()).toEqual(['POST /v1/api/cases']);
	});

	it('returns the raw case when Simplify is off', async () => {
		const [item] = await run(createParameters({ simplify: false }));
		expect(item.json).toMatchObject({ readable_id: '2025-00200', practice_area: { name: 'Motor Vehicle Accident' } });
	});

	describe('import rules', () => {
		it('names the case and the unknown attorney', async () => {
			const error = await errorOf(run(createParameters({ primaryAttorneyEmail: STAFF.pratt })));
			expect(error.message).toBe(
				`Case Status refused to create case 2025-00200 (integration ID 517000): Attorney ${STAFF.pratt} has no Case Status user: invite them`,
			);
			expect(error.description).toBe(
				`Case Status said: Primary attorney not found: ${STAFF.pratt}. Add the person as a user in Case Status, or correct the e-mail in SmartAdvocate.`,
			);
			expect(error.context.itemIndex).toBe(0);
		});

		it('names the case and the invalid cell phone', async () => {
			const error = await errorOf(run(createParameters({ clients: { client: [{ ...MARIA, cellPhone: '555-12' }] } })));
			expect(error.message).toBe("Case Status refused to create case 2025-00200 (integration ID 517000): Client cell phone '555-12' is invalid: fix it in SmartAdvocate");
			expect(error.description).toMatch(/valid US cell phone/);
		});

		it('names the case and the unmapped stage', async () => {
			const error = await errorOf(run(createParameters({ additionalFields: { integrationId: '517000', stage: 'Appeal' } })));
			expect(error.message).toBe("Case Status refused to create case 2025-00200 (integration ID 517000): Stage 'Appeal' is not mapped: add it to the stage map");
		});

		it('names the case and the unmapped practice area', async () => {
			const error = await errorOf(run(createParameters({ practiceArea: 'Product Liability' })));
			expect(error.message).toMatch(/refused to create case 2025-00200 .*Practice area 'Product Liability' is not mapped: add it to the practice area map$/);
		});

		it('names the case when a client has no name', async () => {
			const error = await errorOf(run(createParameters({ clients: { client: [{ cellPhone: MARIA.cellPhone }] } })));
			expect(error.message).toMatch(/refused to create case 2025-00200 .*A client has no first or last name: add it in SmartAdvocate$/);
		});

		it('with Continue On Fail, lists the refused cases and still creates the others', async () => {
			const items = [
				{ number: '2025-00201', id: '517001', attorney: STAFF.hartwell, phone: '(555) 301-0001', stage: 'Intake' },
				{ number: '2025-00202', id: '517002', attorney: STAFF.pratt, phone: '(555) 301-0002', stage: 'Intake' },
				{ number: '2025-00203', id: '517003', attorney: STAFF.mendez, phone: '12345', stage: 'Intake' },
				{ number: '2025-00204', id: '517004', attorney: STAFF.mendez, phone: '(555) 301-0004', stage: 'Appeal' },
				{ number: '2025-00205', id: '517005', attorney: STAFF.bell, phone: '(555) 301-0005', stage: 'Litigation' },
			];
			const output = await run(
				createParameters({
					readableId: '={{ $json.number }}',
					primaryAttorneyEmail: '={{ $json.attorney }}',
					clients: { client: [{ firstName: 'Ana', lastName: '={{ "Client " + $json.number }}', cellPhone: '={{ $json.phone }}' }] },
					additionalFields: { integrationId: '={{ $json.id }}', stage: '={{ $json.stage }}' },
				}),
				{ items, continueOnFail: true },
			);
			expect(output.map((item) => item.pairedItem)).toEqual(items.map((_, item) => ({ item })));
			expect(output.map((item) => item.json.readableId)).toEqual(items.map((item) => item.number));
			expect(output.map((item) => item.json.reason ?? 'created')).toEqual([
				'created',
				`Primary attorney not found: ${STAFF.pratt}`,
				'Cell phone invalid: 12345',
				'Stage not mapped: Appeal',
				'created',
			]);
			expect(output[1].json).toMatchObject({
				error: `Case Status refused to create case 2025-00202 (integration ID 517002): Attorney ${STAFF.pratt} has no Case Status user: invite them`,
				reason: `Primary attorney not found: ${STAFF.pratt}`,
				reasonCode: 'attorneyNotFound',
				integrationId: '517002',
				httpCode: '422',
			});
			const inCaseStatus = await cs.admin.get('/v1/api/cases', { params: { size: 100 }, headers: { Authorization: `ApiKey ${API_KEY}` } });
			const integrationIds = (inCaseStatus.data as IDataObject[]).map((c) => c.integration_id).filter((id) => String(id).startsWith('5170'));
			expect(integrationIds).toEqual(['517001', '517005']);
		});
	});

	it('refuses an empty readable ID before calling Case Status', async () => {
		const error = await errorOf(run(createParameters({ readableId: '  ' })));
		expect(error.message).toBe('The Readable ID is empty');
		expect(await cs.requests()).toEqual([]);
	});

	it('says when the case date is not a date', async () => {
		const error = await errorOf(run(createParameters({ additionalFields: { caseDate: 'soon' } })));
		expect(error.message).toBe('The Case Date "soon" is not a date');
	});

	it('retries when Case Status is briefly unavailable, and creates the case once', async () => {
		await cs.fault('/v1/api/cases', 503, 1, { retryAfter: 0 });
		const [item] = await run(createParameters());
		expect(item.json.readableId).toBe('2025-00200');
		const posts = (await cs.requests()).filter((r) => r.method === 'POST').map((r) => r.status);
		expect(posts).toEqual([503, 201]);
	});

	it('keeps the API key out of errors, even when the key is wrong', async () => {
		const sentRequests: SentRequest[] = [];
		const wrongKey = 'cs_wrong_key_0000111122223333';
		const error = await errorOf(
			runNode(new CaseStatus(), {
				parameters: createParameters(),
				credentials: { caseStatusApi: { ...cs.credentials.caseStatusApi, apiKey: wrongKey } },
				sentRequests,
			}),
		);
		expect(error.message).toBe(
			'Case Status did not accept the credentials while trying to create case 2025-00200 (integration ID 517000)',
		);
		expect(sentRequests[0].headers.Authorization).toBe(`ApiKey ${wrongKey}`);
		const shown = JSON.stringify({ message: error.message, description: error.description, context: error.context, cause: error.cause });
		expect(shown).not.toContain(wrongKey);
	});

	describe('Data Mode: Auto-Map Input Data to Case Fields', () => {
		const autoMapped = (n: number, extra: IDataObject = {}): IDataObject => ({
			integrationId: String(517100 + n),
			readableId: `2025-0${n + 500}`,
			practiceArea: 'Motor Vehicle Accident',
			primaryAttorneyEmail: STAFF.hartwell,
			clients: [{ ...MARIA, cellPhone: `(555) 301-${4400 + n}` }],
			...extra,
		});

		it('creates each case from its item, in input order, closed ones closed in the same call', async () => {
			const items = [autoMapped(1), autoMapped(2, { closed: true, stage: 'Intake', description: '' }), autoMapped(3)];
			const output = await run({ resource: 'case', operation: 'create', dataMode: 'autoMapInputData' }, { items });
			expect(output.map((item) => [item.json.integrationId, item.json.closed, item.pairedItem])).toEqual([
				['517101', false, { item: 0 }],
				['517102', true, { item: 1 }],
				['517103', false, { item: 2 }],
			]);
			expect(output[1].json).toMatchObject({ stage: 'Intake', description: '' });
			expect(await cs.writes()).toEqual(['POST /v1/api/cases', 'POST /v1/api/cases', 'POST /v1/api/cases']);
		});

		it('fails an item whose key has the wrong type, naming the field and the item', async () => {
			const output = await run(
				{ resource: 'case', operation: 'create', dataMode: 'autoMapInputData' },
				{ items: [autoMapped(1, { clients: 'Maria Lopez' }), autoMapped(2)], continueOnFail: true },
			);
			expect(output[0].json).toMatchObject({ error: expect.stringContaining('The field "clients" of item 0 must be a list of clients'), itemIndex: 0 });
			expect(output[1].json.integrationId).toBe('517102');
			expect(await cs.writes()).toEqual(['POST /v1/api/cases']);
		});
	});
});
