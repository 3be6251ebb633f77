/**
 * The model-based test of the flow: fast-check generates sequences of the user's events, the host's
 * settings and the server's faults, and its scheduler delivers every answer of the testing kit's
 * backend in an order of its choosing, interleaved with those events. After every step the checks of
 * promises.ts run: the seven promises of deletion-flow.md and the safety rule's other half.
 * `npm test` runs a few thousand sequences (every-order.ts); `npm run soak`, hundreds of thousands.
 */
import fc from 'fast-check';
import { createAccountDeletionClient, type AccountDeletionClient, type Preconditions } from '../../src/index.js';
import { createDeletionFlow, type DeletionFlow, type Snapshot } from '../../src/flow/index.js';
import { createFakeBackend, createFakeFetch, type FakeBackend, type FaultKind } from '../../testing/index.js';
import { API_BASE } from './helpers.js';
import { checkOnSend, checkSnapshot, watch } from './promises.js';

type Tag = 'A' | 'B';

export interface Sent {
  method: string;
  tag: Tag;
  key: string | null;
  accountId: number | undefined;
  /** Until the answer reached the SDK (or the request was aborted). */
  open: boolean;
  aborted: boolean;
  /** The HTTP status delivered, or 'network' when the fetch failed. */
  outcome?: number | 'network';
  /** The 409 the server gave instead of its own answer (see Conflict). */
  conflict?: Conflict | undefined;
}

/**
 * A 409 to the next DELETE, as a server may send one: `in-use`, the key's deletion still being carried
 * out (`idempotency_key_in_use`); `clear`, `account_has_blockers` though every check it sends passed
 * (its view changed); `unreadable`, a 409 with no code and no checks (a proxy's page).
 */
export type Conflict = 'in-use' | 'clear' | 'unreadable';

interface Read {
  tag: Tag;
  status: 'pending' | 'ok' | 'error' | 'aborted';
  preconditions?: Preconditions;
}

/** Everything the checks of the promises need to know, kept beside the real flow. */
export interface Model {
  backend: FakeBackend;
  flow: DeletionFlow;
  clients: Record<Tag, AccountDeletionClient>;
  tag: Tag;
  sent: Sent[];
  reads: Read[];
  /** Requests listeners allowed, not yet matched by a DELETE sent. */
  allowed: { accountId: number }[];
  /** The last DELETE whose outcome is unknown for its account and client, while it stays so. */
  unknown: { key: string; tag: Tag; accountId: number } | undefined;
  preventNext: boolean;
  /** At the next error, an `error` listener at once gives the other client, asks a check or retries (a host refreshing its client or its view, or retrying by itself). */
  onError: 'client' | 'check' | 'retry' | undefined;
  /** At the next failure on show, a subscriber told before the model's asks a check at once. */
  checkOnFailure: boolean;
  /** The next DELETE is answered this 409, and nothing is deleted then. */
  conflictNext: Conflict | undefined;
  /** The client of a DELETE whose outcome is unknown and was never on show since: Delete may not be offered as if nothing happened. */
  untold: Tag | undefined;
  deletedSeen: boolean;
  /** Once disposed: what was there then, which nothing may change. */
  disposed: { snapshot: Snapshot; notifications: number; sent: number } | false;
  navigations: number;
  notifications: number;
  time: number;
  /**
   * The promises broken so far. A check that fails inside the flow's listeners or the fake network
   * would be caught by them (the runner reports a listener's error and goes on): it is noted here, and
   * every command and the end of the run stop on it.
   */
  broken: string[];
}

const NAME = 'Acme Corp';

const PASSED = ['dns_zones', 'edge_applications', 'debts'].map((type) => ({ type, status: 'passed', count: 0 }));
const conflictAnswers: Record<Conflict, () => Response> = {
  'in-use': () =>
    Response.json({ errors: [{ status: '409', code: 'idempotency_key_in_use', title: 'Request already in progress', detail: 'This request is still being carried out.' }] }, { status: 409 }),
  clear: () =>
    Response.json({ errors: [{ status: '409', code: 'account_has_blockers', title: 'Conflict', detail: 'Resolve the blockers first.', meta: { checks: PASSED } }] }, { status: 409 }),
  unreadable: () => new Response('<html><body>409 Conflict</body></html>', { status: 409, headers: { 'content-type': 'text/html' } }),
};

