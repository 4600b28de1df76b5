/**
 * Reading requests the way an ASP.NET Core [ApiController] does: JSON property names and query names match
 * regardless of case, numbers may come as strings (System.Text.Json web defaults), booleans may not, and every
 * failure is a 400 `application/problem+json` with an `errors` map. Wrong content type on a JSON route is 415.
 */
import { randomBytes } from 'node:crypto';
import { SimError, type SimRequest } from '../shared/http';
import { parseSaDate, type DateFormat } from './dates';

const PROBLEM = { 'content-type': 'application/problem+json; charset=utf-8' };

export const traceId = () => `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-00`;

export function validationProblem(errors: Record<string, string[]>): SimError {
	return new SimError(
		400,
		{
			type: 'https://tools.ietf.org/html/rfc7231#section-6.5.1',
			title: 'One or more validation errors occurred.',
			status: 400,
			traceId: traceId(),
			errors,
		},
		PROBLEM,
	);
}

export function unsupportedMediaType(): SimError {
	return new SimError(
		415,
		{ type: 'https://tools.ietf.org/html/rfc7231#section-6.5.13', title: 'Unsupported Media Type', status: 415, traceId: traceId() },
		PROBLEM,
	);
}

/** An empty-bodied status (404, 403), as ASP.NET's NotFound()/Forbid() send. */
export const bare = (status: number) => new SimError(status);

export const isJson = (req: SimRequest) => /^application\/([\w.+-]*\+)?json\b/i.test(req.headers['content-type'] ?? '');

/** The JSON object body of a [FromBody] parameter. */
export function jsonObject(req: SimRequest): Fields {
	if (!isJson(req)) throw unsupportedMediaType();
	if (req.rawBody.length === 0) throw validationProblem({ '': ['A non-empty request body is required.'] });
	let value: unknown;
	try {
		value = JSON.parse(req.rawBody.toString('utf8'));
	} catch {
		throw validationProblem({ $: ['The JSON value could not be parsed. Path: $ | LineNumber: 0 | BytePositionInLine: 0.'] });
	}
	if (!value || typeof value !== 'object' || Array.isArray(value)) {
		throw validationProblem({ $: ['The JSON value could not be converted to the request model. Path: $'] });
	}
	return new Fields(value as Record<string, unknown>);
}

const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/** Case-insensitive, typed access to a JSON object; collects errors and throws them together. */
export class Fields {
	readonly errors: Record<string, string[]> = {};
	private readonly keys: Map<string, string>;

	constructor(
		readonly raw: Record<string, unknown>,
		/** JSON path of this object, for error keys. */
		private readonly path = '$',
	) {
		this.keys = new Map(Object.keys(raw).map((key) => [key.toLowerCase(), key]));
	}

	private keyOf(name: string) {
		return this.keys.get(name.toLowerCase());
	}

	/** Whether the property was sent (even as null). */
	has(name: string): boolean {
		return this.keyOf(name) !== undefined;
	}

	get(name: string): unknown {
		const key = this.keyOf(name);
		return key === undefined ? undefined : this.raw[key];
	}

	private fail(name: string, type: string): undefined {
		const key = `${this.path}.${this.keyOf(name) ?? name}`;
		(this.errors[key] ??= []).push(`The JSON value could not be converted to ${type}. Path: ${key}`);
		return undefined;
	}

	/** Records a validation message under the model's (PascalCase) property name. */
	invalid(name: string, message: string) {
		(this.errors[pascal(name)] ??= []).push(message);
	}

	required(name: string) {
		this.invalid(name, `The ${pascal(name)} field is required.`);
	}

	int(name: string): number | null | undefined {
		const value = this.get(name);
		if (value === undefined || value === null) return value;
		const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
		if (typeof number !== 'number' || !Number.isSafeInteger(number)) return this.fail(name, 'System.Int32');
		return number;
	}

	string(name: string): string | null | undefined {
		const value = this.get(name);
		if (value === undefined || value === null) return value;
		if (typeof value !== 'string') return this.fail(name, 'System.String');
		return value;
	}

	bool(name: string): boolean | null | undefined {
		const value = this.get(name);
		if (value === undefined || value === null) return value;
		if (typeof value !== 'boolean') return this.fail(name, 'System.Boolean');
		return value;
	}

	date(name: string, format: DateFormat): number | null | undefined {
		const value = this.get(name);
		if (value === undefined || value === null) return value;
		const ms = parseSaDate(value, format);
		if (ms === null) return this.fail(name, 'System.DateTime');
		return ms;
	}

	stringArray(name: string): string[] | null | undefined {
		const value = this.get(name);
		if (value === undefined || value === null) return value;
		// Strict like System.Text.Json: [9000001] is not a list of strings.
		if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
			return this.fail(name, 'System.Collections.Generic.List`1[System.String]');
		}
		return value as string[];
	}

	object(name: string): Fields | null | undefined {
		const value = this.get(name);
		if (value === undefined || value === null) return value;
		if (typeof value !== 'object' || Array.isArray(value)) return this.fail(name, 'an object');
		return new Fields(value as Record<string, unknown>, `${this.path}.${this.keyOf(name)}`);
	}

	objectArray(name: string): Fields[] | null | undefined {
		const value = this.get(name);
		if (value === undefined || value === null) return value;
		if (!Array.isArray(value) || value.some((item) => !item || typeof item !== 'object' || Array.isArray(item))) {
			return this.fail(name, 'an array of objects');
		}
		return value.map((item, i) => new Fields(item as Record<string, unknown>, `${this.path}.${this.keyOf(name)}[${i}]`));
	}

	/** Adds the errors of nested objects to this one. */
	absorb(other: Fields) {
		for (const [key, messages] of Object.entries(other.errors)) (this.errors[key] ??= []).push(...messages);
	}

	throwIfInvalid() {
		if (Object.keys(this.errors).length > 0) throw validationProblem(this.errors);
	}
}

/** An optional integer query parameter; a non-integer is a 400 like ASP.NET model binding. */
export function queryInt(req: SimRequest, name: string, fallback: number): number {
	const text = req.query.get(name);
	if (text === undefined || text === '') return fallback;
	if (!/^[+-]?\d+$/.test(text.trim())) throw validationProblem({ [name]: [`The value '${text}' is not valid for ${name}.`] });
	return Number(text);
}

export function queryBool(req: SimRequest, name: string): boolean {
	const text = req.query.get(name);
	if (text === undefined || text === '') return false;
	if (/^true$/i.test(text.trim())) return true;
	if (/^false$/i.test(text.trim())) return false;
	throw validationProblem({ [name]: [`The value '${text}' is not valid for ${name}.`] });
}

/** A `{caseID:int}`-style route value; anything else does not match the route, so 404. */
export function routeInt(value: string | undefined): number {
	if (value === undefined || !/^\d{1,9}$/.test(value)) throw bare(404);
	return Number(value);
}
