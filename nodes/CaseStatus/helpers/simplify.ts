import type { IDataObject } from 'n8n-workflow';

import type { CsCaseRecord, CsFileRecord, CsMessageRecord, CsPerson } from './records';

const emails = (people: CsPerson[] | undefined) =>
	(people ?? []).map((person) => person.email).filter((email): email is string => Boolean(email));

const textOrNull = (value: unknown) => (value === undefined || value === null || value === '' ? null : String(value));

/** A case in the node's own field names, flat enough to map straight into another app. */
export function simplifyCase(record: CsCaseRecord): IDataObject {
	const primary = record.primary_attorney;
	return {
		caseId: record.id,
		readableId: record.readable_id,
		integrationId: record.integration_id ?? null,
		description: record.description ?? null,
		practiceArea: record.practice_area?.name ?? null,
		stage: record.stage?.name ?? null,
		caseDate: record.case_date ?? null,
		closed: Boolean(record.closed_at),
		closedAt: record.closed_at ?? null,
		primaryAttorneyEmail: primary?.email ?? null,
		attorneyEmails: emails(record.attorneys).filter((email) => email.toLowerCase() !== (primary?.email ?? '').toLowerCase()),
		paralegalEmails: emails(record.paralegals),
		// Left out, not empty, for a case known from Create or Update's directory, which does not keep clients.
		...(record.clients === undefined
			? {}
			: {
					clients: record.clients.map((client) => ({
						firstName: client.first_name ?? null,
						lastName: client.last_name ?? null,
						email: client.email ?? null,
						cellPhone: client.cell_phone ?? null,
						integrationId: client.integration_id ?? null,
					})),
				}),
		updatedAt: record.updated_at ?? null,
	};
}

export type MessageDirection = 'fromClient' | 'fromStaff' | 'unknown';

/**
 * Which way a message went, in words a workflow can branch on. A type that is missing or not
 * one Case Status is known to send is `unknown`, never guessed: filing a client's words as the
 * firm's would hide them from staff.
 */
export function messageDirection(type: unknown): MessageDirection {
	const known = typeof type === 'string' ? type.trim().toLowerCase() : '';
	if (known === 'incoming') return 'fromClient';
	if (known === 'outgoing') return 'fromStaff';
	return 'unknown';
}

export function simplifyMessage(record: CsMessageRecord): IDataObject {
	return {
		messageId: record.id,
		caseId: record.case_id === undefined || record.case_id === null ? null : Number(record.case_id),
		readableId: record.readable_id ?? null,
		integrationId: record.integration_id ?? null,
		direction: messageDirection(record.type),
		content: record.content ?? '',
		senderName: record.sender_name ?? null,
		sentAt: record.sent_at ?? null,
		createdAt: record.created_at,
		externalId: textOrNull(record.external_id),
	};
}

/** Who shared a document: the client, or the firm's staff. */
export function uploaderKind(record: CsFileRecord): 'client' | 'staff' | null {
	const role = record.uploaded_by?.role;
	if (!role) return null;
	return role === 'client' ? 'client' : 'staff';
}

/** A document without its short-lived download link (the Download operation fetches a fresh one). */
export function simplifyFile(record: CsFileRecord): IDataObject {
	return {
		fileId: record.id,
		caseId: record.case_id === undefined || record.case_id === null ? null : Number(record.case_id),
		readableId: record.case_readable_id ?? null,
		integrationId: record.case_integration_id ?? null,
		fileName: record.file_name,
		contentType: record.content_type ?? null,
		size: record.size ?? null,
		uploadedBy: uploaderKind(record),
		createdAt: record.created_at,
	};
}
