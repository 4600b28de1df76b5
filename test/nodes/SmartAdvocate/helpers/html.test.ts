import { htmlToText, textToHtml } from '../../../../nodes/SmartAdvocate/helpers/html';

describe('textToHtml', () => {
	it('escapes characters that would otherwise become markup', () => {
		expect(textToHtml('Tom & Jerry <script>alert(1)</script> "quoted"')).toBe(
			'Tom &amp; Jerry &lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot;',
		);
	});

	it('turns every kind of line break into <br>', () => {
		expect(textToHtml('one\ntwo\r\nthree\rfour')).toBe('one<br>two<br>three<br>four');
	});

	it('gives back the same text when read again as text', () => {
		const text = 'Dear Maria,\n\nYour deposition is on 5/3 at 10:00 & lasts < 2h.\nThanks';
		expect(htmlToText(textToHtml(text))).toBe(text);
	});
});

describe('htmlToText', () => {
	it('turns <br> and paragraph ends into line breaks', () => {
		expect(htmlToText('<p>First line</p><p>Second line<br>Third line<br/>Fourth</p>')).toBe('First line\nSecond line\nThird line\nFourth');
	});

	it('decodes named and numeric entities and treats &nbsp; as a space', () => {
		expect(htmlToText('Fish&nbsp;&amp;&nbsp;chips &lt;3 &#8212; &#x2019;s &quot;ok&quot; &copy;')).toBe('Fish & chips <3 — ’s "ok" ©');
	});

	it('drops tags, comments, scripts and styles but keeps their text where it is content', () => {
		expect(htmlToText('<div><strong>Bold</strong> and <em>italic</em><!-- hidden --><script>x()</script><style>p{}</style></div>')).toBe(
			'Bold and italic',
		);
	});

	it('tidies runs of spaces and blank lines, and ignores source line breaks', () => {
		expect(htmlToText('  Hello\n   world   <br><br><br><br>  Bye  ')).toBe('Hello world\n\nBye');
	});

	it('keeps an encoded tag as text instead of removing it', () => {
		expect(htmlToText('Use &lt;b&gt; for bold')).toBe('Use <b> for bold');
	});

	it('lists items on their own lines', () => {
		expect(htmlToText('<ul><li>MRI</li><li>X-ray</li></ul>')).toBe('• MRI\n• X-ray');
	});

	it('returns an empty string for empty or missing HTML', () => {
		expect(htmlToText('')).toBe('');
		expect(htmlToText(null)).toBe('');
		expect(htmlToText(undefined)).toBe('');
	});
});
