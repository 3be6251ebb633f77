// The handler's routes and options: what it answers outside its two endpoints, how it reads its
// options, and that a mistake in them stops it at start-up.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createDeletionHandler, memoryStore, type DeletionHandlerOptions } from '../../src/server/index.ts';
import { checkAnswer } from './openapi.mts';
import { bodyOf, deleteAccount, getChecks, ORIGIN, setUp } from './helpers.mts';

const minimal = (): DeletionHandlerOptions => ({
  account: () => ({ id: 1, name: 'A' }),
  checks: [{ type: 'x', evaluate: () => ({ type: 'x', status: 'passed' }) }],
  deleteAccount: () => undefined,
  idempotency: memoryStore(),
});

describe('routes', () => {
  it('answers 404 in JSON:API for a path below the base that is not one of the two, and for a path outside it', async () => {
    const { handler, upstream } = setUp();
    for (const path of ['/api/v4/account/deletion', '/api/v4/account/deletion/preconditions/', '/api/', '/elsewhere/v4/account/deletion/preconditions', '/api/v3/account/1234/extra']) {
      const response = await handler(new Request(`${ORIGIN}${path}`));
      assert.equal(response.status, 404, path);
      const verdict = await checkAnswer(undefined, 'GET', response);
      assert.deepEqual(verdict.problems, [], path);
      assert.equal((verdict.body as any).errors[0].code, 'not_found');
    }
    assert.equal(upstream.requests.length, 0, 'nothing was asked upstream');
  });

  it('answers 405 with Allow for a known path asked with another method, HEAD included', async () => {
    const { handler, upstream } = setUp();
    const cases: [string, string, string][] = [
      ['POST', '/api/v4/account/deletion/preconditions', 'GET'],
      ['HEAD', '/api/v4/account/deletion/preconditions', 'GET'],
      ['GET', '/api/v3/account/1234', 'DELETE'],
      ['PUT', '/api/v3/account/1234', 'DELETE'],
    ];
    for (const [method, path, allow] of cases) {
      const response = await handler(new Request(`${ORIGIN}${path}`, { method }));
      assert.equal(response.status, 405, `${method} ${path}`);
      assert.equal(response.headers.get('allow'), allow);
      if (method !== 'HEAD') assert.deepEqual((await checkAnswer(undefined, method, response)).problems, []);
    }
    assert.equal(upstream.requests.length, 0);
  });

  it('answers 404 for an account id that is not a plain whole number of at least 1, before reading the key, whatever the method', async () => {
    const { handler, upstream } = setUp({ resolved: true });
    for (const id of ['', 'abc', '0', '01234', '-1', '1.5', '%31234', '99999999999999999999']) {
      const response = await handler(deleteAccount(id, 'key-1'));
      assert.equal(response.status, 404, id);
      // Before: another method on such a path was a 405 (Allow: DELETE), as if the path were known.
      for (const method of ['GET', 'PUT']) {
        const other = await handler(new Request(`${ORIGIN}/api/v3/account/${id}`, { method }));
        assert.equal(other.status, 404, `${method} ${id}`);
        assert.deepEqual((await checkAnswer(undefined, method, other)).problems, []);
      }
    }
    assert.equal(upstream.requests.length, 0);
  });

  it('serves below any base path, with or without a trailing slash, and at the root', async () => {
    for (const [basePath, url] of [
      ['/api/', '/api/v4/account/deletion/preconditions'],
      ['/portal/api', '/portal/api/v4/account/deletion/preconditions'],
      ['/', '/v4/account/deletion/preconditions'],
      // Letters beyond ASCII: the request's pathname arrives percent-encoded.
      ['/konto/lösch', '/konto/lösch/v4/account/deletion/preconditions'],
      ['/konto/l%C3%B6sch', '/konto/lösch/v4/account/deletion/preconditions'],
      ['/konto/l%c3%b6sch', '/konto/lösch/v4/account/deletion/preconditions'],
      ['/ä%C3%B6', '/äö/v4/account/deletion/preconditions'],
    ] as const) {
      const handler = createDeletionHandler({ ...minimal(), basePath });
      const response = await handler(new Request(`${ORIGIN}${url}`));
      assert.equal(response.status, 200, basePath);
      assert.equal((await bodyOf(response)).data.deletable, true);
    }
  });

  it('puts X-Request-Id, Cache-Control: no-store and nosniff on every answer, a fresh id each time', async () => {
    const { handler } = setUp();
    const ids = new Set<string>();
    for (const request of [getChecks(), deleteAccount(1234, undefined), new Request(`${ORIGIN}/api/nothing`)]) {
      const response = await handler(request);
      assert.equal(response.headers.get('cache-control'), 'no-store');
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
      ids.add(response.headers.get('x-request-id') ?? '');
    }
    assert.equal(ids.size, 3);
    assert.ok(![...ids].includes(''));
  });
});

