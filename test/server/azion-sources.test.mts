// azion(): how Azion's answers are read: the paging envelopes, the debts (status and every page of the
// payment history), the error shapes, the two ways to authenticate, and options it refuses.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { azion, createDeletionHandler, memoryStore } from '../../src/server/index.ts';
import { createFakeAzionApi, type FakeAzionPayment } from '../../testing/index.ts';
import { bodyOf, deleteAccount, getChecks, setUp, TOKEN, upstreamDeletes } from './helpers.mts';

const payment = (id: number, amountWithCurrency: string, status = 'Pending'): FakeAzionPayment => ({
  id,
  amountWithCurrency,
  status,
  paymentDue: `2026-${String((id % 12) + 1).padStart(2, '0')}-01T00:00:00Z`,
  invoiceNumber: `INV-${id}`,
});

async function debtsOf(payments: FakeAzionPayment[], status = 'REGULAR') {
  const { handler, upstream } = setUp({ resolved: true });
  upstream.update({ payments, account: { ...upstream.state.account, status } });
  const data = (await bodyOf(await handler(getChecks()))).data;
  return { debts: data.checks.find((check: { type: string }) => check.type === 'debts'), data, upstream };
}

describe('debts', () => {
  it('reads every page of the payment history: 250 entries, the pending ones on pages 1 and 3', async () => {
    const payments = Array.from({ length: 250 }, (_, i) => payment(i + 1, '$ 10.00', i === 5 || i === 230 ? 'Pending' : 'Paid'));
    const { debts, upstream } = await debtsOf(payments);
    assert.deepEqual(
      upstream.requests.filter((r) => r.endpoint === 'payments').map((r) => r.path),
      ['/v4/payments/history?page=1&page_size=100', '/v4/payments/history?page=2&page_size=100', '/v4/payments/history?page=3&page_size=100'],
    );
    assert.deepEqual(debts, { type: 'debts', status: 'blocking', count: 2, amount: { value: '20.00', currency: 'USD' }, resolve_url: 'https://console.azion.com/billing' });
  });

  it('sums pending amounts exactly in one currency ($ is USD, R$ BRL, € EUR, a code as it is)', async () => {
    for (const [texts, amount] of [
      [['$ 0.10', '$ 0.20'], { value: '0.30', currency: 'USD' }],
      [['R$ 1.234,56', 'R$ 0,44'], { value: '1235.00', currency: 'BRL' }],
      [['€ 9,99', '€ 0,01'], { value: '10.00', currency: 'EUR' }],
      [['CHF 5', '12.50 CHF'], { value: '17.50', currency: 'CHF' }],
    ] as const) {
      const { debts } = await debtsOf(texts.map((text, i) => payment(i + 1, text)));
      assert.deepEqual(debts.amount, amount, texts.join(' + '));
      assert.equal(debts.count, texts.length);
      assert.equal(debts.message, undefined);
    }
  });

  it('in several currencies, or with a figure it cannot read for sure, gives no amount and lists the entries', async () => {
    const { debts } = await debtsOf([payment(1, '$ 120.50'), payment(2, 'R$ 50,00'), payment(3, 'R$ 1.234')]);
    assert.equal(debts.status, 'blocking');
    assert.equal(debts.count, 3);
    assert.equal(debts.amount, undefined);
    assert.equal(debts.message, 'Pending: $ 120.50 (due 2026-02-01), R$ 50,00 (due 2026-03-01), R$ 1.234 (due 2026-04-01).');
  });

  it('a BLOCKED or DEFAULTING account blocks even with nothing pending', async () => {
    for (const [status, words] of [
      ['BLOCKED', /blocked until its bills are paid/],
      ['DEFAULTING', /in default until its bills are paid/],
    ] as const) {
      const { debts, data } = await debtsOf([payment(1, '$ 5.00', 'Paid')], status);
      assert.equal(debts.status, 'blocking', status);
      assert.equal(debts.count, 0);
      assert.match(debts.message, words);
      assert.equal(data.deletable, false);
    }
  });

  it('a missing or unknown account status never passes: the debts check is unavailable', async () => {
    for (const status of ['', 'SUSPENDED', 'regular?']) {
      const { debts, data } = await debtsOf([], status);
      assert.equal(debts.status, 'unavailable', JSON.stringify(status));
      assert.match(debts.message, /billing status/);
      assert.equal(data.deletable, false);
    }
  });

  it('counts only Pending entries, in any letter case, and passes when none is pending on a regular account', async () => {
    const { debts } = await debtsOf([payment(1, '$ 1.00', 'Paid'), payment(2, '$ 2.00', 'NotCharged')]);
    assert.deepEqual(debts, { type: 'debts', status: 'passed', count: 0 });
    const again = await debtsOf([payment(1, '$ 1.00', 'PENDING')]);
    assert.equal(again.debts.count, 1);
  });

  it('a fault on the second page of the history makes the check unavailable, never passed', async () => {
    const payments = Array.from({ length: 150 }, (_, i) => payment(i + 1, '$ 1.00', 'Paid'));
    const { handler, upstream } = setUp({ resolved: true });
    upstream.update({ payments });
    upstream.failNext('server-error', { on: 'payments', skip: 1 });
    const data = (await bodyOf(await handler(getChecks()))).data;
    assert.equal(data.checks[2].status, 'unavailable');
    assert.match(data.checks[2].message, /answered 500 for the payment history/);
    assert.equal(data.deletable, false);
  });
});

