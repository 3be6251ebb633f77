/**
 * `createFakeAzionApi()`: an in-memory stand-in for the Azion APIs the server half calls, with their
 * paging envelopes and error shapes, per-endpoint latency and faults, and a request log. It answers
 * real `Request`s with real `Response`s, so it serves as a `fetch` for `azion({ fetch })` or, through
 * `createFakeAzionApiHandler`, over HTTP. No DOM and no Node imports.
 */
import * as answer from './answers.js';
import type { Answer } from './answers.js';
import * as model from './state.js';
import {
  AZION_ENDPOINTS,
  AZION_FAULT_KINDS,
  type AzionEndpoint,
  type AzionFaultKind,
  type AzionFaultOptions,
  type FakeAzionApiOptions,
  type FakeAzionRequest,
  type FakeAzionState,
  type QueuedAzionFault,
} from './types.js';

/** Thrown by `handle()` when a fault withholds the answer: `fetch` turns it into its own TypeError. */
export class NoAnswer extends Error {
  override readonly name = 'NoAnswer';
}

export interface FakeAzionApi {
  /** A copy of the state. */
  readonly state: FakeAzionState;
  /** Every call since the last reset, oldest first (the newest 1000). */
  readonly requests: readonly FakeAzionRequest[];
  readonly faults: readonly QueuedAzionFault[];
  /** Answers one request; rejects with `NoAnswer` for a network fault, or the signal's reason when aborted. */
  handle(request: Request): Promise<Response>;
  /** A `fetch` backed by `handle()`: give it to `azion({ fetch })`. Any host is accepted; the path decides. */
  readonly fetch: (input: Request | string | URL, init?: RequestInit) => Promise<Response>;
  /** Replaces parts of the state at once (`{ account: { …, status: 'BLOCKED' } }`). */
  update(patch: Partial<FakeAzionState>): void;
  disableZone(ref: number | string): void;
  enableZone(ref: number | string): void;
  removeApplication(ref: number | string): void;
  restoreApplication(ref: number | string): void;
  /** Marks every pending payment paid. */
  payDebts(): void;
  /** Adds a pending payment (`'$ 120.50'` by default: the first pending amount of the starting state). */
  addDebt(amountWithCurrency?: string): void;
  /** Disables every zone, removes every application, pays every debt, lifts a BLOCKED or DEFAULTING status. */
  resolveAll(): void;
  /** One blocker comes back, as a colleague in another tab might bring it. */
  bringBackABlocker(): void;
  /** Milliseconds before answers: one figure, or one per endpoint. */
  setLatency(latency: number | Partial<Record<AzionEndpoint, number>>): void;
  latencyOf(endpoint: AzionEndpoint): number;
  failNext(kind: AzionFaultKind, options?: AzionFaultOptions): void;
  clearFaults(): void;
  clearRequests(): void;
  /** Back to the starting state: account, faults, latency and log. */
  reset(): void;
}

const MAX_RECORDS = 1000;
const ROUTES: [string, RegExp, AzionEndpoint][] = [
  ['GET', /^\/api\/account\/info\/?$/, 'account'],
  ['GET', /^\/api\/user\/me\/?$/, 'user'],
  ['GET', /^\/v4\/workspace\/dns\/zones\/?$/, 'dns_zones'],
  ['GET', /^\/v4\/workspace\/applications\/?$/, 'applications'],
  ['GET', /^\/v4\/payments\/history\/?$/, 'payments'],
  ['DELETE', /^\/v3\/account\/([^/]+)\/?$/, 'delete'],
];

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function checkLatency(latency: number | Partial<Record<AzionEndpoint, number>>) {
  const values = typeof latency === 'number' ? [latency] : Object.values(latency);
  if (values.some((ms) => typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0)) throw new RangeError('latency must be milliseconds of at least 0.');
  return typeof latency === 'number' ? latency : { ...latency };
}

class Fake implements FakeAzionApi {
  readonly #initial: FakeAzionState;
  readonly #initialLatency: number | Partial<Record<AzionEndpoint, number>>;
  readonly #options: FakeAzionApiOptions;
  readonly #now: () => Date;
  #state!: FakeAzionState;
  #latency: number | Partial<Record<AzionEndpoint, number>> = 0;
  #faults: QueuedAzionFault[] = [];
  #records: FakeAzionRequest[] = [];
  #seq = 0;

