/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- runs in Node, never in n8n (eslint.dev.config.mjs) */
/**
 * Writes the committed seed file and the demo case lists in SEED-SCHEMA.md.
 * Run `npx tsx simulators/shared/writeSeeds.ts` whenever demoFirm.ts changes; unit tests fail while
 * either is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDemoFirm } from './demoFirm';
import { INELIGIBLE_REASONS, caseStatusEligibility, primaryAttorneyOf } from './eligibility';
import type { FirmCase, FirmModel } from './firm';

const SIMULATORS = join(__dirname, '..');
export const DEMO_SEED_PATH = join(SIMULATORS, 'seeds', 'demo-firm.json');
export const SEED_SCHEMA_PATH = join(SIMULATORS, 'SEED-SCHEMA.md');

export function demoSeedJson(firm: FirmModel = buildDemoFirm()): string {
	return `${JSON.stringify(firm, null, '\t')}\n`;
}

function ineligibleTable(firm: FirmModel): string {
	const detail = (c: FirmCase, reason: string): string => {
		const attorney = primaryAttorneyOf(firm, c);
		const phone = c.clients[0]?.cellPhone ?? null;
		if (reason === 'primary-attorney-not-in-case-status') return `led by ${attorney?.firstName} ${attorney?.lastName} (no CS account)`;
		if (reason === 'client-cell-phone-invalid') return phone === null ? 'no cell phone (`null`)' : `cell phone \`${phone}\``;
		if (reason === 'practice-area-not-in-case-status') return `${firm.practiceAreas[c.practiceArea].caseGroup}, not configured in CS`;
		return 'stage "Appeal" unknown to CS';
	};
	const rows = INELIGIBLE_REASONS.flatMap((reason) =>
		firm.cases
			.filter((c) => caseStatusEligibility(firm, c) === reason)
			.map((c) => {
				const area = firm.practiceAreas[c.practiceArea].caseType;
				return `| ${c.caseNumber} | ${reason} | ${c.caseName} | ${area} / ${c.status} | ${detail(c, reason)} |`;
			}),
	);
	return ['| caseNumber | reason | case | practice area / status | detail |', '|---|---|---|---|---|', ...rows].join('\n');
}

function syncedList(firm: FirmModel): string {
	const synced = firm.cases.filter((c) => c.inCaseStatus);
	const ids = synced.map((c) => c.csCaseId);
	const numbers = synced.map((c) => (c.closed ? `${c.caseNumber} (closed, ${c.status})` : c.caseNumber));
	return `${synced.length} eligible cases start in CS (\`csCaseId\` ${ids[0]}–${ids[ids.length - 1]}): caseNumbers ${numbers.join(', ')}.`;
}

/** Replaces the text between `<!-- name:start -->` and `<!-- name:end -->`. */
function replaceBlock(doc: string, name: string, body: string): string {
	const start = `<!-- ${name}:start -->`;
	const end = `<!-- ${name}:end -->`;
	const from = doc.indexOf(start);
	const to = doc.indexOf(end);
	if (from < 0 || to < from) throw new Error(`SEED-SCHEMA.md lacks the ${name} markers`);
	return `${doc.slice(0, from + start.length)}\n${body}\n${doc.slice(to)}`;
}

export function seedSchemaWithDemoLists(doc: string, firm: FirmModel = buildDemoFirm()): string {
	return replaceBlock(replaceBlock(doc, 'ineligible-cases', ineligibleTable(firm)), 'synced-cases', syncedList(firm));
}

if (require.main === module) {
	const firm = buildDemoFirm();
	writeFileSync(DEMO_SEED_PATH, demoSeedJson(firm));
	writeFileSync(SEED_SCHEMA_PATH, seedSchemaWithDemoLists(readFileSync(SEED_SCHEMA_PATH, 'utf8'), firm));
	console.log(`wrote ${DEMO_SEED_PATH} and the demo lists in ${SEED_SCHEMA_PATH}`);
}
