/**
 * `DELETE {basePath}/v3/account/{id}` after its key was read: the key claimed, the account and the
 * checks read again, then the deletion, at most once per key. Requests with a key that is being
 * carried out in this instance wait for it and get a copy of its answer; one still running after the
 * wait gets 409 `idempotency_key_in_use`. A deletion that outlives its time limit keeps its key until
 * it settles, so a repeat can never start a second upstream DELETE beside it.
 */
import { callAccount, failureAnswer } from './account-call.js';
import * as answer from './answers.js';
import type { Answer } from './answers.js';
import { FAILED_TTL_SECONDS, KeyRecords, storeKeyOf } from './idempotency.js';
import type { Settings } from './options.js';
import { runChecks } from './run-checks.js';
import { readsFor, startCall, within } from './within.js';

interface Attempt {
  /** What this request answers. */
  answer: Answer;
  /** What a request waiting on the same key answers: the same, or 204 once a late deletion succeeded. */
  final: Promise<Answer>;
}

const settledAs = (value: Answer): Attempt => ({ answer: value, final: Promise.resolve(value) });

export class Deletions {
  /** Keys being carried out in this instance: a second request finds the first here before any await. */
  readonly #flights = new Map<string, Promise<Answer>>();
  readonly #records: KeyRecords;
  /**
   * How long a duplicate waits: the whole of a DELETE's time (account, checks, deletion twice), and
   * at least long enough for a failed key's one-second record to expire, so a repeat can try again.
   */
  readonly #waitMs: number;

  constructor(private readonly settings: Settings) {
    this.#waitMs = Math.max(4 * settings.checkTimeout, FAILED_TTL_SECONDS * 1000 + 1000);
    // A claim outlives the longest deletion with room to spare, yet frees itself if an instance dies.
    this.#records = new KeyRecords(settings.store, settings.checkTimeout, Math.ceil(this.#waitMs / 1000) + 60);
  }

  handle(accountId: number, key: string, request: Request, requestId: string): Promise<Answer> {
    const storeKey = storeKeyOf(accountId, key);
    const flying = this.#flights.get(storeKey);
    if (flying) return this.#wait(flying);

    const attempt = this.#attempt(storeKey, accountId, request, requestId);
    const final = attempt.then((a) => a.final);
    this.#flights.set(storeKey, final);
    const land = () => {
      if (this.#flights.get(storeKey) === final) this.#flights.delete(storeKey);
    };
    final.then(land, land);
    return attempt.then((a) => a.answer);
  }

  async #wait(flight: Promise<Answer>): Promise<Answer> {
    try {
      return await within(this.#waitMs, undefined, () => flight);
    } catch {
      return answer.keyInUse('A request with this Idempotency-Key is still being carried out. Wait a moment, then check the account again.');
    }
  }

  async #attempt(storeKey: string, accountId: number, request: Request, requestId: string): Promise<Attempt> {
    const report = (error: unknown, step: string) => this.settings.onError(error, { requestId, step });
    let claim;
    try {
      claim = await this.#records.claim(storeKey, this.#waitMs);
    } catch (error) {
      report(error, 'idempotency store');
      return settledAs(answer.storeUnavailable());
    }
    // Already carried out: answered as it was, without asking upstream (the session has ended).
    if (claim.kind === 'done') return settledAs(answer.noContent());
    if (claim.kind === 'in-use') {
      return settledAs(answer.keyInUse('A request with this Idempotency-Key is being carried out elsewhere. Wait a moment, then check the account again.'));
    }

    const attempt = await this.#carryOut(storeKey, accountId, request, report).catch((error: unknown) => {
      report(error, 'deletion');
      return settledAs(answer.badGateway('The server could not complete the deletion.'));
    });
    // Whatever the outcome, the key is settled only once the deletion itself has settled.
    const { owner } = claim;
    void attempt.final.then((final) => (final.status === 204 ? undefined : this.#release(storeKey, owner, report)));
    return attempt;
  }

  async #release(storeKey: string, owner: string, report: (error: unknown, step: string) => void): Promise<void> {
    try {
      await this.#records.release(storeKey, owner);
    } catch (error) {
      // The pending record then frees itself when it expires; until then repeats answer 409 in use.
      report(error, 'idempotency store');
    }
  }

  async #carryOut(storeKey: string, accountId: number, request: Request, report: (error: unknown, step: string) => void): Promise<Attempt> {
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
        return settledAs(failureAnswer(error, 'the account', true));
      }
      if (account.id !== accountId) return settledAs(answer.forbidden('You can only delete the account you are signed in to.', true));

      const { checks, unauthorized } = await runChecks(settings.checks, request, reads.signal, settings.checkTimeout, report);
      if (unauthorized) return settledAs(failureAnswer(unauthorized, 'the checks', true));
      if (checks.some((check) => check.status !== 'passed')) return settledAs(answer.blocked(checks));
    } finally {
      reads.done();
    }

    // No parent signal: a client that goes away must not cut a deletion off midway.
    const call = startCall(2 * settings.checkTimeout, undefined, (signal) => settings.deleteAccount({ request, signal }, accountId));
    const succeeded = async (): Promise<Answer> => {
      try {
        await this.#records.done(storeKey);
      } catch (error) {
        // Deleted all the same: say so. A repeat with this key may then ask upstream again.
        report(error, 'idempotency store');
      }
      return answer.noContent();
    };
    try {
      await call.result;
      return settledAs(await succeeded());
    } catch (error) {
      report(error, 'deletion');
      const failed = failureAnswer(error, 'the deletion', true);
      // Out of time but still running: repeats wait for the real outcome, not for this answer.
      const final = call.settled.then(succeeded, () => failed);
      return { answer: failed, final };
    }
  }
}
