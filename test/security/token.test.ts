/**
 * The sign-in token, through the whole panel: it goes in the Authorization header of requests to
 * the api-base and nowhere else. Not in the page (shadow roots included), not in any event detail,
 * not in an error's message or stack, not on the console: in success and in every kind of failure.
 */
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { createAccountDeletionClient, type TokenSource } from '../../src/index.js';
import {
  afterNextCheck,
  clearBody,
  conflictBody,
  deleteAndSettle,
  deleteButton,
  eventually,
  fakeApi,
  hang,
  isUnusable,
  mount,
  networkError,
  noContent,
  ok,
  quiet,
  reauthBody,
  status,
  text,
  typeName,
  type Reply,
} from '../panel/helpers.js';
import { everythingRendered, whereSecretShows } from './helpers.js';

const TOKEN = 'tok_SECURITY_5b1e9d0c44a7f3';
const EVENTS = ['account-delete-checked', 'account-delete-request', 'account-deleted', 'account-delete-error', 'account-delete-reauth-required'];
const CONSOLE = ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table'] as const;

afterEach(() => {
  sinon.restore();
  history.replaceState(null, '', location.pathname + location.search);
});

/** Watches every place the token could leak to while `flow` runs, and says where it showed. */
async function leaksDuring(flow: (record: { events: Event[] }) => Promise<void>): Promise<string[]> {
  const spies = CONSOLE.map((method) => sinon.spy(console, method));
  const events: Event[] = [];
  const uncaught: unknown[] = [];
  const onEvent = (event: Event) => events.push(event);
  const onError = (event: ErrorEvent) => uncaught.push(event.error ?? event.message);
  const onRejection = (event: PromiseRejectionEvent) => uncaught.push(event.reason);
  for (const type of EVENTS) document.addEventListener(type, onEvent);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  try {
    await flow({ events });
  } finally {
    for (const type of EVENTS) document.removeEventListener(type, onEvent);
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  }
  const found: string[] = [];
  expect(events.length, 'the flow fired events').to.be.greaterThan(0);
  for (const event of events) {
    const detail = (event as CustomEvent).detail as unknown;
    found.push(...whereSecretShows(detail, TOKEN, `${event.type}.detail`));
    if ((JSON.stringify(detail) ?? '').includes(TOKEN)) found.push(`${event.type}.detail (JSON)`);
  }
  for (const spy of spies) {
    for (const call of spy.getCalls()) {
      found.push(...whereSecretShows(call.args, TOKEN, `console.${spy.toString()}`));
      if (call.args.map(String).join(' ').includes(TOKEN)) found.push(`console.${spy.toString()} (printed)`);
    }
  }
  found.push(...whereSecretShows(uncaught, TOKEN, 'uncaught'));
  if (everythingRendered(document.body).includes(TOKEN)) found.push('the page');
  return found;
}

interface TokenRow {
  what: string;
  checks: Reply[];
  deletes?: Reply[];
  timeout?: number;
  /** Whether the flow reaches a usable Delete and presses it. */
  presses: boolean;
}

const ROWS: TokenRow[] = [
  { what: 'a deletion that succeeds', checks: [ok(clearBody())], deletes: [noContent], presses: true },
  { what: 'a check answered 401', checks: [status(401, { detail: 'Invalid token.' })], presses: false },
  { what: 'a check answered 403', checks: [status(403, { detail: 'Not allowed.' })], presses: false },
  { what: 'a check answered 500', checks: [status(500, { detail: 'Oops.' })], presses: false },
  { what: "a check answered by a proxy's HTML", checks: [text('<h1>502</h1>', 502, { 'content-type': 'text/html' })], presses: false },
  { what: 'a check that is unreadable', checks: [text('{"data":', 200, { 'content-type': 'application/json' })], presses: false },
  { what: 'a check with no network', checks: [networkError], presses: false },
  { what: 'a check that times out', checks: [hang], timeout: 40, presses: false },
  { what: 'a deletion answered 401 reauthentication_required', checks: [ok(clearBody())], deletes: [status(401, reauthBody())], presses: true },
  { what: 'a deletion answered 403', checks: [ok(clearBody())], deletes: [status(403, { detail: 'No.' })], presses: true },
  { what: 'a deletion answered 409', checks: [ok(clearBody())], deletes: [status(409, conflictBody())], presses: true },
  { what: 'a deletion answered 500', checks: [ok(clearBody())], deletes: [status(500)], presses: true },
  { what: 'a deletion answered by HTML with status 200', checks: [ok(clearBody())], deletes: [text('<p>ok</p>', 200, { 'content-type': 'text/html' })], presses: true },
  { what: 'a deletion with no network', checks: [ok(clearBody())], deletes: [networkError], presses: true },
  { what: 'a deletion that times out', checks: [ok(clearBody())], deletes: [hang], timeout: 40, presses: true },
];

