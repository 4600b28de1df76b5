/**
 * The simulator's in-memory Case Status database for one firm. Times are epoch milliseconds; the API layer
 * formats them. Collections are Maps keyed by Case Status IDs, with the secondary indexes the routes need
 * (integration ID, readable ID, e-mail, phone, messages and files per case kept in time order), so a lookup
 * stays O(1) or O(log n) and a filtered listing O(n) at 20,000 cases.
 */

export type CsRole = 'admin' | 'attorney' | 'paralegal' | 'support' | 'client';
export const STAFF_ROLES: readonly CsRole[] = ['admin', 'attorney', 'paralegal', 'support'];
export const ALL_ROLES: readonly CsRole[] = [...STAFF_ROLES, 'client'];

export type Direction = 'incoming' | 'outgoing';
export const DIRECTIONS: readonly Direction[] = ['incoming', 'outgoing'];

export interface CsUser {
	id: number;
	first_name: string;
	last_name: string;
	email: string | null;
	/** E.164 (`+15552013344`) for clients; staff may have none. */
	cell_phone: string | null;
	role: CsRole;
	/** The CMS contact ID of a client (how an import finds the same client again). */
	integration_id: string | null;
	created_at: number;
}

export interface CsStage {
	id: number;
	name: string;
	/** 1-based order inside its practice area. */
	position: number;
	description: string;
	/** Case-sensitive names a CMS may send for this stage. */
	integration_mappings: string[];
}

export interface CsPracticeArea {
	id: number;
	/** Display name, the one clients see. */
	name: string;
	/** Case-sensitive names a CMS may send for this practice area (many map to one). */
	integration_mappings: string[];
	stages: CsStage[];
}

export interface CsCase {
	id: number;
	readable_id: string;
	integration_id: string | null;
	integration_type: string;
	description: string;
	practice_area_id: number;
	/** Null when the case sits in a CMS stage Case Status has no mapping for (possible only for seeded cases). */
	stage_id: number | null;
	/** `YYYY-MM-DD`. */
	case_date: string | null;
	closed_at: number | null;
	primary_attorney_id: number;
	attorney_ids: number[];
	paralegal_ids: number[];
	client_ids: number[];
	created_at: number;
	updated_at: number;
}

export interface CsMessage {
	id: number;
	case_id: number;
	type: Direction;
	/** Test-only: the `type` the API shows instead (null = none), to model a message of missing or unknown type. */
	raw_type?: string | null;
	content: string;
	sent_at: number;
	created_at: number;
	sender_id: number | null;
	sender_name: string;
	external_id: string | null;
}

export interface CsFile {
	id: number;
	case_id: number;
	file_name: string;
	content_type: string;
	bytes: Buffer;
	created_at: number;
	updated_at: number;
	uploader_id: number | null;
	/** Who shared it: the client (received by the firm) or staff (sent to the client). */
	uploader_kind: 'client' | 'staff';
}

interface Timed {
	id: number;
	created_at: number;
}

const byTime = (a: Timed, b: Timed) => a.created_at - b.created_at || a.id - b.id;

/** Records kept in ascending (created_at, id) order; inserts and range starts are binary searches. */
export class TimeOrdered<T extends Timed> {
	readonly items: T[] = [];

	insert(item: T) {
		const items = this.items;
		const last = items[items.length - 1];
		if (!last || byTime(last, item) <= 0) {
			items.push(item);
			return;
		}
		let lo = 0;
		let hi = items.length;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (byTime(items[mid], item) <= 0) lo = mid + 1;
			else hi = mid;
		}
		items.splice(lo, 0, item);
	}

	/** Index of the first record with created_at >= ms. */
	firstAtOrAfter(ms: number): number {
		let lo = 0;
		let hi = this.items.length;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (this.items[mid].created_at < ms) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	}
}

/** What a case without messages or files answers; never inserted into. */
const NONE = new TimeOrdered<Timed>();

const emailKey = (email: string) => email.trim().toLowerCase();

