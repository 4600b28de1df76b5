/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-explicit-any -- runs in Node, never in n8n (eslint.dev.config.mjs) */
/**
 * A SMALL IMITATION of n8n's execution context, so node code runs in jest against the simulators over
 * real HTTP. It is for what OUR code decides (mapping, paging, matching, retries we make, messages,
 * which requests go out and with which headers); it proves nothing about how n8n behaves.
 *
 * What it does, and no more:
 * - parameters get their defaults from the node description (n8n-workflow's own getNodeParameters);
 *   `={{ $json… }}` / `$index` expressions are evaluated as plain JavaScript;
 * - requests go out with axios; `httpRequestWithAuthentication` runs the credential's preAuthentication
 *   once while its token field is empty, then applies `authenticate`. A 401 is an error: n8n's own
 *   log-in-again-and-resend is not imitated;
 * - `continueOnFail: true` means "Continue (regular output)"; binary data is base64 on the item;
 * - `testCredential` logs in and sends the credential's test request, as the Test button would.
 *
 * What it does NOT cover: n8n's request helper (redirects and where credentials go on them, timeouts,
 * the error objects and headers it hands back, Retry-After, the log-in-again on a 401), the error output
 * and how n8n routes failed items, binary data modes and streams, poll scheduling and static-data
 * persistence, the expression language and resource-locator rules, paired-item checks, and the
 * credential Test button's own flow. Each claim of that kind in the unit tests is proven in a real n8n
 * 2.41.1 and 1.123.81 by:
 * - Continue (regular output) fields, Continue (using error output) routing
 *   → test/e2e/errorOutput.e2e.test.ts (all four tests);
 * - a session token fetched by preAuthentication and sent as Bearer → test/e2e/smoke.e2e.test.ts
 *   "imports a credential of each type and runs … HTTP Request (our credentials)";
 * - logging in again after the token expired → test/e2e/transport.e2e.test.ts "logs in again when the
 *   stored session token has expired", test/e2e/bigFiles.e2e.test.ts "a streamed upload whose
 *   SmartAdvocate session has expired …", test/e2e/triggers.e2e.test.ts (the 20 s token polls);
 * - the password never follows a login redirect to another server → test/e2e/smartAdvocate.e2e.test.ts
 *   "never sends the password to another server a login redirect points at";
 * - no credential on an API redirect to another origin, same-origin redirects still work, Retry-After,
 *   timeouts → test/e2e/transport.e2e.test.ts (the tests of those names);
 * - a Case Status file is downloaded from its host without the API key → test/e2e/caseStatus.e2e.test.ts
 *   "runs case, message and document operations …" (file host saw no Authorization) and
 *   test/e2e/relays.e2e.test.ts "document relay: … the API key never reaches the file host";
 * - binaries kept on disk are streamed → test/e2e/bigFiles.e2e.test.ts "the document template copies a
 *   12 MB client file …";
 * - one bad item never blocks a poll, unknown message types, token refresh under a running trigger
 *   → test/e2e/triggers.e2e.test.ts (both tests); the cursor logic itself is ours (unit tests);
 * - resource locators, expressions, multipart and binary bodies as n8n builds them
 *   → test/e2e/caseStatus.e2e.test.ts and test/e2e/smartAdvocate.e2e.test.ts.
 * - the credential Test button passes and fails, never echoing a wrong password or key
 *   → test/e2e/smartAdvocate.e2e.test.ts and test/e2e/caseStatus.e2e.test.ts "the credential Test button …".
 *   Known difference: with a wrong SmartAdvocate password, real n8n 2.41.1 shows "Authorization failed -
 *   please check your credentials", not the credential's own message that testCredential shows here.
 */
import type { Readable } from 'stream';
import axios, { type AxiosRequestConfig } from 'axios';
import { randomUUID } from 'node:crypto';
import type {
	IAdditionalCredentialOptions,
	IBinaryData,
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	IVersionedNodeType,
	IPairedItemData,
} from 'n8n-workflow';
import { NodeApiError, NodeHelpers, NodeOperationError } from 'n8n-workflow';

import { CaseStatusApi } from '../../credentials/CaseStatusApi.credentials';
import { SmartAdvocateApi } from '../../credentials/SmartAdvocateApi.credentials';

const credentialTypes: Record<string, ICredentialType> = {
	smartAdvocateApi: new SmartAdvocateApi(),
	caseStatusApi: new CaseStatusApi(),
};

/** Every request the fake runtime sent, for tests that check where secrets went. */
export interface SentRequest {
	method: string;
	url: string;
	headers: Record<string, string>;
}

