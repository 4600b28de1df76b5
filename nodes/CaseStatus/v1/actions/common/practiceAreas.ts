import type { IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { oncePerNodeRun } from '../../../../shared/perNodeRun';
import type { CsPracticeAreaRecord } from '../../../helpers/records';
import { caseStatusEndpoints, caseStatusListAll } from '../../../transport';

/** Stages in the order clients see them (by position). */
export function orderStages(area: CsPracticeAreaRecord): CsPracticeAreaRecord {
	return { ...area, stages: [...(area.stages ?? [])].sort((a, b) => a.position - b.position || a.id - b.id) };
}

export async function fetchPracticeAreas(
	ctx: IExecuteFunctions | ILoadOptionsFunctions,
	options: { itemIndex?: number; limit?: number } = {},
): Promise<CsPracticeAreaRecord[]> {
	const areas = await caseStatusListAll(
		ctx,
		caseStatusEndpoints.practiceAreas(),
		{ limit: options.limit },
		{ action: 'get the practice areas', itemIndex: options.itemIndex },
	);
	return (areas as unknown as CsPracticeAreaRecord[]).map(orderStages);
}

/** One fetch per node run: every item of a sync compares against the same practice areas. */
// A failed fetch is read again by the next item; an account without the list (404) keeps its answer.
const practiceAreasOnce = oncePerNodeRun<CsPracticeAreaRecord[]>((error) => error instanceof NodeApiError && error.httpCode === '404');

export async function practiceAreasForRun(ctx: IExecuteFunctions, itemIndex: number): Promise<CsPracticeAreaRecord[]> {
	return await practiceAreasOnce(ctx, async () => await fetchPracticeAreas(ctx, { itemIndex }));
}
