/**
 * `<account-delete-dialog>`: the account page's Delete account button and the window it opens, with
 * the whole flow inside. What a page and a user meet: nothing asked before opening, one GET per
 * opening, a modal window with the page behind it inert, Esc and Close (but not while the DELETE is
 * out), the focus back on the button, the events out of it, and the way from the button to the
 * redirect by keyboard alone.
 */
import { expect, fixtureSync, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../../components/account-delete-dialog/account-delete-dialog.js';
import type { AccountDeleteDialog } from '../../components/account-delete-dialog/account-delete-dialog.js';
import type { AccountDeletePanel } from '../../components/account-delete-panel/account-delete-panel.js';
import { blockedBody, bodyWith, clearBody, eventually, fakeApi, hang, held, langOf, noContent, ok, quiet, reauthBody, status, type FakeApi } from '../panel/helpers.js';
import { createAccountDeletionClient } from '../../src/index.js';
import type { Strings } from '../../src/flow/index.js';
import { onlyWhereLauncherCan } from '../launcher.js';

afterEach(() => {
  sinon.restore();
  if (location.hash) history.replaceState(null, '', location.pathname + location.search);
});

interface Page {
  root: HTMLElement;
  el: AccountDeleteDialog;
  outside: HTMLButtonElement;
}

async function page(api: FakeApi, attributes = ''): Promise<Page> {
  // Not `fixture`: for a root that is no Lit element it waits for an animation frame, which a test page
  // in the background never gets.
  const root = fixtureSync<HTMLElement>(html`<div>
    <button id="outside">Something else on the page</button>
    <account-delete-dialog .client=${api.client} redirect-url="#gone" redirect-delay="60000"></account-delete-dialog>
  </div>`);
  const el = root.querySelector('account-delete-dialog')!;
  for (const attribute of attributes.split(' ').filter(Boolean)) el.setAttribute(attribute, '');
  await el.updateComplete;
  return { root, el, outside: root.querySelector('#outside')! };
}

const shadow = (el: AccountDeleteDialog) => el.shadowRoot!;
const trigger = (el: AccountDeleteDialog) => shadow(el).querySelector<HTMLButtonElement>('[part="trigger"]')!;
const dialog = (el: AccountDeleteDialog) => shadow(el).querySelector('dialog')!;
const closeButton = (el: AccountDeleteDialog) => shadow(el).querySelector<HTMLButtonElement>('[part="close-button"]')!;
const panelOf = (el: AccountDeleteDialog) => shadow(el).querySelector<AccountDeletePanel>('account-delete-panel');
const inPanel = (el: AccountDeleteDialog, selector: string) => panelOf(el)!.shadowRoot!.querySelector<HTMLElement>(selector);

/** Opens the window with the button, and waits for the checks to be read. */
async function open(el: AccountDeleteDialog): Promise<void> {
  const checked = oneEvent(el, 'account-delete-checked');
  trigger(el).click();
  await checked;
  await panelOf(el)!.updateComplete;
  await el.updateComplete;
}

/** A window in a French part of the page, with the host's `strings`, opened. */
async function openInFrench(api: FakeApi, strings: Partial<Strings>): Promise<AccountDeleteDialog> {
  const root = fixtureSync<HTMLElement>(html`<div lang="fr">
    <account-delete-dialog .client=${api.client} .strings=${strings} redirect-url="#gone"></account-delete-dialog>
  </div>`);
  const el = root.querySelector('account-delete-dialog')!;
  await el.updateComplete;
  await open(el);
  return el;
}

describe('<account-delete-dialog>', () => {
  it('is one Delete account button, and asks nothing before the window opens', async () => {
    const api = fakeApi({ checks: [ok(blockedBody())] });
    const { el } = await page(api);
    await quiet(panelOf(el) ?? (el as never), 50);
    expect([...shadow(el).querySelectorAll('button')].filter((b) => b.checkVisibility()).map((b) => b.textContent!.trim())).to.deep.equal(['Delete account']);
    expect(dialog(el).open).to.equal(false);
    expect(api.requests, 'no request before opening').to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('opens a modal window named Delete account, with the checks: one GET, the page behind it inert', async () => {
    const api = fakeApi({ checks: [ok(blockedBody())] });
    const { el, outside } = await page(api);
    await open(el);
    expect(dialog(el).open && dialog(el).matches(':modal')).to.equal(true);
    expect(dialog(el).getAttribute('aria-label')).to.equal('Delete account');
    expect(el.open, 'reflected').to.equal(true);
    expect(el.hasAttribute('open')).to.equal(true);
    expect(api.checks()).to.have.length(1);
    // The trigger and the rest of the page are outside the modal window: inert, out of reach.
    expect(dialog(el).contains(trigger(el))).to.equal(false);
    outside.focus();
    expect(document.activeElement === outside, 'the page behind cannot take the focus').to.equal(false);
    const headings = panelOf(el)!.shadowRoot!.querySelectorAll('h2');
    expect(headings, 'one heading').to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('reads the checks at each opening: one GET each time', async () => {
    const api = fakeApi({ checks: [ok(blockedBody())] });
    const { el } = await page(api);
    await open(el);
    el.close();
    await el.updateComplete;
    await open(el);
    el.close();
    await el.updateComplete;
    await open(el);
    await quiet(panelOf(el)!);
    expect(api.checks()).to.have.length(3);
  });

  it('a window taller than the screen opens at its top: Close, which has the focus, in view', async () => {
    const { el } = await page(fakeApi({ checks: [ok(blockedBody())] }));
    const shown = dialog(el);
    // As on a short screen: the window must scroll to show all of it.
    shown.style.maxHeight = '20rem';
    await open(el);
    expect(shown.scrollHeight, 'the window scrolls').to.be.greaterThan(shown.clientHeight);
    expect(shadow(el).activeElement === closeButton(el), 'focus on Close').to.equal(true);
    // The focus went to Close as the window showed: the window was drawn by then, not scrolled to the
    // foot of a window still empty, with Close cut off at the top.
    expect(shown.scrollTop).to.equal(0);
    expect(closeButton(el).getBoundingClientRect().top).to.be.at.least(shown.getBoundingClientRect().top);
  });

  it('passes every part the panel draws out of the window: a page styles them with ::part()', async () => {
    // Every part the panel draws, in the states that draw them all, must be passed on: none left out.
    const drawn = new Set<string>();
    const collect = (el: AccountDeleteDialog) => {
      for (const node of panelOf(el)!.shadowRoot!.querySelectorAll('[part]')) for (const name of node.getAttribute('part')!.split(/\s+/)) drawn.add(name);
    };
    // A check passed and one blocking, with its link; then none blocking yet not deletable, whose reason
    // links to support; the name to type throughout.
    const passed = { type: 'dns_zones', status: 'passed', count: 0, items: [] };
    const mixed = bodyWith([passed, { type: 'edge_applications', status: 'blocking', count: 1, items: [{ id: 1, name: 'app' }], resolve_url: '/apps' }]);
    const blocked = await page(fakeApi({ checks: [ok(mixed), ok(bodyWith([passed]))] }));
    blocked.el.setAttribute('support-url', '/help');
    await open(blocked.el);
    collect(blocked.el);
    await blocked.el.refresh();
    await panelOf(blocked.el)!.updateComplete;
    collect(blocked.el);
    // Deleted, the redirect to come, with the ways on.
    const deleted = await page(fakeApi({ checks: [ok(clearBody())], deletes: [noContent] }));
    for (const [name, value] of [['confirmation', 'none'], ['feedback-url', '/feedback'], ['signup-url', '/signup']]) deleted.el.setAttribute(name!, value!);
    await open(deleted.el);
    inPanel(deleted.el, '[part="delete-button"]')!.click();
    await eventually(() => inPanel(deleted.el, '[part="success"]'), 'the success message');
    await panelOf(deleted.el)!.updateComplete;
    collect(deleted.el);

    const exported = panelOf(blocked.el)!.getAttribute('exportparts')!.split(',').map((name) => name.trim());
    expect(exported).to.have.members([...drawn]);
    // And a rule of the page reaches them, through the window's shadow root and the panel's.
    const style = document.createElement('style');
    style.textContent = `account-delete-dialog::part(checks) { outline: 3px solid rgb(1, 2, 3); }
      account-delete-dialog::part(check-passed) { outline: 3px solid rgb(4, 5, 6); }
      account-delete-dialog::part(stay-button) { outline: 3px solid rgb(7, 8, 9); }`;
    document.head.append(style);
    try {
      expect(getComputedStyle(inPanel(blocked.el, '[part="checks"]')!).outlineColor).to.equal('rgb(1, 2, 3)');
      expect(getComputedStyle(inPanel(blocked.el, '[part~="check-passed"]')!).outlineColor).to.equal('rgb(4, 5, 6)');
      expect(getComputedStyle(inPanel(deleted.el, '[part="stay-button"]')!).outlineColor).to.equal('rgb(7, 8, 9)');
    } finally {
      style.remove();
    }
  });

  it('closes on Esc and on Close, gives the focus back to the button, and says it closed', async () => {
    const { el } = await page(fakeApi({ checks: [ok(blockedBody())] }));
    for (const how of ['Escape', 'Close'] as const) {
      trigger(el).focus();
      await open(el);
      const closed = oneEvent(el, 'account-delete-dialog-close');
      if (how === 'Escape') await sendKeys({ press: 'Escape' });
      else closeButton(el).click();
      const event = await closed;
      expect(event.cancelable).to.equal(false);
      expect(event.detail).to.deep.equal({});
      expect(dialog(el).open, how).to.equal(false);
      expect(el.open).to.equal(false);
      expect(shadow(el).activeElement === trigger(el), `focus back on the button after ${how}`).to.equal(true);
    }
  });

  it('a name being composed with an IME → Esc ends the composition: the window stays open; the next Esc closes it', async () => {
    // Before: the Esc that cancels a Japanese or Chinese candidate closed the window with the name in it.
    const { el } = await page(fakeApi({ checks: [ok(blockedBody())] }));
    await open(el);
    const input = inPanel(el, '[part="confirm-input"]')!;
    input.focus();
    // What browsers send for it: isComposing and keyCode 229; keyCode 229 alone in Safari, whose composition has ended by then.
    for (const init of [{ isComposing: true, keyCode: 229 }, { isComposing: true }, { keyCode: 229 }]) {
      const esc = new KeyboardEvent('keydown', { key: 'Escape', code: 'Escape', bubbles: true, composed: true, cancelable: true, ...init });
      input.dispatchEvent(esc);
      await el.updateComplete;
      expect([dialog(el).open, esc.defaultPrevented], JSON.stringify(init)).to.deep.equal([true, false]);
    }
    const closed = oneEvent(el, 'account-delete-dialog-close');
    await sendKeys({ press: 'Escape' });
    await closed;
    expect(dialog(el).open).to.equal(false);
  });

  it('gives the focus back to the button when close() or the open property closes it', async () => {
    const { el } = await page(fakeApi({ checks: [ok(blockedBody())] }));
    for (const how of ['close()', 'open = false'] as const) {
      await open(el);
      const closed = oneEvent(el, 'account-delete-dialog-close');
      if (how === 'close()') el.close();
      else el.open = false;
      await closed;
      expect(dialog(el).open, how).to.equal(false);
      expect(shadow(el).activeElement === trigger(el), `focus back on the button after ${how}`).to.equal(true);
    }
  });

  it('reads the checks again on refresh() only while open, and repeats a failed check on retry()', async () => {
    const api = fakeApi({ checks: [status(500), ok(blockedBody())] });
    const { el } = await page(api);
    await el.refresh();
    expect(api.checks(), 'closed, never opened: nothing asked').to.have.length(0);
    const failed = oneEvent(el, 'account-delete-error');
    trigger(el).click();
    await failed;
    const checked = oneEvent(el, 'account-delete-checked');
    await el.retry();
    await checked;
    expect(api.checks()).to.have.length(2);
    await el.refresh();
    expect(api.checks(), 'open: one more').to.have.length(3);
    el.close();
    await el.updateComplete;
    await el.refresh();
    expect(api.checks(), 'closed: none').to.have.length(3);
  });

  it('a fresh sign-in asked → the window closed to sign in → retry(): the window opens again, and the DELETE goes', async () => {
    const api = fakeApi({ checks: [ok(clearBody()), ok(clearBody())], deletes: [status(401, reauthBody()), noContent] });
    const { el } = await page(api);
    el.setAttribute('confirmation', 'none');
    await open(el);
    const reauth = oneEvent(el, 'account-delete-reauth-required');
    inPanel(el, '[part="delete-button"]')!.click();
    await reauth;
    // The host closes the window to sign the user in on its own page, then calls retry().
    el.close();
    await el.updateComplete;
    expect(dialog(el).open).to.equal(false);
    const deleted = oneEvent(el, 'account-deleted');
    await el.retry();
    await deleted;
    await el.updateComplete;
    // Before, the retry went nowhere with the window closed, and the request to sign in again was gone.
    expect(dialog(el).open, 'the deletion goes on where the user sees it').to.equal(true);
    expect(api.deletes()).to.have.length(2);
    expect(api.checks(), 'the opening reads the checks: one GET').to.have.length(2);
    expect(inPanel(el, '[part="success"]')).to.exist;
  });

  it('retry() with the window closed and nothing failed: it stays closed, nothing asked', async () => {
    const api = fakeApi({ checks: [ok(blockedBody())] });
    const { el } = await page(api);
    await open(el);
    el.close();
    await el.updateComplete;
    await el.retry();
    await el.updateComplete;
    expect(dialog(el).open).to.equal(false);
    expect(api.checks()).to.have.length(1);
  });

  it('is drawn again only when what it shows changes, not at each key typed in the panel', async () => {
    const gate = held();
    const { el } = await page(fakeApi({ checks: [ok(clearBody())], deletes: [gate.reply] }));
    await open(el);
    const drawn = sinon.spy(el, 'render');
    const input = inPanel(el, '[part="confirm-input"]') as HTMLInputElement;
    for (const value of ['A', 'Ac', 'Acme', 'Acme Corp']) {
      input.value = value;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await panelOf(el)!.updateComplete;
      await el.updateComplete;
    }
    expect(drawn.callCount, 'typing changes nothing the window shows').to.equal(0);
    inPanel(el, '[part="delete-button"]')!.click();
    await gate.arrived;
    await el.updateComplete;
    expect(drawn.callCount, 'the DELETE is out: Close says why it cannot').to.equal(1);
    expect(closeButton(el).getAttribute('aria-disabled')).to.equal('true');
    gate.release(status(500));
    await eventually(() => closeButton(el).getAttribute('aria-disabled') === 'false', 'Close usable again once the DELETE failed');
    expect(shadow(el).querySelector<HTMLElement>('[part="close-reason"]')!.hidden, 'no reason to stay').to.equal(true);
  });

  it('closes at once when close() comes while its check is being sent, before the window showed', async () => {
    const api = fakeApi({ checks: [hang] });
    const client = createAccountDeletionClient({ retry: { limit: 0 }, fetch: (input, init) => (el.close(), api.fetch(input, init)) });
    const el = fixtureSync<AccountDeleteDialog>(html`<account-delete-dialog .client=${client}></account-delete-dialog>`);
    await el.updateComplete;
    const closed = oneEvent(el, 'account-delete-dialog-close');
    trigger(el).click();
    await closed;
    await el.updateComplete;
    expect([el.open, dialog(el).open]).to.deep.equal([false, false]);
  });

  it('moved while open (taken off the page and put back), it is modal again and shows the flow as it is now', async () => {
    const gate = held();
    const { root, el } = await page(fakeApi({ checks: [ok(clearBody())], deletes: [gate.reply] }));
    el.setAttribute('confirmation', 'none');
    await open(el);
    inPanel(el, '[part="delete-button"]')!.click();
    await gate.arrived;
    await el.updateComplete;
    expect(closeButton(el).getAttribute('aria-disabled')).to.equal('true');
    el.remove();
    gate.release(status(500));
    await new Promise((resolve) => setTimeout(resolve, 50));
    root.append(el);
    await panelOf(el)!.updateComplete;
    await el.updateComplete;
    expect(dialog(el).matches(':modal'), 'modal again').to.equal(true);
    expect(closeButton(el).getAttribute('aria-disabled'), 'the DELETE failed meanwhile: Close is usable').to.equal('false');
    expect(el.open).to.equal(true);
  });

  it('taken off the page as it opens, it is closed, asks nothing and tells no close; put back, its button opens it', async () => {
    const api = fakeApi({ checks: [ok(blockedBody())] });
    const { root, el } = await page(api);
    const closes = sinon.spy();
    el.addEventListener('account-delete-dialog-close', closes);
    el.show();
    el.remove();
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect([el.open, dialog(el).open], 'never shown off the page').to.deep.equal([false, false]);
    expect([api.checks().length, closes.callCount], 'no GET, no close of a window that never opened').to.deep.equal([0, 0]);
    root.append(el);
    await open(el);
    expect([el.open, dialog(el).open]).to.deep.equal([true, true]);
    expect(api.checks()).to.have.length(1);
  });

  it('opened while off the page (after it had been on it): no GET, no close told; put back, one GET when its button opens it', async () => {
    // Before: one GET went out from a window no one could see, and a close was told of a window that never opened.
    const api = fakeApi({ checks: [ok(blockedBody())] });
    const { root, el } = await page(api);
    const closes = sinon.spy();
    el.addEventListener('account-delete-dialog-close', closes);
    el.remove();
    el.show();
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect([el.open, dialog(el).open, api.checks().length, closes.callCount]).to.deep.equal([false, false, 0, 0]);
    root.append(el);
    await open(el);
    expect([el.open, dialog(el).open, api.checks().length]).to.deep.equal([true, true, 1]);
    trigger(el).focus();
    closeButton(el).click();
    await el.updateComplete;
    expect(closes.callCount, 'a window that showed: its close is told').to.equal(1);
  });

  it('taken off the page a few microtasks after show(), before it showed: closed, and no close told', async () => {
    const api = fakeApi({ checks: [ok(blockedBody())] });
    const { root, el } = await page(api);
    const closes = sinon.spy();
    el.addEventListener('account-delete-dialog-close', closes);
    el.show();
    for (let i = 0; i < 3; i++) await null;
    el.remove();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect([el.open, dialog(el).open, closes.callCount]).to.deep.equal([false, false, 0]);
    root.append(el);
    await open(el);
    expect([el.open, dialog(el).open]).to.deep.equal([true, true]);
  });

  it('opened off the page, then put back and opened in the same moment: it shows, and its close is told', async () => {
    // Before: the mark of the opening off the page stayed, and the real close after it was not told.
    const { root, el } = await page(fakeApi({ checks: [ok(blockedBody())] }));
    const closes = sinon.spy();
    el.addEventListener('account-delete-dialog-close', closes);
    el.remove();
    el.show();
    await Promise.resolve();
    root.append(el);
    el.show();
    await eventually(() => dialog(el).open, 'the window shows');
    closeButton(el).click();
    await el.updateComplete;
    expect([el.open, closes.callCount]).to.deep.equal([false, 1]);
    expect(shadow(el).activeElement === trigger(el), 'the focus back on the button').to.equal(true);
  });

  it('closed while its check is out → that check answers 401 fresh sign-in → opened again: only the new opening\'s check is told', async () => {
    // Before (for a moment): the closed window's check was kept and told at the next opening, beside
    // that opening's own: a sign-in asked for, then everything fine.
    const gate = held();
    const api = fakeApi({ checks: [gate.reply, ok(blockedBody())] });
    const { el } = await page(api);
    const heard: string[] = [];
    for (const type of ['account-delete-checked', 'account-delete-error', 'account-delete-reauth-required']) el.addEventListener(type, () => heard.push(type));
    trigger(el).click();
    await gate.arrived;
    await el.updateComplete;
    closeButton(el).click();
    await el.updateComplete;
    gate.release(status(401, reauthBody()));
    await new Promise((resolve) => setTimeout(resolve, 50));
    heard.length = 0;
    await open(el);
    await quiet(panelOf(el)!, 30);
    expect(heard).to.deep.equal(['account-delete-checked']);
  });

  it('moved, closed, into a part of the page in another language: its button speaks that language at once', async () => {
    // Before: it said "Delete account" in a pt-BR part of the page until its next redraw.
    const api = fakeApi({ checks: [ok(blockedBody())] });
    const root = fixtureSync<HTMLElement>(html`<div>
      <div lang="en"><account-delete-dialog .client=${api.client}></account-delete-dialog></div>
      <div lang="pt-BR"></div>
    </div>`);
    const el = root.querySelector('account-delete-dialog')!;
    await el.updateComplete;
    expect(trigger(el).textContent!.trim()).to.equal('Delete account');
    root.querySelector('[lang="pt-BR"]')!.append(el);
    await el.updateComplete;
    expect(trigger(el).textContent!.trim()).to.equal('Excluir conta');
    el.remove();
    root.querySelector('[lang="pt-BR"]')!.setAttribute('lang', 'en');
    root.querySelector('[lang="en"]')!.append(el);
    await el.updateComplete;
    expect(trigger(el).textContent!.trim(), 'the lang changed while it was away').to.equal('Delete account');
    expect(api.checks()).to.have.length(0);
  });

  it('stays open while the DELETE is out, says why, and closes once the host kept the page after success', async () => {
    const gate = held();
    const api = fakeApi({ checks: [ok(clearBody())], deletes: [gate.reply] });
    const { el } = await page(api, 'confirmation');
    el.setAttribute('confirmation', 'none');
    await open(el);
    inPanel(el, '[part="delete-button"]')!.click();
    await gate.arrived;
    await el.updateComplete;
    const escape = () => sendKeys({ press: 'Escape' });
    for (const attempt of [escape, escape, escape, () => closeButton(el).click(), () => el.close(), () => (el.open = false)]) {
      await attempt();
      await el.updateComplete;
      expect(dialog(el).open, 'still open').to.equal(true);
    }
    expect(closeButton(el).getAttribute('aria-disabled')).to.equal('true');
    expect(shadow(el).querySelector('[part="close-reason"]')!.textContent).to.contain('this window stays open until the deletion has ended');
    await expect(el).to.be.accessible();

    el.addEventListener('account-deleted', (event) => event.preventDefault(), { once: true });
    gate.release(noContent);
    await eventually(() => inPanel(el, '[part="success"]'), 'the success message');
    await el.updateComplete;
    expect(closeButton(el).getAttribute('aria-disabled'), 'the host kept the page: it may close').to.equal('false');
    closeButton(el).click();
    await el.updateComplete;
    expect(dialog(el).open).to.equal(false);
    expect(api.deletes()).to.have.length(1);
  });

  it('the DELETE out → Esc → Close → Esc: each refused close is said again in the live region', async () => {
    // Before: the reason was shown, filled, as the DELETE went out, and never changed: a screen reader
    // user pressing Esc or Close heard nothing, the window simply stayed.
    const gate = held();
    const { el } = await page(fakeApi({ checks: [ok(clearBody())], deletes: [gate.reply] }), 'confirmation');
    el.setAttribute('confirmation', 'none');
    await open(el);
    inPanel(el, '[part="delete-button"]')!.click();
    await gate.arrived;
    await el.updateComplete;
    const reason = shadow(el).querySelector<HTMLElement>('[part="close-reason"]')!;
    expect(reason.getAttribute('aria-live')).to.equal('polite');
    const changes: MutationRecord[] = [];
    const watch = new MutationObserver((records) => changes.push(...records));
    watch.observe(reason, { subtree: true, childList: true, characterData: true });
    const escape = () => sendKeys({ press: 'Escape' });
    try {
      for (const [what, attempt] of [['Esc', escape], ['Close', () => closeButton(el).click()], ['Esc again', escape]] as const) {
        await attempt();
        await el.updateComplete;
        watch.takeRecords().forEach((record) => changes.push(record));
        expect(changes.length, `${what}: the live region changed`).to.be.above(0);
        expect([dialog(el).open, reason.hidden, reason.textContent!.trim()]).to.deep.equal([true, false, 'The account is being deleted: this window stays open until the deletion has ended.']);
        changes.length = 0;
      }
    } finally {
      watch.disconnect();
    }
    gate.release(status(500));
    await eventually(() => reason.hidden, 'no reason once the DELETE failed');
  });

  it('stays on the success message until the redirect', async () => {
    const api = fakeApi({ checks: [ok(clearBody())] });
    const { el } = await page(api);
    el.setAttribute('confirmation', 'none');
    el.setAttribute('redirect-delay', '300');
    await open(el);
    inPanel(el, '[part="delete-button"]')!.click();
    await eventually(() => inPanel(el, '[part="success"]'), 'the success message');
    await el.updateComplete;
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(dialog(el).open).to.equal(true);
    const reason = shadow(el).querySelector('[part="close-reason"]')!;
    expect(reason.textContent).to.contain('stays open until you are taken onward');
    // Said under the message, not over it: the two boxes do not meet.
    const said = reason.getBoundingClientRect();
    const message = inPanel(el, '[part="success"]')!.getBoundingClientRect();
    expect(said.height, 'the reason is shown').to.be.above(0);
    expect(said.top, 'the reason under the success message').to.be.at.least(message.bottom);
    await eventually(() => location.hash === '#gone', 'the redirect');
    // An address in the same page: the page stays. The redirect is made, so the window may close now,
    // and offers no Stay for it. (Before, it could never close.)
    await el.updateComplete;
    expect(inPanel(el, '[part="stay-button"]'), 'no Stay once taken onward').to.equal(null);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(dialog(el).open, 'closed by Esc').to.equal(false);
  });

  it('lets the panel events out of it, with its own close event', async () => {
    const api = fakeApi({ checks: [ok(blockedBody())] });
    const { root, el } = await page(api);
    const heard: string[] = [];
    for (const type of ['account-delete-checked', 'account-delete-dialog-close']) root.addEventListener(type, (event) => heard.push(`${type} from ${(event.target as Element).localName}`));
    await open(el);
    el.close();
    await oneEvent(el, 'account-delete-dialog-close');
    expect(heard).to.deep.equal(['account-delete-checked from account-delete-dialog', 'account-delete-dialog-close from account-delete-dialog']);
  });

  it('opens with the open attribute, show() and the property alike; passes its settings to the panel', async () => {
    const api = fakeApi({ checks: [ok(blockedBody())] });
    const root = fixtureSync<HTMLElement>(html`<div lang="pt-BR">
      <account-delete-dialog open .client=${api.client} support-url="/help" redirect-delay="5000"></account-delete-dialog>
    </div>`);
    const el = root.querySelector('account-delete-dialog')!;
    await eventually(() => api.checks().length === 1, 'opened by the attribute');
    await el.updateComplete;
    expect(dialog(el).open).to.equal(true);
    const panel = panelOf(el)!;
    expect([panel.supportUrl, panel.redirectDelay, panel.client === api.client]).to.deep.equal(['/help', 5000, true]);
    expect(trigger(el).textContent!.trim(), 'in the page language').to.equal('Excluir conta');
    expect(dialog(el).getAttribute('aria-label')).to.equal('Excluir conta');
    expect(panel.getAttribute('exportparts')).to.contain('delete-button');
    el.open = false;
    await el.updateComplete;
    expect(dialog(el).open).to.equal(false);
    el.show();
    await el.updateComplete;
    expect(dialog(el).open).to.equal(true);
  });

  it('in a French part of the page → opened → Esc while the DELETE is out: its English words are marked English', async () => {
    // Before: the button, the window's name, Close and the reason fell back to English but inherited
    // lang="fr", so a screen reader read them with French rules. Only the panel's words were marked.
    const gate = held();
    const api = fakeApi({ checks: [ok(clearBody())], deletes: [gate.reply] });
    const root = fixtureSync<HTMLElement>(html`<div lang="fr">
      <account-delete-dialog .client=${api.client} confirmation="none" redirect-url="#gone"></account-delete-dialog>
    </div>`);
    const el = root.querySelector('account-delete-dialog')!;
    await el.updateComplete;
    expect([trigger(el).textContent!.trim(), langOf(trigger(el))]).to.deep.equal(['Delete account', 'en']);
    await open(el);
    inPanel(el, '[part="delete-button"]')!.click();
    await gate.arrived;
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    const reason = shadow(el).querySelector('[part="close-reason"]')!;
    expect(reason.textContent).to.contain('this window stays open');
    for (const node of [trigger(el), dialog(el), closeButton(el), reason, inPanel(el, 'h2')!]) expect(langOf(node), node.outerHTML.slice(0, 60)).to.equal('en');
    await expect(el).to.be.accessible();
    gate.release(status(500));
    await quiet(panelOf(el)!);
  });

  it("in a French part of the page, with the host's French words for the button, the name and Close: those marked French, the kit's own English", async () => {
    // Before: the host's French words were marked English with the kit's fallback.
    const api = fakeApi({ checks: [ok(clearBody())] });
    const el = await openInFrench(api, { deleteButton: 'Supprimer le compte', heading: 'Supprimer le compte', close: 'Fermer' });
    const reason = shadow(el).querySelector('[part="close-reason"]')!;
    expect([trigger(el), dialog(el), closeButton(el), reason].map((node) => node.getAttribute('lang'))).to.deep.equal(['fr', 'fr', 'fr', 'en']);
    expect([trigger(el).textContent!.trim(), closeButton(el).textContent!.trim()]).to.deep.equal(['Supprimer le compte', 'Fermer']);
    await quiet(panelOf(el)!);
  });

  it("in a French part of the page, with the host's French words for the panel only: those marked French in the panel too", async () => {
    // Before: the panel inside read its language from the window's name, marked the kit's English, and
    // marked the host's French words English.
    const api = fakeApi({ checks: [ok(blockedBody())] });
    const el = await openInFrench(api, { reasonBlocked: (count: number) => `Résolvez d'abord ${count} points`, checkAgain: 'Vérifier à nouveau' });
    const marked = [dialog(el), inPanel(el, 'h2')!, inPanel(el, '[part="reason"]')!, inPanel(el, '[part="recheck-button"]')!].map(langOf);
    expect(marked).to.deep.equal(['en', 'en', 'fr', 'fr']);
    await expect(el).to.be.accessible();
    await quiet(panelOf(el)!);
  });

  it('open in en → its lang removed (the page is pt-BR) → lang set to en: the panel inside follows the window each time', async () => {
    const api = fakeApi({ checks: [ok(blockedBody())] });
    const root = fixtureSync<HTMLElement>(html`<div lang="pt-BR">
      <account-delete-dialog lang="en" .client=${api.client} redirect-url="#gone" redirect-delay="60000"></account-delete-dialog>
    </div>`);
    const el = root.querySelector('account-delete-dialog')!;
    await el.updateComplete;
    await open(el);
    /** The window's name, its Close button and the panel's heading: one window, one language. */
    const words = async () => {
      await el.updateComplete;
      await quiet(panelOf(el)!);
      return [dialog(el).getAttribute('aria-label'), closeButton(el).textContent!.trim(), inPanel(el, 'h2')!.textContent!.trim()];
    };
    expect(await words()).to.deep.equal(['Delete account', 'Close', 'Delete account']);
    el.removeAttribute('lang');
    expect(await words(), 'back to the nearest lang up the tree').to.deep.equal(['Excluir conta', 'Fechar', 'Excluir conta']);
    el.lang = 'en';
    expect(await words(), 'the lang property').to.deep.equal(['Delete account', 'Close', 'Delete account']);
  });

  it('Enter held on the button → the window opens, focus on Close → the key repeats: it stays open, one GET', async function () {
    await onlyWhereLauncherCan(this, 'hold-keys');
    const api = fakeApi({ checks: [ok(clearBody()), ok(clearBody()), ok(clearBody()), ok(clearBody())] });
    const { el } = await page(api);
    const closes = sinon.spy();
    el.addEventListener('account-delete-dialog-close', closes);
    trigger(el).focus();
    const checked = oneEvent(el, 'account-delete-checked');
    await sendKeys({ down: 'Enter' });
    await checked;
    await el.updateComplete;
    for (let i = 0; i < 5; i++) {
      await sendKeys({ down: 'Enter' });
      await quiet(panelOf(el)!);
    }
    await sendKeys({ up: 'Enter' });
    await quiet(panelOf(el)!);
    expect({ open: dialog(el).open, closes: closes.callCount, checks: api.checks().length }).to.deep.equal({ open: true, closes: 0, checks: 1 });
  });

  it('goes from the button to the redirect by keyboard alone', async () => {
    const api = fakeApi({ checks: [ok(clearBody())] });
    const { el } = await page(api);
    el.setAttribute('redirect-delay', '0');
    trigger(el).focus();
    const checked = oneEvent(el, 'account-delete-checked');
    await sendKeys({ press: 'Enter' });
    await checked;
    await panelOf(el)!.updateComplete;
    // Close first (the least destructive), then the panel's controls.
    expect(shadow(el).activeElement === closeButton(el), 'the focus starts on Close').to.equal(true);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Acme Corp' });
    await sendKeys({ press: 'Tab' });
    expect(panelOf(el)!.shadowRoot!.activeElement?.getAttribute('part')).to.equal('delete-button');
    await sendKeys({ press: 'Enter' });
    await eventually(() => location.hash === '#gone', 'the redirect');
    expect(api.deletes()).to.have.length(1);
  });
});