/** 250 entries, only entry 231 (on page 3) pending, behind an upstream whose history answers `rewrite` makes. */
function historyThrough(rewrite: (url: URL, real: (url: URL) => Promise<any>) => Promise<unknown> | URL) {
  const payments = Array.from({ length: 250 }, (_, i) => payment(i + 1, '$ 10.00', i === 230 ? 'Pending' : 'Paid'));
  const upstream = createFakeAzionApi({ token: TOKEN });
  upstream.resolveAll();
  upstream.update({ payments });
  const real = async (url: URL) => (await upstream.fetch(url.href, { headers: { authorization: `Token ${TOKEN}` } })).json();
  const fetch = async (input: string, init: RequestInit) => {
    const url = new URL(input);
    if (url.pathname !== '/v4/payments/history') return upstream.fetch(input, init);
    const out = await rewrite(url, real);
    return out instanceof URL ? upstream.fetch(out.href, init) : Response.json(out);
  };
  const handler = createDeletionHandler({
    ...azion({ auth: 'forward', apiBase: 'https://api.azion.test', ssoBase: 'https://sso.azion.test', fetch }),
    idempotency: memoryStore(),
    checkTimeout: 2000,
  });
  return { handler, upstream };
}

describe('a payment history whose pages do not hold together', () => {
  const cases: [string, Parameters<typeof historyThrough>[0]][] = [
    ['an upstream that ignores ?page= and serves page 1 (saying so) for pages 2 and 3', (url) => (url.searchParams.set('page', '1'), url)],
    ['an envelope that says page 1 while serving the page asked for', async (url, real) => ({ ...(await real(url)), page: 1 })],
    ['an envelope with no page', async (url, real) => ({ ...(await real(url)), page: undefined })],
    ['a count of one page while next and total_pages announce more', async (url, real) => {
      const body = await real(url);
      return { ...body, count: body.results.length };
    }],
    ['a count of one page while next alone announces more', async (url, real) => {
      const body = await real(url);
      return { ...body, count: body.results.length, total_pages: undefined };
    }],
    ['a count of one page while total_pages alone announces more', async (url, real) => {
      const body = await real(url);
      return { ...body, count: body.results.length, next: null };
    }],
    ['a next link on the last page', async (url, real) => {
      const body = await real(url);
      return { ...body, next: body.next ?? 'https://api.azion.test/v4/payments/history?page=4&page_size=100' };
    }],
    ['total_pages that is not a number', async (url, real) => ({ ...(await real(url)), total_pages: '3' })],
  ];
  for (const [name, rewrite] of cases) {
    it(`${name}: the debts check is unavailable, never passed, and a DELETE then sends no upstream DELETE`, async () => {
      const { handler, upstream } = historyThrough(rewrite);
      const data = (await bodyOf(await handler(getChecks()))).data;
      const debts = data.checks.find((check: { type: string }) => check.type === 'debts');
      assert.equal(debts.status, 'unavailable', JSON.stringify(debts));
      assert.match(debts.message, /payment history/);
      assert.equal(data.deletable, false);
      const del = await handler(deleteAccount(1234, 'k1'));
      assert.equal(del.status, 409);
      assert.equal(upstreamDeletes(upstream).length, 0);
    });
  }

  it('the same upstream, every page served as asked: the pending entry on page 3 blocks', async () => {
    const { handler } = historyThrough((url) => url);
    const data = (await bodyOf(await handler(getChecks()))).data;
    assert.deepEqual(data.checks[2], { type: 'debts', status: 'blocking', count: 1, amount: { value: '10.00', currency: 'USD' }, resolve_url: 'https://console.azion.com/billing' });
  });
});

