/**
 * A synthetic firm of N cases for benchmarks (N up to 20,000 and beyond): the demo firm's staff,
 * practice areas, stages and note types with generated cases. Every case is eligible for Case Status
 * unless `ineligibleEvery` asks for refusals; files are a few tiny shared blobs, so memory stays modest.
 */
import type { FirmModel } from './firm';
import {
	CaseFactory,
	type CaseQuirk,
	type CaseSpec,
	DEFAULT_NOW,
	OPENED_DAYS_BY_STAGE,
	PRACTICE_AREA,
	UNMAPPED_STAGE_STATUS,
	buildFirmSetup,
	createRng,
	parseNow,
	stageNameOf,
} from './demoFirm';

export interface SyntheticFirmOptions {
	seed?: number;
	now?: string;
	/**
	 * Make every k-th case (the k-th, 2k-th, ...) ineligible for Case Status, cycling through the
	 * reasons: primary attorney not in CS, invalid client cell phone, practice area not configured,
	 * stage unknown to CS. 0 or missing: all cases eligible.
	 */
	ineligibleEvery?: number;
	/** Mark every k-th eligible case as already synced to Case Status (with 1–3 messages). 0 or missing: none. */
	inCaseStatusEvery?: number;
}

/** Eligible areas weighted like a PI caseload: mostly motor vehicle. */
const AREA_WEIGHTS = [
	PRACTICE_AREA.motorVehicle, PRACTICE_AREA.motorVehicle, PRACTICE_AREA.motorVehicle, PRACTICE_AREA.motorVehicle,
	PRACTICE_AREA.premises, PRACTICE_AREA.premises, PRACTICE_AREA.medicalMalpractice,
	PRACTICE_AREA.dogBite, PRACTICE_AREA.workersComp, PRACTICE_AREA.workersComp,
];

type IneligibleVariant = CaseQuirk | 'unmapped-practice-area' | 'unmapped-stage';
const INELIGIBLE_CYCLE: IneligibleVariant[] = [
	'led-by-attorney-not-in-cs',
	'invalid-cell-phone',
	'unmapped-practice-area',
	'unmapped-stage',
];

export function buildSyntheticFirm(caseCount: number, options: SyntheticFirmOptions = {}): FirmModel {
	if (!Number.isInteger(caseCount) || caseCount < 0) throw new Error(`caseCount must be a non-negative integer, got ${caseCount}`);
	const setup = buildFirmSetup();
	const rng = createRng(options.seed ?? 1);
	const nowMs = parseNow(options.now ?? DEFAULT_NOW);
	const every = options.ineligibleEvery ?? 0;
	const csEvery = options.inCaseStatusEvery ?? 0;

	// Statuses Case Status knows, with their opening-age ranges.
	const statuses = setup.stages
		.filter((stage) => stage.inCaseStatus !== false)
		.flatMap((stage) => stage.statuses.map((status) => ({ status, days: OPENED_DAYS_BY_STAGE[stage.name] })));

	const specs: CaseSpec[] = [];
	let eligibleSeen = 0;
	for (let i = 0; i < caseCount; i++) {
		const pick = rng.pick(statuses);
		const spec: CaseSpec = {
			practiceArea: rng.pick(AREA_WEIGHTS),
			status: pick.status,
			openedDaysAgo: pick.days[0] + rng.next() * (pick.days[1] - pick.days[0]),
		};
		if (every > 0 && (i + 1) % every === 0) {
			const variant = INELIGIBLE_CYCLE[((i + 1) / every - 1) % INELIGIBLE_CYCLE.length];
			if (variant === 'unmapped-practice-area') spec.practiceArea = PRACTICE_AREA.productLiability;
			else if (variant === 'unmapped-stage') {
				spec.status = UNMAPPED_STAGE_STATUS;
				const [min, max] = OPENED_DAYS_BY_STAGE[stageNameOf(setup, UNMAPPED_STAGE_STATUS)];
				spec.openedDaysAgo = min + rng.next() * (max - min);
			} else spec.quirk = variant;
		} else if (csEvery > 0 && eligibleSeen++ % csEvery === 0) {
			spec.inCaseStatus = true;
		}
		specs.push(spec);
	}
	// Oldest first, so case IDs and numbers follow the opened date as in a real system.
	specs.sort((a, b) => b.openedDaysAgo - a.openedDaysAgo);

	const factory = new CaseFactory(setup, rng, nowMs, {
		firstCaseId: 600001,
		firstCaseNumber: 9100001,
		firstContactId: 1800001,
		firstNoteId: 3000001,
		firstMessageId: 700001,
		firstSaDocumentId: 950001,
		firstCsFileId: 20001,
		firstCsCaseId: 50001,
		noteCount: [0, 2],
		messageCount: [1, 3],
		files: 'shared',
		uniqueClientNames: false,
		saDocumentChance: 0.1,
	});
	const cases = new Array(specs.length);
	for (let i = 0; i < specs.length; i++) cases[i] = factory.build(specs[i]);
	return { ...setup, cases };
}
