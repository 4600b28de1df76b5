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
		const before = (await sa.calls()).length;
		// An overlap reaching back to the first run's start: the two notes are read again, but not their cases.
		expect(await run('n2', { operation: 'getNewNotes', noteTypes: ['Plaintiff'], relayOptions: { overlapMinutes: 48 * 60 } })).toEqual([]);
		const again = (await sa.calls()).slice(before).filter((call) => !call.includes('/Users/authenticate'));
		expect(again).toEqual(['POST /case/notes/byDatePaged']);
	});
});
