/**
 * Orders of events the panel once got wrong, each named by the order, each now a rule of the flow's
 * machine: the DELETE taken off the page, Check again pressed while a check is slow, an Idempotency-Key
 * kept past what ended its use, an api-base set away and back while the DELETE was out, a long list of
 * blockers, two ways forward at once, and the Azion error bodies whose words were lost.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import sinon from 'sinon';
import {
  ACCOUNT,
  afterNextCheck,
  alertRegion,
  blockedBody,
  bodyWith,
  buttonNamed,
  checkAgainButton,
  checkNames,
  clearBody,
  deleteAndSettle,
  deleteButton,
  eventually,
  fakeApi,
  held,
  isUnusable,
  mount,
  networkError,
  noContent,
  ok,
  quiet,
  readyToDelete,
  reauthBody,
  status,
  successMessage,
  typeName,
  type AccountDeletePanel,
} from './helpers.js';

afterEach(() => {
  sinon.restore();
  if (location.hash) history.replaceState(null, '', location.pathname + location.search);
});

const keyOf = (request: Request) => request.headers.get('Idempotency-Key');
const alertText = (el: HTMLElement) => el.shadowRoot!.querySelector('[role="alert"]')!.textContent!.replace(/\s+/g, ' ').trim();
/** The buttons a user could press to go on, by name, usable ones only. */
const usableButtons = (el: HTMLElement) =>
  [...el.shadowRoot!.querySelectorAll('button')].filter((button) => !isUnusable(button)).map((button) => button.textContent!.trim());

