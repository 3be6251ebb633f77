// DELETE {basePath}/v3/account/{id}: the order of its refusals (400, 403, 409), the deletion once per
// key, what every failure of the deletion answers, and a DELETE of unknown outcome keeping its key.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { azion, memoryStore, UpstreamError, type IdempotencyStore } from '../../src/server/index.ts';
import { checkAnswer } from './openapi.mts';
import { deleteAccount, setUp, upstreamDeletes } from './helpers.mts';

const PATH = '/v3/account/{account_id}';

/** A hook that resolves to what `make` gives (plain JavaScript: TypeScript refuses one that resolves to a value). */
const hookAnswering = (make: () => unknown) => ({ deleteAccount: (async () => make()) as unknown as () => Promise<void> });

/**
 * A handler (time limit 50 ms) whose deletion hook ignores its signal and settles `ms` later: it
 * succeeds, or fails with `error`. `calls()` says how often the hook was called.
 */
function lateHook(ms: number, error?: unknown) {
  let count = 0;
  const deleteAccount = () => {
    count++;
    return new Promise<void>((resolve, reject) => setTimeout(() => (error === undefined ? resolve() : reject(error)), ms));
  };
  const { handler } = setUp({ resolved: true, handler: { checkTimeout: 50, deleteAccount } });
  return { handler, calls: () => count };
}

async function contractBody(response: Response) {
  const verdict = await checkAnswer(PATH, 'DELETE', response);
  assert.deepEqual(verdict.problems, []);
  return verdict.body as any;
}

describe('the order of refusals', () => {
  it('a missing, empty, too long or non-ASCII Idempotency-Key is a 400, before anything is asked upstream', async () => {
    const { handler, upstream } = setUp({ resolved: true });
    for (const key of [undefined, '', 'k'.repeat(256), 'clé', 'a\tb']) {
      const response = await handler(deleteAccount(1234, key));
      assert.equal(response.status, 400, JSON.stringify(key));
      const body = await contractBody(response);
      assert.equal(body.errors[0].code, 'invalid_idempotency_key');
    }
    // The 400 comes first even for another account's id.
    assert.equal((await handler(deleteAccount(999, undefined))).status, 400);
    assert.equal(upstream.requests.length, 0);
  });

  it('accepts any key of 1 to 255 printable ASCII characters', async () => {
    const { handler } = setUp({ resolved: true });
    const response = await handler(deleteAccount(1234, `~ ${'x'.repeat(251)} !`));
    assert.equal(response.status, 204);
  });

  it('an id that is not the signed-in account is a 403 in {"detail"}, and nothing is deleted', async () => {
    const { handler, upstream } = setUp({ resolved: true });
    const response = await handler(deleteAccount(4321, 'key-1'));
    assert.equal(response.status, 403);
    assert.deepEqual(await contractBody(response), { detail: 'You can only delete the account you are signed in to.' });
    assert.equal(upstreamDeletes(upstream).length, 0);
  });

  it('a user who is not the owner gets a 403 before any check is read', async () => {
    const { handler, upstream } = setUp({ resolved: true, state: { user: { id: 8, email: 'bob@acme.example', isAccountOwner: false } } });
    const response = await handler(deleteAccount(1234, 'key-1'));
    assert.equal(response.status, 403);
    assert.equal((await contractBody(response)).detail, 'Only the account owner can delete this account.');
    assert.deepEqual(upstream.requests.map((r) => r.endpoint), ['account', 'user']);
  });

  it('evaluates every check again: anything that blocks is a 409 account_has_blockers with the checks, and no upstream DELETE', async () => {
    const { handler, upstream } = setUp({ resolved: true });
    upstream.enableZone('acme.dev');
    const response = await handler(deleteAccount(1234, 'key-1'));
    assert.equal(response.status, 409);
    const body = await contractBody(response);
    assert.equal(body.errors[0].code, 'account_has_blockers');
    assert.deepEqual(body.errors[0].meta.checks.map((c: { status: string }) => c.status), ['blocking', 'passed', 'passed']);
    assert.deepEqual(body.errors[0].meta.checks[0].items, [{ id: 82, name: 'acme.dev' }]);
    assert.equal(upstreamDeletes(upstream).length, 0);
  });

  it('a check that cannot be read blocks the deletion too (409 with it unavailable)', async () => {
    const { handler, upstream } = setUp({ resolved: true });
    upstream.failNext('cut-off', { on: 'payments' });
    const response = await handler(deleteAccount(1234, 'key-1'));
    assert.equal(response.status, 409);
    const debts = (await contractBody(response)).errors[0].meta.checks[2];
    assert.equal(debts.status, 'unavailable');
    assert.equal(upstreamDeletes(upstream).length, 0);
  });
});

