/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- runs in Node, never in n8n (eslint.dev.config.mjs) */
import { SmartAdvocate } from '../../../../../../nodes/SmartAdvocate/SmartAdvocate.node';
import { runNode } from '../../../../../support/n8nContext';
import { startSa, type SaHarness } from '../../../harness';

describe('SmartAdvocate › Note Type › Get Many', () => {
	let sa: SaHarness;
	beforeAll(async () => {
		sa = await startSa();
	});
	afterAll(() => sa.close());

	const getMany = (parameters: Record<string, unknown>) =>
		runNode(new SmartAdvocate(), { parameters: { resource: 'noteType', operation: 'getAll', ...parameters }, credentials: sa.credentials });

	it('lists the firm\'s note types with their IDs', async () => {
		const items = await getMany({ returnAll: true });
		expect(items.map((i) => i.json)).toEqual([
			{ noteTypeId: 10, noteTypeName: 'Case' },
			{ noteTypeId: 11, noteTypeName: 'Plaintiff' },
			{ noteTypeId: 12, noteTypeName: 'Phone Message' },
			{ noteTypeId: 13, noteTypeName: 'Case Status - Incoming' },
			{ noteTypeId: 14, noteTypeName: 'Case Status - Outgoing' },
		]);
		expect(items.every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('stops at Limit', async () => {
		expect(await getMany({ limit: 2 })).toHaveLength(2);
	});

	it('says the credential was refused, without the password', async () => {
		const error = await runNode(new SmartAdvocate(), {
			parameters: { resource: 'noteType', operation: 'getAll' },
			credentials: { smartAdvocateApi: { ...sa.credentials.smartAdvocateApi, password: 'wrong-password-123' } },
		}).catch((e) => e);
		expect(error.message).toBe("SmartAdvocate did not accept the credentials while trying to list the note types");
		expect(error.description).toMatch(/Check the username and password/);
		expect(JSON.stringify({ m: error.message, d: error.description })).not.toContain('wrong-password-123');
	});
});
