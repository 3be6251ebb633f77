import { expect, fixtureSync, html, oneEvent } from '@open-wc/testing';
import sinon from 'sinon';
import { AccountDeletionError, ConnectionError, ReauthenticationRequiredError } from '../../src/index.js';
import {
  ACCOUNT,
  blockedBody,
  clearBody,
  deleteAndSettle,
  deleteButton,
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
  reasonOf,
  successMessage,
  typeName,
  type AccountDeletePanel,
  type FakeApi,
} from './helpers.js';

afterEach(() => {
  sinon.restore();
  history.replaceState(null, '', location.pathname + location.search);
});

const EVENTS = [
  'account-delete-checked',
  'account-delete-request',
  'account-deleted',
  'account-delete-error',
  'account-delete-reauth-required',
] as const;

/** A panel inside another element's shadow root, as in a portal built of components. */
async function nestedPanel(api: FakeApi): Promise<AccountDeletePanel> {
  const host = fixtureSync<HTMLDivElement>(html`<div></div>`);
  const shadow = host.attachShadow({ mode: 'open' });
  const el = document.createElement('account-delete-panel');
  el.client = api.client;
  el.redirectUrl = '#deleted-nested';
  el.redirectDelay = 60_000;
  shadow.append(el);
  return el;
}

describe('every event', () => {
  it('bubbles out of an enclosing shadow root, with the cancelability the contract gives', async () => {
    const seen = new Map<string, Event>();
    const record = (event: Event) => seen.set(event.type, event);
    for (const type of EVENTS) document.addEventListener(type, record);
    try {
      const api = fakeApi({ checks: [ok(clearBody())], deletes: [status(401, reauthBody()), noContent] });
      const checked = oneEvent(document, 'account-delete-checked');
      const el = await nestedPanel(api);
      await checked;
      await el.updateComplete;
      await typeName(el, ACCOUNT.name);
      await deleteAndSettle(el); // request, reauth-required, error
      const deleted = oneEvent(document, 'account-deleted');
      await el.retry(); // request, deleted
      await deleted;

      expect([...seen.keys()].sort()).to.deep.equal([...EVENTS].sort());
      for (const event of seen.values()) {
        expect(event, event.type).to.be.instanceOf(CustomEvent);
        expect(event.bubbles, `${event.type} bubbles`).to.equal(true);
        expect(event.composed, `${event.type} is composed`).to.equal(true);
      }
      const cancelable = [...seen.values()].filter((e) => e.cancelable).map((e) => e.type);
      expect(cancelable.sort()).to.deep.equal(['account-delete-request', 'account-deleted']);
    } finally {
      for (const type of EVENTS) document.removeEventListener(type, record);
    }
  });
});

describe('account-delete-checked', () => {
  it("gives the SDK's parsed checks, in camelCase", async () => {
    const checked = oneEvent(document, 'account-delete-checked');
    await mount(fakeApi({ checks: [ok(blockedBody())] }));
    const { preconditions } = (await checked).detail;
    expect(preconditions.account).to.deep.equal({ id: 1234, name: 'Acme Corp', kind: 'client' });
    expect(preconditions.deletable).to.equal(false);
    expect(preconditions.checkedAt).to.equal('2026-11-28T10:00:00Z');
    expect(preconditions.checks[0]).to.include({ type: 'dns_zones', status: 'blocking', count: 2, resolveUrl: 'https://console.azion.com/edge-dns' });
    expect(preconditions.checks[2]!.amount).to.deep.equal({ value: '120.50', currency: 'USD' });
    expect(preconditions).to.not.have.property('checked_at');
    expect(preconditions.checks[0]).to.not.have.property('resolve_url');
  });
});

describe('account-delete-request', () => {
  it('comes before the DELETE with the account, and preventDefault() sends none', async () => {
    const api = fakeApi({ checks: [ok(clearBody())] });
    const el = await readyToDelete(api);
    const errors = sinon.spy();
    el.addEventListener('account-delete-error', errors);
    el.addEventListener('account-delete-request', (event) => {
      expect(api.deletes(), 'nothing sent yet').to.have.length(0);
      expect(event.detail.account).to.deep.equal(ACCOUNT);
      event.preventDefault();
    });
    deleteButton(el).click();
    await quiet(el);
    expect(api.deletes()).to.have.length(0);
    expect(errors.called).to.equal(false);
    expect(successMessage(el)).to.equal(null);
    expect(isUnusable(deleteButton(el)), 'the user can still go ahead once the host allows it').to.equal(false);
  });

  it('lets the DELETE go when no listener stops it', async () => {
    const api = fakeApi({ checks: [ok(clearBody())] });
    const el = await readyToDelete(api, { redirectDelay: 60_000 });
    const request = oneEvent(el, 'account-delete-request');
    await deleteAndSettle(el);
    expect((await request).defaultPrevented).to.equal(false);
    expect(api.deletes()).to.have.length(1);
  });

  it('sends one DELETE even when a listener clicks Delete again', async () => {
    const api = fakeApi({ checks: [ok(clearBody())] });
    const el = await readyToDelete(api, { redirectDelay: 60_000 });
    el.addEventListener('account-delete-request', () => deleteButton(el).click());
    await deleteAndSettle(el);
    await quiet(el);
    expect(api.deletes()).to.have.length(1);
  });

  it('sends no DELETE when a listener takes the panel off the page', async () => {
    const api = fakeApi({ checks: [ok(clearBody())] });
    const el = await readyToDelete(api);
    el.addEventListener('account-delete-request', () => el.remove());
    deleteButton(el).click();
    await quiet(el);
    expect(api.deletes()).to.have.length(0);
  });
});

