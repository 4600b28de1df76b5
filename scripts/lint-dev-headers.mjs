// Keeps `n8n-node lint` (n8n's default config, which lints every .ts file of the repository) clean on
// the code that never ships: tests, simulators and scripts run in Node, not in n8n Cloud's sandbox, so
// n8n's sandbox rules (no `process`, no `node:*` imports, no `console`…) cannot apply to them. Such a
// file says so in its first line, naming exactly the rules it needs off; its own rules are
// eslint.dev.config.mjs (`npm run lint:dev`). This writes or updates that line from a lint run, and
// only for the rules below: any other problem (a real bug) is left for a person to fix.
// Never touches nodes/ or credentials/. Run after adding dev code: `node scripts/lint-dev-headers.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { ESLint } from 'eslint';

import { root } from './ensure-deps.mjs';

const DEV_DIRS = ['test', 'simulators', 'scripts'];
/** n8n's rules for code that runs inside n8n; a dev file may turn these off, and only these. */
const SANDBOX_RULES = new Set([
	'@n8n/community-nodes/no-restricted-imports',
	'@n8n/community-nodes/no-restricted-globals',
	'@n8n/community-nodes/no-dangerous-functions',
	'@n8n/community-nodes/no-hardcoded-secrets',
	'@n8n/community-nodes/require-node-api-error',
	'no-console',
	'@typescript-eslint/no-explicit-any',
]);
const HEADER = /^\/\* eslint-disable [^*]* -- runs in Node, never in n8n \(eslint\.dev\.config\.mjs\) \*\/\n/;
const header = (rules) => `/* eslint-disable ${rules.join(', ')} -- runs in Node, never in n8n (eslint.dev.config.mjs) */\n`;

const eslint = new ESLint({ cwd: root });
const files = await eslint.lintFiles(DEV_DIRS.map((dir) => `${dir}/**/*.ts`));
let changed = 0;
const leftOver = [];
for (const { filePath } of files) {
	const original = readFileSync(filePath, 'utf8');
	const body = original.replace(HEADER, '');
	const [result] = await eslint.lintText(body, { filePath });
	const rules = [...new Set(result.messages.map((m) => m.ruleId).filter((id) => SANDBOX_RULES.has(id)))].sort();
	for (const m of result.messages.filter((m) => !SANDBOX_RULES.has(m.ruleId))) {
		leftOver.push(`${relative(root, filePath)}:${m.line} ${m.ruleId ?? ''} ${m.message}`);
	}
	const next = rules.length > 0 ? header(rules) + body : body;
	if (next !== original) {
		writeFileSync(filePath, next);
		changed++;
		console.log(`${relative(root, filePath)}: ${rules.length > 0 ? rules.join(', ') : 'header removed'}`);
	}
}
console.log(`${changed} file(s) updated.`);
if (leftOver.length > 0) {
	console.log(`\nTo fix by hand (not n8n sandbox rules):\n${leftOver.join('\n')}`);
	process.exit(1);
}
