/** Starts the SmartAdvocate simulator on a free port and gives tests plain axios clients for it. */
import axios, { type AxiosInstance } from 'axios';
import type { FirmModel } from '../../../simulators/shared/firm';
import { startSmartAdvocateSimulator, type RunningSmartAdvocate, type SaSettings } from '../../../simulators/smartadvocate';
import { API_USER, testFirm } from './fixtures';

export interface TestSim {
	sim: RunningSmartAdvocate;
	/** `{url}/CaseSyncAPI`, no auth; never throws on a status. */
	api: AxiosInstance;
	/** The same, with a Bearer token of the API user (logged in on first use). */
	authed: AxiosInstance;
	/** `{url}` for `/__admin/*`. */
	admin: AxiosInstance;
	login(username?: string, password?: string): Promise<string>;
	close(): Promise<void>;
}

export async function startTestSim(firm: FirmModel = testFirm(), settings?: Partial<SaSettings>): Promise<TestSim> {
	const sim = await startSmartAdvocateSimulator({ firm, settings });
	const client = (baseURL: string) => axios.create({ baseURL, validateStatus: () => true });
	const api = client(`${sim.url}/CaseSyncAPI`);
	const admin = client(sim.url);
	const login = async (username = API_USER.username, password = API_USER.password) => {
		const response = await api.post('/Users/authenticate', { Username: username, Password: password });
		if (response.status !== 200) throw new Error(`login failed: ${response.status}`);
		return response.data.token as string;
	};
	const authed = client(`${sim.url}/CaseSyncAPI`);
	let token: string | undefined;
	authed.interceptors.request.use(async (config) => {
		token ??= await login();
		config.headers.set('Authorization', `Bearer ${token}`);
		return config;
	});
	return { sim, api, authed, admin, login, close: () => sim.close() };
}

/** The claims of a JWT, decoded without checking it (what a client can see). */
export function decodeJwt(token: string): { header: Record<string, unknown>; claims: Record<string, unknown> } {
	const [header, claims] = token.split('.').slice(0, 2).map((part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')));
	return { header, claims };
}
