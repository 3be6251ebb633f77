/**
 * The control API: the same model methods as JSON routes, so a page (the demo's "backend controls")
 * or an end-to-end test in another process can steer the fake. Transport-neutral; the Node adapter
 * is `createFakeBackendControlHandler`.
 */
import type { FakeBackend } from './backend.js';
import { isFaultKind } from './front.js';
import { AZION_ENDPOINTS, AZION_FAULT_KINDS, type AzionEndpoint, type AzionFaultKind, type FakeAzionRequest, type QueuedAzionFault } from './azion/types.js';
import type { FakeBackendState, FakeRequestRecord, FaultTarget, QueuedFault } from './types.js';

/** What every control route answers with: the fake as it is after the change. */
export interface ControlSnapshot {
  state: FakeBackendState;
  latency: number;
  faults: readonly QueuedFault[];
  /** The newest requests, oldest first. */
  requests: readonly FakeRequestRecord[];
  /** For a backend over the fake Azion API: its queued faults and the newest calls the server made to it. */
  upstream?: { faults: readonly QueuedAzionFault[]; requests: readonly FakeAzionRequest[] };
}

export interface ControlAnswer {
  status: number;
  body: ControlSnapshot | { detail: string };
}

/** How many requests a snapshot carries: enough for a log on screen, small enough to poll. */
const SNAPSHOT_REQUESTS = 100;

/** The routes, below the control base (`/__backend` in the demo). */
export const CONTROL_ROUTES = [
  'GET /state',
  'POST /reset',
  'POST /resolve-all',
  'POST /dns-zones/{id or name}/disable',
  'POST /dns-zones/{id or name}/enable',
  'POST /edge-applications/{id or name}/remove',
  'POST /edge-applications/{id or name}/restore',
  'POST /debt/pay',
  'POST /debt/restore',
  'POST /latency {"ms": number}',
  'POST /faults {"kind": FaultKind, "on"?: "any" | "preconditions" | "delete", "times"?: number}',
  'DELETE /faults',
  'DELETE /requests',
  'POST /upstream/faults {"kind": AzionFaultKind, "on"?: AzionEndpoint | "any", "times"?: number, "ms"?: number} (over the fake Azion API only)',
  'DELETE /upstream/faults',
] as const;

/** Credentials never leave through the control API, not even a fake's. */
const SECRET_HEADERS = ['authorization', 'cookie'];

function withoutSecrets(request: FakeAzionRequest): FakeAzionRequest {
  const headers = { ...request.headers };
  for (const name of SECRET_HEADERS) if (name in headers) headers[name] = '(hidden)';
  return { ...request, headers };
}

export function controlSnapshot(backend: FakeBackend): ControlSnapshot {
  const snapshot: ControlSnapshot = {
    state: backend.state,
    latency: backend.latency,
    faults: backend.faults,
    requests: backend.requests.slice(-SNAPSHOT_REQUESTS),
  };
  if (backend.upstream) {
    snapshot.upstream = { faults: backend.upstream.faults, requests: backend.upstream.requests.slice(-SNAPSHOT_REQUESTS).map(withoutSecrets) };
  }
  return snapshot;
}

class BadRequest extends Error {}

function field(body: unknown, name: string): unknown {
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
}

type Action = (backend: FakeBackend, ref: string, body: unknown) => void;

const ACTIONS: Record<string, Action> = {
  'POST /reset': (b) => b.reset(),
  'POST /resolve-all': (b) => b.resolveAll(),
  'POST /dns-zones/*/disable': (b, ref) => b.disableZone(ref),
  'POST /dns-zones/*/enable': (b, ref) => b.enableZone(ref),
  'POST /edge-applications/*/remove': (b, ref) => b.removeApplication(ref),
  'POST /edge-applications/*/restore': (b, ref) => b.restoreApplication(ref),
  'POST /debt/pay': (b) => b.payDebt(),
  'POST /debt/restore': (b) => b.restoreDebt(),
  'POST /latency': (b, _ref, body) => {
    const ms = field(body, 'ms');
    if (typeof ms !== 'number') throw new BadRequest('Send {"ms": <milliseconds>}.');
    b.latency = ms;
  },
  'POST /faults': (b, _ref, body) => {
    const kind = field(body, 'kind');
    const on = field(body, 'on');
    const times = field(body, 'times');
    if (!isFaultKind(kind)) throw new BadRequest(`Unknown fault kind ${JSON.stringify(kind)}.`);
    if (times !== undefined && typeof times !== 'number') throw new BadRequest('"times" must be a number.');
    b.failNext(kind, { ...(on === undefined ? {} : { on: on as FaultTarget }), ...(times === undefined ? {} : { times }) });
  },
  'DELETE /faults': (b) => b.clearFaults(),
  'DELETE /requests': (b) => {
    b.clearRequests();
    b.upstream?.clearRequests();
  },
  'POST /upstream/faults': (b, _ref, body) => {
    const upstream = b.upstream;
    if (!upstream) throw new BadRequest('This backend has no fake Azion API behind it.');
    const kind = field(body, 'kind');
    const on = field(body, 'on') ?? 'any';
    const times = field(body, 'times');
    const ms = field(body, 'ms');
    if (!AZION_FAULT_KINDS.includes(kind as AzionFaultKind)) throw new BadRequest(`Unknown Azion fault ${JSON.stringify(kind)}; known: ${AZION_FAULT_KINDS.join(', ')}.`);
    if (on !== 'any' && !AZION_ENDPOINTS.includes(on as AzionEndpoint)) throw new BadRequest(`Unknown endpoint ${JSON.stringify(on)}; known: ${AZION_ENDPOINTS.join(', ')}.`);
    if (times !== undefined && typeof times !== 'number') throw new BadRequest('"times" must be a number.');
    if (ms !== undefined && typeof ms !== 'number') throw new BadRequest('"ms" must be a number.');
    upstream.failNext(kind as AzionFaultKind, { on: on as AzionEndpoint | 'any', ...(times === undefined ? {} : { times }), ...(ms === undefined ? {} : { ms }) });
  },
  'DELETE /upstream/faults': (b) => {
    if (!b.upstream) throw new BadRequest('This backend has no fake Azion API behind it.');
    b.upstream.clearFaults();
  },
};

/**
 * Runs one control request. `path` is below the control base; `body` is the parsed JSON body or undefined.
 * Unknown routes answer 404; a bad body or an unknown zone or application answers 400.
 */
export function runControl(backend: FakeBackend, method: string, path: string, body: unknown): ControlAnswer {
  const pathname = path.split(/[?#]/, 1)[0] ?? '';
  const segments = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const verb = method.toUpperCase();
  if (verb === 'GET' && pathname.replace(/\/$/, '') === '/state') return { status: 200, body: controlSnapshot(backend) };

  // Resource routes name one zone or application in their second segment.
  const ref = segments.length === 3 ? (segments[1] ?? '') : '';
  const pattern = segments.length === 3 ? `/${segments[0]}/*/${segments[2]}` : `/${segments.join('/')}`;
  const action = ACTIONS[`${verb} ${pattern}`];
  if (!action) return { status: 404, body: { detail: `No control route ${verb} ${pathname}. Known: ${CONTROL_ROUTES.join('; ')}.` } };
  try {
    action(backend, ref, body);
  } catch (error) {
    if (error instanceof BadRequest || error instanceof RangeError) return { status: 400, body: { detail: error.message } };
    throw error;
  }
  return { status: 200, body: controlSnapshot(backend) };
}
