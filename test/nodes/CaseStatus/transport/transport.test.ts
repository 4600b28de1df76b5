/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, @typescript-eslint/no-explicit-any -- runs in Node, never in n8n (eslint.dev.config.mjs) */
import axios from 'axios';
import type { IDataObject } from 'n8n-workflow';

import { caseStatusEndpoints, caseStatusListAll, caseStatusRequest } from '../../../../nodes/CaseStatus/transport';
import { mapWithConcurrency } from '../../../../nodes/shared/concurrency';
import { PAGES_IN_FLIGHT } from '../../../../nodes/shared/paging';
import type { RetryPolicy } from '../../../../nodes/shared/retry';
import { startCaseStatusSimulator } from '../../../../simulators/casestatus';
import { buildDemoFirm } from '../../../../simulators/shared/demoFirm';
import type { LoggedRequest } from '../../../../simulators/shared/http';
import { startHeaderRecorder } from '../../../../simulators/shared/recorder';
import { answeredTogether } from '../../../support/requestLog';
import { createContext } from '../../../support/n8nContext';
import { probeNode } from '../../../support/probeNode';

const firm = buildDemoFirm();
const fast: RetryPolicy = { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 50, maxTotalWaitMs: 500 };
let sim: Awaited<ReturnType<typeof startCaseStatusSimulator>>;
const admin = () => axios.create({ baseURL: `${sim.api.url}/__admin` });

function context(apiKey = firm.caseStatusApiKey) {
	return createContext(probeNode, {
		credentials: { caseStatusApi: { environment: 'custom', baseUrl: sim.api.url, apiKey } },
	}).context;
}

async function countOf(routeFragment: string): Promise<number> {
	const { data } = await admin().get<Record<string, number>>('/counters');
	return Object.entries(data)
		.filter(([route]) => route.includes(routeFragment))
		.reduce((sum, [, n]) => sum + n, 0);
}

const totalMessages = firm.cases.reduce((sum, c) => sum + (c.inCaseStatus ? c.messages.length : 0), 0);

beforeAll(async () => {
	sim = await startCaseStatusSimulator({ firm });
});
afterAll(async () => sim.close());
beforeEach(async () => {
	await admin().post('/reset');
});

