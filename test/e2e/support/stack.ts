/* eslint-disable @n8n/community-nodes/no-restricted-imports -- runs in Node, never in n8n (eslint.dev.config.mjs) */
/**
 * The world an end-to-end test runs in: both simulators (in this jest process, on free ports,
 * seeded with the demo firm) and the two n8n credentials that point at them, named as the
 * templates expect. Templates are read from workflows-templates/ exactly as shipped.
 */
import fs from 'node:fs';
import path from 'node:path';
import axios from 'axios';

import { startCaseStatusSimulator } from '../../../simulators/casestatus';
import type { FirmModel } from '../../../simulators/shared/firm';
import { startSmartAdvocateSimulator, defaultFirm } from '../../../simulators/smartadvocate';
import type { CredentialFixture, WorkflowJson } from '../harness';
import { REPO_ROOT } from '../harness';

/** The credential names the templates reference; the README tells firms to use the same. */
export const SMARTADVOCATE_CREDENTIAL_NAME = 'SmartAdvocate account';
export const CASESTATUS_CREDENTIAL_NAME = 'Case Status account';

export interface Stack {
	firm: FirmModel;
	smartAdvocate: Awaited<ReturnType<typeof startSmartAdvocateSimulator>>;
	caseStatus: Awaited<ReturnType<typeof startCaseStatusSimulator>>;
	/** Admin API clients (not part of the real APIs). */
	saAdmin: ReturnType<typeof axios.create>;
	csAdmin: ReturnType<typeof axios.create>;
	credentials: CredentialFixture[];
	close(): Promise<void>;
}

export async function startStack(firm: FirmModel = defaultFirm()): Promise<Stack> {
	const smartAdvocate = await startSmartAdvocateSimulator({ firm });
	const caseStatus = await startCaseStatusSimulator({ firm });
	const credentials: CredentialFixture[] = [
		{
			id: 'saCredE2e0000001',
			name: SMARTADVOCATE_CREDENTIAL_NAME,
			type: 'smartAdvocateApi',
			data: { baseUrl: smartAdvocate.url, username: firm.apiUser.username, password: firm.apiUser.password },
		},
		{
			id: 'csCredE2e0000001',
			name: CASESTATUS_CREDENTIAL_NAME,
			type: 'caseStatusApi',
			data: { environment: 'custom', baseUrl: caseStatus.api.url, apiKey: firm.caseStatusApiKey, allowPrivateDownloadHosts: true },
		},
	];
	return {
		firm,
		smartAdvocate,
		caseStatus,
		saAdmin: axios.create({ baseURL: `${smartAdvocate.url}/__admin` }),
		csAdmin: axios.create({ baseURL: `${caseStatus.api.url}/__admin` }),
		credentials,
		async close() {
			await smartAdvocate.close();
			await caseStatus.close();
		},
	};
}

export const TEMPLATES_DIR = path.join(REPO_ROOT, 'workflows-templates');

/** A shipped template, byte for byte as a firm would import it. */
export function readTemplate(fileName: string): WorkflowJson {
	return JSON.parse(fs.readFileSync(path.join(TEMPLATES_DIR, fileName), 'utf8')) as WorkflowJson;
}
