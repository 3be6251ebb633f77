// memoryStore(): the one-instance IdempotencyStore.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { memoryStore } from '../../src/server/index.ts';
import { deleteAccount, setUp } from './helpers.mts';

describe('memoryStore', () => {
  it('keeps a value until its time is up, then forgets it', () => {
    let now = 1_000_000;
    const store = memoryStore({ now: () => now });
    store.set('k', { state: 'done' }, 10);
    now += 9_999;
    assert.deepEqual(store.get('k'), { state: 'done' });
    now += 1;
    assert.equal(store.get('k'), undefined);
  });

  it('add stores only when the key is absent or expired, and says whether it stored', () => {
    let now = 0;
    const store = memoryStore({ now: () => now });
    assert.equal(store.add('k', { n: 1 }, 1), true);
    assert.equal(store.add('k', { n: 2 }, 1), false);
    assert.deepEqual(store.get('k'), { n: 1 });
    now += 1000;
    assert.equal(store.add('k', { n: 3 }, 1), true);
    assert.deepEqual(store.get('k'), { n: 3 });
  });

  it('copies values in and out, so a kept value cannot be changed in place', () => {
    const store = memoryStore();
    const value = { state: 'pending' };
    store.set('k', value, 60);
    value.state = 'done';
    const read = store.get('k') as { state: string };
    read.state = 'failed';
    assert.deepEqual(store.get('k'), { state: 'pending' });
  });

  it('holds at most maxEntries, dropping the expired first, then the oldest', () => {
    let now = 0;
    const store = memoryStore({ maxEntries: 3, now: () => now });
    store.set('short', 1, 1);
    store.set('a', 1, 60);
    store.set('b', 1, 60);
    now += 2000;
    store.set('c', 1, 60);
    assert.equal(store.get('short'), undefined);
    assert.deepEqual([store.get('a'), store.get('b'), store.get('c')], [1, 1, 1]);
    store.set('d', 1, 60);
    assert.equal(store.size, 3);
    assert.equal(store.get('a'), undefined, 'the oldest went');
    assert.equal(store.get('d'), 1);
  });

  it('sweeps expired keys as it goes, so a stream of short-lived keys does not pile up', () => {
    let now = 0;
    const store = memoryStore({ now: () => now });
    for (let i = 0; i < 5000; i++) {
      store.set(`k${i}`, { state: 'failed' }, 1);
      now += 10;
    }
    // Written over 50 s, each living 1 s: only the last sweep's leftovers remain.
    assert.ok(store.size < 1200, `${store.size} keys held`);
  });

  it('refuses a time that is not above 0 seconds, a value that is not JSON, and a bad maxEntries', () => {
    const store = memoryStore();
    assert.throws(() => store.set('k', 1, 0), RangeError);
    assert.throws(() => store.add('k', 1, Number.NaN), RangeError);
    assert.throws(() => store.set('k', undefined, 5), TypeError);
    assert.throws(() => memoryStore({ maxEntries: 0 }), RangeError);
    store.set('k', 1, 5);
    store.clear();
    assert.equal(store.size, 0);
  });

  it('a now that is no function (5, a Date, a string): a TypeError at construction, before any DELETE could answer 503', async () => {
    // Before: memoryStore({ now: 5 }) was accepted, and every write to it threw: each DELETE answered 503.
    for (const now of [5, new Date(), '1000']) {
      assert.throws(() => memoryStore({ now: now as never }), (error: unknown) => error instanceof TypeError && /now/.test((error as Error).message), String(now));
    }
    // Left out or undefined, it is Date.now; a clock that is a function deletes as before.
    assert.doesNotThrow(() => memoryStore({ now: undefined }));
    const { handler } = setUp({ resolved: true, handler: { idempotency: memoryStore({ now: () => Date.now() }) } });
    assert.equal((await handler(deleteAccount(1234, 'key-1'))).status, 204);
  });

  it('a done record, then a set over it with a time it refuses (or a value that is not JSON): it throws, and the done record stays', () => {
    const store = memoryStore();
    store.set('account-deletion:1234:k', { state: 'done' }, 86400);
    for (const ttl of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      assert.throws(() => store.set('account-deletion:1234:k', { state: 'failed' }, ttl), RangeError);
    }
    assert.throws(() => store.set('account-deletion:1234:k', () => undefined, 1), TypeError);
    assert.deepEqual(store.get('account-deletion:1234:k'), { state: 'done' }, 'the refused set erased the done record');
    assert.equal(store.add('account-deletion:1234:k', { state: 'pending' }, 60), false);
  });
});
