/**
 * What stands between the panel and whatever answers the contract in a fake: the request log, the
 * added latency, and the queued faults a panel can meet (a 500, a gateway's HTML, a lost answer, a
 * 409 race, …). The in-memory model (`createFakeBackend`) and the server half over the fake Azion API
 * (`createFakeBackendOverAzion`) both answer behind it, so both log and fail alike.
 */
import * as answer from './answers.js';
import type { Route } from './answers.js';
import type { FakeAnswer, FakeRequest, FakeRequestRecord, FaultKind, FaultOptions, QueuedFault } from './types.js';

const MAX_RECORDS = 1000;
const PRECONDITIONS_PATH = '/v4/account/deletion/preconditions';
export const ACCOUNT_PATH = /^\/v3\/account\/([^/]+)$/;

const FAULT_KINDS: readonly FaultKind[] = [
  'server-error',
  'unavailable',
  'forbidden',
  'reauthentication-required',
  'rate-limited',
  'race',
  'malformed-json',
  'wrong-shape',
  'html',
  'network-error',
  'lost-answer',
];

/** True for the names `failNext` accepts. */
export function isFaultKind(value: unknown): value is FaultKind {
  return typeof value === 'string' && (FAULT_KINDS as readonly string[]).includes(value);
}

/** One request of the contract as it reaches what answers it. */
export interface Call {
  route: Route;
  method: string;
  /** The path below the API base, without the query. */
  pathname: string;
  /** The path below the API base, with the query. */
  path: string;
  headers: Record<string, string>;
  /** A `race` fault: a blocker must come back before this DELETE is carried out. */
  race: boolean;
  signal: AbortSignal | undefined;
}

export type Responder = (call: Call) => Promise<FakeAnswer> | FakeAnswer;

export function lowerCaseHeaders(headers: FakeRequest['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  if (typeof Headers !== 'undefined' && headers instanceof Headers) {
    headers.forEach((value, name) => (out[name.toLowerCase()] = value));
    return out;
  }
  for (const [name, value] of Object.entries(headers as Record<string, string | readonly string[] | undefined>)) {
    if (value !== undefined) out[name.toLowerCase()] = typeof value === 'string' ? value : value.join(', ');
  }
  return out;
}

function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    if (ms <= 0) return resolve();
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function checkLatency(ms: number): number {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`latency must be a number of milliseconds of at least 0, not ${ms}`);
  return ms;
}

export class RequestFront {
  #records: FakeRequestRecord[] = [];
  #faults: QueuedFault[] = [];
  #seq = 0;
  #latency: number;

  constructor(
    private readonly now: () => Date,
    private readonly initialLatency: number,
  ) {
    this.#latency = checkLatency(initialLatency);
  }

  get requests(): readonly FakeRequestRecord[] {
    return this.#records.map((record) => ({ ...record, headers: { ...record.headers } }));
  }

  get faults(): readonly QueuedFault[] {
    return this.#faults.map((fault) => ({ ...fault }));
  }

  get latency(): number {
    return this.#latency;
  }

  set latency(ms: number) {
    this.#latency = checkLatency(ms);
  }

  failNext(kind: FaultKind, options: FaultOptions = {}): void {
    if (!isFaultKind(kind)) throw new RangeError(`Unknown fault ${JSON.stringify(kind)}; known: ${FAULT_KINDS.join(', ')}.`);
    const times = options.times ?? 1;
    if (!Number.isSafeInteger(times) || times < 1) throw new RangeError(`times must be a whole number of at least 1, not ${times}`);
    const on = kind === 'race' || kind === 'lost-answer' ? 'delete' : (options.on ?? 'any');
    if (on !== 'any' && on !== 'preconditions' && on !== 'delete') throw new RangeError(`Unknown fault target ${JSON.stringify(on)}.`);
    this.#faults.push({ kind, on, remaining: times });
  }

  clearFaults(): void {
    this.#faults = [];
  }

  clearRequests(): void {
    this.#records = [];
  }

  reset(): void {
    this.#latency = this.initialLatency;
    this.#faults = [];
    this.#records = [];
    this.#seq = 0;
  }

  /** Logs the request, waits the latency, then answers through a fault or through `respond`. */
  async handle(request: FakeRequest, signal: AbortSignal | undefined, respond: Responder): Promise<FakeAnswer> {
    const headers = lowerCaseHeaders(request.headers);
    const method = request.method.toUpperCase();
    const record: FakeRequestRecord = {
      seq: ++this.#seq,
      time: this.now().toISOString(),
      method,
      path: request.path,
      headers,
      idempotencyKey: headers['idempotency-key'],
      status: undefined,
      requestId: undefined,
      fault: undefined,
      aborted: false,
    };
    this.#records.push(record);
    if (this.#records.length > MAX_RECORDS) this.#records.splice(0, this.#records.length - MAX_RECORDS);

    try {
      await wait(this.#latency, signal);
    } catch (reason) {
      record.aborted = true;
      throw reason;
    }

    const pathname = request.path.split(/[?#]/, 1)[0] ?? '';
    const route: Route = pathname === PRECONDITIONS_PATH ? 'preconditions' : ACCOUNT_PATH.test(pathname) ? 'delete' : 'other';
    const fault = this.#takeFault(route, method);
    record.fault = fault;

    let result: FakeAnswer;
    if (fault === 'network-error') {
      result = { type: 'network-error' };
    } else if (fault && fault !== 'race' && fault !== 'lost-answer') {
      result = answer.faultAnswer(fault, route);
    } else {
      try {
        result = await respond({ route, method, pathname, path: request.path, headers, race: fault === 'race', signal });
      } catch (reason) {
        if (signal?.aborted) record.aborted = true;
        throw reason;
      }
      // Carried out, then lost on the way back.
      if (fault === 'lost-answer') result = { type: 'network-error' };
    }

    if (result.type === 'response') {
      // What answered may have given its own request id (the server half does); else the fake's.
      record.requestId = result.headers['x-request-id'] ?? `fake-${String(record.seq).padStart(6, '0')}`;
      record.status = result.status;
      result.headers['x-request-id'] = record.requestId;
    }
    return result;
  }

  #takeFault(route: Route, method: string): FaultKind | undefined {
    // Only the requests of the contract: a stray path or method neither fails nor uses a fault up.
    const asked = route === 'preconditions' && method === 'GET' ? 'preconditions' : route === 'delete' && method === 'DELETE' ? 'delete' : undefined;
    if (!asked) return undefined;
    const index = this.#faults.findIndex((fault) => fault.on === 'any' || fault.on === asked);
    const fault = this.#faults[index];
    if (!fault) return undefined;
    if (--fault.remaining === 0) this.#faults.splice(index, 1);
    return fault.kind;
  }
}
