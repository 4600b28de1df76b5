import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestMethods, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { smartAdvocateApiRoot } from '../../shared/baseUrl';
import { withMultipartBody, type MultipartBody } from '../../shared/multipart';
import { readAllPages, readByKeyset, type Page } from '../../shared/paging';
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
import { formatForSmartAdvocate, isKnownTimeZone, parseSmartAdvocateDate, serverTimesInBody, zoneServerDates } from '../helpers/dates';
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
	renewsSessionOn401: true,
	currentSecrets: async (ctx) => secretsOf(await ctx.getCredentials('smartAdvocateApi')),
};

function secretsOf(credentials: ICredentialDataDecryptedObject): string[] {
	return [credentials.password, credentials.sessionToken].filter((s): s is string => typeof s === 'string');
}

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

interface SmartAdvocateConnection extends ServiceConnection {
	fileTimeoutMs: number;
	/** The zone SmartAdvocate writes local times in (the credential's, else the workflow's). */
	timeZone: string;
}

/**
 * Per node run: the credential is read once, not once per call (n8n decrypts it on every read). One
 * that could not be read (or names an unknown time zone) is read again by the next call.
 */
const connectionOnce = oncePerNodeRun<SmartAdvocateConnection>();

async function connectionOf(ctx: ServiceContext, itemIndex?: number): Promise<SmartAdvocateConnection> {
	return await connectionOnce(ctx, async () => await readConnection(ctx, itemIndex));
}

async function readConnection(ctx: ServiceContext, itemIndex?: number): Promise<SmartAdvocateConnection> {
	const credentials = await ctx.getCredentials(smartAdvocateProfile.credentialType);
	const timeZone = String(credentials.timeZone ?? '').trim() || ctx.getTimezone();
	if (!isKnownTimeZone(timeZone)) {
		throw new NodeOperationError(ctx.getNode(), `The time zone "${timeZone}" of the SmartAdvocate API credential is not known`, {
			description: 'Enter the time zone of your SmartAdvocate server as an IANA name, e.g. America/New_York, or leave it empty to use the workflow\'s time zone.',
			itemIndex,
		});
	}
	return {
		apiRoot: smartAdvocateApiRoot(credentials.baseUrl as string),
		secrets: secretsOf(credentials),
		timeoutMs: timeoutMs(credentials.timeoutSeconds, DEFAULT_TIMEOUT_SECONDS),
		fileTimeoutMs: timeoutMs(credentials.fileTimeoutSeconds, DEFAULT_FILE_TIMEOUT_SECONDS),
		timeZone,
		credential: credentialForRun(ctx, smartAdvocateProfile.credentialType, credentials),
	};
}

const isJsonBody = (body: unknown) =>
	body === undefined || Array.isArray(body) || (!!body && typeof body === 'object' && Object.getPrototypeOf(body) === Object.prototype);

/**
 * One CaseSync call: JSON in and out (or bytes with `binary`), retried and explained by serviceRequest.
 * Dates go out in the server's time and come back with the server zone's offset where SmartAdvocate
 * left it out, so no caller ever reads a local time as UTC.
 */
