/**
 * Every Case Status API path this package calls, relative to the credential's environment URL.
 *
 * VERIFIED paths were used by a working public connector against Case Status's sandbox.
 * PROPOSED paths are our best guess where Case Status publishes nothing (sending messages,
 * cases, practice areas, users, file upload). If your Case Status account answers 404 on one of
 * them, correct the path here: nothing else in the package builds Case Status URLs.
 */
export const caseStatusEndpoints = {
	// VERIFIED
	messages: () => '/v1/api/messages',
	files: () => '/v1/api/files',
	reportingCases: () => '/reporting/cases',
	reportingFirm: () => '/reporting/firm',

	// PROPOSED
	sendMessage: () => '/v1/api/messages',
	uploadFile: () => '/v1/api/files',
	file: (fileId: string | number) => `/v1/api/files/${encodeURIComponent(String(fileId))}`,
	cases: () => '/v1/api/cases',
	case: (caseId: string | number) => `/v1/api/cases/${encodeURIComponent(String(caseId))}`,
	closeCase: (caseId: string | number) => `/v1/api/cases/${encodeURIComponent(String(caseId))}/close`,
	reopenCase: (caseId: string | number) => `/v1/api/cases/${encodeURIComponent(String(caseId))}/reopen`,
	practiceAreas: () => '/v1/api/practice-areas',
	users: () => '/v1/api/users',
};