describe('account-deleted', () => {
  it('gives the account and the redirect URL', async () => {
    const api = fakeApi({ checks: [ok(clearBody())], deletes: [noContent] });
    const el = await readyToDelete(api, { redirectUrl: '#next-page', redirectDelay: 60_000 });
    const event = (await deleteAndSettle(el)) as CustomEvent;
    expect(event.type).to.equal('account-deleted');
    expect(event.detail).to.deep.equal({ account: ACCOUNT, redirectUrl: '#next-page' });
  });

  it('preventDefault() stops the redirect and keeps the success message', async () => {
    const api = fakeApi({ checks: [ok(clearBody())] });
    const el = await readyToDelete(api, { redirectUrl: '#must-not-go', redirectDelay: 0 });
    el.addEventListener('account-deleted', (event) => event.preventDefault());
    await deleteAndSettle(el);
    await quiet(el, 100);
    expect(location.hash).to.equal('');
    expect(successMessage(el)!.textContent).to.contain('Your account has been successfully deleted.');
    expect(el.shadowRoot!.querySelector('[part="go-now-link"]')).to.equal(null);
  });
});

describe('account-delete-error', () => {
  it('gives the SDK error when the check fails', async () => {
    const error = oneEvent(document, 'account-delete-error');
    await mount(fakeApi({ checks: [networkError] }));
    const { detail } = await error;
    expect(detail.error).to.be.instanceOf(ConnectionError);
    expect(detail.error).to.be.instanceOf(AccountDeletionError);
  });
});

describe('account-delete-reauth-required', () => {
  it('gives the account, after the error event carries the reauthentication error', async () => {
    const api = fakeApi({ checks: [ok(clearBody())], deletes: [status(401, reauthBody())] });
    const el = await readyToDelete(api);
    const order: string[] = [];
    el.addEventListener('account-delete-reauth-required', (e) => order.push(`${e.type}:${e.detail.account?.id}`));
    el.addEventListener('account-delete-error', (e) => {
      expect(e.detail.error).to.be.instanceOf(ReauthenticationRequiredError);
      order.push(e.type);
    });
    await deleteAndSettle(el);
    await el.updateComplete;
    expect(order).to.have.members(['account-delete-reauth-required:1234', 'account-delete-error']);
  });
});

describe('a listener that acts at once', () => {
  it('can call retry() inside account-delete-reauth-required, and the DELETE goes again', async () => {
    const api = fakeApi({ checks: [ok(clearBody())], deletes: [status(401, reauthBody()), noContent] });
    const el = await readyToDelete(api, { redirectDelay: 60_000 });
    // A host whose session was renewed already (say by a token that refreshes itself).
    el.addEventListener('account-delete-reauth-required', () => void el.retry(), { once: true });
    const deleted = oneEvent(el, 'account-deleted');
    deleteButton(el).click();
    await deleted;
    expect(api.deletes()).to.have.length(2);
  });

  it('that checks again on account-delete-checked leaves Delete locked until that check is read', async () => {
    const gate = held();
    const api = fakeApi({ checks: [ok(clearBody()), gate.reply] });
    const el = await mount(api, { settle: false });
    el.addEventListener('account-delete-checked', () => void el.refresh(), { once: true });
    await gate.arrived;
    await typeName(el, 'Acme Corp');
    expect(isUnusable(deleteButton(el))).to.equal(true);
    expect(reasonOf(el)).to.equal('Wait for the account check to finish');
    deleteButton(el).click();
    await quiet(el);
    expect(api.deletes()).to.have.length(0);
    const checked = oneEvent(el, 'account-delete-checked');
    gate.release(ok(clearBody()));
    await checked;
    await el.updateComplete;
    expect(isUnusable(deleteButton(el))).to.equal(false);
  });

  it('that checks again on account-delete-error shows the check running, not the old failure', async () => {
    const gate = held();
    const api = fakeApi({ checks: [networkError, gate.reply] });
    const el = await mount(api, { settle: false });
    el.addEventListener('account-delete-error', () => void el.refresh(), { once: true });
    await gate.arrived;
    await el.updateComplete;
    expect(reasonOf(el)).to.equal('Wait for the account check to finish');
    gate.release(ok(clearBody()));
    await oneEvent(el, 'account-delete-checked');
  });
});

describe('refresh() and retry()', () => {
  it('retry() does nothing when nothing failed', async () => {
    const api = fakeApi({ checks: [ok(clearBody())] });
    const el = await readyToDelete(api);
    await el.retry();
    await quiet(el);
    expect(api.requests).to.have.length(1);
  });

  it('retry() after a failed check checks again', async () => {
    const api = fakeApi({ checks: [networkError, ok(clearBody())] });
    const el = await mount(api);
    const checked = oneEvent(el, 'account-delete-checked');
    await el.retry();
    await checked;
    expect(api.checks()).to.have.length(2);
  });
});
