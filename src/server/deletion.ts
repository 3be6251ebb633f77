/**
 * `DELETE {basePath}/v3/account/{id}` after its key was read: the key claimed, the account and the
 * checks read again, then the deletion, at most once per key. A request the same in every header as
 * one carrying its key out in this instance waits for it and gets a copy of its answer; one still
 * running after the wait gets 409 `idempotency_key_in_use`. While its DELETE is out the key is kept (its record says
 * `sent`, for a day, should this instance die with it): a deletion that outlives its time limit keeps
 * it until it settles, so a repeat never starts a second upstream DELETE beside it. A DELETE that
 * ended without success failed, and its key is not kept (server.md): a repeat tries again. One
 * account's DELETEs with different keys (two tabs) go out one at a time in this instance: the second
 * waits (a deletion's time at most), and answers 204 without a DELETE of its own once the first
 * succeeded, as does any request for an account this instance deleted in the last day.
 */
import { callAccount, failureAnswer } from './account-call.js';
import * as answer from './answers.js';
import type { Answer } from './answers.js';
import { readAnswer, refusal } from './azion/upstream.js';
import { CallTimeoutError, UpstreamError } from './errors.js';
import { DONE_TTL_SECONDS, FAILED_TTL_SECONDS, KeyRecords, storeKeyOf } from './idempotency.js';
import type { Settings } from './options.js';
import { runChecks } from './run-checks.js';
import { readsFor, startCall, within } from './within.js';

type Report = (error: unknown, step: string) => void;

interface Attempt {
  /** What this request answers. */
  answer: Answer;
  /** What a request waiting on the same key answers: the same, or 204 once a late deletion succeeded. */
  final: Promise<Answer>;
}

const settledAs = (value: Answer): Attempt => ({ answer: value, final: Promise.resolve(value) });

/**
 * A deletion hook may hand back the upstream's answer (`return fetch(…)` or `request(…)`, from any
 * client) or a result of its own: an `Error`, an `ok` or `success` that is false (`false`, `0`), an
 * `error` that is set (not `null`, `undefined` or `false`: Supabase's `{ data, error }`), JSend's
 * `status` `'error'` or `'fail'` (in any case), or a status (`status`, `statusCode`) that is not 2xx
 * is a failed deletion, never a success. A 401, 403 or 429 keeps its sentence,
 * `reauthentication_required` and wait, as `azion()` keeps them (its body read within `timeout`);
 * any other is a 502. Anything else (a row count, `true`, `{ status: 'success' }`) is a success.
 */
async function unlessFailed(value: unknown, timeout: number): Promise<void> {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return;
  const result = value as { ok?: unknown; success?: unknown; status?: unknown; statusCode?: unknown; error?: unknown };
  const raw = result.status ?? result.statusCode;
  const status = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d{3}$/.test(raw) ? Number(raw) : undefined;
  // `ok: 1` (Mongoose, the MongoDB driver) or `ok: undefined` is no failure: only a false one is.
  const saysNo = (flag: unknown) => flag !== undefined && flag !== null && !flag;
  const erred = result.error !== undefined && result.error !== null && result.error !== false;
  const jsend = typeof result.status === 'string' && ['error', 'fail'].includes(result.status.toLowerCase());
  const failed =
    value instanceof Error || erred || jsend || saysNo(result.ok) || saysNo(result.success) || (status !== undefined && !(status >= 200 && status <= 299));
  if (!failed) return;
  if (status === undefined || !(status >= 400)) throw new UpstreamError(502, 'The upstream service did not confirm the deletion.');
  const unread = { status, json: undefined, readable: false, retryAfter: undefined };
  const read = await within(timeout, undefined, (signal) => readAnswer(value as Response, signal)).catch(() => unread);
  throw refusal(read, 'the deletion', 'The upstream service');
}

