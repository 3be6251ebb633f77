/**
 * The idempotency store for one instance: a Map with expiry. A deployment on many instances (or one
 * that restarts during a deletion) needs a shared store instead; see `IdempotencyStore`.
 */
import type { IdempotencyStore } from './types.js';

export interface MemoryStoreOptions {
  /**
   * At most this many keys are kept; past it the expired go first, then the oldest. Default 100,000
   * (a few MB): enough for every deletion of a day on one instance, bounded against a flood of keys.
   */
  maxEntries?: number;
  /** The clock in milliseconds, for tests: a function (`null` or `undefined` for the default, anything else a `TypeError`). Default `Date.now`. */
  now?: () => number;
}

export interface MemoryStore extends Required<IdempotencyStore> {
  get(key: string): unknown;
  set(key: string, value: unknown, ttlSeconds: number): void;
  add(key: string, value: unknown, ttlSeconds: number): boolean;
  /** How many keys are held, expired ones not yet swept included (they go every 1,024 writes). */
  readonly size: number;
  /** Forgets every key. */
  clear(): void;
}

function checkTtl(ttlSeconds: number): number {
  if (!Number.isFinite(ttlSeconds) || ttlSeconds <= 0) throw new RangeError(`ttlSeconds must be a number of seconds above 0, not ${ttlSeconds}`);
  return ttlSeconds;
}

/**
 * Makes an in-memory `IdempotencyStore` with an atomic `add`. Values are copied in and out as JSON,
 * as a shared store would keep them, so a caller can never change a kept value in place.
 */
export function memoryStore(options: MemoryStoreOptions = {}): MemoryStore {
  const maxEntries = options.maxEntries ?? 100_000;
  if (!Number.isSafeInteger(maxEntries) || maxEntries < 1) throw new RangeError(`maxEntries must be a whole number of at least 1, not ${maxEntries}`);
  const now = options.now ?? Date.now;
  // Checked here, not at the first write: a clock that is no function would make every DELETE a 503.
  if (typeof now !== 'function') throw new TypeError(`now, when given, must be a function returning milliseconds, not ${typeof now}`);
  const entries = new Map<string, { json: string; expires: number }>();
  let writes = 0;

  function sweep() {
    const time = now();
    for (const [k, entry] of entries) if (entry.expires <= time) entries.delete(k);
  }

  function live(key: string) {
    const entry = entries.get(key);
    if (entry && entry.expires <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  }

  function put(key: string, value: unknown, ttlSeconds: number) {
    // Everything that can refuse comes before the old value goes: a refused set changes nothing.
    const expires = now() + checkTtl(ttlSeconds) * 1000;
    const json = JSON.stringify(value);
    if (json === undefined) throw new TypeError('The value must be JSON.');
    entries.delete(key); // re-inserted last, so the oldest come first when room is made
    entries.set(key, { json, expires });
    // Expired keys go every 1,024 writes (a freed key lives one second), so memory follows the live keys.
    if (++writes % 1024 === 0) sweep();
    if (entries.size > maxEntries) {
      sweep();
      for (const k of entries.keys()) {
        if (entries.size <= maxEntries) break;
        entries.delete(k);
      }
    }
  }

  return {
    get(key) {
      const entry = live(key);
      return entry ? JSON.parse(entry.json) : undefined;
    },
    set(key, value, ttlSeconds) {
      put(key, value, ttlSeconds);
    },
    // No await between the look and the write: within one JavaScript realm this is atomic.
    add(key, value, ttlSeconds) {
      if (live(key)) return false;
      put(key, value, ttlSeconds);
      return true;
    },
    get size() {
      return entries.size;
    },
    clear() {
      entries.clear();
    },
  };
}
