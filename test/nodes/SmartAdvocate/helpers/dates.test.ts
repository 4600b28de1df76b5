import {
	formatForSmartAdvocate,
	normalizeSmartAdvocateDate,
	parseSmartAdvocateDate,
	smartAdvocateTime,
	userDateToIso,
} from '../../../../nodes/SmartAdvocate/helpers/dates';

describe('parseSmartAdvocateDate', () => {
	it('reads UTC times with Z, with .NET-trimmed fractions', () => {
		expect(parseSmartAdvocateDate('2021-05-03T20:08:24.97Z')).toEqual({ ms: Date.parse('2021-05-03T20:08:24.970Z'), naive: false });
		expect(parseSmartAdvocateDate('2021-05-03T20:08:00Z')?.ms).toBe(Date.parse('2021-05-03T20:08:00.000Z'));
	});

	it('reads local times with an offset as the right instant', () => {
		expect(parseSmartAdvocateDate('2025-11-11T10:52:10.107-08:00')).toEqual({ ms: Date.parse('2025-11-11T18:52:10.107Z'), naive: false });
		expect(parseSmartAdvocateDate('2025-11-11T10:52:10+0530')?.ms).toBe(Date.parse('2025-11-11T05:22:10Z'));
	});

	it('reads times without a zone as their wall clock, and says so', () => {
		expect(parseSmartAdvocateDate('2020-07-28T23:02:00')).toEqual({ ms: Date.parse('2020-07-28T23:02:00Z'), naive: true });
		expect(parseSmartAdvocateDate('2020-07-28T23:02:00.1234567')?.ms).toBe(Date.parse('2020-07-28T23:02:00.123Z'));
	});

	it('rejects what is not an ISO date-time', () => {
		for (const value of ['', 'yesterday', '2021-02-30T00:00:00Z', '2021-05-03T25:00:00Z', null, undefined, 42]) {
			expect(parseSmartAdvocateDate(value)).toBeUndefined();
		}
		expect(smartAdvocateTime('nope')).toBeNaN();
	});
});

describe('normalizeSmartAdvocateDate', () => {
	it('writes zoned times as ISO UTC and leaves zone-less times as SmartAdvocate wrote them', () => {
		expect(normalizeSmartAdvocateDate('2025-11-11T10:52:10.107-08:00')).toBe('2025-11-11T18:52:10.107Z');
		expect(normalizeSmartAdvocateDate('2020-07-28T23:02:00')).toBe('2020-07-28T23:02:00');
		expect(normalizeSmartAdvocateDate(null)).toBeNull();
		expect(normalizeSmartAdvocateDate('')).toBeNull();
	});
});

describe('formatForSmartAdvocate', () => {
	it('writes UTC with Z, or without a zone for servers that write their times that way', () => {
		const ms = Date.parse('2025-01-02T03:04:05.006Z');
		expect(formatForSmartAdvocate(ms, false)).toBe('2025-01-02T03:04:05.006Z');
		expect(formatForSmartAdvocate(ms, true)).toBe('2025-01-02T03:04:05.006');
	});
});

describe('userDateToIso', () => {
	it('reads a date-picker value in the workflow time zone', () => {
		expect(userDateToIso('2025-03-01T09:00:00', 'America/New_York')).toBe('2025-03-01T14:00:00.000Z');
	});

	it('keeps an explicit zone and accepts Date objects', () => {
		expect(userDateToIso('2025-03-01T09:00:00Z', 'America/New_York')).toBe('2025-03-01T09:00:00.000Z');
		expect(userDateToIso(new Date('2025-03-01T09:00:00Z'), 'UTC')).toBe('2025-03-01T09:00:00.000Z');
	});

	it('gives undefined for empty or unreadable input', () => {
		expect(userDateToIso('', 'UTC')).toBeUndefined();
		expect(userDateToIso('not a date', 'UTC')).toBeUndefined();
	});
});
