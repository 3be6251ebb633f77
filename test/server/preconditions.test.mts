// GET {basePath}/v4/account/deletion/preconditions: every check evaluated now, in parallel, and
// failing closed: a check that fails, times out or answers nonsense is `unavailable`, never `passed`.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { azion, createDeletionHandler, memoryStore, UpstreamError, type CheckSource } from '../../src/server/index.ts';
import { checkAnswer } from './openapi.mts';
import { bodyOf, getChecks, ORIGIN, setUp } from './helpers.mts';

const PATH = '/v4/account/deletion/preconditions';

/** A handler whose only check is `evaluate`, for the shapes a portal's own hook may return. */
function withCheck(evaluate: CheckSource['evaluate'], checkTimeout = 100) {
  return createDeletionHandler({
    account: () => ({ id: 7, name: 'Own portal' }),
    checks: [{ type: 'own', evaluate }, { type: 'fine', evaluate: () => ({ type: 'fine', status: 'passed', count: 0 }) }],
    deleteAccount: () => undefined,
    idempotency: memoryStore(),
    checkTimeout,
  });
}

async function checksOf(handler: ReturnType<typeof createDeletionHandler>) {
  const response = await handler(new Request(`${ORIGIN}/api${PATH}`));
  const verdict = await checkAnswer(PATH, 'GET', response);
  assert.deepEqual(verdict.problems, []);
  return (verdict.body as any).data;
}

