/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error -- runs in Node, never in n8n (eslint.dev.config.mjs) */
/**
 * n8n in queue mode, as a firm or consultant runs it to scale out: PostgreSQL as the database, Redis as the
 * queue, one main (`n8n start`: editor, schedules, forms/webhooks, enqueues executions) and N workers
 * (`n8n worker`: run the executions). Every process is an N8nInstance of its own (own temp folder, own copy of
 * our package as a community package, own task broker + JS task runner in internal mode), all sharing the
 * database, the queue and the encryption key. Binary data: n8n's default for queue mode (database), unless
 * the caller's env says otherwise.
 *
 *   const q = await QueueModeDeployment.create({ workers: 2 });
 *   await q.main.importCredentials(...); await q.main.importWorkflows(...);   // CLI, before start()
 *   await q.start();                                  // main, then the workers
 *   await q.main.publish(id); await q.main.waitForActivation([id]);
 *   await q.killWorker(0); await q.restartWorker(0);
 *   await q.dispose();                                // every n8n, Redis, PostgreSQL; temp folders
 */
import fs from 'node:fs';
import path from 'node:path';

import { N8nInstance } from './n8nInstance';
import { installQueueServices, PostgresServer, RedisServer } from './services';
import type { N8nVersionKey } from './versions';

export interface QueueModeOptions {
	/** n8n version (queue mode is proven on '2', n8n 2.41.1). */
	version?: N8nVersionKey;
	/** Number of `n8n worker` processes (default 2). */
	workers?: number;
	/** Jobs one worker runs at once (`N8N_CONCURRENCY_PRODUCTION_LIMIT`; n8n's default for a worker is 10). */
	workerConcurrency?: number;
	/** Extra env for every process (main and workers). */
	env?: Record<string, string>;
}

export class QueueModeDeployment {
	readonly workers: N8nInstance[];
	/** When each worker was killed / (re)started, for reports. */
	readonly events: Array<{ at: number; what: string }> = [];

	private constructor(
		readonly postgres: PostgresServer,
		readonly redis: RedisServer,
		readonly main: N8nInstance,
		workers: N8nInstance[],
		private readonly sharedEnv: Record<string, string>,
	) {
		this.workers = workers;
	}

	/** Installs (if needed) and starts PostgreSQL and Redis, prepares main + workers. No n8n runs yet. */
	static async create({ version = '2', workers = 2, workerConcurrency = 10, env = {} }: QueueModeOptions = {}): Promise<QueueModeDeployment> {
		const binaries = installQueueServices();
		const postgres = await PostgresServer.start(binaries);
		let redis: RedisServer | undefined;
		try {
			redis = await RedisServer.start(binaries);
			const sharedEnv = QueueModeDeployment.queueEnv(postgres, redis, env);
			const main = await N8nInstance.create(version, { env: sharedEnv });
			const workerInstances: N8nInstance[] = [];
			for (let i = 0; i < workers; i++) {
				workerInstances.push(await N8nInstance.create(version, { env: { ...sharedEnv, N8N_CONCURRENCY_PRODUCTION_LIMIT: String(workerConcurrency) } }));
			}
			return new QueueModeDeployment(postgres, redis, main, workerInstances, sharedEnv);
		} catch (error) {
			await redis?.stop();
			await postgres.stop();
			throw error;
		}
	}

	/** What main and every worker need to form one deployment (the README's queue-mode guide lists the same). */
	static queueEnv(postgres: PostgresServer, redis: RedisServer, extra: Record<string, string> = {}): Record<string, string> {
		return {
			EXECUTIONS_MODE: 'queue',
			...postgres.n8nEnv(),
			...redis.n8nEnv(),
			// Manual runs go to the workers too (otherwise the main runs them itself).
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
			// Internal-mode task runners get a grant token when they are launched; on a busy 2-core machine a
			// runner's start-up can outlast n8n's 30 s default and every Code node then waits for its retry.
			N8N_RUNNERS_GRANT_TOKEN_TTL: '120',
			// Keep every execution's record so the test can see which ones overlapped and how they ended.
			EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
			EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
			...extra,
		};
	}

	get env(): Record<string, string> {
		return { ...this.sharedEnv };
	}

	/** Starts the main and every worker at once (whichever gets n8n's migration lock first migrates the DB). */
	async start({ timeoutMs = 240_000 } = {}): Promise<void> {
		await Promise.all([
			this.main.start({ timeoutMs }).then(() => this.events.push({ at: Date.now(), what: 'main ready' })),
			...this.workers.map((_, i) => this.startWorker(i, timeoutMs)),
		]);
	}

	private async startWorker(index: number, timeoutMs = 180_000): Promise<void> {
		await this.workers[index].start({ command: 'worker', timeoutMs });
		this.events.push({ at: Date.now(), what: `worker ${index + 1} ready` });
	}

	/** SIGKILL of one worker (and its task runner) while it may be running executions. */
	async killWorker(index: number): Promise<void> {
		await this.workers[index].kill();
		this.events.push({ at: Date.now(), what: `worker ${index + 1} killed` });
	}

	async restartWorker(index: number): Promise<void> {
		await this.startWorker(index);
	}

	/** Executions a worker started, from its logs ("Worker started execution <id>"), over all its runs. */
	workerExecutionIds(index: number): string[] {
		const worker = this.workers[index];
		const ids: string[] = [];
		for (const file of fs.readdirSync(worker.logDir)) {
			if (!/-worker\.log$/.test(file)) continue;
			const text = fs.readFileSync(path.join(worker.logDir, file), 'utf8');
			for (const m of text.matchAll(/Worker started execution (\d+)/g)) ids.push(m[1]);
		}
		return ids;
	}

	/** Stops the workers, then the main, then Redis and PostgreSQL; deletes every temp folder (SACS_E2E_KEEP=1 keeps them). */
	async dispose(): Promise<void> {
		const errors: unknown[] = [];
		for (const step of [
			() => Promise.all(this.workers.map((w) => w.dispose())),
			() => this.main.dispose(),
			() => this.redis.stop(),
			() => this.postgres.stop(),
		]) {
			try {
				await step();
			} catch (error) {
				errors.push(error);
			}
		}
		if (errors.length) throw errors[0];
	}
}
