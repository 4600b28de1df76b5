// Lint = both n8n rule sets, as n8n's Cloud verification runs them:
// `@n8n/eslint-plugin-community-nodes` (recommended, i.e. Cloud-eligible) on the published code and
// package.json, and `eslint-plugin-n8n-nodes-base` (community / credentials / nodes UX rules).
// Simulators, tests and tools are not published: they get TypeScript's recommended rules only.
import n8nCommunityNodes from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import tsParser from '@typescript-eslint/parser';
import tseslint from 'typescript-eslint';

const published = ['nodes/**/*.ts', 'credentials/**/*.ts'];

export default tseslint.config(
	{ ignores: ['dist/**', 'node_modules/**', 'coverage/**', '**/*.js', '**/*.mjs', 'test/e2e/hosts/**'] },
	...tseslint.configs.recommended.map((config) => ({ ...config, files: ['**/*.ts'] })),
	{
		files: ['**/*.ts'],
		rules: {
			'@typescript-eslint/no-explicit-any': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
		},
	},
	{
		...n8nCommunityNodes.configs.recommended,
		files: [...published, 'package.json'],
	},
	{
		files: ['package.json'],
		rules: {
			// The templates need n8n-nodes-base (Schedule, Form, Code…), so the package declares it as an
			// OPTIONAL peer, as the project's owner decided. This rule only knows n8n-workflow; see README
			// "n8n Cloud verification" for the trade-off.
			'@n8n/community-nodes/valid-peer-dependencies': 'off',
		},
	},
	{
		files: ['package.json'],
		languageOptions: { parser: tsParser, parserOptions: { extraFileExtensions: ['.json'] } },
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: n8nNodesBase.configs.community.rules,
	},
	{
		files: ['credentials/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			// Our credential docs live in this package's README, not on docs.n8n.io.
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			// These two assume single-file nodes; ours split the description per operation file.
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
		},
	},
);