describe('preconditions from Azion', () => {
  it('reports every blocker of the account as Azion lists them, and is not deletable', async () => {
    const { handler } = setUp();
    const response = await handler(getChecks());
    assert.equal(response.status, 200);
    const verdict = await checkAnswer(PATH, 'GET', response);
    assert.deepEqual(verdict.problems, []);
    const { data } = verdict.body as any;
    assert.deepEqual(data.account, { id: 1234, name: 'Acme Corp', kind: 'client' });
    assert.equal(data.deletable, false);
    assert.deepEqual(data.checks, [
      { type: 'dns_zones', status: 'blocking', count: 2, items: [{ id: 81, name: 'acme.com' }, { id: 82, name: 'acme.dev' }], resolve_url: 'https://console.azion.com/edge-dns' },
      { type: 'edge_applications', status: 'blocking', count: 1, items: [{ id: 1001, name: 'acme-storefront' }], resolve_url: 'https://console.azion.com/applications' },
      { type: 'debts', status: 'blocking', count: 1, amount: { value: '120.50', currency: 'USD' }, resolve_url: 'https://console.azion.com/billing' },
    ]);
  });

  it('is deletable once nothing blocks, with checked_at the time of the check', async () => {
    const { handler } = setUp({ resolved: true });
    const before = Date.now();
    const data = (await bodyOf(await handler(getChecks()))).data;
    assert.equal(data.deletable, true);
    assert.ok(data.checks.every((check: { status: string }) => check.status === 'passed'));
    const checkedAt = Date.parse(data.checked_at);
    assert.ok(checkedAt >= before - 1 && checkedAt <= Date.now(), data.checked_at);
  });

  it('evaluates the checks in parallel: five calls of 150 ms answer in well under 750 ms', async () => {
    const { handler, upstream } = setUp({ fake: { latency: 150 }, handler: { checkTimeout: 2000 } });
    const started = Date.now();
    const response = await handler(getChecks());
    const elapsed = Date.now() - started;
    assert.equal(response.status, 200);
    assert.equal(upstream.requests.length, 5);
    assert.ok(elapsed < 500, `took ${elapsed} ms`);
  });

  it('answers 401 without asking Azion when the request carries no session cookie or Authorization', async () => {
    const { handler, upstream } = setUp();
    const response = await handler(getChecks({}));
    assert.equal(response.status, 401);
    assert.deepEqual((await checkAnswer(PATH, 'GET', response)).problems, []);
    assert.equal(upstream.requests.length, 0);
  });

  it('passes the Authorization header on, or else the session cookie alone, and nothing else of the request', async () => {
    const { handler, upstream } = setUp({ fake: { token: undefined, sessionCookie: 's3cret' } });
    const response = await handler(getChecks({ cookie: 'azsid=s3cret; theme=dark', 'x-forwarded-for': '10.0.0.1', 'idempotency-key': 'k' }));
    assert.equal(response.status, 200);
    for (const request of upstream.requests) {
      assert.equal(request.headers['cookie'], 'azsid=s3cret');
      assert.equal(request.headers['x-forwarded-for'], undefined);
      assert.equal(request.headers['idempotency-key'], undefined);
      assert.equal(request.headers['authorization'], undefined);
    }
  });

  it("a portal's own cookies beside the session cookie (its session, a CSRF token) never reach Azion", async () => {
    const { handler, upstream } = setUp({ fake: { token: undefined, sessionCookie: 'sess-1' } });
    const response = await handler(getChecks({ cookie: 'portal_session=SECRET-OF-THE-PORTAL; azsid=sess-1; csrftoken=abc' }));
    assert.equal(response.status, 200);
    assert.ok(upstream.requests.length > 0);
    for (const request of upstream.requests) assert.equal(request.headers['cookie'], 'azsid=sess-1');
  });

  it('cookies without the session cookie (or with an empty one) are a 401 without asking Azion', async () => {
    for (const cookie of ['portal_session=abc; theme=dark', 'xazsid=abc', 'azsid=; theme=dark']) {
      const { handler, upstream } = setUp({ fake: { token: undefined, sessionCookie: 'abc' } });
      const response = await handler(getChecks({ cookie }));
      assert.equal(response.status, 401, cookie);
      assert.equal(upstream.requests.length, 0, cookie);
    }
  });

  it('answers 401 when Azion says the session is not valid, and keeps a reauthentication code', async () => {
    const { handler } = setUp();
    const response = await handler(getChecks({ authorization: 'Token wrong' }));
    assert.equal(response.status, 401);
    const body = (await checkAnswer(PATH, 'GET', response)).body as any;
    assert.equal(body.errors[0].detail, 'Authentication credentials were not provided.');
  });

  it('answers 403, in JSON:API, with a sentence, for a user who is not the account owner', async () => {
    const { handler } = setUp({ state: { user: { id: 8, email: 'bob@acme.example', isAccountOwner: false } } });
    const response = await handler(getChecks());
    assert.equal(response.status, 403);
    const body = (await checkAnswer(PATH, 'GET', response)).body as any;
    assert.equal(body.errors[0].detail, 'Only the account owner can delete this account.');
  });

  it('answers 429 with Retry-After when Azion rate-limits the account call, not a 502', async () => {
    const { handler, upstream } = setUp({ resolved: true });
    upstream.failNext('rate-limited', { on: 'account' });
    const response = await handler(getChecks());
    assert.equal(response.status, 429);
    assert.equal(response.headers.get('retry-after'), '30');
    const body = (await checkAnswer(PATH, 'GET', response)).body as any;
    assert.match(body.errors[0].detail, /throttled/);
  });

  it('Azion rate-limits the account call with a Retry-After that is neither whole seconds nor an HTTP date, then the answer: a 429 with no Retry-After, not 0', async () => {
    // Before: `1.5`, `-1`, `12/31` or `5, 10` went through Date.parse, a date long past: "Retry-After: 0".
    const retryAfterFor = async (value: string) => {
      const fake = setUp({ resolved: true });
      const throttled = () => Response.json({ detail: 'Request was throttled.' }, { status: 429, headers: { 'retry-after': value } });
      const fetch = (input: string, init: RequestInit) => (/\/account\/info$/.test(new URL(input).pathname) ? Promise.resolve(throttled()) : fake.upstream.fetch(input, init));
      const { handler } = setUp({ resolved: true, handler: azion({ auth: 'forward', apiBase: 'https://api.azion.test', ssoBase: 'https://sso.azion.test', fetch }) });
      const response = await handler(getChecks());
      assert.equal(response.status, 429, value);
      return response.headers.get('retry-after');
    };
    for (const value of ['1.5', '-1', '12/31', '5, 10', '+5', '1e3', 'soon', '12/31 10:00:00', '5 10:00:00']) {
      assert.equal(await retryAfterFor(value), null, `Retry-After: ${value}`);
    }
    // Delay-seconds and the three forms of an HTTP date are still read: a date ahead is the seconds
    // until it, one past is 0.
    assert.equal(await retryAfterFor('7'), '7');
    assert.equal(await retryAfterFor('Sunday, 06-Nov-94 08:49:37 GMT'), '0');
    assert.equal(await retryAfterFor('Sun Nov  6 08:49:37 1994'), '0');
    const ahead = Number(await retryAfterFor(new Date(Date.now() + 60_000).toUTCString()));
    assert.ok(ahead >= 59 && ahead <= 61, `a date a minute ahead is ${ahead} s`);
    assert.equal(await retryAfterFor('Sun, 06 Nov 1994 08:49:37 GMT'), '0');
    // asctime writes no zone: it is GMT, whatever the server's own time zone.
    const zone = process.env['TZ'];
    process.env['TZ'] = 'Asia/Tokyo';
    try {
      const [weekday, day, month, year, time] = new Date(Date.now() + 120_000).toUTCString().replace(',', '').split(' ');
      const asctime = `${weekday} ${month} ${String(Number(day)).padStart(2, ' ')} ${time} ${year}`;
      const inTokyo = Number(await retryAfterFor(asctime));
      assert.ok(inTokyo >= 119 && inTokyo <= 121, `an asctime date two minutes ahead is ${inTokyo} s`);
    } finally {
      if (zone === undefined) delete process.env['TZ'];
      else process.env['TZ'] = zone;
    }
  });

  it('a 429 from one check\'s upstream makes that check unavailable, and the others stand', async () => {
    const { handler, upstream } = setUp({ resolved: true });
    upstream.failNext('rate-limited', { on: 'dns_zones' });
    const data = (await bodyOf(await handler(getChecks()))).data;
    assert.deepEqual(data.checks.map((check: { status: string }) => check.status), ['unavailable', 'passed', 'passed']);
  });

  it('a 403 from one check\'s upstream makes that check unavailable, with the upstream\'s sentence, and the others stand', async () => {
    const { handler, upstream } = setUp({ resolved: true });
    upstream.failNext('forbidden', { on: 'applications' });
    const data = (await bodyOf(await handler(getChecks()))).data;
    assert.equal(data.deletable, false);
    const apps = data.checks.find((check: { type: string }) => check.type === 'edge_applications');
    assert.equal(apps.status, 'unavailable');
    assert.equal(apps.title, 'Edge applications');
    assert.match(apps.message, /You do not have permission to perform this action/);
    assert.deepEqual(data.checks.map((check: { status: string }) => check.status), ['passed', 'unavailable', 'passed']);
  });

  it('counts the upstream total and lists at most 50: 120 active zones', async () => {
    const dnsZones = Array.from({ length: 120 }, (_, i) => ({ id: i + 1, name: `z${i}`, domain: `zone-${i}.example`, active: true }));
    const { handler } = setUp({ state: { dnsZones } });
    const data = (await bodyOf(await handler(getChecks()))).data;
    const zones = data.checks[0];
    assert.equal(zones.count, 120);
    assert.equal(zones.items.length, 50);
    assert.deepEqual(zones.items[49], { id: 50, name: 'zone-49.example' });
  });
});

