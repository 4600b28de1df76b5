/** Users of the firm: staff (admin, attorney, paralegal, support) and clients, filterable by role and e-mail. */
import type { Route } from '../../shared/http';
import { authorized } from '../auth';
import type { CsContext } from '../context';
import { filtered, readChoice } from '../listing';
import { readPage, takePage } from '../paging';
import { notFound, positiveId } from '../request';
import { userToApi } from '../serialize';
import { ALL_ROLES } from '../state';

export function userRoutes(ctx: CsContext): Route[] {
	return [
		{
			method: 'GET',
			pattern: '/v1/api/users',
			handler: authorized(ctx, (req) => {
				const paging = readPage(ctx, req, 'api');
				const role = readChoice(req.query, 'role', ALL_ROLES);
				const email = req.query.get('email')?.trim().toLowerCase();
				// Users are created with increasing IDs, so the Map's insertion order is ID order.
				const users = filtered(
					ctx.state.users.values(),
					(u) => (!role || u.role === role) && (email === undefined || (u.email ?? '').toLowerCase() === email),
				);
				return { status: 200, body: takePage(users, paging).map(userToApi) };
			}),
		},
		{
			method: 'GET',
			pattern: '/v1/api/users/{id}',
			handler: authorized(ctx, (req) => {
				const id = positiveId(req.params.id);
				const user = id === null ? undefined : ctx.state.users.get(id);
				if (!user) throw notFound();
				return { status: 200, body: userToApi(user) };
			}),
		},
	];
}