describe('orders of events', () => {
  it('DELETE out → panel taken off the page → 204 → panel put back: the success shows, account-deleted fires, the redirect follows', async () => {
    const gate = held();
    const api = fakeApi({ checks: [ok(clearBody())], deletes: [gate.reply] });
    const el = await readyToDelete(api, { redirectUrl: '#orders-done', redirectDelay: 0 });
    const deleted = sinon.spy();
    document.addEventListener('account-deleted', deleted);
    try {
      deleteButton(el).click();
      await gate.arrived;
      const parent = el.parentElement!;
      el.remove();
      gate.release(noContent);
      await quiet(el);
      parent.append(el);
      await eventually(() => location.hash === '#orders-done', 'the browser goes on');
      expect(api.deletes()[0]!.signal.aborted, 'the DELETE was never aborted').to.equal(false);
      expect(deleted.callCount).to.equal(1);
      expect(successMessage(el)).to.exist;
    } finally {
      document.removeEventListener('account-deleted', deleted);
    }
  });

  it('DELETE out → panel taken off the page → 500 → panel put back: account-delete-error reaches the page then, once', async () => {
    // Before: the error event was sent while the panel was off the page, where no listener up the tree hears it.
    const gate = held();
    const api = fakeApi({ checks: [ok(clearBody())], deletes: [gate.reply] });
    const el = await readyToDelete(api, { redirectDelay: 60_000 });
    const errors: boolean[] = [];
    const onError = (event: Event) => errors.push((event.target as Element).isConnected);
    document.addEventListener('account-delete-error', onError);
    try {
      deleteButton(el).click();
      await gate.arrived;
      const parent = el.parentElement!;
      el.remove();
      gate.release(status(500));
      await eventually(() => el.flow.getSnapshot().status === 'delete-failed', 'the answer taken off the page');
      await quiet(el);
      expect(errors, 'nothing while away').to.deep.equal([]);
      parent.append(el);
      await quiet(el);
      expect(errors, 'told once, with the panel on the page').to.deep.equal([true]);
      expect(alertText(el)).to.contain('500');
    } finally {
      document.removeEventListener('account-delete-error', onError);
    }
  });

  it('DELETE out → taken off → 401 fresh sign-in → put back → a page listener takes it off at the first event: the flow knows it is away, the second event waits', async () => {
    // Before: the held events went out before the flow heard the panel was back, so the flow took it
    // as on the page while it was off it again (a retry() then sent a DELETE from there), and the
    // second event went out off the page, heard by no listener of the page.
    const gate = held();
    const api = fakeApi({ checks: [ok(clearBody())], deletes: [gate.reply, noContent] });
    const el = await readyToDelete(api, { redirectDelay: 60_000 });
    const parent = el.parentElement!;
    const heard: string[] = [];
    const first = (event: Event) => {
      heard.push(event.type);
      if (heard.length === 1) el.remove();
    };
    document.addEventListener('account-delete-error', first);
    document.addEventListener('account-delete-reauth-required', first);
    try {
      deleteButton(el).click();
      await gate.arrived;
      el.remove();
      gate.release(status(401, reauthBody()));
      await eventually(() => el.flow.getSnapshot().status === 'delete-failed', 'the answer taken off the page');
      parent.append(el);
      await quiet(el);
      expect([heard.length, el.isConnected]).to.deep.equal([1, false]);
      await el.retry();
      await quiet(el);
      expect(api.deletes(), 'nothing sent from off the page').to.have.length(1);
      parent.append(el);
      await quiet(el);
      expect([...heard].sort()).to.deep.equal(['account-delete-error', 'account-delete-reauth-required']);
    } finally {
      document.removeEventListener('account-delete-error', first);
      document.removeEventListener('account-delete-reauth-required', first);
    }
  });

  it('DELETE out → taken off → 409 that names nothing → the flow\'s own check answers 401 fresh sign-in → put back: the page hears all of it, in order', async () => {
    // Before (for a moment): the check the flow started after the 409 was taken as a check of its own,
    // and its news went to the panel off the page, where no listener of the page heard it.
    const gate = held();
    const api = fakeApi({ checks: [ok(clearBody()), status(401, reauthBody())], deletes: [gate.reply] });
    const el = await readyToDelete(api, { redirectDelay: 60_000 });
    const parent = el.parentElement!;
    const heard: string[] = [];
    const hear = (event: Event) => heard.push(event.type);
    const types = ['account-delete-error', 'account-delete-reauth-required', 'account-delete-checked'];
    for (const type of types) document.addEventListener(type, hear);
    try {
      deleteButton(el).click();
      await gate.arrived;
      el.remove();
      gate.release(status(409, { detail: 'Refused.' }));
      await eventually(() => api.checks().length === 2 && el.flow.getSnapshot().status === 'check-failed', 'the flow\'s check answered');
      await quiet(el);
      expect(heard, 'nothing while away').to.deep.equal([]);
      parent.append(el);
      await quiet(el);
      expect(heard).to.deep.equal(['account-delete-error', 'account-delete-error', 'account-delete-reauth-required']);
    } finally {
      for (const type of types) document.removeEventListener(type, hear);
    }
  });

  it('a check out → taken off the page → it fails → put back: that check\'s news is not kept for the return (only a DELETE\'s outcome is)', async () => {
    const gate = held();
    const api = fakeApi({ checks: [gate.reply, ok(clearBody())] });
    const el = await mount(api, { settle: false });
    await gate.arrived;
    const parent = el.parentElement!;
    const errors = sinon.spy();
    document.addEventListener('account-delete-error', errors);
    try {
      el.remove();
      gate.release(status(500));
      await eventually(() => el.flow.getSnapshot().status === 'check-failed', 'the answer taken off the page');
      parent.append(el);
      await quiet(el, 50);
      expect(errors.callCount).to.equal(0);
    } finally {
      document.removeEventListener('account-delete-error', errors);
    }
  });

  it('DELETE out → taken off → 401 fresh sign-in → put back → a listener moves the panel at the first event: the page hears both, in order', async () => {
    // Before: the move started a second flush inside the first, and the page heard the second event first.
    const gate = held();
    const api = fakeApi({ checks: [ok(clearBody())], deletes: [gate.reply] });
    const el = await readyToDelete(api, { redirectDelay: 60_000 });
    const parent = el.parentElement!;
    const other = document.createElement('div');
    parent.after(other);
    const heard: string[] = [];
    const hear = (event: Event) => heard.push(event.type);
    let moved = false;
    parent.addEventListener('account-delete-error', () => moved || ((moved = true), other.append(el)));
    document.addEventListener('account-delete-error', hear);
    document.addEventListener('account-delete-reauth-required', hear);
    try {
      deleteButton(el).click();
      await gate.arrived;
      el.remove();
      gate.release(status(401, reauthBody()));
      await eventually(() => el.flow.getSnapshot().status === 'delete-failed', 'the answer taken off the page');
      parent.append(el);
      await quiet(el);
      expect(heard).to.deep.equal(['account-delete-error', 'account-delete-reauth-required']);
    } finally {
      document.removeEventListener('account-delete-error', hear);
      document.removeEventListener('account-delete-reauth-required', hear);
      other.remove();
    }
  });

  it('on the page → the DELETE answers 401 fresh sign-in → a page listener takes the panel off at the first event → put back: the second event is told then', async () => {
    // Before: the second event went to the panel off the page, where no listener of the page heard it.
    const api = fakeApi({ checks: [ok(clearBody())], deletes: [status(401, reauthBody())] });
    const el = await readyToDelete(api, { redirectDelay: 60_000 });
    const parent = el.parentElement!;
    const heard: string[] = [];
    const first = (event: Event) => {
      heard.push(event.type);
      if (heard.length === 1) el.remove();
    };
    document.addEventListener('account-delete-error', first);
    document.addEventListener('account-delete-reauth-required', first);
    try {
      deleteButton(el).click();
      await eventually(() => heard.length === 1, 'the first event');
      await quiet(el);
      expect(heard).to.have.length(1);
      parent.append(el);
      await quiet(el);
      expect([...heard].sort()).to.deep.equal(['account-delete-error', 'account-delete-reauth-required']);
    } finally {
      document.removeEventListener('account-delete-error', first);
      document.removeEventListener('account-delete-reauth-required', first);
    }
  });

  it('DELETE out → taken off → 500 → put into a document with no window → then back on the page: the error is told once, on the page', async () => {
    const gate = held();
    const api = fakeApi({ checks: [ok(clearBody())], deletes: [gate.reply] });
    const el = await readyToDelete(api, { redirectDelay: 60_000 });
    const parent = el.parentElement!;
    const where: boolean[] = [];
    el.addEventListener('account-delete-error', () => where.push(el.ownerDocument === document && el.isConnected));
    deleteButton(el).click();
    await gate.arrived;
    el.remove();
    gate.release(status(500));
    await eventually(() => el.flow.getSnapshot().status === 'delete-failed', 'the answer taken off the page');
    const windowless = document.implementation.createHTMLDocument('');
    windowless.body.append(el);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(where, 'not told where no page is').to.deep.equal([]);
    parent.append(el);
    await quiet(el);
    expect(where).to.deep.equal([true]);
  });

  it('a slow check → Check again pressed 20 times: one GET', async () => {
    const gate = held();
    const api = fakeApi({ checks: [gate.reply] });
    const el = await mount(api, { settle: false });
    await gate.arrived;
    await el.updateComplete;
    for (let i = 0; i < 20; i++) checkAgainButton(el).click();
    await quiet(el);
    expect(api.checks()).to.have.length(1);
    gate.release(ok(blockedBody()));
  });

  it('lost DELETE answer → check: still there and blocked → check: clear → Delete: a fresh key', async () => {
    const api = fakeApi({ checks: [ok(clearBody()), ok(blockedBody()), ok(clearBody())], deletes: [networkError, noContent] });
    const el = await readyToDelete(api, { redirectDelay: 60_000 });
    await deleteAndSettle(el);
    await afterNextCheck(el, () => checkAgainButton(el).click());
    await afterNextCheck(el, () => checkAgainButton(el).click());
    await deleteAndSettle(el);
    const [lost, next] = api.deletes().map(keyOf);
    expect(next, 'that deletion is known not to have happened').to.not.equal(lost);
  });

  it('lost DELETE answer → the host swaps client → check: clear → Delete: a fresh key', async () => {
    const api = fakeApi({ checks: [ok(clearBody())], deletes: [networkError] });
    const el = await readyToDelete(api, { redirectDelay: 60_000 });
    await deleteAndSettle(el);
    const other = fakeApi({ checks: [ok(clearBody())], deletes: [noContent] });
    await afterNextCheck(el, () => (el.client = other.client));
    await typeName(el, ACCOUNT.name);
    await deleteAndSettle(el);
    expect(other.deletes()).to.have.length(1);
    expect(keyOf(other.deletes()[0]!)).to.not.equal(keyOf(api.deletes()[0]!));
  });

  it('DELETE out → api-base /one → /two → /one → 503 → Delete: the repeat goes to /one with the same Idempotency-Key', async () => {
    const gate = held();
    const api = fakeApi({ checks: [ok(clearBody())], deletes: [gate.reply, noContent] });
    sinon.stub(window, 'fetch').callsFake(api.fetch);
    const checked = oneEvent(document, 'account-delete-checked');
    const el = await fixture<AccountDeletePanel>(html`<account-delete-panel api-base="/one" redirect-url="#orders-done" redirect-delay="60000"></account-delete-panel>`);
    await checked;
    await el.updateComplete;
    await typeName(el, ACCOUNT.name);
    deleteButton(el).click();
    await gate.arrived;
    // A host's config (or a framework re-rendering with a passing value) flips api-base away and back.
    el.setAttribute('api-base', '/two');
    el.setAttribute('api-base', '/one');
    gate.release(status(503));
    await eventually(() => !isUnusable(deleteButton(el)), 'Delete usable again');
    await deleteAndSettle(el);
    const deletes = api.deletes();
    expect(deletes.map((request) => new URL(request.url).pathname)).to.deep.equal(['/one/v3/account/1234', '/one/v3/account/1234']);
    expect(keyOf(deletes[1]!), 'the same server, the same account, the outcome unknown: the same key').to.equal(keyOf(deletes[0]!));
  });

  it('a check blocked by 60 DNS zones: shows what blocks (the first names, then "and 55 more"), not an error', async () => {
    const items = Array.from({ length: 60 }, (_, i) => ({ id: i + 1, name: `zone${i + 1}.example` }));
    const el = await mount(fakeApi({ checks: [ok(bodyWith([{ type: 'dns_zones', status: 'blocking', count: 60, items }]))] }));
    expect(alertRegion(el)!.textContent!.trim()).to.equal('');
    expect(checkNames(el)).to.deep.equal([
      'DNS zones: 60 active zones must be disabled (zone1.example, zone2.example, zone3.example, zone4.example, zone5.example and 55 more)',
    ]);
    await typeName(el, ACCOUNT.name);
    expect(isUnusable(deleteButton(el))).to.equal(true);
  });

  it('a 500 on the DELETE: one way forward, Delete (no "Try again" beside it)', async () => {
    const el = await readyToDelete(fakeApi({ checks: [ok(clearBody())], deletes: [status(500)] }));
    await deleteAndSettle(el);
    expect(usableButtons(el)).to.deep.equal(['Check again', 'Delete account']);
    expect(buttonNamed(el, 'Try again')).to.equal(undefined);
  });

  it('a failed check: one way forward, Check again (no "Try again" beside it)', async () => {
    const el = await mount(fakeApi({ checks: [status(500)] }));
    expect(usableButtons(el)).to.deep.equal(['Check again']);
  });

  it('a 403 on the DELETE, "not allowed, contact support": nothing offers to repeat it', async () => {
    const api = fakeApi({ checks: [ok(clearBody())], deletes: [status(403, { detail: 'This account is not allowed to be deleted.' })] });
    const el = await readyToDelete(api);
    await deleteAndSettle(el);
    expect(alertText(el)).to.contain('contact support');
    expect(usableButtons(el)).to.deep.equal(['Check again']);
    await el.retry();
    deleteButton(el).click();
    await quiet(el);
    expect(api.deletes()).to.have.length(1);
  });

  for (const [shape, body, words] of [
    ['field errors under detail', { detail: { account: ['This account has an open invoice.'] } }, 'account: This account has an open invoice.'],
    ['a list of sentences under errors', { errors: ['This account has an open invoice.'] }, 'This account has an open invoice.'],
  ] as const) {
    it(`a 403 on the DELETE with ${shape}: the server's words reach the user`, async () => {
      const el = await readyToDelete(fakeApi({ checks: [ok(clearBody())], deletes: [status(403, body)] }));
      await deleteAndSettle(el);
      expect(alertText(el)).to.equal(`${words} If you think this is a mistake, contact support.`);
    });
  }
});
