/** Relay → Get New Notes on the SmartAdvocate node, against the simulator (Confirm: see the Case Status relay tests). */
import type { IDataObject } from 'n8n-workflow';

import { SmartAdvocate } from '../../../../../../nodes/SmartAdvocate/SmartAdvocate.node';
import { runNode } from '../../../../../support/n8nContext';
import { useSa } from '../../../harness';

const sa = useSa();
const node = new SmartAdvocate();

describe('SmartAdvocate → Relay → Get New Notes', () => {
	it('gets the Plaintiff notes shared in the client portal, simplified; once confirmed, not again', async () => {
		const staticData: IDataObject = {};
		const run = (executionId: string, parameters: IDataObject) =>
			runNode(node, { parameters: { resource: 'relay', ...parameters }, credentials: sa.credentials, staticData, workflowId: 'wfNotesRelay1', executionId, mode: 'trigger', timezone: 'UTC' });
		const first = await run('n1', { operation: 'getNewNotes', noteTypes: ['Plaintiff'] });
		expect(first.map((i) => [i.json.noteId, i.json.caseNumber])).toEqual([
			[501, '2024-0001'],
			[504, '2024-0002'],
		]);
		expect(first[0].json).toMatchObject({ noteId: 501, noteType: 'Plaintiff', isSharedInClientPortal: true });
		const confirmed = await runNode(node, {
			parameters: { resource: 'relay', operation: 'confirm', itemId: '={{ $json.noteId }}' },
			items: first,
			staticData,
			workflowId: 'wfNotesRelay1',
			executionId: 'n1',
			mode: 'trigger',
		});
		expect(confirmed[0].json).toMatchObject({ relayed: 2, released: true });
		expect(await run('n2', { operation: 'getNewNotes', noteTypes: ['Plaintiff'] })).toEqual([]);
	});
});
