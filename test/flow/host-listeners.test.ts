/**
 * What a host's listeners and subscribers may send before any view was told of a lost DELETE answer,
 * and how that answer still reaches the user: a subscriber that checks before the others are told, a
 * retry, a new client then a check, a retry or another client, a new client on the repeat, a new
 * client whose check answers 401; and a host's clock or key maker that throws.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DeletionFlowOptions, Snapshot } from '../../src/flow/index.js';
import { clientOf, rest, world, type World } from './helpers.js';

/** A world that deletes at once, with every snapshot its subscriber was told. */
function ready(flow: Partial<DeletionFlowOptions> = {}): World & { told: Snapshot[]; sawLost(): boolean } {
  const w = world({ resolved: true, flow: { confirmation: 'none', ...flow } });
  const told: Snapshot[] = [];
  w.flow.subscribe(() => told.push(w.flow.getSnapshot()));
  const sawLost = () => told.some((s) => s.status === 'delete-failed' && s.failure?.outcome === 'unknown');
  return { ...w, told, sawLost };
}

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
  const w = ready();
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

test('a lost answer → an error listener gives client B → B reads clear → a checked listener retries at once: no DELETE before it is on show', async () => {
  const w = ready();
  const b = clientOf(w.backend);
  w.flow.on('error', () => w.flow.send({ type: 'client', client: b }));
  let retried = false;
  w.flow.on('checked', () => {
    if (w.flow.getSnapshot().status !== 'delete-failed' || retried) return;
    retried = true;
    w.flow.send({ type: 'retry' });
  });
  w.flow.send({ type: 'check' });
  await rest();
  w.backend.failNext('server-error', { on: 'delete' });
  w.flow.send({ type: 'delete' });
  await rest();
  assert.equal(retried, true);
  assert.deepEqual(w.keys(), ['key-1']);
  assert.equal(w.sawLost(), true);
  assert.deepEqual([w.flow.getSnapshot().status, w.flow.getSnapshot().failure?.outcome], ['delete-failed', 'unknown']);
  w.flow.dispose();
});

test('a lost answer → an error listener gives client B → B reads clear → a checked listener asks a check at once: it is on show', async () => {
  const w = ready();
  const b = clientOf(w.backend);
  w.flow.on('error', () => w.flow.send({ type: 'client', client: b }));
  let again = false;
  w.flow.on('checked', () => {
    if (w.flow.getSnapshot().status !== 'delete-failed' || again) return;
    again = true;
    w.flow.send({ type: 'check' });
  });
  w.flow.send({ type: 'check' });
  await rest();
  w.backend.failNext('server-error', { on: 'delete' });
  w.flow.send({ type: 'delete' });
  await rest();
  assert.equal(again, true);
  assert.equal(w.sawLost(), true);
  assert.deepEqual([w.flow.getSnapshot().status, w.flow.getSnapshot().failure?.outcome], ['delete-failed', 'unknown']);
  w.flow.dispose();
});

test('a lost answer → an error listener gives client B → B reads clear → a checked listener gives client C at once: it is on show', async () => {
  const w = ready();
  const [b, c] = [clientOf(w.backend), clientOf(w.backend)];
  w.flow.on('error', () => w.flow.send({ type: 'client', client: b }));
  let swapped = false;
  w.flow.on('checked', () => {
    if (w.flow.getSnapshot().status !== 'delete-failed' || swapped) return;
    swapped = true;
    w.flow.send({ type: 'client', client: c });
  });
  w.flow.send({ type: 'check' });
  await rest();
  w.backend.failNext('server-error', { on: 'delete' });
  w.flow.send({ type: 'delete' });
  await rest();
  assert.equal(swapped, true);
  assert.equal(w.sawLost(), true);
  assert.deepEqual([w.flow.getSnapshot().status, w.flow.getSnapshot().failure?.outcome], ['delete-failed', 'unknown']);
  w.flow.dispose();
});

