import { expect, oneEvent } from '@open-wc/testing';
import sinon from 'sinon';
import {
  afterNextCheck,
  blockedBody,
  checkAgainButton,
  checkNames,
  clearBody,
  deleteAndSettle,
  deleteButton,
  eventually,
  fakeApi,
  hang,
  held,
  isUnusable,
  mount,
  noContent,
  ok,
  quiet,
  readyToDelete,
  reasonOf,
  statusRegion,
  successMessage,
  textbox,
  typeName,
} from './helpers.js';

let clock: sinon.SinonFakeTimers;

/** Only Date is faked: the panel throttles by Date.now(), while Lit, fetch and waitUntil keep real time. */
beforeEach(() => {
  clock = sinon.useFakeTimers({ now: Date.now(), toFake: ['Date'] });
  // The runner's page may be a background tab; these tests are about a user who is looking at it.
  pageIs('visible');
});

afterEach(() => {
  sinon.restore();
  delete (document as { visibilityState?: unknown }).visibilityState;
  history.replaceState(null, '', location.pathname + location.search);
});

const comeBackByFocus = () => window.dispatchEvent(new Event('focus'));
const comeBackToTab = () => document.dispatchEvent(new Event('visibilitychange'));

function pageIs(state: DocumentVisibilityState): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
}

describe('the first check', () => {
  it('goes on connect even when the host read the panel\'s flow before putting it on the page', async () => {
    // Before, the first connect of a panel whose flow already existed said "shown again": no GET went.
    const api = fakeApi({ checks: [ok(clearBody())] });
    const el = document.createElement('account-delete-panel');
    el.client = api.client;
    const heard: string[] = [];
    el.flow.subscribe(() => heard.push(el.flow.getSnapshot().status));
    document.body.append(el);
    try {
      await eventually(() => el.flow.getSnapshot().status === 'ready', 'the checks read');
      expect(api.checks().length).to.equal(1);
      expect(heard).to.include('ready');
    } finally {
      el.remove();
    }
  });
});

