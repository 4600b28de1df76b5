/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets, @typescript-eslint/no-explicit-any -- runs in Node, never in n8n (eslint.dev.config.mjs) */
import axios from 'axios';
import type { IDataObject } from 'n8n-workflow';

import {
	smartAdvocateByDatePaged,
	smartAdvocateEndpoints,
	smartAdvocatePagedList,
	smartAdvocateRequest,
} from '../../../../nodes/SmartAdvocate/transport';
import { PAGES_IN_FLIGHT } from '../../../../nodes/shared/paging';
import type { RetryPolicy } from '../../../../nodes/shared/retry';
import { buildDemoFirm } from '../../../../simulators/shared/demoFirm';
import type { LoggedRequest } from '../../../../simulators/shared/http';
import { startSmartAdvocateSimulator } from '../../../../simulators/smartadvocate';
import { createContext } from '../../../support/n8nContext';
import { probeNode } from '../../../support/probeNode';
import { answeredTogether } from '../../../support/requestLog';

const firm = buildDemoFirm();
const fast: RetryPolicy = { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 50, maxTotalWaitMs: 500 };
let sim: Awaited<ReturnType<typeof startSmartAdvocateSimulator>>;
const admin = () => axios.create({ baseURL: `${sim.url}/__admin` });

function context(password = firm.apiUser.password, extra: IDataObject = {}) {
	return createContext(probeNode, {
		credentials: { smartAdvocateApi: { baseUrl: sim.url, username: firm.apiUser.username, password, ...extra } },
	});
}

async function countOf(routeFragment: string): Promise<number> {
	const { data } = await admin().get<Record<string, number>>('/counters');
	return Object.entries(data)
		.filter(([route]) => route.includes(routeFragment))
		.reduce((sum, [, n]) => sum + n, 0);
}

beforeAll(async () => {
	sim = await startSmartAdvocateSimulator({ firm });
});
afterAll(async () => sim.close());
beforeEach(async () => {
	await admin().post('/reset');
});

const firstCase = firm.cases[0];

