import ky, { HTTPError, TimeoutError as KyTimeoutError, type KyInstance, type Options as KyOptions } from 'ky';
import {
  AccountDeletionError,
  ApiError,
  ConnectionError,
  InvalidResponseError,
  RequestAbortedError,
  RequestTimeoutError,
} from './errors.js';
import { errorFromResponse, parseRetryAfter } from './error-body.js';
import { parsePreconditions, type Account, type Preconditions } from './parse.js';

/** A token, or a function that returns one (sync or async). It is read before every request. */
export type TokenSource = string | (() => string | null | undefined | Promise<string | null | undefined>);

export interface RetryOptions {
  /** How many times a GET may be repeated after the first try. Default 2. DELETE is never repeated. */
  limit?: number;
  /** Milliseconds to wait before repeat number `attempt` (1, 2, …). Default 300 ms, doubling. */
  delay?: (attempt: number) => number;
  /** The longest `Retry-After` (in seconds) worth waiting for; a longer one ends the tries at once. Default 10. */
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
  /** Milliseconds to wait for each answer. Default 15000. */
  timeout?: number;
  /** How GET requests are repeated on network errors, 429 and 5xx. */
  retry?: RetryOptions;
}

export interface RequestOptions {
  /** Aborts the request; it then fails with RequestAbortedError. */
  signal?: AbortSignal | undefined;
  /** Milliseconds to wait for the answer, for this request only. */
  timeout?: number | undefined;
  /** Extra headers for this request only. */
  headers?: HeadersInit | undefined;
}

export interface DeleteAccountOptions extends RequestOptions {
  /**
   * Makes a repeat of the same deletion safe on the server. A fresh random key is made when left
   * out; pass the key of an earlier try to try again (see `newIdempotencyKey`).
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
  /** Deletes the account. Sent once; never repeated by the client. */
  deleteAccount(accountId: number | Pick<Account, 'id'>, options?: DeleteAccountOptions): Promise<DeleteAccountResult>;
}

const DEFAULT_TIMEOUT = 15_000;
const RETRY_STATUSES = [429, 500, 502, 503, 504];

/** A random key for `Idempotency-Key`. */
export function newIdempotencyKey(): string {
  return globalThis.crypto.randomUUID();
}

function isJson(response: Response): boolean {
  return /^application\/([\w.+-]*\+)?json\b/i.test(response.headers.get('content-type') ?? '');
}

const EMPTY = Symbol('empty body');

/** The body as JSON, or EMPTY; InvalidResponseError when it is neither (not JSON, broken, cut off). */
async function readJson(response: Response): Promise<unknown> {
  const unreadable = (why: string, cause?: unknown) =>
    new InvalidResponseError(`The server's answer could not be read: ${why} (status ${response.status}).`, {
      status: response.status,
      cause,
    });
  let raw: string;
  try {
    raw = await response.text();
  } catch (cause) {
    throw unreadable('the body broke off', cause);
  }
  if (raw.trim() === '') return EMPTY;
  if (!isJson(response)) throw unreadable('it was not JSON');
  try {
    return JSON.parse(raw) as unknown;
  } catch (cause) {
    throw unreadable('the JSON was broken', cause);
  }
}

