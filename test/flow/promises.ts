/**
 * The checks of the model-based test (model.ts): the seven promises of deletion-flow.md, one named
 * check each, and the safety rule's other half (an unknown outcome reaches the user before Delete is
 * offered again). Each is run on every request sent and on every change of the snapshot.
 */
import type { Snapshot } from '../../src/flow/index.js';
import type { Model, Sent } from './model.js';

let current: Model | undefined;

/** The model whose run is under way: where a broken promise is noted. */
export function watch(model: Model): void {
  current = model;
}

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

/**
 * The safety rule's other half: a DELETE's outcome always reaches the user. One that is unknown is on
 * show (a failure of the deletion, or deleted, or the account there and blocked as read through the
 * client the DELETE went through: another client's server says nothing of it) before ready offers
 * Delete again.
 */
function outcomeTold(model: Model, snapshot: Snapshot): void {
  const { status, failure } = snapshot;
  const blockedThere = status === 'blocked' && model.reads.at(-1)?.tag === model.untold;
  if (status === 'deleted' || blockedThere || (failure?.step === 'delete' && failure.outcome === 'unknown')) model.untold = undefined;
  else if (status === 'ready' && model.untold) fail('outcome told', 'ready before the unknown outcome of a deletion was on show');
}

export function checkOnSend(model: Model, sent: Sent): void {
  promise2(model, sent);
  promise3(model, sent);
  promise4(model, sent);
  promise5(model, sent);
}

export function checkSnapshot(model: Model, snapshot: Snapshot): void {
  promise1(model, snapshot);
  promise6(snapshot);
  promise7(model, snapshot);
  // A DELETE answer the flow took: the model learns whether its outcome is unknown now.
  learnDeleteOutcome(model);
  outcomeTold(model, snapshot);
}

/** After each change: the last DELETE answered tells whether its outcome is unknown, for that client. */
function learnDeleteOutcome(model: Model): void {
  const last = model.sent.filter((sent) => sent.method === 'DELETE').at(-1);
  if (!last || last.open || last.key === null || (last as Sent & { learnt?: boolean }).learnt) return;
  (last as Sent & { learnt?: boolean }).learnt = true;
  const outcome = last.outcome;
  const unknown = last.conflict === 'in-use' || outcome === 'network' || (typeof outcome === 'number' && (outcome >= 500 || (outcome >= 200 && outcome < 300 && outcome !== 204)));
  // A repeat of it (the same key) that the server did not look at (429, a sign-in asked for) or answered
  // with a 409 the kit cannot read leaves it unknown.
  const unread = outcome === 401 || outcome === 429 || last.conflict === 'unreadable';
  // Whatever the client is now: a DELETE of that account through that client would carry its key.
  if (unknown) model.untold = last.tag;
  if (unknown && last.accountId !== undefined) model.unknown = { key: last.key, tag: last.tag, accountId: last.accountId };
  else if (!(unread && model.unknown?.key === last.key)) model.unknown = undefined;
}
