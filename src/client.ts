import ky, { HTTPError, type KyInstance, type Options as KyOptions } from 'ky';
import { AccountDeletionError, ApiError, InvalidResponseError } from './errors.js';
import { askedWait, inTime, toKitError } from './error-body.js';
import { unusableBase } from './url.js';
import { parsePreconditions, type Account, type Preconditions } from './parse.js';

/**
 * A token, or a function that returns one (sync or async). It is read before every request; one that
 * does not answer within the request's timeout fails it, with nothing sent.
 */
export type TokenSource = string | (() => string | null | undefined | Promise<string | null | undefined>);

export interface RetryOptions {
  /** How many times a GET may be repeated after the first try. Default 2. DELETE is never repeated. */
  limit?: number;
  /** Milliseconds to wait before repeat number `attempt` (1, 2, …). Default 300 ms, doubling. */
  delay?: (attempt: number) => number;
  /**
   * The longest wait (in seconds) that a 429 or 503 may ask for, by `Retry-After` or a rate-limit
   * header such as `RateLimit-Reset`; a longer one, or one that cannot be read, ends the tries at once. Default 10.
   */
  maxRetryAfter?: number;
}

export interface ClientOptions {
  /** Base URL of the API. Default `/api` (a same-origin proxy). */
  apiBase?: string;
  /** Sent as `Authorization: <scheme> <token>`. Leave out for cookie sessions. */
  token?: TokenSource;
  /** `Token` (an Azion personal token, the default) or `Bearer` (a JWT). */
  scheme?: 'Token' | 'Bearer';
  /** Default `include`, so a session cookie goes with each request. */
  credentials?: RequestCredentials;
  /** Extra headers sent with every request. */
  headers?: HeadersInit;
  /** A `fetch` to use instead of the global one (a test double, an instrumented fetch). */
  fetch?: typeof globalThis.fetch;
  /** Milliseconds to wait for each answer's headers, and as long again for its body. Default 15000. */
  timeout?: number;
  /** How GET requests are repeated on network errors and 429, 500, 502, 503 and 504. */
  retry?: RetryOptions;
}

export interface RequestOptions {
  /** Aborts the request; it then fails with RequestAbortedError. */
  signal?: AbortSignal | undefined;
  /** Milliseconds to wait for the answer's headers, and as long again for its body, for this request only. */
  timeout?: number | undefined;
  /** Extra headers for this request only. */
  headers?: HeadersInit | undefined;
}

export interface DeleteAccountOptions extends RequestOptions {
  /**
   * Makes a repeat of the same deletion safe on the server: 1 to 255 printable ASCII characters, with
   * no space at either end.
   * A fresh random key is made when left out. To be able to try again safely after an unknown
   * outcome (a network error, a timeout, a 5xx), make the key first with `newIdempotencyKey()` and
   * pass the same one to every try.
   */
  idempotencyKey?: string | undefined;
}

export interface DeleteAccountResult {
  accountId: number;
  /** True when the server answered 410: the account was already deleted, by an earlier try for example. */
  alreadyDeleted: boolean;
  /** The key the request carried. */
  idempotencyKey: string;
  /** `X-Request-Id` of the answer, for support. */
  requestId: string | undefined;
}

export interface AccountDeletionClient {
  /** Reads what still blocks deleting the signed-in account. May repeat on network errors, 429 and 5xx. */
  getPreconditions(options?: RequestOptions): Promise<Preconditions>;
  /**
   * Deletes the account. Sent once; never repeated by the client. (A browser may itself send a request
   * again when the connection it reused broke before any answer: the same Idempotency-Key goes with
   * it, so the server deletes once.)
   */
  deleteAccount(accountId: number | Pick<Account, 'id'>, options?: DeleteAccountOptions): Promise<DeleteAccountResult>;
}

/** The API base when none is given: a same-origin proxy, as the Azion console uses. */
export const DEFAULT_API_BASE = '/api';
const DEFAULT_TIMEOUT = 15_000;
const RETRY_STATUSES = [429, 500, 502, 503, 504];
/** The statuses whose repeat waits for the time the server asks (`Retry-After` and the like). */
const WAIT_STATUSES = [429, 503];
/**
 * What an Idempotency-Key may be: 1 to 255 printable ASCII characters (the API's limit is 255), with
 * no space at either end (a header value loses those, and the key sent would differ from the one kept).
 */
