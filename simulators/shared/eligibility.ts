/**
 * Whether Case Status would accept a firm case on import, per its documented prerequisites
 * ("A Primary Attorney tied to the case that exists in the Case Status firm; A client with a valid
 * cell phone; Practice Areas & Stages ... mappings"). Pure: the simulators and e2e tests reuse it.
 */
import type { FirmCase, FirmModel, FirmStaff, FirmStage } from './firm';
import { isValidUsCellPhone } from './phone';

export type IneligibleReason =
	| 'primary-attorney-not-in-case-status'
	| 'client-cell-phone-invalid'
	| 'practice-area-not-in-case-status'
	| 'stage-not-in-case-status';

/** In the order they are checked (the first failing one is reported). */
export const INELIGIBLE_REASONS: readonly IneligibleReason[] = [
	'primary-attorney-not-in-case-status',
	'client-cell-phone-invalid',
	'practice-area-not-in-case-status',
	'stage-not-in-case-status',
];

/** The stage whose statuses contain `status` (SA stages are collections of primary statuses). */
export function stageOfStatus(firm: FirmModel, status: string): FirmStage | undefined {
	return firm.stages.find((stage) => stage.statuses.includes(status));
}

export function primaryAttorneyOf(firm: FirmModel, firmCase: FirmCase): FirmStaff | undefined {
	const link = firmCase.staff.find((s) => s.role === 'Primary Attorney');
	return link && firm.staff.find((s) => s.userId === link.userId);
}

/**
 * Null when Case Status would import the case, else the first reason it would refuse it.
 * Clients: every client of the case needs a valid US cell phone (and there must be one client);
 * the demo never mixes valid and invalid phones on one case, so "at least one" agrees with this.
 */
export function caseStatusEligibility(firm: FirmModel, firmCase: FirmCase): IneligibleReason | null {
	const attorney = primaryAttorneyOf(firm, firmCase);
	if (!attorney || !attorney.inCaseStatus) return 'primary-attorney-not-in-case-status';

	if (firmCase.clients.length === 0) return 'client-cell-phone-invalid';
	if (!firmCase.clients.every((c) => isValidUsCellPhone(c.cellPhone))) return 'client-cell-phone-invalid';

	const area = firm.practiceAreas[firmCase.practiceArea];
	if (!area || !area.inCaseStatus) return 'practice-area-not-in-case-status';

	const stage = stageOfStatus(firm, firmCase.status);
	if (!stage || stage.inCaseStatus === false) return 'stage-not-in-case-status';

	return null;
}
