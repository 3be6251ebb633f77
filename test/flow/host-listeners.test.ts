/**
 * What a host's listeners and subscribers may send before the user read a lost DELETE answer, and how
 * that answer still reaches the user: a subscriber that checks before the others are told, a retry,
 * a new client then a check, a retry or another client, a new client on the repeat, a new client
 * whose check answers 401, a failure that came while the view was away.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Snapshot } from '../../src/flow/index.js';
import { clientOf, rest, toldWorld, world } from './helpers.js';


test('a lost answer → the first subscriber asks a check at once: every later subscriber is told of the failure first', async () => {
  const w = world({ resolved: true, flow: { confirmation: 'none' } });
  w.flow.subscribe(() => {
    if (w.flow.getSnapshot().status === 'delete-failed') w.flow.send({ type: 'check' });
  });
  const told: string[] = [];
  w.flow.subscribe(() => told.push(w.flow.getSnapshot().status));
  w.flow.send({ type: 'check' });
  await rest();
  w.backend.failNext('server-error', { on: 'delete' });
  w.flow.send({ type: 'delete' });
  await rest();
  assert.deepEqual(told.slice(-4), ['deleting', 'delete-failed', 'checking', 'ready']);
  w.flow.dispose();
});

test('a lost DELETE answer → an error listener retries at once: nothing is sent before it is on show; the user’s retry repeats it', async () => {
  const w = toldWorld();
  let readByListener: Snapshot | undefined;
  let sameObject = false;
  w.flow.on('error', () => {
    if (readByListener) return;
    readByListener = w.flow.getSnapshot();
    sameObject = w.flow.getSnapshot() === readByListener;
    w.flow.send({ type: 'retry' });
  });
  w.flow.send({ type: 'check' });
  await rest();
  w.backend.failNext('server-error', { on: 'delete' });
  w.backend.failNext('rate-limited', { on: 'delete' });
  w.flow.send({ type: 'delete' });
  await rest();
  // The listener read that a retry could do nothing yet, and it did nothing.
  assert.deepEqual([readByListener?.canRetry, readByListener?.actions.delete], [false, undefined]);
  // The same object until something changed, in a listener too.
  assert.equal(sameObject, true);
  assert.deepEqual(w.keys(), ['key-1']);
  const shown = w.flow.getSnapshot();
  assert.deepEqual([shown.status, shown.failure?.outcome, shown.canRetry], ['delete-failed', 'unknown', true]);
  w.flow.send({ type: 'retry' });
  await rest();
  assert.deepEqual(w.keys(), ['key-1', 'key-1']);
  w.flow.dispose();
});

for (const then of ['retries', 'asks a check', 'gives client C'] as const) {
  test(`a lost answer → an error listener gives client B → B reads clear → a checked listener ${then} at once: it is on show, no DELETE before`, async () => {
    const w = toldWorld();
    const [b, c] = [clientOf(w.backend), clientOf(w.backend)];
    w.flow.on('error', () => w.flow.send({ type: 'client', client: b }));
    let sent = false;
    w.flow.on('checked', () => {
      if (w.flow.getSnapshot().status !== 'delete-failed' || sent) return;
      sent = true;
      w.flow.send(then === 'retries' ? { type: 'retry' } : then === 'asks a check' ? { type: 'check' } : { type: 'client', client: c });
    });
    w.flow.send({ type: 'check' });
    await rest();
    w.backend.failNext('server-error', { on: 'delete' });
    w.flow.send({ type: 'delete' });
    await rest();
    assert.equal(sent, true);
    assert.deepEqual(w.keys(), ['key-1']);
    assert.equal(w.sawLost(), true);
    assert.deepEqual([w.flow.getSnapshot().status, w.flow.getSnapshot().failure?.outcome], ['delete-failed', 'unknown']);
    w.flow.dispose();
  });
}

test('a lost answer on show → the user retries → the request listener gives client B → B reads clear: the lost answer is on show again', async () => {
  const w = toldWorld();
  const b = clientOf(w.backend);
  let asked = 0;
  w.flow.on('request', () => {
    if (++asked === 2) w.flow.send({ type: 'client', client: b });
  });
  w.flow.send({ type: 'check' });
  await rest();
  w.backend.failNext('server-error', { on: 'delete' });
  w.flow.send({ type: 'delete' });
  await rest();
  w.flow.send({ type: 'retry' });
  await rest();
  assert.deepEqual(w.keys(), ['key-1']);
  const snapshot = w.flow.getSnapshot();
  assert.deepEqual([snapshot.status, snapshot.failure?.outcome, snapshot.canDelete], ['delete-failed', 'unknown', false]);
  assert.deepEqual(w.told.slice(-2).map((s) => s.status), ['checking', 'delete-failed']);
  w.flow.dispose();
});

test('a DELETE that went through, its answer lost → an error listener gives client B → B’s check answers 401: it says the account may be deleted', async () => {
  const w = toldWorld();
  const b = clientOf(w.backend);
  w.flow.on('error', () => {
    if (w.flow.getSnapshot().status === 'delete-failed') w.flow.send({ type: 'client', client: b });
  });
  w.flow.send({ type: 'check' });
  await rest();
  w.backend.failNext('lost-answer', { on: 'delete' });
  w.flow.send({ type: 'delete' });
  await rest();
  assert.deepEqual(w.log().slice(-2), ['DELETE -', 'GET 401']);
  const snapshot = w.flow.getSnapshot();
  assert.deepEqual([snapshot.status, snapshot.failure?.outcome, snapshot.failure?.mayBeDeleted], ['check-failed', 'signed-out', true]);
  w.flow.dispose();
});

test('a lost answer on show → Check again → 401 asking a fresh sign-in → a listener that signs in and retries at once: the repeat goes', async () => {
  const w = toldWorld();
  w.flow.on('reauth-required', () => w.flow.send({ type: 'retry' }));
  w.flow.send({ type: 'check' });
  await rest();
  w.backend.failNext('server-error', { on: 'delete' });
  w.flow.send({ type: 'delete' });
  await rest();
  assert.equal(w.sawLost(), true);
  w.backend.failNext('reauthentication-required', { on: 'preconditions' });
  w.flow.send({ type: 'check' });
  await rest();
  // The failure that check went back to was on show already: nothing for the user to read first.
  assert.deepEqual(w.keys(), ['key-1', 'key-1']);
  w.flow.dispose();
});

for (const swap of [false, true]) {
  test(`a lost answer while the view is away → ${swap ? 'client B' : 'a check'} → back → it reads clear → a checked listener retries at once: it is on show first`, async () => {
    const w = toldWorld();
    w.flow.send({ type: 'check' });
    await rest();
    w.backend.failNext('server-error', { on: 'delete' });
    w.flow.send({ type: 'delete' });
    w.flow.send({ type: 'hide' });
    await rest();
    w.flow.send(swap ? { type: 'client', client: clientOf(w.backend) } : { type: 'check' });
    w.flow.send({ type: 'show' });
    w.flow.on('checked', () => w.flow.send({ type: 'retry' }));
    const before = w.told.length;
    await rest();
    assert.deepEqual(w.keys(), ['key-1']);
    assert.deepEqual(w.told.slice(before).map((s) => `${s.status}/${s.failure?.outcome}`), ['delete-failed/unknown']);
    w.flow.dispose();
  });
}

test('a lost answer through a replaced client on show → the user’s Check again reads clear: ready, the answer was read', async () => {
  const w = toldWorld();
  w.flow.on('error', () => w.flow.send({ type: 'client', client: clientOf(w.backend) }));
  w.flow.send({ type: 'check' });
  await rest();
  w.backend.failNext('server-error', { on: 'delete' });
  w.flow.send({ type: 'delete' });
  await rest();
  assert.equal(w.sawLost(), true);
  w.flow.send({ type: 'check' });
  await rest();
  assert.deepEqual([w.flow.getSnapshot().status, w.flow.getSnapshot().canDelete], ['ready', true]);
  w.flow.dispose();
});

test('ready after a lost answer (its key kept) → Delete → the request listener gives client B → B reads clear: the lost answer is on show again', async () => {
  const w = toldWorld();
  w.flow.send({ type: 'check' });
  await rest();
  w.backend.failNext('server-error', { on: 'delete' });
  w.flow.send({ type: 'delete' });
  await rest();
  w.flow.send({ type: 'check' });
  await rest();
  assert.equal(w.flow.getSnapshot().status, 'ready');
  w.flow.on('request', () => w.flow.send({ type: 'client', client: clientOf(w.backend) }));
  w.flow.send({ type: 'delete' });
  await rest();
  assert.deepEqual(w.keys(), ['key-1']);
  assert.deepEqual([w.flow.getSnapshot().status, w.flow.getSnapshot().failure?.outcome], ['delete-failed', 'unknown']);
  w.flow.dispose();
});

test('a DELETE answered 401 asking a fresh sign-in → a listener that signs in and retries at once: the new request goes', async () => {
  const w = toldWorld();
  w.flow.on('reauth-required', () => w.flow.send({ type: 'retry' }));
  w.flow.send({ type: 'check' });
  await rest();
  w.backend.failNext('reauthentication-required', { on: 'delete' });
  w.flow.send({ type: 'delete' });
  await rest();
  assert.deepEqual([w.keys(), w.flow.getSnapshot().status], [['key-1', 'key-2'], 'deleted']);
  w.flow.dispose();
});