test('a lost answer on show → the user retries → the request listener gives client B → B reads clear: the lost answer is on show again', async () => {
  const w = ready();
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

test('a host key maker that throws: send never throws, and the DELETE carries a key of the kit', async () => {
  const errors: unknown[] = [];
  const reportError = globalThis.reportError;
  globalThis.reportError = (error) => void errors.push(error);
  try {
    const w = ready({ newKey: () => { throw new Error('no key'); } });
    assert.doesNotThrow(() => w.flow.send({ type: 'delete' }));
    w.flow.send({ type: 'check' });
    await rest();
    w.flow.send({ type: 'delete' });
    await rest();
    assert.equal(w.flow.getSnapshot().status, 'deleted');
    assert.match(String(w.keys()[0]), /^[0-9a-f-]{36}$/);
    assert.ok(errors.length >= 2);
    w.flow.dispose();
  } finally {
    globalThis.reportError = reportError;
  }
});

test('a host clock that throws as the DELETE answer comes: the answer still reaches the user', async () => {
  const reportError = globalThis.reportError;
  globalThis.reportError = () => undefined;
  let broken = false;
  try {
    const w = ready({
      now: () => {
        if (broken) throw new Error('clock');
        return 1_000_000;
      },
    });
    w.flow.send({ type: 'check' });
    await rest();
    w.backend.failNext('server-error', { on: 'delete' });
    w.flow.send({ type: 'delete' });
    broken = true;
    await rest();
    const snapshot = w.flow.getSnapshot();
    assert.deepEqual([snapshot.status, snapshot.failure?.outcome], ['delete-failed', 'unknown']);
    w.flow.dispose();
  } finally {
    globalThis.reportError = reportError;
  }
});

test('a DELETE that went through, its answer lost → an error listener gives client B → B’s check answers 401: it says the account may be deleted', async () => {
  const w = ready();
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

test('a subscriber that sends the typed name back on every change: told once, not for ever', async () => {
  const w = world({ resolved: true, flow: { confirmation: 'none' } });
  w.flow.send({ type: 'check' });
  await rest();
  let calls = 0;
  w.flow.subscribe(() => {
    if (++calls < 10_000) w.flow.send({ type: 'confirm', value: w.flow.getSnapshot().confirmation.value });
  });
  w.flow.send({ type: 'confirm', value: 'x' });
  assert.equal(calls, 1);
  w.flow.dispose();
});

test('subscribers that answer every change with another change: the flow stops taking them, reports it, and goes on', async () => {
  const errors: unknown[] = [];
  const reportError = globalThis.reportError;
  globalThis.reportError = (error) => void errors.push(error);
  try {
    const w = world({ resolved: true, flow: { confirmation: 'none' } });
    w.flow.send({ type: 'check' });
    await rest();
    let calls = 0;
    w.flow.subscribe(() => {
      if (++calls < 10_000) w.flow.send({ type: 'confirm', value: w.flow.getSnapshot().confirmation.value === 'a' ? 'b' : 'a' });
    });
    w.flow.send({ type: 'confirm', value: 'x' });
    assert.equal(calls, 100);
    assert.equal(errors.length, 1);
    // The flow still answers the user.
    w.flow.send({ type: 'delete' });
    await rest();
    assert.equal(w.flow.getSnapshot().status, 'deleted');
    w.flow.dispose();
  } finally {
    globalThis.reportError = reportError;
  }
});

test('a lost answer on show → Check again → 401 asking a fresh sign-in → a listener that signs in and retries at once: the repeat goes', async () => {
  const w = ready();
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

test('dispose() in a subscriber or a listener: no later subscriber or listener is called', async () => {
  const w = world({ resolved: true });
  let later = 0;
  w.flow.subscribe(() => w.flow.dispose());
  w.flow.subscribe(() => void later++);
  w.flow.send({ type: 'check' });
  const v = world({ resolved: true });
  v.flow.on('checked', () => v.flow.dispose());
  v.flow.on('checked', () => void later++);
  v.flow.send({ type: 'check' });
  await rest();
  assert.equal(later, 0);
});

test('a host key maker that gives no key, a clock that gives no time: reported, and the kit’s own stand in', async () => {
  const errors: unknown[] = [];
  const reportError = globalThis.reportError;
  globalThis.reportError = (error) => void errors.push(error);
  try {
    const w = ready({ newKey: () => undefined as unknown as string, now: () => NaN });
    w.flow.send({ type: 'check' });
    await rest();
    w.flow.send({ type: 'delete' });
    await rest();
    assert.deepEqual(w.log(), ['GET 200', 'DELETE 204']);
    assert.match(String(w.keys()[0]), /^[0-9a-f-]{36}$/);
    assert.ok(errors.length >= 2 && errors.every((error) => error instanceof TypeError));
    w.flow.dispose();
  } finally {
    globalThis.reportError = reportError;
  }
});

for (const swap of [false, true]) {
  test(`a lost answer while the view is away → ${swap ? 'client B' : 'a check'} → back → it reads clear → a checked listener retries at once: it is on show first`, async () => {
    const w = ready();
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

test('check, then dispose() at once: no request; delete, then dispose() at once: no DELETE', async () => {
  let reads = 0;
  const w = world({ resolved: true, flow: { read: (client, signal) => (reads++, client.getPreconditions({ signal })) } });
  w.flow.send({ type: 'check' });
  w.flow.dispose();
  const v = ready();
  v.flow.send({ type: 'check' });
  await rest();
  v.flow.send({ type: 'delete' });
  v.flow.dispose();
  await rest();
  assert.deepEqual([reads, w.log(), v.log()], [0, [], ['GET 200']]);
});
