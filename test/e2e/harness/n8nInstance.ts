/* eslint-disable @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error, no-console -- runs in Node, never in n8n (eslint.dev.config.mjs) */
/**
 * A real n8n (installed by scripts/install-n8n.mjs) with our package loaded as a community package.
 *
 * One instance = one fresh temp folder with its own N8N_USER_FOLDER (SQLite DB), log files and ports.
 * CLI commands (import, execute, publish, export:nodes) are one-shot processes; `start()` runs `n8n start`
 * for trigger tests. Every process is tracked and killed by PID on stop()/dispose() and on process exit.
 * See test/e2e/README.md.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

import { packageRoot } from './package';
import { descendants, freePort, isAlive, killTree, tailFile, WaitAbort, waitFor, type WaitForOptions } from './util';
import { installedN8n, N8N_VERSIONS, type InstalledN8n, type N8nVersionKey, type N8nVersionSpec } from './versions';

/** Fixed so that credentials imported by one process decrypt in the next. Test-only value. */
export const E2E_ENCRYPTION_KEY = 'sacs-e2e-fixed-encryption-key-not-a-secret';

export const E2E_OWNER = {
	email: 'e2e-owner@example.com',
	firstName: 'E2E',
	lastName: 'Owner',
	password: 'E2eOwnerPassw0rd!',
};

const LOG_TAIL_LINES = 60;

export interface N8nInstanceOptions {
	/** Package folder to load (default: SACS_E2E_PACKAGE_ROOT or the repo root). Must contain package.json + dist/. */
	packageRoot?: string;
	/**
	 * 'copy' (default): copies package.json + dist, so `require('n8n-workflow')` resolves to n8n's own copy,
	 * exactly as for a user who installed the package from the registry. 'symlink': `.n8n/nodes/node_modules/<pkg>`
	 * → package folder (quicker to iterate on, but our code then loads the repo's devDependency n8n-workflow).
	 */
	linkMode?: 'symlink' | 'copy';
	/** GENERIC_TIMEZONE (default 'UTC'). */
	timezone?: string;
	/** Extra env for every n8n process of this instance (wins over the defaults). */
	env?: Record<string, string>;
	/** Parent of the temp folder (default SACS_E2E_TMP or the OS temp dir). */
	tmpRoot?: string;
	/** Port of `n8n start` (default: any free port). The demo uses n8n's usual 5678. */
	port?: number;
	/** Node flags for `n8n start` / `n8n worker` that NODE_OPTIONS refuses (the benchmark's `--trace-gc`). */
	serverNodeArgs?: string[];
}

export interface CliResult {
	args: string[];
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
	logFile: string;
	durationMs: number;
}

export interface CliOptions {
	timeoutMs?: number;
	/** Do not throw when the command exits non-zero (the caller inspects `code`). */
	allowFailure?: boolean;
	/** Extra env for this process only. */
	env?: Record<string, string>;
}

/** Shape of the IRun JSON `n8n execute --rawOutput` prints (only what tests usually touch). */
export interface RunData {
	status?: string;
	finished?: boolean;
	mode?: string;
	data: {
		resultData: {
			runData: Record<string, Array<{ executionStatus?: string; error?: { message?: string }; data?: { main?: Array<Array<{ json: Record<string, unknown>; binary?: Record<string, unknown> }> | null> } }>>;
			lastNodeExecuted?: string;
			error?: { message?: string; description?: string; name?: string; node?: { name?: string }; [k: string]: unknown };
		};
	};
	[k: string]: unknown;
}

export interface ExecuteResult {
	workflowId: string;
	/** rc = 0 and no "Execution was NOT successful" and no resultData.error. */
	ok: boolean;
	code: number | null;
	/** Parsed IRun, also on failure when n8n printed it. */
	run?: RunData;
	status?: string;
	/** resultData.error of the run, or the CLI's error text if there is no run. */
	error?: { message: string; description?: string; node?: string; raw?: unknown };
	stdout: string;
	stderr: string;
	logFile: string;
	durationMs: number;
}

