/** What every route handler works with; `state` and `settings` are replaced on reset, seed and config. */
import type { SimClock } from '../shared/http';
import type { DateFormat } from './dates';
import type { SaSettings } from './settings';
import type { SaState } from './state';

export interface SaContext {
	state: SaState;
	settings: SaSettings;
	clock: SimClock;
	/** HS256 key of this simulator instance; tokens do not survive a restart. */
	secret: Buffer;
	issuer: string;
}

export const dateFormat = (ctx: SaContext): DateFormat => ({ style: ctx.settings.dateStyle, timeZone: ctx.settings.timeZone });

export const nowMs = (ctx: SaContext) => ctx.clock.now().getTime();
