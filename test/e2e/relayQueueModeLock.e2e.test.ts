/**
 * The Redis lock of the relays' queue-mode variants (workflows-templates/queue-mode/), as shipped, in n8n 2.41.1
 * and 1.123.81 with a throw-away Redis: the message relay variant run with `n8n execute`, the lock's key read
 * and set directly in Redis to stand for runs on other workers. A free lock lets the run relay and is freed
 * after it; a held one stops the run before it reads anything, except every second try; a run that failed
 * holds the relay up for one run only. Exactly once under real workers is test/e2e/queueMode.e2e.test.ts.
 *
 * Needs `npm run build` and `node scripts/install-n8n.mjs`; Redis is installed like the queue-mode test does.
 * Run: SACS_E2E_VERSIONS=2 npx jest --selectProjects e2e --runInBand test/e2e/relayQueueModeLock.e2e.test.ts
 */
import { ALL_VERSION_KEYS, installQueueServices, N8N_VERSIONS, N8nInstance, RedisServer, selectedVersionKeys, type ExecuteResult, type N8nVersionKey } from './harness';
import { clearSaFaults, postCsMessage, RELAY_STEPS, relayedNotes, relayTemplate, saFault, saState } from './relays/world';
import { startStack, type Stack } from './support/stack';

const MINUTE = 60_000;
const WORKFLOW_ID = 'sacsMsgToNotesQM';
const LOCK_KEY = `n8n-sacs:relay-lock:${WORKFLOW_ID}`;

const ran = (run: ExecuteResult, node: string) => Boolean(run.run?.data?.resultData?.runData?.[node]);

function suite(version: N8nVersionKey): void {
	let n8n: N8nInstance | undefined;
	let redis: RedisServer | undefined;
	let stack: Stack;

	beforeAll(async () => {
		redis = await RedisServer.start(installQueueServices());
		stack = await startStack();
		n8n = await N8nInstance.create(version);
		await n8n.importCredentials([
			...stack.credentials,
			{ id: 'redisCredLock001', name: 'Redis account', type: 'redis', data: { host: redis.host, port: redis.port, database: 0, password: redis.password, ssl: false } },
		]);
		await n8n.importWorkflows([relayTemplate('messages', 'queueMode')]);
	}, 5 * MINUTE);

	afterAll(async () => {
		await n8n?.dispose();
		await stack?.close();
		await redis?.stop();
	});

	const runRelay = async () => {
		const run = await n8n!.execute(WORKFLOW_ID);
		return { run, relayed: ran(run, RELAY_STEPS.messages.getNew), lockLeft: await redis!.command('GET', LOCK_KEY) };
	};
	const copies = async (messageId: number) => relayedNotes(await saState(stack), messageId).length;

	it('a free lock: the run relays the message and frees the lock after it', async () => {
		const message = await postCsMessage(stack, { integrationId: '516709', content: 'Is my appointment still on Monday?', direction: 'incoming' });
		const first = await runRelay();
		expect(first.run.error).toBeUndefined();
		expect([first.relayed, ran(first.run, 'Free the lock'), first.lockLeft]).toEqual([true, true, null]);
		expect(await copies(message.id)).toBe(1);
	});

	it('a lock held by another run: the run stops before reading; the second try goes on, relays once and frees it', async () => {
		await redis!.command('SET', LOCK_KEY, '1'); // a run on another worker holds the relay
		const message = await postCsMessage(stack, { integrationId: '516709', content: 'I sent the receipts by mail.', direction: 'incoming' });
		const heldOut = await runRelay();
		expect(heldOut.run.error).toBeUndefined();
		expect([heldOut.relayed, ran(heldOut.run, 'Free the lock'), heldOut.lockLeft]).toEqual([false, false, '2']);
		expect(await copies(message.id)).toBe(0);

		const secondTry = await runRelay();
		expect([secondTry.relayed, secondTry.lockLeft]).toEqual([true, null]);
		expect(await copies(message.id)).toBe(1);
	});

	it('a run that failed (a refused note) holds the relay up for one run only; the note lands once', async () => {
		const message = await postCsMessage(stack, { integrationId: '516709', content: 'Please call me after 5.', direction: 'incoming' });
		await saFault(stack, { route: '/case/{caseID}/notes', method: 'POST', status: 500, count: 1 });
		let failed: Awaited<ReturnType<typeof runRelay>>;
		try {
			failed = await runRelay();
		} finally {
			await clearSaFaults(stack);
		}
		expect(failed.run.error?.node).toBe('Confirm');
		expect([failed.relayed, failed.lockLeft]).toEqual([true, '1']); // a failed run never reaches "Free the lock"
		expect(await copies(message.id)).toBe(0);

		const next = await runRelay();
		expect([next.relayed, next.lockLeft]).toEqual([false, '2']);
		const after = await runRelay();
		expect(after.run.error).toBeUndefined();
		expect([after.relayed, after.lockLeft]).toEqual([true, null]);
		expect(await copies(message.id)).toBe(1);
	});
}

for (const version of ALL_VERSION_KEYS) {
	const title = `queue-mode relay lock (Redis) in n8n ${N8N_VERSIONS[version].n8nVersion}`;
	if (selectedVersionKeys().includes(version)) describe(title, () => suite(version));
	else describe.skip(title, () => it('not selected (SACS_E2E_VERSIONS)', () => undefined));
}

jest.setTimeout(4 * MINUTE);
