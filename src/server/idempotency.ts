/**
 * The Idempotency-Key rule and the records kept per key in the store. A key is kept per account
 * (`account-deletion:{accountId}:{key}`); its record says the key is claimed while the account and
 * the checks are read (`pending`), that its DELETE is out (`sent`, kept a day should the instance
 * die with it: no other may send one beside it), that it was carried out (`done`), or that it failed
 * (`failed`, kept one second only: the store interface has no delete, and a failed key must be free
 * for a repeat, as server.md says).
 */
import type { IdempotencyStore } from './types.js';
import { pause, within } from './within.js';

/**
 * 1 to 255 printable ASCII characters with no space at either end: the SDK's rule
 * (`src/client.ts`), kept here so the server's module graph does not pull in the SDK and `ky`.
 */
const IDEMPOTENCY_KEY = /^(?=[\x20-\x7e]{1,255}$)[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;

export const isIdempotencyKey = (value: string | null): value is string => value !== null && IDEMPOTENCY_KEY.test(value);

/** How long a succeeded key answers 204 again without asking upstream, and a sent one stays kept. */
export const DONE_TTL_SECONDS = 24 * 60 * 60;
/** How long a failed key stays unclaimable: the least a store's TTL allows, so a repeat can soon try again. */
export const FAILED_TTL_SECONDS = 1;
/** How often a request waiting on another instance's deletion looks at the store again. */
const POLL_MS = 150;

export type KeyState = 'pending' | 'sent' | 'done' | 'failed';

export const storeKeyOf = (accountId: number, key: string) => `account-deletion:${accountId}:${key}`;

/** The store failed, hung or held something that is not a record: the handler refuses to go on. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
}

interface KeyRecord {
  state: KeyState;
  /** Who claimed a pending or sent key: only that claimant frees it. */
  owner: string | undefined;
}

function readRecord(value: unknown): KeyRecord | undefined {
  if (value === undefined || value === null) return undefined;
  const state = typeof value === 'object' ? (value as { state?: unknown }).state : undefined;
  const owner = typeof value === 'object' ? (value as { owner?: unknown }).owner : undefined;
  if (['pending', 'sent', 'done', 'failed'].includes(state as string)) return { state: state as KeyState, owner: typeof owner === 'string' ? owner : undefined };
  throw new StoreError(`The idempotency store holds a value that is not a record: ${JSON.stringify(value)?.slice(0, 80)}`);
}

/** `claimed` comes with the owner token that `release` needs. */
export type Claim = { kind: 'claimed'; owner: string } | { kind: 'done' } | { kind: 'in-use' };

/** The store's operations, each within a time limit, each failure a `StoreError`. */
export class KeyRecords {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly timeout: number,
    private readonly pendingTtlSeconds: number,
  ) {}

  async #op<T>(what: string, run: () => T | Promise<T>): Promise<T> {
    try {
      return await within(this.timeout, undefined, run);
    } catch (error) {
      throw error instanceof StoreError ? error : new StoreError(`The idempotency store failed to ${what}.`, { cause: error });
    }
  }

  async #read(storeKey: string): Promise<KeyRecord | undefined> {
    return readRecord(await this.#op('read a key', () => this.store.get(storeKey)));
  }

  #record(state: KeyState, owner?: string) {
    return owner === undefined ? { state, at: new Date().toISOString() } : { state, owner, at: new Date().toISOString() };
  }

  /**
   * Makes this request the one that carries the key out, or says the key is done, or that another
   * request (on another instance) still carries it out after `waitMs`. Without `add`, two instances
   * may both claim a key in the same instant; the handler's own map keeps one instance to one.
   */
  async claim(storeKey: string, waitMs: number): Promise<Claim> {
    const deadline = Date.now() + waitMs;
    const owner = crypto.randomUUID();
    for (;;) {
      const state = (await this.#read(storeKey))?.state;
      if (state === 'done') return { kind: 'done' };
      // Pending or sent: another request carries the key out, or its DELETE went out with no known outcome.
      if (!state || state === 'failed') {
        const pending = this.#record('pending', owner);
        const add = this.store.add;
        if (!add) {
          await this.#op('keep a key', () => this.store.set(storeKey, pending, this.pendingTtlSeconds));
          return { kind: 'claimed', owner };
        }
        const added = await this.#op('keep a key', () => add.call(this.store, storeKey, pending, this.pendingTtlSeconds));
        if (added === true) return { kind: 'claimed', owner };
        if (added !== false) throw new StoreError(`The idempotency store's add answered ${JSON.stringify(added)}, not true or false.`);
        // Someone else has it, or a failed record has not expired yet: look again.
      }
      if (Date.now() + POLL_MS > deadline) return { kind: 'in-use' };
      await pause(POLL_MS);
    }
  }

  /**
   * The DELETE is about to go out: from here the key stays kept (a day, should this instance die
   * before it hears back) until `done`, or `release` once it is known that nothing was deleted.
   */
  sent(storeKey: string, owner: string): Promise<unknown> {
    return this.#op('keep a key', () => this.store.set(storeKey, this.#record('sent', owner), DONE_TTL_SECONDS));
  }

  /** The deletion succeeded: repeats answer 204 from here on. */
  done(storeKey: string): Promise<unknown> {
    return this.#op('keep a key', () => this.store.set(storeKey, this.#record('done'), DONE_TTL_SECONDS));
  }

  /**
   * Nothing was deleted: a repeat may try again. Never called while a sent DELETE's outcome is
   * unknown. Only the claimant's own pending or sent record is freed: a `done` written by another
   * claimant (with a store whose add is missing or not atomic) is never overwritten.
   */
  async release(storeKey: string, owner: string): Promise<void> {
    // Done and failed records carry no owner.
    if ((await this.#read(storeKey))?.owner !== owner) return;
    await this.#op('free a key', () => this.store.set(storeKey, this.#record('failed'), FAILED_TTL_SECONDS));
  }
}