const IDEMPOTENCY_KEY = /^[\x21-\x7e](?:[\x20-\x7e]{0,253}[\x21-\x7e])?$/;

/** True when `key` may go as an Idempotency-Key: 1 to 255 printable ASCII characters, no space at either end. */
export function isIdempotencyKey(key: unknown): key is string {
  return typeof key === 'string' && IDEMPOTENCY_KEY.test(key);
}

/** A random key for `Idempotency-Key`: a version 4 UUID. */
export function newIdempotencyKey(): string {
  // randomUUID exists only on https pages and localhost; getRandomValues everywhere.
  // Each 0 and 1 a random hex digit; the 8 the RFC 4122 variant (8 to b); the 4 stays, the version.
  return (crypto as { randomUUID?: () => string }).randomUUID?.() ?? '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (digit) =>
    (+digit ^ ((crypto.getRandomValues(new Uint8Array(1))[0] as number) & (15 >> (+digit / 4)))).toString(16),
  );
}

/** An answer that is not the API's for this request: nothing is known of what the server did. */
function notTheApi(status: number, how: string, what = 'the account may not have been deleted'): InvalidResponseError {
  return new InvalidResponseError(`The server answered ${status}${how}; ${what}.`, { status });
}

/**
 * Makes a client for the precondition and delete endpoints.
 *
 * ```ts
 * const client = createAccountDeletionClient({ apiBase: '/api', token: () => session.token });
 * const { account, deletable, checks } = await client.getPreconditions();
 * if (deletable) await client.deleteAccount(account.id);
 * ```
 */
