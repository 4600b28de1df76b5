/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error -- runs in Node, never in n8n (eslint.dev.config.mjs) */
/**
 * The Case Status simulator: the API (shared toolkit: admin API, faults, latency, outage, clock, request log)
 * and its file host on a second port. See ROUTES.md for the contract.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FirmModel } from '../shared/firm';
import { SimClock, SimError, startSim, type RunningSim, type SimService } from '../shared/http';
import type { CsContext, FileHostRequest } from './context';
import { startFileHost } from './fileHost';
import { adminRoutes } from './routes/admin';
import { caseRoutes } from './routes/cases';
import { fileRoutes } from './routes/files';
import { messageRoutes } from './routes/messages';
import { practiceAreaRoutes } from './routes/practiceAreas';
import { reportingRoutes } from './routes/reporting';
import { userRoutes } from './routes/users';
import { assertFirmModel, buildState, emptyFirm } from './seed';
import { applySettings, defaultSettings } from './settings';

export type { CsContext, FileHostRequest } from './context';
export type { CsSettings } from './settings';

export const DEMO_FIRM_PATH = path.join(__dirname, '..', 'seeds', 'demo-firm.json');

/** The demo firm when `simulators/seeds/demo-firm.json` exists, else an empty firm. */
export function defaultFirm(): FirmModel {
	if (!fs.existsSync(DEMO_FIRM_PATH)) return emptyFirm();
	const firm: unknown = JSON.parse(fs.readFileSync(DEMO_FIRM_PATH, 'utf8'));
	assertFirmModel(firm);
	return firm;
}

export interface CaseStatusService extends SimService {
	/** The live context (state, settings, clock); tests may read it directly. */
	context: CsContext;
	/** The firm the state was last built from. */
	firm(): FirmModel;
}

export interface CaseStatusServiceOptions {
	clock?: SimClock;
	/** Origin the file URLs point at; startCaseStatusSimulator sets it once the file host listens. */
	fileHostUrl?: string;
	/** Key that signs file URLs (random by default). */
	secret?: Buffer;
}

export function createCaseStatusService(firm: FirmModel = defaultFirm(), options: CaseStatusServiceOptions = {}): CaseStatusService {
	const initial = firm;
	let current = firm;
	const clock = options.clock ?? new SimClock();
	const ctx: CsContext = {
		state: buildState(firm, clock.now().getTime()),
		settings: defaultSettings(firm.caseStatusApiKey),
		clock,
		secret: options.secret ?? randomBytes(32),
		fileHostUrl: options.fileHostUrl ?? 'http://127.0.0.1:0',
		fileHostRequests: [],
	};
	return {
		name: 'casestatus',
		caseInsensitive: false,
		context: ctx,
		firm: () => current,
		routes: [
			...messageRoutes(ctx),
			...fileRoutes(ctx),
			...caseRoutes(ctx),
			...practiceAreaRoutes(ctx),
			...userRoutes(ctx),
			...reportingRoutes(ctx),
		],
		adminRoutes: adminRoutes(ctx),
		reset() {
			current = initial;
			ctx.state = buildState(initial, ctx.clock.now().getTime());
			ctx.settings = defaultSettings(initial.caseStatusApiKey);
			ctx.fileHostRequests.length = 0;
		},
		loadSeed(body) {
			try {
				assertFirmModel(body);
				ctx.state = buildState(body, ctx.clock.now().getTime());
			} catch (error) {
				throw new SimError(400, { message: (error as Error).message });
			}
			current = body;
			ctx.settings = { ...ctx.settings, apiKey: body.caseStatusApiKey };
		},
		dumpState() {
			const { state } = ctx;
			return {
				users: [...state.users.values()],
				practiceAreas: [...state.practiceAreas.values()],
				cases: state.caseOrder.map((id) => state.cases.get(id)),
				messages: state.messages.items,
				files: state.fileOrder.items.map(({ bytes, ...file }) => ({ ...file, size: bytes.length })),
				settings: ctx.settings,
			};
		},
		configure(body) {
			ctx.settings = applySettings(ctx.settings, body);
			return { ...ctx.settings };
		},
	};
}

export interface RunningCaseStatusSim {
	api: RunningSim;
	fileHost: { url: string; port: number; requests: FileHostRequest[]; close(): Promise<void> };
	service: CaseStatusService;
	/** Stops both servers. */
	close(): Promise<void>;
}

export interface CaseStatusSimOptions {
	port?: number;
	filePort?: number;
	firm?: FirmModel;
	clock?: SimClock;
}

export async function startCaseStatusSimulator(options: CaseStatusSimOptions = {}): Promise<RunningCaseStatusSim> {
	const clock = options.clock ?? new SimClock();
	const service = createCaseStatusService(options.firm ?? defaultFirm(), { clock });
	const fileHost = await startFileHost(service.context, options.filePort ?? 0);
	const api = await startSim(service, { port: options.port, clock });
	return {
		api,
		fileHost,
		service,
		close: async () => {
			await Promise.all([api.close(), fileHost.close()]);
		},
	};
}
