/**
 * An in-process run lease: at most one execution at a time holds a key, until it releases it or the lease
 * expires (so a run that crashed or failed before releasing cannot block the next runs for ever).
 *
 * It holds across executions because n8n runs every execution of an instance in the one process that loaded
 * this package (a single n8n; n8n 2.x task runners run Code nodes only). It does NOT hold across processes:
 * queue-mode workers, or `n8n execute` CLI runs beside a running n8n; those need a shared store (the
 * templates' Redis lease).
 */

export interface RunLease {
	key: string;
	/** Execution ID of the run that holds it. */
	holder: string;
	takenAt: number;
	expiresAt: number;
}

export interface TakeResult {
	taken: boolean;
	/** The lease as it stands after the attempt (ours when taken, the other run's when not). */
	lease: RunLease;
}

/** Key → lease; one map per n8n process (this module is loaded once per process). */
const store = new Map<string, RunLease>();

function current(key: string, now: number): RunLease | undefined {
	const lease = store.get(key);
	if (lease && lease.expiresAt <= now) {
		store.delete(key);
		return undefined;
	}
	return lease;
}

/** Takes the lease when it is free or expired; the holder taking it again renews it from now. */
export function takeLease(key: string, holder: string, durationMs: number, now = Date.now()): TakeResult {
	const held = current(key, now);
	if (held && held.holder !== holder) return { taken: false, lease: { ...held } };
	const lease: RunLease = { key, holder, takenAt: held?.takenAt ?? now, expiresAt: now + durationMs };
	store.set(key, lease);
	return { taken: true, lease: { ...lease } };
}

/** Frees the lease if this holder has it; another run's lease is left alone. Returns who holds it afterwards. */
export function releaseLease(key: string, holder: string, now = Date.now()): { released: boolean; heldBy?: RunLease } {
	const held = current(key, now);
	if (!held) return { released: false };
	if (held.holder !== holder) return { released: false, heldBy: { ...held } };
	store.delete(key);
	return { released: true };
}

/** The lease on a key now, if any (for tests and for the Release output). */
export function peekLease(key: string, now = Date.now()): RunLease | undefined {
	const lease = current(key, now);
	return lease ? { ...lease } : undefined;
}
