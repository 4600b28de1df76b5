import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { resolvePracticeArea } from '../caseSync/caseDiff';
import { fetchPracticeAreas } from '../v1/actions/common/practiceAreas';

/** Practice areas by name (the value Case Status matches on). */
export async function getPracticeAreas(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const areas = await fetchPracticeAreas(this);
	return areas
		.map((area) => ({
			name: area.name,
			value: area.name,
			description: area.integration_mappings?.length ? `Also matches: ${area.integration_mappings.join(', ')}` : undefined,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** Where the practice area sits for the current operation. */
const PRACTICE_AREA_COLLECTION: Record<string, string | undefined> = {
	create: undefined,
	upsert: 'additionalFields',
	update: 'updateFields',
	getAll: 'filters',
};

/** Stages of the chosen practice area in their order, or every stage name when none is chosen. */
export async function getStages(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const operation = this.getCurrentNodeParameter('operation') as string | undefined;
	const collectionName = PRACTICE_AREA_COLLECTION[operation ?? ''];
	const value = collectionName
		? ((this.getCurrentNodeParameter(collectionName) ?? {}) as IDataObject).practiceArea
		: this.getCurrentNodeParameter('practiceArea');
	const chosen = typeof value === 'string' ? value : '';
	const areas = await fetchPracticeAreas(this);
	const area = chosen ? resolvePracticeArea(chosen, areas) : undefined;
	if (area) {
		return area.stages.map((stage) => ({ name: stage.name, value: stage.name, description: stage.description || undefined }));
	}
	const byName = new Map<string, string[]>();
	for (const candidate of areas) {
		for (const stage of candidate.stages) byName.set(stage.name, [...(byName.get(stage.name) ?? []), candidate.name]);
	}
	return [...byName.entries()].map(([name, inAreas]) => ({ name, value: name, description: `In ${inAreas.join(', ')}` }));
}
