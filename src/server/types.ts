/**
 * The public types of the server half. They use only the Fetch API's own types (`Request`,
 * `Response`, `AbortSignal`), which Node 20+, Azion Edge Functions, Workers, Deno, Bun and browsers
 * all provide, so nothing here ties the handler to one runtime.
 */

/** What every hook receives: the incoming request and a signal for this one call. */
export interface DeletionContext {
  /** The request the panel sent: read the session cookie or the `Authorization` header from it. */
  readonly request: Request;
  /**
   * Aborted when this call runs out of time (`checkTimeout`, twice that for the deletion) or when
   * the answer no longer needs it. Pass it on to `fetch`. A hook that ignores it still loses its
   * say at the timeout: a check is then `unavailable`, the account or the deletion a 504.
   */
  readonly signal: AbortSignal;
}

/** The signed-in account, as the hook reads it. */
export interface AccountInfo {
  /** A whole number of at least 1. */
  id: number;
  /** Not empty: the panel asks the user to type it. */
  name: string;
  /** `client`, `reseller`, `brand`, `group`: informative. */
  kind?: string | undefined;
}

/** A blocking resource, as listed in a check's `items`. */
export interface CheckItem {
  id: number | string;
  name: string;
}

/** One check exactly as the contract's `Check` schema writes it (snake_case). */
export interface Check {
  type: string;
  /** `passed` lets the deletion go ahead; `blocking` and `unavailable` both stop it. */
  status: 'passed' | 'blocking' | 'unavailable';
  /** How many resources block: the total, even when `items` lists only the first 50. */
  count?: number | undefined;
  /** Up to 50 of the blocking resources; more are cut to the first 50. */
  items?: CheckItem[] | undefined;
  /** For debts: the total due, a decimal string and a three-letter currency code. */
  amount?: { value: string; currency: string } | undefined;
  /** Where the user resolves it: an http(s) URL or a path. Anything else is left out of the answer. */
  resolve_url?: string | undefined;
  title?: string | undefined;
  message?: string | undefined;
}

/** One condition for deletion, evaluated on every check and again before every deletion. */
export interface CheckSource {
  /** The check's `type`: `dns_zones`, `edge_applications`, `debts`, or one of your own. */
  readonly type: string;
  /**
   * Resolves to this check as it is now. Throw (or let a failed `fetch` throw) when it cannot be
   * told: the check is then `unavailable`, never `passed`. Throw `UpstreamError` with status 401
   * when the user's session is not valid: the whole answer is then a 401.
   */
  evaluate(ctx: DeletionContext): Promise<Check> | Check;
}

/**
 * Where outcomes are kept per `Idempotency-Key`. Values are small plain JSON objects: store them as
 * they are, or as `JSON.stringify` text that `get` parses back. Every method may be async.
 *
 * - `get(key)`: the value, or `undefined` (or `null`) when absent or expired.
 * - `set(key, value, ttlSeconds)`: stores, replacing any value, for `ttlSeconds` (a whole number ≥ 1).
 * - `add(key, value, ttlSeconds)`: optional. Stores only when the key is absent, atomically, and
 *   answers whether it stored (Redis `SET key value NX EX ttl`). With it, handlers on many instances
 *   sharing the store never both delete; without it, one instance still never deletes twice.
 */
export interface IdempotencyStore {
  get(key: string): unknown;
  set(key: string, value: unknown, ttlSeconds: number): unknown;
  add?(key: string, value: unknown, ttlSeconds: number): boolean | Promise<boolean>;
}

export interface DeletionHandlerOptions {
  /** The path the panel's `api-base` points at. Default `/api`. */
  basePath?: string;
  /**
   * The signed-in account. Resolve `null` (or throw `UpstreamError` 401) when nobody is signed in;
   * throw `UpstreamError` 403 when this user may not delete it. The kit cannot know who is signed in
   * to your portal: this hook is where you tell it.
   */
  account(ctx: DeletionContext): Promise<AccountInfo | null | undefined> | AccountInfo | null | undefined;
  /** Every condition for deletion. At least one; each `type` once. */
  checks: readonly CheckSource[];
  /**
   * Carries out the deletion of `accountId` (already checked to be the signed-in account, with every
   * check passed). Resolve once it is done; throw when it is not (an `UpstreamError` 401 or 403 is
   * passed on as such; anything else is a 502). Should it resolve to the upstream's `Response` all
   * the same (plain JavaScript's `return fetch(…)`) or to a result of its own, an `Error`, a false
   * `ok` or `success`, an `error` that is set (not `null`, `undefined` or `false`: Supabase's
   * `{ data, error }`), JSend's `status` `'error'` or `'fail'` (in any case), or a `status` or
   * `statusCode` (a number, or a string of three digits) not 2xx is a failure too (401, 403 and 429
   * passed on, any other a 502), never a success. Anything else is a success: `undefined`, `null`,
   * `true`, a row count, `{ ok: 1 }`, `{ status: 'deleted' }` or `'success'`, `{ error: null }`.
   * Once it has ended without success, its key is freed and a repeat tries again. One still running
   * at its time limit is answered 504, and its key waits for how it ends. Its `signal` aborts at
   * that limit: pass it on only where an abort cannot lose a deletion's answer (`azion()`'s DELETE
   * never does).
   */
  deleteAccount(ctx: DeletionContext, accountId: number): Promise<void> | void;
  /** Where outcomes are kept per key: `memoryStore()` for one instance, a shared store for many. */
  idempotency: IdempotencyStore;
  /**
   * Milliseconds for each call to `account`, each check, and each store operation; the deletion gets
   * twice as long. Default 3000: a DELETE (account, checks, deletion) then answers within the SDK's
   * 15 s timeout.
   */
  checkTimeout?: number;
  /**
   * Called with every failure the answer hides or shortens (a check that failed, an upstream error,
   * a store that failed), for your logs. It must not throw; what it throws is ignored.
   */
  onError?(error: unknown, info: { requestId: string; step: string }): void;
}

/** A Fetch API handler: `(Request) => Promise<Response>`, with the base path it answers under. */
export interface DeletionHandler {
  (request: Request): Promise<Response>;
  /** The normalized `basePath`: `/api`, or `` for the root. */
  readonly basePath: string;
}
