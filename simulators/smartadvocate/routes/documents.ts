/** Document routes: list per case (query paging), modified-date search, content download, upload. */
import { SimError, type Route, type SimRequest } from '../../shared/http';
import { dateFormat, nowMs, type SaContext } from '../context';
import { parseSaDate } from '../dates';
import { parseMultipart, type MultipartPart } from '../multipart';
import { applySorts, caseIDsOf, inWindow, pageEnvelope, readDatePagedQuery, type SortKeys } from '../paging';
import { bare, isJson, jsonObject, queryInt, routeInt, unsupportedMediaType, validationProblem } from '../request';
import { DEFAULT_CATEGORY, DEFAULT_FOLDER, fileExtension } from '../seed';
import { documentToApi } from '../serialize';
import type { SaCase, SaDocument } from '../state';
import { BASE, authorized } from './auth';
import { caseOr404 } from './cases';

export const DEFAULT_DOCUMENTS_PAGE_SIZE = 200;

export interface NewDocument {
	fileName: string;
	contentType: string;
	content: Buffer;
	documentName?: string;
	description?: string;
	folder?: string;
	categoryName?: string;
	documentDate?: number;
	isSharedInPortal?: boolean;
	isSharedWithEveryoneInPortal?: boolean;
	userID: number;
	createdDate?: number;
}

/** Stores a document; the category must exist (validated by the caller). */
export function storeDocument(ctx: SaContext, c: SaCase, input: NewDocument): SaDocument {
	const { state } = ctx;
	const created = input.createdDate ?? nowMs(ctx);
	const category = state.categoryByName(input.categoryName ?? DEFAULT_CATEGORY) ?? state.categoryByName(DEFAULT_CATEGORY)!;
	const doc: SaDocument = {
		documentID: state.next.documentID,
		caseID: c.caseID,
		documentName: input.documentName || input.fileName,
		description: input.description ?? '',
		comments: '',
		docType: fileExtension(input.fileName),
		createdUserID: input.userID,
		createdDate: created,
		modifiedUserID: input.userID,
		modifiedDate: created,
		documentDate: input.documentDate ?? created,
		categoryID: category.categoryID,
		subCategoryID: null,
		documentFolder: input.folder || DEFAULT_FOLDER,
		isSharedInPortal: input.isSharedInPortal ?? false,
		isSharedWithEveryoneInPortal: input.isSharedWithEveryoneInPortal ?? false,
		contentType: input.contentType,
		content: input.content,
	};
	state.addDocument(doc);
	return doc;
}

const DOCUMENT_SORTS: SortKeys<SaDocument> = {
	documentID: (d) => d.documentID,
	caseID: (d) => d.caseID,
	documentName: (d) => d.documentName,
	documentDate: (d) => d.documentDate,
	createdDate: (d) => d.createdDate,
	modifiedDate: (d) => d.modifiedDate,
	categoryID: (d) => d.categoryID,
	documentFolder: (d) => d.documentFolder,
};

/** `attachment; filename="…"; filename*=UTF-8''…`, with an ASCII fallback name like ASP.NET's File(). */
function contentDisposition(fileName: string): string {
	const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '\\$&');
	const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
	return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

