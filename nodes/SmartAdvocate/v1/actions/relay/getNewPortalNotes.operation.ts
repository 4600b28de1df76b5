import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getNewOperation } from '../../../../shared/relay/getNew';
import { noteMatches } from '../../../helpers/noteFilter';
import { simplifyNote } from '../../../helpers/simplify';
import { smartAdvocateByDatePaged, smartAdvocateEndpoints } from '../../../transport';
import { CaseStaffCache } from '../caseLookup';

const properties: INodeProperties[] = [
	{
		displayName: 'Note Type Names or IDs',
		name: 'noteTypes',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getNoteTypes' },
		default: [],
		description:
			'Only notes of these types (empty: every type). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Only Shared in Client Portal',
		name: 'onlySharedInClientPortal',
		type: 'boolean',
		default: true,
		description: 'Whether to get only notes with "Shared in Client Portal" ticked',
	},
];

/** Notes written since the last run, as Note → Get Many (simplified) outputs them. */
export const { description, execute } = getNewOperation(
	{
		operation: 'getNewNotes',
		slot: 'smartAdvocateNotes',
		idField: 'noteId',
		what: 'notes',
		properties,
		async read(this: IExecuteFunctions, since: string, itemIndex: number, relayedBefore: (id: string) => boolean) {
			const filter = {
				noteTypes: (this.getNodeParameter('noteTypes', itemIndex, []) as Array<string | number>) ?? [],
				onlySharedInClientPortal: this.getNodeParameter('onlySharedInClientPortal', itemIndex, true) === true,
				createdSince: since,
			};
			const notes = await smartAdvocateByDatePaged(
				this,
				smartAdvocateEndpoints.notesByDatePaged(),
				{ modifiedFrom: since, modifiedTo: new Date().toISOString() },
				{ keep: (note) => noteMatches(note, filter) },
				{
					action: `search notes modified since ${since}`,
					itemIndex,
					notFound: 'This SmartAdvocate server does not offer the note search by date (case/notes/byDatePaged), which the relay needs',
				},
			);
			// Each note needs its case's staff (one read per case): only for the notes not relayed yet, so a run that
			// reads its overlap again finds nothing new without a read per case.
			const staff = new CaseStaffCache(this);
			const output: IDataObject[] = [];
			for (const note of notes) {
				if (relayedBefore(String(note.noteID))) continue;
				output.push(simplifyNote(note, await staff.of(Number(note.caseID), itemIndex)) as unknown as IDataObject);
			}
			return output;
		},
	},
	{ resource: ['relay'] },
);
