import { bareCaseStatusApiKey, caseStatusApiRoot, smartAdvocateApiRoot } from '../../../nodes/shared/baseUrl';

describe('base URLs from credentials', () => {
	it.each([
		'https://app.smartadvocate.com',
		'https://app.smartadvocate.com/',
		'https://app.smartadvocate.com/CaseSyncAPI',
		'https://app.smartadvocate.com/casesyncapi/',
		' https://app.smartadvocate.com// ',
	])('SmartAdvocate %p means the same CaseSync API', (input) => {
		expect(smartAdvocateApiRoot(input)).toBe('https://app.smartadvocate.com/CaseSyncAPI');
	});

	it('uses the hosted SmartAdvocate when no URL is given', () => {
		expect(smartAdvocateApiRoot('')).toBe('https://app.smartadvocate.com/CaseSyncAPI');
	});

	it('picks the Case Status host of the environment', () => {
		expect(caseStatusApiRoot('production', 'http://ignored')).toBe('https://app.casestatus.com');
		expect(caseStatusApiRoot('sandbox', undefined)).toBe('https://sandbox.creativebriefcase.com');
		expect(caseStatusApiRoot('custom', 'http://127.0.0.1:4000/')).toBe('http://127.0.0.1:4000');
	});

	it('accepts a Case Status key with or without the ApiKey prefix', () => {
		expect(bareCaseStatusApiKey('ApiKey abc123')).toBe('abc123');
		expect(bareCaseStatusApiKey('  abc123 ')).toBe('abc123');
		expect(bareCaseStatusApiKey('apikey   abc123')).toBe('abc123');
	});
});