describe('lists and shapes', () => {
  it('every wrong shape of a 200 makes its check unavailable, or the account a 502', async () => {
    for (const [endpoint, check] of [
      ['dns_zones', 0],
      ['applications', 1],
      ['payments', 2],
    ] as const) {
      const { handler, upstream } = setUp({ resolved: true });
      upstream.failNext('wrong-shape', { on: endpoint });
      const data = (await bodyOf(await handler(getChecks()))).data;
      assert.equal(data.checks[check].status, 'unavailable', endpoint);
      assert.equal(data.deletable, false);
    }
    for (const endpoint of ['account', 'user'] as const) {
      const { handler, upstream } = setUp({ resolved: true });
      upstream.failNext('wrong-shape', { on: endpoint });
      // `{"is_account_owner": true}` outside `results` is not read as permission.
      assert.equal((await handler(getChecks())).status, 502, endpoint);
    }
  });

  it('an inactive zone in the answer to active=true means the filter was not applied: unavailable', async () => {
    const upstream = createFakeAzionApi();
    upstream.resolveAll();
    const ignoringFilter = (input: Request | string | URL, init?: RequestInit) => upstream.fetch(String(input).replace('active=true&', ''), init);
    const handler = createDeletionHandler({ ...azion({ auth: { token: 't' }, fetch: ignoringFilter }), idempotency: memoryStore() });
    const data = (await bodyOf(await handler(getChecks()))).data;
    assert.equal(data.checks[0].status, 'unavailable');
    assert.match(data.checks[0].message, /inactive zone/);
  });

  it('reads the sentence of each of Azion\'s error shapes for a 403', async () => {
    // sso: {"detail"}; v4 workspace: JSON:API; payments: {"errors": ["…"]}.
    for (const [endpoint, where] of [
      ['user', 'status'],
      ['dns_zones', 0],
      ['payments', 2],
    ] as const) {
      const { handler, upstream } = setUp({ resolved: true });
      upstream.failNext('forbidden', { on: endpoint });
      const response = await handler(getChecks());
      const body = await bodyOf(response);
      const sentence = where === 'status' ? body.errors[0].detail : body.data.checks[where].message;
      assert.match(sentence, /You do not have permission to perform this action/, endpoint);
    }
  });
});

describe('authentication and options', () => {
  it('with { token }, every call carries Authorization: Token, whatever the incoming request carries', async () => {
    const upstream = createFakeAzionApi({ token: 'personal' });
    const handler = createDeletionHandler({ ...azion({ auth: { token: 'personal' }, fetch: upstream.fetch }), idempotency: memoryStore() });
    const response = await handler(getChecks({ cookie: 'azsid=someone-else', authorization: 'Token other' }));
    assert.equal(response.status, 200);
    assert.ok(upstream.requests.every((r) => r.headers['authorization'] === 'Token personal' && r.headers['cookie'] === undefined));
  });

  it('refuses options it cannot use safely', () => {
    const cases: [unknown, RegExp][] = [
      [{}, /auth must be 'forward' or \{ token/],
      [{ auth: { token: 'has space' } }, /visible ASCII/],
      [{ auth: { token: 'x\r\nX-Evil: 1' } }, /visible ASCII/],
      [{ auth: 'forward', apiBase: 'http://api.example.com' }, /https/],
      [{ auth: 'forward', apiBase: 'https://user:pw@api.example.com' }, /credentials/],
      [{ auth: 'forward', ssoBase: 'https://sso.example.com/?x=1' }, /query/],
      [{ auth: 'forward', ssoBase: 'not a url' }, /absolute URL/],
      [{ auth: 'forward', resolveUrls: { debts: 'javascript:alert(1)' } }, /resolveUrls.debts/],
    ];
    for (const [options, message] of cases) {
      assert.throws(() => azion(options as never), (error: unknown) => error instanceof TypeError && message.test((error as Error).message), JSON.stringify(options));
    }
    // Loopback over plain http is allowed: a local fake, as the tests use.
    assert.doesNotThrow(() => azion({ auth: 'forward', apiBase: 'http://127.0.0.1:9999', ssoBase: 'http://localhost:9999/' }));
  });

  it('a plain http base whose host name only starts with "127." (127.attacker.example): refused at start-up, before a session could go there', () => {
    // Before: /^127\./ let them through, and the session cookie went in the clear to whoever owns the name.
    for (const base of ['http://127.attacker.example', 'http://127.0.0.1.attacker.example', 'http://127.0.0.1.example.com:8080/api']) {
      for (const name of ['apiBase', 'ssoBase']) {
        assert.throws(() => azion({ auth: 'forward', [name]: base }), (error: unknown) => error instanceof TypeError && /https/.test((error as Error).message), `${name} ${base}`);
      }
    }
    // Every IPv4 loopback address still may, as the URL parser writes it (`127.1` is 127.0.0.1), and [::1].
    for (const base of ['http://127.0.0.1', 'http://127.255.255.254:8080', 'http://127.1', 'http://[::1]:9999', 'http://[0:0:0:0:0:0:0:1]', 'http://localhost']) {
      assert.doesNotThrow(() => azion({ auth: 'forward', apiBase: base, ssoBase: base }), base);
    }
  });

  it('points each Resolve link where it is told', async () => {
    const upstream = createFakeAzionApi();
    const handler = createDeletionHandler({
      ...azion({ auth: { token: 't' }, fetch: upstream.fetch, resolveUrls: { dns_zones: '/console/dns', debts: 'https://billing.example/pay' } }),
      idempotency: memoryStore(),
    });
    const checks = (await bodyOf(await handler(getChecks()))).data.checks;
    assert.deepEqual(checks.map((c: { resolve_url: string }) => c.resolve_url), ['/console/dns', 'https://console.azion.com/applications', 'https://billing.example/pay']);
  });
});
