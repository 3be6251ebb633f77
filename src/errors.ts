/**
 * Marks every error of the kit with the names of its classes, so that `instanceof` works even when
 * the error was made by another copy of the kit (say the standalone panel and the npm SDK on one page).
 */
const BRAND = Symbol.for('account-deletion-kit.error');

type Branded = { [BRAND]?: readonly string[] };

/** The base of every error the kit throws. `name` says which one it is. */
export class AccountDeletionError extends Error {
  /** The class's own name, kept apart from `Function.name` so that minified builds keep it. */
  static readonly errorName: string = 'AccountDeletionError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    const names: string[] = [];
    for (let ctor: object | null = new.target; ctor && ctor !== Error; ctor = Object.getPrototypeOf(ctor) as object | null) {
      if (Object.hasOwn(ctor, 'errorName')) names.push((ctor as typeof AccountDeletionError).errorName);
    }
    this.name = names[0] ?? 'AccountDeletionError';
    Object.defineProperty(this, BRAND, { value: Object.freeze(names) });
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    if (super[Symbol.hasInstance](value)) return true;
    // A primitive, null and undefined have no brand (`?.` reads none on them).
    const names = (value as Branded | null | undefined)?.[BRAND];
    return Array.isArray(names) && names.includes(this.errorName);
  }
}

/** Parts of an error response, read from any of the four error shapes of the API. */
export interface ApiErrorInit {
  status: number;
  /** The machine code, from `errors[0].code` of a JSON:API body. */
  code?: string | undefined;
  /** The human sentence to show a user. */
  detail: string;
  /** `X-Request-Id` of the response, for support. */
  requestId?: string | undefined;
  /** The body as received: parsed JSON, the text when it was not JSON, or undefined when empty. */
  body?: unknown;
  /** `errors[0].source.pointer` of a JSON:API body, or the first field of a field-error body. */
  pointer?: string | undefined;
  /** False when the answer carried no sentence and `detail` is the kit's plain stand-in. Default true. */
  fromServer?: boolean | undefined;
}

/** The server answered with an error status. */
export class ApiError extends AccountDeletionError {
  static override readonly errorName: string = 'ApiError';
  readonly status: number;
  readonly code: string | undefined;
  readonly detail: string;
  readonly requestId: string | undefined;
  readonly body: unknown;
  readonly pointer: string | undefined;
  /** True when `detail` is the server's own sentence; false when the answer had none (a proxy's HTML, an empty body). */
  readonly fromServer: boolean;

  constructor(init: ApiErrorInit) {
    super(init.detail);
    this.status = init.status;
    this.code = init.code;
    this.detail = init.detail;
    this.requestId = init.requestId;
    this.body = init.body;
    this.pointer = init.pointer;
    this.fromServer = init.fromServer ?? true;
  }
}

/** 401: the user is not signed in. */
export class AuthenticationError extends ApiError {
  static override readonly errorName: string = 'AuthenticationError';
}

/** 401 with code `reauthentication_required`: the server wants a fresh sign-in before deleting. */
export class ReauthenticationRequiredError extends AuthenticationError {
  static override readonly errorName: string = 'ReauthenticationRequiredError';
}

/** 403: this user may not delete this account. */
export class PermissionDeniedError extends ApiError {
  static override readonly errorName: string = 'PermissionDeniedError';
}

/** 404: the account or the endpoint was not found. */
export class NotFoundError extends ApiError {
  static override readonly errorName: string = 'NotFoundError';
}

/** 429: too many requests. `retryAfter` is in seconds, when the server said. */
export class RateLimitError extends ApiError {
  static override readonly errorName: string = 'RateLimitError';
  readonly retryAfter: number | undefined;

  constructor(init: ApiErrorInit & { retryAfter?: number | undefined }) {
    super(init);
    this.retryAfter = init.retryAfter;
  }
}

/** 5xx: the server or a gateway failed. */
export class ServerError extends ApiError {
  static override readonly errorName: string = 'ServerError';
}

/**
 * No answer came through: the network failed, the connection broke before the answer's headers, or
 * the browser kept the answer back (a cross-origin answer without CORS headers). The request may
 * still have reached the server. A body that breaks off after the headers is no ConnectionError: it
 * is an InvalidResponseError, or for an error status the ApiError of that status.
 */
export class ConnectionError extends AccountDeletionError {
  static override readonly errorName: string = 'ConnectionError';
}

/** No answer came within the timeout, or its body stalled for as long after the headers. */
export class RequestTimeoutError extends AccountDeletionError {
  static override readonly errorName: string = 'RequestTimeoutError';
  /** The timeout that ran out, in milliseconds. */
  readonly timeout: number;

  constructor(timeout: number, options?: { cause?: unknown }) {
    const seconds = Math.max(1, Math.ceil(timeout / 1000));
    super(`The server did not answer within ${seconds} second${seconds === 1 ? '' : 's'}.`, options);
    this.timeout = timeout;
  }
}

/** The caller aborted the request through its `signal`. */
export class RequestAbortedError extends AccountDeletionError {
  static override readonly errorName: string = 'RequestAbortedError';
}

/**
 * The answer could not be read: not JSON, empty, cut off, or not of the shape or status of the API.
 * The kit never treats such an answer as permission to delete.
 */
export class InvalidResponseError extends AccountDeletionError {
  static override readonly errorName: string = 'InvalidResponseError';
  /** Where in the body the problem is, as a JSON pointer (`/data/checks/0/status`), when known. */
  readonly pointer: string | undefined;
  /** The HTTP status of the unreadable answer, when there was one. */
  readonly status: number | undefined;

  constructor(message: string, options?: { pointer?: string; status?: number; cause?: unknown }) {
    super(message, options);
    this.pointer = options?.pointer;
    this.status = options?.status;
  }
}

/** True for any error of the kit, from this copy of it or another. */
export function isAccountDeletionError(value: unknown): value is AccountDeletionError {
  return value instanceof AccountDeletionError;
}

/** True for an error status answered by the server. */
export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}
