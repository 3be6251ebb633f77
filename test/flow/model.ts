/**
 * The model-based test of the flow: fast-check generates sequences of the user's events, the host's
 * settings and the server's faults, and its scheduler delivers every answer of the testing kit's
 * backend in an order of its choosing, interleaved with those events. After every step the seven
 * promises of deletion-flow.md are checked, one named check each. `npm test` runs a few thousand
 * sequences (model.test.ts); `npm run soak` runs hundreds of thousands (soak.ts).
 */
import fc from 'fast-check';
import { createAccountDeletionClient, type AccountDeletionClient, type Preconditions } from '../../src/index.js';
import { createDeletionFlow, type DeletionFlow, type Snapshot } from '../../src/flow/index.js';
import { createFakeBackend, createFakeFetch, type FakeBackend, type FaultKind } from '../../testing/index.js';
import { API_BASE } from './helpers.js';

type Tag = 'A' | 'B';

interface Sent {
  method: string;
  tag: Tag;
  key: string | null;
  accountId: number | undefined;
  /** Until the answer reached the SDK (or the request was aborted). */
  open: boolean;
  aborted: boolean;
  /** The HTTP status delivered, or 'network' when the fetch failed. */
  outcome?: number | 'network';
  /** Answered 409 `idempotency_key_in_use`: that key's deletion still being carried out. */
  inUse?: boolean;
}

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
  /** The next DELETE finds its key's deletion still being carried out (a server's 409 `idempotency_key_in_use`). */
  inUseNext: boolean;
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

const inUseAnswer = () =>
  Response.json({ errors: [{ status: '409', code: 'idempotency_key_in_use', title: 'Request already in progress', detail: 'This request is still being carried out.' }] }, { status: 409 });

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
    const inUse = request.method === 'DELETE' && m.inUseNext;
    if (inUse) m.inUseNext = false;
    sent.inUse = inUse;
    // Still being carried out: the server answers at once and deletes nothing now (a repeat may).
    const answer = inUse ? Promise.resolve(inUseAnswer()) : inner(request);
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
      inUseNext: false,
      deletedSeen: false,
      disposed: false,
      navigations: 0,
      notifications: 0,
      time: 1_000_000,
      broken: [],
    });
    current = model;
    flow.on('request', (detail) => {
      if (model.preventNext) {
        model.preventNext = false;
        detail.preventDefault();
      } else model.allowed.push({ accountId: detail.account.id });
    });
    flow.on('deleted', () => void (model.deletedSeen = true));
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

let current: Model | undefined;

function fail(promise: string, why: string): never {
  const message = `${promise}: ${why}`;
  current?.broken.push(message);
  throw new Error(message);
}

/** Stops the run on the first broken promise, wherever it was noticed. */
export function stopIfBroken(model: Model): void {
  if (model.broken.length > 0) throw new Error(model.broken[0]);
}

// ---------- The seven promises, one named check each ----------

/** 1. canDelete never on an unreadable answer, while anything blocks or runs, or before the name matches. */
function promise1(model: Model, snapshot: Snapshot): void {
  if (!snapshot.canDelete) return;
  const read = model.reads[model.reads.length - 1];
  if (snapshot.status !== 'ready') fail('promise 1', `canDelete in ${snapshot.status}`);
  if (!read || read.status !== 'ok' || !read.preconditions) fail('promise 1', `canDelete after a check that ${read?.status ?? 'never ran'}`);
  const p = read.preconditions;
  if (!p.deletable || p.checks.some((check) => check.status !== 'passed')) fail('promise 1', 'canDelete while something blocks');
  if (model.sent.some((sent) => sent.open)) fail('promise 1', 'canDelete while a request runs');
  if (!snapshot.confirmation.matches) fail('promise 1', 'canDelete before the name matches');
}

/** 2. At most one DELETE in flight, none after deleted, none after dispose. */
function promise2(model: Model, sent: Sent): void {
  if (sent.method !== 'DELETE') return;
  if (model.sent.some((other) => other.method === 'DELETE' && other.open)) fail('promise 2', 'a second DELETE in flight');
  if (model.deletedSeen || model.flow.getSnapshot().status === 'deleted') fail('promise 2', 'a DELETE after deleted');
  if (model.disposed) fail('promise 2', 'a DELETE after dispose');
}

