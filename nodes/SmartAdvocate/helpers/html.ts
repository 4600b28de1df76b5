/**
 * SmartAdvocate stores note text as HTML (its editor writes `<br>`, `&nbsp;`, `<strong>`). These two
 * functions move between that HTML and the plain text people type or read in other tools.
 */

/** Plain text → HTML that shows the same text: `& < > "` escaped, line breaks as `<br>`. */
export function textToHtml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/\r\n?/g, '\n')
		.replace(/\n/g, '<br>');
}

const NAMED_ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: ' ',
	ndash: '–',
	mdash: '—',
	lsquo: '‘',
	rsquo: '’',
	ldquo: '“',
	rdquo: '”',
	hellip: '…',
	bull: '•',
	middot: '·',
	copy: '©',
	reg: '®',
	trade: '™',
	deg: '°',
	sect: '§',
	para: '¶',
	euro: '€',
	cent: '¢',
	pound: '£',
};

function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
		if (entity[0] === '#') {
			const code = entity[1].toLowerCase() === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
			if (!Number.isFinite(code) || code < 0 || code > 0x10ffff) return whole;
			return code === 0xa0 ? ' ' : String.fromCodePoint(code);
		}
		return NAMED_ENTITIES[entity.toLowerCase()] ?? whole;
	});
}

/** Marks where a block element starts or ends, before such edges are merged into line breaks. */
const BLOCK = '\u0000';

/**
 * HTML → readable plain text: line-breaking tags become newlines, list items get a bullet, every
 * other tag is dropped, entities are decoded, and spaces and blank lines are tidied.
 */
export function htmlToText(html: string | null | undefined): string {
	if (!html) return '';
	const text = html
		// The marker character must not come from the input.
		.split(BLOCK)
		.join('')
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(/<(script|style|head)\b[\s\S]*?<\/\1\s*>/gi, '')
		// Source line breaks are not visible in HTML; only tags break lines.
		.replace(/[\r\n]+/g, ' ')
		.replace(/<br\s*\/?>/gi, '\n')
		.replace(/<li\b[^>]*>/gi, `${BLOCK}• `)
		.replace(/<\/?(p|div|li|tr|h[1-6]|blockquote|pre|ul|ol|table)\b[^>]*>/gi, BLOCK)
		.replace(/<\/?[a-z][^>]*>/gi, '')
		// Adjacent block edges (`</p><p>`) are one line break, not several.
		.replace(new RegExp(`${BLOCK}([ \\t]*${BLOCK})*`, 'g'), '\n');
	return decodeEntities(text)
		.replace(/\u00a0/g, ' ')
		.split('\n')
		.map((line) => line.replace(/[ \t\f\v]+/g, ' ').trim())
		.join('\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}
