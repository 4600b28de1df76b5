/** Practice areas with their ordered stages and integration mappings (what an import is matched against). */
import type { Route } from '../../shared/http';
import { authorized } from '../auth';
import type { CsContext } from '../context';
import { readPage, takePage } from '../paging';
import { notFound, positiveId } from '../request';
import { practiceAreaToApi } from '../serialize';

export function practiceAreaRoutes(ctx: CsContext): Route[] {
	return [
		{
			method: 'GET',
			pattern: '/v1/api/practice-areas',
			handler: authorized(ctx, (req) => {
				const paging = readPage(ctx, req, 'api');
				const areas = [...ctx.state.practiceAreas.values()].sort((a, b) => a.id - b.id);
				return { status: 200, body: takePage(areas, paging).map(practiceAreaToApi) };
			}),
		},
		{
			method: 'GET',
			pattern: '/v1/api/practice-areas/{id}',
			handler: authorized(ctx, (req) => {
				const id = positiveId(req.params.id);
				const area = id === null ? undefined : ctx.state.practiceAreas.get(id);
				if (!area) throw notFound();
				return { status: 200, body: practiceAreaToApi(area) };
			}),
		},
	];
}