  constructor(options: FakeAzionApiOptions) {
    this.#options = options;
    this.#initial = model.startingState(options.initialState);
    this.#initialLatency = checkLatency(options.latency ?? 0);
    this.#now = options.now ?? (() => new Date());
    this.reset();
  }

  get state() {
    return structuredClone(this.#state);
  }
  get requests() {
    return this.#records.map((record) => ({ ...record, headers: { ...record.headers } }));
  }
  get faults() {
    return this.#faults.map((fault) => ({ ...fault }));
  }

  readonly fetch = async (input: Request | string | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    try {
      return await this.handle(request);
    } catch (error) {
      if (error instanceof NoAnswer) throw new TypeError('fetch failed', { cause: error });
      throw error;
    }
  };

  update(patch: Partial<FakeAzionState>) {
    this.#state = structuredClone({ ...this.#state, ...patch });
  }
  disableZone(ref: number | string) {
    model.findZone(this.#state, ref).active = false;
  }
  enableZone(ref: number | string) {
    model.findZone(this.#state, ref).active = true;
  }
  removeApplication(ref: number | string) {
    model.findApplication(this.#state, ref).removed = true;
  }
  restoreApplication(ref: number | string) {
    model.findApplication(this.#state, ref).removed = false;
  }
  payDebts() {
    model.payDebts(this.#state);
  }
  addDebt(amountWithCurrency?: string) {
    model.addDebt(this.#state, this.#initial, amountWithCurrency);
  }
  resolveAll() {
    model.resolveAll(this.#state);
  }
  bringBackABlocker() {
    model.bringBackABlocker(this.#state, this.#initial);
  }
  setLatency(latency: number | Partial<Record<AzionEndpoint, number>>) {
    this.#latency = checkLatency(latency);
  }
  latencyOf(endpoint: AzionEndpoint) {
    return typeof this.#latency === 'number' ? this.#latency : (this.#latency[endpoint] ?? 0);
  }

  failNext(kind: AzionFaultKind, options: AzionFaultOptions = {}) {
    if (!AZION_FAULT_KINDS.includes(kind)) throw new RangeError(`Unknown fault ${JSON.stringify(kind)}; known: ${AZION_FAULT_KINDS.join(', ')}.`);
    const on = kind === 'lost-answer' ? 'delete' : (options.on ?? 'any');
    if (on !== 'any' && !AZION_ENDPOINTS.includes(on)) throw new RangeError(`Unknown endpoint ${JSON.stringify(on)}; known: ${AZION_ENDPOINTS.join(', ')}.`);
    const times = options.times ?? 1;
    if (!Number.isSafeInteger(times) || times < 1) throw new RangeError(`times must be a whole number of at least 1, not ${times}`);
    const ms = options.ms ?? 60_000;
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`ms must be milliseconds of at least 0, not ${ms}`);
    const skip = options.skip ?? 0;
    if (!Number.isSafeInteger(skip) || skip < 0) throw new RangeError(`skip must be a whole number of at least 0, not ${skip}`);
    this.#faults.push({ kind, on, remaining: times, ms, skip });
  }
  clearFaults() {
    this.#faults = [];
  }
  clearRequests() {
    this.#records = [];
  }
  reset() {
    this.#state = structuredClone(this.#initial);
    this.#latency = this.#initialLatency;
    this.#faults = [];
    this.#records = [];
    this.#seq = 0;
  }

  #takeFault(endpoint: AzionEndpoint | undefined): QueuedAzionFault | undefined {
    if (!endpoint) return undefined;
    const index = this.#faults.findIndex((fault) => fault.on === 'any' || fault.on === endpoint);
    const fault = this.#faults[index];
    if (!fault) return undefined;
    if (fault.skip > 0) {
      fault.skip--;
      return undefined;
    }
    if (--fault.remaining === 0) this.#faults.splice(index, 1);
    return fault;
  }

  #authorized(headers: Headers): boolean {
    const { token, sessionCookie } = this.#options;
    if (token === undefined && sessionCookie === undefined) return true;
    const authorization = /^Token\s+(\S+)$/i.exec(headers.get('authorization') ?? '')?.[1];
    if (token !== undefined && authorization === token) return true;
    const cookies = (headers.get('cookie') ?? '').split(/;\s*/);
    return sessionCookie !== undefined && cookies.includes(`azsid=${sessionCookie}`);
  }

  async handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const method = request.method.toUpperCase();
    const route = ROUTES.find(([, pattern]) => pattern.test(url.pathname));
    const endpoint = route?.[2];
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => (headers[name] = value));
    const record: FakeAzionRequest = {
      seq: ++this.#seq,
      time: this.#now().toISOString(),
      method,
      path: url.pathname + url.search,
      endpoint,
      headers,
      status: undefined,
      fault: undefined,
      aborted: false,
    };
    this.#records.push(record);
    if (this.#records.length > MAX_RECORDS) this.#records.splice(0, this.#records.length - MAX_RECORDS);

    try {
      if (endpoint) await wait(this.latencyOf(endpoint), request.signal);
      const fault = route && route[0] === method ? this.#takeFault(endpoint) : undefined;
      record.fault = fault?.kind;
      if (fault?.kind === 'slow') await wait(fault.ms, request.signal);
      if (fault?.kind === 'network-error') throw new NoAnswer('The fake Azion API withheld its answer (network-error).');
      let result: Answer;
      if (fault && !['slow', 'lost-answer'].includes(fault.kind)) result = answer.faultAnswer(fault.kind, endpoint);
      else result = this.#answer(method, url, request.headers, route);
      if (fault?.kind === 'lost-answer') throw new NoAnswer('The fake Azion API carried the deletion out and withheld its answer (lost-answer).');
      record.status = result.status;
      const nullBody = result.status === 204 || method === 'HEAD';
      return new Response(nullBody ? null : result.body, { status: result.status, headers: result.headers });
    } catch (error) {
      if (request.signal.aborted) record.aborted = true;
      throw error;
    }
  }

  #answer(method: string, url: URL, headers: Headers, route: (typeof ROUTES)[number] | undefined): Answer {
    if (!route) return answer.notFound();
    const [allowed, pattern, endpoint] = route;
    if (method !== allowed) return answer.error(endpoint, 405, 'method_not_allowed', 'Method not allowed', `Method "${method}" not allowed.`);
    if (this.#state.deleted) return answer.notAuthenticated(endpoint, true);
    if (!this.#authorized(headers)) return answer.notAuthenticated(endpoint);
    const state = this.#state;
    switch (endpoint) {
      case 'account':
        return answer.json(200, model.wire.account(state));
      case 'user':
        return answer.json(200, model.wire.user(state));
      case 'dns_zones': {
        const active = url.searchParams.get('active');
        const zones = state.dnsZones.filter((zone) => active === null || String(zone.active) === active);
        return answer.envelope(endpoint, url, zones.map(model.wire.zone));
      }
      case 'applications':
        return answer.envelope(endpoint, url, state.applications.filter((app) => !app.removed).map(model.wire.application));
      case 'payments':
        return answer.envelope(endpoint, url, state.payments.map(model.wire.payment));
      case 'delete': {
        // The v3 API answers only the version it is asked for.
        if (!/;\s*version=3\b/.test(headers.get('accept') ?? '')) return answer.json(406, { detail: 'Could not satisfy the request Accept header.' });
        if (pattern.exec(url.pathname)?.[1] !== String(state.account.id)) return answer.notFound('delete');
        if (!state.user.isAccountOwner) return answer.json(403, { detail: 'Only the account owner can delete the account.' });
        // As Azion's own endpoint: no check at all, which is why the server half checks first.
        state.deleted = true;
        return answer.noContent();
      }
    }
  }
}

/**
 * Makes a fake of Azion's APIs: Acme Corp (1234) with two active DNS zones, one edge application and
 * a pending 120.50 USD payment, unless `initialState` says otherwise.
 *
 * ```ts
 * const upstream = createFakeAzionApi();
 * const handler = createDeletionHandler({ ...azion({ auth: 'forward', fetch: upstream.fetch }), idempotency: memoryStore() });
 * upstream.failNext('server-error', { on: 'payments' });
 * ```
 */
export function createFakeAzionApi(options: FakeAzionApiOptions = {}): FakeAzionApi {
  return new Fake(options);
}