export interface ContextOptions {
	/** The node's parameters as a user would set them (defaults are filled in). */
	parameters?: IDataObject;
	/** Input items; default one empty item. */
	items?: INodeExecutionData[];
	/** Credential data by credential type name, e.g. `{ smartAdvocateApi: {baseUrl, username, password} }`. */
	credentials?: Record<string, IDataObject>;
	continueOnFail?: boolean;
	/** Shared between polls of one trigger (n8n persists it for active workflows). */
	staticData?: IDataObject;
	mode?: 'manual' | 'trigger';
	timezone?: string;
	nodeName?: string;
	/** Collects every HTTP request sent (for secret-leak assertions). */
	sentRequests?: SentRequest[];
	/** n8n's execution ID of the run (default: a fresh one per context) and the workflow's ID. */
	executionId?: string;
	/** The n8n credential IDs the node names, by credential type (default: one of its own per context), as `node.credentials`. */
	credentialIds?: Record<string, string>;
	workflowId?: string;
}

function resolveExpression(value: unknown, credentials: IDataObject): unknown {
	if (typeof value !== 'string' || !value.startsWith('=')) return value;
	const template = value.slice(1);
	const whole = /^\{\{([\s\S]*)\}\}$/.exec(template.trim());
	const evaluate = (expression: string) =>
		new Function('$credentials', `return (${expression});`)(credentials);
	if (whole) return evaluate(whole[1]);
	return template.replace(/\{\{([\s\S]*?)\}\}/g, (_, expression: string) => String(evaluate(expression)));
}

function resolveDeep(value: unknown, credentials: IDataObject): unknown {
	if (Array.isArray(value)) return value.map((v) => resolveDeep(v, credentials));
	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveDeep(v, credentials)]));
	}
	return resolveExpression(value, credentials);
}

/**
 * Parameter expressions that read the current item, e.g. `={{ $json.caseNumber }}` — enough of n8n's
 * expression language for per-item parameters in tests (`$json`, `$index`, plain JavaScript).
 */
function resolveItemExpressions(value: unknown, json: IDataObject, index: number): unknown {
	if (Array.isArray(value)) return value.map((v) => resolveItemExpressions(v, json, index));
	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveItemExpressions(v, json, index)]));
	}
	if (typeof value !== 'string' || !value.startsWith('=')) return value;
	const template = value.slice(1);
	const evaluate = (expression: string) =>
		new Function('$json', '$index', `return (${expression});`)(json, index);
	const whole = /^\{\{([\s\S]*)\}\}$/.exec(template.trim());
	if (whole) return evaluate(whole[1]);
	return template.replace(/\{\{([\s\S]*?)\}\}/g, (_, expression: string) => String(evaluate(expression)));
}

/** Sends one request the way n8n's httpRequest helper does (axios underneath). */
async function sendHttp(options: IHttpRequestOptions, log?: SentRequest[]): Promise<any> {
	const headers: Record<string, string> = {};
	for (const [key, value] of Object.entries(options.headers ?? {})) {
		if (value !== undefined && value !== null) headers[key] = String(value);
	}
	const isBinaryBody = Buffer.isBuffer(options.body);
	if (options.json && !isBinaryBody && options.body !== undefined) headers['content-type'] ??= 'application/json';
	const config: AxiosRequestConfig = {
		method: options.method ?? 'GET',
		url: options.url,
		baseURL: options.baseURL,
		params: options.qs,
		headers,
		data: options.body,
		timeout: options.timeout ?? 60_000,
		responseType: options.encoding === 'arraybuffer' || options.encoding === 'stream' ? options.encoding : 'json',
		maxRedirects: options.disableFollowRedirect ? 0 : 5,
		// As n8n: `ignoreHttpStatusErrors` returns error answers (`{ignore, except}` still throws on `except`).
		validateStatus: (status) => {
			const ignore = options.ignoreHttpStatusErrors;
			if (ignore && typeof ignore === 'object') return !ignore.except.includes(status);
			return ignore ? true : status >= 200 && status < 300;
		},
	};
	const absoluteUrl = axios.getUri(config);
	log?.push({ method: String(config.method).toUpperCase(), url: absoluteUrl, headers: { ...headers } });
	const response = await axios.request(config);
	const body = options.encoding === 'arraybuffer' ? Buffer.from(response.data) : response.data;
	if (options.returnFullResponse) {
		return { body, headers: response.headers, statusCode: response.status, statusMessage: response.statusText };
	}
	return body;
}

/** The node class n8n would run: a versioned node resolves to its default version, as in n8n's NodeTypes. */
export function resolveNodeType(nodeType: INodeType | IVersionedNodeType): INodeType {
	return 'nodeVersions' in nodeType ? nodeType.getNodeType() : nodeType;
}

