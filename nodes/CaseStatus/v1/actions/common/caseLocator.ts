import type { IDataObject, IExecuteFunctions, INodeParameterResourceLocator, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { CsCaseRecord } from '../../../helpers/records';
import { caseStatusEndpoints, caseStatusRequest } from '../../../transport';

export type CaseLocatorMode = 'list' | 'id' | 'readableId' | 'integrationId';

/** The Case picker: from a searchable list, or by any of the three IDs a case has. */
export function caseLocator(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Case',
		name: 'case',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The case, picked from the list or given by one of its IDs',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchCases', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 9876',
				validation: [
					{ type: 'regex', properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'A Case Status case ID is a number' } },
				],
			},
			{
				displayName: 'By Readable ID',
				name: 'readableId',
				type: 'string',
				placeholder: 'e.g. 2025-00137',
			},
			{
				displayName: 'By Integration ID',
				name: 'integrationId',
				type: 'string',
				placeholder: 'e.g. 516718',
			},
		],
		...overrides,
	};
}

/** The mode and value the user gave the Case picker for an item. */
export function readCaseLocator(
	this: IExecuteFunctions,
	itemIndex: number,
	name = 'case',
): { mode: CaseLocatorMode; value: string } {
	const locator = this.getNodeParameter(name, itemIndex) as INodeParameterResourceLocator | string;
	const raw = typeof locator === 'object' && locator !== null ? locator : { mode: 'id', value: locator };
	const value = String(raw.value ?? '').trim();
	if (!value) {
		throw new NodeOperationError(this.getNode(), 'No case given', {
			description: 'Pick a case in the Case field, or give its ID, readable ID or integration ID.',
			itemIndex,
		});
	}
	const mode = (['id', 'readableId', 'integrationId'].includes(raw.mode) ? raw.mode : 'id') as CaseLocatorMode;
	if (mode === 'id' && !/^\d+$/.test(value)) {
		throw new NodeOperationError(this.getNode(), `The Case ID "${value}" is not a number`, {
			description: 'A Case Status case ID is a number. To find a case by another ID, switch the Case field to By Readable ID or By Integration ID.',
			itemIndex,
		});
	}
	return { mode, value };
}

const MODE_WORDS: Record<CaseLocatorMode, string> = {
	list: 'ID',
	id: 'ID',
	readableId: 'readable ID',
	integrationId: 'integration ID',
};

/** The query filter that finds a case by the given ID (messages accept all three). */
export function caseQuery(locator: { mode: CaseLocatorMode; value: string }): IDataObject {
	if (locator.mode === 'readableId') return { readable_id: locator.value };
	if (locator.mode === 'integrationId') return { integration_id: locator.value };
	return { case_id: Number(locator.value) };
}

/** The case an item points at, fetched from Case Status, or a clear "not found". */
export async function fetchCase(
	this: IExecuteFunctions,
	itemIndex: number,
	locator: { mode: CaseLocatorMode; value: string },
): Promise<CsCaseRecord> {
	const words = MODE_WORDS[locator.mode];
	const notFound = `No case with ${words} ${locator.value} exists in Case Status`;
	if (locator.mode === 'id' || locator.mode === 'list') {
		return await caseStatusRequest<CsCaseRecord>(
			this,
			{ method: 'GET', path: caseStatusEndpoints.case(locator.value) },
			{ action: `get case ${locator.value}`, itemIndex, notFound },
		);
	}
	const qs = locator.mode === 'readableId' ? { readable_id: locator.value } : { integration_id: locator.value };
	const matches = await caseStatusRequest<CsCaseRecord[]>(
		this,
		{ method: 'GET', path: caseStatusEndpoints.cases(), qs: { ...qs, 'page[number]': 1, size: 10 } },
		{ action: `find the case with ${words} ${locator.value}`, itemIndex },
	);
	const cases = Array.isArray(matches) ? matches : [];
	if (cases.length === 0) {
		throw new NodeOperationError(this.getNode(), notFound, {
			description: `Check the ${words} in this item; the case must already exist in Case Status.`,
			itemIndex,
		});
	}
	if (cases.length > 1) {
		throw new NodeOperationError(this.getNode(), `${cases.length} cases in Case Status have ${words} ${locator.value}`, {
			description: `Case Status does not require ${words}s to be unique. Pick the case by its ID instead (IDs: ${cases
				.map((c) => c.id)
				.join(', ')}).`,
			itemIndex,
		});
	}
	return cases[0];
}

/** The internal case ID an item points at; looks the case up only when it was given by another ID. */
export async function resolveCaseId(this: IExecuteFunctions, itemIndex: number, name = 'case'): Promise<number> {
	const locator = readCaseLocator.call(this, itemIndex, name);
	if (locator.mode === 'id' || locator.mode === 'list') return Number(locator.value);
	const found = await fetchCase.call(this, itemIndex, locator);
	return found.id;
}
