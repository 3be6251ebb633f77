/**
 * The call to the `account` hook, its answer read (never cast), and how a failed call of the account
 * or the deletion is answered. No upstream answer is ever read as permission: only an account that
 * reads completely goes on, and every failure is a 401, 403, 429, 502 or 504.
 */
import * as answer from './answers.js';
import type { Answer } from './answers.js';
import { CallTimeoutError, isUpstreamError, UpstreamError } from './errors.js';
import type { AccountInfo, DeletionHandlerOptions } from './types.js';
import { within } from './within.js';

function readAccount(value: unknown): AccountInfo {
  if (value === null || value === undefined) throw new UpstreamError(401, 'Not signed in. Sign in to continue.');
  const body = value as Partial<AccountInfo>;
  const { id, name, kind } = body;
  if (typeof value !== 'object' || !Number.isSafeInteger(id) || (id as number) < 1 || typeof name !== 'string' || name.trim() === '' || (kind !== undefined && kind !== null && typeof kind !== 'string')) {
    throw new UpstreamError(502, 'The account could not be read.');
  }
  return typeof kind === 'string' ? { id: id as number, name, kind } : { id: id as number, name };
}

export async function callAccount(
  hook: DeletionHandlerOptions['account'],
  request: Request,
  signal: AbortSignal,
  timeout: number,
): Promise<AccountInfo> {
  return readAccount(await within(timeout, signal, (callSignal) => hook({ request, signal: callSignal })));
}

/**
 * The answer for a failed call: `what` names the call in the sentences the handler writes itself
 * ("the account", "the deletion"); `v3` picks the delete endpoint's `{"detail"}` shape for a 403.
 */
export function failureAnswer(error: unknown, what: string, v3: boolean): Answer {
  if (isUpstreamError(error)) {
    // One made by another copy of the kit is read by its shape: a code or a wait of the wrong kind is left out.
    const { code, retryAfter } = error as { code?: unknown; retryAfter?: unknown };
    if (error.status === 401) return answer.unauthorized(error.detail, typeof code === 'string' ? code : undefined);
    if (error.status === 403) return answer.forbidden(error.detail, v3);
    if (error.status === 429) return answer.rateLimited(error.detail, Number.isSafeInteger(retryAfter) && (retryAfter as number) >= 0 ? (retryAfter as number) : undefined);
    if (error.status === 504) return answer.gatewayTimeout(error.detail);
    return answer.badGateway(error.detail);
  }
  if (error instanceof CallTimeoutError) return answer.gatewayTimeout(`No answer came in time for ${what}.`);
  return answer.badGateway(`The server could not complete ${what}.`);
}
