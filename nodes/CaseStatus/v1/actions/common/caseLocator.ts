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

/** Whether a record belongs to the case the locator names, by the ID it was given. */
export function isLocatedCase(
	locator: { mode: CaseLocatorMode; value: string },
	ids: { caseId?: unknown; readableId?: unknown; integrationId?: unknown },
): boolean {
	const wanted = locator.value.trim();
	if (locator.mode === 'readableId') return String(ids.readableId ?? '').trim() === wanted;
	if (locator.mode === 'integrationId') return String(ids.integrationId ?? '').trim() === wanted;
	return ids.caseId !== undefined && ids.caseId !== null && Number(ids.caseId) === Number(wanted);
}

/**
 * Every case whose readable or integration ID is exactly the one given. Case Status's filter is
 * not trusted: only exact matches are kept, and when the server sent other cases but none that
 * match, a second page decides whether "none" is the whole truth, so a case is never updated or
 * created twice because a filter was ignored.
 */
export async function findCasesBy(
	this: IExecuteFunctions,
	itemIndex: number,
	locator: { mode: 'readableId' | 'integrationId'; value: string },
): Promise<CsCaseRecord[]> {
	const words = MODE_WORDS[locator.mode];
	const qs = locator.mode === 'readableId' ? { readable_id: locator.value } : { integration_id: locator.value };
	const read = async (page: number) => {
		const records = await caseStatusRequest<CsCaseRecord[]>(
			this,
			{ method: 'GET', path: caseStatusEndpoints.cases(), qs: { ...qs, 'page[number]': page, size: 10 } },
			{ action: `find the case with ${words} ${locator.value}`, itemIndex },
		);
		return Array.isArray(records) ? records : [];
	};
	const matching = (records: CsCaseRecord[]) =>
		records.filter((c) => isLocatedCase(locator, { readableId: c.readable_id, integrationId: c.integration_id }));
	const first = await read(1);
	const exact = matching(first);
	if (exact.length > 0 || first.length === 0) return exact;
	const second = await read(2);
	if (second.length === 0) return [];
	const more = matching(second);
	if (more.length > 0) return more;
	throw new NodeOperationError(this.getNode(), `Case Status did not filter its cases by ${words} ${locator.value}`, {
		description: `Asked for the case with ${words} ${locator.value}, Case Status sent other cases (e.g. ${first
			.slice(0, 3)
			.map((c) => c.readable_id)
			.join(', ')}). Nothing was changed, so no wrong case is touched. Check the base URL in the credential, or pick the case by its ID.`,
		itemIndex,
	});
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
		const found = await caseStatusRequest<CsCaseRecord>(
			this,
			{ method: 'GET', path: caseStatusEndpoints.case(locator.value) },
			{ action: `get case ${locator.value}`, itemIndex, notFound },
		);
		if (!isLocatedCase(locator, { caseId: found?.id })) {
			throw new NodeOperationError(this.getNode(), `Case Status answered with case ${found?.id} when asked for case ${locator.value}`, {
				description: 'Nothing was changed, so no wrong case is touched. Check the base URL in the credential (a proxy may be rewriting requests).',
				itemIndex,
			});
		}
		return found;
	}
	const cases = await findCasesBy.call(this, itemIndex, { mode: locator.mode, value: locator.value });
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
