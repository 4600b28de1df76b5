/**
 * Data Mode "Auto-Map Input Data to Case Fields": the case is read from the item's own keys, so a
 * run evaluates no expression per case. A key left out is not given; a key present but empty is
 * "none" (cleared with Empty Fields "Clear Them"); a value of the wrong type fails that item.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { calendarDate, clientList, optionalText, type DesiredCase } from './caseFields';
import { readCaseAttributes, type EmptyFields } from './caseInput';
import { AUTO_MAP_KEYS_TEXT } from '../v1/actions/common/caseProperties';

export type DataMode = 'autoMapInputData' | 'defineBelow';

export function readDataMode(this: IExecuteFunctions, itemIndex: number): DataMode {
	return this.getNodeParameter('dataMode', itemIndex, 'defineBelow') === 'autoMapInputData' ? 'autoMapInputData' : 'defineBelow';
}

type Kind = 'text' | 'id' | 'date' | 'emails' | 'boolean' | 'clients';

const KEYS: Record<string, Kind> = {
	integrationId: 'id',
	readableId: 'id',
	primaryAttorneyEmail: 'text',
	description: 'text',
	practiceArea: 'text',
	stage: 'text',
	caseDate: 'date',
	attorneyEmails: 'emails',
	paralegalEmails: 'emails',
	closed: 'boolean',
	clients: 'clients',
	clientsNotRead: 'text',
};

const EXPECTED: Record<Kind, string> = {
	text: 'a text',
	id: 'a text or a number',
	date: 'a date as YYYY-MM-DD',
	emails: 'a list of e-mail addresses',
	boolean: 'true or false',
	clients: 'a list of clients ({firstName, lastName, cellPhone, email, integrationId})',
};

const isEmpty = (value: unknown) => value === null || value === '' || (Array.isArray(value) && value.length === 0);

function describe(value: unknown): string {
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'string') return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
	if (typeof value === 'object') return 'an object';
	return `${typeof value === 'number' ? 'the number' : 'the value'} ${String(value)}`;
}

function fits(kind: Kind, value: unknown): boolean {
	switch (kind) {
		case 'text':
			return typeof value === 'string';
		case 'id':
			return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
		case 'date':
			return (typeof value === 'string' || typeof value === 'object') && !calendarDate(value).unreadable;
		case 'emails':
			return Array.isArray(value) && value.every((email) => typeof email === 'string');
		case 'boolean':
			return typeof value === 'boolean';
		case 'clients':
			return !clientList(Array.isArray(value) ? value : [value]).invalid && (Array.isArray(value) || typeof value === 'object');
	}
}

/** The case an item holds under the auto-map keys (clients included), checked key by key. */
export function autoMappedCase(this: IExecuteFunctions, itemIndex: number, emptyFields: EmptyFields): DesiredCase {
	const json = this.getInputData()[itemIndex]?.json ?? {};
	const fields: IDataObject = {};
	for (const [key, kind] of Object.entries(KEYS)) {
		if (!Object.prototype.hasOwnProperty.call(json, key)) continue;
		const value = json[key];
		if (value === undefined) continue;
		if (!isEmpty(value) && !fits(kind, value)) {
			throw new NodeOperationError(this.getNode(), `The field "${key}" of item ${itemIndex} must be ${EXPECTED[kind]}, not ${describe(value)}`, {
				description: `With Data Mode "Auto-Map Input Data to Case Fields" the node reads these keys of each item: ${AUTO_MAP_KEYS_TEXT}. Correct "${key}" in the node before this one, or leave the key out to neither compare nor write it.`,
				itemIndex,
			});
		}
		fields[key] = kind === 'id' && typeof value === 'number' ? String(value) : value;
	}
	const desired = readCaseAttributes.call(this, itemIndex, fields, emptyFields);
	if (fields.clients !== undefined && !isEmpty(fields.clients)) desired.clients = clientList(fields.clients).clients;
	desired.clientsNotRead = optionalText(fields.clientsNotRead);
	return desired;
}