describe('the deletion, once per key', () => {
  it('deletes with one upstream DELETE (Accept version=3, the Authorization passed on) and answers 204', async () => {
    const { handler, upstream } = setUp({ resolved: true });
    const response = await handler(deleteAccount(1234, 'key-1'));
    assert.equal(response.status, 204);
    await contractBody(response);
    const [sent, ...more] = upstreamDeletes(upstream);
    assert.equal(more.length, 0);
    assert.equal(sent?.path, '/v3/account/1234');
    assert.equal(sent?.headers['accept'], 'application/json; version=3');
    assert.equal(sent?.headers['authorization'], 'Token test-token');
    assert.equal(upstream.state.deleted, true);
  });

  it('a repeat with the same key answers 204 again without asking upstream at all; another key meets the ended session', async () => {
    const { handler, upstream } = setUp({ resolved: true });
    assert.equal((await handler(deleteAccount(1234, 'key-1'))).status, 204);
    const calls = upstream.requests.length;
    for (let i = 0; i < 3; i++) assert.equal((await handler(deleteAccount(1234, 'key-1'))).status, 204);
    assert.equal(upstream.requests.length, calls, 'nothing asked upstream');
    const other = await handler(deleteAccount(1234, 'key-2'));
    assert.equal(other.status, 401);
    await contractBody(other);
    assert.equal(upstreamDeletes(upstream).length, 1);
  });

  it('keeps keys per account: a key done for one account means nothing for another', async () => {
    const store = memoryStore();
    const first = setUp({ resolved: true, handler: { idempotency: store } });
    assert.equal((await first.handler(deleteAccount(1234, 'shared-key'))).status, 204);
    const second = setUp({ resolved: true, state: { account: { id: 5678, name: 'Other', kind: 'client', status: 'REGULAR' } }, handler: { idempotency: store } });
    assert.equal((await second.handler(deleteAccount(5678, 'shared-key'))).status, 204);
    assert.equal(upstreamDeletes(second.upstream).length, 1, 'the second account was deleted by its own DELETE');
  });

  it('a DELETE that Azion refused with a sentence (a 400, passed on as a 403) frees its key: a repeat with it tries again', async () => {
    const { handler, upstream } = setUp({ resolved: true });
    upstream.failNext('refused', { on: 'delete' });
    const refused = await handler(deleteAccount(1234, 'key-1'));
    assert.equal(refused.status, 403);
    assert.match((await contractBody(refused)).detail, /open contract/);
    // The failed record lives one second; the repeat waits it out.
    const repeat = await handler(deleteAccount(1234, 'key-1'));
    assert.equal(repeat.status, 204);
    assert.equal(upstreamDeletes(upstream).length, 2);
  });
});

