import { formatDuration } from '../../../simulators/casestatus/routes/reporting';
import { at, startHarness, type Harness } from './fixtures';

let h: Harness;
beforeAll(async () => {
	h = await startHarness();
});
afterAll(() => h.close());
beforeEach(async () => {
	await h.bare.post('/__admin/reset');
});

/** The keys of the Airbyte "Cases" schema (space-separated, as Case Status names them). */
const VERIFIED_CASE_KEYS = [
	'Status', 'Case Name', 'Internal ID', 'Integration ID', 'Practice Area', 'Incident Date', 'Case Created At', 'Case Activated Date',
	'Case Closed At', 'Case Deleted At', 'Last Updated', 'Last Login', 'Last Message Sent', 'Last Message Received',
	'Most Recent Message Sent At', 'Review Sent At', 'Most Recent NPS', 'Target Language', 'Total Documents', 'Total Documents Sent',
	'Total Documents Received', 'Total Activities', 'Total Activities Login', 'Total Activities Message', 'Total Activities Engagement',
	'Total Checklist Items', 'Total Checklist Items Completed', 'Attorney Id', 'Attorney Email', 'Attorney First Name', 'Attorney Last Name',
	'Client First Name', 'Client Last Name', 'Case Manager 1 ID', 'Case Manager 1 First Name', 'Case Manager 1 Last Name',
	'Case Manager 2 ID', 'Case Manager 2 First Name', 'Case Manager 2 Last Name', 'Attorneys', 'Clients',
];

describe('GET /reporting/cases', () => {
	it('answers rows with the verified space-separated keys', async () => {
		const res = await h.api.get('/reporting/cases');
		expect(res.status).toBe(200);
		const [row] = res.data.results;
		expect(Object.keys(row).sort()).toEqual([...VERIFIED_CASE_KEYS].sort());
		expect(row).toMatchObject({
			Status: 'Active',
			'Case Name': '2025-00100',
			'Internal ID': 7001,
			'Integration ID': '516700',
			'Practice Area': 'Motor Vehicle Accident',
			'Incident Date': '2024-12-24',
			'Case Closed At': null,
			'Last Message Sent': at(90),
			'Last Message Received': at(0),
			'Most Recent Message Sent At': at(90),
			'Total Documents': 1,
			'Total Documents Sent': 0,
			'Total Documents Received': 1,
			'Total Activities Message': 2,
			'Attorney Email': 'alice@firm.test',
			'Attorney First Name': 'Alice',
			'Client First Name': 'Carla',
			'Client Last Name': 'Cruz',
			'Case Manager 1 First Name': 'Paul',
			'Case Manager 2 ID': null,
		});
	});

	it('nests up to four attorneys and three clients under numbered keys', async () => {
		const [row] = (await h.api.get('/reporting/cases')).data.results;
		expect(Object.keys(row.Attorneys)).toHaveLength(16);
		expect(row.Attorneys).toMatchObject({ 'Attorney 1 Email': 'alice@firm.test', 'Attorney 2 Email': 'sam@firm.test', 'Attorney 3 Id': null });
		expect(Object.keys(row.Clients)).toHaveLength(36);
		expect(row.Clients).toMatchObject({ 'Client 1 First Name': 'Carla', 'Client 1 Cell Phone': '+15552013344', 'Client 2 First Name': 'Dan', 'Client 3 ID': null });
		for (const n of [1, 2, 3]) {
			for (const key of ['ID', 'Email', 'First Name', 'Last Name', 'Cell Phone', 'Device Type', 'Last Opened', 'Last Used Web App', 'Last Used iOS App', 'Last Used Android App', 'Mobile OS Version', 'Mobile App Version']) {
				expect(row.Clients).toHaveProperty([`Client ${n} ${key}`]);
			}
		}
	});

	it('reports closed cases as Closed with their closing time, and follows writes', async () => {
		const rows = (await h.api.get('/reporting/cases')).data.results;
		expect(rows[1]).toMatchObject({ Status: 'Closed', 'Case Closed At': '2025-02-20T17:30:00.000Z', 'Incident Date': '2025-01-15' });
		await h.api.post('/v1/api/files', (() => {
			const form = new FormData();
			form.append('case_id', '7001');
			form.append('file', new Blob([Buffer.from('x')]), 'a.txt');
			return form;
		})());
		const [row] = (await h.api.get('/reporting/cases')).data.results;
		expect(row).toMatchObject({ 'Total Documents': 2, 'Total Documents Sent': 1 });
	});
});

describe('GET /reporting/firm', () => {
	it('answers one row with the verified KPI keys', async () => {
		const res = await h.api.get('/reporting/firm');
		expect(res.status).toBe(200);
		expect(res.data).toMatchObject({ count: 1, next: null, previous: null });
		const [row] = res.data.results;
		expect(row['Average Response Time']).toBe('1:30:00');
		// Two open cases, four staff users.
		expect(row['Cases Per Active User']).toBe('0.50');
	});

	it('averages response times over every answered client message', async () => {
		await h.bare.post('/__admin/messages', { case_id: 7003, content: 'Q', created_at: '2025-03-10T00:00:00Z' });
		await h.bare.post('/__admin/messages', { case_id: 7003, content: 'Q again', created_at: '2025-03-10T01:00:00Z' });
		await h.bare.post('/__admin/messages', { case_id: 7003, direction: 'outgoing', content: 'A', created_at: '2025-03-11T02:30:00Z' });
		const [row] = (await h.api.get('/reporting/firm')).data.results;
		// (1:30:00 + 26:30:00) / 2 = 14:00:00
		expect(row['Average Response Time']).toBe('14:00:00');
	});

	it('formats durations like Python timedelta', () => {
		expect(formatDuration(0)).toBe('0:00:00');
		expect(formatDuration(3_723_000)).toBe('1:02:03');
		expect(formatDuration(86_400_000 + 10_000)).toBe('1 day, 0:00:10');
		expect(formatDuration(2 * 86_400_000)).toBe('2 days, 0:00:00');
	});
});
