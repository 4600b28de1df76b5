import type { IExecuteFunctions } from 'n8n-workflow';

/** An expression that only names one field of the input item: `={{ $json.caseId }}`. */
const ITEM_FIELD = /^=\{\{\s*\$json\.([A-Za-z_$][\w$]*)\s*\}\}$/;

/** The field an expression names, when that is all it does; undefined for any other value or expression. */
export function itemFieldOfExpression(value: unknown): string | undefined {
	return typeof value === 'string' ? ITEM_FIELD.exec(value)?.[1] : undefined;
}

/**
 * What `={{ $json.<field> }}` gives for an item, read from the item itself: the field's value when it
 * is a string or a number. Undefined when the expression does anything else or the field holds
 * something else (missing, null, an object…): n8n then evaluates the expression as usual. n8n 2.x
 * evaluates every expression in a sandbox, about 2 ms each: a sync that maps a case ID per item
 * spends seconds on it; reading the field gives the same value for the same item.
 */
export function itemFieldValue(ctx: IExecuteFunctions, itemIndex: number, expression: unknown): string | number | undefined {
	const field = itemFieldOfExpression(expression);
	if (field === undefined) return undefined;
	const json = ctx.getInputData()[itemIndex]?.json;
	if (!json || !Object.prototype.hasOwnProperty.call(json, field)) return undefined;
	const value = json[field];
	return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) ? value : undefined;
}
