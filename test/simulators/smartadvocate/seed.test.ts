/* eslint-disable @n8n/community-nodes/no-restricted-imports -- runs in Node, never in n8n (eslint.dev.config.mjs) */
import fs from 'node:fs';
import axios from 'axios';
import type { FirmModel } from '../../../simulators/shared/firm';
import { DEMO_FIRM_PATH, EMPTY_FIRM_API_USER, emptyFirm, startSmartAdvocateSimulator } from '../../../simulators/smartadvocate';
import { testCase, testFirm } from './fixtures';
import { startTestSim } from './harness';

async function loginAndList(url: string, user: { username: string; password: string }) {
	const api = axios.create({ baseURL: `${url}/CaseSyncAPI`, validateStatus: () => true });
	const login = await api.post('/Users/authenticate', { Username: user.username, Password: user.password });
	expect(login.status).toBe(200);
	const headers = { Authorization: `Bearer ${login.data.token}` };
	return (await api.get('/case/CaseInfo', { params: { Casenumber: '%' }, headers })).data as { caseID: number; caseNumber: string }[];
}

describe('SmartAdvocate simulator: seeding from the firm model', () => {
	it('maps closedDate, the defendant and client IDs of the firm model', async () => {
		const t = await startTestSim(
			testFirm([testCase(1, { status: 'Settled', closed: true, closedDate: '2025-02-10T07:33:00.000Z', defendant: 'FreshMart Grocers, Inc.' }), testCase(2)]),
		);
		try {
			const closed = (await t.authed.get('/case/1')).data;
			expect(closed.closedDate).toBe('2025-02-10T07:33:00Z');
			expect(closed.defendant).toEqual([{ name: 'FreshMart Grocers, Inc.', role: '(D)-Defendant', primary: true }]);
			expect(closed.plaintiffs[0].contactID).toBe(50001);
			expect((await t.authed.get('/case/1/contacts')).data[0]).toMatchObject({ uniqueContactId: 50001, contactID: 50001 });
			const open = (await t.authed.get('/case/2')).data;
			expect(open.closedDate).toBeNull();
			expect(open.defendant).toEqual([]);
		} finally {
			await t.close();
		}
	});

	it('starts with the demo firm seed when no firm is given', async () => {
		const demo = JSON.parse(fs.readFileSync(DEMO_FIRM_PATH, 'utf8')) as FirmModel;
		const sim = await startSmartAdvocateSimulator();
		try {
			const cases = await loginAndList(sim.url, demo.apiUser);
			expect(cases.map((c) => c.caseID).sort()).toEqual(demo.cases.map((c) => c.caseId).sort());
			expect(sim.service.state.notes.size).toBe(demo.cases.reduce((n, c) => n + c.notes.length, 0));
		} finally {
			await sim.close();
		}
	});

	it('runs an empty firm with just the API user', async () => {
		const sim = await startSmartAdvocateSimulator({ firm: emptyFirm() });
		try {
			expect(await loginAndList(sim.url, EMPTY_FIRM_API_USER)).toEqual([]);
		} finally {
			await sim.close();
		}
	});

	it('seeds a synthetic firm of N cases, the same for the same seed', async () => {
		const t = await startTestSim(testFirm([testCase(1)]));
		try {
			expect((await t.admin.post('/__admin/seed', { synthetic: 300, seed: 7 })).status).toBe(200);
			const first = (await t.admin.get('/__admin/state')).data;
			expect(first.cases).toHaveLength(300);
			await t.admin.post('/__admin/seed', { synthetic: 300, seed: 7 });
			const again = (await t.admin.get('/__admin/state')).data;
			expect(again.cases.map((c: { caseNumber: string }) => c.caseNumber)).toEqual(first.cases.map((c: { caseNumber: string }) => c.caseNumber));
			expect((await t.admin.post('/__admin/seed', { synthetic: -1 })).status).toBe(400);
			expect((await t.admin.post('/__admin/seed', { synthetic: 'many' })).status).toBe(400);
		} finally {
			await t.close();
		}
	});
});
