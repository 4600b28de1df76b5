import { redact } from '../../../nodes/shared/serviceRequest';

describe('redact', () => {
	it('removes known secrets', () => {
		expect(redact('bad password Hunter2-secret here', ['Hunter2-secret'])).toBe('bad password •••• here');
	});

	it('removes secrets it was not told about, by pattern: Bearer and ApiKey values, JWTs, named password/token fields', () => {
		const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJuOG4iLCJleHAiOjE3MDB9.c2lnbmF0dXJlLXZhbHVl';
		const text = [
			`Authorization: Bearer ${jwt}`,
			'Authorization: ApiKey cs-live-key-0123456789',
			`token ${jwt} rejected`,
			'{"Username":"api","Password":"S3cret!pass"}',
			'url?api_key=abc123456&x=1',
			'"sessionToken": "opaque-token-value"',
		].join('\n');
		const safe = redact(text, []) as string;
		for (const secret of [jwt, 'cs-live-key-0123456789', 'S3cret!pass', 'abc123456', 'opaque-token-value']) {
			expect(safe).not.toContain(secret);
		}
		expect(safe).toContain('Bearer ••••');
		expect(safe).toContain('ApiKey ••••');
		expect(safe).toContain('"Username":"api"');
	});

	it('leaves ordinary text alone', () => {
		const text = 'Check the username and password in the SmartAdvocate API credential (HTTP 401)';
		expect(redact(text, [])).toBe(text);
	});
});
