import { expect, oneEvent } from '@open-wc/testing';
import sinon from 'sinon';
import { ConnectionError, InvalidResponseError, ServerError } from '../../src/index.js';
import {
  ACCOUNT,
  activeElement,
  afterNextCheck,
  alertRegion,
  blockedBody,
  bodyWith,
  checkAgainButton,
  checkNames,
  checksList,
  clearBody,
  conflictBody,
  deleteAndSettle,
  deleteButton,
  eventually,
  fakeApi,
  held,
  hang,
  isUnusable,
  mount,
  networkError,
  noContent,
  ok,
  quiet,
  readyToDelete,
  reasonOf,
  reauthBody,
  status,
  successMessage,
  text,
  statusRegion,
  textbox,
  typeName,
  type Reply,
} from './helpers.js';

afterEach(() => sinon.restore());

const alertText = (el: Parameters<typeof alertRegion>[0]) => alertRegion(el)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const keyOf = (request: Request) => request.headers.get('Idempotency-Key');

describe('a 409: something blocks again', () => {
  it('replaces the checks with the ones the server sent, moves focus to them and keeps Delete unusable', async () => {
    const api = fakeApi({ checks: [ok(clearBody())], deletes: [status(409, conflictBody())] });
    const el = await readyToDelete(api);
    await deleteAndSettle(el);
    expect(checkNames(el)).to.deep.equal(['DNS zones: 1 active zone must be disabled (acme.com)', 'Edge applications: resolved', 'Debts: resolved']);
    await eventually(() => activeElement(el) === checksList(el), 'focus moves to the checks');
    expect(isUnusable(deleteButton(el))).to.equal(true);
    expect(reasonOf(el)).to.equal('Resolve 1 item first');
    expect(alertText(el)).to.equal('Something changed since the last check: resolve the items in the list of checks, then check again.');
    expect(el.shadowRoot!.querySelectorAll('[role="alert"] button'), 'no way to send the same DELETE again').to.have.length(0);
    expect(checkAgainButton(el).getAttribute('aria-disabled'), 'the way forward: resolve, then check again').to.equal('false');
    expect(textbox(el)!.value).to.equal('Acme Corp');
    await expect(el).to.be.accessible();
  });

  it('stays unusable even when typing the name again, until a check says nothing blocks', async () => {
    const api = fakeApi({ checks: [ok(clearBody())], deletes: [status(409, conflictBody()), noContent] });
    const el = await readyToDelete(api);
    await deleteAndSettle(el);
    await typeName(el, 'Acme Corp');
    deleteButton(el).click();
    await quiet(el);
    expect(api.deletes()).to.have.length(1);

    await afterNextCheck(el, () => checkAgainButton(el).click());
    expect(isUnusable(deleteButton(el))).to.equal(false);
    expect(alertText(el)).to.equal('');
    await deleteAndSettle(el);
    expect(api.deletes()).to.have.length(2);
    // The server refused the first for sure: the new attempt is a new request.
    expect(keyOf(api.deletes()[1]!)).to.not.equal(keyOf(api.deletes()[0]!));
  });

  const allPassed = conflictBody();
  for (const check of allPassed.errors[0]!.meta.checks) check.status = 'passed';
  for (const [what, body] of [
    ['carried no checks it could read', { detail: 'The account has blockers.' }],
    ['checks all passed, leaving nothing to resolve', allPassed],
  ] as const) {
    it(`checks again when the 409 ${what}`, async () => {
      const api = fakeApi({ checks: [ok(clearBody()), ok(blockedBody())], deletes: [status(409, body)] });
      const el = await readyToDelete(api);
      const checked = oneEvent(el, 'account-delete-checked');
      await deleteAndSettle(el);
      await checked;
      await el.updateComplete;
      expect(api.checks()).to.have.length(2);
      expect(checkNames(el)[0]).to.equal('DNS zones: 2 active zones must be disabled (acme.com, acme.dev)');
      expect(isUnusable(deleteButton(el))).to.equal(true);
      expect(reasonOf(el)).to.equal('Resolve 2 items first');
    });
  }
});