describe('Case Status transport', () => {
	it('reads every message page by page (bare arrays), and no page more than the list and the pages read ahead', async () => {
		const messages = await caseStatusListAll(context(), caseStatusEndpoints.messages(), { pageSize: 10 }, { action: 'list messages' });
		expect(messages).toHaveLength(totalMessages);
		expect(new Set(messages.map((m) => m.id)).size).toBe(totalMessages);
		// A bare array does not say how many pages there are: 5 pages, and 4 read ahead past the short 5th (dropped).
		expect(totalMessages).toBe(46);
		expect(await countOf('/v1/api/messages')).toBe(5 + 4);
	});

	it('reads a long list several pages at a time, in the same order and without duplicates as page after page', async () => {
		const pageSize = 2;
		const onePageAtATime: IDataObject[] = [];
		for (let page = 1; ; page++) {
			const records = await caseStatusRequest<IDataObject[]>(context(), { method: 'GET', path: caseStatusEndpoints.messages(), qs: { 'page[number]': page, size: pageSize } }, { action: 'list messages' });
			onePageAtATime.push(...records);
			if (records.length < pageSize) break;
		}
		const pages = Math.floor(totalMessages / pageSize) + 1;
		await admin().post('/latency', { ms: 150, route: '/v1/api/messages' });
		await admin().delete('/requests');
		const messages = await caseStatusListAll(context(), caseStatusEndpoints.messages(), { pageSize }, { action: 'list messages' });
		expect(messages.map((m) => m.id)).toEqual(onePageAtATime.map((m) => m.id));
		expect(new Set(messages.map((m) => m.id)).size).toBe(totalMessages);
		const { data: requests } = await admin().get<LoggedRequest[]>('/requests');
		expect(requests.length).toBeLessThanOrEqual(pages + PAGES_IN_FLIGHT - 1);
		expect(answeredTogether(requests, 150)).toBeGreaterThanOrEqual(pages / 2);
	});

	it('still reads everything, each once, from a server that ignores the page size and serves 10 at a time', async () => {
		await admin().post('/config', { pageSizeMax: 10 });
		await admin().post('/latency', { ms: 150, route: '/v1/api/messages' });
		const messages = await caseStatusListAll(context(), caseStatusEndpoints.messages(), {}, { action: 'list messages' });
		expect(messages).toHaveLength(totalMessages);
		expect(new Set(messages.map((m) => m.id)).size).toBe(totalMessages);
		const { data: requests } = await admin().get<LoggedRequest[]>('/requests');
		expect(requests.every((r) => r.query.size === '100')).toBe(true);
		expect(answeredTogether(requests, 150)).toBeGreaterThan(0);
	});

	it('reads and decrypts the credential once per node run, however many calls the run makes', async () => {
		const { context: ctx, credentialReads } = createContext(probeNode, {
			credentials: { caseStatusApi: { environment: 'custom', baseUrl: sim.api.url, apiKey: firm.caseStatusApiKey } },
		});
		const messages = await caseStatusListAll(ctx, caseStatusEndpoints.messages(), { pageSize: 5 }, { action: 'list messages' });
		await caseStatusListAll(ctx, caseStatusEndpoints.practiceAreas(), {}, { action: 'list practice areas' });
		expect(messages).toHaveLength(totalMessages);
		expect(await countOf('/v1/api/messages')).toBeGreaterThan(5);
		expect(credentialReads.caseStatusApi).toBe(1);
	});

	it('stops at the limit', async () => {
		const five = await caseStatusListAll(context(), caseStatusEndpoints.messages(), { limit: 5, pageSize: 2 }, { action: 'list messages' });
		expect(five).toHaveLength(5);
		expect(await countOf('/v1/api/messages')).toBe(3);
	});

	it('reads reporting lists wrapped in {results}', async () => {
		const cases = await caseStatusListAll(context(), caseStatusEndpoints.reportingCases(), { pageSize: 5 }, { action: 'list case reports' });
		expect(cases).toHaveLength(firm.cases.filter((c) => c.inCaseStatus).length);
		expect(cases[0]).toHaveProperty('Integration ID');
	});

	it('accepts the key pasted with its "ApiKey " prefix', async () => {
		const page = await caseStatusRequest<IDataObject[]>(context(`ApiKey ${firm.caseStatusApiKey}`), { method: 'GET', path: caseStatusEndpoints.messages() }, { action: 'list messages' });
		expect(Array.isArray(page)).toBe(true);
	});

	it('explains a wrong key without showing it', async () => {
		const key = 'cs_wrong_but_secret_key_123';
		const failure: any = await caseStatusRequest(context(key), { method: 'GET', path: caseStatusEndpoints.messages() }, { action: 'list messages' }).catch((e: any) => e);
		expect(failure.message).toBe('Case Status did not accept the credentials while trying to list messages');
		expect(failure.description).toMatch(/API key/);
		expect(JSON.stringify({ m: failure.message, d: failure.description, c: failure.context })).not.toContain(key);
	});

	it('retries through an outage that ends, and gives up readably on one that does not', async () => {
		await admin().post('/faults', { route: '/v1/api/users', status: 503, count: 2 });
		await expect(caseStatusRequest(context(), { method: 'GET', path: caseStatusEndpoints.users() }, { action: 'list users', retryPolicy: fast })).resolves.toBeDefined();

		await admin().post('/outage', { on: true });
		const failure: any = await caseStatusRequest(context(), { method: 'GET', path: caseStatusEndpoints.users() }, { action: 'list users', retryPolicy: fast }).catch((e: any) => e);
		expect(failure.message).toMatch(/^Case Status could not list users after 4 attempts \(HTTP 503\)/);
		expect(failure.description).toMatch(/Run the node again later/);
	});

	it('resends a message the server surely did not take (429) exactly once more, and writes it once', async () => {
		const target = firm.cases.find((c) => c.inCaseStatus)!;
		await admin().post('/faults', { route: '/v1/api/messages', method: 'POST', status: 429, count: 1, retryAfter: 0 });
		await caseStatusRequest(
			context(),
			{ method: 'POST', path: caseStatusEndpoints.sendMessage(), body: { integration_id: String(target.caseId), content: 'Hello from the firm' } },
			{ action: 'send a message', retryPolicy: fast },
		);
		const sent = await caseStatusListAll(context(), caseStatusEndpoints.messages(), { qs: { integration_id: String(target.caseId) } }, { action: 'list messages' });
		expect(sent.filter((m) => m.content === 'Hello from the firm')).toHaveLength(1);
	});

	it('names the Base URL to check when a 200 answer is a proxy page, not API data', async () => {
		await admin().post('/faults', { route: '/v1/api/users', status: 200, count: 1, body: '<!DOCTYPE html><html><head><title>Access Gateway</title></head></html>' });
		const failure: any = await caseStatusRequest(context(), { method: 'GET', path: caseStatusEndpoints.users() }, { action: 'get users' }).catch((e: any) => e);
		expect(failure.message).toBe('Case Status answered with a web page ("Access Gateway") instead of API data while trying to get users');
		expect(failure.description).toContain(sim.api.url);
	});

	it('fails a hung call after the credential timeout and says which setting to raise', async () => {
		await admin().post('/hang', { route: '/v1/api/users', count: 3 });
		const ctx = createContext(probeNode, {
			credentials: { caseStatusApi: { environment: 'custom', baseUrl: sim.api.url, apiKey: firm.caseStatusApiKey, timeoutSeconds: 1 } },
		}).context;
		const failure: any = await caseStatusRequest(ctx, { method: 'GET', path: caseStatusEndpoints.users() }, { action: 'get users', retryPolicy: fast }).catch((e: any) => e);
		expect(failure.message).toBe('Case Status did not answer within 1 second while trying to get users');
		expect(failure.description).toMatch(/raise the timeout in the Case Status API credential/);
	});

	describe('redirects', () => {
		it('refuses a redirect to another server and sends nothing there, whatever the n8n version would do', async () => {
			const elsewhere = await startHeaderRecorder();
			try {
				await admin().post('/redirects', { route: '/v1/api/practice-areas', location: elsewhere.url, appendPath: true, status: 307 });
				const error: any = await caseStatusRequest(context(), { method: 'GET', path: caseStatusEndpoints.practiceAreas() }, { action: 'list practice areas' }).catch((e) => e);
				expect(error.message).toBe(`Case Status answered with a redirect to another server (${new URL(elsewhere.url).origin}) while trying to list practice areas; the node does not follow it`);
				expect(error.description).toMatch(/put that address into the Case Status API credential/);
				expect(JSON.stringify(error)).not.toContain(firm.caseStatusApiKey);
				expect(elsewhere.requests).toHaveLength(0);
			} finally {
				await elsewhere.close();
			}
		});

		it('follows a redirect on the same server, with the credential, and counts it as no retry', async () => {
			await admin().post('/redirects', { route: '/v1/api/users', location: sim.api.url, appendPath: true, status: 301, count: 1 });
			const users = await caseStatusRequest<IDataObject[]>(context(), { method: 'GET', path: caseStatusEndpoints.users() }, { action: 'list users', retryPolicy: { ...fast, maxAttempts: 1 } });
			expect(users.length).toBeGreaterThan(0);
			const calls = (sim.api.requests as LoggedRequest[]).filter((r) => r.path === '/v1/api/users');
			expect(calls.map((r) => [r.status, r.hadAuthorization])).toEqual([
				[301, true],
				[200, true],
			]);
		});
	});

	it('a 429 holds back every call to the account until the time the server named, then they resume spaced out', async () => {
		await admin().post('/faults', { route: '/v1/api/users', method: 'GET', status: 429, retryAfter: 1, count: 1 });
		const ctx = context();
		const patient: RetryPolicy = { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 5000, maxTotalWaitMs: 10_000 };
		await mapWithConcurrency(Array.from({ length: 12 }, (_, i) => i), 4, async () =>
			await caseStatusRequest(ctx, { method: 'GET', path: caseStatusEndpoints.users() }, { action: 'list users', retryPolicy: patient }),
		);
		const calls = (sim.api.requests as LoggedRequest[]).filter((r) => r.path === '/v1/api/users').map((r) => ({ at: Date.parse(r.at), status: r.status }));
		expect(calls.filter((c) => c.status === 429)).toHaveLength(1);
		expect(calls.filter((c) => c.status === 200)).toHaveLength(12);
		const throttledAt = calls.find((c) => c.status === 429)!.at;
		// Only the calls sent together with the throttled one (before its answer came) arrive before the time named.
		const early = calls.filter((c) => c.at > throttledAt + 100 && c.at < throttledAt + 1000);
		expect(early).toEqual([]);
		const resumed = calls.filter((c) => c.at >= throttledAt + 1000).map((c) => c.at);
		expect(resumed.length).toBeGreaterThanOrEqual(9);
		const gaps = resumed.slice(1, 4).map((at, i) => at - resumed[i]);
		for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(120);
	});
});
