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