export interface CredentialFixture {
	id?: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

export interface WorkflowJson {
	id?: string;
	name: string;
	nodes: unknown[];
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
	[k: string]: unknown;
}

export interface NodeTypeDescriptionLite {
	name: string;
	displayName?: string;
	version?: number | number[];
	credentials?: Array<{ name: string }>;
	[k: string]: unknown;
}

export interface ExecutionSummary {
	id: number | string;
	workflowId: string;
	status?: string;
	mode?: string;
	finished?: boolean;
	startedAt?: string;
	stoppedAt?: string;
	data?: RunData['data'];
	[k: string]: unknown;
}

// ---------------------------------------------------------------------------------------------------------
// Process bookkeeping: whatever happens to the test, no n8n outlives the jest process.

const liveChildren = new Set<ChildProcess>();
let exitHookInstalled = false;
function track(child: ChildProcess): void {
	liveChildren.add(child);
	child.once('exit', () => liveChildren.delete(child));
	if (!exitHookInstalled) {
		exitHookInstalled = true;
		process.once('exit', () => {
			for (const c of liveChildren) if (c.pid) killTree(c.pid, 'SIGKILL');
		});
	}
}

const ENV_DROP = /^(N8N_|DB_|EXECUTIONS_|QUEUE_|WEBHOOK_URL$|GENERIC_TIMEZONE$|NODE_OPTIONS$|NODE_PATH$|NODE_ENV$|JEST_|npm_|TS_NODE_|https?_proxy$|all_proxy$|no_proxy$)/i;

export class N8nInstance {
	readonly version: N8nVersionKey;
	readonly spec: N8nVersionSpec;
	readonly installed: InstalledN8n;
	/** Temp root of this instance: userFolder, logs, inputs/outputs. */
	readonly dir: string;
	readonly userFolder: string;
	readonly logDir: string;
	/** N8N_PORT of `n8n start` (fixed for the instance's lifetime). */
	readonly port: number;
	readonly baseUrl: string;
	readonly packageRoot: string;
	readonly packageName: string;

	/** Wall time of every CLI command and `n8n start` (to readiness) of this instance, in order. */
	readonly timings: Array<{ what: string; ms: number }> = [];

	private readonly options: N8nInstanceOptions;
	private seq = 0;
	private server?: { child: ChildProcess; logFile: string; exited: boolean; exitInfo?: string };
	private authCookie?: string;
	private apiKeyValue?: string;
	private ownerHash?: string;
	private failed = false;
	private disposed = false;

	private constructor(version: N8nVersionKey, installed: InstalledN8n, dir: string, port: number, options: N8nInstanceOptions) {
		this.version = version;
		this.spec = N8N_VERSIONS[version];
		this.installed = installed;
		this.options = options;
		this.dir = dir;
		this.userFolder = path.join(dir, 'home');
		this.logDir = path.join(dir, 'logs');
		this.port = port;
		this.baseUrl = `http://127.0.0.1:${port}`;
		this.packageRoot = path.resolve(options.packageRoot ?? packageRoot());
		this.packageName = JSON.parse(fs.readFileSync(path.join(this.packageRoot, 'package.json'), 'utf8')).name;
	}

	/** Fresh temp user folder with our package linked in as a community package. Nothing runs yet. */
	static async create(version: N8nVersionKey, options: N8nInstanceOptions = {}): Promise<N8nInstance> {
		const installed = installedN8n(version);
		const tmpRoot = options.tmpRoot ?? process.env.SACS_E2E_TMP ?? os.tmpdir();
		fs.mkdirSync(tmpRoot, { recursive: true });
		const dir = fs.mkdtempSync(path.join(tmpRoot, `sacs-e2e-n8n${version}-`));
		const instance = new N8nInstance(version, installed, dir, options.port ?? (await freePort()), options);
		instance.linkPackage();
		fs.mkdirSync(instance.logDir, { recursive: true });
		return instance;
	}

	private linkPackage(): void {
		const root = this.packageRoot;
		if (!fs.existsSync(path.join(root, 'dist'))) {
			throw new Error(`${root}/dist does not exist: run \`npm run build\` before the e2e tests.`);
		}
		const modules = path.join(this.userFolder, '.n8n', 'nodes', 'node_modules');
		fs.mkdirSync(modules, { recursive: true });
		const target = path.join(modules, this.packageName);
		if ((this.options.linkMode ?? 'copy') === 'copy') {
			fs.mkdirSync(target);
			const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
			// What n8n's own community-package installer does: no dev/peer/optional deps.
			delete pkg.devDependencies;
			delete pkg.peerDependencies;
			delete pkg.optionalDependencies;
			fs.writeFileSync(path.join(target, 'package.json'), JSON.stringify(pkg, null, 2));
			fs.cpSync(path.join(root, 'dist'), path.join(target, 'dist'), { recursive: true });
		} else {
			fs.symlinkSync(root, target, 'dir');
		}
	}

