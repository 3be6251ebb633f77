/**
 * The in-memory model of the account deletion API: one account, its blockers, a fault queue and a
 * request log. It knows nothing of transports; `createFakeFetch` and the Node handlers carry requests to
 * `handle()`. No DOM and no Node imports, so the same model runs in a browser test and in a dev server.
 */
import * as answer from './answers.js';
import type { Route } from './answers.js';
import { DEFAULT_RESOLVE_URLS, evaluateChecks, preconditionsBody, type ResolveUrls, type WireCheck } from './checks.js';
import type { FakeAzionApi } from './azion/api.js';
import { ACCOUNT_PATH, isFaultKind, RequestFront } from './front.js';
import type {
  FakeAmount,
  FakeAnswer,
  FakeBackendOptions,
  FakeBackendState,
  FakeRequest,
  FakeRequestRecord,
  FaultKind,
  FaultOptions,
  QueuedFault,
} from './types.js';

/** The fake's model. Every method changes the state at once; the next request sees it. */
export interface FakeBackend {
  /** A copy of the current state. */
  readonly state: FakeBackendState;
  /** Every request received since the last reset, oldest first (the newest 1000 are kept). */
  readonly requests: readonly FakeRequestRecord[];
  /** Faults waiting for a request. */
  readonly faults: readonly QueuedFault[];
  /** Milliseconds added before each answer. An aborted request stops waiting at once. */
  latency: number;

  /** The checks as the precondition endpoint would send them now. */
  checks(): WireCheck[];
  /** Disables a DNS zone, found by id or name. */
  disableZone(zone: number | string): void;
  enableZone(zone: number | string): void;
  /** Removes an edge application, found by id or name. */
  removeApplication(application: number | string): void;
  restoreApplication(application: number | string): void;
  payDebt(): void;
  /** Brings a debt back: the given amount, or the initial one (120.50 USD by default). */
  restoreDebt(amount?: FakeAmount): void;
  /** Disables every zone, removes every application and pays the debt. */
  resolveAll(): void;
  /** Makes the next matching request(s) fail in the given way. Faults wait in a queue, first in first out. */
  failNext(kind: FaultKind, options?: FaultOptions): void;
  clearFaults(): void;
  clearRequests(): void;
  /** Back to the initial state: account, blockers, session, faults, latency, idempotency keys and log. */
  reset(): void;
  /**
   * Answers one API request. Waits `latency` first; if `signal` aborts meanwhile, it rejects with the
   * signal's reason and changes nothing.
   */
  handle(request: FakeRequest, signal?: AbortSignal): Promise<FakeAnswer>;
  /** The fake Azion API behind it, when it answers through the server half (`createFakeBackendOverAzion`). */
  readonly upstream?: FakeAzionApi;
}

/** The account a fake starts with unless told otherwise. Frozen: copy it to change it. */
export const DEFAULT_STATE: Readonly<FakeBackendState> = deepFreeze({
  account: { id: 1234, name: 'Acme Corp', kind: 'client' },
  dnsZones: [
    { id: 81, name: 'acme.com', active: true },
    { id: 82, name: 'acme.dev', active: true },
  ],
  edgeApplications: [{ id: 1001, name: 'acme-storefront', removed: false }],
  debt: { value: '120.50', currency: 'USD' },
  deleted: false,
});

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

const MAX_KEY_LENGTH = 255;

export { isFaultKind };

/** The amount as the contract writes it: a decimal in a string, and a three-letter currency code. */
function checkAmount(amount: FakeAmount, where: string): FakeAmount {
  if (typeof amount?.value !== 'string' || !/^-?[0-9]+(\.[0-9]+)?$/.test(amount.value) || typeof amount.currency !== 'string' || !/^[A-Z]{3}$/.test(amount.currency)) {
    throw new TypeError(`${where} needs an amount such as { value: '120.50', currency: 'USD' }, not ${JSON.stringify(amount)}`);
  }
  return amount;
}

/** The parts of a starting state the contract constrains: what the fake serves must be a valid answer. */
function checkState(state: FakeBackendState): FakeBackendState {
  const { id, name } = state.account ?? {};
  if (!Number.isSafeInteger(id) || id < 1) throw new TypeError(`initialState.account.id must be a whole number of at least 1, not ${JSON.stringify(id)}`);
  if (typeof name !== 'string' || name.trim() === '') throw new TypeError(`initialState.account.name must be a non-empty string, not ${JSON.stringify(name)}`);
  if (state.debt !== null) checkAmount(state.debt, 'initialState.debt');
  return state;
}

class Model implements FakeBackend {
  #initial: FakeBackendState;
  #state!: FakeBackendState;
  #succeededKeys = new Set<string>();
  readonly #front: RequestFront;
  readonly #token: string | undefined;
  readonly #urls: ResolveUrls;
  readonly #now: () => Date;

  constructor(options: FakeBackendOptions) {
    this.#initial = checkState(structuredClone({ ...DEFAULT_STATE, ...options.initialState }));
    this.#now = options.now ?? (() => new Date());
    this.#front = new RequestFront(this.#now, options.latency ?? 0);
    this.#token = options.token;
    this.#urls = { ...DEFAULT_RESOLVE_URLS, ...options.resolveUrls };
    this.reset();
  }

