/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error -- runs in Node, never in n8n (eslint.dev.config.mjs) */
/**
 * The SmartAdvocate CaseSync API simulator: a SimService for the shared server (simulators/shared/http.ts)
 * built from a FirmModel. Routes and behaviour: ./ROUTES.md.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { SimClock, SimError, startSim, type RunningSim, type SimService } from '../shared/http';
import type { FirmModel } from '../shared/firm';
import { buildSyntheticFirm } from '../shared/syntheticFirm';
import type { SaContext } from './context';
import { adminRoutes } from './routes/admin';
import { authRoutes } from './routes/auth';
import { caseByIdRoute, caseRoutes } from './routes/cases';
import { documentRoutes } from './routes/documents';
import { lookupRoutes } from './routes/lookups';
import { noteRoutes } from './routes/notes';
import { buildState } from './seed';
import { applySettings, defaultSettings, type SaSettings } from './settings';
import type { SaState } from './state';

export { formatSaDate, parseSaDate, type DateStyle } from './dates';
export type { SaSettings } from './settings';
export type { SaState } from './state';

export const DEMO_FIRM_PATH = path.join(__dirname, '..', 'seeds', 'demo-firm.json');

/** Who can log in when no firm is given and no demo seed exists. */
export const EMPTY_FIRM_API_USER = { userId: 677, username: 'casesync.api', password: 'Sim-CaseSync-2026!' };

export function emptyFirm(): FirmModel {
	return {
		firmName: 'Empty Firm',
		apiUser: { ...EMPTY_FIRM_API_USER },
		caseStatusApiKey: '',
		staff: [],
		practiceAreas: [],
		stages: [],
		noteTypes: [],
		cases: [],
	};
}

/** The demo firm from simulators/seeds/demo-firm.json, else an empty firm with just the API user. */
export function defaultFirm(): FirmModel {
	if (fs.existsSync(DEMO_FIRM_PATH)) return JSON.parse(fs.readFileSync(DEMO_FIRM_PATH, 'utf8')) as FirmModel;
	return emptyFirm();
}

function isFirmModel(value: unknown): value is FirmModel {
	const firm = value as FirmModel;
	return (
		!!firm &&
		typeof firm === 'object' &&
		!!firm.apiUser &&
		typeof firm.apiUser.userId === 'number' &&
		['staff', 'practiceAreas', 'stages', 'noteTypes', 'cases'].every((key) => Array.isArray((firm as unknown as Record<string, unknown>)[key]))
	);
}

export interface SmartAdvocateServiceOptions {
	/** Shared with the server so token expiry and stamped times follow `/__admin/clock`. */
	clock?: SimClock;
	/** Settings in force after creation and after every reset. */
	settings?: Partial<SaSettings>;
}

export interface SmartAdvocateService extends SimService {
	/** Live state and settings, for tests (replaced on reset and seed). */
	readonly context: SaContext;
	readonly state: SaState;
}

export function createSmartAdvocateService(firm: FirmModel, options: SmartAdvocateServiceOptions = {}): SmartAdvocateService {
	const initialSettings = applySettings(defaultSettings(), (options.settings ?? {}) as Record<string, unknown>);
	const ctx: SaContext = {
		state: buildState(firm),
		settings: initialSettings,
		clock: options.clock ?? new SimClock(),
		secret: randomBytes(32),
		issuer: 'SmartAdvocateSim',
	};
	const routes = [
		...authRoutes(ctx),
		...lookupRoutes(ctx),
		...noteRoutes(ctx),
		...documentRoutes(ctx),
		...caseRoutes(ctx),
		caseByIdRoute(ctx),
	];
	return {
		name: 'smartadvocate',
		caseInsensitive: true,
		routes,
		adminRoutes: adminRoutes(ctx),
		context: ctx,
		get state() {
			return ctx.state;
		},
		reset() {
			ctx.state = buildState(firm);
			ctx.settings = initialSettings;
		},
		loadSeed(body: unknown) {
			const synthetic = (body as { synthetic?: unknown } | undefined)?.synthetic;
			if (synthetic !== undefined) {
				const { seed, ineligibleEvery, inCaseStatusEvery } = body as { seed?: number; ineligibleEvery?: number; inCaseStatusEvery?: number };
				if (typeof synthetic !== 'number' || !Number.isInteger(synthetic) || synthetic < 0) {
					throw new SimError(400, { message: 'synthetic must be a whole number of cases' });
				}
				const now = ctx.clock.now().toISOString();
				ctx.state = buildState(buildSyntheticFirm(synthetic, { seed, now, ineligibleEvery, inCaseStatusEvery }));
				return;
			}
			if (!isFirmModel(body)) throw new SimError(400, { message: 'Expected a FirmModel (see simulators/shared/firm.ts) or {"synthetic": N}' });
			try {
				ctx.state = buildState(body);
			} catch (error) {
				throw new SimError(400, { message: `The firm model could not be loaded: ${(error as Error).message}` });
			}
		},
		dumpState() {
			return dumpState(ctx);
		},
		configure(body: Record<string, unknown>) {
			ctx.settings = applySettings(ctx.settings, body);
			return { ...ctx.settings, permissions: { ...ctx.settings.permissions } };
		},
	};
}

/** A record with its epoch-millisecond times (`…Date`, `…From`) as ISO-8601 UTC. */
function withIsoTimes(record: object): Record<string, unknown> {
	return Object.fromEntries(
		Object.entries(record).map(([key, value]) => [
			key,
			typeof value === 'number' && /(Date|From)$/.test(key) ? new Date(value).toISOString() : value,
		]),
	);
}

/** Everything in the state as plain JSON (times in ISO UTC): passwords left out, document bytes as size and SHA-256. */
function dumpState(ctx: SaContext) {
	const { state } = ctx;
	const values = (map: Map<number, object>) => [...map.values()].map(withIsoTimes);
	return {
		settings: ctx.settings,
		users: values(state.users).map(({ password, ...user }) => ({ ...user, canLogIn: password !== null })),
		roles: values(state.roles),
		caseGroups: values(state.caseGroups),
		caseTypes: values(state.caseTypes),
		stages: values(state.stages),
		statuses: values(state.statuses),
		noteTypes: values(state.noteTypes),
		categories: values(state.categories),
		offices: values(state.offices),
		contacts: values(state.contacts),
		cases: values(state.cases),
		notes: values(state.notes),
		documents: [...state.documents.values()].map(({ content, ...doc }) => ({
			...withIsoTimes(doc),
			fileSize: content.length,
			sha256: createHash('sha256').update(content).digest('hex'),
		})),
	};
}

export interface RunningSmartAdvocate extends RunningSim {
	service: SmartAdvocateService;
}

/** Starts the simulator on 127.0.0.1 (port 0 = any free port); base URL of the API is `${url}/CaseSyncAPI`. */
export async function startSmartAdvocateSimulator(
	options: { port?: number; firm?: FirmModel; clock?: SimClock; settings?: Partial<SaSettings> } = {},
): Promise<RunningSmartAdvocate> {
	const clock = options.clock ?? new SimClock();
	const service = createSmartAdvocateService(options.firm ?? defaultFirm(), { clock, settings: options.settings });
	const running = await startSim(service, { port: options.port, clock });
	return Object.assign(running, { service });
}
