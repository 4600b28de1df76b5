/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error, no-console -- runs in Node, never in n8n (eslint.dev.config.mjs) */
/**
 * The running demo: both simulators with the demo firm on fixed ports, a real n8n 2.x on
 * 127.0.0.1:5678 with this package, an owner login, both credentials pointing at the
 * simulators, and the four templates imported (all published, so the relays run every minute).
 * Ctrl-C stops everything it started.
 */
import fs from 'node:fs';
import path from 'node:path';

import { describeSimulators, startSimulators, type RunningSimulators } from '../simulators/cli';
import { E2E_OWNER, N8nInstance, REPO_ROOT, type WorkflowJson } from '../test/e2e/harness';
import { CASESTATUS_CREDENTIAL_NAME, SMARTADVOCATE_CREDENTIAL_NAME } from '../test/e2e/support/stack';

const N8N_PORT = Number(process.env.DEMO_N8N_PORT ?? 5678);
const TEMPLATES = path.join(REPO_ROOT, 'workflows-templates');

function templates(): WorkflowJson[] {
	return fs
		.readdirSync(TEMPLATES)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => JSON.parse(fs.readFileSync(path.join(TEMPLATES, file), 'utf8')) as WorkflowJson);
}

function formPath(workflows: WorkflowJson[]): string | undefined {
	for (const workflow of workflows) {
		const form = (workflow.nodes as Array<{ type: string; parameters?: { options?: { path?: string } }; webhookId?: string }>).find(
			(node) => node.type === 'n8n-nodes-base.formTrigger',
		);
		// The form's URL path is its "Form Path" option, else the node's webhook ID.
		if (form) return form.parameters?.options?.path ?? form.webhookId;
	}
	return undefined;
}

function whatToTry(sims: RunningSimulators, n8nUrl: string, workflows: WorkflowJson[]): string {
	const synced = sims.firm.cases.find((c) => c.inCaseStatus)!;
	const staff = sims.firm.staff.find((s) => s.userId === synced.staff[0].userId)!;
	const form = formPath(workflows);
	const sa = sims.smartAdvocateUrl;
	const cs = sims.caseStatusUrl;
	return `
n8n is ready: ${n8nUrl}
   log in as ${E2E_OWNER.email} / ${E2E_OWNER.password}
   credentials "${SMARTADVOCATE_CREDENTIAL_NAME}" and "${CASESTATUS_CREDENTIAL_NAME}" point at the simulators below.
   workflows: ${workflows.map((w) => `"${w.name}"`).join(', ')}

${describeSimulators(sims)}

Things to try
1. Sync all cases now: open "${workflows[0]?.name}" and run it, or use the form${form ? ` at ${n8nUrl}/form/${form}` : ''}.
   Then see the cases in Case Status:
     curl -s -H 'Authorization: ApiKey ${sims.firm.caseStatusApiKey}' '${cs}/v1/api/cases?size=100'
2. A client writes in the Case Status app (case ${synced.caseNumber}); within about a minute it is a SmartAdvocate note:
     curl -s -X POST ${cs}/__admin/messages -H 'content-type: application/json' \\
       -d '{"integration_id":"${synced.caseId}","direction":"incoming","content":"Hi, is there any news on my case?"}'
     TOKEN=$(curl -s -X POST ${sa}/CaseSyncAPI/Users/authenticate -H 'content-type: application/json' \\
       -d '{"Username":"${sims.firm.apiUser.username}","Password":"${sims.firm.apiUser.password}"}' | sed 's/.*"token":"\\([^"]*\\)".*/\\1/')
     curl -s -H "Authorization: Bearer $TOKEN" ${sa}/CaseSyncAPI/case/${synced.caseId}/notes
3. ${staff.firstName} ${staff.lastName} writes a Plaintiff note shared in the client portal; it becomes a message to the client:
     curl -s -X POST ${sa}/__admin/notes -H 'content-type: application/json' \\
       -d '{"caseID":${synced.caseId},"noteTypeName":"Plaintiff","noteText":"<p>Your records request went out today.</p>","userID":${staff.userId},"isSharedinCP":true}'
     curl -s -H 'Authorization: ApiKey ${sims.firm.caseStatusApiKey}' '${cs}/v1/api/messages?integration_id=${synced.caseId}&size=100'
4. Watch every run in n8n's Executions list. Ctrl-C here stops n8n and the simulators.
`;
}

export interface Demo {
	sims: RunningSimulators;
	n8n: N8nInstance;
	workflows: WorkflowJson[];
	workflowIds: string[];
	stop(): Promise<void>;
}

/** Simulators + a running n8n with the credentials and the published templates. */
export async function startDemo(options: { n8nPort?: number; simPorts?: boolean } = {}): Promise<Demo> {
	const fixed = options.simPorts ?? true;
	const sims = await startSimulators(fixed ? { saPort: 4010, csPort: 4020, filePort: 4021 } : { saPort: 0, csPort: 0, filePort: 0 });
	const n8n = await N8nInstance.create('2', { port: options.n8nPort ?? N8N_PORT, timezone: 'America/New_York' });
	const stop = async () => {
		await n8n.dispose().catch(() => undefined);
		await sims.close();
	};
	try {
		await n8n.importCredentials([
			{
				id: 'demoSmartAdvoc01',
				name: SMARTADVOCATE_CREDENTIAL_NAME,
				type: 'smartAdvocateApi',
				data: { baseUrl: sims.smartAdvocateUrl, username: sims.firm.apiUser.username, password: sims.firm.apiUser.password },
			},
			{
				id: 'demoCaseStatus01',
				name: CASESTATUS_CREDENTIAL_NAME,
				type: 'caseStatusApi',
				data: { environment: 'custom', baseUrl: sims.caseStatusUrl, apiKey: sims.firm.caseStatusApiKey, allowPrivateDownloadHosts: true },
			},
		]);
		const workflows = templates();
		const workflowIds = await n8n.importWorkflows(workflows);
		for (const id of workflowIds) await n8n.publish(id);
		await n8n.start({ waitForActivation: workflowIds });
		await n8n.ownerLogin();
		return { sims, n8n, workflows, workflowIds, stop };
	} catch (error) {
		await stop();
		throw error;
	}
}

async function main() {
	console.log('• Starting the simulators and n8n…');
	const demo = await startDemo();
	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		console.log('\nStopping n8n and the simulators…');
		await demo.stop();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	console.log(whatToTry(demo.sims, demo.n8n.baseUrl, demo.workflows));
}

if (require.main === module) {
	main().catch((error) => {
		console.error(error);
		process.exit(1);
	});
}
