import { startSmartAdvocateSimulator } from '../../../simulators/smartadvocate';
import { API_USER, testFirm } from './fixtures';
import { decodeJwt, startTestSim, type TestSim } from './harness';

describe('SmartAdvocate simulator: authentication', () => {
	let t: TestSim;
	beforeEach(async () => {
		t = await startTestSim();
	});
	afterEach(() => t.close());

	const bearer = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });

	it('logs in with Username and Password and answers {username, userID, token}', async () => {
		const response = await t.api.post('/Users/authenticate', { Username: API_USER.username, Password: API_USER.password });
		expect(response.status).toBe(200);
		expect(Object.keys(response.data)).toEqual(['username', 'userID', 'token']);
		expect(response.data).toMatchObject({ username: 'api.user', userID: 900 });
	});

	it('issues an HS256 JWT with SA claims that lives 2 hours by default', async () => {
		const { header, claims } = decodeJwt(await t.login());
		expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
		expect(Object.keys(claims)).toEqual(['id', 'host', 'nbf', 'exp', 'iat', 'iss']);
		expect(claims).toMatchObject({ id: '900', host: '', iss: 'SmartAdvocateSim' });
		expect((claims.exp as number) - (claims.iat as number)).toBe(7200);
		expect(claims.iat).toBe(Math.floor(t.sim.clock.now().getTime() / 1000));
	});

	it('matches the username and the JSON property names regardless of case', async () => {
		const response = await t.api.post('/users/AUTHENTICATE', { username: 'API.USER', password: API_USER.password });
		expect(response.status).toBe(200);
		expect(response.data.username).toBe('api.user');
	});

	it('refuses a wrong password with 400 {message} by default, 401 when configured', async () => {
		const wrong = await t.api.post('/Users/authenticate', { Username: API_USER.username, Password: 'Correct-Horse-Battery' });
		expect(wrong.status).toBe(400);
		expect(wrong.data).toEqual({ message: 'Username or password is incorrect' });
		const unknown = await t.api.post('/Users/authenticate', { Username: 'nobody', Password: 'x' });
		expect(unknown.status).toBe(400);

		await t.admin.post('/__admin/config', { badCredentialsStatus: 401 });
		const refused = await t.api.post('/Users/authenticate', { Username: API_USER.username, Password: 'nope' });
		expect(refused.status).toBe(401);
		expect(refused.data).toEqual({ message: 'Username or password is incorrect' });
	});

	it('refuses staff who have no API password', async () => {
		const response = await t.api.post('/Users/authenticate', { Username: 'aarcher', Password: '' });
		expect(response.status).toBe(400);
	});

	it('answers a login without fields with a problem+json listing them', async () => {
		const response = await t.api.post('/Users/authenticate', {});
		expect(response.status).toBe(400);
		expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
		expect(response.data).toMatchObject({ status: 400, title: 'One or more validation errors occurred.' });
		expect(Object.keys(response.data.errors).sort()).toEqual(['Password', 'Username']);
		expect(response.data.traceId).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/);
	});

	it('answers 415 to a login that is not JSON', async () => {
		const response = await t.api.post('/Users/authenticate', 'Username=api.user', { headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
		expect(response.status).toBe(415);
	});

	it('answers 401 with an empty body and WWW-Authenticate: Bearer when no token is sent', async () => {
		const response = await t.api.get('/case/CaseInfo', { params: { Casenumber: '%' }, responseType: 'text' });
		expect(response.status).toBe(401);
		expect(response.data).toBe('');
		expect(response.headers['www-authenticate']).toBe('Bearer');
	});

	it('answers 401 to a token sent without the Bearer scheme', async () => {
		const token = await t.login();
		const response = await t.api.get('/case/CaseInfo', { params: { Casenumber: '%' }, headers: { Authorization: token } });
		expect(response.status).toBe(401);
	});

	it('accepts the scheme in any case', async () => {
		const token = await t.login();
		const response = await t.api.get('/case/CaseInfo', { params: { Casenumber: '%' }, headers: { Authorization: `bearer ${token}` } });
		expect(response.status).toBe(200);
	});

	it('answers 401 invalid_token to garbage and to a tampered token', async () => {
		const garbage = await t.api.get('/case/CaseGroup', bearer('not-a-jwt'));
		expect(garbage.status).toBe(401);
		expect(garbage.headers['www-authenticate']).toBe('Bearer error="invalid_token"');

		const [head, , signature] = (await t.login()).split('.');
		const forged = Buffer.from(JSON.stringify({ id: '101', host: '', nbf: 0, exp: 9999999999, iat: 0, iss: 'SmartAdvocateSim' })).toString('base64url');
		const tampered = await t.api.get('/case/CaseGroup', bearer(`${head}.${forged}.${signature}`));
		expect(tampered.status).toBe(401);
		expect(tampered.headers['www-authenticate']).toBe('Bearer error="invalid_token", error_description="The signature is invalid"');
	});

	it('does not accept a token from another SmartAdvocate server', async () => {
		const other = await startSmartAdvocateSimulator({ firm: testFirm() });
		try {
			const login = await fetch(`${other.url}/CaseSyncAPI/Users/authenticate`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ Username: API_USER.username, Password: API_USER.password }),
			});
			const { token } = (await login.json()) as { token: string };
			expect((await t.api.get('/case/CaseGroup', bearer(token))).status).toBe(401);
		} finally {
			await other.close();
		}
	});

	it('expires a token exactly tokenLifetimeSeconds after it was issued, with the expiry in WWW-Authenticate', async () => {
		// The simulator clock stands still, so a slow machine cannot push the first check past the expiry.
		const issuedAt = Date.parse('2026-03-02T15:00:00Z');
		const at = (secondsLater: number) => t.admin.post('/__admin/clock', { now: new Date(issuedAt + secondsLater * 1000).toISOString() });
		await at(0);
		const token = await t.login();
		const { claims } = decodeJwt(token);
		await at(7199);
		expect((await t.api.get('/case/CaseGroup', bearer(token))).status).toBe(200);

		await at(7200);
		const expired = await t.api.get('/case/CaseGroup', bearer(token));
		expect(expired.status).toBe(401);
		const exp = new Date((claims.exp as number) * 1000);
		const p = (n: number) => String(n).padStart(2, '0');
		const when = `${p(exp.getUTCMonth() + 1)}/${p(exp.getUTCDate())}/${exp.getUTCFullYear()} ${p(exp.getUTCHours())}:${p(exp.getUTCMinutes())}:${p(exp.getUTCSeconds())}`;
		expect(expired.headers['www-authenticate']).toBe(`Bearer error="invalid_token", error_description="The token expired at '${when}'"`);

		const fresh = await t.login();
		expect((await t.api.get('/case/CaseGroup', bearer(fresh))).status).toBe(200);
	});

	it('issues shorter tokens after /__admin/config {tokenLifetimeSeconds}', async () => {
		const settings = await t.admin.post('/__admin/config', { tokenLifetimeSeconds: 60 });
		expect(settings.data.tokenLifetimeSeconds).toBe(60);
		const token = await t.login();
		const { claims } = decodeJwt(token);
		expect((claims.exp as number) - (claims.iat as number)).toBe(60);
		await t.admin.post('/__admin/clock', { offsetMs: 50_000 }); // well within the minute, even on a loaded machine
		expect((await t.api.get('/case/CaseGroup', bearer(token))).status).toBe(200);
		await t.admin.post('/__admin/clock', { offsetMs: 60_000 });
		expect((await t.api.get('/case/CaseGroup', bearer(token))).status).toBe(401);
	});

	it('tolerates an expired token for clockSkewSeconds, as ASP.NET does by default', async () => {
		await t.admin.post('/__admin/config', { tokenLifetimeSeconds: 60, clockSkewSeconds: 300 });
		const token = await t.login();
		await t.admin.post('/__admin/clock', { offsetMs: 359_000 });
		expect((await t.api.get('/case/CaseGroup', bearer(token))).status).toBe(200);
		await t.admin.post('/__admin/clock', { offsetMs: 360_000 });
		expect((await t.api.get('/case/CaseGroup', bearer(token))).status).toBe(401);
	});

	it('rejects a token issued in the future of the server clock', async () => {
		await t.admin.post('/__admin/clock', { offsetMs: 3_600_000 });
		const token = await t.login();
		await t.admin.post('/__admin/clock', { offsetMs: 0 });
		const response = await t.api.get('/case/CaseGroup', bearer(token));
		expect(response.status).toBe(401);
		expect(response.headers['www-authenticate']).toContain('The token is not valid yet');
	});

	it('invalidates tokens of a user that no longer exists after a reseed', async () => {
		const token = await t.login();
		const firm = testFirm();
		firm.apiUser = { userId: 950, username: 'other.api', password: 'p' };
		expect((await t.admin.post('/__admin/seed', firm)).status).toBe(200);
		const response = await t.api.get('/case/CaseGroup', bearer(token));
		expect(response.status).toBe(401);
	});

	it('never writes the password or the token into the request log', async () => {
		const token = await t.login();
		await t.api.get('/case/CaseGroup', bearer(token));
		await t.api.post('/Users/authenticate', { Username: API_USER.username, Password: 'a-wrong-secret' });
		const log = await t.admin.get('/__admin/requests');
		const text = JSON.stringify(log.data);
		expect(log.data).toHaveLength(3);
		expect(text).not.toContain(API_USER.password);
		expect(text).not.toContain('a-wrong-secret');
		expect(text).not.toContain(token);
		expect(log.data[1]).toMatchObject({ hadAuthorization: true, status: 200 });
		const state = JSON.stringify((await t.admin.get('/__admin/state')).data);
		expect(state).not.toContain(API_USER.password);
	});
});
