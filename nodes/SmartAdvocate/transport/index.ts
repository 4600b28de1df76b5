import type { IDataObject, IHttpRequestMethods, IHttpRequestOptions } from 'n8n-workflow';

import { smartAdvocateApiRoot } from '../../shared/baseUrl';
import { withMultipartBody, type MultipartBody } from '../../shared/multipart';
import { serviceRequest, type CallDescription, type ServiceContext, type ServiceProfile } from '../../shared/serviceRequest';
import { smartAdvocateEndpoints } from './endpoints';

export { smartAdvocateEndpoints };

/** Reads the reason out of SmartAdvocate's error bodies: ASP.NET problem+json, `{message}`, or text. */
function reasonFromBody(body: unknown): string | undefined {
	if (typeof body === 'string') return body.trim() ? body.trim().slice(0, 300) : undefined;
	if (!body || typeof body !== 'object') return undefined;
	const problem = body as { title?: string; message?: string; errors?: Record<string, string[] | string> };
	if (problem.errors && typeof problem.errors === 'object') {
		const details = Object.entries(problem.errors)
			.map(([field, messages]) => `${field}: ${([] as string[]).concat(messages).join(' ')}`)
			.join('; ');
		if (details) return details;
	}
	return problem.message ?? problem.title;
}

export const smartAdvocateProfile: ServiceProfile = {
	name: 'SmartAdvocate',
	credentialType: 'smartAdvocateApi',
	credentialName: 'SmartAdvocate API',
	reasonFromBody,
	authHint:
		'Check the username and password in the SmartAdvocate API credential, and that this SmartAdvocate user is active and may use the API.',
};

export interface SmartAdvocateCall {
	method: IHttpRequestMethods;
	/** A path from smartAdvocateEndpoints. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[] | Buffer;
	/** A multipart/form-data body (document upload), sent instead of `body`. */
	upload?: MultipartBody;
	headers?: IDataObject;
	/** Download raw bytes (document content): the full response, its body a stream. */
	binary?: boolean;
}

async function secretsAndRoot(ctx: ServiceContext) {
	const credentials = await ctx.getCredentials(smartAdvocateProfile.credentialType);
	return {
		root: smartAdvocateApiRoot(credentials.baseUrl as string),
		secrets: [credentials.password, credentials.sessionToken].filter((s): s is string => typeof s === 'string'),
	};
}

/** One CaseSync call: JSON in and out (or bytes with `binary`), retried and explained by serviceRequest. */
export async function smartAdvocateRequest<T = unknown>(
	ctx: ServiceContext,
	call: SmartAdvocateCall,
	description: CallDescription,
): Promise<T> {
	const { root, secrets } = await secretsAndRoot(ctx);
	const options: IHttpRequestOptions = {
		method: call.method,
		url: `${root}/${call.path}`,
		qs: call.qs,
		headers: call.headers,
		body: call.body,
		json: !call.binary && !Buffer.isBuffer(call.body),
	};
	if (call.upload) withMultipartBody(options, call.upload);
	if (call.binary) {
		// A stream, so a large document goes to n8n's binary store without passing through memory.
		options.encoding = 'stream';
		options.returnFullResponse = true;
	}
	const send = async () => await serviceRequest<T>(ctx, smartAdvocateProfile, options, description, secrets);
	if (!call.upload?.streamed) return await send();
	// On a 401 n8n 2 logs in again and saves the new token, but does not resend a streamed body
	// (it cannot know the body can be read again), so the upload is sent once more here.
	// serviceRequest's failures are NodeApiErrors already: passed on as they are.
	return await send().catch(async (error: unknown) =>
		(error as { httpCode?: unknown }).httpCode === '401' ? await send() : await Promise.reject(error),
	);
}

/** A date window for the `…/byDatePaged` searches. Times are ISO-8601. */
export interface DateWindow {
	modifiedFrom: string;
	modifiedTo: string;
	caseNumbers?: string[];
	/** Extra body fields a search understands (e.g. includeClosed for cases). */
	extra?: IDataObject;
}

interface PagedEnvelope {
	records?: IDataObject[];
	documents?: IDataObject[];
	pageRequest?: { totalPages?: number };
}

/** SmartAdvocate's `byDatePaged` pages: a bare array, `{records}` or `{documents}` with `pageRequest`. */
export function recordsOfPage(response: unknown): { records: IDataObject[]; totalPages?: number } {
	if (Array.isArray(response)) return { records: response as IDataObject[] };
	const envelope = (response ?? {}) as PagedEnvelope;
	return {
		records: envelope.records ?? envelope.documents ?? [],
		totalPages: envelope.pageRequest?.totalPages,
	};
}

/** Largest page SmartAdvocate is known to serve on byDatePaged searches. */
const MAX_PAGE_SIZE = 1000;
/** A search returning more pages than this is looping, not paging. */
const MAX_PAGES = 10_000;

/**
 * Every record of a `byDatePaged` search in the window, oldest first, stopping at `limit`.
 * Paging stops at a short page, at `totalPages`, or at an empty page.
 */
export async function smartAdvocateByDatePaged(
	ctx: ServiceContext,
	path: string,
	window: DateWindow,
	options: { limit?: number; pageSize?: number },
	description: CallDescription,
): Promise<IDataObject[]> {
	const results: IDataObject[] = [];
	const limit = options.limit ?? Infinity;
	const pageSize = Math.min(options.pageSize ?? Math.min(limit, 500), MAX_PAGE_SIZE);
	for (let currentPage = 0; currentPage < MAX_PAGES && results.length < limit; currentPage++) {
		const response = await smartAdvocateRequest(
			ctx,
			{
				method: 'POST',
				path,
				body: {
					modifiedFromDateTime: window.modifiedFrom,
					modifiedToDateTime: window.modifiedTo,
					caseNumbers: window.caseNumbers ?? [],
					...(window.extra ?? {}),
					pageRequest: {
						currentPage,
						pageSize,
						filterExpression: {},
						sorts: [{ propertyPath: 'modifiedDate', sortDirection: 'Ascending' }],
					},
				},
			},
			description,
		);
		const { records, totalPages } = recordsOfPage(response);
		results.push(...records.slice(0, limit - results.length));
		const lastPage = records.length < pageSize || (totalPages !== undefined && currentPage + 1 >= totalPages);
		if (lastPage) break;
	}
	return results;
}

/** Every item of a `currentPage`/`pageSize` list (0-based pages), stopping at `limit`. */
export async function smartAdvocatePagedList(
	ctx: ServiceContext,
	path: string,
	options: { limit?: number; pageSize?: number; qs?: IDataObject },
	description: CallDescription,
): Promise<IDataObject[]> {
	const results: IDataObject[] = [];
	const limit = options.limit ?? Infinity;
	const pageSize = options.pageSize ?? 200;
	for (let currentPage = 0; currentPage < MAX_PAGES && results.length < limit; currentPage++) {
		const page = await smartAdvocateRequest<IDataObject[]>(
			ctx,
			{ method: 'GET', path, qs: { ...(options.qs ?? {}), currentPage, pageSize } },
			description,
		);
		const records = Array.isArray(page) ? page : [];
		results.push(...records.slice(0, limit - results.length));
		if (records.length < pageSize) break;
	}
	return results;
}
