// 50 DELETEs at once with one Idempotency-Key: exactly one upstream DELETE, and every answer either
// the first one's or 409 idempotency_key_in_use. On one instance, on five instances sharing a store
// with an atomic add, with a store that has no add, and with a deletion that outlives its time limit;
// one account's DELETEs with different keys at once: one deletion; a key another session carries out:
// no answer of that session's.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { azion, createDeletionHandler, memoryStore, type IdempotencyStore } from '../../src/server/index.ts';
import { createFakeAzionApi } from '../../testing/index.ts';
import { checkAnswer } from './openapi.mts';
import { bodyOf, deleteAccount, setUp, TOKEN, upstreamDeletes } from './helpers.mts';

const CONCURRENT = 50;

async function fire(handlers: ((request: Request) => Promise<Response>)[]) {
  const started = Date.now();
  const responses = await Promise.all(Array.from({ length: CONCURRENT }, (_, i) => handlers[i % handlers.length]!(deleteAccount(1234, 'one-key-for-all'))));
  const elapsed = Date.now() - started;
  const answers = [];
  for (const response of responses) {
    const verdict = await checkAnswer('/v3/account/{account_id}', 'DELETE', response);
    assert.deepEqual(verdict.problems, []);
    answers.push({ status: response.status, code: (verdict.body as any)?.errors?.[0]?.code as string | undefined, body: JSON.stringify(verdict.body ?? null) });
  }
  return { answers, elapsed };
}

function summary(label: string, upstreamDeleteCount: number, answers: { status: number; code: string | undefined }[], elapsed: number) {
  const counts = new Map<string, number>();
  for (const { status, code } of answers) counts.set(code ? `${status} ${code}` : String(status), (counts.get(code ? `${status} ${code}` : String(status)) ?? 0) + 1);
  const described = [...counts].map(([answer, n]) => `${n} × ${answer}`).join(', ');
  console.log(`${CONCURRENT} concurrent DELETEs, one key, ${label}: ${upstreamDeleteCount} upstream DELETE; answers ${described}; ${elapsed} ms`);
}

/** Every answer is the first one's (same status, same body) or 409 idempotency_key_in_use. */
function assertFirstOrInUse(answers: { status: number; code: string | undefined; body: string }[], first: { status: number; body: string }) {
  for (const answer of answers) {
    const inUse = answer.status === 409 && answer.code === 'idempotency_key_in_use';
    const same = answer.status === first.status && answer.body === first.body;
    assert.ok(inUse || same, `an answer of ${answer.status} ${answer.body}`);
  }
}

function upstreamWithLatency() {
  const upstream = createFakeAzionApi({ token: TOKEN, latency: { account: 20, user: 20, dns_zones: 30, applications: 30, payments: 40, delete: 80 } });
  upstream.resolveAll();
  return upstream;
}

const handlerOver = (upstream: ReturnType<typeof createFakeAzionApi>, store: IdempotencyStore, extra: object = {}) =>
  createDeletionHandler({ ...azion({ auth: 'forward', fetch: upstream.fetch }), idempotency: store, checkTimeout: 1000, ...extra });

describe(`${CONCURRENT} concurrent DELETEs with one Idempotency-Key`, () => {
  it('on one instance: one upstream DELETE, every answer the first one\'s 204', async () => {
    const upstream = upstreamWithLatency();
    const { answers, elapsed } = await fire([handlerOver(upstream, memoryStore())]);
    const sent = upstreamDeletes(upstream).length;
    summary('one instance', sent, answers, elapsed);
    assert.equal(sent, 1);
    assertFirstOrInUse(answers, { status: 204, body: 'null' });
    assert.ok(answers.filter((a) => a.status === 204).length >= 1);
  });

  it('on five instances sharing a store with an atomic add: still one upstream DELETE', async () => {
    const upstream = upstreamWithLatency();
    const shared = memoryStore();
    // Each call crosses an await, as a network store's would, so the instances really interleave.
    const remote: IdempotencyStore = {
      get: async (k) => (await Promise.resolve(), shared.get(k)),
      set: async (k, v, t) => (await Promise.resolve(), shared.set(k, v, t)),
      add: async (k, v, t) => (await Promise.resolve(), shared.add(k, v, t)),
    };
    const instances = Array.from({ length: 5 }, () => handlerOver(upstream, remote));
    const { answers, elapsed } = await fire(instances);
    const sent = upstreamDeletes(upstream).length;
    summary('five instances, shared store with add', sent, answers, elapsed);
    assert.equal(sent, 1);
    assertFirstOrInUse(answers, { status: 204, body: 'null' });
  });

  it('on one instance with a store that has no add: one upstream DELETE', async () => {
    const upstream = upstreamWithLatency();
    const store = memoryStore();
    const { answers, elapsed } = await fire([handlerOver(upstream, { get: (k) => store.get(k), set: (k, v, t) => store.set(k, v, t) })]);
    const sent = upstreamDeletes(upstream).length;
    summary('one instance, store without add', sent, answers, elapsed);
    assert.equal(sent, 1);
    assertFirstOrInUse(answers, { status: 204, body: 'null' });
  });

  it('when the deletion outlives its time limit and the waiters\' patience: one DELETE, a 504 first, 409 in use for the rest, and 204 once it lands', async () => {
    const upstream = upstreamWithLatency();
    let calls = 0;
    const handler = handlerOver(upstream, memoryStore(), {
      checkTimeout: 100,
      // Ignores its signal and takes 2.6 s: past the 200 ms a deletion gets, and past the 2 s a
      // duplicate waits (at least as long as a failed key's one-second record lives, plus a second).
      deleteAccount: () => {
        calls++;
        return new Promise<void>((resolve) => setTimeout(resolve, 2600));
      },
    });
    const { answers, elapsed } = await fire([handler]);
    summary('deletion slower than its time limit', calls, answers, elapsed);
    assert.equal(calls, 1);
    const first = answers[0]!;
    assert.equal(first.status, 504);
    assertFirstOrInUse(answers, first);
    assert.ok(answers.slice(1).every((a) => a.code === 'idempotency_key_in_use'), 'the others waited, then answered in use');
    await new Promise((resolve) => setTimeout(resolve, 2700 - elapsed));
    const later = await handler(deleteAccount(1234, 'one-key-for-all'));
    assert.equal(later.status, 204);
    assert.equal(await bodyOf(later), undefined);
    assert.equal(calls, 1);
  });
});

