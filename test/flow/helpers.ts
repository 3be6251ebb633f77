/**
 * A world for the flow's tests in Node: the testing kit's fake backend behind the real SDK client,
 * a flow over it with a clock and keys the test controls, and everything the flow told its listeners.
 */
import { createAccountDeletionClient, type AccountDeletionClient } from '../../src/index.js';
import { createDeletionFlow, type DeletionFlow, type DeletionFlowOptions, type FlowNotifications, type Snapshot } from '../../src/flow/index.js';
import { createFakeBackend, createFakeFetch, type FakeBackend, type FakeBackendOptions } from '../../testing/index.js';

export const API_BASE = 'http://localhost/api';

/** A client of `backend` that does not repeat failed GETs (each check is one request). */
export function clientOf(backend: FakeBackend): AccountDeletionClient {
  return createAccountDeletionClient({ apiBase: API_BASE, fetch: createFakeFetch(backend, { apiBase: API_BASE }), retry: { limit: 0 } });
}

export interface World {
  backend: FakeBackend;
  client: AccountDeletionClient;
  flow: DeletionFlow;
  /** Every notification, in order, by type. */
  heard: (keyof FlowNotifications)[];
  navigated: string[];
  /** Moves the flow's clock on. */
  tick(ms: number): void;
  /** Resolves once no request is out and the answers were taken. */
  settled(): Promise<void>;
  /** `METHOD status` of every request the backend received (`-` when no answer was given). */
  log(): string[];
  /** The Idempotency-Key of every DELETE, in order. */
  keys(): (string | undefined)[];
}

const NOTIFICATIONS: (keyof FlowNotifications)[] = ['checked', 'request', 'deleted', 'error', 'reauth-required'];

/** Lets the fake backend, the SDK and the flow run to rest (each hop is a microtask or a macrotask). */
export async function rest(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
}

export function world(
  options: { backend?: FakeBackendOptions; flow?: Partial<DeletionFlowOptions>; resolved?: boolean } = {},
): World {
  const backend = createFakeBackend(options.backend);
  if (options.resolved) backend.resolveAll();
  const client = clientOf(backend);
  let time = 1_000_000;
  let keys = 0;
  const navigated: string[] = [];
  const flow = createDeletionFlow({
    client,
    now: () => time,
    newKey: () => `key-${++keys}`,
    navigate: (url) => navigated.push(url),
    redirectDelay: 0,
    ...options.flow,
  });
  const heard: (keyof FlowNotifications)[] = [];
  for (const type of NOTIFICATIONS) flow.on(type, () => heard.push(type));
  return {
    backend,
    client,
    flow,
    heard,
    navigated,
    tick: (ms) => void (time += ms),
    settled: rest,
    log: () => backend.requests.map((request) => `${request.method} ${request.status ?? '-'}`),
    keys: () => backend.requests.filter((request) => request.method === 'DELETE').map((request) => request.idempotencyKey),
  };
}

/** A world that deletes at once (no name to type), with every snapshot its subscriber was told. */
export function toldWorld(flow: Partial<DeletionFlowOptions> = {}): World & { told: Snapshot[]; sawLost(): boolean } {
  const w = world({ resolved: true, flow: { confirmation: 'none', ...flow } });
  const told: Snapshot[] = [];
  w.flow.subscribe(() => told.push(w.flow.getSnapshot()));
  // A lost DELETE answer on show: a failed deletion of unknown outcome.
  const sawLost = () => told.some((s) => s.status === 'delete-failed' && s.failure?.outcome === 'unknown');
  return { ...w, told, sawLost };
}
