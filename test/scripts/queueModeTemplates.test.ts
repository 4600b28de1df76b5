/* eslint-disable @n8n/community-nodes/no-restricted-imports -- runs in Node, never in n8n (eslint.dev.config.mjs) */
/**
 * The queue-mode variants of the relay templates (workflows-templates/queue-mode/) are the templates as shipped
 * plus the three-node Redis lock, regenerated from them: a firm that imports a variant gets every fix of the
 * template. What the lock does in n8n is proven in test/e2e/queueMode.e2e.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';

import { LOCK_STEPS, QUEUE_MODE_DIR, readTemplate, RELAY_TEMPLATE_FILES, REDIS_CREDENTIAL_NAME, variantText } from '../../scripts/queue-mode-templates';

describe.each(RELAY_TEMPLATE_FILES)('queue-mode/%s', (file) => {
	const template = readTemplate(file);
	const variant = readTemplate(file, QUEUE_MODE_DIR);
	const byName = (name: string) => variant.nodes.find((n) => n.name === name)!;
	const targets = (from: string, output = 0) => (variant.connections[from]?.main[output] ?? []).map((t) => t.node);

	it('is what `npm run templates:queue-mode` makes of the template today', () => {
		expect(fs.readFileSync(path.join(QUEUE_MODE_DIR, file), 'utf8')).toBe(variantText(file));
	});

	it('keeps every step of the template with the same settings, and says it is the queue-mode variant', () => {
		for (const node of template.nodes) {
			if (node.name === 'Sticky Note: Overview' || node.name === 'Sticky Note: Read') continue;
			expect({ ...byName(node.name), position: null }).toMatchObject({ ...node, position: null });
		}
		expect(variant.name).toBe(`${template.name} (queue mode)`);
		expect(variant.id).not.toBe(template.id);
		expect(String(byName('Sticky Note: Overview').parameters.content)).toMatch(/\(queue mode\)[\s\S]*Redis account/);
		const steps = variant.nodes.filter((n) => n.type !== 'n8n-nodes-base.stickyNote');
		expect(steps.length).toBeLessThanOrEqual(12);
		for (const note of variant.nodes.filter((n) => n.type === 'n8n-nodes-base.stickyNote')) {
			expect(String(note.parameters.content).length).toBeLessThan(note.name === 'Sticky Note: Overview' ? 2500 : 600);
		}
	});

	it('runs count → odd? → the relay, and frees the lock after the relay branch (lower on the canvas, execution order v1)', () => {
		const getNew = template.connections[template.nodes.find((n) => n.type === 'n8n-nodes-base.scheduleTrigger')!.name].main[0][0].node;
		for (const trigger of variant.nodes.filter((n) => /scheduleTrigger|manualTrigger/.test(n.type))) expect(targets(trigger.name)).toEqual([LOCK_STEPS.count]);
		expect(targets(LOCK_STEPS.count)).toEqual([LOCK_STEPS.goOn]);
		expect(targets(LOCK_STEPS.goOn, 0)).toEqual([getNew, LOCK_STEPS.free]);
		expect(targets(LOCK_STEPS.goOn, 1)).toEqual([]);
		expect(variant.settings).toMatchObject({ executionOrder: 'v1' });
		const relaySteps = template.nodes.filter((n) => n.type !== 'n8n-nodes-base.stickyNote' && !/Trigger$/.test(n.type));
		for (const step of relaySteps) expect(byName(LOCK_STEPS.free).position[1]).toBeGreaterThan(byName(step.name).position[1]);

		const key = '=n8n-sacs:relay-lock:{{ $workflow.id }}';
		expect(byName(LOCK_STEPS.count)).toMatchObject({ type: 'n8n-nodes-base.redis', parameters: { operation: 'incr', key, expire: false } });
		expect(byName(LOCK_STEPS.free)).toMatchObject({ type: 'n8n-nodes-base.redis', parameters: { operation: 'delete', key } });
		for (const name of [LOCK_STEPS.count, LOCK_STEPS.free]) expect(byName(name).credentials).toEqual({ redis: { id: null, name: REDIS_CREDENTIAL_NAME } });
		// The If reads the count whatever the key is named, so a consultant who renames the key cannot stall the relay.
		expect(JSON.stringify(byName(LOCK_STEPS.goOn).parameters)).not.toContain('relay-lock');
	});
});
