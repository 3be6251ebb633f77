/**
 * `createFakeBackendOverAzion`: the fake backend whose answers come from the server half
 * (`createDeletionHandler` with `azion()`) over the fake Azion API: the code a partner deploys, met by
 * the panel. It is steered and logged exactly as `createFakeBackend` is (same methods, same control
 * routes, same panel-facing faults in front), and its `upstream` takes Azion-side faults on top.
 */
import { azion, createDeletionHandler, memoryStore, parseAmountWithCurrency, sumDecimals } from '../src/server/index.js';
import type { FakeBackend } from './backend.js';
import { evaluateChecks, DEFAULT_RESOLVE_URLS, type ResolveUrls, type WireCheck } from './checks.js';
import { RequestFront, type Call } from './front.js';
import { createFakeAzionApi, type FakeAzionApi } from './azion/api.js';
import type { FakeAmount, FakeAnswer, FakeBackendState, FakeRequest, FaultKind, FaultOptions } from './types.js';
import type { FakeAzionState } from './azion/types.js';

export interface FakeBackendOverAzionOptions {
  /** The fake Azion API to answer from. Default a fresh one (Acme Corp) that wants `FAKE_AZION_TOKEN`. */
  upstream?: FakeAzionApi;
  /**
   * Makes the handler, at start and on every `reset()` (so idempotency keys start over too). Default:
   * `createDeletionHandler` below `apiBase` with `azion({ auth: { token: FAKE_AZION_TOKEN }, fetch:
   * upstream.fetch })` and a `memoryStore()`, so requests need no credentials of their own.
   */
  createHandler?: (upstream: FakeAzionApi) => (request: Request) => Promise<Response>;
  /** Where the handler is served. Default `/api`. */
  apiBase?: string;
  /** Where each check's Resolve link points. Default the Azion console's pages. */
  resolveUrls?: Partial<Record<'dns_zones' | 'edge_applications' | 'debts', string>>;
  /** Milliseconds added before each answer (in front of the handler). Default 0. */
  latency?: number;
  now?: () => Date;
}

/** The personal token the default handler sends, and the default fake Azion API wants. */
export const FAKE_AZION_TOKEN = 'fake-azion-token';

export interface FakeBackendOverAzion extends FakeBackend {
  /** The fake Azion API the handler reads and deletes through: queue Azion-side faults on it. */
  readonly upstream: FakeAzionApi;
}

/** The debt as the demo's controls show it: the pending payments' sum, when it reads as one amount. */
function debtOf(state: FakeAzionState): FakeAmount | null {
  const pending = state.payments.filter((p) => p.status.trim().toLowerCase() === 'pending').map((p) => parseAmountWithCurrency(p.amountWithCurrency));
  if (pending.length === 0) return null;
  const first = pending[0];
  if (first && pending.every((amount) => amount?.currency === first.currency)) {
    return { value: sumDecimals(pending.map((amount) => amount?.value ?? '0')), currency: first.currency };
  }
  // Several currencies, or figures that do not read: a debt all the same, of no one amount.
  return { value: '0', currency: 'XXX' };
}

class OverAzion implements FakeBackendOverAzion {
  readonly upstream: FakeAzionApi;
  readonly #front: RequestFront;
  readonly #apiBase: string;
  readonly #urls: ResolveUrls;
  readonly #createHandler: (upstream: FakeAzionApi) => (request: Request) => Promise<Response>;
  #handler: (request: Request) => Promise<Response>;

  constructor(options: FakeBackendOverAzionOptions) {
    this.upstream = options.upstream ?? createFakeAzionApi({ token: FAKE_AZION_TOKEN });
    this.#front = new RequestFront(options.now ?? (() => new Date()), options.latency ?? 0);
    this.#apiBase = (options.apiBase ?? '/api').replace(/\/+$/, '');
    this.#urls = { ...DEFAULT_RESOLVE_URLS, ...options.resolveUrls };
    const urls = this.#urls;
    this.#createHandler =
      options.createHandler ??
      ((upstream) =>
        createDeletionHandler({
          basePath: this.#apiBase || '/',
          ...azion({ auth: { token: FAKE_AZION_TOKEN }, fetch: upstream.fetch, resolveUrls: urls }),
          idempotency: memoryStore(),
        }));
    this.#handler = this.#createHandler(this.upstream);
  }