describe('options', () => {
  const cases: [string, Partial<Record<keyof DeletionHandlerOptions, unknown>>, RegExp][] = [
    ['no account hook', { account: undefined }, /account\(ctx\) must be a function/],
    ['no deleteAccount', { deleteAccount: 'yes' }, /deleteAccount/],
    ['no checks', { checks: [] }, /at least one check/],
    ['a check without evaluate', { checks: [{ type: 'x' }] }, /evaluate/],
    ['a check without a type', { checks: [{ type: ' ', evaluate: () => ({}) }] }, /type must be a non-empty string/],
    ['the same type twice', { checks: [{ type: 'x', evaluate: () => ({}) }, { type: 'x', evaluate: () => ({}) }] }, /twice/],
    ['no store', { idempotency: undefined }, /idempotency must be a store/],
    ['a store without set', { idempotency: { get: () => undefined } }, /idempotency must be a store/],
    ['a store whose add is not a function', { idempotency: { get() {}, set() {}, add: true } }, /add, when given/],
    ['a zero timeout', { checkTimeout: 0 }, /checkTimeout/],
    ['a timeout that is not a number', { checkTimeout: '3000' }, /checkTimeout/],
    ['a relative base path', { basePath: 'api' }, /basePath/],
    ['a base path with a query', { basePath: '/api?x=1' }, /basePath/],
    ['a base path with a dot segment', { basePath: '/portal/../api' }, /basePath/],
    ['a base path with a % that escapes nothing', { basePath: '/a%zz' }, /basePath/],
    ['an onError that is not a function', { onError: 'log' }, /onError/],
  ];
  for (const [name, change, message] of cases) {
    it(`refuses ${name} with a TypeError at start-up`, () => {
      assert.throws(() => createDeletionHandler({ ...minimal(), ...change } as DeletionHandlerOptions), (error: unknown) => {
        assert.ok(error instanceof TypeError);
        assert.match((error as Error).message, message);
        return true;
      });
    });
  }

  it('keeps its own copy of the checks: a list changed after start-up changes nothing', async () => {
    const options = minimal();
    const checks = [...options.checks];
    const handler = createDeletionHandler({ ...options, checks });
    checks.push({ type: 'late', evaluate: () => ({ type: 'late', status: 'blocking' }) });
    const body = await bodyOf(await handler(new Request(`${ORIGIN}/api/v4/account/deletion/preconditions`)));
    assert.deepEqual(body.data.checks.map((c: { type: string }) => c.type), ['x']);
    assert.equal(body.data.deletable, true);
  });

  it('a logger that throws changes no answer', async () => {
    const handler = createDeletionHandler({
      ...minimal(),
      checks: [{ type: 'x', evaluate: () => Promise.reject(new Error('down')) }],
      onError: () => {
        throw new Error('logger broke');
      },
    });
    const response = await handler(new Request(`${ORIGIN}/api/v4/account/deletion/preconditions`));
    assert.equal(response.status, 200);
    assert.equal((await bodyOf(response)).data.checks[0].status, 'unavailable');
  });
});
