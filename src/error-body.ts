/**
 * Reads an error response in any of the four shapes of Azion APIs, or in none (a proxy's HTML,
 * an empty body), and builds the matching error class; and turns whatever else a request threw into
 * one of the kit's errors.
 */
import { HTTPError, TimeoutError as KyTimeoutError } from 'ky';
import {
  AccountDeletionError,
  ApiError,
  type ApiErrorInit,
  AuthenticationError,
  ConnectionError,
  InvalidResponseError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ReauthenticationRequiredError,
  RequestAbortedError,
  RequestTimeoutError,
  ServerError,
} from './errors.js';
import { ConflictError } from './conflict-error.js';
import { isObject, parseChecks } from './parse.js';
import type { Check } from './parse.js';

const MAX_DETAIL = 500;

interface ReadBody {
  detail?: string | undefined;
  code?: string | undefined;
  pointer?: string | undefined;
  meta?: unknown;
}

function text(value: unknown): string | undefined {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  return trimmed ? trimmed.slice(0, MAX_DETAIL) : undefined;
}

/**
 * Shape 3, JSON:API: `{"errors": [{"code", "title", "detail", "source": {"pointer"}, "meta"}]}`; and
 * shape 4, a list of sentences: `{"errors": ["message", ...]}`.
 */
function readErrors(body: Record<string, unknown>): ReadBody | undefined {
  const errors = body['errors'];
  if (!Array.isArray(errors)) return undefined;
  // `text` gives undefined or a trimmed sentence: joined, they are trimmed already, and `text` cuts the whole to MAX_DETAIL.
  const detail = text(errors.map(text).filter(Boolean).join(' '));
  if (detail) return { detail };
  if (!isObject(errors[0])) return undefined;
  const first = errors[0];
  return {
    detail: text(first['detail']) ?? text(first['title']),
    code: text(first['code']),
    // Of JSON, only an object can have a `pointer` (a text or a list has none); null and undefined give none.
    pointer: text((first['source'] as Record<string, unknown> | null | undefined)?.['pointer']),
    meta: first['meta'],
  };
}

/** Shape 2, field errors: `{"field_name": ["message", ...]}`, also nested as `{"detail": {"field_name": [...]}}`. */
function readFieldErrors(body: Record<string, unknown>): ReadBody | undefined {
  const sentences: string[] = [];
  let pointer: string | undefined;
  for (const [field, messages] of Object.entries(body)) {
    const said = Array.isArray(messages) && messages.map(text).filter(Boolean).join(' ');
    if (!said) continue;
    pointer ??= `/${field}`;
    sentences.push(field === 'non_field_errors' || field === 'detail' ? said : `${field.replace(/_/g, ' ')}: ${said}`);
  }
  return sentences.length ? { detail: sentences.join(' ').slice(0, MAX_DETAIL), pointer } : undefined;
}

function readBody(body: unknown): ReadBody {
  if (!isObject(body)) return {};
  // Shape 1, v3 detail: `{"detail": "..."}`.
  const detail = body['detail'];
  const said = text(detail);
  return (
    readErrors(body) ??
    (said ? { detail: said } : undefined) ??
    (isObject(detail) ? readFieldErrors(detail) : undefined) ??
    readFieldErrors(body) ??
    {}
  );
}

/** The plain sentence for an answer that had no readable message (HTML from a proxy, an empty body). */
export function statusSentence(status: number): string {
  const what = status >= 500 ? 'The server could not complete the request' : status === 429 ? 'Too many requests were made' : 'The server refused the request';
  return `${what} (status ${status}).`;
}

/**
 * How long ky would wait before repeating this answer, in milliseconds: from `Retry-After` (whole
 * seconds or an HTTP date in GMT such as `Wed, 21 Oct 2015 07:28:00 GMT`) or a rate-limit header (read
 * as ky reads it: in seconds or as a timestamp; or such a date). NaN when unreadable; undefined when no
 * header asks for a wait.
 */
export function askedWait(response: Response): number | undefined {
  const headers = response.headers;
  const retryAfter = headers.get('Retry-After');
  const value =
    retryAfter ??
    headers.get('RateLimit-Reset') ??
    headers.get('X-RateLimit-Retry-After') ??
    headers.get('X-RateLimit-Reset') ??
    headers.get('X-Rate-Limit-Reset');
  if (!value) return undefined;
  // A date only in GMT, as HTTP writes it (IMF-fixdate, RFC 850): not `5, 10`, `12/31` or `12/31 10:00:00`,
  // which Date.parse reads as days in 2001 (no wait: the tries at once), nor asctime, which names no zone
  // (ky would read it in local time). Otherwise Retry-After holds whole seconds only: not `1.5` or `-1`.
  const date = /^\w+, \d\d[ -]\w{3}[ -]\d\d(\d\d)? \d\d:\d\d:\d\d GMT$/.test(value);
  if (value === retryAfter && !date && !/^\d+$/.test(value)) return NaN;
  const after = Number(value) * 1000;
  if (Number.isNaN(after)) return date ? Date.parse(value) - Date.now() : NaN;
  // ky reads a number this large as a timestamp in milliseconds.
  return after >= Date.parse('2024-01-01') ? after - Date.now() : after;
}

