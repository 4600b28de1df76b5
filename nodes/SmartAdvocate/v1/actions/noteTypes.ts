/** The firm's note types (their IDs differ per firm), and turning a chosen name or ID into the ID. */
import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { oncePerNodeRun } from '../../../shared/perNodeRun';
import type { ServiceContext } from '../../../shared/serviceRequest';
import { smartAdvocateEndpoints, smartAdvocateRequest } from '../../transport';

export interface NoteType {
	noteTypeId: number;
	noteTypeName: string;
}

export async function getNoteTypes(ctx: ServiceContext, itemIndex?: number): Promise<NoteType[]> {
	const types = await smartAdvocateRequest<IDataObject[]>(
		ctx,
		{ method: 'GET', path: smartAdvocateEndpoints.noteTypes() },
		{ action: 'list the note types', itemIndex },
	);
	return (Array.isArray(types) ? types : []).map((type) => ({
		noteTypeId: Number(type.noteTypeID),
		noteTypeName: String(type.noteTypeName ?? ''),
	}));
}

// One list per node run: a relay writing 200 notes asks SmartAdvocate for its note types once, not 200 times
// (a failed lookup is not remembered, so the next item tries again).
const listedOnce = oncePerNodeRun<NoteType[]>();

async function noteTypesOnce(ctx: ServiceContext, itemIndex: number): Promise<NoteType[]> {
	return await listedOnce(ctx, async () => await getNoteTypes(ctx, itemIndex));
}

/** The note type ID for an ID from the list, or a note type name given by an expression. */
export async function resolveNoteTypeId(ctx: ServiceContext, value: unknown, itemIndex: number): Promise<number> {
	const text = String(value ?? '').trim();
	if (!text) {
		throw new NodeOperationError(ctx.getNode(), 'No note type given in the Note Type parameter', {
			description: 'Choose a note type from the list.',
			itemIndex,
		});
	}
	if (/^\d+$/.test(text)) return Number(text);
	const types = await noteTypesOnce(ctx, itemIndex);
	const found = types.find((type) => type.noteTypeName.trim().toLowerCase() === text.toLowerCase());
	if (!found) {
		throw new NodeOperationError(ctx.getNode(), `No note type named "${text}" exists in SmartAdvocate`, {
			description: `Use one of: ${types.map((type) => type.noteTypeName).join(', ')}.`,
			itemIndex,
		});
	}
	return found.noteTypeId;
}