export class Deletions {
  /** Keys being carried out in this instance, per request headers: a second request finds the first here before any await. */
  readonly #flights = new Map<string, Promise<Answer>>();
  /**
   * Until when each key this instance deleted with answers 204: kept here too, so a store that failed
   * to keep it (or lost it) never lets this instance delete twice. In the order they expire.
   */
  readonly #done = new Map<string, number>();
  /**
   * Until when each account this instance deleted (with any key) is known gone: a request whose reads
   * passed before that deletion (two tabs, a repeat from another session) answers 204 and deletes nothing.
   */
  readonly #gone = new Map<number, number>();
  /**
   * The account whose DELETE is out in this instance, whatever its key (two tabs, a double submit):
   * a second waits for the first to end, and answers 204 without deleting once it succeeded (#gone).
   */
  readonly #out = new Map<number, Promise<unknown>>();
  readonly #records: KeyRecords;
  /**
   * How long a duplicate waits: the whole of a DELETE's time (account, checks, deletion twice), and
   * at least long enough for a failed key's one-second record to expire, so a repeat can try again.
   */
  readonly #waitMs: number;

  constructor(private readonly settings: Settings) {
    this.#waitMs = Math.max(4 * settings.checkTimeout, FAILED_TTL_SECONDS * 1000 + 1000);
    // A claim outlives all that may come between it and the DELETE, with a minute to spare: the claim's
    // own store write, the account, the checks, the wait for another tab's DELETE (twice the limit) and
    // the write that keeps the key as sent, each within `checkTimeout`. Yet it frees itself if an
    // instance dies before it sends one; from the DELETE on, the key is kept as sent.
    this.#records = new KeyRecords(settings.store, settings.checkTimeout, Math.ceil((6 * settings.checkTimeout) / 1000) + 60);
  }

  handle(accountId: number, key: string, request: Request, requestId: string): Promise<Answer> {
    const storeKey = storeKeyOf(accountId, key);
    if ((this.#done.get(storeKey) ?? 0) > Date.now()) return Promise.resolve(answer.noContent());
    // Only a request the same in every header shares an answer: another session's (whatever header
    // carries it: a cookie, Authorization, a portal's own) could read what that one was told, or be
    // told its 401. Another goes through the store instead.
    const flight = [storeKey, ...[...request.headers].map(([name, value]) => `${name}: ${value}`)].join('\n');
    const flying = this.#flights.get(flight);
    if (flying) return this.#wait(flying);

    const attempt = this.#attempt(storeKey, accountId, request, requestId);
    const final = attempt.then((a) => a.final);
    this.#flights.set(flight, final);
    const land = () => {
      if (this.#flights.get(flight) === final) this.#flights.delete(flight);
    };
    final.then(land, land);
    return attempt.then((a) => a.answer);
  }

  async #wait(flight: Promise<Answer>): Promise<Answer> {
    try {
      return await within(this.#waitMs, undefined, () => flight);
    } catch {
      return answer.keyInUse();
    }
  }

  async #attempt(storeKey: string, accountId: number, request: Request, requestId: string): Promise<Attempt> {
    const report: Report = (error, step) => this.settings.onError(error, { requestId, step });
    let claim;
    try {
      claim = await this.#records.claim(storeKey, this.#waitMs);
    } catch (error) {
      report(error, 'idempotency store');
      return settledAs(answer.storeUnavailable());
    }
    // Already carried out: answered as it was, without asking upstream (the session has ended).
    if (claim.kind === 'done') return settledAs(answer.noContent());
    if (claim.kind === 'in-use') return settledAs(answer.keyInUse());

    const { owner } = claim;
    const refusal = await this.#read(accountId, request, report).catch((error: unknown) => {
      report(error, 'deletion');
      return answer.badGateway('The server could not complete the deletion.');
    });
    // Refused before any DELETE went out: nothing was deleted, and a repeat may try again.
    if (refusal) {
      void this.#release(storeKey, owner, report);
      return settledAs(refusal);
    }
    return this.#delete(storeKey, owner, accountId, request, report);
  }