  get state(): FakeBackendState {
    return structuredClone(this.#state);
  }

  get requests(): readonly FakeRequestRecord[] {
    return this.#front.requests;
  }

  get faults(): readonly QueuedFault[] {
    return this.#front.faults;
  }

  get latency(): number {
    return this.#front.latency;
  }

  set latency(ms: number) {
    this.#front.latency = ms;
  }

  checks(): WireCheck[] {
    return evaluateChecks(this.#state, this.#urls);
  }

  #zone(ref: number | string) {
    const zone = this.#state.dnsZones.find((z) => z.id === ref || z.name === ref || String(z.id) === ref);
    if (!zone) throw new RangeError(`The fake backend has no DNS zone ${JSON.stringify(ref)}.`);
    return zone;
  }

  #application(ref: number | string) {
    const app = this.#state.edgeApplications.find((a) => a.id === ref || a.name === ref || String(a.id) === ref);
    if (!app) throw new RangeError(`The fake backend has no edge application ${JSON.stringify(ref)}.`);
    return app;
  }

  disableZone(zone: number | string): void {
    this.#zone(zone).active = false;
  }

  enableZone(zone: number | string): void {
    this.#zone(zone).active = true;
  }

  removeApplication(application: number | string): void {
    this.#application(application).removed = true;
  }

  restoreApplication(application: number | string): void {
    this.#application(application).removed = false;
  }

  payDebt(): void {
    this.#state.debt = null;
  }

  restoreDebt(amount?: FakeAmount): void {
    const debt = amount === undefined ? (this.#initial.debt ?? DEFAULT_STATE.debt) : checkAmount(amount, 'restoreDebt');
    if (debt) this.#state.debt = { ...debt };
  }

  resolveAll(): void {
    for (const zone of this.#state.dnsZones) zone.active = false;
    for (const app of this.#state.edgeApplications) app.removed = true;
    this.#state.debt = null;
  }

  failNext(kind: FaultKind, options: FaultOptions = {}): void {
    this.#front.failNext(kind, options);
  }

  clearFaults(): void {
    this.#front.clearFaults();
  }

  clearRequests(): void {
    this.#front.clearRequests();
  }

  reset(): void {
    this.#state = structuredClone(this.#initial);
    this.#front.reset();
    this.#succeededKeys.clear();
  }

  handle(request: FakeRequest, signal?: AbortSignal): Promise<FakeAnswer> {
    return this.#front.handle(request, signal, (call) => this.#answer(call.route, call.method, call.pathname, call.headers, call.race));
  }

  /** What a colleague in another tab might do between the user's check and click. */
  #bringBackABlocker(): void {
    const zone = this.#state.dnsZones.find((z) => !z.active);
    if (zone) return void (zone.active = true);
    const app = this.#state.edgeApplications.find((a) => a.removed);
    if (app) return void (app.removed = false);
    if (this.#state.debt) return;
    this.restoreDebt();
  }

  #authorized(headers: Record<string, string>): boolean {
    if (this.#token === undefined) return true;
    const match = /^(?:Token|Bearer)\s+(.+)$/i.exec(headers['authorization'] ?? '');
    return match?.[1]?.trim() === this.#token;
  }

  #answer(route: Route, method: string, pathname: string, headers: Record<string, string>, race = false): FakeAnswer {
    if (route === 'other') return answer.notFound();
    if (route === 'preconditions' && method !== 'GET') return answer.methodNotAllowed(method, 'GET');
    if (route === 'delete' && method !== 'DELETE') return answer.methodNotAllowed(method, 'DELETE');
    if (!this.#authorized(headers)) return answer.badToken(route);

    if (route === 'preconditions') {
      if (this.#state.deleted) return answer.sessionEnded();
      return answer.json(200, preconditionsBody(this.#state, this.checks(), this.#now()));
    }

    const id = ACCOUNT_PATH.exec(pathname)?.[1];
    if (id !== String(this.#state.account.id)) return answer.notFound();
    const key = headers['idempotency-key'];
    if (key !== undefined && key.length > MAX_KEY_LENGTH) return answer.keyTooLong();
    // A colleague's change between the check and this DELETE, for a request the server would act on.
    if (race && !this.#state.deleted) this.#bringBackABlocker();
    // A repeat of a deletion that succeeded answers as the first did, even though the session has ended:
    // that is what makes a retry after a lost answer safe.
    if (key !== undefined && this.#succeededKeys.has(key)) return answer.noContent();
    if (this.#state.deleted) return answer.detail(410, 'This account has already been deleted.');
    const checks = this.checks();
    if (checks.some((check) => check.status !== 'passed')) return answer.blocked(checks);
    this.#state.deleted = true;
    if (key !== undefined) this.#succeededKeys.add(key);
    return answer.noContent();
  }
}

/**
 * Makes an in-memory account deletion backend: "Acme Corp" (id 1234) with two active DNS zones,
 * one edge application and a debt of 120.50 USD, unless `initialState` says otherwise.
 *
 * ```ts
 * const backend = createFakeBackend();
 * backend.resolveAll();
 * backend.failNext('server-error', { on: 'delete' });
 * ```
 */
export function createFakeBackend(options: FakeBackendOptions = {}): FakeBackend {
  return new Model(options);
}
