// Lint rules for code that never ships and never runs inside n8n: tests, simulators, scripts.
// n8n's default config (eslint.config.mjs) applies n8n Cloud's sandbox rules (no `process`, no
// `node:http`, no `setTimeout`…) to every .ts file; a simulator or test harness cannot follow them.
// test/, simulators/ and scripts/ each have an eslint.config.mjs that re-exports this file, and
// `npm run lint` runs ESLint with config lookup from the linted file (ESLINT_FLAGS, the default
// from ESLint 10 on), so these folders use this config and the published code uses n8n's.
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{ ignores: ['**/*.js', '**/*.mjs', '**/e2e/hosts/**'] },
	...tseslint.configs.recommended.map((config) => ({ ...config, files: ['**/*.ts'] })),
	{
		files: ['**/*.ts'],
		rules: {
			'@typescript-eslint/no-explicit-any': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
		},
	},
);