/** 3. A DELETE only after a request nobody prevented, through the client whose answer allowed it. */
function promise3(model: Model, sent: Sent): void {
  if (sent.method !== 'DELETE') return;
  const allowed = model.allowed.shift();
  if (!allowed) fail('promise 3', 'a DELETE with no request notification allowing it');
  if (allowed.accountId !== sent.accountId) fail('promise 3', `a DELETE of account ${sent.accountId}, ${allowed.accountId} was asked`);
  const previous = model.sent.filter((other) => other.method === 'DELETE').at(-1);
  const repeat = previous !== undefined && previous.key === sent.key;
  const read = [...model.reads].reverse().find((r) => r.status === 'ok');
  const expected = repeat ? previous.tag : read?.tag;
  if (sent.tag !== expected) fail('promise 3', `a DELETE through client ${sent.tag}, ${expected} answered`);
}

/** 4. The key is reused exactly when the last DELETE's outcome is unknown for that account and client. */
function promise4(model: Model, sent: Sent): void {
  if (sent.method !== 'DELETE') return;
  const u = model.unknown;
  const reuse = u !== undefined && u.tag === sent.tag && u.accountId === sent.accountId;
  if (reuse && sent.key !== u.key) fail('promise 4', 'a fresh key while the last outcome is unknown');
  if (!reuse && model.sent.some((other) => other.method === 'DELETE' && other.key === sent.key)) fail('promise 4', 'an old key reused');
}

/** 5. At most one check request in flight (and, after dispose, nothing at all: see the Dispose command). */
function promise5(model: Model, sent: Sent): void {
  if (sent.method !== 'GET') return;
  if (model.sent.some((other) => other.method === 'GET' && other.open)) fail('promise 5', 'a second check in flight');
  if (model.disposed) fail('promise 5', 'a check after dispose');
}

/** 6. Every failure has an outcome a UI can word (canRetry is checked where retry is sent). */
function promise6(snapshot: Snapshot): void {
  const failure = snapshot.failure;
  if ((snapshot.status === 'check-failed' || snapshot.status === 'delete-failed') !== (failure !== undefined)) fail('promise 6', `a failure in ${snapshot.status}`);
  if (failure && !['refused', 'unknown', 'conflict', 'reauth', 'signed-out', 'unavailable'].includes(failure.outcome)) fail('promise 6', `outcome ${failure.outcome}`);
}

/** 7. No dead end: every state but deleted offers a way on, or has a request out that will answer. */
function promise7(model: Model, snapshot: Snapshot): void {
  const { status, actions } = snapshot;
  const way = status === 'deleted' || status === 'checking' || status === 'deleting' || status === 'ready' || actions.check || snapshot.canRetry;
  if (!way) fail('promise 7', `a dead end in ${status}`);
  if (model.navigations > 1) fail('promise 7', 'taken onward twice');
}

function checkOnSend(model: Model, sent: Sent): void {
  promise2(model, sent);
  promise3(model, sent);
  promise4(model, sent);
  promise5(model, sent);
}

function checkSnapshot(model: Model, snapshot: Snapshot): void {
  promise1(model, snapshot);
  promise6(snapshot);
  promise7(model, snapshot);
  // A DELETE answer the flow took: the model learns whether its outcome is unknown now.
  learnDeleteOutcome(model);
}

/** After each change: the last DELETE answered tells whether its outcome is unknown, for that client. */
function learnDeleteOutcome(model: Model): void {
  const last = model.sent.filter((sent) => sent.method === 'DELETE').at(-1);
  if (!last || last.open || last.key === null || (last as Sent & { learnt?: boolean }).learnt) return;
  (last as Sent & { learnt?: boolean }).learnt = true;
  const outcome = last.outcome;
  const unknown = last.inUse || outcome === 'network' || (typeof outcome === 'number' && (outcome >= 500 || (outcome >= 200 && outcome < 300 && outcome !== 204)));
  // A repeat of it (the same key) that the server did not look at (429, a sign-in asked for) leaves it unknown.
  const unread = outcome === 401 || outcome === 429;
  // Whatever the client is now: a DELETE of that account through that client would carry its key.
  if (unknown && last.accountId !== undefined) model.unknown = { key: last.key, tag: last.tag, accountId: last.accountId };
  else if (!(unread && model.unknown?.key === last.key)) model.unknown = undefined;
}

export { NAME };
export type { Tag };
export const FAULTS: FaultKind[] = ['server-error', 'unavailable', 'forbidden', 'reauthentication-required', 'rate-limited', 'race', 'malformed-json', 'wrong-shape', 'html', 'network-error', 'lost-answer'];