export async function smartAdvocateRequest<T = unknown>(
	ctx: ServiceContext,
	call: SmartAdvocateCall,
	description: CallDescription,
): Promise<T> {
	const connection = await connectionOf(ctx, description.itemIndex);
	const json = !call.binary && isJsonBody(call.body);
	const options: IHttpRequestOptions = {
		method: call.method,
		url: `${connection.apiRoot}/${call.path}`,
		qs: call.qs,
		headers: call.headers,
		body: json ? serverTimesInBody(call.body, connection.timeZone) : call.body,
		json,
		// Documents travel in and out: they get the longer file timeout.
		timeout: json && !call.upload ? connection.timeoutMs : connection.fileTimeoutMs,
	};
	if (call.upload) withMultipartBody(options, call.upload);
	if (call.binary) {
		// A stream, so a large document goes to n8n's binary store without passing through memory.
		options.encoding = 'stream';
		options.returnFullResponse = true;
	}
	const send = async () => await serviceRequest<T>(ctx, smartAdvocateProfile, options, description, connection);
	// On a 401 n8n 2 logs in again and saves the new token, but does not resend a streamed body
	// (it cannot know the body can be read again), so a streamed upload is sent once more here.
	// serviceRequest's failures are NodeApiErrors already: passed on as they are.
	const answer = call.upload?.streamed
		? await send().catch(async (error: unknown) =>
				(error as { httpCode?: unknown }).httpCode === '401' ? await send() : await Promise.reject(error),
			)
		: await send();
	return call.binary ? answer : zoneServerDates(answer, connection.timeZone);
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

/** Options of the paged lists: `keep` filters each page as it arrives, so `limit` counts kept records. */
export interface PagingOptions {
	limit?: number;
	pageSize?: number;
	keep?: (record: IDataObject) => boolean;
}

/**
 * Every record of a `byDatePaged` search in the window, oldest first, stopping at `limit`.
 *
 * With `keyset` (the record's ID field), the search is sorted by modified date then ID and each
 * page is asked from the modified date of the last record read (readByKeyset), so a case staff
 * edit during the read cannot shift another past the pages already read; every record comes once.
 * Without it, or from a later `firstPage` (0-based, a workflow reading a large window in slices),
 * pages go by number, several at a time (readAllPages), never past `totalPages`. Either way paging
 * stops at a short page or a page with nothing new. The search is a POST that only reads, so it is
 * retried like a GET.
 */
export async function smartAdvocateByDatePaged(
	ctx: ServiceContext,
	path: string,
	window: DateWindow,
	options: PagingOptions & { firstPage?: number; keyset?: { idField: string } },
	description: CallDescription,
): Promise<IDataObject[]> {
	const limit = options.limit ?? Infinity;
	const pageSize = Math.min(options.pageSize ?? Math.min(options.keep ? 500 : limit, 500), MAX_PAGE_SIZE);
	const firstPage = options.firstPage ?? 0;
	const sorts = [{ propertyPath: 'modifiedDate', sortDirection: 'Ascending' }];
	if (options.keyset) sorts.push({ propertyPath: options.keyset.idField, sortDirection: 'Ascending' });
	const readPage = async (modifiedFrom: string, currentPage: number): Promise<Page> => {
		const response = await smartAdvocateRequest(
			ctx,
			{
				method: 'POST',
				path,
				body: {
					modifiedFromDateTime: modifiedFrom,
					modifiedToDateTime: window.modifiedTo,
					caseNumbers: window.caseNumbers ?? [],
					...(window.extra ?? {}),
					pageRequest: { currentPage, pageSize, filterExpression: {}, sorts },
				},
			},
			{ ...description, readOnly: true },
		);
		const { records, totalPages } = recordsOfPage(response);
		return {
			records,
			last: records.length < pageSize || (totalPages !== undefined && currentPage + 1 >= totalPages),
			// Counted from this read's first page, so that no page past the end is requested.
			totalPages: totalPages === undefined ? undefined : totalPages - firstPage,
		};
	};
	if (options.keyset && firstPage === 0) {
		const idField = options.keyset.idField;
		return await readByKeyset(
			ctx,
			smartAdvocateProfile.name,
			description,
			async (start) => await readPage(start.from ?? window.modifiedFrom, start.pageAtFrom),
			(record) => {
				const modified = parseSmartAdvocateDate(record.modifiedDate);
				if (!modified || record[idField] === undefined || record[idField] === null) return undefined;
				// A millisecond early, so the next page has the records of that time whether the server's start is inclusive or not.
				return { id: String(record[idField]), ms: modified.ms, next: (ms) => formatForSmartAdvocate(ms - 1, modified.naive) };
			},
			{ limit, keep: options.keep },
		);
	}
	return await readAllPages(
		ctx,
		smartAdvocateProfile.name,
		description,
		async (pageIndex) => await readPage(window.modifiedFrom, firstPage + pageIndex),
		{ limit, keep: options.keep },
	);
}

/**
 * Every item of a `currentPage`/`pageSize` list (0-based pages), stopping at `limit` or a short
 * page; pages after the first are read several at a time (readAllPages).
 */
export async function smartAdvocatePagedList(
	ctx: ServiceContext,
	path: string,
	options: PagingOptions & { qs?: IDataObject },
	description: CallDescription,
): Promise<IDataObject[]> {
	const pageSize = options.pageSize ?? 200;
	return await readAllPages(
		ctx,
		smartAdvocateProfile.name,
		description,
		async (currentPage) => {
			const page = await smartAdvocateRequest<IDataObject[]>(
				ctx,
				{ method: 'GET', path, qs: { ...(options.qs ?? {}), currentPage, pageSize } },
				description,
			);
			const records = Array.isArray(page) ? page : [];
			return { records, last: records.length < pageSize };
		},
		{ limit: options.limit, keep: options.keep },
	);
}
