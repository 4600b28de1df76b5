/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- runs in Node, never in n8n (eslint.dev.config.mjs) */
/** What our package declares (package.json `n8n` block) and the type names n8n should register for it. */
import fs from 'node:fs';
import path from 'node:path';

import { REPO_ROOT } from './versions';

export interface PackageTypes {
	/** Package folder that gets linked into n8n (repo root unless SACS_E2E_PACKAGE_ROOT says otherwise). */
	root: string;
	/** npm package name, the prefix of every node type: `<name>.<node>`. */
	name: string;
	/** Full node type names, e.g. `n8n-nodes-smartadvocate-casestatus.smartAdvocate`. */
	nodeTypes: string[];
	/** Credential type names, e.g. `smartAdvocateApi` (credential types carry no package prefix). */
	credentialTypes: string[];
	/** The `n8n` block entries, as written. */
	nodeFiles: string[];
	credentialFiles: string[];
}

export function packageRoot(): string {
	return path.resolve(process.env.SACS_E2E_PACKAGE_ROOT || REPO_ROOT);
}

type Ctor = new () => Record<string, unknown>;

function instantiate(root: string, file: string): Record<string, unknown> {
	const full = path.join(root, file);
	if (!fs.existsSync(full)) {
		throw new Error(`${file} (listed in package.json "n8n") does not exist under ${root}; run \`npm run build\` first.`);
	}
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const mod = require(full) as Record<string, unknown>;
	const base = path.basename(file).replace(/\.(node|credentials)\.js$/, '');
	const ctor = (typeof mod[base] === 'function' ? mod[base] : Object.values(mod).find((v) => typeof v === 'function')) as
		| Ctor
		| undefined;
	if (!ctor) throw new Error(`${file} exports no class`);
	return new ctor();
}

/**
 * Reads package.json and instantiates every built node and credential class to learn the names n8n will
 * register. Needs `dist/` (npm run build).
 */
export function packageTypes(root = packageRoot()): PackageTypes {
	const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
		name: string;
		n8n?: { nodes?: string[]; credentials?: string[] };
	};
	const nodeFiles = pkg.n8n?.nodes ?? [];
	const credentialFiles = pkg.n8n?.credentials ?? [];
	const nodeTypes = nodeFiles.map((f) => {
		const description = instantiate(root, f).description as { name?: string } | undefined;
		if (!description?.name) throw new Error(`${f}: node class has no description.name`);
		return `${pkg.name}.${description.name}`;
	});
	const credentialTypes = credentialFiles.map((f) => {
		const name = instantiate(root, f).name;
		if (typeof name !== 'string' || !name) throw new Error(`${f}: credential class has no name`);
		return name;
	});
	return { root, name: pkg.name, nodeTypes, credentialTypes, nodeFiles, credentialFiles };
}
