/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- runs in Node, never in n8n (eslint.dev.config.mjs) */
/**
 * Writes the queue-mode variants of the three relay templates (workflows-templates/queue-mode/): the template
 * as shipped plus a three-node Redis lock in front of it, because a relay's own one-run-at-a-time guard lives
 * in one n8n process and queue mode runs executions on several. Community nodes may not speak to Redis, so
 * the lock is made of n8n's own Redis node:
 *
 *   when → Count runs wanting the relay (INCR key) → odd? → the relay … → Free the lock (DEL key)
 *
 * A count of 1 means no run holds the relay. A run that finds it held stops, but every second one goes on,
 * so a run that failed without freeing the lock holds the relay up for one interval only (the write steps'
 * own "already there?" checks keep every item to one copy even then). The counter has no expiry to lose.
 *
 * Run `npm run templates:queue-mode` after editing a relay template; a unit test fails while they differ.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '..');
export const TEMPLATES_DIR = path.join(REPO_ROOT, 'workflows-templates');
export const QUEUE_MODE_DIR = path.join(TEMPLATES_DIR, 'queue-mode');

/** The credential the lock's nodes use; the README tells queue-mode firms to create it with this name. */
export const REDIS_CREDENTIAL_NAME = 'Redis account';

export const LOCK_STEPS = {
	count: 'Count runs wanting the relay',
	goOn: 'Relay free, or every second try?',
	free: 'Free the lock',
} as const;

/** The Redis key of one workflow's lock: every firm's copy has its own. */
const LOCK_KEY = '=n8n-sacs:relay-lock:{{ $workflow.id }}';

/** How far the relay moves right to make room for the lock. */
const SHIFT_X = 480;

interface Node {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	[key: string]: unknown;
}

type Connections = Record<string, { main: Array<Array<{ node: string; type: string; index: number }>> }>;

interface Workflow {
	id: string;
	name: string;
	description?: string;
	nodes: Node[];
	connections: Connections;
	[key: string]: unknown;
}