describe('the token, through the panel', () => {
  for (const row of ROWS) {
    it(`shows nowhere but in the Authorization header, for ${row.what}`, async () => {
      const api = fakeApi({
        checks: row.checks,
        deletes: row.deletes ?? [noContent],
        client: { token: async () => TOKEN, retry: { limit: 0 }, ...(row.timeout ? { timeout: row.timeout } : {}) },
      });
      const found = await leaksDuring(async () => {
        const el = await mount(api, { redirectUrl: '#token-done', redirectDelay: 0 });
        if (!row.presses) return;
        await typeName(el, 'Acme Corp');
        expect(isUnusable(deleteButton(el))).to.equal(false);
        await deleteAndSettle(el);
        await quiet(el);
      });
      expect(found).to.deep.equal([]);
      expect(api.requests.length, 'requests were sent').to.be.greaterThan(0);
      for (const request of api.requests) {
        expect(request.headers.get('Authorization'), 'the token went with the request').to.equal(`Token ${TOKEN}`);
        expect(request.url.startsWith(`${location.origin}/api/`), `${request.url} is under the api-base`).to.equal(true);
      }
    });
  }

  it('shows nowhere when reading the token fails with an error that quotes it', async () => {
    const requests: Request[] = [];
    const fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      requests.push(new Request(input, init));
      return Promise.resolve(Response.json(clearBody()));
    };
    const token: TokenSource = () => {
      throw new Error(`The vault refused to hand out ${TOKEN}`);
    };
    const client = createAccountDeletionClient({ fetch, token, retry: { limit: 0 } });
    const found = await leaksDuring(async ({ events }) => {
      const api = { ...fakeApi(), client };
      const el = await mount(api);
      await afterNextCheck(el, () => el.refresh());
      expect(events.filter((e) => e.type === 'account-delete-error')).to.have.length(2);
      expect(isUnusable(deleteButton(el))).to.equal(true);
    });
    expect(found).to.deep.equal([]);
    expect(requests, 'nothing is sent without the token').to.have.length(0);
  });

  it('shows nowhere when the token is not a valid header value', async () => {
    const bad = `${TOKEN}\r\nX-Injected: 1`;
    const api = fakeApi({ checks: [ok(clearBody())], client: { token: bad, retry: { limit: 0 } } });
    const found = await leaksDuring(async () => {
      const el = await mount(api);
      expect(isUnusable(deleteButton(el))).to.equal(true);
    });
    expect(found).to.deep.equal([]);
    expect(api.requests, 'nothing is sent with a broken header').to.have.length(0);
  });

  it('is read again for the retry after a failed deletion, and still shows nowhere', async () => {
    let reads = 0;
    const api = fakeApi({
      checks: [ok(clearBody())],
      deletes: [status(503), noContent],
      client: { token: () => (reads++, TOKEN), retry: { limit: 0 } },
    });
    const found = await leaksDuring(async () => {
      const el = await mount(api, { redirectUrl: '#token-done', redirectDelay: 0 });
      await typeName(el, 'Acme Corp');
      await deleteAndSettle(el);
      await deleteAndSettle(el, () => el.retry());
      await eventually(() => location.hash === '#token-done', 'redirected');
    });
    expect(found).to.deep.equal([]);
    expect(api.deletes()).to.have.length(2);
    expect(reads, 'read before each request').to.equal(3);
  });
});