/** A portal's own hooks, nothing blocking, deleting with `deleteAccount`. */
const portalDeleting = (deleteAccount: () => Promise<void>) =>
  createDeletionHandler({
    account: () => ({ id: 1234, name: 'Acme Corp' }),
    checks: [{ type: 'dns_zones', evaluate: () => ({ type: 'dns_zones', status: 'passed', count: 0, items: [] }) }],
    deleteAccount,
    idempotency: memoryStore(),
    onError: () => undefined,
  });

describe('one account\'s DELETEs with different keys at once (two tabs, a double submit)', () => {
  it('one upstream DELETE: the second waits for the first and answers 204 without deleting', async () => {
    const upstream = upstreamWithLatency();
    const handler = handlerOver(upstream, memoryStore());
    const answers = await Promise.all(['tab-1-key', 'tab-2-key', 'tab-3-key'].map((key) => handler(deleteAccount(1234, key))));
    assert.deepEqual(answers.map((a) => a.status), [204, 204, 204]);
    assert.equal(upstreamDeletes(upstream).length, 1);
    // Each key is now done: its repeat answers 204 without asking upstream.
    assert.equal((await handler(deleteAccount(1234, 'tab-2-key'))).status, 204);
    assert.equal(upstreamDeletes(upstream).length, 1);
  });

  it('a portal\'s own deleteAccount is called once', async () => {
    let calls = 0;
    const handler = portalDeleting(async () => {
      calls++;
      await new Promise((resolve) => setTimeout(resolve, 30));
    });
    const answers = await Promise.all([handler(deleteAccount(1234, 'k1')), handler(deleteAccount(1234, 'k2'))]);
    assert.deepEqual(answers.map((a) => a.status), [204, 204]);
    assert.equal(calls, 1);
  });

  it('when the first fails, the second carries out its own deletion', async () => {
    let calls = 0;
    const handler = portalDeleting(async () => {
      calls++;
      await new Promise((resolve) => setTimeout(resolve, 30));
      if (calls === 1) throw Object.assign(new Error('upstream 503'), { status: 503 });
    });
    const [first, second] = await Promise.all([handler(deleteAccount(1234, 'k1')), handler(deleteAccount(1234, 'k2'))]);
    assert.equal(first.status, 502);
    assert.equal(second.status, 204);
    assert.equal(calls, 2);
  });
});

describe('a request with a key another session is carrying out', () => {
  it('is not told the other session\'s 401: the owner\'s own request deletes', async () => {
    const upstream = upstreamWithLatency();
    const handler = handlerOver(upstream, memoryStore());
    const other = handler(deleteAccount(1234, 'shared-key', { authorization: 'Token someone-else' }));
    await new Promise((resolve) => setTimeout(resolve, 5));
    const mine = await handler(deleteAccount(1234, 'shared-key'));
    assert.equal((await other).status, 401);
    assert.equal(mine.status, 204);
    assert.equal(upstreamDeletes(upstream).length, 1);
  });

  it('with no credentials, is not shown the account\'s blockers: it gets its own 401', async () => {
    const upstream = createFakeAzionApi({ token: TOKEN, latency: { account: 20, user: 20, dns_zones: 30, applications: 30, payments: 40 } });
    const handler = handlerOver(upstream, memoryStore());
    const owner = handler(deleteAccount(1234, 'shared-key'));
    await new Promise((resolve) => setTimeout(resolve, 5));
    const anonymous = await handler(deleteAccount(1234, 'shared-key', {}));
    assert.equal((await owner).status, 409);
    assert.equal(anonymous.status, 401);
    assert.doesNotMatch(await anonymous.text(), /acme|dns_zones/i);
  });
});

describe('one account\'s DELETE with another key while the first is slow', () => {
  it('waits no longer than a deletion\'s own time: a 409 idempotency_key_in_use, and still one upstream DELETE', async () => {
    const { handler, upstream } = setUp({ resolved: true, handler: { checkTimeout: 100 } });
    upstream.failNext('slow', { on: 'delete', ms: 3000 });
    const first = handler(deleteAccount(1234, 'tab-1-key'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const started = Date.now();
    const second = await handler(deleteAccount(1234, 'tab-2-key'));
    const took = Date.now() - started;
    assert.equal(second.status, 409);
    assert.equal(((await bodyOf(second)) as any).errors[0].code, 'idempotency_key_in_use');
    assert.ok(took < 1000, `took ${took} ms`);
    assert.equal((await first).status, 504);
    assert.equal(upstreamDeletes(upstream).length, 1);
  });
});
