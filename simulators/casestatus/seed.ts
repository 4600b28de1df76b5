/**
 * Builds the Case Status state from the neutral firm model: staff in Case Status (role from `kind`), the
 * clients of synced cases, practice areas in Case Status (one per display name, SA case types as mappings)
 * each with the firm's stages except those unknown to Case Status, and the synced cases with their messages
 * and files. IDs the firm model does not carry (users, practice areas, stages) are assigned in a fixed order.
 */
import { stageOfStatus } from '../shared/eligibility';
import type { FirmCase, FirmClient, FirmModel, StaffRole } from '../shared/firm';
import { normalizeUsCellPhone } from '../shared/phone';
import { fullName } from './serialize';
import { CsState, type CsCase, type CsFile, type CsMessage, type CsPracticeArea } from './state';

export const FIRST_USER_ID = 1001;
/** Where imported cases are numbered from when the firm model names no Case Status ID. */
export const FIRST_CASE_ID = 90001;
export const SEEDED_INTEGRATION_TYPE = 'SMARTADVOCATE';

const ATTORNEY_ROLES: StaffRole[] = ['Secondary Attorney', 'Managing Attorney'];
const PARALEGAL_ROLES: StaffRole[] = ['Case Manager', 'Primary Paralegal', 'Paralegal', 'Intake Paralegal'];

export function emptyFirm(apiKey = 'cs-sim-api-key'): FirmModel {
	return {
		firmName: 'Empty Firm',
		apiUser: { userId: 1, username: 'api', password: 'api' },
		caseStatusApiKey: apiKey,
		staff: [],
		practiceAreas: [],
		stages: [],
		noteTypes: [],
		cases: [],
	};
}

/** Throws when a body is not shaped like a FirmModel (the `/__admin/seed` body). */
export function assertFirmModel(body: unknown): asserts body is FirmModel {
	const firm = body as Partial<FirmModel> | undefined;
	const arrays = ['staff', 'practiceAreas', 'stages', 'cases'] as const;
	if (!firm || typeof firm !== 'object' || arrays.some((key) => !Array.isArray(firm[key])) || typeof firm.caseStatusApiKey !== 'string') {
		throw new Error(`A seed is a firm model: {caseStatusApiKey, ${arrays.join(', ')}, …} (simulators/shared/firm.ts)`);
	}
}

const time = (iso: string, what: string) => {
	const ms = Date.parse(iso);
	if (Number.isNaN(ms)) throw new Error(`${what}: not an ISO date: ${iso}`);
	return ms;
};

export const stageDescription = (stage: string) => `Your case is in the ${stage} stage.`;

export function buildState(firm: FirmModel, now: number): CsState {
	const state = new CsState();
	state.next.user = FIRST_USER_ID;
	state.next.case = FIRST_CASE_ID;

	const staffIds = new Map<number, number>();
	for (const person of firm.staff) {
		if (!person.inCaseStatus) continue;
		const user = state.addUser({
			id: state.next.user,
			first_name: person.firstName,
			last_name: person.lastName,
			email: person.email,
			cell_phone: normalizeUsCellPhone(person.phone),
			role: person.kind,
			integration_id: null,
			created_at: now,
		});
		staffIds.set(person.userId, user.id);
	}

	const knownStages = firm.stages.filter((stage) => stage.inCaseStatus !== false);
	const areaByIndex = new Map<number, CsPracticeArea>();
	const areaByName = new Map<string, CsPracticeArea>();
	firm.practiceAreas.forEach((pa, index) => {
		if (!pa.inCaseStatus) return;
		let area = areaByName.get(pa.csName);
		if (!area) {
			area = {
				id: state.next.practiceArea,
				name: pa.csName,
				integration_mappings: [],
				stages: knownStages.map((stage, i) => ({
					id: state.next.stage + i,
					name: stage.name,
					position: i + 1,
					description: stageDescription(stage.name),
					integration_mappings: [stage.name],
				})),
			};
			state.addPracticeArea(area);
			areaByName.set(pa.csName, area);
		}
		if (!area.integration_mappings.includes(pa.caseType)) area.integration_mappings.push(pa.caseType);
		areaByIndex.set(index, area);
	});

	const clientIds = new Map<number, number>();
	const clientUser = (client: FirmClient) => {
		const existing = clientIds.get(client.contactId);
		if (existing !== undefined) return existing;
		const user = state.addUser({
			id: state.next.user,
			first_name: client.firstName,
			last_name: client.lastName,
			email: client.email,
			cell_phone: normalizeUsCellPhone(client.cellPhone),
			role: 'client',
			integration_id: String(client.contactId),
			created_at: now,
		});
		clientIds.set(client.contactId, user.id);
		return user.id;
	};

	const synced = firm.cases.filter((c) => c.inCaseStatus);
	let nextId = synced.reduce((max, c) => (c.csCaseId === undefined ? max : Math.max(max, c.csCaseId + 1)), FIRST_CASE_ID);
	const ordered = synced
		.map((firmCase) => ({ firmCase, id: firmCase.csCaseId ?? nextId++ }))
		.sort((a, b) => a.id - b.id);

	const messages: CsMessage[] = [];
	const files: CsFile[] = [];
	for (const { firmCase, id } of ordered) {
		const c = caseFromFirm(firm, firmCase, id, { state, staffIds, areaByIndex, clientUser });
		state.addCase(c);
		messages.push(...messagesOf(firm, firmCase, c, staffIds, clientIds, state));
		files.push(...filesOf(firmCase, c));
	}
	// In time order, so every insert appends.
	const byTime = (a: { created_at: number; id: number }, b: { created_at: number; id: number }) => a.created_at - b.created_at || a.id - b.id;
	for (const m of messages.sort(byTime)) state.addMessage(m);
	for (const f of files.sort(byTime)) state.addFile(f);
	return state;
}

