/**
 * Which run of a relay may read and write now, and what the last run confirmed, in this n8n process.
 *
 * Every execution of a (non-queue-mode) n8n runs in the one process that loaded this package, so a Map is shared
 * by all runs of a workflow. The lease is renewed while its run makes progress (each item any of this package's
 * nodes handles, see `router.ts`) and lapses after `idleMs` without progress, so a run that failed, was
 * cancelled or hangs never holds the relay for long, and a run that keeps writing, however long, keeps it.
 */
import type { IDataObject } from 'n8n-workflow';

import type { RelayState } from './state';

export interface RelayLease {
	key: string;
	/** Execution ID of the run that holds it. */
	holder: string;
	takenAt: number;
	lastProgressAt: number;
	idleMs: number;
}

export interface TakeResult {
	taken: boolean;
	lease: RelayLease;
	/** Set when this run took the lease over from a run that still held it. */
	tookOverFrom?: string;
}

/** What one run's Get New handed on, for its Confirm (the same execution, so the same process). */
export interface RunTicket {
	key: string;
	/** Name of the relay's slot in the workflow's static data. */
	slot: string;
	readFrom: string;
	readUntil: string;
	overlapMs: number;
	items: Map<string, IDataObject>;
	reported: Set<string>;
	openedAt?: number;
}

const leases = new Map<string, RelayLease>();
const remembered = new Map<string, RelayState>();
const tickets = new Map<string, RunTicket>();

function live(key: string, now: number): RelayLease | undefined {
	const lease = leases.get(key);
	if (lease && lease.lastProgressAt + lease.idleMs <= now) {
		leases.delete(key);
		return undefined;
	}
	return lease;
}

/** Takes the relay when it is free or its holder has made no progress for `idleMs`; `takeOver` takes it regardless. */
export function takeRelay(key: string, holder: string, idleMs: number, options: { takeOver?: boolean; now?: number } = {}): TakeResult {
	const now = options.now ?? Date.now();
	const held = live(key, now);
	if (held && held.holder !== holder && !options.takeOver) return { taken: false, lease: { ...held } };
	const lease: RelayLease = { key, holder, takenAt: held?.holder === holder ? held.takenAt : now, lastProgressAt: now, idleMs };
	leases.set(key, lease);
	return { taken: true, lease: { ...lease }, ...(held && held.holder !== holder ? { tookOverFrom: held.holder } : {}) };
}

/** The run made progress: every lease it holds starts its idle time again. */
export function renewLeasesOf(holder: string, now = Date.now()): void {
	for (const lease of leases.values()) if (lease.holder === holder && lease.lastProgressAt + lease.idleMs > now) lease.lastProgressAt = now;
}

/** Frees the relay if this run holds it; another run's lease is left alone. */
export function releaseRelay(key: string, holder: string): boolean {
	const held = leases.get(key);
	if (!held || held.holder !== holder) return false;
	leases.delete(key);
	return true;
}

/** Whether this run holds the relay now. */
export function holds(key: string, holder: string, now = Date.now()): boolean {
	return live(key, now)?.holder === holder;
}

export function peekRelay(key: string, now = Date.now()): RelayLease | undefined {
	const lease = live(key, now);
	return lease ? { ...lease } : undefined;
}

/** The state a Confirm of this process saved last (n8n writes static data only when the run ends). */
export function rememberedState(key: string): RelayState | undefined {
	return remembered.get(key);
}

export function rememberState(key: string, state: RelayState): void {
	remembered.set(key, state);
}

/** A run that never reached its Confirm leaves its ticket; those older than a day are dropped. */
const TICKET_KEPT_MS = 86_400_000;

export function openTicket(executionId: string, ticket: RunTicket, now = Date.now()): void {
	for (const [id, old] of tickets) if ((old.openedAt ?? now) < now - TICKET_KEPT_MS) tickets.delete(id);
	tickets.set(executionId, { ...ticket, openedAt: now });
}

export function ticketOf(executionId: string): RunTicket | undefined {
	return tickets.get(executionId);
}

export function closeTicket(executionId: string): void {
	tickets.delete(executionId);
}
