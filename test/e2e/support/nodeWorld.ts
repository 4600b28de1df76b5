/**
 * What the action-node e2e files (caseStatus, smartAdvocate, errorOutput) share: both simulators with
 * their test fixtures, a real n8n of one version with a credential for each simulator, nodes of this
 * package wired to those credentials, and one describe block per installed n8n version.
 */
import { startCaseStatusSimulator, type RunningCaseStatusSim } from '../../../simulators/casestatus';
import { startSmartAdvocateSimulator, type RunningSmartAdvocate } from '../../../simulators/smartadvocate';
import { API_KEY, buildFixture as buildCsFixture } from '../../nodes/CaseStatus/fixtures';
import { API_USER, buildFixture as buildSaFixture } from '../../nodes/SmartAdvocate/fixtures';
import {
	ALL_VERSION_KEYS,
	N8N_VERSIONS,
	N8nInstance,
	packageTypes,
	selectedVersionKeys,
	type CredentialFixture,
	type N8nVersionKey,
	type N8nVersionSpec,
	type RunData,
	type WorkflowJson,
} from '../harness';

/** The credentials every workflow of these files uses, as a node references them. */
export const CS_CREDENTIAL = { id: 'e2eNodeCsCred001', name: 'Case Status (simulator)' };
export const SA_CREDENTIAL = { id: 'e2eNodeSaCred001', name: 'SmartAdvocate (simulator)' };

export function caseStatusCredential(sim: RunningCaseStatusSim, ref = CS_CREDENTIAL): CredentialFixture {
	return { ...ref, type: 'caseStatusApi', data: { environment: 'custom', baseUrl: sim.api.url, apiKey: API_KEY, allowPrivateDownloadHosts: true } };
}

export function smartAdvocateCredential(sim: RunningSmartAdvocate, ref = SA_CREDENTIAL): CredentialFixture {
	return { ...ref, type: 'smartAdvocateApi', data: { baseUrl: sim.url, username: API_USER.username, password: API_USER.password } };
}

export interface NodeWorld {
	n8n: N8nInstance;
	cs: RunningCaseStatusSim;
	sa: RunningSmartAdvocate;
	/** This package's node types as n8n names them. */
	types: { cs: string; sa: string };
}

/**
 * Both simulators and a real n8n of `version` with both credentials imported, for the enclosing
 * describe block: started before its first test, stopped after its last. Read it inside tests.
 */
export function useNodeWorld(version: N8nVersionKey): () => NodeWorld {
	let world: Partial<NodeWorld> = {};
	beforeAll(async () => {
		const name = packageTypes().name;
		world = { types: { cs: `${name}.caseStatus`, sa: `${name}.smartAdvocate` } };
		world.cs = await startCaseStatusSimulator({ firm: buildCsFixture().firm });
		world.sa = await startSmartAdvocateSimulator({ firm: buildSaFixture().firm });
		world.n8n = await N8nInstance.create(version);
		await world.n8n.importCredentials([caseStatusCredential(world.cs), smartAdvocateCredential(world.sa)]);
	}, 400_000);
	afterAll(async () => {
		await world.n8n?.dispose();
		await world.cs?.close();
		await world.sa?.close();
	});
	return () => world as NodeWorld;
}

/** A node of this package on the canvas, with the credential of its service. */
export function packageNode(
	type: string,
	node: { id: string; name: string; position: [number, number]; parameters: Record<string, unknown>; onError?: string },
	credential: { id: string; name: string } = type.endsWith('.caseStatus') ? CS_CREDENTIAL : SA_CREDENTIAL,
) {
	const key = type.endsWith('.caseStatus') ? 'caseStatusApi' : 'smartAdvocateApi';
	return { typeVersion: 1, ...node, type, credentials: { [key]: credential } };
}

/** n8n's Convert to File node named "To File": one text field of the item becomes a file to upload. */
export function textToFileNode(x: number, sourceProperty: string, fileName: string) {
	return {
		id: 'file',
		name: 'To File',
		type: 'n8n-nodes-base.convertToFile',
		typeVersion: 1.1,
		position: [x, 0],
		parameters: { operation: 'toText', sourceProperty, options: { fileName } },
	};
}

/** A workflow that runs these nodes one after another, from a Manual Trigger named Start. */
export function chainWorkflow(id: string, name: string, nodes: Array<{ name: string; [key: string]: unknown }>): WorkflowJson {
	const start = { id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
	const chain = [start, ...nodes];
	const connections = Object.fromEntries(
		chain.slice(0, -1).map((node, i) => [node.name, { main: [[{ node: chain[i + 1].name, type: 'main', index: 0 }]] }]),
	);
	return { id, name, nodes: chain, connections, settings: { executionOrder: 'v1' } };
}

/**
 * Presses a credential's Test button in this n8n, through the REST call the editor makes (starts
 * `n8n start` first if needed, so call it after the file's CLI runs). The credential must be imported.
 */
export async function pressTestButton(n8n: N8nInstance, credential: CredentialFixture): Promise<{ status: string; message: string }> {
	if (!n8n.isRunning) await n8n.start();
	return await n8n.rest('POST', '/credentials/test', { credentials: credential });
}

/** The binary `data` of a node's first output item. */
export function binaryOf(run: RunData, nodeName: string): Record<string, unknown> {
	const item = run.data.resultData.runData[nodeName]?.[0]?.data?.main?.[0]?.[0];
	return (item?.binary?.data ?? {}) as Record<string, unknown>;
}

/** The pairedItem of each item a node sent on one output. */
export function pairedItems(run: RunData, nodeName: string, output = 0): unknown[] {
	const items = run.data.resultData.runData[nodeName]?.[0]?.data?.main?.[output] ?? [];
	return (items as Array<{ pairedItem?: unknown }>).map((item) => item.pairedItem);
}

/** One describe block per n8n version the harness installs; those SACS_E2E_VERSIONS leaves out are skipped. */
export function describeEachN8n(title: (spec: N8nVersionSpec) => string, suite: (version: N8nVersionKey) => void): void {
	const selected = selectedVersionKeys();
	for (const version of ALL_VERSION_KEYS) {
		const heading = title(N8N_VERSIONS[version]);
		if (selected.includes(version)) describe(heading, () => suite(version));
		else describe.skip(heading, () => it('runs', () => undefined));
	}
}
