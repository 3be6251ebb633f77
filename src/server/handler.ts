/**
 * `createDeletionHandler`: the Fetch API handler that answers the kit's two endpoints. Imports no
 * Node built-in: it runs unchanged in Node 20+, Azion Edge Functions, Workers, Deno, Bun and browsers.
 */
import { callAccount, failureAnswer } from './account-call.js';
import * as answer from './answers.js';
import type { Answer } from './answers.js';
import { Deletions } from './deletion.js';
import { isUpstreamError } from './errors.js';
import { isIdempotencyKey } from './idempotency.js';
import { readOptions, type Settings } from './options.js';
import { runChecks } from './run-checks.js';
import type { DeletionHandler, DeletionHandlerOptions } from './types.js';
import { readsFor } from './within.js';

const PRECONDITIONS = '/v4/account/deletion/preconditions';
const ACCOUNT = /^\/v3\/account\/([^/]*)$/;
/** The contract's `account_id`: a whole number of at least 1, written plainly (no sign, no leading 0). */
const ACCOUNT_ID = /^[1-9][0-9]{0,15}$/;

async function preconditions(settings: Settings, request: Request, requestId: string): Promise<Answer> {
  const report = (error: unknown, step: string) => settings.onError(error, { requestId, step });
  const checkedAt = new Date();
  const reads = readsFor(request);
  try {
    const [account, run] = await Promise.allSettled([
      callAccount(settings.account, request, reads.signal, settings.checkTimeout),
      runChecks(settings.checks, request, reads.signal, settings.checkTimeout, report),
    ]);
    if (account.status === 'rejected') report(account.reason, 'account');
    const checks = run.status === 'fulfilled' ? run.value : undefined;
    // A session that is not valid is the answer, whichever call found out.
    if (account.status === 'rejected' && isUpstreamError(account.reason) && account.reason.status === 401) {
      return failureAnswer(account.reason, 'the account', false);
    }
    if (checks?.unauthorized) return failureAnswer(checks.unauthorized, 'the checks', false);
    if (account.status === 'rejected') return failureAnswer(account.reason, 'the account', false);
    if (!checks) return answer.badGateway('The server could not evaluate the checks.');
    return answer.preconditions(account.value, checks.checks, checkedAt);
  } finally {
    reads.done();
  }
}

/**
 * Makes the handler for the kit's two endpoints below `basePath`:
 *
 * ```ts
 * const handler = createDeletionHandler({
 *   basePath: '/api',
 *   ...azion({ auth: 'forward' }),
 *   idempotency: memoryStore(),
 * });
 * const response = await handler(request);
 * ```
 *
 * - `GET {basePath}/v4/account/deletion/preconditions`: the account and every check, evaluated now,
 *   in parallel; `deletable` only when every check passed.
 * - `DELETE {basePath}/v3/account/{id}`: 400 without a valid `Idempotency-Key`; 204 again for a key
 *   already carried out (upstream is not asked); 403 for another account or a user who may not; 409
 *   `account_has_blockers` when a check does not pass; then the deletion, once per key.
 * - Anything else below `basePath`: 404, or 405 for a known path with another method.
 *
 * It never throws: every failure is an answer (401, 403, 502, 503, 504), and nothing it cannot read
 * counts as permission. Throws `TypeError` at once for options it cannot use.
 */
export function createDeletionHandler(options: DeletionHandlerOptions): DeletionHandler {
  const settings = readOptions(options);
  const deletions = new Deletions(settings);
  const { basePath } = settings;

  async function route(request: Request, requestId: string): Promise<Answer> {
    const pathname = new URL(request.url).pathname;
    if (!pathname.startsWith(`${basePath}/`)) return answer.notFound();
    const path = pathname.slice(basePath.length);
    const method = request.method.toUpperCase();

    if (path === PRECONDITIONS) {
      return method === 'GET' ? preconditions(settings, request, requestId) : answer.methodNotAllowed(method, 'GET');
    }
    // A path with no account id (`/v3/account/`, `/v3/account/abc`) is no known path, whatever the method.
    const id = ACCOUNT.exec(path)?.[1] ?? '';
    if (!ACCOUNT_ID.test(id) || !Number.isSafeInteger(Number(id))) return answer.notFound();
    if (method !== 'DELETE') return answer.methodNotAllowed(method, 'DELETE');
    const key = request.headers.get('idempotency-key');
    if (!isIdempotencyKey(key)) return answer.badIdempotencyKey(key !== null);
    return deletions.handle(Number(id), key, request, requestId);
  }

  const handler = async (request: Request): Promise<Response> => {
    const requestId = crypto.randomUUID();
    let result: Answer;
    try {
      result = await route(request, requestId);
    } catch (error) {
      // Only a fault in the kit itself gets here; it still answers, and deletes nothing.
      settings.onError(error, { requestId, step: 'handler' });
      result = answer.internalError();
    }
    return answer.toResponse(result, requestId);
  };
  return Object.defineProperty(handler, 'basePath', { value: basePath, enumerable: true }) as DeletionHandler;
}