describe('a DELETE that ended without success frees its key: a repeat tries again', { concurrency: true }, () => {
  // server.md: "A key whose deletion failed is not kept: a repeat tries again." The call has ended: no
  // DELETE is out beside the repeat's.
  const failures: [string, Parameters<ReturnType<typeof setUp>['upstream']['failNext']>[0]][] = [
    ['a 500', 'server-error'],
    ['a 503 gateway page', 'unavailable'],
    ['a 200 with a body instead of 204', 'wrong-shape'],
    ['a body that breaks off', 'cut-off'],
    ['no answer at all', 'network-error'],
  ];
  for (const [name, fault] of failures) {
    it(`${name} to the DELETE (a 502), then a repeat with the same key: the DELETE again, a 204`, async () => {
      const { handler, upstream } = setUp({ resolved: true, handler: { checkTimeout: 100 } });
      upstream.failNext(fault, { on: 'delete' });
      assert.equal((await handler(deleteAccount(1234, 'key-1'))).status, 502);
      // The failed record lives one second; the repeat waits it out.
      assert.equal((await handler(deleteAccount(1234, 'key-1'))).status, 204);
      assert.equal(upstreamDeletes(upstream).length, 2);
    });
  }

  it('a deletion whose answer was lost is a 502; the repeat finds the session ended (401), and no second DELETE goes out', async () => {
    const { handler, upstream } = setUp({ resolved: true });
    upstream.failNext('lost-answer');
    assert.equal((await handler(deleteAccount(1234, 'key-1'))).status, 502);
    assert.equal(upstream.state.deleted, true);
    const repeat = await handler(deleteAccount(1234, 'key-1'));
    assert.equal(repeat.status, 401);
    assert.equal(upstreamDeletes(upstream).length, 1);
  });

  it('a deletion hook that fails after its time limit (a 504 first): the key is kept until it failed, then freed', async () => {
    const { handler, calls } = lateHook(200, new Error('socket hang up'));
    assert.equal((await handler(deleteAccount(1234, 'key-1'))).status, 504);
    // While it is out, a repeat waits for it and never calls the hook beside it.
    assert.notEqual((await handler(deleteAccount(1234, 'key-1'))).status, 204);
    assert.equal(calls(), 1);
    await new Promise((resolve) => setTimeout(resolve, 1300));
    await handler(deleteAccount(1234, 'key-1'));
    assert.equal(calls(), 2, 'once it failed, a repeat tries again');
  });

  it('the key is kept in the store as sent before the DELETE goes out (for a day, should the instance die), then freed once it failed', async () => {
    const kept: [string, unknown, number][] = [];
    const store = memoryStore();
    const spy: IdempotencyStore = { get: (k) => store.get(k), set: (k, v, ttl) => (kept.push([k, v, ttl]), store.set(k, v, ttl)), add: (k, v, ttl) => store.add(k, v, ttl) };
    const { handler, upstream } = setUp({ resolved: true, handler: { idempotency: spy } });
    upstream.failNext('network-error', { on: 'delete' });
    assert.equal((await handler(deleteAccount(1234, 'key-1'))).status, 502);
    const states = kept.map(([, value]) => (value as { state: string }).state);
    assert.deepEqual(states.slice(-2), ['sent', 'failed'], 'kept as sent while the DELETE was out, then freed');
    const [key, , ttl] = kept.at(-2) ?? [];
    assert.equal(key, 'account-deletion:1234:key-1');
    assert.equal(ttl, 86400);
  });

  it('a store that fails to keep the key as sent is a 503, and no DELETE goes out', async () => {
    const store = memoryStore();
    const failing: IdempotencyStore = {
      get: (k) => store.get(k),
      set: (k, v, t) => ((v as { state: string }).state === 'sent' ? Promise.reject(new Error('redis down')) : store.set(k, v, t)),
      add: (k, v, t) => store.add(k, v, t),
    };
    const { handler, upstream } = setUp({ resolved: true, handler: { idempotency: failing } });
    const response = await handler(deleteAccount(1234, 'key-1'));
    assert.equal(response.status, 503);
    assert.equal(upstreamDeletes(upstream).length, 0);
  });
});

