import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { withAuthorization } from '../nodes/shared/authorization';
import { bareCaseStatusApiKey, CASESTATUS_ENVIRONMENTS } from '../nodes/shared/baseUrl';
import { DEFAULT_FILE_TIMEOUT_SECONDS, DEFAULT_TIMEOUT_SECONDS } from '../nodes/shared/timeouts';

/** Case Status issues one API key per firm; every call sends it as `Authorization: ApiKey <key>`. */
export class CaseStatusApi implements ICredentialType {
	name = 'caseStatusApi';

	displayName = 'Case Status API';

	icon: Icon = {
		light: 'file:../icons/casestatus.svg',
		dark: 'file:../icons/casestatus.dark.svg',
	};

	documentationUrl =
		'https://github.com/n8n-nodes-smartadvocate-casestatus/n8n-nodes-smartadvocate-casestatus#case-status-credential';

	properties: INodeProperties[] = [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Production', value: 'production', description: CASESTATUS_ENVIRONMENTS.production },
				{ name: 'Sandbox', value: 'sandbox', description: CASESTATUS_ENVIRONMENTS.sandbox },
				{ name: 'Custom URL', value: 'custom' },
			],
			default: 'production',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://app.casestatus.com',
			displayOptions: { show: { environment: ['custom'] } },
			required: true,
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'The API key the Case Status team issued to your firm, with or without the "ApiKey " prefix',
			required: true,
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeoutSeconds',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: DEFAULT_TIMEOUT_SECONDS,
			description: 'How long a call may wait for Case Status to answer before the item fails',
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
			displayName: 'Allow Private Download Hosts',
			name: 'allowPrivateDownloadHosts',
			type: 'boolean',
			default: false,
			description:
				'Whether documents may also be downloaded over plain http and from private, loopback or link-local addresses. Only for file storage inside your own network; off, download links must be https to a public address.',
		},
	];

	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		return withAuthorization(requestOptions, `ApiKey ${bareCaseStatusApiKey(credentials.apiKey as string)}`);
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{ $credentials.environment === "custom" ? $credentials.baseUrl.trim().replace(/\\/+$/, "") : ($credentials.environment === "sandbox" ? "https://sandbox.creativebriefcase.com" : "https://app.casestatus.com") }}',
			url: '/v1/api/messages',
			qs: { 'page[number]': 1, size: 1 },
			// The Test button's call follows no redirect at all, so the key goes to no other host on any n8n version.
			disableFollowRedirect: true,
		},
	};
}