interface SeedMaps {
	state: CsState;
	staffIds: Map<number, number>;
	areaByIndex: Map<number, CsPracticeArea>;
	clientUser(client: FirmClient): number;
}

function caseFromFirm(firm: FirmModel, firmCase: FirmCase, id: number, maps: SeedMaps): CsCase {
	const label = `Case ${firmCase.caseNumber} (in Case Status)`;
	const area = maps.areaByIndex.get(firmCase.practiceArea);
	if (!area) throw new Error(`${label}: its practice area is not in Case Status`);
	const staffWith = (roles: StaffRole[]) => {
		const ids = firmCase.staff
			.filter((s) => roles.includes(s.role))
			.map((s) => maps.staffIds.get(s.userId))
			.filter((x): x is number => x !== undefined);
		return [...new Set(ids)];
	};
	const [primary] = staffWith(['Primary Attorney']);
	if (primary === undefined) throw new Error(`${label}: its primary attorney is not in Case Status`);
	// A case sitting in a stage Case Status does not know keeps no stage there.
	const firmStage = stageOfStatus(firm, firmCase.status);
	const stage = firmStage ? area.stages.find((s) => s.name === firmStage.name) : undefined;
	const created = time(firmCase.createdAt, label);
	const modified = time(firmCase.modifiedAt, label);
	return {
		id,
		readable_id: firmCase.caseNumber,
		integration_id: String(firmCase.caseId),
		integration_type: SEEDED_INTEGRATION_TYPE,
		description: firmCase.caseName,
		practice_area_id: area.id,
		stage_id: stage?.id ?? null,
		case_date: (firmCase.incidentDate ?? firmCase.openedDate).slice(0, 10),
		closed_at: firmCase.closed ? time(firmCase.closedDate ?? firmCase.modifiedAt, label) : null,
		primary_attorney_id: primary,
		attorney_ids: staffWith(ATTORNEY_ROLES).filter((x) => x !== primary),
		paralegal_ids: staffWith(PARALEGAL_ROLES),
		client_ids: firmCase.clients.map((client) => maps.clientUser(client)),
		created_at: created,
		updated_at: Math.max(created, modified),
	};
}

function messagesOf(
	firm: FirmModel,
	firmCase: FirmCase,
	c: CsCase,
	staffIds: Map<number, number>,
	clientIds: Map<number, number>,
	state: CsState,
): CsMessage[] {
	return firmCase.messages.map((m) => {
		const senderId = (m.direction === 'incoming' ? clientIds : staffIds).get(m.senderId) ?? null;
		const sender = senderId === null ? undefined : state.users.get(senderId);
		const person =
			m.direction === 'incoming' ? firmCase.clients.find((x) => x.contactId === m.senderId) : firm.staff.find((x) => x.userId === m.senderId);
		const at = time(m.createdAt, `Message ${m.messageId}`);
		return {
			id: m.messageId,
			case_id: c.id,
			type: m.direction,
			content: m.content,
			sent_at: at,
			created_at: at,
			sender_id: senderId,
			sender_name: sender ? fullName(sender) : person ? `${person.firstName} ${person.lastName}` : 'Unknown',
			external_id: null,
		};
	});
}

function filesOf(firmCase: FirmCase, c: CsCase): CsFile[] {
	return firmCase.documents
		.filter((d) => d.service === 'casestatus')
		.map((d) => {
			const kind = d.uploadedBy ?? 'client';
			const at = time(d.createdAt, `File ${d.id}`);
			return {
				id: d.id,
				case_id: c.id,
				file_name: d.fileName,
				content_type: d.contentType,
				bytes: Buffer.from(d.contentBase64, 'base64'),
				created_at: at,
				updated_at: at,
				uploader_id: kind === 'client' ? (c.client_ids[0] ?? null) : c.primary_attorney_id,
				uploader_kind: kind,
			};
		});
}
