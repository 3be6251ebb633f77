/**
 * The account from Azion's SSO (`/api/account/info`), who may delete it (`/api/user/me`,
 * `results.is_account_owner`), and the deletion itself (`DELETE /v3/account/{id}`). Only an explicit
 * `is_account_owner: true` lets a user delete; a missing or odd value is an unreadable answer.
 */
import { isUpstreamError, UpstreamError } from '../errors.js';
import type { AccountInfo, DeletionContext } from '../types.js';
import { unreadable } from './envelope.js';
import { getJson, readErrorBody, refusal, send, type Upstream } from './upstream.js';

export interface AzionAccount extends AccountInfo {
  /** The billing status (`REGULAR`, `ONLINE`, `TRIAL`, `BLOCKED`, `DEFAULTING`, …), as sent. */
  status: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function readAccountInfo(body: unknown): AzionAccount {
  const what = 'the account';
  if (!isRecord(body)) throw unreadable(what, 'not an object');
  const { id, name, kind, status } = body;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1) throw unreadable(what, 'no account id');
  if (typeof name !== 'string' || name.trim() === '') throw unreadable(what, 'no account name');
  return { id, name, ...(typeof kind === 'string' ? { kind } : {}), status };
}

/** Reads the account once per incoming request: the account hook and the debts check share it. */
export class AccountReader {
  readonly #byRequest = new WeakMap<Request, Promise<AzionAccount>>();

  constructor(
    private readonly up: Upstream,
    private readonly ssoBase: string,
  ) {}

  read(ctx: DeletionContext): Promise<AzionAccount> {
    let pending = this.#byRequest.get(ctx.request);
    if (!pending) {
      pending = getJson(this.up, ctx, `${this.ssoBase}/api/account/info`, 'the account').then(readAccountInfo);
      this.#byRequest.set(ctx.request, pending);
      // A failed read is not kept: a later call within the same request may try again.
      pending.catch(() => this.#byRequest.delete(ctx.request));
    }
    return pending;
  }

  async #isOwner(ctx: DeletionContext): Promise<true> {
    const what = 'the signed-in user';
    const body = await getJson(this.up, ctx, `${this.ssoBase}/api/user/me`, what);
    const results = isRecord(body) ? body['results'] : undefined;
    const owner = isRecord(results) ? results['is_account_owner'] : undefined;
    if (owner === true) return true;
    if (owner === false) throw new UpstreamError(403, 'Only the account owner can delete this account.');
    throw unreadable(what, 'no results.is_account_owner');
  }

  /** The account hook: the account, once the signed-in user is known to be its owner. */
  async account(ctx: DeletionContext): Promise<AccountInfo> {
    const [info, owner] = await Promise.allSettled([this.read(ctx), this.#isOwner(ctx)]);
    // A session that is not valid explains everything else: say that first.
    for (const result of [info, owner]) {
      if (result.status === 'rejected' && isUpstreamError(result.reason) && result.reason.status === 401) throw result.reason;
    }
    if (info.status === 'rejected') throw info.reason;
    if (owner.status === 'rejected') throw owner.reason;
    const { id, name, kind } = info.value;
    return kind === undefined ? { id, name } : { id, name, kind };
  }
}

const REFUSALS = [400, 409, 422];

/**
 * The DELETE is never cut off, not at the handler's time limit (`ctx.signal`) nor at any of its own:
 * an abort cannot undo a deletion, only lose its answer. The handler answers 504 at its limit and
 * keeps the key until this settles, so the real outcome is what repeats are answered with.
 */
export async function deleteAzionAccount(up: Upstream, apiBase: string, ctx: DeletionContext, accountId: number): Promise<void> {
  const what = 'the deletion';
  const uncut: DeletionContext = { request: ctx.request, signal: new AbortController().signal };
  const answer = await send(up, uncut, `${apiBase}/v3/account/${accountId}`, 'DELETE', 'application/json; version=3', what);
  // 410: already deleted (by an earlier try whose answer was lost): the OpenAPI's "treat as success".
  // Only Azion's own, in JSON: a gateway's "410 Gone" page is no answer, and never permission.
  if (answer.status === 204 || (answer.status === 410 && answer.readable)) return;
  // A refusal that says why (a 400, 409 or 422 with a sentence) is known not to have deleted: passed
  // on as a refusal. Without a sentence it is an unknown failure.
  if (REFUSALS.includes(answer.status) && answer.readable) {
    const { sentence } = readErrorBody(answer.json);
    if (sentence) throw new UpstreamError(403, sentence);
  }
  throw refusal(answer, what);
}
