// Second lint pass, next to `n8n-node lint` (eslint.config.mjs, which must stay n8n's default for
// Cloud verification): the full `eslint-plugin-n8n-nodes-base` rule sets (community / credentials /
// nodes: UX copy, naming, file conventions) on the code and package.json that ship.
// The default config brings an older copy of this plugin; this pass uses the project's own version.
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import tsParser from '@typescript-eslint/parser';

export default [
	{ ignores: ['dist/**', 'node_modules/**'] },
	// The shipped code may not turn any rule off for itself: an `eslint-disable` comment in nodes/ or
	// credentials/ is a warning here, and `npm run lint:nodes-base` allows none (unlike dev code,
	// see eslint.dev.config.mjs).
	{ linterOptions: { noInlineConfig: true } },
	{
		files: ['package.json'],
		languageOptions: { parser: tsParser, parserOptions: { extraFileExtensions: ['.json'] } },
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: n8nNodesBase.configs.community.rules,
	},
	{
		files: ['credentials/**/*.ts'],
		languageOptions: { parser: tsParser },
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			// Our credential docs live in this package's README, not on docs.n8n.io (n8n's config agrees).
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		languageOptions: { parser: tsParser },
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			// These two assume single-file nodes with string connection types; ours use
			// NodeConnectionTypes and split the description per operation file (n8n's config agrees).
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
		},
	},
];