  async #release(storeKey: string, owner: string, report: Report): Promise<void> {
    try {
      await this.#records.release(storeKey, owner);
    } catch (error) {
      // The record then frees itself when it expires; until then repeats answer 409 in use.
      report(error, 'idempotency store');
    }
  }

  /** The account and the checks, read again: the answer that refuses the deletion, or none. */
  async #read(accountId: number, request: Request, report: Report): Promise<Answer | undefined> {
    const { settings } = this;
    // Ends the account and check calls once this request no longer needs them, or its client left
    // (before the deletion starts: nothing is lost, and a repeat with the key starts over).
    const reads = readsFor(request);
    try {
      let account;
      try {
        account = await callAccount(settings.account, request, reads.signal, settings.checkTimeout);
      } catch (error) {
        report(error, 'account');
        return failureAnswer(error, 'the account', true);
      }
      if (account.id !== accountId) return answer.forbidden('You can only delete the account you are signed in to.', true);

      const { checks, unauthorized } = await runChecks(settings.checks, request, reads.signal, settings.checkTimeout, report);
      if (unauthorized) return failureAnswer(unauthorized, 'the checks', true);
      if (checks.some((check) => check.status !== 'passed')) return answer.blocked(checks);
      return undefined;
    } finally {
      reads.done();
    }
  }

  async #delete(storeKey: string, owner: string, accountId: number, request: Request, report: Report): Promise<Attempt> {
    // Nothing between the last look and taking the account's place: two requests never both pass. The
    // waits together last at most a deletion's own time: one still out then is a deletion under way (409).
    const deadline = Date.now() + 2 * this.settings.checkTimeout;
    for (;;) {
      const now = Date.now();
      if ((this.#done.get(storeKey) ?? 0) > now || (this.#gone.get(accountId) ?? 0) > now) {
        return settledAs(await this.#succeeded(storeKey, accountId, report));
      }
      const before = this.#out.get(accountId);
      if (!before) break;
      const over = await within(Math.max(1, deadline - now), undefined, () => before).then(
        () => true,
        () => false,
      );
      if (!over) {
        void this.#release(storeKey, owner, report);
        return settledAs(answer.keyInUse());
      }
    }
    const attempt = this.#send(storeKey, owner, accountId, request, report);
    // Ends once the DELETE has (a late one included); a success is known by then, in #gone.
    const out = attempt.then((a) => a.final).catch(() => undefined);
    this.#out.set(accountId, out);
    void out.then(() => this.#out.get(accountId) === out && this.#out.delete(accountId));
    return attempt;
  }

  /** The deletion succeeded (this key's, or another key's of the same account): repeats answer 204. */
  async #succeeded(storeKey: string, accountId: number, report: Report): Promise<Answer> {
    const now = Date.now();
    for (const kept of [this.#done, this.#gone] as Map<unknown, number>[]) {
      for (const [entry, until] of kept) {
        if (until > now) break;
        kept.delete(entry);
      }
    }
    this.#done.set(storeKey, now + DONE_TTL_SECONDS * 1000);
    this.#gone.delete(accountId);
    this.#gone.set(accountId, now + DONE_TTL_SECONDS * 1000);
    try {
      await this.#records.done(storeKey);
    } catch (error) {
      // Deleted all the same: say so. This instance keeps it done; the store keeps it sent.
      report(error, 'idempotency store');
    }
    return answer.noContent();
  }

  async #send(storeKey: string, owner: string, accountId: number, request: Request, report: Report): Promise<Attempt> {
    const { settings } = this;
    try {
      await this.#records.sent(storeKey, owner);
    } catch (error) {
      report(error, 'idempotency store');
      void this.#release(storeKey, owner, report);
      return settledAs(answer.storeUnavailable());
    }
    // No parent signal: a client that goes away must not cut a deletion off midway.
    const call = startCall(2 * settings.checkTimeout, undefined, async (signal) => unlessFailed(await settings.deleteAccount({ request, signal }, accountId), settings.checkTimeout));
    const succeeded = () => this.#succeeded(storeKey, accountId, report);
    // The call ended without success: the deletion failed, and its key is freed, as server.md says (a
    // repeat tries again; one after a deletion whose answer was lost meets the ended session first).
    const failed = (error: unknown): Answer => {
      report(error, 'deletion');
      void this.#release(storeKey, owner, report);
      return failureAnswer(error, 'the deletion', true);
    };
    try {
      await call.result;
      return settledAs(await succeeded());
    } catch (error) {
      if (!(error instanceof CallTimeoutError)) return settledAs(failed(error));
      report(error, 'deletion');
      const late = failureAnswer(error, 'the deletion', true);
      // Out of time but still running: repeats wait for the real outcome, not for this answer.
      return { answer: late, final: call.settled.then(succeeded, failed) };
    }
  }
}