describe('coming back to the page', () => {
  it('checks again when the window regains focus', async () => {
    const api = fakeApi();
    const el = await mount(api);
    clock.tick(5_001);
    await afterNextCheck(el, comeBackByFocus);
    expect(api.checks()).to.have.length(2);
  });

  it('checks again when the tab becomes visible', async () => {
    const api = fakeApi();
    const el = await mount(api);
    clock.tick(5_001);
    pageIs('visible');
    await afterNextCheck(el, comeBackToTab);
    expect(api.checks()).to.have.length(2);
  });

  it('does not check when the tab is hidden', async () => {
    const api = fakeApi();
    const el = await mount(api);
    clock.tick(60_000);
    pageIs('hidden');
    comeBackToTab();
    comeBackByFocus();
    await quiet(el);
    expect(api.checks()).to.have.length(1);
  });

  it('checks at most once every 5 seconds', async () => {
    const api = fakeApi();
    const el = await mount(api);
    clock.tick(4_000);
    comeBackByFocus();
    comeBackToTab();
    await quiet(el);
    expect(api.checks(), 'not within 5 s of the first check').to.have.length(1);

    clock.tick(1_001);
    await afterNextCheck(el, comeBackByFocus);
    comeBackByFocus();
    comeBackToTab();
    clock.tick(4_900);
    comeBackByFocus();
    await quiet(el);
    expect(api.checks()).to.have.length(2);

    clock.tick(200);
    await afterNextCheck(el, comeBackToTab);
    expect(api.checks()).to.have.length(3);
  });

  it('unlocks Delete without a reload once a blocker was resolved in another tab', async () => {
    const api = fakeApi({ checks: [ok(blockedBody()), ok(clearBody())] });
    const el = await mount(api);
    await typeName(el, 'Acme Corp');
    expect(reasonOf(el)).to.equal('Resolve 2 items first');

    clock.tick(5_001);
    await afterNextCheck(el, comeBackByFocus);
    expect(checkNames(el)).to.deep.equal(['DNS zones: resolved', 'Edge applications: resolved', 'Debts: resolved']);
    expect(textbox(el)!.value).to.equal('Acme Corp');
    expect(isUnusable(deleteButton(el))).to.equal(false);
    expect(statusRegion(el).textContent!.trim()).to.equal('Nothing blocks deletion any more.');
  });

  it('locks Delete again when the check comes back for another account', async () => {
    const api = fakeApi({ checks: [ok(clearBody()), ok(clearBody({ id: 99, name: 'Other Inc' }))] });
    const el = await mount(api);
    await typeName(el, 'Acme Corp');
    expect(isUnusable(deleteButton(el))).to.equal(false);
    clock.tick(5_001);
    await afterNextCheck(el, comeBackByFocus);
    expect(isUnusable(deleteButton(el))).to.equal(true);
    expect(reasonOf(el)).to.equal('Type the account name first');
    deleteButton(el).click();
    await quiet(el);
    expect(api.deletes()).to.have.length(0);
  });

  it('never checks while the account is being deleted', async () => {
    const gate = held();
    const api = fakeApi({ checks: [ok(clearBody())], deletes: [gate.reply] });
    const el = await readyToDelete(api, { redirectDelay: 60_000 });
    deleteButton(el).click();
    await gate.arrived;
    clock.tick(60_000);
    comeBackByFocus();
    comeBackToTab();
    await quiet(el);
    expect(api.checks()).to.have.length(1);
    gate.release(noContent);
    await eventually(() => successMessage(el), 'deleted');
  });

  it('never checks after the account was deleted', async () => {
    const api = fakeApi({ checks: [ok(clearBody())] });
    const el = await readyToDelete(api, { redirectDelay: 60_000 });
    await deleteAndSettle(el);
    clock.tick(60_000);
    comeBackByFocus();
    comeBackToTab();
    await el.refresh();
    await quiet(el);
    expect(api.checks()).to.have.length(1);
    expect(successMessage(el)).to.exist;
  });
});

describe('"Check again"', () => {
  it('checks at once, with no throttle, and unlocks Delete when nothing blocks any more', async () => {
    const api = fakeApi({ checks: [ok(blockedBody()), ok(clearBody())] });
    const el = await mount(api);
    await typeName(el, 'Acme Corp');
    await afterNextCheck(el, () => checkAgainButton(el).click());
    expect(api.checks()).to.have.length(2);
    expect(isUnusable(deleteButton(el))).to.equal(false);
  });

  it('keeps the last checks on show but Delete unusable while the new check runs', async () => {
    const gate = held();
    const api = fakeApi({ checks: [ok(clearBody()), gate.reply] });
    const el = await readyToDelete(api);
    expect(isUnusable(deleteButton(el))).to.equal(false);
    checkAgainButton(el).click();
    await gate.arrived;
    await el.updateComplete;
    expect(checkNames(el)).to.have.length(3);
    expect(isUnusable(deleteButton(el))).to.equal(true);
    expect(reasonOf(el)).to.equal('Wait for the account check to finish');
    // Each check is announced, and its outcome after it, even when nothing changed.
    expect(statusRegion(el).textContent!.trim()).to.equal('Checking your account…');
    await expect(el).to.be.accessible();
    deleteButton(el).click();
    gate.release(ok(clearBody()));
    await eventually(() => !isUnusable(deleteButton(el)), 'Delete usable after the check');
    expect(statusRegion(el).textContent!.trim()).to.equal('Nothing blocks deletion any more.');
    expect(api.deletes()).to.have.length(0);
  });

  it('fires account-delete-checked each time, and refresh() does the same', async () => {
    const api = fakeApi();
    const el = await mount(api);
    const checked = sinon.spy();
    el.addEventListener('account-delete-checked', checked);
    await afterNextCheck(el, () => checkAgainButton(el).click());
    await afterNextCheck(el, () => el.refresh());
    expect(checked.callCount).to.equal(2);
    expect(api.checks()).to.have.length(3);
  });
});