export class CsState {
	readonly users = new Map<number, CsUser>();
	readonly practiceAreas = new Map<number, CsPracticeArea>();
	readonly cases = new Map<number, CsCase>();
	/** Case IDs in ascending order (the list order of `/v1/api/cases` and `/reporting/cases`). */
	readonly caseOrder: number[] = [];
	readonly messages = new TimeOrdered<CsMessage>();
	readonly files = new Map<number, CsFile>();
	readonly fileOrder = new TimeOrdered<CsFile>();

	private readonly usersByEmail = new Map<string, number[]>();
	private readonly clientsByPhone = new Map<string, number>();
	private readonly clientsByIntegrationId = new Map<string, number>();
	private readonly stages = new Map<number, { stage: CsStage; area: CsPracticeArea }>();
	private readonly casesByIntegrationId = new Map<string, number>();
	private readonly casesByReadableId = new Map<string, Set<number>>();
	private readonly messagesByCase = new Map<number, TimeOrdered<CsMessage>>();
	private readonly filesByCase = new Map<number, TimeOrdered<CsFile>>();

	readonly next = { user: 1, practiceArea: 1, stage: 1, case: 1, message: 1, file: 1 };

	// Users

	addUser(user: CsUser) {
		this.users.set(user.id, user);
		this.indexUser(user);
		this.next.user = Math.max(this.next.user, user.id + 1);
		return user;
	}

	/** Applies changes to a user and keeps the indexes right. */
	updateUser(user: CsUser, changes: Partial<Pick<CsUser, 'first_name' | 'last_name' | 'email' | 'cell_phone' | 'integration_id'>>) {
		this.unindexUser(user);
		Object.assign(user, changes);
		this.indexUser(user);
	}

	/** Staff member by e-mail, regardless of case (clients are not staff). */
	staffByEmail(email: string): CsUser | undefined {
		return this.usersWithEmail(email).find((u) => u.role !== 'client');
	}

	clientByEmail(email: string): CsUser | undefined {
		return this.usersWithEmail(email).find((u) => u.role === 'client');
	}

	clientByPhone(e164: string): CsUser | undefined {
		const id = this.clientsByPhone.get(e164);
		return id === undefined ? undefined : this.users.get(id);
	}

	clientByIntegrationId(integrationId: string): CsUser | undefined {
		const id = this.clientsByIntegrationId.get(integrationId);
		return id === undefined ? undefined : this.users.get(id);
	}

	private usersWithEmail(email: string): CsUser[] {
		return (this.usersByEmail.get(emailKey(email)) ?? []).map((id) => this.users.get(id)!);
	}

	private indexUser(user: CsUser) {
		if (user.email) {
			const key = emailKey(user.email);
			this.usersByEmail.set(key, [...(this.usersByEmail.get(key) ?? []), user.id]);
		}
		if (user.role === 'client') {
			if (user.cell_phone && !this.clientsByPhone.has(user.cell_phone)) this.clientsByPhone.set(user.cell_phone, user.id);
			if (user.integration_id) this.clientsByIntegrationId.set(user.integration_id, user.id);
		}
	}

	private unindexUser(user: CsUser) {
		if (user.email) {
			const key = emailKey(user.email);
			const rest = (this.usersByEmail.get(key) ?? []).filter((id) => id !== user.id);
			if (rest.length) this.usersByEmail.set(key, rest);
			else this.usersByEmail.delete(key);
		}
		if (user.cell_phone && this.clientsByPhone.get(user.cell_phone) === user.id) this.clientsByPhone.delete(user.cell_phone);
		if (user.integration_id && this.clientsByIntegrationId.get(user.integration_id) === user.id) {
			this.clientsByIntegrationId.delete(user.integration_id);
		}
	}

	// Practice areas and stages

	addPracticeArea(area: CsPracticeArea) {
		this.practiceAreas.set(area.id, area);
		this.next.practiceArea = Math.max(this.next.practiceArea, area.id + 1);
		for (const stage of area.stages) {
			this.stages.set(stage.id, { stage, area });
			this.next.stage = Math.max(this.next.stage, stage.id + 1);
		}
		return area;
	}

	stage(id: number | null): CsStage | undefined {
		return id === null ? undefined : this.stages.get(id)?.stage;
	}