  get state(): FakeBackendState {
    const state = this.upstream.state;
    return {
      account: { id: state.account.id, name: state.account.name, kind: state.account.kind },
      dnsZones: state.dnsZones.map((zone) => ({ id: zone.id, name: zone.domain, active: zone.active })),
      edgeApplications: state.applications.map((app) => ({ id: app.id, name: app.name, removed: app.removed })),
      debt: debtOf(state),
      deleted: state.deleted,
    };
  }
  get requests() {
    return this.#front.requests;
  }
  get faults() {
    return this.#front.faults;
  }
  get latency() {
    return this.#front.latency;
  }
  set latency(ms: number) {
    this.#front.latency = ms;
  }

  /** What the in-memory model would answer for this state: a sketch; the handler's answers are the truth. */
  checks(): WireCheck[] {
    return evaluateChecks(this.state, this.#urls);
  }
  disableZone(zone: number | string) {
    this.upstream.disableZone(zone);
  }
  enableZone(zone: number | string) {
    this.upstream.enableZone(zone);
  }
  removeApplication(application: number | string) {
    this.upstream.removeApplication(application);
  }
  restoreApplication(application: number | string) {
    this.upstream.restoreApplication(application);
  }
  payDebt() {
    this.upstream.payDebts();
  }
  restoreDebt(amount?: FakeAmount) {
    // The debt comes back as one pending payment of that amount (or the starting one).
    this.upstream.payDebts();
    this.upstream.addDebt(amount ? `${amount.currency} ${amount.value}` : undefined);
  }
  resolveAll() {
    this.upstream.resolveAll();
  }
  failNext(kind: FaultKind, options?: FaultOptions) {
    this.#front.failNext(kind, options);
  }
  clearFaults() {
    this.#front.clearFaults();
  }
  clearRequests() {
    this.#front.clearRequests();
  }
  reset() {
    this.upstream.reset();
    this.#front.reset();
    this.#handler = this.#createHandler(this.upstream);
  }

  handle(request: FakeRequest, signal?: AbortSignal): Promise<FakeAnswer> {
    return this.#front.handle(request, signal, (call) => this.#respond(call));
  }

  async #respond(call: Call): Promise<FakeAnswer> {
    // A colleague's change between the check and this DELETE: the handler's own re-check must catch it.
    if (call.race && !this.upstream.state.deleted) this.upstream.bringBackABlocker();
    const headers = new Headers();
    for (const [name, value] of Object.entries(call.headers)) {
      try {
        headers.set(name, value);
      } catch {
        // A header a Request may not carry (a forbidden name in a browser) is left behind.
      }
    }
    const request = new Request(new URL(`${this.#apiBase}${call.path}`, 'http://fake-backend.invalid'), {
      method: call.method,
      headers,
      ...(call.signal ? { signal: call.signal } : {}),
    });
    const response = await this.#handler(request);
    const out: Record<string, string> = {};
    response.headers.forEach((value, name) => (out[name] = value));
    return { type: 'response', status: response.status, headers: out, body: await response.text() };
  }
}

/**
 * Makes a fake backend that answers through the server half over a fake Azion API:
 *
 * ```ts
 * const backend = createFakeBackendOverAzion();
 * backend.resolveAll();                                   // every zone off, the app gone, debts paid
 * backend.upstream.failNext('server-error', { on: 'payments' }); // Azion's payment history fails once
 * const client = createAccountDeletionClient({ apiBase: '/api', fetch: createFakeFetch(backend) });
 * ```
 */
export function createFakeBackendOverAzion(options: FakeBackendOverAzionOptions = {}): FakeBackendOverAzion {
  return new OverAzion(options);
}
