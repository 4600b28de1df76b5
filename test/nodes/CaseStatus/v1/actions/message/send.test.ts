import type { IDataObject } from 'n8n-workflow';

import { CaseStatus } from '../../../../../../nodes/CaseStatus/CaseStatus.node';
import { runNode } from '../../../../../support/n8nContext';
import { API_KEY, STAFF } from '../../../fixtures';
import { rl, startCs, type CsHarness } from '../../../harness';

let cs: CsHarness;
beforeAll(async () => {
	cs = await startCs();
});
afterAll(() => cs.close());
beforeEach(() => cs.reset());

const send = (parameters: IDataObject, items?: IDataObject[], continueOnFail = false) =>
	runNode(new CaseStatus(), {
		parameters: { resource: 'message', operation: 'send', ...parameters },
		items: items?.map((json) => ({ json })),
		credentials: cs.credentials,
		continueOnFail,
	});

const messagesOf = async (caseId: number) =>
	(await cs.admin.get('/v1/api/messages', { params: { case_id: caseId, size: 100 }, headers: { Authorization: `ApiKey ${API_KEY}` } }))
		.data as IDataObject[];

describe('Message → Send', () => {
	it.each([
		['ID', rl('id', '90001')],
		['readable ID', rl('readableId', '2025-00137')],
		['integration ID', rl('integrationId', '516718')],
	])('sends a message to a case given by %s', async (_, locator) => {
		const [item] = await send({ case: locator, content: 'Your deposition is on Friday.' });
		expect(item.json).toMatchObject({
			caseId: 90001,
			readableId: '2025-00137',
			integrationId: '516718',
			direction: 'fromStaff',
			content: 'Your deposition is on Friday.',
			senderName: 'Daniel Hartwell',
			externalId: null,
		});
		expect(item.pairedItem).toEqual({ item: 0 });
		expect((await messagesOf(90001)).at(-1)).toMatchObject({ content: 'Your deposition is on Friday.', type: 'outgoing' });
	});

	it('sends as the given staff member, under the given name, with an external reference', async () => {
		const [item] = await send({
			case: rl('integrationId', '={{ $json.caseId }}'),
			content: '={{ $json.text }}',
			options: { senderEmail: STAFF.tran, senderName: 'Jessica (paralegal)', externalId: '={{ "sa-note:" + $json.noteId }}' },
		}, [{ caseId: 516718, text: 'We received the bill.', noteId: 123 }]);
		expect(item.json).toMatchObject({ senderName: 'Jessica (paralegal)', externalId: 'sa-note:123', content: 'We received the bill.' });
		const stored = (await messagesOf(90001)).at(-1)!;
		expect(stored).toMatchObject({ external_id: 'sa-note:123', sender: { email: STAFF.tran } });
	});

	it('says plainly when the case does not exist', async () => {
		await expect(send({ case: rl('integrationId', '404404'), content: 'Hello' })).rejects.toThrow(
			'No case with integration ID 404404 exists in Case Status, so the message was not sent',
		);
	});

	it('refuses an empty message before calling Case Status', async () => {
		await expect(send({ case: rl('id', '90001'), content: '   ' })).rejects.toThrow('The Content is empty');
		expect(await cs.requests()).toEqual([]);
	});

	it('retries a send Case Status could not take (503) and sends it once', async () => {
		await cs.fault('POST /v1/api/messages', 503, 2, { retryAfter: 0 });
		const before = (await messagesOf(90001)).length;
		await send({ case: rl('id', '90001'), content: 'Once only' });
		expect((await messagesOf(90001)).length).toBe(before + 1);
		expect((await cs.requests()).filter((r) => r.method === 'POST').map((r) => r.status)).toEqual([503, 503, 201]);
	});

	it('does not resend after a 500, which may mean the message went out', async () => {
		await cs.fault('POST /v1/api/messages', 500, 1);
		await expect(send({ case: rl('id', '90001'), content: 'Maybe sent' })).rejects.toThrow(/Case Status could not send a message to case 90001 \(HTTP 500\)/);
		expect((await cs.requests()).filter((r) => r.method === 'POST')).toHaveLength(1);
	});
});

describe('Message → Send, Skip If a Message With This External ID Exists', () => {
	it('sends no second message with the same External ID (a relay run from an older position), but sends a new one', async () => {
		const options = { externalId: 'sa-note:4242', skipIfExternalIdExists: true };
		const [first] = await send({ case: rl('integrationId', '516718'), content: 'Hearing moved.', options });
		expect(first.json.alreadyExisted).toBeUndefined();
		const [again] = await send({ case: rl('integrationId', '516718'), content: 'Hearing moved.', options });
		expect(again.json).toMatchObject({ messageId: first.json.messageId, externalId: 'sa-note:4242', alreadyExisted: true });
		await send({ case: rl('integrationId', '516718'), content: 'Hearing moved again.', options: { ...options, externalId: 'sa-note:4243' } });
		const ours = (await messagesOf(90001)).filter((m) => String(m.external_id ?? '').startsWith('sa-note:424'));
		expect(ours.map((m) => m.external_id)).toEqual(['sa-note:4242', 'sa-note:4243']);
	});

	it('says what to map when the check is on but the External ID is empty', async () => {
		await expect(send({ case: rl('id', '90001'), content: 'Hi', options: { skipIfExternalIdExists: true } })).rejects.toThrow('The External ID option is empty');
	});
});
