/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- runs in Node, never in n8n (eslint.dev.config.mjs) */
/**
 * Takes the README's pictures of each template's canvas from the real n8n editor:
 * starts the demo stack on free ports, logs the browser in with the owner's session, opens each
 * workflow, fits it to the view and saves docs/images/<template>.png. Needs Chromium
 * (Debian package `chromium`); run with `npx tsx scripts/screenshot-templates.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

import { freePort, REPO_ROOT } from '../test/e2e/harness';
import { startDemo } from './demo';

const OUT = path.join(REPO_ROOT, 'docs', 'images');
const TEMPLATE_FILES = fs.readdirSync(path.join(REPO_ROOT, 'workflows-templates')).filter((f) => f.endsWith('.json')).sort();

async function main() {
	const demo = await startDemo({ n8nPort: await freePort(), simPorts: false });
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
	try {
		const cookie = (await demo.n8n.ownerLogin()).split('=');
		const context = await browser.newContext({ viewport: { width: 1600, height: 900 }, deviceScaleFactor: 1 });
		await context.addCookies([{ name: cookie[0], value: cookie.slice(1).join('='), domain: '127.0.0.1', path: '/' }]);
		const page = await context.newPage();
		fs.mkdirSync(OUT, { recursive: true });
		for (const [index, id] of demo.workflowIds.entries()) {
			await page.goto(`${demo.n8n.baseUrl}/workflow/${id}`, { waitUntil: 'networkidle' });
			await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: 60_000 });
			await page.keyboard.press('Escape');
			await page.keyboard.press('1'); // n8n's "zoom to fit"
			await page.waitForTimeout(800); // the fit animates; a picture, not a test
			const file = path.join(OUT, TEMPLATE_FILES[index].replace(/\.json$/, '.png'));
			await page.screenshot({ path: file });
			console.log(`saved ${path.relative(REPO_ROOT, file)}`);
		}
	} finally {
		await browser.close();
		await demo.stop();
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
