import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { DateTime } from 'luxon';

/**
 * A "since" time as the API compares it (ISO-8601 UTC). A date picker value carries no zone;
 * n8n means the workflow's time zone, so that is how it is read.
 */
export function sinceParameter(this: IExecuteFunctions, itemIndex: number, value: unknown, label: string): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	let time: DateTime;
	if (value instanceof Date) time = DateTime.fromJSDate(value);
	else if (DateTime.isDateTime(value)) time = value;
	else time = DateTime.fromISO(String(value).trim(), { zone: this.getTimezone() });
	if (!time.isValid) {
		throw new NodeOperationError(this.getNode(), `The ${label} "${String(value)}" is not a date and time`, {
			description: 'Give an ISO date and time such as 2025-03-01T09:00:00Z, or pick one in the field.',
			itemIndex,
		});
	}
	return time.toUTC().toISO() as string;
}
