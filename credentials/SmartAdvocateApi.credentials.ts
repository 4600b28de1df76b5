import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { withAuthorization } from '../nodes/shared/authorization';
import { smartAdvocateApiRoot, SMARTADVOCATE_DEFAULT_URL } from '../nodes/shared/baseUrl';
import { isSameServer } from '../nodes/shared/redirect';
import { DEFAULT_FILE_TIMEOUT_SECONDS, DEFAULT_TIMEOUT_SECONDS, timeoutMs } from '../nodes/shared/timeouts';

interface LoginResponse {
	statusCode: number;
	headers?: Record<string, string | string[] | undefined>;
	body?: { token?: string } | string;
}

/**
 * SmartAdvocate's CaseSync API logs in with a real SmartAdvocate user and hands out a JWT
 * (about two hours). n8n calls preAuthentication when the hidden token is empty or a call
 * answers 401, stores the new token, and resends the call.
 */
export class SmartAdvocateApi implements ICredentialType {
	name = 'smartAdvocateApi';

	displayName = 'SmartAdvocate API';

	icon: Icon = {
		light: 'file:../icons/smartadvocate.svg',
		dark: 'file:../icons/smartadvocate.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-smartadvocate-casestatus/n8n-nodes-smartadvocate-casestatus#smartadvocate-credential';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: SMARTADVOCATE_DEFAULT_URL,
			placeholder: 'e.g. https://app.smartadvocate.com',
			description:
				'Your SmartAdvocate address. Hosted firms use https://app.smartadvocate.com; others use the address their SmartAdvocate admin gives them. With or without /CaseSyncAPI.',
			required: true,
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			description:
				'A SmartAdvocate user for the integration. Its permissions decide which cases and operations n8n can reach.',
			required: true,
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Server Time Zone',
			name: 'timeZone',
			type: 'string',
			default: '',
			placeholder: 'e.g. America/New_York',
			description:
				'The time zone of your SmartAdvocate server, for the times it writes without a zone (self-hosted servers often do). Empty: the time zone of the workflow (n8n\'s default time zone unless the workflow sets another). Times SmartAdvocate writes with a zone are not affected.',
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeoutSeconds',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: DEFAULT_TIMEOUT_SECONDS,
			description: 'How long a call may wait for SmartAdvocate to answer before the item fails',
		},
		{
			displayName: 'File Timeout (Seconds)',
			name: 'fileTimeoutSeconds',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: DEFAULT_FILE_TIMEOUT_SECONDS,
			description: 'How long a document upload or download may take',
		},
		{
			displayName: 'Session Token',
			name: 'sessionToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	async preAuthentication(
		this: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
	): Promise<IDataObject> {
		let url = `${smartAdvocateApiRoot(credentials.baseUrl as string)}/Users/authenticate`;
		const timeout = timeoutMs(credentials.timeoutSeconds, DEFAULT_TIMEOUT_SECONDS);
		let response: LoginResponse;
		for (let hop = 0; ; hop++) {
			try {
				// Redirects are followed here, not by n8n, so that the password never goes to another server.
				response = (await this.helpers.httpRequest({
					method: 'POST',
					url,
					body: { Username: credentials.username, Password: credentials.password },
					json: true,
					timeout,
					disableFollowRedirect: true,
					ignoreHttpStatusErrors: true,
					returnFullResponse: true,
				})) as LoginResponse;
			} catch (error) {
				// Rebuilt from scratch so the request (with the password in its body) never travels with the error.
				const failure: Error & { code?: string } = new Error(
					`SmartAdvocate could not be reached at ${url}. Check the Base URL of the SmartAdvocate credential.`,
				);
				failure.code = error?.code ?? error?.cause?.code;
				throw failure;
			}
			const location = response.headers?.location;
			if (response.statusCode >= 300 && response.statusCode < 400 && typeof location === 'string') {
				const next = new URL(location, url);
				if (hop < 3 && isSameServer(new URL(url), next)) {
					url = next.href;
					continue;
				}
				throw new Error(
					`SmartAdvocate answered the login with a redirect to ${next.origin}. The password is only sent to the server of the Base URL: put the right address into the Base URL of the SmartAdvocate credential.`,
				);
			}
			break;
		}
		if (response.statusCode < 200 || response.statusCode >= 300) {
			const failure: Error & { httpCode?: string } = new Error(
				`SmartAdvocate refused the login (HTTP ${response.statusCode}). Check the username and password of the SmartAdvocate credential.`,
			);
			// SmartAdvocate answers a wrong password with 400; to n8n and our nodes it is a rejected login (401).
			failure.httpCode = response.statusCode === 400 ? '401' : String(response.statusCode);
			throw failure;
		}
		const body = response.body;
		const token = body && typeof body === 'object' ? body.token : undefined;
		if (!token) {
			throw new Error(
				`SmartAdvocate answered the login at ${url} without a token. Check that the Base URL points at the CaseSync API.`,
			);
		}
		return { sessionToken: token };
	}

	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		return withAuthorization(requestOptions, `Bearer ${credentials.sessionToken as string}`);
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{ ($credentials.baseUrl || "https://app.smartadvocate.com").trim().replace(/\\/+$/, "").replace(/\\/casesyncapi$/i, "") + "/CaseSyncAPI" }}',
			url: '/case/CaseGroup',
			// The Test button's call follows no redirect at all, so the key goes to no other host on any n8n version.
			disableFollowRedirect: true,
		},
	};
}
