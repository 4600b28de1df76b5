/**
 * SQL Server `LIKE` as `case/CaseInfo?Casenumber=` applies it: `%` any run of characters, `_` one character,
 * `[abc]` / `[a-c]` / `[^abc]` one character from (not from) a set — so `[%]` is a literal percent sign.
 * Matching ignores case, as SA's default collation does.
 */

export const hasWildcard = (pattern: string) => /[%_[]/.test(pattern);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

export function likeToRegExp(pattern: string): RegExp {
	let source = '';
	for (let i = 0; i < pattern.length; i++) {
		const ch = pattern[i];
		if (ch === '%') source += '[\\s\\S]*';
		else if (ch === '_') source += '[\\s\\S]';
		else if (ch === '[') {
			const close = pattern.indexOf(']', i + 2);
			if (close === -1) {
				source += escape(ch);
				continue;
			}
			let body = pattern.slice(i + 1, close);
			const negate = body.startsWith('^');
			if (negate) body = body.slice(1);
			const members = body.replace(/[\\\]^]/g, '\\$&');
			source += `[${negate ? '^' : ''}${members}]`;
			i = close;
		} else source += escape(ch);
	}
	return new RegExp(`^${source}$`, 'i');
}
