/**
 * What the runner does with a host's parts that misbehave: subscribers that send on every change, a
 * dispose() in the middle of telling, a request decided just before dispose(), a clock or a key maker
 * that throws or gives nothing usable.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rest, toldWorld, world } from './helpers.js';


test('a host key maker that throws: send never throws, and the DELETE carries a key of the kit', async () => {
  const errors: unknown[] = [];
  const reportError = globalThis.reportError;
  globalThis.reportError = (error) => void errors.push(error);
  try {
    const w = toldWorld({ newKey: () => { throw new Error('no key'); } });
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
    const w = toldWorld({
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

test('a setting changed among settings kept: it is taken', async () => {
  const w = world({ resolved: true });
  w.flow.send({ type: 'check' });
  await rest();
  w.flow.send({ type: 'configure', settings: { confirmation: 'none', redirectDelay: 0 } });
  assert.equal(w.flow.getSnapshot().canDelete, true);
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
    let calls = 0;
    // No key at all (for a Delete sent too early, which changes nothing), then an empty one.
    const w = toldWorld({ newKey: () => (++calls === 1 ? (undefined as unknown as string) : ''), now: () => NaN });
    w.flow.send({ type: 'delete' });
    w.flow.send({ type: 'check' });
    await rest();
    w.flow.send({ type: 'delete' });
    await rest();
    assert.deepEqual(w.log(), ['GET 200', 'DELETE 204']);
    assert.equal(calls, 2);
    assert.match(String(w.keys()[0]), /^[0-9a-f-]{36}$/);
    assert.ok(errors.length >= 2 && errors.every((error) => error instanceof TypeError));
    w.flow.dispose();
  } finally {
    globalThis.reportError = reportError;
  }
});

test('a host key maker whose keys the SDK refuses (a space at the end, 256 characters, not ASCII): reported, and the kit’s own goes', async () => {
  for (const bad of ['key ', 'k'.repeat(256), 'clé']) {
    const errors: unknown[] = [];
    const reportError = globalThis.reportError;
    globalThis.reportError = (error) => void errors.push(error);
    try {
      // Before: the SDK refused the key with nothing sent, the user read that the account may have been
      // deleted, and every Try again repeated the same key, refused again.
      const w = toldWorld({ newKey: () => bad });
      w.flow.send({ type: 'check' });
      await rest();
      w.flow.send({ type: 'delete' });
      await rest();
      assert.equal(w.flow.getSnapshot().status, 'deleted', bad);
      assert.deepEqual(w.log(), ['GET 200', 'DELETE 204']);
      assert.match(String(w.keys()[0]), /^[0-9a-f-]{36}$/);
      assert.equal(errors.length, 1);
      assert.ok(errors[0] instanceof TypeError);
      w.flow.dispose();
    } finally {
      globalThis.reportError = reportError;
    }
  }
});

test('check, then dispose() at once: no request; delete, then dispose() at once: no DELETE', async () => {
  let reads = 0;
  const w = world({ resolved: true, flow: { read: (client, signal) => (reads++, client.getPreconditions({ signal })) } });
  w.flow.send({ type: 'check' });
  w.flow.dispose();
  const v = toldWorld();
  v.flow.send({ type: 'check' });
  await rest();
  v.flow.send({ type: 'delete' });
  v.flow.dispose();
  await rest();
  assert.deepEqual([reads, w.log(), v.log()], [0, [], ['GET 200']]);
});

test('a host clock past the dates a Date holds (1e16 ms) → Delete → 409 with what blocks: reported, and the checks on show, not deleting for ever', async () => {
  const errors: unknown[] = [];
  const reportError = globalThis.reportError;
  globalThis.reportError = (error) => void errors.push(error);
  try {
    // Before: the clock was taken, the 409's checks could not be dated, and the flow stayed in deleting.
    const w = toldWorld({ now: () => 1e16 });
    w.flow.send({ type: 'check' });
    await rest();
    w.backend.failNext('race');
    w.flow.send({ type: 'delete' });
    await rest();
    const snapshot = w.flow.getSnapshot();
    assert.deepEqual([snapshot.status, snapshot.failure?.outcome, snapshot.reason], ['delete-failed', 'conflict', 'blocked']);
    assert.ok(Number.isFinite(Date.parse(String(snapshot.preconditions?.checkedAt))));
    assert.ok(errors.length >= 1 && errors.every((error) => error instanceof TypeError));
    w.flow.dispose();
    // The last time a Date holds is a time still.
    errors.length = 0;
    const last = toldWorld({ now: () => 8.64e15 });
    last.flow.send({ type: 'check' });
    await rest();
    assert.deepEqual(errors, []);
    last.flow.dispose();
  } finally {
    globalThis.reportError = reportError;
  }
});

test('two listeners of one notification, or two subscribers: the first removes the second, which is not called that round', async () => {
  const w = world({ resolved: true });
  const calls: string[] = [];
  let offListener = (): void => undefined;
  let offSubscriber = (): void => undefined;
  w.flow.on('checked', () => (calls.push('listener 1'), offListener()));
  offListener = w.flow.on('checked', () => void calls.push('listener 2'));
  w.flow.subscribe(() => (calls.push('subscriber 1'), offSubscriber()));
  offSubscriber = w.flow.subscribe(() => void calls.push('subscriber 2'));
  w.flow.send({ type: 'check' });
  await rest();
  assert.deepEqual([...new Set(calls)], ['subscriber 1', 'listener 1']);
  w.flow.dispose();
});
