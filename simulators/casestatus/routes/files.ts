/* eslint-disable @n8n/community-nodes/require-node-api-error -- runs in Node, never in n8n (eslint.dev.config.mjs) */
/** Files: the verified list (with proposed filters), one file, and a multipart upload to a case. */
import { SimError, type Route } from '../../shared/http';
import { authorized } from '../auth';
import { nowMs, type CsContext } from '../context';
import { filtered, listQuery, readChoice, readTimeBound, timeOrderedRecords } from '../listing';
import { MultipartError, multipartBoundary, parseMultipart, type MultipartPart } from '../multipart';
import { readPage, takePage } from '../paging';
import { caseFromBody, fieldError, notFound, positiveId } from '../request';
import { fileToApi } from '../serialize';
import type { CsCase, CsFile, CsUser } from '../state';

export const UPLOADERS = ['client', 'staff'] as const;

const CONTENT_TYPES: Record<string, string> = {
	pdf: 'application/pdf',
	png: 'image/png',
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	gif: 'image/gif',
	heic: 'image/heic',
	txt: 'text/plain',
	doc: 'application/msword',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** A part's own Content-Type unless it is the generic one, else a guess from the extension. */
export function contentTypeFor(fileName: string, declared: string | undefined): string {
	if (declared && declared !== 'application/octet-stream') return declared;
	const ext = fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase();
	return CONTENT_TYPES[ext] ?? 'application/octet-stream';
}

export interface NewFile {
	fileName: string;
	contentType: string;
	bytes: Buffer;
	uploader: CsUser | undefined;
	kind: 'client' | 'staff';
	createdAt?: number;
}

export function createFile(ctx: CsContext, c: CsCase, input: NewFile): CsFile {
	const { state } = ctx;
	const at = input.createdAt ?? nowMs(ctx);
	return state.addFile({
		id: state.next.file,
		case_id: c.id,
		file_name: input.fileName,
		content_type: input.contentType,
		bytes: input.bytes,
		created_at: at,
		updated_at: at,
		uploader_id: input.uploader?.id ?? null,
		uploader_kind: input.kind,
	});
}

function formParts(ctx: CsContext, contentType: string | undefined, body: Buffer): MultipartPart[] {
	let boundary: string | null;
	try {
		boundary = multipartBoundary(contentType);
		if (boundary === null) {
			throw new SimError(415, { detail: `Unsupported media type "${contentType ?? ''}" in request.` });
		}
		if (body.length > ctx.settings.maxUploadBytes) {
			throw fieldError(413, 'file', `File too large. The limit is ${ctx.settings.maxUploadBytes} bytes.`);
		}
		return parseMultipart(body, boundary);
	} catch (error) {
		if (error instanceof MultipartError) throw fieldError(400, 'file', `Multipart form parse error - ${error.message}`);
		throw error;
	}
}

export function fileRoutes(ctx: CsContext): Route[] {
	return [
		{
			method: 'GET',
			pattern: '/v1/api/files',
			handler: authorized(ctx, (req) => {
				const paging = readPage(ctx, req, 'api');
				const uploadedBy = readChoice(req.query, 'uploaded_by', UPLOADERS);
				const after = readTimeBound(req.query, 'created_after');
				const { state } = ctx;
				const records = timeOrderedRecords(state, listQuery(ctx, req.query), state.fileOrder, (id) => state.caseFiles(id), after);
				const page = takePage(uploadedBy ? filtered(records, (f) => f.uploader_kind === uploadedBy) : records, paging);
				return { status: 200, body: page.map((f) => fileToApi(ctx, f)) };
			}),
		},
		{
			method: 'GET',
			pattern: '/v1/api/files/{id}',
			handler: authorized(ctx, (req) => {
				const id = positiveId(req.params.id);
				const file = id === null ? undefined : ctx.state.files.get(id);
				if (!file) throw notFound();
				return { status: 200, body: fileToApi(ctx, file) };
			}),
		},
		{
			method: 'POST',
			pattern: '/v1/api/files',
			handler: authorized(ctx, (req) => {
				const { state } = ctx;
				const parts = formParts(ctx, req.headers['content-type'], req.rawBody);
				const field = (name: string) => parts.find((p) => p.name === name && p.filename === undefined)?.data.toString('utf8');
				const file = parts.find((p) => p.name === 'file');
				if (!file) throw fieldError(400, 'file', 'No file was submitted.');
				if (!file.filename) throw fieldError(400, 'file', 'The submitted data was not a file. Check the encoding type on the form.');
				if (file.data.length === 0) throw fieldError(400, 'file', 'The submitted file is empty.');
				const c = caseFromBody(state, { case_id: field('case_id'), integration_id: field('integration_id'), readable_id: field('readable_id') });
				let uploader = state.users.get(c.primary_attorney_id);
				const email = field('uploaded_by_email')?.trim();
				if (email) {
					uploader = state.staffByEmail(email);
					if (!uploader) throw fieldError(422, 'uploaded_by_email', `Uploader not found: ${email}`);
				}
				// Some clients send a whole path as the filename; storage keeps the last segment.
				const fileName = file.filename.split(/[\\/]/).pop() || file.filename;
				const created = createFile(ctx, c, {
					fileName,
					contentType: contentTypeFor(fileName, file.contentType),
					bytes: file.data,
					uploader,
					kind: 'staff',
				});
				return { status: 201, body: fileToApi(ctx, created) };
			}),
		},
	];
}