/**
 * What `work` gives, if it comes within `timeout` milliseconds and before `signal` aborts (a body, a
 * token). When the time runs out, `onExpire` is called (to end a download) and the promise rejects
 * with RequestTimeoutError; on abort it rejects with the signal's reason, even through a `fetch` that
 * does not tie its bodies to the signal. A failure of `work` rejects with its own error.
 */
export async function inTime<T>(work: () => T | Promise<T>, timeout: number, onExpire?: () => void, signal?: AbortSignal): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Set at once: a promise runs its executor before the constructor returns.
  let onAbort!: () => void;
  const cut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      // The timeout first: aborting the download makes the body fail too, and that must not win the race.
      reject(new RequestTimeoutError(timeout));
      onExpire?.();
    }, timeout);
    onAbort = () => reject(signal?.reason);
    // A signal aborts once; the listener goes in the end, whatever happened.
    signal?.addEventListener('abort', onAbort);
  });
  try {
    signal?.throwIfAborted();
    return await Promise.race([work(), cut]);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

function conflictChecks(meta: unknown): readonly Check[] | undefined {
  if (!isObject(meta) || meta['checks'] === undefined) return undefined;
  try {
    return parseChecks(meta['checks'], '/errors/0/meta/checks');
  } catch {
    return undefined;
  }
}

/**
 * Builds the error for a non-2xx response. Reads the body with `reader` (by default all of it, however
 * long it takes); never throws.
 */
export async function errorFromResponse(
  response: Response,
  reader: (response: Response) => Promise<string> = (r) => r.text(),
): Promise<ApiError> {
  // A blank body is none (undefined).
  let body: unknown;
  try {
    const raw = await reader(response);
    if (raw.trim()) {
      body = raw;
      if (/json/i.test(response.headers.get('content-type') ?? '') || /^\s*[[{]/.test(raw)) body = JSON.parse(raw);
    }
  } catch {
    // The body broke off or took too long: the status alone still tells what happened. The body is
    // then an empty text, not none: a 410 cut off is no empty 410 of the API's. Or the body was not
    // JSON after all: it stays as the text it was (set before JSON.parse), never the message.
    body ??= '';
  }
  const read = readBody(body);
  const status = response.status;
  // The code and the pointer as read (`meta` too, which no error class keeps).
  const init: ApiErrorInit = {
    ...read,
    status,
    detail: read.detail ?? statusSentence(status),
    fromServer: read.detail !== undefined,
    requestId: response.headers.get('x-request-id') ?? undefined,
    body,
  };
  if (status === 409) return new ConflictError({ ...init, checks: conflictChecks(read.meta) });
  if (status === 429) {
    // The wait the repeats of a GET would take: Retry-After (seconds or a date) or a rate-limit header.
    const wait = askedWait(response);
    // Number.isFinite is false for undefined (no header) and NaN (an unreadable one).
    return new RateLimitError({ ...init, retryAfter: Number.isFinite(wait) ? Math.max(0, Math.ceil((wait as number) / 1000)) : undefined });
  }
  return new (
    status === 401
      ? read.code === 'reauthentication_required'
        ? ReauthenticationRequiredError
        : AuthenticationError
      : status === 403
        ? PermissionDeniedError
        : status === 404
          ? NotFoundError
          : status >= 500
            ? ServerError
            : ApiError
  )(init);
}

/** Turns whatever a request threw into one of the kit's errors. */
export async function toKitError(
  error: unknown,
  signal: AbortSignal | undefined,
  timeout: number,
  read: (response: Response) => Promise<string>,
): Promise<AccountDeletionError> {
  // Cancelled by the caller: whatever broke after that (a body cut off mid-read) is the cancel.
  if (signal?.aborted) return new RequestAbortedError('The request was cancelled.', { cause: signal.reason });
  if (error instanceof AccountDeletionError) return error;
  if (error instanceof HTTPError) {
    const { type, status, redirected } = error.response;
    // Not an error status of the API: a redirect the DELETE did not follow, a 3xx a custom fetch hands
    // over, an answer from the end of a redirect the DELETE refused (a custom fetch that follows them
    // all), or a status line the browser read as 2, 600 or 1000. Nothing is known of the outcome.
    if (type === 'opaqueredirect' || status < 400 || status > 599 || (redirected && error.request.redirect === 'manual')) {
      void error.response.body?.cancel().catch(() => undefined);
      const redirect = type === 'opaqueredirect' || redirected || /^30[12378]$/.test(String(status));
      return new InvalidResponseError(
        `The server answered with ${redirect ? 'a redirect' : 'a status the API does not send'}${status ? ` (status ${status})` : ''}; the request may not have been carried out.`,
        // An opaque redirect's status is 0: none to tell.
        { status: status || undefined },
      );
    }
    const answered = await errorFromResponse(error.response, read);
    // Cancelled while the error body arrived: that is the cancel too.
    return signal?.aborted ? new RequestAbortedError('The request was cancelled.', { cause: signal.reason }) : answered;
  }
  if (error instanceof KyTimeoutError) return new RequestTimeoutError(timeout);
  if (error instanceof DOMException && error.name === 'AbortError') {
    return new RequestAbortedError('The request was cancelled.', { cause: error });
  }
  // The request may have reached the server all the same: the connection broke before the answer's headers,
  // or the browser kept the answer back.
  return new ConnectionError('No answer came through from the server. Check the connection and try again.', { cause: error });
}
