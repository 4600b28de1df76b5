/**
 * What each Case Status Trigger event polls and how it filters and shows an item. Both events
 * follow an item's created_at: Case Status lists messages and files oldest first by creation.
 */
import type { IDataObject } from 'n8n-workflow';

import type { CsFileRecord, CsMessageRecord } from '../helpers/records';
import { messageDirection, simplifyFile, simplifyMessage } from '../helpers/simplify';
import { caseStatusEndpoints } from '../transport';

export type TriggerEvent = 'newMessage' | 'newDocument';

export interface TriggerSettings {
	/** New Message: all, fromClient, fromStaff. */
	direction: string;
	/** New Document: all, fromClient. */
	uploadedBy: string;
	/** New Message: skip messages carrying an External ID (written by an integration). */
	ignoreRelayed: boolean;
}

export interface EventDefinition {
	/** For messages to the user, e.g. "message". */
	noun: string;
	path(): string;
	/** The server-side filters of the list query. */
	query(settings: TriggerSettings): IDataObject;
	/** Filters Case Status cannot apply itself. */
	matches(record: IDataObject, settings: TriggerSettings): boolean;
	simplify(record: IDataObject): IDataObject;
}

const MESSAGE_DIRECTION: Record<string, string | undefined> = { fromClient: 'incoming', fromStaff: 'outgoing' };

export const EVENTS: Record<TriggerEvent, EventDefinition> = {
	newMessage: {
		noun: 'message',
		path: caseStatusEndpoints.messages,
		query: ({ direction }) => (MESSAGE_DIRECTION[direction] ? { direction: MESSAGE_DIRECTION[direction] } : {}),
		matches: (record, { direction, ignoreRelayed }) => {
			const message = record as CsMessageRecord;
			// The server's direction filter is not trusted: a message of unknown direction is neither "from client" nor "from staff".
			if (MESSAGE_DIRECTION[direction] && messageDirection(message.type) !== direction) return false;
			const externalId = message.external_id;
			return !(ignoreRelayed && externalId !== undefined && externalId !== null && String(externalId).trim() !== '');
		},
		simplify: (record) => simplifyMessage(record as CsMessageRecord),
	},
	newDocument: {
		noun: 'document',
		path: caseStatusEndpoints.files,
		query: ({ uploadedBy }) => (uploadedBy === 'fromClient' ? { uploaded_by: 'client' } : {}),
		matches: () => true,
		simplify: (record) => simplifyFile(record as unknown as CsFileRecord),
	},
};
