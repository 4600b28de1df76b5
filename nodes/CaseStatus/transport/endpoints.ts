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
	// Case bodies: `clients[].integration_id` carries the CMS contact ID, so Case Status finds a
	// returning client by it before the cell phone (research §5.8: the interview code's
	// import_client_handler matches integration_id first). Not seen in a verified connector.
	// Clearing: `attorney_emails: []`, `paralegal_emails: []`, `description: ""` and
	// `case_date: null` in a PATCH mean "none" (our design; Case Status publishes no rule).
	// Closing: `closed_date` (a timestamp) in the create body creates the case closed, and in a
	// PATCH closes it (null reopens), with the other changes in the same call (research §9.3:
	// the create request lists `closed_date`; §9.2 row 11: PATCH lists `closed_date`).
	// Listing cases: `updated_after` (an ISO timestamp, inclusive: `updated_at >= value`) narrows
	// the list to the cases created or changed since then, so Create or Update can bring a list it
	// read earlier in the execution up to date. Not in the research; if the account refuses the
	// filter (4xx), the node lists every case instead.
	sendMessage: () => '/v1/api/messages',
	uploadFile: () => '/v1/api/files',
	file: (fileId: string | number) => `/v1/api/files/${encodeURIComponent(String(fileId))}`,
	cases: () => '/v1/api/cases',
	case: (caseId: string | number) => `/v1/api/cases/${encodeURIComponent(String(caseId))}`,
	practiceAreas: () => '/v1/api/practice-areas',
	users: () => '/v1/api/users',
};