describe('leaving the page', () => {
  it('lets a check in flight go on when taken off the page, and reports no error for it', async () => {
    const api = fakeApi({ checks: [hang] });
    const el = await mount(api, { settle: false });
    await eventually(() => api.checks().length === 1, 'the check was sent');
    const errors = sinon.spy();
    el.addEventListener('account-delete-error', errors);
    el.remove();
    expect(api.checks()[0]!.signal.aborted).to.equal(false);
    await quiet(el);
    expect(errors.called).to.equal(false);
  });

  it('never aborts a DELETE in flight: an abort could not undo it, only lose its answer', async () => {
    const gate = held();
    const api = fakeApi({ checks: [ok(clearBody())], deletes: [gate.reply] });
    const el = await readyToDelete(api);
    deleteButton(el).click();
    await gate.arrived;
    el.remove();
    expect(api.deletes()[0]!.signal.aborted).to.equal(false);
  });

  it('stops listening for focus and visibility', async () => {
    const api = fakeApi();
    const el = await mount(api);
    el.remove();
    clock.tick(60_000);
    comeBackByFocus();
    comeBackToTab();
    await quiet(el);
    expect(api.requests).to.have.length(1);
  });

  it('listens again, and checks again when put back after a while', async () => {
    const api = fakeApi();
    const el = await mount(api);
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await quiet(el);
    expect(api.checks(), 'a quick move asks nothing').to.have.length(1);
    el.remove();
    clock.tick(5_001);
    await afterNextCheck(el, () => parent.append(el));
    expect(api.checks()).to.have.length(2);
    clock.tick(5_001);
    await afterNextCheck(el, comeBackByFocus);
    expect(api.checks()).to.have.length(3);
  });

  it('sends no second DELETE when moved while the DELETE is in flight, and tells its success', async () => {
    const gate = held();
    const api = fakeApi({ checks: [ok(clearBody())], deletes: [gate.reply] });
    const el = await readyToDelete(api, { redirectDelay: 60_000 });
    deleteButton(el).click();
    await gate.arrived;
    const parent = el.parentElement!;
    const deleted = oneEvent(el, 'account-deleted');
    parent.append(document.createElement('span'));
    parent.append(el); // disconnect and connect again, as a framework moving the element does
    gate.release(noContent);
    await deleted;
    await quiet(el);
    expect(api.deletes()).to.have.length(1);
    expect(successMessage(el)).to.exist;
  });

  it('sends no second DELETE when removed and put back later, and tells its success then', async () => {
    const gate = held();
    const api = fakeApi({ checks: [ok(clearBody())], deletes: [gate.reply] });
    const el = await readyToDelete(api, { redirectDelay: 60_000 });
    deleteButton(el).click();
    await gate.arrived;
    const parent = el.parentElement!;
    el.remove();
    const heard = sinon.spy();
    el.addEventListener('account-deleted', heard);
    gate.release(noContent);
    await quiet(el);
    expect(heard.called, 'not told while off the page').to.equal(false);
    parent.append(el);
    await quiet(el);
    expect(heard.callCount).to.equal(1);
    expect(api.deletes()).to.have.length(1);
    expect(api.checks(), 'no check once deleted').to.have.length(1);
  });

  it('does not redirect after it was removed, and redirects when put back', async () => {
    const api = fakeApi({ checks: [ok(clearBody())] });
    const el = await readyToDelete(api, { redirectUrl: '#after-removal', redirectDelay: 50 });
    await deleteAndSettle(el);
    const parent = el.parentElement!;
    el.remove();
    await quiet(el, 150);
    expect(location.hash).to.equal('');
    parent.append(el);
    await eventually(() => location.hash === '#after-removal', 'redirected once back on the page');
  });
});

