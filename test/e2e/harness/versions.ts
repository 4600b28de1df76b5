/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error -- runs in Node, never in n8n (eslint.dev.config.mjs) */
/** Which real n8n versions the e2e suite runs, and where scripts/install-n8n.mjs put them. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type N8nVersionKey = '2' | '1';

export interface N8nVersionSpec {
	key: N8nVersionKey;
	/** Exact n8n version (the host folder pins it with a lockfile). */
	n8nVersion: string;
	/** Host folder in the repo: package.json + package-lock.json of the test-only n8n install. */
	hostDir: string;
	/** Node the installer runs it on. */
	node: string;
	/** Env that version needs on top of the common env. */
	env: Record<string, string>;
	/** How a workflow is made active from the CLI. */
	publishCommand: (id: string) => string[];
	unpublishCommand: (id: string) => string[];
}

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

export const N8N_VERSIONS: Record<N8nVersionKey, N8nVersionSpec> = {
	'2': {
		key: '2',
		n8nVersion: '2.41.1',
		hostDir: 'test/e2e/hosts/n8n-2.41.1',
		node: '24.21.0',
		env: {},
		publishCommand: (id) => ['publish:workflow', `--id=${id}`],
		unpublishCommand: (id) => ['unpublish:workflow', `--id=${id}`],
	},
	'1': {
		key: '1',
		n8nVersion: '1.123.81',
		hostDir: 'test/e2e/hosts/n8n-1.123.81',
		node: 'system (20.x)',
		// 1.123.x defaults to the isolated-vm engine, whose native module is not built here (--ignore-scripts).
		env: { N8N_EXPRESSION_ENGINE: 'legacy' },
		publishCommand: (id) => ['update:workflow', `--id=${id}`, '--active=true'],
		unpublishCommand: (id) => ['update:workflow', `--id=${id}`, '--active=false'],
	},
};

export const ALL_VERSION_KEYS: N8nVersionKey[] = ['2', '1'];

/**
 * Versions selected by env SACS_E2E_VERSIONS ("2", "1", "2,1", "v2", "2.41.1", "all"; default all).
 */
export function selectedVersionKeys(value = process.env.SACS_E2E_VERSIONS): N8nVersionKey[] {
	if (!value || !value.trim() || value.trim() === 'all') return [...ALL_VERSION_KEYS];
	const keys = new Set<N8nVersionKey>();
	for (const raw of value.split(/[\s,]+/).filter(Boolean)) {
		const token = raw.replace(/^v/i, '');
		const key = ALL_VERSION_KEYS.find((k) => token === k || token === N8N_VERSIONS[k].n8nVersion);
		if (!key) throw new Error(`SACS_E2E_VERSIONS: unknown version "${raw}" (use 2, 1, or all)`);
		keys.add(key);
	}
	return ALL_VERSION_KEYS.filter((k) => keys.has(k));
}

export function cacheRoot(): string {
	if (process.env.SACS_N8N_CACHE) return path.resolve(process.env.SACS_N8N_CACHE);
	const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return path.join(base, 'n8n-nodes-smartadvocate-casestatus');
}

export interface InstalledN8n {
	key: N8nVersionKey;
	n8nVersion: string;
	nodeVersion: string;
	nodeBin: string;
	nodeBinDir: string;
	hostDir: string;
	n8nBin: string;
	inputsHash: string;
}

const INSTALL_HINT = 'Run `node scripts/install-n8n.mjs` (add --only=2 or --only=1 for one version).';

/** Same hash the installer records: sha256(package.json \0 package-lock.json \0). */
function hostInputsHash(spec: N8nVersionSpec): string {
	const dir = path.join(REPO_ROOT, spec.hostDir);
	const h = createHash('sha256');
	h.update(fs.readFileSync(path.join(dir, 'package.json'))).update('\0');
	h.update(fs.readFileSync(path.join(dir, 'package-lock.json'))).update('\0');
	return h.digest('hex');
}

/** Where the installer put `key`; throws a readable error if it is missing or stale. */
export function installedN8n(key: N8nVersionKey): InstalledN8n {
	const spec = N8N_VERSIONS[key];
	const file = path.join(cacheRoot(), 'manifest.json');
	let manifest: { versions?: Record<string, InstalledN8n> } | undefined;
	try {
		manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch {
		throw new Error(`n8n ${spec.n8nVersion} is not installed (no ${file}). ${INSTALL_HINT}`);
	}
	const entry = manifest?.versions?.[key];
	if (!entry) throw new Error(`n8n ${spec.n8nVersion} is not in ${file}. ${INSTALL_HINT}`);
	if (entry.inputsHash !== hostInputsHash(spec)) {
		throw new Error(`The cached n8n ${spec.n8nVersion} was installed from another ${spec.hostDir}/package-lock.json. ${INSTALL_HINT}`);
	}
	for (const f of [entry.nodeBin, entry.n8nBin]) {
		if (!fs.existsSync(f)) throw new Error(`n8n ${spec.n8nVersion}: ${f} is missing. ${INSTALL_HINT}`);
	}
	return entry;
}
