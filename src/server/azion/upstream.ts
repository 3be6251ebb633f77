/**
 * One call to Azion's APIs and the reading of its answer. Reads every error shape Azion answers with
 * (v3 `{"detail": "…"}`, v3 field errors `{"field": ["…"]}` also nested under `detail`, v4 JSON:API
 * `{"errors": [{…}]}`, and `{"errors": ["…"]}`) for the sentence to pass on, and turns everything that
 * is not a readable success into an `UpstreamError`: an answer it cannot read is never permission.
 */
import { cleanSentence, UpstreamError } from '../errors.js';
import type { DeletionContext } from '../types.js';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface Upstream {
  fetch: FetchLike;
  /** The credential headers for this request; throws `UpstreamError` 401 when there are none. */
  credentials(request: Request): Record<string, string>;
}

/** Lists and pages are small; a body past this is not an answer the kit can trust to read. */
const MAX_BODY_BYTES = 1024 * 1024;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function messagesOf(fields: Record<string, unknown>): string | undefined {
  const sentences = Object.values(fields)
    .flatMap((value) => (Array.isArray(value) ? value : []))
    .filter((value): value is string => typeof value === 'string');
  return sentences.length > 0 ? sentences.join(' ') : undefined;
}

/** The human sentence and the code of an error body in any of Azion's shapes. */
export function readErrorBody(body: unknown): { sentence: string | undefined; code: string | undefined } {
  if (!isRecord(body)) return { sentence: undefined, code: undefined };
  const { detail, errors } = body;
  if (typeof detail === 'string') return { sentence: cleanSentence(detail), code: undefined };
  if (isRecord(detail)) return { sentence: cleanSentence(messagesOf(detail)), code: undefined };
  if (Array.isArray(errors)) {
    const first: unknown = errors[0];
    if (typeof first === 'string') return { sentence: cleanSentence(first), code: undefined };
    if (isRecord(first)) {
      const sentence = cleanSentence(first['detail']) ?? cleanSentence(first['title']);
      return { sentence, code: typeof first['code'] === 'string' ? first['code'] : undefined };
    }
  }
  return { sentence: cleanSentence(messagesOf(body)), code: undefined };
}

/** The body as text, at most `MAX_BODY_BYTES`; a body that breaks off or runs over throws. `signal` ends it. */
async function readText(response: Response, signal?: AbortSignal): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  signal?.addEventListener('abort', () => void reader.cancel().catch(() => undefined), { once: true });
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    bytes += value.byteLength;
    if (bytes > MAX_BODY_BYTES) {
      void reader.cancel().catch(() => undefined);
      throw new RangeError('The answer is too large.');
    }
    text += decoder.decode(value, { stream: true });
  }
}

export interface UpstreamAnswer {
  status: number;
  /** The parsed JSON body, when it was JSON. */
  json: unknown;
  /** True when the body was JSON that parsed (an empty body is not). */
  readable: boolean;
  /** `Retry-After` in whole seconds (from delay-seconds or an HTTP date), when it could be read. */
  retryAfter: number | undefined;
}

/**
 * Only delay-seconds or an HTTP date in one of its three forms (IMF-fixdate, RFC 850, asctime, each in
 * GMT): anything else (`1.5`, `-1`, `12/31`, `5, 10`, `12/31 10:00:00`) is unknown, and no wait is
 * passed on. `Date.parse` alone reads most of those as dates long past (a wait of 0), and asctime, which
 * writes no zone, in the server's local time.
 */
function secondsOf(retryAfter: string | null): number | undefined {
  const value = retryAfter?.trim() ?? '';
  const at = /^\w+, \d\d[ -]\w{3}[ -]\d\d(\d\d)? \d\d:\d\d:\d\d GMT$/.test(value)
    ? Date.parse(value)
    : /^\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}$/.test(value)
      ? Date.parse(`${value} GMT`)
      : Number.NaN;
  const seconds = /^\d+$/.test(value) ? Number(value) : (at - Date.now()) / 1000;
  return Number.isFinite(seconds) ? Math.max(0, Math.ceil(seconds)) : undefined;
}

/**
 * Sends one request. Rejects with `UpstreamError` 502 when no answer came through or the body broke
 * off, or with the signal's reason when the call was aborted (its time ran out).
 */
export async function send(up: Upstream, ctx: DeletionContext, url: string, method: string, accept: string, what: string): Promise<UpstreamAnswer> {
  const headers = { accept, ...up.credentials(ctx.request) };
  try {
    // Never follow a redirect: a DELETE must not go elsewhere, and a sign-in page is no answer.
    return await readAnswer(await up.fetch(url, { method, headers, signal: ctx.signal, redirect: 'manual' }));
  } catch (error) {
    if (ctx.signal.aborted) throw ctx.signal.reason ?? error;
    throw new UpstreamError(502, `Azion's API could not be reached for ${what}.`, { cause: error });
  }
}

/**
 * Reads an answer: its status, its JSON body when it is one, its `Retry-After`. A body that breaks off
 * or runs over throws; `signal` cancels the body.
 */
export async function readAnswer(response: Response, signal?: AbortSignal): Promise<UpstreamAnswer> {
  const text = await readText(response, signal);
  const type = response.headers.get('content-type') ?? '';
  let json: unknown;
  let readable = false;
  if (/\bjson\b/i.test(type) && text.trim() !== '') {
    try {
      json = JSON.parse(text);
      readable = true;
    } catch {
      readable = false;
    }
  }
  return { status: response.status, json, readable, retryAfter: secondsOf(response.headers.get('retry-after')) };
}

/**
 * The `UpstreamError` for an answer that is not the success the caller wanted: its sentence, its
 * `reauthentication_required` and its wait kept. `who` names the upstream in the kit's own words.
 */
export function refusal(answer: UpstreamAnswer, what: string, who = "Azion's API"): UpstreamError {
  const { sentence, code } = answer.readable ? readErrorBody(answer.json) : { sentence: undefined, code: undefined };
  if (answer.status === 401) {
    return new UpstreamError(401, sentence ?? 'Your session has ended or is not valid. Sign in again.', {
      code: code === 'reauthentication_required' ? code : undefined,
    });
  }
  if (answer.status === 403) return new UpstreamError(403, sentence ?? `${who} refused ${what}.`);
  if (answer.status === 429) return new UpstreamError(429, sentence ?? `${who} asked for fewer requests for ${what}.`, { retryAfter: answer.retryAfter });
  if (answer.status >= 200 && answer.status < 300) return new UpstreamError(502, `${who} answered ${what} with something that could not be read.`);
  return new UpstreamError(502, `${who} answered ${answer.status || 'a redirect'} for ${what}.`);
}

/** A GET whose only acceptable answer is 200 with a JSON body. */
export async function getJson(up: Upstream, ctx: DeletionContext, url: string, what: string): Promise<unknown> {
  const answer = await send(up, ctx, url, 'GET', 'application/json', what);
  if (answer.status !== 200 || !answer.readable) throw refusal(answer, what);
  return answer.json;
}
