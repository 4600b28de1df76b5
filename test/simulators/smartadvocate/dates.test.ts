import { formatSaDate, parseSaDate } from '../../../simulators/smartadvocate/dates';
import { testCase, testFirm } from './fixtures';
import { startTestSim, type TestSim } from './harness';

const LA = 'America/Los_Angeles';
const ms = (iso: string) => Date.parse(iso);

describe('SmartAdvocate date styles', () => {
	describe('formatSaDate', () => {
		it('writes UTC with Z and drops trailing fraction zeros like .NET', () => {
			const utc = { style: 'utc-z', timeZone: LA } as const;
			expect(formatSaDate(ms('2021-05-03T20:08:24.237Z'), utc)).toBe('2021-05-03T20:08:24.237Z');
			expect(formatSaDate(ms('2021-05-03T20:08:24.970Z'), utc)).toBe('2021-05-03T20:08:24.97Z');
			expect(formatSaDate(ms('2021-05-03T20:08:24.400Z'), utc)).toBe('2021-05-03T20:08:24.4Z');
			expect(formatSaDate(ms('2021-05-03T20:08:00.000Z'), utc)).toBe('2021-05-03T20:08:00Z');
			expect(formatSaDate(ms('2021-05-03T20:08:00.007Z'), utc)).toBe('2021-05-03T20:08:00.007Z');
			expect(formatSaDate(null, utc)).toBeNull();
		});

		it('writes the firm’s local time with its offset, following daylight saving', () => {
			const offset = { style: 'offset', timeZone: LA } as const;
			expect(formatSaDate(ms('2025-11-11T18:52:10.107Z'), offset)).toBe('2025-11-11T10:52:10.107-08:00');
			expect(formatSaDate(ms('2025-07-04T18:00:00.000Z'), offset)).toBe('2025-07-04T11:00:00-07:00');
			expect(formatSaDate(ms('2025-01-01T03:00:00.500Z'), offset)).toBe('2024-12-31T19:00:00.5-08:00');
			expect(formatSaDate(ms('2025-03-01T12:00:00Z'), { style: 'offset', timeZone: 'Asia/Kolkata' })).toBe('2025-03-01T17:30:00+05:30');
		});

		it('writes local time without a zone in the naive style', () => {
			expect(formatSaDate(ms('2020-07-29T06:02:00Z'), { style: 'naive', timeZone: LA })).toBe('2020-07-28T23:02:00');
		});
	});

	describe('parseSaDate', () => {
		const utc = { style: 'utc-z', timeZone: LA } as const;
		const local = { style: 'offset', timeZone: LA } as const;

		it('reads Z and offsets as the instant they name', () => {
			expect(parseSaDate('2024-01-01T00:00:01Z', local)).toBe(ms('2024-01-01T00:00:01Z'));
			expect(parseSaDate('2025-11-11T10:52:10.107-08:00', utc)).toBe(ms('2025-11-11T18:52:10.107Z'));
			expect(parseSaDate('2025-11-11T10:52:10.1234567+0530', utc)).toBe(ms('2025-11-11T05:22:10.123Z'));
		});

		it('reads a value without zone as UTC on the cloud style and as firm time otherwise, across DST', () => {
			expect(parseSaDate('2025-03-01T04:00:00', utc)).toBe(ms('2025-03-01T04:00:00Z'));
			expect(parseSaDate('2025-03-01T04:00:00', local)).toBe(ms('2025-03-01T12:00:00Z'));
			expect(parseSaDate('2025-07-01T04:00:00', local)).toBe(ms('2025-07-01T11:00:00Z'));
			expect(parseSaDate('2025-07-01', local)).toBe(ms('2025-07-01T07:00:00Z'));
		});

		it('refuses what is not an ISO date-time', () => {
			for (const text of ['yesterday', '2025-02-30T00:00:00Z', '2025-01-01T25:00:00Z', '', '01/02/2025', 20250101]) {
				expect(parseSaDate(text, utc)).toBeNull();
			}
		});
	});

	describe('through the API', () => {
		let t: TestSim;
		beforeEach(async () => {
			t = await startTestSim(testFirm([testCase(1)]));
			await t.admin.post('/__admin/clock', { now: '2025-11-11T18:52:10.107Z' });
		});
		afterEach(() => t.close());

		const createdNote = async () => (await t.authed.post('/case/1/notes', { noteTypeID: 10, noteText: 'x' })).data;

		it.each([
			['utc-z', '2025-11-11T18:52:10.107Z', '2025-11-11T18:52:00Z', '2025-02-22T13:20:00Z', '2025-03-01T12:01:00Z'],
			['offset', '2025-11-11T10:52:10.107-08:00', '2025-11-11T10:52:00-08:00', '2025-02-22T05:20:00-08:00', '2025-03-01T04:01:00-08:00'],
			['naive', '2025-11-11T10:52:10.107', '2025-11-11T10:52:00', '2025-02-22T05:20:00', '2025-03-01T04:01:00'],
		])('writes every date in the %s style', async (dateStyle, created, noteDate, caseCreated, caseModified) => {
			const config = await t.admin.post('/__admin/config', { dateStyle });
			expect(config.data.dateStyle).toBe(dateStyle);
			const note = await createdNote();
			expect(note.createdDate).toBe(created);
			expect(note.modifiedDate).toBe(created);
			expect(note.noteDate).toBe(noteDate);
			const c = (await t.authed.get('/case/1')).data;
			expect(c).toMatchObject({ createdDate: caseCreated, caseOpenedDate: caseCreated, modifiedDate: caseModified, caseStatusFrom: caseModified });
		});

		it('uses the configured firm zone', async () => {
			await t.admin.post('/__admin/config', { dateStyle: 'offset', timeZone: 'America/New_York' });
			expect((await createdNote()).createdDate).toBe('2025-11-11T13:52:10.107-05:00');
		});

		it('refuses an unknown style or zone', async () => {
			expect((await t.admin.post('/__admin/config', { dateStyle: 'local' })).status).toBe(400);
			expect((await t.admin.post('/__admin/config', { timeZone: 'Mars/Olympus' })).status).toBe(400);
		});
	});
});
