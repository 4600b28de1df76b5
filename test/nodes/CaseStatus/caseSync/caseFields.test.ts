import { calendarDate, clientList, emailList, optionalText, sameCalendarDate } from '../../../../nodes/CaseStatus/caseSync/caseFields';

describe('emailList', () => {
	it('reads comma-, semicolon- and line-separated text', () => {
		expect(emailList('a@x.com, b@x.com;c@x.com\nd@x.com')).toEqual(['a@x.com', 'b@x.com', 'c@x.com', 'd@x.com']);
	});

	it('reads an array from an expression, including entries that are themselves lists', () => {
		expect(emailList(['a@x.com', 'b@x.com, c@x.com'])).toEqual(['a@x.com', 'b@x.com', 'c@x.com']);
	});

	it('drops repeats that differ only in letter case, keeping the first spelling', () => {
		expect(emailList('Ann@X.com, ann@x.com, bob@x.com')).toEqual(['Ann@X.com', 'bob@x.com']);
	});

	it('treats empty text, empty arrays and null as "not given"', () => {
		expect(emailList('')).toBeUndefined();
		expect(emailList(' , ;')).toBeUndefined();
		expect(emailList([])).toBeUndefined();
		expect(emailList(null)).toBeUndefined();
	});
});

describe('calendarDate', () => {
	it('keeps the date as written, whatever the time and zone after it', () => {
		expect(calendarDate('2025-03-01').date).toBe('2025-03-01');
		expect(calendarDate('2025-03-01T00:00:00').date).toBe('2025-03-01');
		expect(calendarDate('2025-03-01T23:30:00-05:00').date).toBe('2025-03-01');
		expect(calendarDate('2025-03-01 08:00').date).toBe('2025-03-01');
	});

	it('reads US-style dates as SmartAdvocate users type them', () => {
		expect(calendarDate('3/1/2025').date).toBe('2025-03-01');
	});

	it('reads JS dates and Luxon-like objects', () => {
		expect(calendarDate(new Date('2025-03-01T12:00:00Z')).date).toBe('2025-03-01');
		expect(calendarDate({ toISO: () => '2025-03-01T00:00:00.000-05:00' }).date).toBe('2025-03-01');
	});

	it('says when a value is not a date', () => {
		expect(calendarDate('next Tuesday').unreadable).toBe(true);
		expect(calendarDate('2025-02-30').unreadable).toBe(true);
		expect(calendarDate('')).toEqual({});
	});

	it('compares two spellings of one day as the same date', () => {
		expect(sameCalendarDate('2025-03-01', '2025-03-01T00:00:00')).toBe(true);
		expect(sameCalendarDate('2025-03-01', '2025-03-02')).toBe(false);
	});
});

describe('clientList', () => {
	it('maps camelCase and snake_case keys', () => {
		expect(
			clientList([
				{ firstName: 'Maria', lastName: 'Garcia', cellPhone: '(555) 201-3344' },
				{ first_name: 'Luis', last_name: 'Garcia', cell_phone: '555-201-3345', email: 'luis@mail.test' },
			]).clients,
		).toEqual([
			{ firstName: 'Maria', lastName: 'Garcia', cellPhone: '(555) 201-3344' },
			{ firstName: 'Luis', lastName: 'Garcia', cellPhone: '555-201-3345', email: 'luis@mail.test' },
		]);
	});

	it("takes a SmartAdvocate client's contactId as its integration ID, as text", () => {
		expect(clientList([{ contactId: 1695001, firstName: 'Ana', lastName: 'Ruiz', cellPhone: null, email: null }]).clients).toEqual([
			{ integrationId: '1695001', firstName: 'Ana', lastName: 'Ruiz' },
		]);
		expect(clientList([{ integration_id: 'C-7', first_name: 'Ana' }]).clients).toEqual([{ integrationId: 'C-7', firstName: 'Ana' }]);
	});

	it('reads JSON text and a single object', () => {
		expect(clientList('[{"firstName":"Ana"}]').clients).toEqual([{ firstName: 'Ana' }]);
		expect(clientList({ firstName: 'Ana' }).clients).toEqual([{ firstName: 'Ana' }]);
	});

	it('skips rows with no values and says when the JSON is not a list of objects', () => {
		expect(clientList([{ firstName: '' }])).toEqual({});
		expect(clientList('not json').invalid).toMatch(/not valid JSON/);
		expect(clientList(['Ana']).invalid).toMatch(/list of objects/);
	});
});

describe('optionalText', () => {
	it('trims, and treats blank as not given', () => {
		expect(optionalText('  x ')).toBe('x');
		expect(optionalText('   ')).toBeUndefined();
		expect(optionalText(516718)).toBe('516718');
	});
});
