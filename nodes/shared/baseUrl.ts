/** Where each service lives, from what a firm typed into the credential. */

export const SMARTADVOCATE_DEFAULT_URL = 'https://app.smartadvocate.com';

/**
 * SmartAdvocate's CaseSync API root. Firms paste the host with or without `/CaseSyncAPI`
 * and with or without a trailing slash; all of them mean the same API.
 */
export function smartAdvocateApiRoot(baseUrl: string | undefined): string {
	const host = (baseUrl || SMARTADVOCATE_DEFAULT_URL)
		.trim()
		.replace(/\/+$/, '')
		.replace(/\/casesyncapi$/i, '');
	return `${host}/CaseSyncAPI`;
}

export const CASESTATUS_ENVIRONMENTS = {
	production: 'https://app.casestatus.com',
	sandbox: 'https://sandbox.creativebriefcase.com',
} as const;

/** Case Status API origin for the credential's environment (or its custom URL). */
export function caseStatusApiRoot(environment: string | undefined, customUrl: string | undefined): string {
	if (environment === 'custom') return (customUrl ?? '').trim().replace(/\/+$/, '');
	if (environment === 'sandbox') return CASESTATUS_ENVIRONMENTS.sandbox;
	return CASESTATUS_ENVIRONMENTS.production;
}

/** The key without the `ApiKey ` prefix some firms paste along with it. */
export function bareCaseStatusApiKey(apiKey: string | undefined): string {
	return (apiKey ?? '').trim().replace(/^ApiKey\s+/i, '');
}