	/** Env of every n8n process of this instance (the measured recipe, see test/e2e/README.md). */
	env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
		const env: NodeJS.ProcessEnv = {};
		for (const [k, v] of Object.entries(process.env)) if (!ENV_DROP.test(k)) env[k] = v;
		Object.assign(env, {
			PATH: `${this.installed.nodeBinDir}${path.delimiter}${process.env.PATH ?? ''}`,
			NODE_ENV: 'production', // jest sets "test", which changes n8n's behaviour
			NO_PROXY: '127.0.0.1,localhost',
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: E2E_ENCRYPTION_KEY,
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
			DB_TYPE: 'sqlite',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
			N8N_LOG_LEVEL: 'info', // NOT warn/error: `n8n execute` prints its result through logger.info
			N8N_LOG_OUTPUT: 'console',
			GENERIC_TIMEZONE: this.options.timezone ?? 'UTC',
			N8N_HOST: '127.0.0.1',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_PORT: String(this.port),
			N8N_PROTOCOL: 'http',
			N8N_SECURE_COOKIE: 'false',
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
			N8N_PUBLIC_API_SWAGGERUI_DISABLED: 'true',
			...this.spec.env,
			...this.ownerEnv(),
			...this.options.env,
			...extra,
		});
		return env;
	}

	/** v2: the owner is provisioned from env by every process (no REST setup needed). */
	private ownerEnv(): Record<string, string> {
		if (this.version !== '2') return {};
		if (!this.ownerHash) {
			const req = createRequire(path.join(this.installed.hostDir, 'node_modules', 'n8n', 'package.json'));
			const bcrypt = req('bcryptjs') as { hashSync(pw: string, rounds: number): string };
			this.ownerHash = bcrypt.hashSync(E2E_OWNER.password, 10);
		}
		return {
			N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
			N8N_INSTANCE_OWNER_EMAIL: E2E_OWNER.email,
			N8N_INSTANCE_OWNER_FIRST_NAME: E2E_OWNER.firstName,
			N8N_INSTANCE_OWNER_LAST_NAME: E2E_OWNER.lastName,
			N8N_INSTANCE_OWNER_PASSWORD_HASH: this.ownerHash,
		};
	}

	private nextLogFile(label: string): string {
		this.seq += 1;
		return path.join(this.logDir, `${String(this.seq).padStart(2, '0')}-${label.replace(/[^a-z0-9.-]+/gi, '_')}.log`);
	}

	private fail(message: string, logFile?: string): never {
		this.failed = true;
		const tail = logFile ? tailFile(logFile, LOG_TAIL_LINES) : '';
		throw new Error(`[n8n ${this.spec.n8nVersion}] ${message}${logFile ? `\n--- last ${LOG_TAIL_LINES} lines of ${logFile} ---\n${tail}` : ''}`);
	}

