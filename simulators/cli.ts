/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- runs in Node, never in n8n (eslint.dev.config.mjs) */
/**
 * `npm run simulators`: both simulators on 127.0.0.1 with the demo firm (or a seed file, or N
 * synthetic cases), until Ctrl-C.
 *
 *   --sa-port N     SmartAdvocate port   (env SA_SIM_PORT,   default 4010; 0 = any free port)
 *   --cs-port N     Case Status port     (env CS_SIM_PORT,   default 4020)
 *   --file-port N   Case Status file host (env CS_FILE_PORT, default 4021)
 *   --seed FILE     a FirmModel JSON file (see simulators/SEED-SCHEMA.md)
 *   --synthetic N   N synthetic cases instead of the demo firm
 */
import fs from 'node:fs';

import { startCaseStatusSimulator } from './casestatus';
import type { FirmModel } from './shared/firm';
import { buildSyntheticFirm } from './shared/syntheticFirm';
import { defaultFirm, startSmartAdvocateSimulator } from './smartadvocate';

export interface RunningSimulators {
	firm: FirmModel;
	smartAdvocateUrl: string;
	caseStatusUrl: string;
	fileHostUrl: string;
	close(): Promise<void>;
}

export async function startSimulators(options: {
	saPort?: number;
	csPort?: number;
	filePort?: number;
	firm?: FirmModel;
} = {}): Promise<RunningSimulators> {
	const firm = options.firm ?? defaultFirm();
	const smartAdvocate = await startSmartAdvocateSimulator({ port: options.saPort, firm });
	const caseStatus = await startCaseStatusSimulator({ port: options.csPort, filePort: options.filePort, firm });
	return {
		firm,
		smartAdvocateUrl: smartAdvocate.url,
		caseStatusUrl: caseStatus.api.url,
		fileHostUrl: caseStatus.fileHost.url,
		async close() {
			await smartAdvocate.close();
			await caseStatus.close();
		},
	};
}

export function describeSimulators(sims: RunningSimulators): string {
	return [
		`SmartAdvocate (CaseSync API)  ${sims.smartAdvocateUrl}/CaseSyncAPI`,
		`   credential: Base URL ${sims.smartAdvocateUrl}  Username ${sims.firm.apiUser.username}  Password ${sims.firm.apiUser.password}`,
		`   admin API:  ${sims.smartAdvocateUrl}/__admin/state`,
		`Case Status                   ${sims.caseStatusUrl}`,
		`   credential: Environment "Custom URL", Base URL ${sims.caseStatusUrl}  API Key ${sims.firm.caseStatusApiKey}`,
		`   admin API:  ${sims.caseStatusUrl}/__admin/state   (file host ${sims.fileHostUrl})`,
		`Firm: ${sims.firm.firmName}, ${sims.firm.cases.length} cases. These are demo credentials of the simulators only.`,
	].join('\n');
}

function option(name: string, env: string, fallback: string | undefined): string | undefined {
	const index = process.argv.indexOf(`--${name}`);
	if (index !== -1) return process.argv[index + 1];
	return process.env[env] ?? fallback;
}

async function main() {
	const seedFile = option('seed', 'SIM_SEED', undefined);
	const synthetic = option('synthetic', 'SIM_SYNTHETIC', undefined);
	const firm = synthetic
		? buildSyntheticFirm(Number(synthetic))
		: seedFile
			? (JSON.parse(fs.readFileSync(seedFile, 'utf8')) as FirmModel)
			: undefined;
	const sims = await startSimulators({
		saPort: Number(option('sa-port', 'SA_SIM_PORT', '4010')),
		csPort: Number(option('cs-port', 'CS_SIM_PORT', '4020')),
		filePort: Number(option('file-port', 'CS_FILE_PORT', '4021')),
		firm,
	});
	console.log(describeSimulators(sims));
	console.log('Ctrl-C stops them.');
	const stop = async () => {
		await sims.close();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

if (require.main === module) {
	main().catch((error) => {
		console.error(error);
		process.exit(1);
	});
}
