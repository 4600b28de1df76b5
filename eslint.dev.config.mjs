// Lint rules for code that never ships and never runs inside n8n: tests, simulators, scripts
// (`npm run lint:dev`). `n8n-node lint` lints these files too, with n8n's default config, whose
// sandbox rules for n8n Cloud (no `process`, no `node:*` imports, no `console`…) a simulator or test
// harness cannot follow: such a file turns exactly those rules off in its first line
// (`node scripts/lint-dev-headers.mjs` writes that line; it never touches nodes/ or credentials/).
import { config as n8nDefault } from '@n8n/node-cli/eslint';
import tseslint from 'typescript-eslint';

// The default config's plugin, registered (no rules on) so the files' directives name known rules.
const communityNodes = n8nDefault.find((entry) => entry.plugins?.['@n8n/community-nodes'])?.plugins['@n8n/community-nodes'];

export default tseslint.config(
	{ ignores: ['**/*.js', '**/*.mjs', '**/e2e/hosts/**'] },
	{ plugins: { '@n8n/community-nodes': communityNodes }, linterOptions: { reportUnusedDisableDirectives: 'off' } },
	...tseslint.configs.recommended.map((config) => ({ ...config, files: ['**/*.ts'] })),
	{
		files: ['**/*.ts'],
		rules: {
			'@typescript-eslint/no-explicit-any': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
		},
	},
);