	/** Runs `n8n <args>` to completion (stdout+stderr also go to a log file). Throws on rc≠0 unless allowFailure. */
	async cli(args: string[], { timeoutMs = 180_000, allowFailure = false, env }: CliOptions = {}): Promise<CliResult> {
		this.assertUsable();
		const logFile = this.nextLogFile(args[0] ?? 'cli');
		const brokerPort = await freePort(); // each n8n process starts its own task broker (v2)
		const started = Date.now();
		// stdout and stderr go to files, not pipes: n8n exits (process.exit) right after printing its result,
		// and a pipe loses whatever the reader had not taken yet, so a multi-megabyte result came back cut off.
		// Writes to a file are synchronous in Node, so everything n8n printed is on disk when it exits.
		const outFile = logFile.replace(/\.log$/, '.stdout');
		const errFile = logFile.replace(/\.log$/, '.stderr');
		const [outFd, errFd] = [fs.openSync(outFile, 'w'), fs.openSync(errFile, 'w')];
		let child: ChildProcess;
		try {
			child = spawn(this.installed.nodeBin, [this.installed.n8nBin, ...args], {
				cwd: this.dir,
				env: this.env({ N8N_RUNNERS_BROKER_PORT: String(brokerPort), ...env }),
				stdio: ['ignore', outFd, errFd],
			});
		} finally {
			fs.closeSync(outFd);
			fs.closeSync(errFd);
		}
		track(child);
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			if (child.pid) killTree(child.pid, 'SIGKILL');
		}, timeoutMs);
		const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
			child.once('error', reject);
			child.once('close', (c, s) => resolve({ code: c, signal: s }));
		});
		clearTimeout(timer);
		const stdout = readText(outFile);
		const stderr = readText(errFile);
		fs.writeFileSync(logFile, `$ n8n ${args.join(' ')}   (n8n ${this.spec.n8nVersion}, node ${this.installed.nodeVersion})\n${stdout}${stderr ? `\n--- stderr ---\n${stderr}` : ''}`);
		fs.rmSync(outFile, { force: true });
		fs.rmSync(errFile, { force: true });
		const result: CliResult = { args, code, signal, stdout, stderr, logFile, durationMs: Date.now() - started };
		this.timings.push({ what: `n8n ${args[0]}`, ms: result.durationMs });
		fs.appendFileSync(logFile, `\n[harness] exit ${signal ?? code} after ${result.durationMs} ms\n`);
		if (timedOut) this.fail(`\`n8n ${args.join(' ')}\` timed out after ${timeoutMs} ms`, logFile);
		if (code !== 0 && !allowFailure) this.fail(`\`n8n ${args.join(' ')}\` exited ${signal ?? code}`, logFile);
		return result;
	}

	private assertUsable(): void {
		if (this.disposed) throw new Error('N8nInstance already disposed');
	}

	private assertStopped(what: string, allowWhileRunning?: boolean): void {
		if (this.isRunning && !allowWhileRunning) {
			throw new Error(
				`${what} while \`n8n start\` is running: CLI changes to a running instance do not take effect or leave stale trigger registrations. stop() first (or pass { allowWhileRunning: true }).`,
			);
		}
	}

	private writeInput(name: string, data: unknown): string {
		const dir = path.join(this.dir, 'inputs');
		fs.mkdirSync(dir, { recursive: true });
		const file = path.join(dir, name);
		fs.writeFileSync(file, JSON.stringify(data, null, 2));
		return file;
	}

	/** `n8n import:credentials` of `[{id,name,type,data}]`; data in clear, n8n encrypts it. Returns the ids. */
	async importCredentials(credentials: CredentialFixture[], opts: { allowWhileRunning?: boolean } = {}): Promise<string[]> {
		this.assertStopped('importCredentials', opts.allowWhileRunning);
		const withIds = credentials.map((c) => ({ ...c, id: c.id ?? newId() }));
		const file = this.writeInput(`credentials-${this.seq + 1}.json`, withIds);
		await this.cli(['import:credentials', `--input=${file}`]);
		return withIds.map((c) => c.id);
	}

	/** `n8n import:workflow` of one workflow (object or path to a JSON file). Imports inactive. Returns its id. */
	async importWorkflow(workflow: WorkflowJson | string, opts: { allowWhileRunning?: boolean } = {}): Promise<string> {
		const [id] = await this.importWorkflows([workflow], opts);
		return id;
	}

	/** Several workflows in one `import:workflow --separate` process (saves ~3 s per workflow). Returns their ids. */
	async importWorkflows(workflows: Array<WorkflowJson | string>, opts: { allowWhileRunning?: boolean } = {}): Promise<string[]> {
		this.assertStopped('importWorkflow', opts.allowWhileRunning);
		const dir = path.join(this.dir, 'inputs', `workflows-${this.seq + 1}`);
		fs.mkdirSync(dir, { recursive: true });
		const ids = workflows.map((w, i) => {
			const wf: WorkflowJson = typeof w === 'string' ? JSON.parse(fs.readFileSync(w, 'utf8')) : w;
			if (Array.isArray(wf)) throw new Error('importWorkflow: give one workflow per file/object');
			const id = typeof wf.id === 'string' && wf.id ? wf.id : newId();
			fs.writeFileSync(path.join(dir, `${i}-${id}.json`), JSON.stringify({ active: false, settings: {}, ...wf, id }, null, 2));
			return id;
		});
		await this.cli(['import:workflow', '--separate', `--input=${dir}`]);
		return ids;
	}

	/**
	 * `n8n execute --id=<id> --rawOutput` (needs a Manual Trigger / Execute Workflow Trigger start node).
	 * Never throws for a failed workflow: returns ok=false with the parsed run and the error.
	 */
	async execute(workflowId: string, opts: { timeoutMs?: number } = {}): Promise<ExecuteResult> {
		const r = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput'], { timeoutMs: opts.timeoutMs ?? 300_000, allowFailure: true });
		const run = parseRunJson(r.stdout);
		const notSuccessful = /Execution was NOT successful/.test(r.stdout + r.stderr);
		const runError = run?.data?.resultData?.error;
		const ok = r.code === 0 && !notSuccessful && !runError && !!run;
		let error: ExecuteResult['error'];
		if (runError) {
			error = { message: String(runError.message ?? 'unknown error'), description: runError.description as string | undefined, node: runError.node?.name, raw: runError };
		} else if (!ok) {
			error = { message: cliErrorText(r.stdout, r.stderr) || `n8n execute exited ${r.signal ?? r.code}` };
		}
		return { workflowId, ok, code: r.code, run, status: run?.status, error, stdout: r.stdout, stderr: r.stderr, logFile: r.logFile, durationMs: r.durationMs };
	}

	/** Makes a workflow active: CLI when stopped (v2 publish:workflow, v1 update:workflow --active=true), public API when running. */
	async publish(workflowId: string): Promise<void> {
		if (this.isRunning) {
			await this.api('POST', `/workflows/${workflowId}/${this.version === '2' ? 'publish' : 'activate'}`);
			return;
		}
		await this.cli(this.spec.publishCommand(workflowId));
	}

	async unpublish(workflowId: string): Promise<void> {
		if (this.isRunning) {
			await this.api('POST', `/workflows/${workflowId}/${this.version === '2' ? 'unpublish' : 'deactivate'}`);
			return;
		}
		await this.cli(this.spec.unpublishCommand(workflowId));
	}

	/** `n8n export:nodes`: every node type n8n loaded (ours are `<package>.<name>`). */
	async exportNodes(): Promise<NodeTypeDescriptionLite[]> {
		const out = path.join(this.dir, 'outputs', `nodes-${this.seq + 1}.json`);
		fs.mkdirSync(path.dirname(out), { recursive: true });
		await this.cli(['export:nodes', `--output=${out}`]);
		return JSON.parse(fs.readFileSync(out, 'utf8')) as NodeTypeDescriptionLite[];
	}

	// ---------------------------------------------------------------------------------------------------
	// n8n start

	get isRunning(): boolean {
		return !!this.server && !this.server.exited;
	}

	/** Log file of the current/last `n8n start`. */
	get serverLogFile(): string | undefined {
		return this.server?.logFile;
	}

	/**
	 * `n8n start` on 127.0.0.1:<port>; resolves once /healthz/readiness answers 200 and n8n logged that the
	 * editor is accessible (active workflows are registered by then on v1; on v2 use waitForActivation()).
	 * `{ command: 'worker' }` runs `n8n worker` instead (queue mode, see queueMode.ts): ready once it logged
	 * "n8n worker is now ready".
	 */
	async start({ timeoutMs = 120_000, waitForActivation = [] as string[], command = 'start' as 'start' | 'worker' } = {}): Promise<void> {
		this.assertUsable();
		if (this.isRunning) throw new Error('n8n is already running');
		const logFile = this.nextLogFile(command);
		const t0 = Date.now();
		const brokerPort = await freePort();
		const out = fs.openSync(logFile, 'a');
		fs.writeSync(out, `$ n8n ${command}   (n8n ${this.spec.n8nVersion}, node ${this.installed.nodeVersion}, port ${this.port}, broker ${brokerPort})\n`);
		const child = spawn(this.installed.nodeBin, [...(this.options.serverNodeArgs ?? []), this.installed.n8nBin, command], {
			cwd: this.dir,
			env: this.env({ N8N_RUNNERS_BROKER_PORT: String(brokerPort) }),
			stdio: ['ignore', out, out],
		});
		fs.closeSync(out);
		track(child);
		const server: NonNullable<N8nInstance['server']> = { child, logFile, exited: false };
		this.server = server;
		child.once('exit', (code, signal) => {
			server.exited = true;
			server.exitInfo = signal ?? `exit ${code}`;
		});
		try {
			await waitFor(
				async () => {
					if (server.exited) throw new WaitAbort(`n8n ${command} exited (${server.exitInfo})`);
					if (command === 'worker') return /n8n worker is now ready/.test(readText(logFile));
					if (!/Editor is now accessible via/.test(readText(logFile))) return false;
					const res = await fetch(`${this.baseUrl}/healthz/readiness`);
					return res.status === 200;
				},
				{ timeoutMs, intervalMs: 250, message: command === 'worker' ? 'n8n worker ("n8n worker is now ready")' : 'n8n start (readiness + "Editor is now accessible")' },
			);
			this.timings.push({ what: `n8n ${command} (ready)`, ms: Date.now() - t0 });
			if (waitForActivation.length) {
				await this.waitForActivation(waitForActivation);
				this.timings.push({ what: 'n8n start (activated)', ms: Date.now() - t0 });
			}
		} catch (error) {
			await this.stop().catch(() => undefined);
			if (/--- last \d+ lines of /.test((error as Error).message)) throw error; // already has the log tail
			this.fail((error as Error).message, logFile);
		}
	}

	/**
	 * Waits until each published workflow's triggers are registered in the running n8n.
	 * v1: the "Activated workflow … (ID: <id>)" / "Activation of workflow … (<id>) was successful" log lines.
	 * v2 (activation is asynchronous, logged at debug only): GET /rest/workflows/<id>/publication-status → "published";
	 * a "failed"/"partial" status fails at once with n8n's trigger error.
	 */
	async waitForActivation(workflowIds: string[], timeoutMs = 60_000): Promise<void> {
		const server = this.server;
		if (!server) throw new Error('waitForActivation: n8n is not running');
		const pending = new Set(workflowIds);
		await waitFor(
			async () => {
				if (server.exited) throw new WaitAbort(`n8n start exited (${server.exitInfo})`);
				for (const id of [...pending]) {
					if (this.version === '1') {
						const text = readText(server.logFile);
						const re = new RegExp(`(Activated workflow .*\\(ID: ${escapeRe(id)}\\))|(Activation of workflow .*\\(${escapeRe(id)}\\) was successful)`);
						if (re.test(text)) pending.delete(id);
					} else {
						const st = await this.rest<{ status: string; triggers?: Array<{ nodeId: string; status: string; errorMessage?: string | null }> }>(
							'GET',
							`/workflows/${encodeURIComponent(id)}/publication-status`,
						);
						if (st.status === 'published') pending.delete(id);
						else if (st.status === 'failed' || st.status === 'partial') {
							const why = (st.triggers ?? []).filter((t) => t.status === 'failed').map((t) => `${t.nodeId}: ${t.errorMessage}`).join('; ');
							throw new WaitAbort(`workflow ${id} publication ${st.status}: ${why}`);
						}
					}
				}
				return pending.size === 0;
			},
			{ timeoutMs, intervalMs: 300, message: `activation of workflow(s) ${[...pending].join(', ')}` },
		).catch((e: Error) => this.fail(e.message, server.logFile));
	}

	/** Waits until the `n8n start` log matches `pattern`; returns the match. */
	async waitForLog(pattern: RegExp, opts: WaitForOptions = {}): Promise<RegExpMatchArray> {
		const server = this.server;
		if (!server) throw new Error('waitForLog: n8n has not been started');
		return waitFor(() => readText(server.logFile).match(pattern), { message: `log line ${pattern}`, ...opts }).catch((e: Error) =>
			this.fail(e.message, server.logFile),
		);
	}

	/** SIGTERM by PID, wait until it and its children are gone (SIGKILL after 20 s). Safe to call twice. */
	async stop(): Promise<void> {
		const server = this.server;
		if (!server) return;
		const pid = server.child.pid;
		if (pid && !server.exited) {
			const tree = [pid, ...descendants(pid)];
			try {
				process.kill(pid, 'SIGTERM');
			} catch {
				/* gone */
			}
			try {
				await waitFor(() => tree.every((p) => !isAlive(p)), { timeoutMs: 20_000, intervalMs: 100, message: `n8n (pid ${pid}) to exit` });
			} catch {
				for (const p of tree) killTree(p, 'SIGKILL');
				await waitFor(() => tree.every((p) => !isAlive(p)), { timeoutMs: 5_000, intervalMs: 100, message: `n8n (pid ${pid}) to die` });
			}
		}
		this.authCookie = undefined; // sessions do not matter across restarts, but keep the API key (it is in the DB)
	}

	/**
	 * SIGKILL of the running n8n and its task runner, as when a machine dies: no graceful shutdown, running
	 * executions are cut off. Resolves once every process of the tree is gone; start() may follow.
	 */
	async kill(): Promise<void> {
		const server = this.server;
		if (!server?.child.pid || server.exited) return;
		const tree = [server.child.pid, ...descendants(server.child.pid)];
		for (const p of tree) killTree(p, 'SIGKILL');
		await waitFor(() => server.exited && tree.every((p) => !isAlive(p)), { timeoutMs: 10_000, intervalMs: 100, message: `n8n (pid ${server.child.pid}) to die` });
		this.authCookie = undefined;
	}

	/** Stops n8n, kills anything left, deletes the temp folder unless something failed or SACS_E2E_KEEP=1. */
	async dispose(): Promise<void> {
		if (this.disposed) return;
		try {
			await this.stop();
		} finally {
			this.disposed = true;
			const keep = this.failed || process.env.SACS_E2E_KEEP === '1';
			if (keep) {
				console.log(`[e2e] n8n ${this.spec.n8nVersion} temp folder kept for inspection: ${this.dir}`);
			} else {
				// The package link is a symlink: rmSync does not follow it, so the repo is safe.
				fs.rmSync(this.dir, { recursive: true, force: true, maxRetries: 3 });
			}
		}
	}

	/** Last lines of the current/last `n8n start` log. */
	logTail(lines = LOG_TAIL_LINES): string {
		return this.server ? tailFile(this.server.logFile, lines) : '';
	}

	// ---------------------------------------------------------------------------------------------------
	// HTTP: owner session, API key, public API

	/** Logs in as the instance owner (v1: sets the owner up first via /rest/owner/setup). Returns the auth cookie. */
	async ownerLogin(): Promise<string> {
		this.requireRunning('ownerLogin');
		if (this.authCookie) return this.authCookie;
		const json = { 'content-type': 'application/json' };
		if (this.version === '1') {
			const setup = await fetch(`${this.baseUrl}/rest/owner/setup`, {
				method: 'POST',
				headers: json,
				body: JSON.stringify({ email: E2E_OWNER.email, firstName: E2E_OWNER.firstName, lastName: E2E_OWNER.lastName, password: E2E_OWNER.password }),
			});
			if (setup.status !== 200 && setup.status !== 400) this.fail(`POST /rest/owner/setup answered ${setup.status}: ${await setup.text()}`, this.server?.logFile);
		}
		// v2: the owner comes from N8N_INSTANCE_OWNER_* and may be written a moment after readiness.
		const cookie = await waitFor(
			async () => {
				const res = await fetch(`${this.baseUrl}/rest/login`, {
					method: 'POST',
					headers: json,
					body: JSON.stringify({ emailOrLdapLoginId: E2E_OWNER.email, password: E2E_OWNER.password }),
				});
				if (res.status !== 200) throw new Error(`POST /rest/login answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
				return res.headers.getSetCookie().find((c) => c.startsWith('n8n-auth='))?.split(';')[0];
			},
			{ timeoutMs: 20_000, intervalMs: 300, message: 'owner login' },
		).catch((e: Error) => this.fail(e.message, this.server?.logFile));
		this.authCookie = cookie;
		return cookie;
	}

	/** Internal REST call with the owner cookie (`/rest/...`); returns `data` of the response. */
	async rest<T = unknown>(method: string, urlPath: string, body?: unknown): Promise<T> {
		const cookie = await this.ownerLogin();
		const res = await fetch(`${this.baseUrl}/rest${urlPath}`, {
			method,
			headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await res.text();
		if (!res.ok) this.fail(`${method} /rest${urlPath} answered ${res.status}: ${text.slice(0, 500)}`, this.server?.logFile);
		return (text ? JSON.parse(text).data : undefined) as T;
	}

	/** Creates (once per instance) a public-API key with every scope the instance offers. */
	async createApiKey(): Promise<string> {
		if (this.apiKeyValue) return this.apiKeyValue;
		let scopes: string[];
		try {
			scopes = await this.rest<string[]>('GET', '/api-keys/scopes');
		} catch {
			scopes = ['workflow:read', 'workflow:list', 'workflow:create', 'workflow:update', 'workflow:activate', 'workflow:deactivate', 'execution:read', 'execution:list'];
		}
		const created = await this.rest<{ rawApiKey?: string; apiKey?: string }>('POST', '/api-keys', {
			label: `e2e-${Date.now()}`,
			scopes,
			expiresAt: null,
		});
		const key = created.rawApiKey ?? created.apiKey;
		if (!key) this.fail(`POST /rest/api-keys returned no key: ${JSON.stringify(created).slice(0, 300)}`);
		this.apiKeyValue = key;
		return key;
	}

	/** Public API call (`/api/v1<urlPath>`) with an API key (created on first use). Returns the parsed body. */
	async api<T = unknown>(method: string, urlPath: string, body?: unknown): Promise<T> {
		this.requireRunning('api');
		const key = await this.createApiKey();
		const res = await fetch(`${this.baseUrl}/api/v1${urlPath}`, {
			method,
			headers: { 'X-N8N-API-KEY': key, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await res.text();
		if (!res.ok) this.fail(`${method} /api/v1${urlPath} answered ${res.status}: ${text.slice(0, 500)}`, this.server?.logFile);
		return (text ? JSON.parse(text) : undefined) as T;
	}

	/** Executions of a workflow, newest first (public API; follows the cursor up to `limit`). */
	async listExecutions(
		workflowId: string,
		{ includeData = false, status, limit = 250 }: { includeData?: boolean; status?: 'success' | 'error' | 'waiting' | 'canceled' | 'running'; limit?: number } = {},
	): Promise<ExecutionSummary[]> {
		const out: ExecutionSummary[] = [];
		let cursor: string | undefined;
		do {
			const qs = new URLSearchParams({ workflowId, includeData: String(includeData), limit: String(Math.min(250, limit - out.length)) });
			if (status) qs.set('status', status);
			if (cursor) qs.set('cursor', cursor);
			const page = await this.api<{ data: ExecutionSummary[]; nextCursor?: string | null }>('GET', `/executions?${qs}`);
			out.push(...page.data);
			cursor = page.nextCursor ?? undefined;
		} while (cursor && out.length < limit);
		return out;
	}

	/** Credential type names the running n8n serves to its editor (/types/credentials.json, owner session). */
	async credentialTypes(): Promise<string[]> {
		return (await this.editorTypes<{ name: string }>('credentials')).map((c) => c.name);
	}

	/** Node type names (with package prefix) the running n8n serves to its editor (/types/nodes.json). */
	async nodeTypes(): Promise<string[]> {
		return [...new Set((await this.editorTypes<{ name: string }>('nodes')).map((n) => n.name))];
	}

	private async editorTypes<T>(kind: 'nodes' | 'credentials'): Promise<T[]> {
		this.requireRunning(`${kind}Types`);
		const cookie = await this.ownerLogin(); // v2 serves /types/* to logged-in users only
		const res = await fetch(`${this.baseUrl}/types/${kind}.json`, { headers: { cookie } });
		if (!res.ok) this.fail(`GET /types/${kind}.json answered ${res.status}`, this.server?.logFile);
		return (await res.json()) as T[];
	}

	private requireRunning(what: string): void {
		if (!this.isRunning) throw new Error(`${what}: n8n is not running (call start() first)`);
	}
}

// ---------------------------------------------------------------------------------------------------------

function readText(file: string): string {
	try {
		return fs.readFileSync(file, 'utf8');
	} catch {
		return '';
	}
}

function escapeRe(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** 16 alphanumerics, the id shape n8n's CLI accepts for --id. */
export function newId(): string {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
	return Array.from(randomBytes(16), (b) => alphabet[b % alphabet.length]).join('');
}

/** The IRun JSON from `n8n execute --rawOutput`: from the first line that is exactly `{` to its closing `}`. */
export function parseRunJson(stdout: string): RunData | undefined {
	const lines = stdout.split(/\r?\n/);
	const start = lines.findIndex((l) => l === '{');
	if (start < 0) return undefined;
	for (let end = start + 1; end < lines.length; end++) {
		if (lines[end] !== '}') continue;
		try {
			return JSON.parse(lines.slice(start, end + 1).join('\n')) as RunData;
		} catch {
			/* a nested "}" at column 0 is impossible in 2-space JSON, but keep looking to be safe */
		}
	}
	return undefined;
}

function cliErrorText(stdout: string, stderr: string): string {
	const text = `${stdout}\n${stderr}`;
	const i = text.indexOf('Execution error:');
	const relevant = i >= 0 ? text.slice(i) : text;
	return relevant
		.split('\n')
		.map((l) => l.trim())
		.filter((l) => l && !/^=+$/.test(l) && !/^Execution error:?$/.test(l))
		.slice(0, 8)
		.join('\n');
}

/** Items (json) a node produced in a run: `nodeItems(run, 'Set')` → [{...}, ...]. */
export function nodeItems(run: RunData | undefined, nodeName: string, { runIndex = 0, output = 0 } = {}): Array<Record<string, unknown>> {
	const task = run?.data?.resultData?.runData?.[nodeName]?.[runIndex];
	if (!task) {
		const known = Object.keys(run?.data?.resultData?.runData ?? {}).join(', ');
		throw new Error(`node "${nodeName}" did not run (nodes that ran: ${known || 'none'})`);
	}
	return (task.data?.main?.[output] ?? []).map((i) => i.json);
}

/** Throws a readable error (n8n's message + log tail) unless the execution succeeded. */
export function expectSuccess(result: ExecuteResult): RunData {
	if (result.ok && result.run) return result.run;
	throw new Error(
		`workflow ${result.workflowId} failed: ${result.error?.message ?? 'no run data'}${result.error?.description ? ` (${result.error.description})` : ''}${
			result.error?.node ? ` in node "${result.error.node}"` : ''
		}\n--- last ${LOG_TAIL_LINES} lines of ${result.logFile} ---\n${tailFile(result.logFile, LOG_TAIL_LINES)}`,
	);
}