function downloadName(doc: SaDocument): string {
	return fileExtension(doc.documentName) || !doc.docType ? doc.documentName : `${doc.documentName}${doc.docType}`;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Reads an upload sent as multipart/form-data (field `file`) or as JSON with `fileBase64`. */
function readUpload(ctx: SaContext, req: SimRequest, userID: number): NewDocument {
	const errors: Record<string, string[]> = {};
	const fmt = dateFormat(ctx);
	let fields: Map<string, string>;
	let file: { fileName: string; contentType: string; content: Buffer } | undefined;

	if (/^multipart\/form-data\b/i.test(req.headers['content-type'] ?? '')) {
		const parts = parseMultipart(req.rawBody, req.headers['content-type']);
		if (!parts) throw validationProblem({ '': ['Failed to read the request form. The multipart body is malformed.'] });
		fields = new Map(parts.filter((p) => p.filename === undefined).map((p) => [p.name.toLowerCase(), p.data.toString('utf8')]));
		const part: MultipartPart | undefined = parts.find((p) => p.filename !== undefined && p.name.toLowerCase() === 'file');
		if (part) file = { fileName: part.filename!, contentType: part.contentType ?? 'application/octet-stream', content: Buffer.from(part.data) };
	} else if (isJson(req)) {
		const body = jsonObject(req);
		fields = new Map();
		for (const name of ['documentName', 'description', 'folder', 'categoryName', 'documentDate', 'contentType']) {
			const value = body.string(name);
			if (typeof value === 'string') fields.set(name.toLowerCase(), value);
		}
		for (const name of ['isSharedInPortal', 'isSharedWithEveryoneInPortal']) {
			const value = body.bool(name);
			if (typeof value === 'boolean') fields.set(name.toLowerCase(), String(value));
		}
		const base64 = body.string('fileBase64');
		body.throwIfInvalid();
		const compact = base64?.replace(/\s+/g, '') ?? '';
		if (base64 && (!BASE64.test(compact) || compact.length % 4 !== 0)) {
			throw validationProblem({ FileBase64: ['The FileBase64 field is not valid base64.'] });
		}
		const name = fields.get('documentname');
		if (base64 !== undefined && base64 !== null) {
			if (!name) throw validationProblem({ DocumentName: ['The DocumentName field is required.'] });
			file = { fileName: name, contentType: fields.get('contenttype') ?? 'application/octet-stream', content: Buffer.from(compact, 'base64') };
		}
	} else throw unsupportedMediaType();

	if (!file) errors.File = ['The File field is required.'];
	else if (file.content.length === 0) errors.File = ['The file is empty.'];
	const categoryName = fields.get('categoryname');
	if (categoryName && !ctx.state.categoryByName(categoryName)) errors.CategoryName = [`Category '${categoryName}' does not exist.`];
	const documentDateText = fields.get('documentdate');
	const documentDate = documentDateText ? parseSaDate(documentDateText, fmt) : undefined;
	if (documentDate === null) errors.DocumentDate = [`The value '${documentDateText}' is not valid for DocumentDate.`];
	const flag = (name: string) => {
		const value = fields.get(name.toLowerCase());
		if (value === undefined || value === '') return undefined;
		if (/^(true|on)$/i.test(value)) return true;
		if (/^false$/i.test(value)) return false;
		errors[name.charAt(0).toUpperCase() + name.slice(1)] = [`The value '${value}' is not valid for ${name}.`];
		return undefined;
	};
	const isSharedInPortal = flag('isSharedInPortal');
	const isSharedWithEveryoneInPortal = flag('isSharedWithEveryoneInPortal');
	if (Object.keys(errors).length > 0) throw validationProblem(errors);

	return {
		...file!,
		documentName: fields.get('documentname') || undefined,
		description: fields.get('description'),
		folder: fields.get('folder') || undefined,
		categoryName: categoryName || undefined,
		documentDate: documentDate ?? undefined,
		isSharedInPortal,
		isSharedWithEveryoneInPortal,
		userID,
	};
}

export function documentRoutes(ctx: SaContext): Route[] {
	const toApi = (d: SaDocument) => documentToApi(ctx, d);
	return [
		{
			method: 'POST',
			pattern: `${BASE}/case/documents/byDatePaged`,
			handler: authorized(ctx, (req) => {
				const q = readDatePagedQuery(ctx, req, Object.keys(DOCUMENT_SORTS));
				const caseIDs = caseIDsOf(ctx, q);
				const matching = ctx.state
					.byModified('documents')
					.filter((d) => inWindow(q, d.modifiedDate) && (q.caseNumbers.size === 0 || caseIDs.has(d.caseID)));
				return { status: 200, body: pageEnvelope(applySorts(matching, q.sorts, DOCUMENT_SORTS), q, ctx.settings.envelope, toApi) };
			}),
		},
		{
			method: 'GET',
			pattern: `${BASE}/case/document/{documentID}/content`,
			handler: authorized(ctx, (req) => {
				const doc = ctx.state.documents.get(routeInt(req.params.documentID));
				if (!doc) throw bare(404);
				return {
					status: 200,
					headers: {
						'content-type': ctx.settings.realContentType ? doc.contentType : 'application/octet-stream',
						'content-disposition': contentDisposition(downloadName(doc)),
					},
					body: doc.content,
				};
			}),
		},
		{
			method: 'GET',
			pattern: `${BASE}/case/{caseID}/documents`,
			handler: authorized(ctx, (req) => {
				const c = caseOr404(ctx, req.params.caseID);
				const currentPage = queryInt(req, 'currentPage', 0);
				const pageSize = queryInt(req, 'pageSize', DEFAULT_DOCUMENTS_PAGE_SIZE);
				const errors: Record<string, string[]> = {};
				if (currentPage < 0) errors.currentPage = ['The field currentPage must be between 0 and 2147483647.'];
				if (pageSize < 1) errors.pageSize = ['The field pageSize must be between 1 and 2147483647.'];
				if (Object.keys(errors).length > 0) throw validationProblem(errors);
				const start = currentPage * pageSize;
				const documents = ctx.settings.ignoreFilters
					? [...ctx.state.documents.values()].sort((a, b) => a.documentID - b.documentID)
					: ctx.state.documentsOf(c.caseID);
				return { status: 200, body: documents.slice(start, start + pageSize).map(toApi) };
			}),
		},
		{
			method: 'POST',
			pattern: `${BASE}/case/{caseID}/documents`,
			handler: authorized(ctx, (req, user) => {
				if (!ctx.settings.permissions.canUploadDocument) throw bare(403);
				const c = caseOr404(ctx, req.params.caseID);
				if (req.rawBody.length > ctx.settings.maxUploadBytes) throw new SimError(413);
				const doc = storeDocument(ctx, c, readUpload(ctx, req, user.userID));
				return { status: 201, body: toApi(doc) };
			}),
		},
	];
}