describe('checks written by a portal', () => {
  const cases: [string, CheckSource['evaluate'], RegExp][] = [
    ['throws', () => Promise.reject(new Error('connect ECONNREFUSED 10.1.2.3:5432')), /it failed/],
    ['resolves nothing', () => undefined as never, /could not be read/],
    ['resolves a string', () => 'passed' as never, /could not be read/],
    ['says passed yet counts a blocker', () => ({ type: 'own', status: 'passed', count: 1 }), /could not be read/],
    ['names another type', () => ({ type: 'other', status: 'passed' }), /could not be read/],
    ['gives a status the contract does not know', () => ({ type: 'own', status: 'ok' }) as never, /could not be read/],
    ['gives an amount that is not a decimal', () => ({ type: 'own', status: 'blocking', amount: { value: '1,5', currency: 'USD' } }), /could not be read/],
    ['lists more items than its count', () => ({ type: 'own', status: 'blocking', count: 1, items: [{ id: 1, name: 'a' }, { id: 2, name: 'b' }] }), /could not be read/],
    ['never settles', () => new Promise<never>(() => undefined), /no answer came within 0.1 s/],
    ['throws an UpstreamError 502', () => Promise.reject(new UpstreamError(502, 'The billing service is down')), /The billing service is down/],
  ];
  for (const [name, evaluate, reason] of cases) {
    it(`a check that ${name} is unavailable, with a title and a message, and blocks`, async () => {
      const data = await checksOf(withCheck(evaluate));
      assert.equal(data.deletable, false);
      const [own, fine] = data.checks;
      assert.equal(own.type, 'own');
      assert.equal(own.status, 'unavailable');
      assert.equal(own.title, 'own');
      assert.match(own.message, reason);
      // Internals (hosts, addresses) stay out of the answer.
      assert.doesNotMatch(own.message, /10\.1\.2\.3|ECONNREFUSED/);
      assert.equal(fine.status, 'passed');
    });
  }

  it('a check whose type is named like a member of every object (__proto__, constructor, toString) keeps its name as its title', async () => {
    for (const type of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const handler = createDeletionHandler({
        account: () => ({ id: 7, name: 'Own portal' }),
        checks: [{ type, evaluate: () => Promise.reject(new Error('down')) }],
        deleteAccount: () => undefined,
        idempotency: memoryStore(),
      });
      const data = await checksOf(handler);
      assert.deepEqual([data.checks[0].type, data.checks[0].status, data.checks[0].title], [type, 'unavailable', type]);
    }
  });

  it("a check that resolves unavailable with empty or blank words goes out with the kit's title and message", async () => {
    for (const words of [{ title: '', message: '' }, { title: '   ', message: '\n\t ' }, { title: ' ', message: 'The billing service is down.' }]) {
      const data = await checksOf(withCheck(() => ({ type: 'own', status: 'unavailable', ...words })));
      const own = data.checks[0];
      assert.equal(own.status, 'unavailable');
      assert.equal(own.title, 'own', JSON.stringify(words));
      assert.equal(own.message, words.message.trim() || 'This could not be checked. Try again later.', JSON.stringify(words));
      assert.equal(data.deletable, false);
    }
  });

  it('a check that throws UpstreamError 401 makes the whole answer a 401', async () => {
    const handler = withCheck(() => Promise.reject(new UpstreamError(401, 'Sign in again.', { code: 'reauthentication_required' })));
    const response = await handler(new Request(`${ORIGIN}/api${PATH}`));
    assert.equal(response.status, 401);
    const body = (await checkAnswer(PATH, 'GET', response)).body as any;
    assert.equal(body.errors[0].code, 'reauthentication_required');
  });

  it('cuts a list of more than 50 items to 50 and keeps the total in count', async () => {
    const items = Array.from({ length: 70 }, (_, i) => ({ id: `r${i}`, name: `resource ${i}` }));
    const data = await checksOf(withCheck(() => ({ type: 'own', status: 'blocking', items })));
    assert.equal(data.checks[0].count, 70);
    assert.equal(data.checks[0].items.length, 50);
  });

  it('leaves out a resolve link that is not http(s) or a path, and copies no field the contract lacks', async () => {
    const data = await checksOf(withCheck(() => ({ type: 'own', status: 'blocking', count: 1, resolve_url: 'javascript:alert(1)', secret: 'x' }) as never));
    assert.equal(data.checks[0].resolve_url, undefined);
    assert.equal(data.checks[0].secret, undefined);
    assert.equal(data.checks[0].status, 'blocking');
  });

  it('hands each check a signal that aborts at its time limit', async () => {
    let aborted: unknown;
    await checksOf(
      withCheck(
        ({ signal }) =>
          new Promise<never>((_, reject) =>
            signal.addEventListener('abort', () => {
              aborted = signal.reason;
              reject(signal.reason);
            }),
          ),
        50,
      ),
    );
    assert.equal((aborted as Error)?.name, 'CallTimeoutError');
  });

  it('the account hook resolving null is a 401; resolving an account without a name is a 502', async () => {
    for (const [account, status] of [
      [null, 401],
      [{ id: 3, name: '' }, 502],
      [{ id: '3', name: 'A' }, 502],
    ] as const) {
      const handler = createDeletionHandler({
        account: () => account as never,
        checks: [{ type: 'x', evaluate: () => ({ type: 'x', status: 'passed' }) }],
        deleteAccount: () => undefined,
        idempotency: memoryStore(),
      });
      const response = await handler(new Request(`${ORIGIN}/api${PATH}`));
      assert.equal(response.status, status, JSON.stringify(account));
      assert.deepEqual((await checkAnswer(PATH, 'GET', response)).problems, []);
    }
  });
});
