/** Runs the SmartAdvocate simulator in-process for node tests, with an admin client and the credential to use. */
import axios, { type AxiosInstance } from 'axios';

import type { IDataObject } from 'n8n-workflow';

import { SmartAdvocate } from '../../../nodes/SmartAdvocate/SmartAdvocate.node';
import { startSmartAdvocateSimulator, type RunningSmartAdvocate } from '../../../simulators/smartadvocate';
import { runNode } from '../../support/n8nContext';
import { useHarness } from '../../support/useHarness';
import { API_USER, buildFixture, type Fixture } from './fixtures';

export interface SaHarness {
	sim: RunningSmartAdvocate;
	fixture: Fixture;
	/** `/__admin/*` client; never throws on a status. */
	admin: AxiosInstance;
	credentials: { smartAdvocateApi: IDataObject };
	/** Back to the fixture firm, no faults, no request log. */
	reset(): Promise<void>;
	/** Calls SmartAdvocate received since the last reset, as "METHOD /path". */
	calls(): Promise<string[]>;
	/** Makes the next `count` calls whose route contains `route` fail with `status`. */
	fault(route: string, status: number, count?: number, extra?: IDataObject): Promise<void>;
	close(): Promise<void>;
}

export async function startSa(fixture: Fixture = buildFixture()): Promise<SaHarness> {
	const sim = await startSmartAdvocateSimulator({ firm: fixture.firm });
	const admin = axios.create({ baseURL: sim.url, validateStatus: () => true });
	return {
		sim,
		fixture,
		admin,
		credentials: { smartAdvocateApi: { baseUrl: sim.url, username: API_USER.username, password: API_USER.password } },
		async reset() {
			await admin.post('/__admin/reset');
		},
		async calls() {
			const { data } = await admin.get('/__admin/requests');
			return (data as Array<{ method: string; path: string }>).map((r) => `${r.method} ${r.path.replace(/^\/CaseSyncAPI/, '')}`);
		},
		async fault(route, status, count = 1, extra = {}) {
			const response = await admin.post('/__admin/faults', { route, status, count, ...extra });
			if (response.status !== 200) throw new Error(`fault not set: ${JSON.stringify(response.data)}`);
		},
		close: () => sim.close(),
	};
}

/** A resource locator value as n8n stores it. */
export const rl = (mode: 'list' | 'id' | 'caseNumber', value: string | number) => ({ __rl: true, mode, value });

/** The simulator for one test file (see useHarness). */
export const useSa = (fixture?: () => Fixture): SaHarness => useHarness(() => startSa(fixture?.()));

/** Get Many of one resource on the SmartAdvocate node, in a UTC n8n unless the options say otherwise. */
export const runGetMany = (
	sa: SaHarness,
	resource: string,
	parameters: Record<string, unknown>,
	options: Parameters<typeof runNode>[1] = {},
) =>
	runNode(new SmartAdvocate(), {
		parameters: { resource, operation: 'getAll', ...parameters } as IDataObject,
		credentials: sa.credentials,
		timezone: 'UTC',
		...options,
	});
