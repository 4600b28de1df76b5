/** What every route handler works with; `state` and `settings` are replaced on reset, seed and config. */
import type { SimClock } from '../shared/http';
import type { CsSettings } from './settings';
import type { CsState } from './state';

/** One request that reached the file host. */
export interface FileHostRequest {
	at: string;
	method: string;
	path: string;
	query: Record<string, string>;
	status: number;
	/** Whether an Authorization header came with it (the value is never recorded). */
	hadAuthorization: boolean;
}

export interface CsContext {
	state: CsState;
	settings: CsSettings;
	clock: SimClock;
	/** Signs file URLs; a new one per simulator instance, so URLs do not survive a restart. */
	secret: Buffer;
	/** Origin of the file host, e.g. `http://127.0.0.1:40123` (set once the file host listens). */
	fileHostUrl: string;
	/** Every request the file host answered, oldest first; cleared on reset. */
	fileHostRequests: FileHostRequest[];
}

export const nowMs = (ctx: CsContext) => ctx.clock.now().getTime();
