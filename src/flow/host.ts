/**
 * What a host hands the flow, checked before the flow uses it: the events a UI sends, a client, a
 * clock and a key maker. And how the failure of a host's part is told without breaking the flow.
 */
import type { AccountDeletionClient } from '../index.js';
import type { FlowEvent } from './types.js';

const UI_EVENTS: ReadonlySet<string> = new Set(['check', 'return', 'confirm', 'delete', 'retry', 'stay', 'show', 'hide', 'client', 'configure']);

export function isClient(value: unknown): value is AccountDeletionClient {
  const client = value as Partial<AccountDeletionClient> | null;
  return typeof client?.getPreconditions === 'function' && typeof client.deleteAccount === 'function';
}

/** True for an event a UI may send: plain data of a known type (answers come only from the runner). */
export function isFlowEvent(event: unknown): event is FlowEvent {
  const value = event as { type?: unknown; client?: unknown } | null;
  if (typeof value?.type !== 'string' || !UI_EVENTS.has(value.type)) return false;
  return value.type !== 'client' || isClient(value.client);
}

/** Tells a listener's failure without breaking the flow: the next listener still runs. */
export function report(error: unknown): void {
  const global = globalThis as { reportError?: (error: unknown) => void };
  if (typeof global.reportError === 'function') global.reportError(error);
  else console.error(error);
}

/** A host's function, or `fallback` when it is missing, throws or gives what `usable` refuses. */
export function guard<T>(own: (() => T) | undefined, fallback: () => T, usable: (value: T) => boolean): () => T {
  return own
    ? () => {
        try {
          const value = own();
          if (usable(value)) return value;
          report(new TypeError(`The deletion flow was given ${String(value)} by a host's function; it used its own instead.`));
        } catch (error) {
          report(error);
        }
        return fallback();
      }
    : fallback;
}
