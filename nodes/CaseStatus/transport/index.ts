import type { IDataObject, IHttpRequestMethods, IHttpRequestOptions } from 'n8n-workflow';

import { bareCaseStatusApiKey, caseStatusApiRoot } from '../../shared/baseUrl';
import { withMultipartBody, type MultipartBody } from '../../shared/multipart';
import { serviceRequest, type CallDescription, type ServiceContext, type ServiceProfile } from '../../shared/serviceRequest';
import { caseStatusEndpoints } from './endpoints';

export { caseStatusEndpoints };

/** Reads the reason out of Case Status error bodies: `{errors:[{field,message}]}`, `{detail}`, `{message}`. */
function reasonFromBody(body: unknown): string | undefined {
	if (typeof body === 'string') return body.trim() ? body.trim().slice(0, 300) : undefined;
	if (!body || typeof body !== 'object') return undefined;
	const parsed = body as { errors?: Array<{ field?: string; message?: string }>; detail?: string; message?: string };
	if (Array.isArray(parsed.errors) && parsed.errors.length > 0) {
		return parsed.errors.map((e) => (e.field ? `${e.message} (${e.field})` : e.message)).join('; ');
	}
	return parsed.detail ?? parsed.message;
}

export const caseStatusProfile: ServiceProfile = {
	name: 'Case Status',
	credentialType: 'caseStatusApi',
	credentialName: 'Case Status API',
	reasonFromBody,
	authHint:
		'Check the API key and environment in the Case Status API credential. Case Status support issues the key for your firm.',
};

export interface CaseStatusCall {
	method: IHttpRequestMethods;
	/** A path from caseStatusEndpoints. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | Buffer;
	/** A multipart/form-data body (file upload), sent instead of `body`. */
	upload?: MultipartBody;
	headers?: IDataObject;
}

async function secretsAndRoot(ctx: ServiceContext) {
	const credentials = await ctx.getCredentials(caseStatusProfile.credentialType);
	return {
		root: caseStatusApiRoot(credentials.environment as string, credentials.baseUrl as string),
		secrets: [bareCaseStatusApiKey(credentials.apiKey as string)],
	};
}

/** One Case Status call, JSON in and out, retried and explained by serviceRequest. */
export async function caseStatusRequest<T = unknown>(
	ctx: ServiceContext,
	call: CaseStatusCall,
	description: CallDescription,
): Promise<T> {
	const { root, secrets } = await secretsAndRoot(ctx);
	const options: IHttpRequestOptions = {
		method: call.method,
		url: `${root}${call.path}`,
		qs: call.qs,
		headers: call.headers,
		body: call.body,
		json: !Buffer.isBuffer(call.body),
	};
	if (call.upload) withMultipartBody(options, call.upload);
	return await serviceRequest<T>(ctx, caseStatusProfile, options, description, secrets);
}

/** What Case Status serves when a list is asked without `size`. */
const DEFAULT_SERVER_PAGE_SIZE = 10;
/** Case Status serves at most this many items per page. */
const MAX_PAGE_SIZE = 100;
/** A list returning more pages than this is looping, not paging. */
const MAX_PAGES = 10_000;

/**
 * Every item of a Case Status list, page by page (`page[number]` from 1, `size`), stopping at
 * `limit` or at a short page. `/v1/api/*` lists are bare arrays; `/reporting/*` wrap `results`.
 */
export async function caseStatusListAll(
	ctx: ServiceContext,
	path: string,
	options: { limit?: number; pageSize?: number; qs?: IDataObject },
	description: CallDescription,
): Promise<IDataObject[]> {
	const results: IDataObject[] = [];
	const limit = options.limit ?? Infinity;
	const size = Math.min(options.pageSize ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);
	// Case Status's default page is 10 and the verified connector never sends `size` on /v1/api
	// lists, so a server may ignore it: a first page of exactly 10 then means "keep going", and
	// later pages are compared with the size the server actually served.
	let servedPageSize: number | undefined;
	for (let page = 1; page <= MAX_PAGES && results.length < limit; page++) {
		const response = await caseStatusRequest<unknown>(
			ctx,
			{ method: 'GET', path, qs: { ...(options.qs ?? {}), 'page[number]': page, size } },
			description,
		);
		const wrapped = response as { results?: IDataObject[]; next?: string | null } | undefined;
		const items = Array.isArray(response) ? (response as IDataObject[]) : (wrapped?.results ?? []);
		results.push(...items.slice(0, limit - results.length));
		if (!Array.isArray(response) && wrapped && 'next' in wrapped) {
			if (!wrapped.next) break;
			continue;
		}
		servedPageSize ??= items.length === DEFAULT_SERVER_PAGE_SIZE ? items.length : size;
		if (items.length === 0 || items.length < servedPageSize) break;
	}
	return results;
}