/** A `fetch` whose answers travel back when the scheduler lets them; the server acts at once. */
function scheduledFetch(s: fc.Scheduler, backend: FakeBackend, model: () => Model, tag: Tag): typeof globalThis.fetch {
  const inner = createFakeFetch(backend, { apiBase: API_BASE });
  return (input, init) => {
    const request = new Request(input, init);
    const m = model();
    const match = /\/v3\/account\/(\d+)$/.exec(new URL(request.url).pathname);
    const sent: Sent = { method: request.method, tag, key: request.headers.get('Idempotency-Key'), accountId: match ? Number(match[1]) : undefined, open: true, aborted: false };
    checkOnSend(m, sent);
    m.sent.push(sent);
    const conflict = request.method === 'DELETE' ? m.conflictNext : undefined;
    if (conflict) m.conflictNext = undefined;
    sent.conflict = conflict;
    // The server answers at once and deletes nothing now (a repeat may).
    const answer = conflict ? Promise.resolve(conflictAnswers[conflict]()) : inner(request);
    // A run that ends (or fails) before this answer is let through must not leave its rejection unhandled.
    answer.catch(() => undefined);
    return new Promise<Response>((resolve, reject) => {
      request.signal.addEventListener(
        'abort',
        () => {
          sent.open = false;
          sent.aborted = true;
          reject(request.signal.reason);
        },
        { once: true },
      );
      s.schedule(answer, `${tag} ${request.method} answer`).then(
        (response) => {
          sent.open = false;
          sent.outcome = response.status;
          resolve(response);
        },
        (error: unknown) => {
          sent.open = false;
          sent.outcome = 'network';
          reject(error);
        },
      );
    });
  };
}

export function setup(s: fc.Scheduler): () => { model: Model; real: Model } {
  return () => {
    const backend = createFakeBackend();
    // The model is made once the flow is: what the fetches and the flow's options read it through.
    const box = {} as { model: Model };
    const clientOf = (tag: Tag) =>
      createAccountDeletionClient({ apiBase: API_BASE, retry: { limit: 0 }, fetch: scheduledFetch(s, backend, () => box.model, tag) });
    const clients = { A: clientOf('A'), B: clientOf('B') };
    const flow = createDeletionFlow({
      client: clients.A,
      redirectDelay: 0,
      now: () => box.model.time,
      navigate: () => void box.model.navigations++,
      read: (client, signal) => {
        const read: Read = { tag: client === clients.A ? 'A' : 'B', status: 'pending' };
        box.model.reads.push(read);
        return client.getPreconditions({ signal }).then(
          (preconditions) => {
            read.status = 'ok';
            read.preconditions = preconditions;
            takeRead(box.model, read);
            return preconditions;
          },
          (error: unknown) => {
            read.status = signal.aborted ? 'aborted' : 'error';
            throw error;
          },
        );
      },
    });
    const model: Model = (box.model = {
      backend,
      flow,
      clients,
      tag: 'A',
      sent: [],
      reads: [],
      allowed: [],
      unknown: undefined,
      preventNext: false,
      onError: undefined,
      checkOnFailure: false,
      conflictNext: undefined,
      untold: undefined,
      deletedSeen: false,
      disposed: false,
      navigations: 0,
      notifications: 0,
      time: 1_000_000,
      broken: [],
    });
    watch(model);
    flow.subscribe(() => {
      if (!model.checkOnFailure || !flow.getSnapshot().failure) return;
      model.checkOnFailure = false;
      flow.send({ type: 'check' });
    });
    flow.on('request', (detail) => {
      if (model.preventNext) {
        model.preventNext = false;
        detail.preventDefault();
      } else model.allowed.push({ accountId: detail.account.id });
    });
    flow.on('deleted', () => void (model.deletedSeen = true));
    flow.on('error', () => {
      const then = model.onError;
      model.onError = undefined;
      if (then === 'check' || then === 'retry') flow.send({ type: then });
      if (then !== 'client') return;
      model.tag = model.tag === 'A' ? 'B' : 'A';
      flow.send({ type: 'client', client: model.clients[model.tag] });
    });
    for (const type of ['checked', 'request', 'deleted', 'error', 'reauth-required'] as const) flow.on(type, () => void model.notifications++);
    flow.subscribe(() => checkSnapshot(model, flow.getSnapshot()));
    flow.send({ type: 'check' });
    return { model, real: model };
  };
}

/** A check the flow will act on (the newest): that account there and blocked, through that client, ends a deletion's unknown outcome. */
function takeRead(model: Model, read: Read): void {
  if (model.reads[model.reads.length - 1] !== read || !read.preconditions || !model.unknown) return;
  const p = read.preconditions;
  const allows = p.deletable && p.checks.every((check) => check.status === 'passed');
  if (!allows && p.account.id === model.unknown.accountId && read.tag === model.unknown.tag) model.unknown = undefined;
}

export { NAME };
export type { Tag };
export const FAULTS: FaultKind[] = ['server-error', 'unavailable', 'forbidden', 'reauthentication-required', 'rate-limited', 'race', 'malformed-json', 'wrong-shape', 'html', 'network-error', 'lost-answer'];
