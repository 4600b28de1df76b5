import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { smartAdvocateApiRoot, SMARTADVOCATE_DEFAULT_URL } from '../nodes/shared/baseUrl';

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
		const url = `${smartAdvocateApiRoot(credentials.baseUrl as string)}/Users/authenticate`;
		let response: { token?: string } | undefined;
		try {
			response = (await this.helpers.httpRequest({
				method: 'POST',
				url,
				body: { Username: credentials.username, Password: credentials.password },
				json: true,
			})) as { token?: string };
		} catch (error) {
			// Rebuilt from scratch so the request (with the password in its body) never travels with the error.
			const status = Number(error?.response?.status ?? error?.httpCode ?? error?.cause?.response?.status) || undefined;
			const failure: Error & { httpCode?: string; code?: string } = new Error(
				status
					? `SmartAdvocate refused the login (HTTP ${status}). Check the username and password of the SmartAdvocate credential.`
					: `SmartAdvocate could not be reached at ${url}. Check the Base URL of the SmartAdvocate credential.`,
			);
			// SmartAdvocate answers a wrong password with 400; to n8n and our nodes it is a rejected login (401).
			if (status) failure.httpCode = status === 400 ? '401' : String(status);
			else failure.code = error?.code ?? error?.cause?.code;
			throw failure;
		}
		if (!response?.token) {
			throw new Error(
				`SmartAdvocate answered the login at ${url} without a token. Check that the Base URL points at the CaseSync API.`,
			);
		}
		return { sessionToken: response.token };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.sessionToken}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{ ($credentials.baseUrl || "https://app.smartadvocate.com").trim().replace(/\\/+$/, "").replace(/\\/casesyncapi$/i, "") + "/CaseSyncAPI" }}',
			url: '/case/CaseGroup',
		},
	};
}
