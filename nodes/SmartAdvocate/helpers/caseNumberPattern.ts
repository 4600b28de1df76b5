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

/** SQL Server LIKE as a case-insensitive regular expression (`%`, `_`, `[set]`, `[^set]`). */
function likeToRegExp(pattern: string): RegExp {
	let source = '';
	for (let i = 0; i < pattern.length; i++) {
		const ch = pattern[i];
		const close = ch === '[' ? pattern.indexOf(']', i + 2) : -1;
		if (ch === '%') source += '[\\s\\S]*';
		else if (ch === '_') source += '[\\s\\S]';
		else if (close !== -1) {
			const body = pattern.slice(i + 1, close);
			const negate = body.startsWith('^');
			source += `[${negate ? '^' : ''}${(negate ? body.slice(1) : body).replace(/[\\\]^]/g, '\\$&')}]`;
			i = close;
		} else source += ch.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
	}
	return new RegExp(`^${source}$`, 'i');
}

/**
 * Whether a case number found by the server really matches what the user asked for, so a server or proxy
 * that ignores or widens the LIKE filter never hands back other cases. Case-insensitive, as SmartAdvocate is.
 */
export function caseNumberMatcher(input: string, match: CaseNumberMatch): (caseNumber: unknown) => boolean {
	const wanted = input.trim().toLowerCase();
	if (match === 'like') {
		const pattern = likeToRegExp(input.trim());
		return (caseNumber) => pattern.test(String(caseNumber ?? '').trim());
	}
	if (match === 'startsWith') return (caseNumber) => String(caseNumber ?? '').trim().toLowerCase().startsWith(wanted);
	return (caseNumber) => String(caseNumber ?? '').trim().toLowerCase() === wanted;
}