describe('a 409 that nothing explains', () => {
  it('checks the account again, then says the deletion was refused when nothing blocks, after the server\'s sentence', async () => {
    const gate = held();
    const api = fakeApi({ checks: [ok(clearBody()), gate.reply], deletes: [status(409, { detail: 'Refused.' })] });
    const el = await readyToDelete(api);
    await deleteAndSettle(el);
    await gate.arrived;
    await el.updateComplete;
    expect(statusRegion(el).textContent!.trim()).to.equal('Checking your account…');
    expect(isUnusable(deleteButton(el))).to.equal(true);
    await expect(el).to.be.accessible();

    const checked = oneEvent(el, 'account-delete-checked');
    gate.release(ok(clearBody()));
    await checked;
    await el.updateComplete;
    expect(alertText(el)).to.equal(
      'Refused. The server refused the deletion, yet nothing blocks it now. Nothing was deleted. Press Delete account to try again; if it happens again, contact support.',
    );
    // The way forward is Delete itself, with a new request: the server refused the last one for sure.
    expect(isUnusable(deleteButton(el))).to.equal(false);
    expect(el.shadowRoot!.querySelectorAll('[role="alert"] button')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('clears the refusal once Delete is pressed again', async () => {
    const api = fakeApi({ checks: [ok(clearBody())], deletes: [status(409, { detail: 'Refused.' }), noContent] });
    const el = await readyToDelete(api, { redirectDelay: 60_000 });
    const checked = oneEvent(el, 'account-delete-checked');
    await deleteAndSettle(el);
    await checked;
    await el.updateComplete;
    expect(alertText(el)).to.contain('The server refused the deletion');
    await deleteAndSettle(el);
    expect(successMessage(el)).to.exist;
    expect(keyOf(api.deletes()[1]!)).to.not.equal(keyOf(api.deletes()[0]!));
  });
});

describe('a 401: sign in again', () => {
  it('asks the host to sign the user in again, and retry() then sends the DELETE again', async () => {
    const api = fakeApi({ checks: [ok(clearBody())], deletes: [status(401, reauthBody()), noContent] });
    const el = await readyToDelete(api, { redirectDelay: 60_000 });
    const reauth = oneEvent(el, 'account-delete-reauth-required');
    await deleteAndSettle(el);
    const { detail } = await reauth;
    expect(detail.account).to.deep.include({ id: ACCOUNT.id, name: ACCOUNT.name });
    expect(alertText(el)).to.contain('For your security, sign in again before deleting the account. Nothing was deleted.');
    expect(textbox(el)!.value).to.equal('Acme Corp');
    await expect(el).to.be.accessible();

    const deleted = oneEvent(el, 'account-deleted');
    await el.retry();
    await deleted;
    await el.updateComplete;
    expect(api.deletes()).to.have.length(2);
    expect(successMessage(el)).to.exist;
  });

  it('still sends the DELETE on retry() when a check ran while the user signed in (the return to the page)', async () => {
    const api = fakeApi({ checks: [ok(clearBody())], deletes: [status(401, reauthBody()), noContent] });
    const el = await readyToDelete(api, { redirectDelay: 60_000 });
    await deleteAndSettle(el);
    // The sign-in happened in another window: coming back starts a check, then the host calls retry().
    await afterNextCheck(el, () => el.refresh());
    expect(alertText(el), 'only the sign-in lifts it').to.contain('sign in again before deleting the account');
    expect(isUnusable(deleteButton(el))).to.equal(true);
    expect(reasonOf(el)).to.equal('Sign in again first');

    const deleted = oneEvent(el, 'account-deleted');
    await el.retry();
    await deleted;
    expect(api.deletes()).to.have.length(2);
    expect(api.deletes()[1]!.headers.get('Idempotency-Key'), 'a refused request: a new key').to.not.equal(api.deletes()[0]!.headers.get('Idempotency-Key'));
  });

  /** A DELETE refused for a fresh sign-in, then a check held open (the return from the sign-in window), and retry() called meanwhile. */
  async function retryDuringTheCheck() {
    const gate = held();
    const api = fakeApi({ checks: [ok(clearBody()), gate.reply], deletes: [status(401, reauthBody()), noContent] });
    const el = await readyToDelete(api, { redirectDelay: 60_000 });
    await deleteAndSettle(el);
    void el.refresh();
    await gate.arrived;
    return { api, el, gate, retried: el.retry() };
  }

  it('sends the DELETE once the check that runs when retry() is called has read the account', async () => {
    const { api, el, gate, retried } = await retryDuringTheCheck();
    await quiet(el);
    expect(api.deletes(), 'nothing before the check is read').to.have.length(1);
    const deleted = oneEvent(el, 'account-deleted');
    gate.release(ok(clearBody()));
    await retried;
    await deleted;
    expect(api.deletes()).to.have.length(2);
  });

  it('sends nothing on a retry() that waited for a check which found something blocking', async () => {
    const { api, el, gate, retried } = await retryDuringTheCheck();
    gate.release(ok(blockedBody()));
    await retried;
    await quiet(el);
    expect(api.deletes()).to.have.length(1);
  });

  it('says the user is signed out on a plain 401, without the reauthentication event', async () => {
    const api = fakeApi({ checks: [ok(clearBody())], deletes: [status(401, { detail: 'Authentication credentials were not provided.' })] });
    const el = await readyToDelete(api);
    const reauth = sinon.spy();
    el.addEventListener('account-delete-reauth-required', reauth);
    await deleteAndSettle(el);
    expect(alertText(el)).to.contain('You are signed out. Sign in again, then check again.');
    expect(reauth.called).to.equal(false);
  });

  it('says the account may be deleted when the repeat of a lost answer is met by a plain 401', async () => {
    // A deletion ends the account's sessions: the repeat's 401 may be that deletion's doing.
    const api = fakeApi({ checks: [ok(clearBody())], deletes: [networkError, status(401, { detail: 'Your session has ended.' })] });
    const el = await readyToDelete(api);
    await deleteAndSettle(el);
    deleteButton(el).click();
    await eventually(() => api.deletes().length === 2 && alertText(el).includes('which may mean the account was deleted'), 'the words of a 401 on the repeat');
    await quiet(el);
    expect(alertText(el)).to.contain('You are signed out, which may mean the account was deleted: if so, a confirmation e-mail is on its way.');
    const [first, repeat] = api.deletes().map((request) => request.headers.get('idempotency-key'));
    expect(repeat, 'the repeat carried the same key').to.equal(first);
    expect(isUnusable(deleteButton(el))).to.equal(true);
    await expect(el).to.be.accessible();
  });
});

describe('a 403: not allowed', () => {
  it("shows the server's sentence", async () => {
    const api = fakeApi({ checks: [ok(clearBody())], deletes: [status(403, { detail: 'This account is not allowed to be deleted.' })] });
    const el = await readyToDelete(api);
    await deleteAndSettle(el);
    expect(alertText(el)).to.contain('This account is not allowed to be deleted. If you think this is a mistake, contact support.');
    expect(successMessage(el)).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('offers nothing that repeats it; after a check that allows it, a new attempt has a fresh Idempotency-Key', async () => {
    const api = fakeApi({ checks: [ok(clearBody())], deletes: [status(403, { detail: 'Not now.' }), noContent] });
    const el = await readyToDelete(api, { redirectDelay: 60_000 });
    await deleteAndSettle(el);
    expect(isUnusable(deleteButton(el))).to.equal(true);
    expect(reasonOf(el)).to.equal('The server refused to delete this account');
    deleteButton(el).click();
    await el.retry();
    await quiet(el);
    expect(api.deletes(), 'nothing repeats a sure refusal').to.have.length(1);
    await afterNextCheck(el, () => checkAgainButton(el).click());
    await deleteAndSettle(el);
    expect(api.deletes()).to.have.length(2);
    expect(keyOf(api.deletes()[1]!)).to.be.a('string').and.not.equal(keyOf(api.deletes()[0]!));
  });
});

describe('when the deletion was not confirmed', () => {
  const cases: [string, Reply, string][] = [
    ['a 500', status(500, { detail: 'Internal error' }), 'The server had a problem (status 500) and the deletion was not confirmed.'],
    ['a 503 from a gateway', text('<html><body>Service Unavailable</body></html>', 503, { 'content-type': 'text/html' }), 'The server had a problem (status 503) and the deletion was not confirmed.'],
    ['a network error', networkError, 'No answer came through from the server, so the deletion was not confirmed.'],
    ['an HTML page with status 200', text('<html>OK</html>', 200, { 'content-type': 'text/html' }), 'The server’s answer could not be read, so the deletion was not confirmed.'],
  ];
  for (const [what, reply, words] of cases) {
    it(`says so plainly after ${what}, and Delete repeats the DELETE with the same Idempotency-Key`, async () => {
      const api = fakeApi({ checks: [ok(clearBody())], deletes: [reply, noContent] });
      const el = await readyToDelete(api, { redirectDelay: 60_000 });
      await deleteAndSettle(el);
      expect(alertText(el)).to.contain(words);
      expect(successMessage(el)).to.equal(null);
      expect(textbox(el)!.value).to.equal('Acme Corp');
      await expect(el).to.be.accessible();

      expect(isUnusable(deleteButton(el))).to.equal(false);
      expect(el.shadowRoot!.querySelectorAll('[role="alert"] button'), 'no second button does the same').to.have.length(0);
      await deleteAndSettle(el);
      expect(api.deletes()).to.have.length(2);
      expect(keyOf(api.deletes()[1]!)).to.equal(keyOf(api.deletes()[0]!));
      expect(successMessage(el)).to.exist;
    });
  }

  it('keeps the same key when the host calls retry() instead', async () => {
    const api = fakeApi({ checks: [ok(clearBody())], deletes: [status(502), noContent] });
    const el = await readyToDelete(api, { redirectDelay: 60_000 });
    await deleteAndSettle(el);
    await deleteAndSettle(el, () => void el.retry());
    expect(keyOf(api.deletes()[1]!)).to.equal(keyOf(api.deletes()[0]!));
  });

  it('says the server took too long when the DELETE times out, and Delete keeps the key', async () => {
    const api = fakeApi({ checks: [ok(clearBody())], deletes: [hang, noContent], client: { timeout: 50 } });
    const el = await readyToDelete(api, { redirectDelay: 60_000 });
    await deleteAndSettle(el);
    expect(alertText(el)).to.contain('The server took too long to answer, so the deletion was not confirmed. Press Delete account again: it is safe.');
    expect(api.deletes()[0]!.signal.aborted, 'the request was given up').to.equal(true);
    await deleteAndSettle(el);
    expect(keyOf(api.deletes()[1]!)).to.equal(keyOf(api.deletes()[0]!));
    expect(successMessage(el)).to.exist;
  });

  it('gives the request id for support', async () => {
    const api = fakeApi({ checks: [ok(clearBody())], deletes: [status(500, { detail: 'x' }, { 'X-Request-Id': 'req-42' })] });
    const el = await readyToDelete(api);
    await deleteAndSettle(el);
    expect(alertText(el)).to.contain('Reference: req-42');
  });

  it('says so when the host gave a new client while the DELETE was out, once that client read the checks', async () => {
    // Before, the panel went from the lost answer to the new client's check, then to "Nothing blocks
    // deletion any more": the lost answer was never on show.
    const gate = held();
    const first = fakeApi({ checks: [ok(clearBody())], deletes: [gate.reply] });
    const second = fakeApi({ checks: [ok(clearBody())], deletes: [noContent] });
    const el = await readyToDelete(first, { redirectDelay: 60_000 });
    deleteButton(el).click();
    await gate.arrived;
    el.client = second.client;
    gate.release(status(503));
    await eventually(() => el.flow.getSnapshot().status === 'delete-failed', 'the new client read the checks');
    await el.updateComplete;
    expect(alertText(el)).to.contain('The server had a problem (status 503) and the deletion was not confirmed.');
    expect(second.checks()).to.have.length(1);
    await expect(el).to.be.accessible();
    // Delete sends a new request, through the new client.
    await deleteAndSettle(el);
    expect(first.deletes()).to.have.length(1);
    expect(second.deletes()).to.have.length(1);
    expect(keyOf(second.deletes()[0]!)).to.not.equal(keyOf(first.deletes()[0]!));
    expect(successMessage(el)).to.exist;
  });

  it('says how long to wait after a 429', async () => {
    const api = fakeApi({ checks: [ok(clearBody())], deletes: [status(429, { detail: 'Slow down' }, { 'Retry-After': '30' })] });
    const el = await readyToDelete(api);
    await deleteAndSettle(el);
    expect(alertText(el)).to.contain('Too many attempts. Wait 30 seconds, then try again.');
  });
});

describe('the typed name', () => {
  const failures: [string, Reply][] = [
    ['409', status(409, conflictBody())],
    ['401', status(401, reauthBody())],
    ['403', status(403, { detail: 'No.' })],
    ['404', status(404, { detail: 'No such account.' })],
    ['500', status(500)],
    ['network error', networkError],
  ];
  for (const [what, reply] of failures) {
    it(`stays typed after a ${what} on delete`, async () => {
      const api = fakeApi({ checks: [ok(clearBody())], deletes: [reply] });
      const el = await readyToDelete(api);
      await deleteAndSettle(el);
      await el.updateComplete;
      expect(textbox(el)!.value).to.equal('Acme Corp');
      expect(textbox(el)!.readOnly).to.equal(false);
    });
  }

  it('stays typed after a check fails and after it is read again', async () => {
    const api = fakeApi({ checks: [ok(clearBody()), status(500), ok(clearBody())] });
    const el = await readyToDelete(api);
    await afterNextCheck(el, () => el.refresh());
    expect(textbox(el)!.value).to.equal('Acme Corp');
    await afterNextCheck(el, () => checkAgainButton(el).click());
    expect(textbox(el)!.value).to.equal('Acme Corp');
    expect(isUnusable(deleteButton(el))).to.equal(false);
  });
});

describe('when the check fails', () => {
  for (const [what, reply, words] of [
    ['a network error', networkError, 'No answer came through from the server. Check your connection, then check again.'],
    ['a 500', status(500, { detail: 'boom' }), 'The server had a problem (status 500), so the account could not be checked.'],
    ['a 503 from a gateway', text('<h1>503</h1>', 503, { 'content-type': 'text/html' }), 'The server had a problem (status 503)'],
  ] as [string, Reply, string][]) {
    it(`shows an alert after ${what}, keeps Delete unusable, and "Check again" checks again`, async () => {
      const api = fakeApi({ checks: [reply, ok(clearBody())] });
      const el = await mount(api);
      expect(alertText(el)).to.contain(words);
      expect(isUnusable(deleteButton(el))).to.equal(true);
      expect(reasonOf(el)).to.equal('The account could not be checked');
      await expect(el).to.be.accessible();

      await afterNextCheck(el, () => checkAgainButton(el).click());
      expect(api.checks()).to.have.length(2);
      expect(alertText(el)).to.equal('');
      expect(checkNames(el)).to.have.length(3);
      await typeName(el, 'Acme Corp');
      expect(isUnusable(deleteButton(el))).to.equal(false);
    });
  }

  it('keeps showing the last checks but does not trust them after a re-check fails', async () => {
    const api = fakeApi({ checks: [ok(clearBody()), networkError] });
    const el = await readyToDelete(api);
    const error = oneEvent(el, 'account-delete-error');
    await afterNextCheck(el, () => checkAgainButton(el).click());
    expect((await error).detail.error).to.be.instanceOf(ConnectionError);
    expect(checkNames(el)).to.have.length(3);
    expect(isUnusable(deleteButton(el))).to.equal(true);
    expect(reasonOf(el)).to.equal('The account could not be checked');
    deleteButton(el).click();
    await quiet(el);
    expect(api.deletes()).to.have.length(0);
  });
});

describe('an answer the panel cannot trust', () => {
  const unreadable: [string, Reply][] = [
    [
      'says deletable while a check blocks',
      ok(bodyWith([{ type: 'dns_zones', status: 'blocking', count: 1, items: [{ id: 1, name: 'a.com' }] }], true)),
    ],
    ['says not deletable though every check passed', ok(bodyWith([{ type: 'dns_zones', status: 'passed', count: 0, items: [] }], false))],
    ['says deletable with a check of unknown status', ok(bodyWith([{ type: 'debts', status: 'unknown' }], true))],
    ['is broken JSON', text('{"data": {"deletable": tru', 200, { 'content-type': 'application/json' })],
    ['is an HTML page', text('<!doctype html><p>Welcome</p>', 200, { 'content-type': 'text/html' })],
    ['is empty', text('', 200, { 'content-type': 'application/json' })],
    ['has no account', ok({ data: { deletable: true, checks: [] } })],
    ['says deletable as a string', ok({ data: { account: ACCOUNT, deletable: 'true', checks: [] } })],
    ['has a check with no status', ok(bodyWith([{ type: 'dns_zones' }], true))],
    ['has no checks list', ok({ data: { account: ACCOUNT, deletable: true } })],
  ];
  for (const [what, reply] of unreadable) {
    it(`never enables Delete when the check ${what}`, async () => {
      const api = fakeApi({ checks: [reply] });
      const el = await mount(api);
      await typeName(el, 'Acme Corp');
      expect(isUnusable(deleteButton(el))).to.equal(true);
      expect(reasonOf(el)).to.be.a('string').and.not.be.empty;
      deleteButton(el).click();
      await el.retry();
      await quiet(el);
      expect(api.deletes()).to.have.length(0);
      expect(successMessage(el)).to.equal(null);
    });
  }

  it('says the answer could not be read, and sends the error event', async () => {
    const api = fakeApi({ checks: [text('{"data":', 200, { 'content-type': 'application/json' })] });
    const error = oneEvent(document, 'account-delete-error');
    const el = await mount(api);
    expect((await error).detail.error).to.be.instanceOf(InvalidResponseError);
    expect(alertText(el)).to.contain('The server’s answer could not be read, so deletion stays locked.');
    expect(checkAgainButton(el).getAttribute('aria-disabled'), 'the way forward').to.equal('false');
  });
});

describe('words from the server', () => {
  const hostile = '<img src=x onerror="window.__panelPwned=1">';
  afterEach(() => delete (window as { __panelPwned?: number }).__panelPwned);

  it('are shown as text, never as markup', async () => {
    const body = bodyWith(
      [
        { type: 'dns_zones', status: 'blocking', count: 1, items: [{ id: 1, name: hostile }] },
        { type: 'weird', status: 'blocking', title: '<b>Bold</b>', message: '<script>window.__panelPwned=1</script>' },
      ],
      false,
      { id: 9, name: hostile },
    );
    const el = await mount(fakeApi({ checks: [ok(body)] }));
    const root = el.shadowRoot!;
    expect(root.querySelectorAll('img, script, b')).to.have.length(0);
    expect(checkNames(el)).to.deep.equal([
      `DNS zones: 1 active zone must be disabled (${hostile})`,
      '<b>Bold</b>: <script>window.__panelPwned=1</script>',
    ]);
    expect(root.textContent).to.contain(hostile);
    expect(root.getElementById('confirm-hint')!.textContent).to.contain(hostile);
    await quiet(el);
    expect((window as { __panelPwned?: number }).__panelPwned).to.equal(undefined);
  });

  it('in an error are shown as text, never as markup', async () => {
    const api = fakeApi({ checks: [ok(clearBody())], deletes: [status(403, { detail: hostile }, { 'X-Request-Id': '<i>id</i>' })] });
    const el = await readyToDelete(api);
    await deleteAndSettle(el);
    expect(alertRegion(el)!.querySelectorAll('img, i')).to.have.length(0);
    expect(alertText(el)).to.contain(hostile);
    await quiet(el);
    expect((window as { __panelPwned?: number }).__panelPwned).to.equal(undefined);
  });
});

describe('the error event', () => {
  it('carries the SDK error of a failed deletion', async () => {
    const api = fakeApi({ checks: [ok(clearBody())], deletes: [status(500, { detail: 'x' })] });
    const el = await readyToDelete(api);
    const event = await deleteAndSettle(el);
    expect(event.type).to.equal('account-delete-error');
    const { error } = (event as CustomEvent<{ error: unknown }>).detail;
    expect(error).to.be.instanceOf(ServerError);
    expect((error as ServerError).status).to.equal(500);
  });
});