export function createAccountDeletionClient(options: ClientOptions = {}): AccountDeletionClient {
  const apiBase = options.apiBase ?? DEFAULT_API_BASE;
  const unusable = unusableBase(apiBase);
  if (unusable !== undefined) throw new TypeError(`createAccountDeletionClient needs an apiBase ${unusable}.`);
  const scheme = options.scheme ?? 'Token';
  const defaultTimeout = options.timeout ?? DEFAULT_TIMEOUT;
  const retry = options.retry ?? {};
  const maxRetryAfter = (retry.maxRetryAfter ?? 10) * 1000;
  const token = options.token;

  const http: KyInstance = ky.create({
    prefixUrl: apiBase,
    credentials: options.credentials ?? 'include',
    headers: options.headers,
    // ky falls back to the global fetch when this is undefined.
    fetch: options.fetch,
    hooks: {
      beforeRequest: [
        async (request, options) => {
          request.headers.set('Accept', 'application/json');
          try {
            // ky's timeout starts after this hook: a token source that never answers ends within the same time.
            const value = typeof token === 'function' ? await inTime(token, (options as KyOptions).timeout as number) : token;
            // A repeat reuses the previous try's headers: a token that is gone now must not linger.
            if (value) request.headers.set('Authorization', `${scheme} ${value}`);
            else if (token !== undefined) request.headers.delete('Authorization');
          } catch {
            // Neither the token nor the reason (which may quote it) goes into the error.
            throw new AccountDeletionError('The sign-in token could not be read or is not a valid header value.');
          }
        },
      ],
    },
  });

  /**
   * Sends one request (with ky's repeats, for a GET) and hands the answer to `use`. Whatever fails,
   * in the request or in `use`, comes out as one of the kit's errors.
   */
  async function send<T>(
    path: string,
    kyOptions: KyOptions,
    request: RequestOptions,
    use: (response: Response, read: (response: Response) => Promise<string>) => T | Promise<T>,
  ): Promise<T> {
    const timeout = request.timeout ?? defaultTimeout;
    // ky's timeout ends when the headers arrive; this one ends a body that stalls after them.
    const stall = new AbortController();
    const signal = request.signal ? AbortSignal.any([request.signal, stall.signal]) : stall.signal;
    const read = (response: Response) => inTime(() => response.text(), timeout, () => stall.abort(), request.signal);
    try {
      // A custom fetch may ignore a signal that was aborted before the call: never send then.
      request.signal?.throwIfAborted();
      // ky lets an explicit `headers: undefined` replace the client-wide headers: only pass real ones.
      const perCall = request.headers === undefined ? {} : { headers: request.headers };
      return await use(await http(path, { ...kyOptions, timeout, signal, ...perCall }), read);
    } catch (error) {
      throw await toKitError(error, request.signal, timeout, read);
    }
  }

  return {
    getPreconditions(request = {}) {
      return send(
        'v4/account/deletion/preconditions',
        {
          method: 'get',
          // Every check asks the server: an answer from the browser's cache would say what blocked before.
          cache: 'no-store',
          retry: {
            limit: retry.limit ?? 2,
            statusCodes: RETRY_STATUSES,
            afterStatusCodes: WAIT_STATUSES,
            maxRetryAfter,
            ...(retry.delay ? { delay: retry.delay } : {}),
            backoffLimit: 10_000,
            shouldRetry: ({ error }) => {
              if (error instanceof AccountDeletionError) return false;
              if (!(error instanceof HTTPError) || !WAIT_STATUSES.includes(error.response.status)) return undefined;
              const wait = askedWait(error.response);
              // A long wait is the user's to decide: end the tries and let RateLimitError carry it.
              // So is a wait that cannot be read: ky would guess one.
              return wait !== undefined && !(wait <= maxRetryAfter) ? false : undefined;
            },
          },
        },
        request,
        async (response, read) => {
          // Only a 200 carries the checks: another 2xx (a 206, say) is not the API's answer. So past this line, the status is 200.
          if (response.status !== 200) throw notTheApi(response.status, ' instead of 200', 'the checks were not read');
          // The body must be JSON: not empty, not of another type, not broken, not cut off.
          const unreadable = (why: string, cause?: unknown) =>
            new InvalidResponseError(`The server's answer could not be read: ${why} (status 200).`, { status: 200, cause });
          let raw: string;
          try {
            raw = await read(response);
          } catch (cause) {
            if (cause instanceof AccountDeletionError) throw cause;
            throw unreadable('the body broke off', cause);
          }
          if (raw.trim() === '') throw unreadable('the body was empty');
          // `application/json` or `application/…+json`, in any letter case (lowered here: see DATE_TIME in parse.ts).
          if (!/^application\/([\w.+-]*\+)?json\b/.test((response.headers.get('content-type') ?? '').toLowerCase())) {
            throw unreadable('it was not JSON');
          }
          try {
            return parsePreconditions(JSON.parse(raw));
          } catch (error) {
            // The parser knows where the body is wrong (its error is fresh; the status is known here); JSON.parse throws the rest.
            if (!(error instanceof InvalidResponseError)) throw unreadable('the JSON was broken', error);
            (error as { status: number | undefined }).status = 200;
            throw error;
          }
        },
      );
    },

    async deleteAccount(account, request = {}) {
      const accountId = typeof account === 'number' ? account : account.id;
      if (!Number.isSafeInteger(accountId) || accountId < 1) {
        throw new TypeError(`deleteAccount needs an account id that is a whole number of at least 1.`);
      }
      const idempotencyKey = request.idempotencyKey ?? newIdempotencyKey();
      if (!isIdempotencyKey(idempotencyKey)) {
        throw new TypeError('deleteAccount needs an idempotency key of 1 to 255 printable ASCII characters, with no space at either end.');
      }
      const headers = new Headers(request.headers);
      headers.set('Idempotency-Key', idempotencyKey);
      try {
        // A redirect is not followed: the browser would send the DELETE again, to another address.
        return await send(`v3/account/${accountId}`, { method: 'delete', retry: { limit: 0 }, redirect: 'manual' }, { ...request, headers }, (response) => {
          // Only a 204 says "deleted". Another 2xx (a 200 with some body, a 202 "accepted", the end of a
          // redirect) is not the API saying yes: the outcome is unknown, and a try with the same key tells.
          if (response.status !== 204 || response.redirected) {
            void response.body?.cancel().catch(() => undefined);
            throw notTheApi(response.status, response.redirected ? ' after a redirect' : ' instead of 204');
          }
          return { accountId, alreadyDeleted: false, idempotencyKey, requestId: response.headers.get('x-request-id') ?? undefined };
        });
      } catch (error) {
        if (error instanceof ApiError && error.status === 410) {
          // The API's 410 is empty or JSON; another body (a gateway's page) is not the API saying "gone".
          if (typeof error.body === 'string') {
            throw notTheApi(410, " with a body that is not the API's");
          }
          return { accountId, alreadyDeleted: true, idempotencyKey, requestId: error.requestId };
        }
        throw error;
      }
    },
  };
}
