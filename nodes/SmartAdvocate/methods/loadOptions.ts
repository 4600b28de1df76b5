/** Dropdown lists loaded from the firm's SmartAdvocate: note types, case types and case statuses. */
import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { smartAdvocateEndpoints, smartAdvocateRequest } from '../transport';
import { getNoteTypes as loadNoteTypes } from '../v1/actions/noteTypes';

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

export async function getNoteTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const types = await loadNoteTypes(this);
	return types.map((type) => ({ name: type.noteTypeName, value: type.noteTypeId })).sort(byName);
}

export async function getCaseTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const [types, groups] = await Promise.all([
		smartAdvocateRequest<IDataObject[]>(this, { method: 'GET', path: smartAdvocateEndpoints.caseTypes() }, { action: 'list the case types' }),
		smartAdvocateRequest<IDataObject[]>(this, { method: 'GET', path: smartAdvocateEndpoints.caseGroups() }, { action: 'list the case groups' }),
	]);
	const groupNames = new Map((Array.isArray(groups) ? groups : []).map((g) => [String(g.caseGroupID), String(g.caseGroup ?? '')]));
	return (Array.isArray(types) ? types : [])
		.map((type) => {
			const group = groupNames.get(String(type.caseGroupID));
			return {
				name: String(type.caseType ?? type.caseTypeID),
				value: Number(type.caseTypeID),
				description: group ? `Case group: ${group}` : undefined,
			};
		})
		.sort(byName);
}

export async function getCaseStatuses(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const stages = await smartAdvocateRequest<IDataObject[]>(
		this,
		{ method: 'GET', path: smartAdvocateEndpoints.caseStatuses() },
		{ action: 'list the case statuses' },
	);
	const options: INodePropertyOptions[] = [];
	for (const stage of Array.isArray(stages) ? stages : []) {
		for (const status of (stage.statuses as IDataObject[] | undefined) ?? []) {
			options.push({
				name: String(status.caseStatus ?? status.caseStatusID),
				value: Number(status.caseStatusID),
				description: stage.stageName ? `Stage: ${stage.stageName}` : undefined,
			});
		}
	}
	return options.sort(byName);
}
