/**
 * US cell-phone rule shared by the demo data, the eligibility helper and the Case Status simulator.
 *
 * SmartAdvocate stores phones as typed ("(555) 201-3344", "555.201.3344", "+1 555 201 3344");
 * Case Status needs a valid US cell phone to create a client ("Cell phone invalid: <value>").
 * Rule: keep only digits; accept 10 digits, or 11 digits starting with the country code 1;
 * the area code (first of the 10) may not start with 0 or 1 (NANP).
 */

/** E.164 form `+1XXXXXXXXXX`, or null when the number is missing or not a valid US number. */
export function normalizeUsCellPhone(raw: string | null | undefined): string | null {
	if (raw === null || raw === undefined) return null;
	let digits = String(raw).replace(/\D/g, '');
	if (digits.length === 11 && digits.startsWith('1')) digits = digits.slice(1);
	if (digits.length !== 10) return null;
	if (digits[0] === '0' || digits[0] === '1') return null;
	return `+1${digits}`;
}

export function isValidUsCellPhone(raw: string | null | undefined): boolean {
	return normalizeUsCellPhone(raw) !== null;
}
