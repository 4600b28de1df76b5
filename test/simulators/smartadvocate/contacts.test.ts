import { testCase, testFirm } from './fixtures';
import { startTestSim, type TestSim } from './harness';

const client = (contactId: number, firstName: string, lastName: string) => ({ contactId, firstName, lastName, email: `${firstName.toLowerCase()}@mail.test`, cellPhone: '(555) 201-3344' });

describe('SmartAdvocate simulator: contact lookups', () => {
	let t: TestSim;
	beforeAll(async () => {
		t = await startTestSim(
			testFirm([
				testCase(1, { clients: [client(10, 'Tim', 'Berton'), client(11, 'Ann', 'Berton')] }),
				testCase(2, { clients: [client(12, 'Maria', 'Patel')] }),
				testCase(3, { clients: [client(13, 'Timothy', 'Nolan'), client(10, 'Tim', 'Berton')] }),
			]),
		);
	});
	afterAll(() => t.close());

	describe('GET contact/ContactTypes', () => {
		it('lists the types of one contact category', async () => {
			const people = await t.authed.get('/contact/ContactTypes', { params: { ContactCtg: 1 } });
			expect(people.status).toBe(200);
			expect(people.data[0]).toEqual({ id: 1, description: 'Client' });
			expect(people.data.map((type: { description: string }) => type.description)).toContain('Adjuster');
			const organisations = await t.authed.get('/contact/contacttypes', { params: { contactctg: 2 } });
			expect(organisations.data.map((type: { description: string }) => type.description)).toContain('Insurance Company');
		});

		it('lists both categories without ContactCtg and refuses another category', async () => {
			expect((await t.authed.get('/contact/ContactTypes')).data).toHaveLength(11);
			expect((await t.authed.get('/contact/ContactTypes', { params: { ContactCtg: 3 } })).status).toBe(400);
		});
	});

	describe('GET Search/contactLookup', () => {
		const lookup = (params: Record<string, unknown>) => t.authed.get('/Search/contactLookup', { params });
		const names = (data: { name: string }[]) => data.map((c) => c.name);

		it('finds contacts by part of the name, once each, sorted by last then first name', async () => {
			const response = await lookup({ Name: 'tim' });
			expect(response.status).toBe(200);
			expect(names(response.data)).toEqual(['Berton, Tim', 'Nolan, Timothy']);
			expect(response.data[0]).toEqual({ uniqueContactId: 10, contactID: 10, contactCtg: 1, name: 'Berton, Tim', firstName: 'Tim', lastName: 'Berton', email: 'tim@mail.test', phone: '(555) 201-3344' });
			expect(names((await lookup({ Name: 'berton, a' })).data)).toEqual(['Berton, Ann']);
		});

		it('filters on first and last name separately', async () => {
			expect(names((await lookup({ LastName: 'BERTON' })).data)).toEqual(['Berton, Ann', 'Berton, Tim']);
			expect(names((await lookup({ firstname: 'tim', lastname: 'nol' })).data)).toEqual(['Nolan, Timothy']);
			expect((await lookup({ LastName: 'Zed' })).data).toEqual([]);
		});

		it('pages with a 1-based FirstPage and RowLimit (default 10)', async () => {
			expect(names((await lookup({})).data)).toEqual(['Berton, Ann', 'Berton, Tim', 'Nolan, Timothy', 'Patel, Maria']);
			expect(names((await lookup({ FirstPage: 1, RowLimit: 3 })).data)).toEqual(['Berton, Ann', 'Berton, Tim', 'Nolan, Timothy']);
			expect(names((await lookup({ FirstPage: 2, RowLimit: 3 })).data)).toEqual(['Patel, Maria']);
			expect((await lookup({ FirstPage: 3, RowLimit: 3 })).data).toEqual([]);
		});

		it('answers 400 for FirstPage 0 or RowLimit 0', async () => {
			expect((await lookup({ FirstPage: 0 })).status).toBe(400);
			expect((await lookup({ RowLimit: 0 })).status).toBe(400);
		});
	});
});
