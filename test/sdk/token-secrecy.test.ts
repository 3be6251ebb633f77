import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { AccountDeletionError, createAccountDeletionClient } from '../../src/index.js';
import { type Answer, PROXY_HTML, conflictBody, fakeNetwork, json, raw, rejectionOf } from './helpers.js';

const TOKEN = 'tok_LEAKCHECK_8f3a91c2e7';

/** Every place under `value` (own properties, causes, headers) where the token shows, as paths. */
function whereTokenShows(value: unknown, path = 'error', seen = new Set<unknown>()): string[] {
  if (typeof value === 'string') return value.includes(TOKEN) ? [path] : [];
  if (typeof value !== 'object' || value === null || seen.has(value)) return [];
  seen.add(value);
  if (value instanceof Request || value instanceof Headers) {
    const headers = value instanceof Request ? value.headers : value;
    return [...headers].some(([, v]) => v.includes(TOKEN)) ? [`${path} (headers)`] : [];
  }
  const found: string[] = [];
  for (const key of Reflect.ownKeys(value)) {
    const child = (value as Record<PropertyKey, unknown>)[key];
    found.push(...whereTokenShows(child, `${path}.${String(key)}`, seen));
  }
  return found;
}

/** Everything a developer might print or send to an error tracker. */
function printedForms(error: unknown): Record<string, string> {
  const e = error as Error & { detail?: unknown; body?: unknown };
  return {
    message: e.message,
    string: String(e),
    stack: e.stack ?? '',
    json: JSON.stringify(e),
    detail: String(e.detail),
    body: JSON.stringify(e.body) ?? '',
  };
}

describe('the token', () => {
  let logs: sinon.SinonSpy[];

  beforeEach(() => {
    logs = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) => sinon.spy(console, method));
  });

  afterEach(() => {
    for (const spy of logs) {
      for (const call of spy.getCalls()) expect(whereTokenShows(call.args, `console.${spy.toString()}`)).to.deep.equal([]);
    }
    sinon.restore();
  });

  const failures: [string, Answer, 'get' | 'delete'][] = [
    ['a 400 field error', json({ token: ['Invalid.'] }, 400), 'delete'],
    ['a 401', json({ detail: 'Invalid token.' }, 401), 'get'],
    ['a 401 reauthentication_required', json({ errors: [{ code: 'reauthentication_required', detail: 'Sign in again.' }] }, 401), 'delete'],
    ['a 403', json({ detail: 'This account is not allowed to be deleted.' }, 403), 'delete'],
    ['a 404', raw('', 404), 'delete'],
    ['a 409', json(conflictBody(), 409), 'delete'],
    ['a 429', json({ detail: 'Slow down.' }, 429, { 'Retry-After': '120' }), 'get'],
    ['a 500', json({ detail: 'Oops.' }, 500), 'delete'],
    ['an HTML 502 from a proxy', raw(PROXY_HTML, 502, { 'content-type': 'text/html' }), 'get'],
    ['a 503', raw('', 503), 'get'],
    ['a 504', raw('', 504), 'delete'],
    ['a network error', 'network-error', 'get'],
    ['an unreadable 200', json({ data: { deletable: true } }), 'get'],
    ['non-JSON 200', raw('OK', 200, { 'content-type': 'text/plain' }), 'get'],
    ['an HTML 200 to a deletion', raw(PROXY_HTML, 200, { 'content-type': 'text/html' }), 'delete'],
    ['no answer in time', 'hang', 'get'],
  ];

  for (const [what, answer, method] of failures) {
    it(`never shows in the error for ${what}`, async () => {
      const net = fakeNetwork(answer);
      const client = createAccountDeletionClient({ fetch: net.fetch, token: async () => TOKEN, timeout: 50, retry: { limit: 0 } });
      const error = await rejectionOf(method === 'get' ? client.getPreconditions() : client.deleteAccount(1234));

      expect(error).to.be.instanceOf(AccountDeletionError);
      expect(net.requests[0]!.headers.get('authorization'), 'the token was sent').to.equal(`Token ${TOKEN}`);
      for (const [form, text] of Object.entries(printedForms(error))) expect(text, form).not.to.include(TOKEN);
      expect(whereTokenShows(error)).to.deep.equal([]);
    });
  }

  it('never shows in the error for a cancelled request', async () => {
    const controller = new AbortController();
    controller.abort();
    const client = createAccountDeletionClient({ fetch: fakeNetwork('hang').fetch, token: TOKEN, scheme: 'Bearer' });
    const error = await rejectionOf(client.deleteAccount(1234, { signal: controller.signal }));

    expect(error).to.be.instanceOf(AccountDeletionError);
    expect(whereTokenShows(error)).to.deep.equal([]);
    expect(JSON.stringify(error)).not.to.include(TOKEN);
  });
});
