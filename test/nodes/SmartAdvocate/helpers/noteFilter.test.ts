import { noteMatches } from '../../../../nodes/SmartAdvocate/helpers/noteFilter';

const note = {
	noteID: 1,
	noteTypeID: 11,
	noteTypeName: 'Plaintiff',
	isSharedinCP: true,
	createdDate: '2025-01-01T10:00:00Z',
	modifiedDate: '2025-01-02T10:00:00Z',
};

describe('noteMatches', () => {
	it('keeps every note when no filter is set', () => {
		expect(noteMatches(note, {})).toBe(true);
	});

	it('filters by note type ID or name, regardless of case', () => {
		expect(noteMatches(note, { noteTypes: [11] })).toBe(true);
		expect(noteMatches(note, { noteTypes: ['11'] })).toBe(true);
		expect(noteMatches(note, { noteTypes: ['plaintiff'] })).toBe(true);
		expect(noteMatches(note, { noteTypes: [10, 'Case'] })).toBe(false);
	});

	it('filters by Shared in Client Portal (isSharedinCP)', () => {
		expect(noteMatches(note, { onlySharedInClientPortal: true })).toBe(true);
		expect(noteMatches({ ...note, isSharedinCP: false }, { onlySharedInClientPortal: true })).toBe(false);
	});

	it('filters by created and modified time, inclusive', () => {
		expect(noteMatches(note, { createdSince: '2025-01-01T10:00:00.000Z' })).toBe(true);
		expect(noteMatches(note, { createdSince: '2025-01-01T10:00:00.001Z' })).toBe(false);
		expect(noteMatches(note, { modifiedSince: '2025-01-02T00:00:00.000Z' })).toBe(true);
		expect(noteMatches(note, { modifiedSince: '2025-01-03T00:00:00.000Z' })).toBe(false);
		expect(noteMatches({ ...note, createdDate: null }, { createdSince: '2000-01-01T00:00:00Z' })).toBe(false);
	});
});