export function createContext(versioned: INodeType | IVersionedNodeType, options: ContextOptions = {}) {
	const nodeType = resolveNodeType(versioned);
	const description = nodeType.description as INodeTypeDescription;
	const node: INode = {
		id: randomUUID(),
		name: options.nodeName ?? description.defaults.name ?? description.displayName,
		type: `n8n-nodes-smartadvocate-casestatus.${description.name}`,
		typeVersion: Array.isArray(description.version) ? Math.max(...description.version) : description.version,
		position: [0, 0],
		parameters: {},
		credentials: Object.fromEntries(
			// A credential of its own per context unless a test names one: what nodes keep per account
			// (Create or Update's case directory) is then shared only where a test means it.
			Object.keys(options.credentials ?? {}).map((type) => [type, { id: options.credentialIds?.[type] ?? `test-${type}-${randomUUID()}`, name: type }]),
		),
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
	const parameters = (NodeHelpers.getNodeParameters(
		description.properties as INodeProperties[],
		(options.parameters ?? {}) as any,
		true,
		false,
		node,
		description,
	) ?? {}) as IDataObject;
	node.parameters = parameters as any;
	const items: INodeExecutionData[] = options.items ?? [{ json: {} }];
	const storedCredentials: Record<string, IDataObject> = JSON.parse(JSON.stringify(options.credentials ?? {}));
	const staticData = options.staticData ?? {};
	const sentRequests = options.sentRequests;
	const executionId = String(Math.floor(Math.random() * 1e9));

	/** How often each credential was read (n8n decrypts it on every read). */
	const credentialReads: Record<string, number> = {};

	async function getCredentials(type: string): Promise<ICredentialDataDecryptedObject> {
		credentialReads[type] = (credentialReads[type] ?? 0) + 1;
		const data = storedCredentials[type];
		if (!data) throw new NodeOperationError(node, `Node "${node.name}" does not have any credentials of type "${type}" set`);
		return { ...data } as ICredentialDataDecryptedObject;
	}

	async function preAuthenticate(type: string, data: IDataObject) {
		const credentialType = credentialTypes[type];
		if (!credentialType?.preAuthentication) return;
		const expirable = credentialType.properties.find((p) => p.type === 'hidden' && p.typeOptions?.expirable);
		if (!expirable) return;
		if (data[expirable.name]) return;
		const update = await credentialType.preAuthentication.call({ helpers: { httpRequest: (o: IHttpRequestOptions) => sendHttp(o, sentRequests) } } as any, data as any);
		Object.assign(data, update);
		storedCredentials[type] = { ...storedCredentials[type], ...update };
	}

	async function authenticate(type: string, data: IDataObject, request: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const credentialType = credentialTypes[type];
		const auth = credentialType?.authenticate;
		if (!auth) return request;
		if (typeof auth === 'function') return await auth(data as any, request);
		const properties = resolveDeep(auth.properties, data) as IDataObject;
		return {
			...request,
			headers: { ...(request.headers ?? {}), ...((properties.headers as IDataObject) ?? {}) },
			qs: { ...(request.qs ?? {}), ...((properties.qs as IDataObject) ?? {}) },
		};
	}

	// No log-in-again-and-resend on a 401 (n8n's own, proven in test/e2e/transport.e2e.test.ts).
	// As n8n: a credential handed over (`credentialsDecrypted`) is used, and renewed, as it is; else it is read.
	async function httpRequestWithAuthentication(type: string, request: IHttpRequestOptions, additional?: IAdditionalCredentialOptions) {
		const data = (additional?.credentialsDecrypted?.data ?? (await getCredentials(type))) as IDataObject;
		try {
			await preAuthenticate(type, data);
			return await sendHttp(await authenticate(type, data, request), sentRequests);
		} catch (error) {
			throw new NodeApiError(node, error);
		}
	}

	function getNodeParameter(name: string, itemIndex?: number, fallback?: unknown, opts?: { extractValue?: boolean }) {
		let value: any = name.split('.').reduce<any>((acc, key) => (acc === undefined ? undefined : acc[key]), parameters);
		if (value === undefined) {
			if (arguments.length >= 3) return fallback;
			throw new Error(`Could not get parameter "${name}"`);
		}
		value = resolveItemExpressions(value, items[itemIndex ?? 0]?.json ?? {}, itemIndex ?? 0);
		if (opts?.extractValue && value && typeof value === 'object' && '__rl' in value) value = value.value;
		return value;
	}

	const binaryHelpers = {
		async prepareBinaryData(data: Buffer | Readable, fileName?: string, mimeType?: string): Promise<IBinaryData> {
			// n8n reads a stream to the end (in-memory mode) or into its file store; here always into memory.
			const buffer = Buffer.isBuffer(data) ? data : Buffer.concat(await data.toArray());
			const extension = fileName?.includes('.') ? fileName.split('.').pop() : undefined;
			return {
				data: buffer.toString('base64'),
				mimeType: mimeType ?? 'application/octet-stream',
				fileName,
				fileExtension: extension,
				fileSize: `${buffer.length} B`,
			} as IBinaryData;
		},
		assertBinaryData(itemIndex: number, propertyName: string): IBinaryData {
			const binary = items[itemIndex]?.binary?.[propertyName];
			if (!binary) {
				throw new NodeOperationError(node, `This operation expects the node's input data to contain a binary file '${propertyName}', but none was found [item ${itemIndex}]`, { itemIndex });
			}
			return binary;
		},
		async getBinaryDataBuffer(itemIndex: number, propertyName: string): Promise<Buffer> {
			return Buffer.from(binaryHelpers.assertBinaryData(itemIndex, propertyName).data, 'base64');
		},
	};

	const context: any = {
		getNode: () => node,
		getInputData: () => items,
		getNodeParameter,
		getCurrentNodeParameter: (name: string, opts?: { extractValue?: boolean }) => getNodeParameter(name, 0, undefined, opts),
		getCredentials,
		continueOnFail: () => Boolean(options.continueOnFail),
		getWorkflowStaticData: () => staticData,
		getMode: () => options.mode ?? 'manual',
		getTimezone: () => options.timezone ?? 'America/New_York',
		getExecutionCancelSignal: () => undefined,
		getExecutionId: () => options.executionId ?? executionId,
		getWorkflow: () => ({ id: options.workflowId ?? 'wfTest000000001', name: 'Test workflow', active: false }),
		logger: { debug() {}, info() {}, warn() {}, error() {} },
		helpers: {
			httpRequest: (request: IHttpRequestOptions) => sendHttp(request, sentRequests),
			httpRequestWithAuthentication(this: unknown, type: string, request: IHttpRequestOptions, additional?: IAdditionalCredentialOptions) {
				return httpRequestWithAuthentication(type, request, additional);
			},
			returnJsonArray: (data: IDataObject | IDataObject[]) => ([] as IDataObject[]).concat(data).map((json) => ({ json })),
			constructExecutionMetaData: (data: INodeExecutionData[], meta: { itemData: IPairedItemData | IPairedItemData[] }) =>
				data.map((item) => ({ ...item, pairedItem: meta.itemData })),
			...binaryHelpers,
		},
	};
	return { context, node, staticData, storedCredentials, credentialReads };
}

/** Runs an action node's execute() like n8n does; returns the first output's items. */
export async function runNode(versioned: INodeType | IVersionedNodeType, options: ContextOptions = {}) {
	const nodeType = resolveNodeType(versioned);
	const { context } = createContext(nodeType, options);
	const output = (await nodeType.execute!.call(context)) as INodeExecutionData[][];
	return output[0];
}

/** Runs a polling trigger's poll() once; keep passing the same staticData to simulate later polls. */
export async function runPoll(nodeType: INodeType, options: ContextOptions = {}) {
	const { context } = createContext(nodeType, { mode: 'trigger', ...options });
	const output = (await nodeType.poll!.call(context)) as INodeExecutionData[][] | null;
	return output ? output[0] : null;
}

/** Calls a loadOptions or listSearch method the way the editor does. */
export async function runMethod(
	versioned: INodeType | IVersionedNodeType,
	kind: 'loadOptions' | 'listSearch',
	method: string,
	options: ContextOptions & { filter?: string; paginationToken?: string } = {},
) {
	const nodeType = resolveNodeType(versioned);
	const { context } = createContext(nodeType, options);
	const fn = (nodeType.methods as any)?.[kind]?.[method];
	if (!fn) throw new Error(`No ${kind} method ${method}`);
	return kind === 'listSearch' ? await fn.call(context, options.filter, options.paginationToken) : await fn.call(context);
}

/**
 * Presses the credential's Test button: like n8n, it logs in first when the credential has
 * preAuthentication, then sends the test request with the credential applied.
 */
export async function testCredential(type: 'smartAdvocateApi' | 'caseStatusApi', data: IDataObject) {
	const credentialType = credentialTypes[type];
	const copy: IDataObject = { ...data };
	try {
		if (credentialType.preAuthentication) {
			Object.assign(copy, await credentialType.preAuthentication.call({ helpers: { httpRequest: (o: IHttpRequestOptions) => sendHttp(o) } } as any, copy as any));
		}
		const request = resolveDeep(credentialType.test!.request, copy) as IHttpRequestOptions;
		const auth = credentialType.authenticate!;
		const authed =
			typeof auth === 'function'
				? await auth(copy as any, { ...request, url: request.url ?? '' })
				: { ...request, headers: { ...(request.headers ?? {}), ...((resolveDeep(auth.properties, copy) as IDataObject).headers as IDataObject) } };
		await sendHttp({ ...authed, json: true } as IHttpRequestOptions);
		return { status: 'OK' as const, message: 'Connection tested successfully' };
	} catch (error) {
		return { status: 'Error' as const, message: String(error?.message ?? error) };
	}
}
