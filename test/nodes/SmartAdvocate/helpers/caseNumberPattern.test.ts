import { caseNumberPattern, escapeLike } from '../../../../nodes/SmartAdvocate/helpers/caseNumberPattern';

describe('case number patterns', () => {
	it('brackets LIKE wildcards so they match themselves', () => {
		expect(escapeLike('20%_[x]')).toBe('20[%][_][[]x]');
	});

	it('matches exactly, by prefix, or as the user wrote it', () => {
		expect(caseNumberPattern(' 2024_1 ', 'exact')).toBe('2024[_]1');
		expect(caseNumberPattern('2024-', 'startsWith')).toBe('2024-%');
		expect(caseNumberPattern('20%4', 'startsWith')).toBe('20[%]4%');
		expect(caseNumberPattern('2024_1%', 'like')).toBe('2024_1%');
	});
});