describe('SmartAdvocate transport', () => {
	it('retries a read through injected 503s and returns the answer', async () => {
		await admin().post('/faults', { route: 'CaseGroup', status: 503, count: 2 });
		const groups = await smartAdvocateRequest<IDataObject[]>(
			context().context,
			{ method: 'GET', path: smartAdvocateEndpoints.caseGroups() },
			{ action: 'list case groups', retryPolicy: fast },
		);
		expect(groups.length).toBeGreaterThan(0);
		expect(await countOf('CaseGroup')).toBe(3);
	});

	it('honours Retry-After: retries at once when it says 0, fails at once saying when to try again when it asks for longer than allowed', async () => {
		await admin().post('/faults', { route: 'CaseGroup', status: 429, count: 1, retryAfter: 0 });
		await expect(
			smartAdvocateRequest(context().context, { method: 'GET', path: smartAdvocateEndpoints.caseGroups() }, { action: 'list case groups', retryPolicy: fast }),
		).resolves.toBeDefined();

		await admin().post('/faults', { route: 'CaseGroup', status: 429, count: 1, retryAfter: 120 });
		await admin().delete('/requests');
		const started = Date.now();
		const failure: any = await smartAdvocateRequest(context().context, { method: 'GET', path: smartAdvocateEndpoints.caseGroups() }, { action: 'list case groups', retryPolicy: fast }).catch((e: any) => e);
		expect(Date.now() - started).toBeLessThan(5_000);
		expect(failure.message).toBe('SmartAdvocate asked to wait 120 seconds before the next request, so the node did not list case groups (HTTP 429)');
		expect(failure.description).toMatch(/^Run the node again after \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z \(UTC\)/);
		expect(await countOf('CaseGroup')).toBe(1);
	});

	it('stops after the allowed attempts and says which service failed and how', async () => {
		await admin().post('/faults', { route: 'CaseGroup', status: 502, count: 10 });
		const failure = smartAdvocateRequest(context().context, { method: 'GET', path: smartAdvocateEndpoints.caseGroups() }, { action: 'list case groups', retryPolicy: fast });
		await expect(failure).rejects.toMatchObject({
			message: expect.stringMatching(/SmartAdvocate could not list case groups after 4 attempts \(HTTP 502\)/),
			httpCode: '502',
		});
		expect(await countOf('CaseGroup')).toBe(4);
	});

	it('never sends a note twice: a 500 on create is not retried', async () => {
		await admin().post('/faults', { route: 'notes', method: 'POST', status: 500, count: 1 });
		const before = (await admin().get('/state')).data;
		await expect(
			smartAdvocateRequest(
				context().context,
				{ method: 'POST', path: smartAdvocateEndpoints.createNote(firstCase.caseId), body: { noteTypeName: 'Case', noteText: 'x' } },
				{ action: 'create a note', retryPolicy: fast },
			),
		).rejects.toMatchObject({ httpCode: '500' });
		expect(await countOf('POST /CaseSyncAPI/case/{caseID}/notes')).toBe(1);
		expect(JSON.stringify((await admin().get('/state')).data).length).toBe(JSON.stringify(before).length);
	});

	it('explains a wrong password without ever showing it', async () => {
		const password = 'Wrong-But-Secret-Passw0rd';
		const failure: any = await smartAdvocateRequest(context(password).context, { method: 'GET', path: smartAdvocateEndpoints.caseGroups() }, { action: 'list case groups' }).catch((e: any) => e);
		expect(failure.message).toBe('SmartAdvocate did not accept the credentials while trying to list case groups');
		expect(failure.description).toMatch(/Check the username and password/);
		expect(JSON.stringify({ message: failure.message, description: failure.description, context: failure.context })).not.toContain(password);
	});

	it('removes the password and token even when the server echoes them back', async () => {
		const { context: ctx, storedCredentials } = context();
		await smartAdvocateRequest(ctx, { method: 'GET', path: smartAdvocateEndpoints.caseGroups() }, { action: 'list case groups' });
		const token = storedCredentials.smartAdvocateApi.sessionToken as string;
		await admin().post('/faults', { route: 'CaseGroup', status: 400, count: 1, body: { message: `bad ${firm.apiUser.password} ${token}` } });
		const failure: any = await smartAdvocateRequest(ctx, { method: 'GET', path: smartAdvocateEndpoints.caseGroups() }, { action: 'list case groups' }).catch((e: any) => e);
		const visible = JSON.stringify({ message: failure.message, description: failure.description, context: failure.context });
		expect(visible).not.toContain(firm.apiUser.password);
		expect(visible).not.toContain(token);
		expect(failure.message).toContain('••••');
	});

	it('reads a byDatePaged search page by page and stops at the limit', async () => {
		const window = { modifiedFrom: '2000-01-01T00:00:00Z', modifiedTo: '2100-01-01T00:00:00Z' };
		const all = await smartAdvocateByDatePaged(context().context, smartAdvocateEndpoints.casesByDatePaged(), window, { pageSize: 7 }, { action: 'search cases' });
		expect(all).toHaveLength(firm.cases.length);
		expect(new Set(all.map((c) => c.caseID)).size).toBe(firm.cases.length);

		await admin().delete('/requests');
		const some = await smartAdvocateByDatePaged(context().context, smartAdvocateEndpoints.casesByDatePaged(), window, { limit: 10, pageSize: 7 }, { action: 'search cases' });
		expect(some).toHaveLength(10);
		expect(await countOf('case/byDatePaged')).toBe(2);
	});

	it('reads a long date search several pages at a time, and exactly the pages the search says it has', async () => {
		const window = { modifiedFrom: '2000-01-01T00:00:00Z', modifiedTo: '2100-01-01T00:00:00Z' };
		const onePageAtATime: IDataObject[] = [];
		const pageSize = 4;
		const totalPages = Math.ceil(firm.cases.length / pageSize);
		for (let currentPage = 0; currentPage < totalPages; currentPage++) {
			onePageAtATime.push(
				...(await smartAdvocateByDatePaged(context().context, smartAdvocateEndpoints.casesByDatePaged(), window, { pageSize, limit: pageSize, firstPage: currentPage }, { action: 'search cases' })),
			);
		}
		await admin().post('/latency', { ms: 150, route: 'byDatePaged' });
		await admin().delete('/requests');
		const all = await smartAdvocateByDatePaged(context().context, smartAdvocateEndpoints.casesByDatePaged(), window, { pageSize }, { action: 'search cases' });
		expect(all.map((c) => c.caseID)).toEqual(onePageAtATime.map((c) => c.caseID));
		expect(new Set(all.map((c) => c.caseID)).size).toBe(firm.cases.length);
		const { data: logged } = await admin().get<LoggedRequest[]>('/requests');
		const requests = logged.filter((r) => r.path.endsWith('/case/byDatePaged'));
		expect(requests).toHaveLength(totalPages);
		expect(answeredTogether(requests, 150)).toBeGreaterThanOrEqual(totalPages / 2);

		// Started later in the search, it still stops at the search's last page.
		await admin().delete('/requests');
		const rest = await smartAdvocateByDatePaged(context().context, smartAdvocateEndpoints.casesByDatePaged(), window, { pageSize, firstPage: 3 }, { action: 'search cases' });
		expect(rest.map((c) => c.caseID)).toEqual(onePageAtATime.slice(3 * pageSize).map((c) => c.caseID));
		expect(await countOf('case/byDatePaged')).toBe(totalPages - 3);
	});

	it('reads a date search answered as a bare array (no page count) to its end, reading at most 7 pages past it', async () => {
		await admin().post('/config', { envelope: 'array' });
		const window = { modifiedFrom: '2000-01-01T00:00:00Z', modifiedTo: '2100-01-01T00:00:00Z' };
		const all = await smartAdvocateByDatePaged(context().context, smartAdvocateEndpoints.casesByDatePaged(), window, { pageSize: 5 }, { action: 'search cases' });
		expect(new Set(all.map((c) => c.caseID)).size).toBe(firm.cases.length);
		expect(all).toHaveLength(firm.cases.length);
		expect(await countOf('case/byDatePaged')).toBeLessThanOrEqual(Math.floor(firm.cases.length / 5) + 1 + PAGES_IN_FLIGHT - 1);
	});

	it.each(['array', 'documents'])('understands the %s envelope of byDatePaged', async (envelope) => {
		await admin().post('/config', { envelope });
		const window = { modifiedFrom: '2000-01-01T00:00:00Z', modifiedTo: '2100-01-01T00:00:00Z' };
		const all = await smartAdvocateByDatePaged(context().context, smartAdvocateEndpoints.casesByDatePaged(), window, { pageSize: 20 }, { action: 'search cases' });
		expect(all).toHaveLength(firm.cases.length);
	});

	it('reads and decrypts the credential once per node run, and logs in once for all its calls', async () => {
		const { context: ctx, credentialReads } = context();
		const window = { modifiedFrom: '2000-01-01T00:00:00Z', modifiedTo: '2100-01-01T00:00:00Z' };
		const pageSize = 3;
		const all = await smartAdvocateByDatePaged(ctx, smartAdvocateEndpoints.casesByDatePaged(), window, { pageSize }, { action: 'search cases' });
		await smartAdvocateRequest(ctx, { method: 'GET', path: smartAdvocateEndpoints.case(firstCase.caseId) }, { action: 'get a case' });
		expect(all).toHaveLength(firm.cases.length);
		expect(await countOf('case/byDatePaged')).toBe(Math.ceil(firm.cases.length / pageSize));
		expect(credentialReads.smartAdvocateApi).toBe(1);
		// The token the first call logged in for is the one every later call of the run sends.
		expect(await countOf('Users/authenticate')).toBe(1);
	});

	it('returns nothing, not an error, for an empty window', async () => {
		const window = { modifiedFrom: '1990-01-01T00:00:00Z', modifiedTo: '1990-01-02T00:00:00Z' };
		await expect(
			smartAdvocateByDatePaged(context().context, smartAdvocateEndpoints.notesByDatePaged(), window, {}, { action: 'search notes' }),
		).resolves.toEqual([]);
	});

	it('pages a currentPage/pageSize list to its end, including an exactly full last page', async () => {
		const withDocs = firm.cases.find((c) => c.documents.filter((d) => d.service === 'smartadvocate').length >= 2)!;
		const count = withDocs.documents.filter((d) => d.service === 'smartadvocate').length;
		const docs = await smartAdvocatePagedList(context().context, smartAdvocateEndpoints.caseDocuments(withDocs.caseId), { pageSize: count }, { action: 'list documents' });
		expect(docs).toHaveLength(count);
		const firstOnly = await smartAdvocatePagedList(context().context, smartAdvocateEndpoints.caseDocuments(withDocs.caseId), { pageSize: 1, limit: 1 }, { action: 'list documents' });
		expect(firstOnly).toHaveLength(1);
	});

	it('says SmartAdvocate cannot be reached when nothing listens at the Base URL', async () => {
		const { context: ctx } = createContext(probeNode, {
			credentials: { smartAdvocateApi: { baseUrl: 'http://127.0.0.1:9', username: 'u', password: 'p-secret-123' } },
		});
		const failure: any = await smartAdvocateRequest(ctx, { method: 'GET', path: smartAdvocateEndpoints.caseGroups() }, { action: 'list case groups', retryPolicy: fast }).catch((e: any) => e);
		expect(failure.message).toMatch(/could not be reached|refused the connection/i);
		expect(failure.message).not.toContain('p-secret-123');
	});

	it('retries a date-paged search (a POST that only reads) through a 500 like a GET', async () => {
		await admin().post('/faults', { route: 'byDatePaged', method: 'POST', status: 500, count: 1 });
		const window = { modifiedFrom: '2000-01-01T00:00:00Z', modifiedTo: '2100-01-01T00:00:00Z' };
		const all = await smartAdvocateByDatePaged(context().context, smartAdvocateEndpoints.casesByDatePaged(), window, { pageSize: 1000 }, { action: 'search cases', retryPolicy: fast });
		expect(all).toHaveLength(firm.cases.length);
		expect(await countOf('case/byDatePaged')).toBe(2);
	});

	it('names the Base URL to check when a 200 answer is a web page, not API data', async () => {
		await admin().post('/faults', { route: 'CaseGroup', status: 200, count: 1, body: '<html><head><title>Sign in - Firm Portal</title></head><body>login</body></html>' });
		const failure: any = await smartAdvocateRequest(context().context, { method: 'GET', path: smartAdvocateEndpoints.caseGroups() }, { action: 'list case groups', itemIndex: 2 }).catch((e: any) => e);
		expect(failure.message).toBe('SmartAdvocate answered with a web page ("Sign in - Firm Portal") instead of API data while trying to list case groups');
		expect(failure.description).toContain(`${sim.url}/CaseSyncAPI`);
		expect(failure.description).toMatch(/Check the address in the SmartAdvocate API credential/);
		expect(failure.context.itemIndex).toBe(2);
	});

	it('fails a call that gets no answer after the credential\'s timeout, with a clear message, without retrying it', async () => {
		await admin().post('/hang', { route: 'CaseGroup', count: 5 });
		const started = Date.now();
		const failure: any = await smartAdvocateRequest(context(undefined, { timeoutSeconds: 1 }).context, { method: 'GET', path: smartAdvocateEndpoints.caseGroups() }, { action: 'list case groups', retryPolicy: fast }).catch((e: any) => e);
		expect(Date.now() - started).toBeLessThan(10_000);
		expect(failure.message).toBe('SmartAdvocate did not answer within 1 second while trying to list case groups');
		expect(failure.description).toMatch(/raise the timeout in the SmartAdvocate API credential/);
		expect(await countOf('CaseGroup')).toBe(1);
	});

	it('removes a token that n8n fetched during the failing call, by pattern', async () => {
		const { context: ctx } = context();
		const jwtLike = 'eyJhbGciOiJIUzI1NiJ9.eyJmcmVzaCI6InRva2VuIn0.ZnJlc2gtc2lnbmF0dXJl';
		await admin().post('/faults', { route: 'CaseGroup', status: 400, count: 1, body: { message: `Authorization: Bearer ${jwtLike} not allowed` } });
		const failure: any = await smartAdvocateRequest(ctx, { method: 'GET', path: smartAdvocateEndpoints.caseGroups() }, { action: 'list case groups' }).catch((e: any) => e);
		const visible = JSON.stringify({ message: failure.message, description: failure.description, context: failure.context });
		expect(visible).not.toContain(jwtLike);
		expect(failure.message).toContain('Bearer ••••');
	});
});
