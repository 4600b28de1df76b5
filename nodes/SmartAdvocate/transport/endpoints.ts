/**
 * Every SmartAdvocate CaseSync path this package calls, relative to `{Base URL}/CaseSyncAPI`.
 *
 * VERIFIED paths are documented by SmartAdvocate or seen working in real client code.
 * PROPOSED paths are our best guess where SmartAdvocate publishes nothing (note types, note
 * create, date-window searches for cases and notes, case staff, case update, document upload).
 * If your SmartAdvocate server answers 404 on one of them, correct the path here: nothing else
 * in the package builds SmartAdvocate URLs.
 */
export const smartAdvocateEndpoints = {
	// VERIFIED
	authenticate: () => 'Users/authenticate',
	caseInfo: () => 'case/CaseInfo',
	case: (caseId: string | number) => `case/${encodeURIComponent(String(caseId))}`,
	caseContacts: (caseId: string | number) => `case/${encodeURIComponent(String(caseId))}/contacts`,
	caseGroups: () => 'case/CaseGroup',
	caseNotes: (caseId: string | number) => `case/${encodeURIComponent(String(caseId))}/notes`,
	notesByCaseNumber: () => 'case/notes/byCaseNumber',
	caseDocuments: (caseId: string | number) => `case/${encodeURIComponent(String(caseId))}/documents`,
	documentsByDatePaged: () => 'case/documents/byDatePaged',
	documentContent: (documentId: string | number) =>
		`case/document/${encodeURIComponent(String(documentId))}/content`,

	// PROPOSED
	caseStaff: (caseId: string | number) => `case/${encodeURIComponent(String(caseId))}/staff`,
	caseTypes: () => 'case/CaseType',
	caseStatuses: () => 'case/statuses',
	// Read by keyset: sorted by `modifiedDate` then `caseID` (a second `pageRequest.sorts` entry, also
	// proposed), each page asked from the last case's modified date (see smartAdvocateByDatePaged).
	casesByDatePaged: () => 'case/byDatePaged',
	updateCase: (caseId: string | number) => `case/${encodeURIComponent(String(caseId))}`,
	noteTypes: () => 'case/notes/types',
	createNote: (caseId: string | number) => `case/${encodeURIComponent(String(caseId))}/notes`,
	notesByDatePaged: () => 'case/notes/byDatePaged',
	uploadDocument: (caseId: string | number) => `case/${encodeURIComponent(String(caseId))}/documents`,
};
