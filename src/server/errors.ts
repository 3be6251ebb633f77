/**
 * The one error a hook throws to say how its upstream answered. Anything else a hook throws is an
 * unknown failure: a 502 for the account or the deletion, `unavailable` for a check.
 */

/** The statuses the handler passes on: 401, 403 and 429 as they came, 502 and 504 for upstream failures. */
export type UpstreamStatus = 401 | 403 | 429 | 502 | 504;

const STATUSES: readonly number[] = [401, 403, 429, 502, 504];
const MAX_SENTENCE = 300;

/**
 * A sentence from another server, made safe to pass on: control characters out, white space
 * collapsed, at most 300 characters. Undefined when nothing readable is left.
 */
export function cleanSentence(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  // eslint-disable-next-line no-control-regex
  const text = value.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (text === '') return undefined;
  return text.length > MAX_SENTENCE ? `${text.slice(0, MAX_SENTENCE - 1)}…` : text;
}

/**
 * Thrown by `account`, a check or `deleteAccount` when the upstream said no or failed:
 * - 401: the session or token is not valid; the whole answer is a 401 (`code` is kept, so
 *   `reauthentication_required` reaches the panel).
 * - 403: this user may not; passed on as a 403 with `detail`, the upstream's sentence.
 * - 429: the upstream asked for fewer requests; passed on as a 429, with `Retry-After` when
 *   `retryAfter` (whole seconds) is known. A check that meets one is `unavailable`.
 * - 502 or 504: the upstream failed or timed out.
 * `detail` is shown to the user: write it for them, never with internals (hosts, stack traces).
 */
export class UpstreamError extends Error {
  override readonly name = 'UpstreamError';
  readonly status: UpstreamStatus;
  readonly detail: string;
  readonly code: string | undefined;
  /** For a 429: how many seconds the upstream asked to wait, when it said. */
  readonly retryAfter: number | undefined;

  constructor(
    status: UpstreamStatus,
    detail: string,
    options: { code?: string | undefined; cause?: unknown; retryAfter?: number | undefined } = {},
  ) {
    if (!STATUSES.includes(status)) throw new TypeError(`UpstreamError needs a status of 401, 403, 429, 502 or 504, not ${String(status)}.`);
    const sentence = cleanSentence(detail) ?? 'The upstream service failed.';
    super(sentence, { cause: options.cause });
    this.status = status;
    this.detail = sentence;
    this.code = options.code;
    const wait = options.retryAfter;
    this.retryAfter = typeof wait === 'number' && Number.isSafeInteger(wait) && wait >= 0 ? wait : undefined;
  }
}

/** True for an `UpstreamError`, also one from another copy of the kit. */
export function isUpstreamError(error: unknown): error is UpstreamError {
  return (
    error instanceof UpstreamError ||
    (typeof error === 'object' &&
      error !== null &&
      (error as { name?: unknown }).name === 'UpstreamError' &&
      STATUSES.includes((error as { status?: unknown }).status as number) &&
      typeof (error as { detail?: unknown }).detail === 'string')
  );
}

/** Thrown by the handler's own timer: the call did not settle in time. */
export class CallTimeoutError extends Error {
  override readonly name = 'CallTimeoutError';
  constructor(readonly ms: number) {
    super(`No answer within ${ms} ms.`);
  }
}
