/**
 * What went wrong with one HTTP call, read from whatever n8n threw (a NodeApiError wrapping an
 * axios error, a bare axios error, or a network error). Only status, headers, body and code are
 * kept — never the request config, which carries the Authorization header.
 */
export interface HttpFailure {
	/** HTTP status, or undefined when no response arrived (network error, timeout). */
	status?: number;
	headers: Record<string, string>;
	body: unknown;
	/** Network error code such as ECONNREFUSED or ETIMEDOUT. */
	code?: string;
	/** The original message, for the rare failure that is neither HTTP nor network. */
	message: string;
}

interface ResponseLike {
	status?: number;
	statusCode?: number;
	headers?: Record<string, unknown>;
	data?: unknown;
	body?: unknown;
}

/** The parts of a thrown value that are read here; any of them may be missing. */
interface ThrownLike {
	cause?: ThrownLike;
	response?: unknown;
	code?: unknown;
	httpCode?: unknown;
	message?: unknown;
	context?: { data?: unknown };
}

function findResponse(error: ThrownLike | undefined): ResponseLike | undefined {
	for (const candidate of [error?.cause?.response, error?.response, error?.cause?.cause?.response]) {
		if (candidate && typeof candidate === 'object') return candidate as ResponseLike;
	}
	return undefined;
}

function lowerCaseHeaders(headers: Record<string, unknown> | undefined): Record<string, string> {
	const result: Record<string, string> = {};
	for (const [key, value] of Object.entries(headers ?? {})) {
		if (value !== undefined && value !== null) result[key.toLowerCase()] = String(value);
	}
	return result;
}

function decodeBody(body: unknown): unknown {
	// A streamed download's error body is a stream: not read (the status says enough), only closed.
	if (body && typeof body === 'object' && typeof (body as { pipe?: unknown }).pipe === 'function') {
		(body as { destroy?: () => void }).destroy?.();
		return undefined;
	}
	// Binary requests (arraybuffer) come back as bytes even when the server sent a JSON error.
	const bytes = Buffer.isBuffer(body) ? body : body instanceof ArrayBuffer ? Buffer.from(body) : undefined;
	if (!bytes) return body;
	const text = bytes.toString('utf8');
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

export function readHttpFailure(thrown: unknown): HttpFailure {
	const error = thrown as ThrownLike | undefined;
	const response = findResponse(error);
	const rawStatus =
		response?.status ?? response?.statusCode ?? (error?.httpCode ? Number(error.httpCode) : undefined);
	const status = Number.isFinite(rawStatus) ? Number(rawStatus) : undefined;
	const code = error?.cause?.code ?? error?.code ?? error?.cause?.cause?.code;
	return {
		status,
		headers: lowerCaseHeaders(response?.headers),
		body: decodeBody(response?.data ?? response?.body ?? error?.context?.data),
		code: typeof code === 'string' ? code : undefined,
		message: String(error?.message ?? error),
	};
}

/** The failure an HTTP error answer describes, read from n8n's full response (`returnFullResponse`). */
export function failureOfResponse(response: { statusCode: number; headers?: Record<string, unknown>; body?: unknown }): HttpFailure {
	return {
		status: response.statusCode,
		headers: lowerCaseHeaders(response.headers),
		body: decodeBody(response.body),
		message: `HTTP ${response.statusCode}`,
	};
}
