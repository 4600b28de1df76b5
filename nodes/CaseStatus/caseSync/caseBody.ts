import type { IDataObject } from 'n8n-workflow';

import type { DesiredCase, SyncedField } from './caseFields';

/** The Case Status body field each node field is written to (`closed` is written as `closed_date`). */
const API_FIELD: Record<Exclude<SyncedField, 'closed'>, string> = {
	readableId: 'readable_id',
	description: 'description',
	practiceArea: 'practice_area',
	stage: 'stage',
	caseDate: 'case_date',
	primaryAttorneyEmail: 'primary_attorney_email',
	attorneyEmails: 'attorney_emails',
	paralegalEmails: 'paralegal_emails',
};

/**
 * The create or update body for the given values. With `only`, just those fields are written
 * (the fields Create or Update found changed). Values not given are left out; a cleared value is
 * written as its "none" ([] for a list, '' for the description, null for the case date).
 * Closing and reopening travel in the same body: `closed_date` is `now` to close, null to reopen,
 * so a closed case is created closed, and a close comes with the other changes, in one call.
 */
export function buildCaseBody(desired: DesiredCase, only?: readonly SyncedField[], now: Date = new Date()): IDataObject {
	const body: IDataObject = {};
	for (const [field, apiField] of Object.entries(API_FIELD) as Array<[Exclude<SyncedField, 'closed'>, string]>) {
		if (only && !only.includes(field)) continue;
		const value = desired[field];
		if (value !== undefined) body[apiField] = Array.isArray(value) ? [...value] : value;
	}
	if (desired.closed !== undefined && (!only || only.includes('closed'))) {
		body.closed_date = desired.closed ? now.toISOString() : null;
	}
	if (!only && desired.integrationId !== undefined) body.integration_id = desired.integrationId;
	if (!only && desired.clients?.length) {
		body.clients = desired.clients.map((client) => {
			const apiClient: IDataObject = {};
			if (client.firstName !== undefined) apiClient.first_name = client.firstName;
			if (client.lastName !== undefined) apiClient.last_name = client.lastName;
			if (client.email !== undefined) apiClient.email = client.email;
			if (client.cellPhone !== undefined) apiClient.cell_phone = client.cellPhone;
			// Case Status finds a returning client by this before the cell phone.
			if (client.integrationId !== undefined) apiClient.integration_id = client.integrationId;
			return apiClient;
		});
	}
	return body;
}