	// Cases

	addCase(c: CsCase) {
		if (this.cases.has(c.id)) throw new Error(`Case ${c.id} already exists`);
		this.cases.set(c.id, c);
		const last = this.caseOrder[this.caseOrder.length - 1];
		if (last === undefined || last < c.id) this.caseOrder.push(c.id);
		else {
			this.caseOrder.push(c.id);
			this.caseOrder.sort((a, b) => a - b);
		}
		this.indexCase(c);
		this.next.case = Math.max(this.next.case, c.id + 1);
		return c;
	}

	/** Applies changes to a case and keeps the indexes right. */
	updateCase(c: CsCase, changes: Partial<CsCase>) {
		this.unindexCase(c);
		Object.assign(c, changes);
		this.indexCase(c);
	}

	/**
	 * Removes a case as staff deleting it in the app do: the API no longer lists or finds it, and its
	 * integration ID is free for a new case. A case with messages or files is refused (the simulator
	 * would have to delete those too).
	 */
	deleteCase(c: CsCase): boolean {
		if (this.caseMessages(c.id).items.length || this.caseFiles(c.id).items.length) return false;
		this.unindexCase(c);
		this.cases.delete(c.id);
		this.caseOrder.splice(this.caseOrder.indexOf(c.id), 1);
		return true;
	}

	caseByIntegrationId(integrationId: string): CsCase | undefined {
		const id = this.casesByIntegrationId.get(integrationId);
		return id === undefined ? undefined : this.cases.get(id);
	}

	/** Readable IDs are what clients see; Case Status does not require them to be unique. */
	casesByReadable(readableId: string): CsCase[] {
		return [...(this.casesByReadableId.get(readableId) ?? [])].map((id) => this.cases.get(id)!);
	}

	private indexCase(c: CsCase) {
		if (c.integration_id !== null) this.casesByIntegrationId.set(c.integration_id, c.id);
		const set = this.casesByReadableId.get(c.readable_id) ?? new Set<number>();
		set.add(c.id);
		this.casesByReadableId.set(c.readable_id, set);
	}

	private unindexCase(c: CsCase) {
		if (c.integration_id !== null && this.casesByIntegrationId.get(c.integration_id) === c.id) {
			this.casesByIntegrationId.delete(c.integration_id);
		}
		const set = this.casesByReadableId.get(c.readable_id);
		set?.delete(c.id);
		if (set && set.size === 0) this.casesByReadableId.delete(c.readable_id);
	}

	// Messages and files

	addMessage(message: CsMessage) {
		this.messages.insert(message);
		this.caseMessagesForInsert(message.case_id).insert(message);
		this.next.message = Math.max(this.next.message, message.id + 1);
		return message;
	}

	/** The case's messages in time order (empty for a case without any). */
	caseMessages(caseId: number): TimeOrdered<CsMessage> {
		return this.messagesByCase.get(caseId) ?? (NONE as TimeOrdered<CsMessage>);
	}

	private caseMessagesForInsert(caseId: number): TimeOrdered<CsMessage> {
		let list = this.messagesByCase.get(caseId);
		if (!list) {
			list = new TimeOrdered<CsMessage>();
			this.messagesByCase.set(caseId, list);
		}
		return list;
	}

	addFile(file: CsFile) {
		if (this.files.has(file.id)) throw new Error(`File ${file.id} already exists`);
		this.files.set(file.id, file);
		this.fileOrder.insert(file);
		this.caseFilesForInsert(file.case_id).insert(file);
		this.next.file = Math.max(this.next.file, file.id + 1);
		return file;
	}

	/** The case's files in time order (empty for a case without any). */
	caseFiles(caseId: number): TimeOrdered<CsFile> {
		return this.filesByCase.get(caseId) ?? (NONE as TimeOrdered<CsFile>);
	}

	private caseFilesForInsert(caseId: number): TimeOrdered<CsFile> {
		let list = this.filesByCase.get(caseId);
		if (!list) {
			list = new TimeOrdered<CsFile>();
			this.filesByCase.set(caseId, list);
		}
		return list;
	}
}
