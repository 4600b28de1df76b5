/**
 * `case/CaseInfo?Casenumber=` matches with SQL Server's LIKE, where `%`, `_` and `[` are wildcards.
 * A user's case number must match itself only, so those characters are bracketed (`[%]`) unless the
 * user deliberately writes a LIKE pattern.
 */

export type CaseNumberMatch = 'exact' | 'startsWith' | 'like';

/** The text as a LIKE pattern matching exactly that text. */
export function escapeLike(text: string): string {
	return text.replace(/[[%_]/g, (wildcard) => `[${wildcard}]`);
}

/** The `Casenumber` pattern for what the user typed and how it should match. */
export function caseNumberPattern(input: string, match: CaseNumberMatch): string {
	const text = input.trim();
	if (match === 'like') return text;
	if (match === 'startsWith') return `${escapeLike(text)}%`;
	return escapeLike(text);
}
