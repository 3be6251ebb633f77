import { expect } from '@open-wc/testing';
import { InvalidResponseError, createAccountDeletionClient, isResolved, parseCheck, parsePreconditions } from '../../src/index.js';
import { clearBody, blockedBody, fakeNetwork, json, raw, rejectionOf } from './helpers.js';

type Body = ReturnType<typeof blockedBody>;
type Loose = Record<string, unknown> & { data: Record<string, unknown> & { account: Record<string, unknown>; checks: Record<string, unknown>[] } };

/** The blocked example, changed by `edit`: one thing wrong, everything else right. */
function blockedWith(edit: (body: Loose) => void): Body {
  const body = blockedBody();
  edit(body as unknown as Loose);
  return body;
}

/** Reads `body` as a 200 from the server, through the client. */
function read(response: Response) {
  return createAccountDeletionClient({ fetch: fakeNetwork(response).fetch, retry: { limit: 0 } }).getPreconditions();
}

describe('reading the precondition answer', () => {
  describe('an answer that cannot be read is an error, never a partial result', () => {
    // [what is wrong, the answer, the JSON pointer the error names (undefined: not JSON at all)]
    const malformed: [string, () => Response, string | undefined][] = [
      ['non-JSON text', () => raw('Service temporarily unavailable', 200, { 'content-type': 'application/json' }), undefined],
      ['an empty body', () => raw('', 200, { 'content-type': 'application/json' }), undefined],
      ['a body of spaces', () => raw('  \n ', 200, { 'content-type': 'application/json' }), undefined],
      ['no body at all', () => raw(null, 200), undefined],
      ['valid JSON with a text/plain content type', () => raw(JSON.stringify(clearBody()), 200, { 'content-type': 'text/plain' }), undefined],
      ['a gateway HTML page with status 200', () => raw('<html><body>OK</body></html>', 200, { 'content-type': 'text/html' }), undefined],
      ['HTML labelled as JSON', () => raw('<html><body>OK</body></html>', 200, { 'content-type': 'application/json' }), undefined],
      ['truncated JSON', () => raw(JSON.stringify(clearBody()).slice(0, 60), 200, { 'content-type': 'application/json' }), undefined],
      ['JSON null', () => json(null), ''],
      ['a top-level list', () => json([clearBody()]), ''],
      ['data: null', () => json({ data: null }), '/data'],
      ['data as a list', () => json({ data: [] }), '/data'],
      ['the body without its data wrapper', () => json(clearBody().data), '/data'],
      ['a missing account', () => json(blockedWith((b) => Reflect.deleteProperty(b.data, 'account'))), '/data/account'],
      ['account id 0', () => json(blockedWith((b) => (b.data.account['id'] = 0))), '/data/account/id'],
      ['account id as a string', () => json(blockedWith((b) => (b.data.account['id'] = '1234'))), '/data/account/id'],
      ['account id as a fraction', () => json(blockedWith((b) => (b.data.account['id'] = 12.5))), '/data/account/id'],
      ['account id negative', () => json(blockedWith((b) => (b.data.account['id'] = -4))), '/data/account/id'],
      ['an empty account name', () => json(blockedWith((b) => (b.data.account['name'] = ' '))), '/data/account/name'],
      ['an account name that is a number', () => json(blockedWith((b) => (b.data.account['name'] = 42))), '/data/account/name'],
      ['deletable as the string "true"', () => json(blockedWith((b) => (b.data['deletable'] = 'true'))), '/data/deletable'],
      ['deletable missing', () => json(blockedWith((b) => delete b.data['deletable'])), '/data/deletable'],
      ['deletable as 1', () => json(blockedWith((b) => (b.data['deletable'] = 1))), '/data/deletable'],
      ['checks missing', () => json(blockedWith((b) => Reflect.deleteProperty(b.data, 'checks'))), '/data/checks'],
      ['checks as an object', () => json(blockedWith((b) => Reflect.set(b.data, 'checks', { dns_zones: 'blocking' }))), '/data/checks'],
      ['a check that is null', () => json(blockedWith((b) => (b.data.checks[1] = null as never))), '/data/checks/1'],
      ['a check without a type', () => json(blockedWith((b) => delete b.data.checks[0]!['type'])), '/data/checks/0/type'],
      ['a check with an empty type', () => json(blockedWith((b) => (b.data.checks[0]!['type'] = ''))), '/data/checks/0/type'],
      ['a check without a status', () => json(blockedWith((b) => delete b.data.checks[1]!['status'])), '/data/checks/1/status'],
      ['a status that is a boolean', () => json(blockedWith((b) => (b.data.checks[1]!['status'] = true))), '/data/checks/1/status'],
      ['a negative count', () => json(blockedWith((b) => (b.data.checks[0]!['count'] = -1))), '/data/checks/0/count'],
      ['a count written as a string', () => json(blockedWith((b) => (b.data.checks[0]!['count'] = '2'))), '/data/checks/0/count'],
      ['items that are not a list', () => json(blockedWith((b) => (b.data.checks[0]!['items'] = 'acme.com'))), '/data/checks/0/items'],
      ['an item without a name', () => json(blockedWith((b) => (b.data.checks[0]!['items'] = [{ id: 81 }]))), '/data/checks/0/items/0/name'],
      ['an item id that is a fraction', () => json(blockedWith((b) => (b.data.checks[0]!['items'] = [{ id: 8.1, name: 'x' }]))), '/data/checks/0/items/0/id'],
      ['an item id that is an object', () => json(blockedWith((b) => (b.data.checks[0]!['items'] = [{ id: { v: 1 }, name: 'x' }]))), '/data/checks/0/items/0/id'],
      ['an amount with a decimal comma', () => json(blockedWith((b) => (b.data.checks[2]!['amount'] = { value: '120,50', currency: 'USD' }))), '/data/checks/2/amount/value'],
      ['an amount written as a number', () => json(blockedWith((b) => (b.data.checks[2]!['amount'] = { value: 120.5, currency: 'USD' }))), '/data/checks/2/amount/value'],
      ['a lower-case currency', () => json(blockedWith((b) => (b.data.checks[2]!['amount'] = { value: '120.50', currency: 'usd' }))), '/data/checks/2/amount/currency'],
      ['an amount without a currency', () => json(blockedWith((b) => (b.data.checks[2]!['amount'] = { value: '120.50' }))), '/data/checks/2/amount/currency'],
      ['an amount that is a string', () => json(blockedWith((b) => (b.data.checks[2]!['amount'] = '120.50 USD'))), '/data/checks/2/amount'],
      ['a resolve_url that is a number', () => json(blockedWith((b) => (b.data.checks[0]!['resolve_url'] = 7))), '/data/checks/0/resolve_url'],
      ['a title that is an object', () => json(blockedWith((b) => (b.data.checks[0]!['title'] = { en: 'DNS' }))), '/data/checks/0/title'],
      ['checked_at that is a number', () => json(blockedWith((b) => (b.data['checked_at'] = 1764324000))), '/data/checked_at'],
      ['checked_at that is not a date', () => json(blockedWith((b) => (b.data['checked_at'] = 'yesterday'))), '/data/checked_at'],
      ['checked_at without a time zone', () => json(blockedWith((b) => (b.data['checked_at'] = '2026-11-28T10:00:00'))), '/data/checked_at'],
      ['checked_at on a day that does not exist', () => json(blockedWith((b) => (b.data['checked_at'] = '2026-13-45T10:00:00Z'))), '/data/checked_at'],
      ['checked_at on 30 February', () => json(blockedWith((b) => (b.data['checked_at'] = '2026-02-30T10:00:00Z'))), '/data/checked_at'],
      ['checked_at on 29 February of a common year', () => json(blockedWith((b) => (b.data['checked_at'] = '2023-02-29T10:00:00Z'))), '/data/checked_at'],
      ['checked_at at hour 24', () => json(blockedWith((b) => (b.data['checked_at'] = '2026-11-28T24:00:00Z'))), '/data/checked_at'],
      ['checked_at with an offset of 24 hours', () => json(blockedWith((b) => (b.data['checked_at'] = '2026-11-28T10:00:00+24:00'))), '/data/checked_at'],
    ];

    for (const [what, response, pointer] of malformed) {
      it(`rejects ${what}`, async () => {
        const error = (await rejectionOf(read(response()))) as InvalidResponseError;
        expect(error).to.be.instanceOf(InvalidResponseError);
        expect(error.pointer).to.equal(pointer);
        expect(error.message).to.match(/^The server's answer could not be read/);
      });
    }

    it('rejects every one of them in the parser too, returning nothing', async () => {
      for (const [what, response, pointer] of malformed) {
        if (pointer === undefined) continue;
        const body = (await response().json()) as unknown;
        let returned: unknown;
        expect(() => (returned = parsePreconditions(body)), what).to.throw(InvalidResponseError);
        expect(returned, what).to.equal(undefined);
      }
    });

    it('names where the problem is, for support', async () => {
      const error = (await rejectionOf(read(json(blockedWith((b) => (b.data.checks[0]!['items'] = [{ id: 81 }])))))) as InvalidResponseError;
      expect(error.message).to.equal("The server's answer could not be read: /data/checks/0/items/0/name should be a string.");
    });

    it('keeps the status of an answer of the wrong shape', async () => {
      const error = (await rejectionOf(read(json({ data: {} }, 200)))) as InvalidResponseError;
      expect(error.pointer).to.equal('/data/deletable');
      expect(error.status).to.equal(200);
    });

    for (const checkedAt of ['2026-11-28T10:00:00.250-03:00', '2016-12-31T23:59:60Z', '2024-02-29T00:00:00z', '2024-02-29t00:00:00Z', '0001-01-01T00:00:00+23:59']) {
      it(`reads checked_at ${checkedAt}, an RFC 3339 date-time`, async () => {
        const result = await read(json(blockedWith((b) => (b.data['checked_at'] = checkedAt))));
        expect(result.checkedAt).to.equal(checkedAt);
      });
    }

    // The media type is read in any letter case, +json suffixes included; a longer word is not JSON.
    for (const [type, isJson] of [
      ['Application/JSON; charset=UTF-8', true],
      ['APPLICATION/PROBLEM+JSON', true],
      ['application/vnd.api+json', true],
      ['application/jsonp', false],
      ['text/json', false],
    ] as const) {
      it(`${isJson ? 'reads' : 'refuses'} an answer sent as ${type}`, async () => {
        const answer = read(raw(JSON.stringify(clearBody()), 200, { 'content-type': type }));
        if (isJson) expect((await answer).deletable).to.equal(true);
        else expect(await rejectionOf(answer)).to.be.instanceOf(InvalidResponseError);
      });
    }

    it('keeps the status of an answer that was not JSON', async () => {
      const error = (await rejectionOf(read(raw('<html></html>', 200, { 'content-type': 'text/html' })))) as InvalidResponseError;
      expect(error.status).to.equal(200);
    });
  });

  describe('deletable fails closed', () => {
    it('refuses to call an account deletable when one check is still blocking', () => {
      const body = clearBody();
      body.data.checks[1]!.status = 'blocking';
      expect(parsePreconditions(body).deletable).to.equal(false);
    });

    it('treats a status it does not know as blocking', () => {
      const body = clearBody();
      body.data.checks[0]!.status = 'pending_review';
      const result = parsePreconditions(body);
      expect(result.deletable).to.equal(false);
      expect(result.checks[0]!.status).to.equal('pending_review');
      expect(isResolved(result.checks[0]!)).to.equal(false);
    });

    it('treats a status that only looks like passed as blocking', () => {
      for (const status of ['Passed', 'PASSED', ' passed', 'pass']) {
        const body = clearBody();
        body.data.checks[2]!.status = status;
        expect(parsePreconditions(body).deletable, status).to.equal(false);
      }
    });

    it('keeps the account undeletable when the server says so, even if every check passed', () => {
      const body = clearBody();
      body.data.deletable = false;
      expect(parsePreconditions(body).deletable).to.equal(false);
    });

    it('calls the account deletable only when the server says so and every check passed', () => {
      expect(parsePreconditions(clearBody()).deletable).to.equal(true);
      expect(parsePreconditions(blockedBody()).deletable).to.equal(false);
    });
  });

  describe('checks', () => {
    it('keeps a check type it does not know, with its title and message', () => {
      const body = clearBody();
      (body.data.checks as Record<string, unknown>[]).push({
        type: 'support_tickets',
        status: 'blocking',
        count: 3,
        title: 'Open support tickets',
        message: 'Close your open support tickets first.',
      });
      const result = parsePreconditions(body);
      const unknown = result.checks[3]!;

      expect(unknown).to.include({ type: 'support_tickets', status: 'blocking', count: 3, title: 'Open support tickets', message: 'Close your open support tickets first.' });
      expect(result.deletable).to.equal(false);
    });

    it('lets a passed check of an unknown type allow deletion', () => {
      const body = clearBody();
      (body.data.checks as Record<string, unknown>[]).push({ type: 'support_tickets', status: 'passed', title: 'Open support tickets' });
      expect(parsePreconditions(body).deletable).to.equal(true);
    });

    for (const unsafe of ['javascript:alert(document.cookie)', ' JavaScript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)']) {
      it(`drops the link ${JSON.stringify(unsafe)} but keeps the check`, () => {
        const check = parseCheck({ type: 'debts', status: 'blocking', count: 1, resolve_url: unsafe }, '/c');
        expect(check.resolveUrl).to.equal(undefined);
        expect(check).to.include({ type: 'debts', status: 'blocking', count: 1 });
      });
    }

    it('keeps https links and paths to resolve a check', () => {
      expect(parseCheck({ type: 'debts', status: 'blocking', resolve_url: 'https://console.azion.com/billing' }, '/c').resolveUrl).to.equal(
        'https://console.azion.com/billing',
      );
      expect(parseCheck({ type: 'debts', status: 'blocking', resolve_url: '/billing?tab=open' }, '/c').resolveUrl).to.equal('/billing?tab=open');
    });

    it('counts the listed items when the server gives no count', () => {
      const check = parseCheck({ type: 'dns_zones', status: 'blocking', items: [{ id: 1, name: 'a.com' }, { id: 'z-2', name: 'b.com' }] }, '/c');
      expect(check.count).to.equal(2);
      expect(check.items.map((i) => i.id)).to.deep.equal([1, 'z-2']);
    });

    it('keeps the total count when more resources block than are listed', () => {
      const items = Array.from({ length: 50 }, (_, i) => ({ id: i + 1, name: `zone${i}.com` }));
      const check = parseCheck({ type: 'dns_zones', status: 'blocking', count: 120, items }, '/c');
      expect(check.count).to.equal(120);
      expect(check.items).to.have.length(50);
    });

    it('cuts a list of more than 50 items to its first 50, and keeps the answer and its total', () => {
      const items = Array.from({ length: 51 }, (_, i) => ({ id: i + 1, name: `zone${i}.com` }));
      const check = parseCheck({ type: 'dns_zones', status: 'blocking', items }, '/c');
      expect(check.items.map((item) => item.name)).to.deep.equal(items.slice(0, 50).map((item) => item.name));
      expect(check.count).to.equal(51);
      expect(isResolved(check)).to.equal(false);
    });

    it('does not read past the 50th item: an unreadable 51st cannot refuse the answer', () => {
      const items = [...Array.from({ length: 50 }, (_, i) => ({ id: i + 1, name: `zone${i}.com` })), { id: null }];
      expect(parseCheck({ type: 'dns_zones', status: 'blocking', count: 300, items }, '/c').items).to.have.length(50);
    });

    it('reads null optional fields as not given', () => {
      const check = parseCheck({ type: 'debts', status: 'passed', count: null, items: null, amount: null, resolve_url: null, title: null, message: null }, '/c');
      expect(check).to.deep.equal({
        type: 'debts',
        status: 'passed',
        count: 0,
        items: [],
        amount: undefined,
        resolveUrl: undefined,
        title: undefined,
        message: undefined,
      });
    });

    it('reads a negative amount, a credit, as a decimal string', () => {
      const check = parseCheck({ type: 'debts', status: 'passed', amount: { value: '-3.10', currency: 'BRL' } }, '/c');
      expect(check.amount).to.deep.equal({ value: '-3.10', currency: 'BRL' });
    });
  });
});
