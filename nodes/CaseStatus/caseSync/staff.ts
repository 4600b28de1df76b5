import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { oncePerNodeRun } from '../../shared/perNodeRun';
import { caseStatusEndpoints, caseStatusListAll } from '../transport';
import { asNodeError } from '../v1/actions/common/nodeError';

/** Roles a case's attorneys and paralegals can have (clients are never staff). */
const STAFF_ROLES = ['admin', 'attorney', 'paralegal', 'support'];

async function fetchStaffEmails(ctx: IExecuteFunctions, itemIndex: number): Promise<Set<string> | undefined> {
	// The roles are read at the same time; every read ends before the run goes on.
	const reads = await Promise.allSettled(
		STAFF_ROLES.map(
			async (role) =>
				await caseStatusListAll(ctx, caseStatusEndpoints.users(), { qs: { role } }, { action: `get the ${role} users`, itemIndex }),
		),
	);
	const emails = new Set<string>();
	for (const read of reads) {
		if (read.status === 'rejected') {
			// An account without the user list still syncs; unknown e-mails are then simply compared as given.
			if (read.reason instanceof NodeApiError && read.reason.httpCode === '404') return undefined;
			throw asNodeError(ctx.getNode(), read.reason);
		}
		for (const user of read.value) if (typeof user.email === 'string') emails.add(user.email.trim().toLowerCase());
	}
	return emails;
}

/** One fetch per node run, shared by every item. */
const staffOnce = oncePerNodeRun<Set<string> | undefined>();

/** E-mails of the firm's Case Status staff (lower case), or undefined when the account cannot list users. */
export async function staffEmailsForRun(ctx: IExecuteFunctions, itemIndex: number): Promise<Set<string> | undefined> {
	return await staffOnce(ctx, async () => await fetchStaffEmails(ctx, itemIndex));
}

/**
 * Splits e-mails into those of Case Status staff and the rest. Case Status leaves unknown
 * additional attorneys and paralegals out of a case, so comparing them would find a change
 * every night that no write can make.
 */
export function knownStaff(emails: string[] | undefined, staff: Set<string> | undefined): { known?: string[]; unknown: string[] } {
	if (!emails || !staff) return { known: emails, unknown: [] };
	return {
		known: emails.filter((email) => staff.has(email.toLowerCase())),
		unknown: emails.filter((email) => !staff.has(email.toLowerCase())),
	};
}
