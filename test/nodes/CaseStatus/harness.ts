/** Runs the Case Status simulator in-process for node tests, with an admin client and the credential to use. */
import axios, { type AxiosInstance } from 'axios';
import type { IDataObject } from 'n8n-workflow';

import { CaseStatus } from '../../../nodes/CaseStatus/CaseStatus.node';

import { startCaseStatusSimulator, type RunningCaseStatusSim } from '../../../simulators/casestatus';
import type { FileHostRequest } from '../../../simulators/casestatus/context';
import type { LoggedRequest } from '../../../simulators/shared/http';
import { runNode } from '../../support/n8nContext';
import { useHarness } from '../../support/useHarness';
import { API_KEY, buildFixture, type Fixture } from './fixtures';

export interface CsHarness {
	sim: RunningCaseStatusSim;
	fixture: Fixture;
	/** `/__admin/*` client; never throws on a status. */
	admin: AxiosInstance;
	credentials: { caseStatusApi: IDataObject };
	/** Back to the fixture firm, no faults, empty request logs. */
	reset(): Promise<void>;
	/** Every API request since the last reset. */
	requests(): Promise<LoggedRequest[]>;
	/** API calls that change something (anything but GET), as "METHOD /path". */
	writes(): Promise<string[]>;
	/** Makes the next `count` calls whose route or path contains `route` fail with `status`. */
	fault(route: string, status: number, count?: number, extra?: IDataObject): Promise<void>;
	/** What reached the file host. */
	fileHostRequests(): FileHostRequest[];
	/** A client or staff member writes in the Case Status app. */
	addMessage(body: IDataObject): Promise<IDataObject>;
	/** A client or staff member shares a file in the Case Status app. */
	addFile(body: IDataObject): Promise<IDataObject>;
	close(): Promise<void>;
}

export async function startCs(fixture: Fixture = buildFixture()): Promise<CsHarness> {
	const sim = await startCaseStatusSimulator({ firm: fixture.firm });
	const admin = axios.create({ baseURL: sim.api.url, validateStatus: () => true });
	const created = async (path: string, body: IDataObject) => {
		const response = await admin.post(path, body);
		if (response.status !== 201) throw new Error(`${path} answered ${response.status}: ${JSON.stringify(response.data)}`);
		return response.data as IDataObject;
	};
	return {
		sim,
		fixture,
		admin,
		credentials: { caseStatusApi: { environment: 'custom', baseUrl: sim.api.url, apiKey: API_KEY, allowPrivateDownloadHosts: true } },
		async reset() {
			await admin.post('/__admin/reset');
		},
		async requests() {
			return (await admin.get('/__admin/requests')).data as LoggedRequest[];
		},
		async writes() {
			const { data } = await admin.get('/__admin/requests');
			return (data as LoggedRequest[]).filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`);
		},
		async fault(route, status, count = 1, extra = {}) {
			const response = await admin.post('/__admin/faults', { route, status, count, ...extra });
			if (response.status !== 200) throw new Error(`fault not set: ${JSON.stringify(response.data)}`);
		},
		fileHostRequests: () => sim.fileHost.requests,
		addMessage: (body) => created('/__admin/messages', body),
		addFile: (body) => created('/__admin/files', body),
		close: () => sim.close(),
	};
}

/** A resource locator value as n8n stores it. */
export const rl = (mode: 'list' | 'id' | 'readableId' | 'integrationId', value: string | number) => ({ __rl: true, mode, value });

/** The simulator for one test file (see useHarness). */
export const useCs = (fixture?: () => Fixture): CsHarness => useHarness(() => startCs(fixture?.()));

/** Get Many of one resource on the Case Status node, with Return All on unless the parameters say otherwise. */
export const runGetMany = (cs: CsHarness, resource: string, parameters: IDataObject) =>
	runNode(new CaseStatus(), {
		parameters: { resource, operation: 'getAll', returnAll: true, ...parameters },
		credentials: cs.credentials,
	});
