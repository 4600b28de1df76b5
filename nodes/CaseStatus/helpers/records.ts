/**
 * The Case Status records this package reads, as the API sends them (snake_case). Only the fields
 * the nodes use are typed; everything else is passed through untouched in raw output.
 */

export interface CsPerson {
	id: number;
	email: string | null;
	first_name?: string;
	last_name?: string;
	cell_phone?: string | null;
	/** A client's ID in the case management system (proposed: Case Status returns what it was given). */
	integration_id?: string | null;
}

export interface CsCaseRecord {
	id: number;
	readable_id: string;
	integration_id: string | null;
	description: string | null;
	practice_area: { id: number; name: string } | null;
	stage: { id: number; name: string; position?: number } | null;
	/** `YYYY-MM-DD`. */
	case_date: string | null;
	closed_at: string | null;
	primary_attorney: CsPerson | null;
	/** Attorneys on the case besides the primary attorney. */
	attorneys: CsPerson[];
	paralegals: CsPerson[];
	clients: CsPerson[];
	created_at: string;
	updated_at: string;
	[key: string]: unknown;
}

export interface CsMessageRecord {
	id: number;
	/** "incoming" = client → firm, "outgoing" = firm → client. */
	type: string;
	content: string;
	sent_at: string | null;
	created_at: string;
	readable_id: string | null;
	integration_id: string | null;
	sender_name: string | null;
	case_id?: number | string;
	sender?: { id: number; role: string; email?: string | null } | null;
	external_id?: string | null;
	[key: string]: unknown;
}

export interface CsFileRecord {
	id: number;
	url: string;
	size: number | null;
	/** A string in the verified schema, although case IDs are numbers elsewhere. */
	case_id: string | number;
	extension: string | null;
	file_name: string;
	content_type: string | null;
	created_at: string;
	updated_at: string | null;
	case_readable_id: string | null;
	case_practice_area: string | null;
	case_integration_id: string | null;
	uploaded_by?: { id: number | null; role: string } | null;
	[key: string]: unknown;
}

export interface CsStageRecord {
	id: number;
	name: string;
	position: number;
	description?: string;
	integration_mappings?: string[];
}

export interface CsPracticeAreaRecord {
	id: number;
	name: string;
	integration_mappings?: string[];
	stages: CsStageRecord[];
}
