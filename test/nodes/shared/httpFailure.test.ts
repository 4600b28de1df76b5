/* eslint-disable @typescript-eslint/no-explicit-any -- runs in Node, never in n8n (eslint.dev.config.mjs) */
import { AxiosError, AxiosHeaders } from 'axios';
import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';

import { readHttpFailure } from '../../../nodes/shared/httpFailure';

const node: INode = { id: '1', name: 'Test', type: 'x', typeVersion: 1, position: [0, 0], parameters: {} };

function axiosFailure(status: number, data: unknown, headers: Record<string, string> = {}) {
	const config = { headers: new AxiosHeaders({ Authorization: 'Bearer secret-token' }) } as any;
	return new AxiosError('Request failed', 'ERR_BAD_RESPONSE', config, {}, {
		status,
		statusText: '',
		data,
		headers,
		config,
	});
}

describe('readHttpFailure', () => {
	it('reads status, headers and body from the NodeApiError n8n throws around an axios error', () => {
		const error = new NodeApiError(node, axiosFailure(429, { message: 'slow down' }, { 'Retry-After': '7' }) as unknown as JsonObject);
		const failure = readHttpFailure(error);
		expect(failure.status).toBe(429);
		expect(failure.headers['retry-after']).toBe('7');
		expect(failure.body).toEqual({ message: 'slow down' });
	});

	it('decodes a JSON error body that arrived as bytes on a binary request', () => {
		const failure = readHttpFailure(axiosFailure(404, Buffer.from('{"detail":"gone"}')));
		expect(failure.body).toEqual({ detail: 'gone' });
	});

	it('reports a network error by its code, with no status', () => {
		const error = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
		const failure = readHttpFailure(error);
		expect(failure.status).toBeUndefined();
		expect(failure.code).toBe('ECONNREFUSED');
	});

	it('keeps nothing of the request, so the Authorization header cannot leak', () => {
		const failure = readHttpFailure(axiosFailure(500, 'boom'));
		expect(JSON.stringify(failure)).not.toContain('secret-token');
	});
});