/** A stable UUID-shaped ID per workflow and node, so regenerating gives the same file. */
function stableId(...parts: string[]): string {
	const hex = createHash('sha1').update(parts.join('\u0000')).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const LOCK_NOTE = [
	'### 0. One run at a time across workers',
	'Each run counts itself in Redis under this workflow\'s key. A count of 1 means no run holds the relay: go on. A run that finds it held stops, except every second one, so a run that failed without freeing the lock holds the relay up one interval only (the write steps still check before writing, so nothing is copied twice). **Free the lock** runs after the relay.',
].join('\n');

const OVERVIEW_QUEUE_MODE =
	"- **Queue mode** (several workers): this variant's three Redis steps keep one run at a time across workers, with the credential **Redis account** (the queue's Redis will do).";

function isGetNew(node: Node): boolean {
	return node.parameters.resource === 'relay' && node.parameters.operation !== 'confirm';
}

/** The relay templates (those with a Get New step): each has a queue-mode variant. */
export const RELAY_TEMPLATE_FILES = fs
	.readdirSync(TEMPLATES_DIR)
	.filter((file) => file.endsWith('.json') && readTemplate(file).nodes.some(isGetNew))
	.sort();

function isTrigger(node: Node): boolean {
	return node.type === 'n8n-nodes-base.scheduleTrigger' || node.type === 'n8n-nodes-base.manualTrigger';
}

export function queueModeVariant(template: Workflow): Workflow {
	const workflow = structuredClone(template);
	const getNew = workflow.nodes.find(isGetNew);
	const confirm = workflow.nodes.find((n) => n.name === 'Confirm');
	const readNote = workflow.nodes.find((n) => n.name === 'Sticky Note: Read');
	const overview = workflow.nodes.find((n) => n.name === 'Sticky Note: Overview');
	if (!getNew || !confirm || !readNote || !overview) throw new Error(`${template.name}: not a relay template (Get New, Confirm, Read and Overview notes)`);

	const readNoteLeft = readNote.position[0];
	for (const node of workflow.nodes) {
		if (node === overview || isTrigger(node)) continue;
		node.position = [node.position[0] + SHIFT_X, node.position[1]];
	}
	// The Read note no longer reaches back over the triggers, which the lock's note now covers.
	const readWidth = Number(readNote.parameters.width);
	readNote.position = [getNew.position[0] - 40, readNote.position[1]];
	readNote.parameters.width = readWidth - (readNote.position[0] - (readNoteLeft + SHIFT_X));

	const overviewText = String(overview.parameters.content);
	const setupStep = /(\d)\. Create two credentials named exactly \*\*SmartAdvocate account\*\* and \*\*Case Status account\*\*/;
	if (!setupStep.test(overviewText) || !/\n- Queue mode[^\n]*/.test(overviewText)) throw new Error(`${template.name}: overview has no credentials step or queue-mode line`);
	overview.parameters.content = overviewText
		.replace(/^## (.*)$/m, '## $1 (queue mode)')
		.replace(setupStep, `$1. Create three credentials named exactly **SmartAdvocate account**, **Case Status account** and **${REDIS_CREDENTIAL_NAME}** (Redis)`)
		.replace(/\n- Queue mode[^\n]*/, `\n${OVERVIEW_QUEUE_MODE}`);

	const [, y] = getNew.position;
	const credentials = { redis: { id: null, name: REDIS_CREDENTIAL_NAME } };
	type NewNode = Pick<Node, 'name' | 'type' | 'typeVersion' | 'position' | 'parameters'> & { credentials?: object; notes?: string; notesInFlow?: boolean };
	const lockNode = (node: NewNode): Node => {
		const { parameters, ...rest } = node;
		return { parameters, id: stableId(template.id, node.name), ...rest };
	};
	workflow.nodes.push(
		lockNode({
			name: 'Sticky Note: Lock',
			position: [-40, 0],
			type: 'n8n-nodes-base.stickyNote',
			typeVersion: 1,
			parameters: { content: LOCK_NOTE, height: 220, width: SHIFT_X + 240, color: 7 },
		}),
		lockNode({
			name: LOCK_STEPS.count,
			position: [240, y],
			type: 'n8n-nodes-base.redis',
			typeVersion: 1,
			parameters: { operation: 'incr', key: LOCK_KEY, expire: false },
			credentials,
			notes: 'Redis INCR of this workflow\'s lock',
			notesInFlow: true,
		}),
		lockNode({
			name: LOCK_STEPS.goOn,
			position: [480, y],
			type: 'n8n-nodes-base.if',
			typeVersion: 2.3,
			parameters: {
				conditions: {
					options: { caseSensitive: true, leftValue: '', typeValidation: 'strict', version: 3 },
					conditions: [
						{
							id: stableId(template.id, LOCK_STEPS.goOn, 'odd'),
							// The count is the Increment's only field, whatever the key is named: renaming the key cannot stall the relay.
							leftValue: '={{ Object.values($json)[0] % 2 }}',
							rightValue: 1,
							operator: { type: 'number', operation: 'equals' },
						},
					],
					combinator: 'and',
				},
				options: {},
			},
			notes: 'Count is odd',
			notesInFlow: true,
		}),
		// Below the relay: with execution order v1, n8n runs this branch after the whole relay branch.
		lockNode({
			name: LOCK_STEPS.free,
			position: [confirm.position[0], y + 300],
			type: 'n8n-nodes-base.redis',
			typeVersion: 1,
			parameters: { operation: 'delete', key: LOCK_KEY },
			credentials,
			notes: 'Runs after the relay',
			notesInFlow: true,
		}),
	);

	const to = (node: string) => ({ node, type: 'main', index: 0 });
	for (const node of workflow.nodes.filter(isTrigger)) workflow.connections[node.name] = { main: [[to(LOCK_STEPS.count)]] };
	workflow.connections[LOCK_STEPS.count] = { main: [[to(LOCK_STEPS.goOn)]] };
	workflow.connections[LOCK_STEPS.goOn] = { main: [[to(getNew.name), to(LOCK_STEPS.free)], []] };

	return {
		...workflow,
		id: `${template.id.slice(0, -2)}QM`,
		name: `${template.name} (queue mode)`,
		description: `${template.description ?? ''} Variant for n8n in queue mode (several workers): a Redis lock keeps one run at a time.`.trim(),
	};
}

export function readTemplate(file: string, dir = TEMPLATES_DIR): Workflow {
	return JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Workflow;
}

export function variantText(file: string): string {
	return `${JSON.stringify(queueModeVariant(readTemplate(file)), null, '\t')}\n`;
}

if (require.main === module) {
	fs.mkdirSync(QUEUE_MODE_DIR, { recursive: true });
	for (const file of RELAY_TEMPLATE_FILES) {
		fs.writeFileSync(path.join(QUEUE_MODE_DIR, file), variantText(file));
		console.log(`wrote workflows-templates/queue-mode/${file}`);
	}
}
