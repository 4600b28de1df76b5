import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	calendarDate,
	CLEARABLE_FIELDS,
	clearedValue,
	clientList,
	emailList,
	optionalText,
	type DesiredCase,
} from './caseFields';

/** What an added but empty field means: leave Case Status as it is, or clear the field there. */
export type EmptyFields = 'ignore' | 'clear';

/**
 * Reads one collection of case attributes (Additional Fields / Update Fields) into DesiredCase.
 * With `emptyFields: 'clear'`, a clearable field that is in the collection but empty means "none".
 */
export function readCaseAttributes(
	this: IExecuteFunctions,
	itemIndex: number,
	fields: IDataObject,
	emptyFields: EmptyFields = 'ignore',
): DesiredCase {
	const desired: DesiredCase = {
		readableId: optionalText(fields.readableId),
		integrationId: optionalText(fields.integrationId),
		description: optionalText(fields.description),
		practiceArea: optionalText(fields.practiceArea),
		stage: optionalText(fields.stage),
		primaryAttorneyEmail: optionalText(fields.primaryAttorneyEmail),
		attorneyEmails: emailList(fields.attorneyEmails),
		paralegalEmails: emailList(fields.paralegalEmails),
		closed: typeof fields.closed === 'boolean' ? fields.closed : undefined,
	};
	const date = calendarDate(fields.caseDate);
	if (date.unreadable) {
		throw new NodeOperationError(this.getNode(), `The Case Date "${String(fields.caseDate)}" is not a date`, {
			description: 'Give the date as YYYY-MM-DD (for example 2025-03-01), or pick it in the date field.',
			itemIndex,
		});
	}
	desired.caseDate = date.date;
	if (emptyFields === 'clear') {
		for (const field of CLEARABLE_FIELDS) {
			const added = Object.prototype.hasOwnProperty.call(fields, field);
			if (added && desired[field] === undefined) (desired as Record<string, unknown>)[field] = clearedValue(field);
		}
	}
	return desired;
}

/** The Empty Fields setting of an operation (older workflows, without it, leave Case Status as it is). */
export function readEmptyFields(this: IExecuteFunctions, itemIndex: number): EmptyFields {
	return this.getNodeParameter('emptyFields', itemIndex, 'ignore') === 'clear' ? 'clear' : 'ignore';
}

/** Reads the Clients parameters (list or JSON). */
export function readClients(this: IExecuteFunctions, itemIndex: number): DesiredCase['clients'] {
	const input = this.getNodeParameter('clientsInput', itemIndex, 'fields') as string;
	const value =
		input === 'json'
			? this.getNodeParameter('clientsJson', itemIndex, '[]')
			: ((this.getNodeParameter('clients', itemIndex, {}) as IDataObject).client ?? []);
	const { clients, invalid } = clientList(value);
	if (invalid) {
		throw new NodeOperationError(this.getNode(), `Clients (JSON) ${invalid}`, {
			description:
				'Give a JSON array such as [{"firstName": "Ana", "lastName": "Ruiz", "cellPhone": "(555) 201-3344", "integrationId": "1695001"}].',
			itemIndex,
		});
	}
	return clients;
}

/** Reads "Clients Not Read" (what the clients' read said when it failed; empty when they were read). */
export function readClientsNotRead(this: IExecuteFunctions, itemIndex: number): string | undefined {
	return optionalText(this.getNodeParameter('clientsNotRead', itemIndex, ''));
}

/** Drops the keys whose value was not given, so a DesiredCase shows only what the user set. */
export function given(desired: DesiredCase): DesiredCase {
	return Object.fromEntries(Object.entries(desired).filter(([, value]) => value !== undefined)) as DesiredCase;
}
