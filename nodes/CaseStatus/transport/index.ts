import { createHmac, randomBytes } from 'crypto';
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestMethods, IHttpRequestOptions } from 'n8n-workflow';

import { bareCaseStatusApiKey, caseStatusApiRoot } from '../../shared/baseUrl';
import { withMultipartBody, type MultipartBody } from '../../shared/multipart';
import { readAllPages } from '../../shared/paging';
import { oncePerNodeRun } from '../../shared/perNodeRun';
import {
	credentialForRun,
	serviceRequest,
	type CallDescription,
	type ServiceConnection,
	type ServiceContext,
	type ServiceProfile,
} from '../../shared/serviceRequest';
import { DEFAULT_FILE_TIMEOUT_SECONDS, DEFAULT_TIMEOUT_SECONDS, timeoutMs } from '../../shared/timeouts';
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

interface CaseStatusConnection extends ServiceConnection {
	fileTimeoutMs: number;
}

/** Where Case Status is and how long to wait for it, from the Case Status API credential. */
export function caseStatusConnection(credentials: ICredentialDataDecryptedObject): CaseStatusConnection {
	return {
		apiRoot: caseStatusApiRoot(credentials.environment as string, credentials.baseUrl as string),
		secrets: [bareCaseStatusApiKey(credentials.apiKey as string)],
		timeoutMs: timeoutMs(credentials.timeoutSeconds, DEFAULT_TIMEOUT_SECONDS),
		fileTimeoutMs: timeoutMs(credentials.fileTimeoutSeconds, DEFAULT_FILE_TIMEOUT_SECONDS),
	};
}

/**
 * The credential is read once per node run: a sync makes thousands of calls with the same key and
 * address, and n8n decrypts the credential on every read (its request helper is handed this one).
 */
const connectionOnce = oncePerNodeRun<CaseStatusConnection>();

async function connectionForRun(ctx: ServiceContext): Promise<CaseStatusConnection> {
	return await connectionOnce(ctx, async () => {
		const credentials = await ctx.getCredentials(caseStatusProfile.credentialType);
		return { ...caseStatusConnection(credentials), credential: credentialForRun(ctx, caseStatusProfile.credentialType, credentials) };
	});
}

/** A key of this process only, so a hashed API key kept in memory cannot be looked up elsewhere. */
const ACCOUNT_HASH_KEY = randomBytes(32);

/**
 * Which Case Status account the credential of this node run names: its API root and its API key,
 * hashed (never kept in clear), e.g. to keep two accounts' data apart even behind one credential.
 */
export async function caseStatusAccountForRun(ctx: ServiceContext): Promise<{ apiRoot: string; keyHash: string }> {
	const connection = await connectionForRun(ctx);
	const keyHash = createHmac('sha256', ACCOUNT_HASH_KEY).update(connection.secrets[0] ?? '').digest('base64');
	return { apiRoot: connection.apiRoot, keyHash };
}

const isJsonBody = (body: unknown) =>
	body === undefined || Array.isArray(body) || (!!body && typeof body === 'object' && Object.getPrototypeOf(body) === Object.prototype);

/** One Case Status call, JSON in and out, retried and explained by serviceRequest. */
export async function caseStatusRequest<T = unknown>(
	ctx: ServiceContext,
	call: CaseStatusCall,
	description: CallDescription,
): Promise<T> {
	const connection = await connectionForRun(ctx);
	const json = isJsonBody(call.body);
	const options: IHttpRequestOptions = {
		method: call.method,
		url: `${connection.apiRoot}${call.path}`,
		qs: call.qs,
		headers: call.headers,
		body: call.body,
		json,
		// A file upload gets the longer file timeout.
		timeout: json && !call.upload ? connection.timeoutMs : connection.fileTimeoutMs,
	};
	if (call.upload) withMultipartBody(options, call.upload);
	return await serviceRequest<T>(ctx, caseStatusProfile, options, description, connection);
}

/** What Case Status serves when a list is asked without `size`. */
const DEFAULT_SERVER_PAGE_SIZE = 10;
/** Case Status serves at most this many items per page. */
const MAX_PAGE_SIZE = 100;
/**
 * Every item of a Case Status list, page by page (`page[number]` from 1, `size`), stopping at
 * `limit`, at a short page, or at a page with nothing new; pages after the first are read several
 * at a time (readAllPages). `/v1/api/*` lists are bare arrays; `/reporting/*` wrap `results`.
 * `keep` filters each page as it arrives, so Limit counts kept items and paging stops once enough
 * are kept.
 */
export async function caseStatusListAll(
	ctx: ServiceContext,
	path: string,
	options: { limit?: number; pageSize?: number; qs?: IDataObject; keep?: (item: IDataObject) => boolean },
	description: CallDescription,
): Promise<IDataObject[]> {
	const size = Math.min(options.pageSize ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);
	// Case Status's default page is 10 and the verified connector never sends `size` on /v1/api
	// lists, so a server may ignore it: a first page of exactly 10 then means "keep going", and
	// later pages are compared with the size the server actually served.
	let servedPageSize: number | undefined;
	return await readAllPages(
		ctx,
		caseStatusProfile.name,
		description,
		async (pageIndex) => {
			const response = await caseStatusRequest<unknown>(
				ctx,
				{ method: 'GET', path, qs: { ...(options.qs ?? {}), 'page[number]': pageIndex + 1, size } },
				description,
			);
			const wrapped = response as { results?: IDataObject[]; next?: string | null } | undefined;
			const records = Array.isArray(response) ? (response as IDataObject[]) : (wrapped?.results ?? []);
			if (!Array.isArray(response) && wrapped && 'next' in wrapped) return { records, last: !wrapped.next };
			// Set by the first page: readAllPages reads it alone, before any other.
			servedPageSize ??= records.length === DEFAULT_SERVER_PAGE_SIZE ? records.length : size;
			return { records, last: records.length < servedPageSize };
		},
		{ limit: options.limit, keep: options.keep },
	);
}
