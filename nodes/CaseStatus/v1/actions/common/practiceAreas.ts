import type { IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

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
const perRun = new WeakMap<object, Promise<CsPracticeAreaRecord[]>>();

export async function practiceAreasForRun(ctx: IExecuteFunctions, itemIndex: number): Promise<CsPracticeAreaRecord[]> {
	let pending = perRun.get(ctx);
	if (!pending) {
		pending = fetchPracticeAreas(ctx, { itemIndex });
		perRun.set(ctx, pending);
		// A failed fetch is not cached, so the next item tries again; an account without the list (404) keeps its answer.
		pending.catch((error: unknown) => {
			if (!(error instanceof NodeApiError && error.httpCode === '404')) perRun.delete(ctx);
		});
	}
	return await pending;
}
