/**
 * The network edge for the SDK's tests: a stand-in for `fetch` that records every Request it is
 * given and answers with real Response objects, honouring the request's signal as a browser does.
 */

/** What the fake network does for one request. */
export type Answer =
  | Response
  | (() => Response | Promise<Response>)
  /** The network fails (fetch rejects with a TypeError, as a browser's does). */
  | 'network-error'
  /** No answer ever comes; only the request's signal ends the wait. */
  | 'hang';

export interface FakeNetwork {
  /** Pass as the client's `fetch` option. */
  fetch: typeof globalThis.fetch;
  /** Every request received, in order. */
  requests: Request[];
  /** `performance.now()` when each request arrived. */
  times: number[];
}

/**
 * A fake `fetch` that gives the answers in order. A request beyond the list is answered with a
 * 599, so a surplus request shows up as a failed test rather than a hang.
 */
export function fakeNetwork(...answers: Answer[]): FakeNetwork {
  const requests: Request[] = [];
  const times: number[] = [];
  const fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    requests.push(request);
    times.push(performance.now());
    const answer = answers[requests.length - 1] ?? new Response('unexpected extra request', { status: 599 });
    const signal = request.signal;
    if (signal.aborted) return Promise.reject(signal.reason);
    return new Promise<Response>((resolve, reject) => {
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      if (answer === 'hang') return;
      if (answer === 'network-error') {
        reject(new TypeError('Failed to fetch'));
        return;
      }
      Promise.resolve(typeof answer === 'function' ? answer() : answer).then(resolve, reject);
    });
  };
  return { fetch, requests, times };
}

/** A JSON answer, with the headers a real API sends. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** A raw answer: any text, any content type. */
export function raw(body: string | null, status: number, headers: Record<string, string> = {}): Response {
  return new Response(body, { status, headers });
}

/** What a gateway in front of the API answers when the API is down. */
export const PROXY_HTML = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><script>alert(1)</script></body></html>';

export { blockedBody, clearBody, conflictBody } from '../spec-examples.js';

/** Waits for `promise` to reject and returns what it threw; fails the test when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  let value: unknown;
  try {
    value = await promise;
  } catch (error) {
    return error;
  }
  throw new Error(`Expected a rejection, but it resolved with ${JSON.stringify(value)}`);
}

/** No delay between tries, so that retry tests stay fast. */
export const NO_DELAY = { delay: () => 0 } as const;

/**
 * An answer whose headers and first bytes arrive, then nothing more: the body never ends, as from a
 * server that stalls mid-answer.
 */
export function stalling(start: string, status: number, headers: Record<string, string> = {}): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(start));
    },
  });
  return new Response(body, { status, headers });
}

/** An answer whose body breaks off after its first bytes (the connection drops mid-answer). */
export function breakingOff(start: string, status: number, headers: Record<string, string> = {}): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(start));
      setTimeout(() => controller.error(new TypeError('network error')), 10);
    },
  });
  return new Response(body, { status, headers });
}