describe('refusals and failures of the deletion', () => {
  const cases: [string, Parameters<ReturnType<typeof setUp>['upstream']['failNext']>[0], number, RegExp][] = [
    ['a 403 keeps Azion\'s sentence, in {"detail"}', 'forbidden', 403, /^This account is not allowed to be deleted\.$/],
    ['a 400 with field errors under detail is a refusal with that sentence', 'refused', 403, /^This account cannot be deleted while it has an open contract\.$/],
    ['a 401 is a 401', 'unauthorized', 401, /Authentication credentials were not provided/],
    ['a 503 gateway page is a 502', 'unavailable', 502, /answered 503/],
    ['a 200 with a body instead of 204 is a 502', 'wrong-shape', 502, /could not be read/],
    ['no answer at all is a 502', 'network-error', 502, /could not be reached/],
    ['a 429 is a 429, nothing carried out', 'rate-limited', 429, /throttled/],
  ];
  for (const [name, fault, status, detail] of cases) {
    it(name, async () => {
      const { handler, upstream } = setUp({ resolved: true });
      upstream.failNext(fault, { on: 'delete' });
      const response = await handler(deleteAccount(1234, 'key-1'));
      assert.equal(response.status, status);
      const body = await contractBody(response);
      assert.match(body.detail ?? body.errors[0].detail, detail);
      assert.equal(upstream.state.deleted, false, 'nothing was deleted');
    });
  }

  it('a deletion hook that hands back the upstream answer (`return fetch(…)`): one that is not ok is a failure, never a 204, with what it said kept', async () => {
    // Before: a hook `(ctx, id) => fetch(…)` whose upstream answered 500 made the handler answer 204.
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => () => Response.json(body, { status, headers });
    const cases: [string, () => unknown, number, (body: any, response: Response) => void][] = [
      ['a 500', json(500, { detail: 'boom' }), 502, (body) => assert.match(body.errors[0].detail, /answered 500 for the deletion/)],
      ['a 404', json(404, { detail: 'no' }), 502, (body) => assert.match(body.errors[0].detail, /answered 404/)],
      ['a 410 (not known to be a deletion)', json(410, { detail: 'gone' }), 502, (body) => assert.match(body.errors[0].detail, /answered 410/)],
      ['a 403, its sentence kept', json(403, { detail: 'Accounts with a contract stay.' }), 403, (body) => assert.equal(body.detail, 'Accounts with a contract stay.')],
      ['a 401 asking for a fresh sign-in, its code kept', json(401, { errors: [{ code: 'reauthentication_required', detail: 'Sign in again.' }] }), 401, (body) => assert.equal(body.errors[0].code, 'reauthentication_required')],
      ['a 429, its wait kept', json(429, { detail: 'Slow down.' }, { 'retry-after': '7' }), 429, (_body, response) => assert.equal(response.headers.get('retry-after'), '7')],
      // Another fetch's Response (undici's own, node-fetch): read by its shape, not by its class.
      ['a 500 of another fetch\'s Response', () => ({ ok: false, status: 500, headers: new Headers(), body: null }), 502, (body) => assert.match(body.errors[0].detail, /answered 500/)],
      // A result of the hook's own, and shapes that lie: never a success.
      ['{ ok: false }', () => ({ ok: false, error: 'no' }), 502, (body) => assert.match(body.errors[0].detail, /did not confirm the deletion/)],
      ['{ ok: false, status: "500" }', () => ({ ok: false, status: '500' }), 502, (body) => assert.match(body.errors[0].detail, /answered 500/)],
      ['{ ok: "false", status: 500 }', () => ({ ok: 'false', status: 500 }), 502, (body) => assert.match(body.errors[0].detail, /answered 500/)],
      ['{ ok: true, status: 500 }', () => ({ ok: true, status: 500 }), 502, (body) => assert.match(body.errors[0].detail, /answered 500/)],
      ['{ ok: 0, status: 204 }', () => ({ ok: 0, status: 204 }), 502, (body) => assert.match(body.errors[0].detail, /did not confirm/)],
      // More shapes a hook hands back: a caught error, undici's request(), a result of its own.
      ['an Error resolved (`.catch((e) => e)`)', () => new Error('fetch failed'), 502, (body) => assert.match(body.errors[0].detail, /did not confirm/)],
      ['{ statusCode: 500 } (undici\'s request())', () => ({ statusCode: 500, headers: {}, body: {} }), 502, (body) => assert.match(body.errors[0].detail, /answered 500/)],
      ['{ status: "500" }', () => ({ status: '500' }), 502, (body) => assert.match(body.errors[0].detail, /answered 500/)],
      ['{ status: NaN }', () => ({ status: Number.NaN }), 502, (body) => assert.match(body.errors[0].detail, /did not confirm/)],
      ['{ success: false }', () => ({ success: false }), 502, (body) => assert.match(body.errors[0].detail, /did not confirm/)],
      ['{ ok: 0 }', () => ({ ok: 0 }), 502, (body) => assert.match(body.errors[0].detail, /did not confirm/)],
      ['a function with ok: false', () => Object.assign(() => undefined, { ok: false }), 502, (body) => assert.match(body.errors[0].detail, /did not confirm/)],
    ];
    for (const [name, make, status, check] of cases) {
      const { handler } = setUp({ resolved: true, handler: hookAnswering(make) });
      const response = await handler(deleteAccount(1234, 'key-1'));
      assert.equal(response.status, status, name);
      check(await contractBody(response), response);
    }
    // Successes in the shapes hooks return: never read as failures (a repeat would delete upstream again).
    const successes = [
      () => new Response(null, { status: 204 }),
      () => ({ ok: true }),
      () => ({ success: true, statusCode: 200 }),
      () => ({ n: 1, ok: 1, deletedCount: 1 }), // Mongoose 5 deleteOne()
      () => ({ value: {}, ok: 1, lastErrorObject: {} }), // the MongoDB driver's findOneAndDelete()
      () => ({ success: true, ok: undefined }),
      () => ({ success: 1 }),
      () => ({ id: 1234, ok: null }),
      () => ({ status: 204 }),
      () => ({ status: 'deleted' }),
      () => ({ status: 'success', data: null }), // JSend
      () => ({ data: { user: null }, error: null }), // Supabase
      () => ({ error: null }),
      () => 1,
      () => true,
      () => null,
      () => undefined,
    ];
    for (const fine of successes) {
      const ok = setUp({ resolved: true, handler: hookAnswering(fine) });
      assert.equal((await ok.handler(deleteAccount(1234, 'key-1'))).status, 204, `${String(fine)} is a success`);
    }
  });

  it('a hook resolving a failure of its own ({ data, error }, JSend\'s "error" or "fail"), then a repeat with its key: a 502 each time, the hook called again', async () => {
    // Before: each was read as a success: a 204, and the key kept done, so the repeat deleted nothing.
    const failures: unknown[] = [
      { data: { user: null }, error: { name: 'AuthApiError', message: 'User not found', status: undefined } }, // Supabase
      { error: 'boom' },
      { status: 'error', message: 'database unavailable' }, // JSend
      { status: 'fail', data: { id: 'locked' } },
      { status: 'ERROR' },
      { status: 'Fail' },
    ];
    await Promise.all(
      failures.map(async (failure) => {
        let calls = 0;
        const { handler } = setUp({ resolved: true, handler: hookAnswering(() => (calls++, failure)) });
        for (const attempt of ['first', 'repeat']) {
          const response = await handler(deleteAccount(1234, 'key-1'));
          assert.equal(response.status, 502, `${JSON.stringify(failure)}: the ${attempt}`);
          assert.match((await contractBody(response)).errors[0].detail, /did not confirm the deletion/);
        }
        assert.equal(calls, 2, `${JSON.stringify(failure)}: the repeat tried again`);
      }),
    );
  });

  it('a hook\'s failed answer whose body never ends: read for the deletion\'s time limit at most, the key freed, a repeat tries again', async () => {
    // Before: the body was read with no limit, the deletion never settled, and every DELETE of the
    // account in this instance answered 409 in use from then on.
    let calls = 0;
    let cancelled = 0;
    const endless = () =>
      new Response(new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode('{"detail":')), cancel: () => void cancelled++ }), {
        status: 403,
        headers: { 'content-type': 'application/json' },
      });
    const { handler } = setUp({ resolved: true, handler: { checkTimeout: 50, ...hookAnswering(() => (calls++, endless())) } });
    const first = await handler(deleteAccount(1234, 'key-1'));
    assert.equal(first.status, 403);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    assert.equal((await handler(deleteAccount(1234, 'key-2'))).status, 403, 'another key is carried out');
    assert.equal(calls, 2);
    assert.equal(cancelled, 2, 'each body given up on is cancelled, and its connection let go');
  });

  it('a 429 passes on its Retry-After, and frees the key: a repeat after the wait deletes', async () => {
    const { handler, upstream } = setUp({ resolved: true });
    upstream.failNext('rate-limited', { on: 'delete' });
    const response = await handler(deleteAccount(1234, 'key-1'));
    assert.equal(response.headers.get('retry-after'), '30');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    assert.equal((await handler(deleteAccount(1234, 'key-1'))).status, 204);
    assert.equal(upstreamDeletes(upstream).length, 2);
  });

  it('a 429 to the DELETE (Azion\'s, or a hook\'s Response) whose Retry-After is no whole seconds nor HTTP date, then the answer: no Retry-After, not 0', async () => {
    // Before: `1.5` or `5, 10` went through Date.parse, a date long past: "Retry-After: 0".
    const throttled = (value: string) => Response.json({ detail: 'Slow down.' }, { status: 429, headers: { 'retry-after': value } });
    for (const value of ['1.5', '5, 10']) {
      const fake = setUp({ resolved: true });
      const fetch = (input: string, init: RequestInit) => (init.method === 'DELETE' ? Promise.resolve(throttled(value)) : fake.upstream.fetch(input, init));
      const viaAzion = setUp({ resolved: true, handler: azion({ auth: 'forward', apiBase: 'https://api.azion.test', ssoBase: 'https://sso.azion.test', fetch }) });
      const viaHook = setUp({ resolved: true, handler: hookAnswering(() => throttled(value)) });
      for (const { handler } of [viaAzion, viaHook]) {
        const response = await handler(deleteAccount(1234, 'key-1'));
        assert.equal(response.status, 429);
        assert.equal(response.headers.get('retry-after'), null, `Retry-After: ${value}`);
      }
    }
  });

  it('Azion answering the DELETE 410, already deleted (an earlier try whose answer was lost): a 204, and the key done', async () => {
    const { handler, upstream } = setUp({ resolved: true });
    upstream.failNext('gone', { on: 'delete' });
    const response = await handler(deleteAccount(1234, 'key-1'));
    assert.equal(response.status, 204);
    assert.deepEqual((await checkAnswer(PATH, 'DELETE', response)).problems, []);
    assert.equal((await handler(deleteAccount(1234, 'key-1'))).status, 204);
    assert.equal(upstreamDeletes(upstream).length, 1, 'the repeat asked nothing upstream');
  });

  it('a 410 that is not Azion\'s JSON (a gateway\'s "410 Gone" page) is a 502, not a success', async () => {
    const fake = setUp({ resolved: true });
    const { handler } = setUp({
      resolved: true,
      handler: {
        ...azion({
          auth: 'forward',
          apiBase: 'https://api.azion.test',
          ssoBase: 'https://sso.azion.test',
          fetch: async (input, init) =>
            init?.method === 'DELETE' ? new Response('<html><body>410 Gone</body></html>', { status: 410, headers: { 'content-type': 'text/html' } }) : fake.upstream.fetch(input, init),
        }),
      },
    });
    const response = await handler(deleteAccount(1234, 'key-1'));
    assert.equal(response.status, 502);
    assert.deepEqual((await checkAnswer(PATH, 'DELETE', response)).problems, []);
  });

  it('Azion answering the DELETE later than twice the time limit: a 504, a repeat waits for the real outcome, and no second DELETE goes out', async () => {
    const { handler, upstream } = setUp({ resolved: true, handler: { checkTimeout: 100 } });
    upstream.failNext('slow', { on: 'delete', ms: 600 });
    const first = await handler(deleteAccount(1234, 'key-1'));
    assert.equal(first.status, 504);
    assert.match((await contractBody(first)).errors[0].detail, /No answer came in time for the deletion/);
    // The DELETE was not cut off: it lands, and the waiting repeat gets its outcome.
    const repeat = await handler(deleteAccount(1234, 'key-1'));
    assert.equal(repeat.status, 204);
    assert.equal(upstream.state.deleted, true);
    assert.equal(upstreamDeletes(upstream).length, 1);
  });

  it('a deletion refused (403) after its time limit: a repeat that waited for it gets the 403, not the first one\'s 504', async () => {
    const { handler } = lateHook(200, new UpstreamError(403, 'Accounts with a contract cannot be deleted here.'));
    assert.equal((await handler(deleteAccount(1234, 'key-1'))).status, 504);
    // Arrives while the DELETE is still out, and waits for its real answer.
    const repeat = await handler(deleteAccount(1234, 'key-1'));
    assert.equal(repeat.status, 403);
    assert.match((await contractBody(repeat)).detail, /contract cannot be deleted/);
  });

  it('a deletion that outlives its time limit keeps its key until it settles: the late success answers repeats with 204', async () => {
    const { handler, calls } = lateHook(300);
    const first = await handler(deleteAccount(1234, 'key-1'));
    assert.equal(first.status, 504);
    const during = await handler(deleteAccount(1234, 'key-1'));
    assert.ok([204, 409].includes(during.status), `a repeat during the late deletion answered ${during.status}`);
    await new Promise((resolve) => setTimeout(resolve, 350));
    assert.equal((await handler(deleteAccount(1234, 'key-1'))).status, 204);
    assert.equal(calls(), 1);
  });
});