/** Turns whatever a request threw into one of the kit's errors. */
async function toKitError(error: unknown, signal: AbortSignal | undefined, timeout: number): Promise<AccountDeletionError> {
  if (error instanceof AccountDeletionError) return error;
  if (signal?.aborted) return new RequestAbortedError('The request was cancelled.', { cause: signal.reason });
  if (error instanceof HTTPError) return errorFromResponse(error.response);
  if (error instanceof KyTimeoutError) return new RequestTimeoutError(timeout);
  if (error instanceof DOMException && error.name === 'AbortError') {
    return new RequestAbortedError('The request was cancelled.', { cause: error });
  }
  return new ConnectionError('The server could not be reached. Check the connection and try again.', { cause: error });
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
  const scheme = options.scheme ?? 'Token';
  const defaultTimeout = options.timeout ?? DEFAULT_TIMEOUT;
  const retry = options.retry ?? {};
  const maxRetryAfter = (retry.maxRetryAfter ?? 10) * 1000;
  const token = options.token;

  const http: KyInstance = ky.create({
    prefixUrl: options.apiBase ?? '/api',
    credentials: options.credentials ?? 'include',
    headers: options.headers,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    hooks: {
      beforeRequest: [
        async (request) => {
          request.headers.set('Accept', 'application/json');
          try {
            const value = typeof token === 'function' ? await token() : token;
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

  async function send(path: string, kyOptions: KyOptions, request: RequestOptions): Promise<Response> {
    const timeout = request.timeout ?? defaultTimeout;
    try {
      // A custom fetch may ignore a signal that was aborted before the call: never send then.
      request.signal?.throwIfAborted();
      // ky lets an explicit `headers: undefined` replace the client-wide headers: only pass real ones.
      const perCall = request.headers === undefined ? {} : { headers: request.headers };
      return await http(path, { ...kyOptions, timeout, signal: request.signal, ...perCall });
    } catch (error) {
      throw await toKitError(error, request.signal ?? undefined, timeout);
    }
  }

  return {
    async getPreconditions(request = {}) {
      const response = await send(
        'v4/account/deletion/preconditions',
        {
          method: 'get',
          retry: {
            limit: retry.limit ?? 2,
            methods: ['get'],
            statusCodes: RETRY_STATUSES,
            afterStatusCodes: [429, 503],
            ...(retry.delay ? { delay: retry.delay } : {}),
            backoffLimit: 10_000,
            shouldRetry: ({ error }) => {
              if (error instanceof AccountDeletionError) return false;
              if (!(error instanceof HTTPError)) return undefined;
              const after = parseRetryAfter(error.response.headers.get('retry-after'));
              // A long wait is the user's to decide: end the tries and let RateLimitError carry it.
              return after !== undefined && after * 1000 > maxRetryAfter ? false : undefined;
            },
          },
        },
        request,
      );
      try {
        const body = await readJson(response);
        if (body === EMPTY) {
          throw new InvalidResponseError(`The server's answer could not be read: the body was empty (status ${response.status}).`, {
            status: response.status,
          });
        }
        return parsePreconditions(body);
      } catch (error) {
        throw await toKitError(error, request.signal, request.timeout ?? defaultTimeout);
      }
    },

    async deleteAccount(account, request = {}) {
      const accountId = typeof account === 'number' ? account : account.id;
      if (!Number.isSafeInteger(accountId) || accountId < 1) {
        throw new TypeError(`deleteAccount needs an account id that is a whole number of at least 1.`);
      }
      const idempotencyKey = request.idempotencyKey ?? newIdempotencyKey();
      const headers = new Headers(request.headers);
      headers.set('Idempotency-Key', idempotencyKey);
      let response: Response;
      try {
        response = await send(`v3/account/${accountId}`, { method: 'delete', retry: { limit: 0 } }, { ...request, headers });
      } catch (error) {
        if (error instanceof ApiError && error.status === 410) {
          return { accountId, alreadyDeleted: true, idempotencyKey, requestId: error.requestId };
        }
        throw error;
      }
      // The API answers 204 with no body. Any other 2xx counts only with an empty or readable JSON body:
      // a gateway's HTML page or a cut-off answer is not the API saying yes.
      try {
        await readJson(response);
      } catch (cause) {
        throw new InvalidResponseError(
          `The server's answer could not be read (status ${response.status}); the account may not have been deleted.`,
          { status: response.status, cause },
        );
      }
      return { accountId, alreadyDeleted: false, idempotencyKey, requestId: response.headers.get('x-request-id') ?? undefined };
    },
  };
}
