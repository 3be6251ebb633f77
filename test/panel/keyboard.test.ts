import { expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import {
  activeElement,
  alertRegion,
  blockedBody,
  checkAgainButton,
  checksList,
  clearBody,
  conflictBody,
  deleteButton,
  eventually,
  fakeApi,
  mountIn,
  noContent,
  held,
  isUnusable,
  ok,
  quiet,
  status,
  successMessage,
  textbox,
  type AccountDeletePanel,
  type FakeApi,
  type Reply,
} from './helpers.js';
import { onlyWhereLauncherCan, press } from '../launcher.js';

afterEach(() => {
  sinon.restore();
  history.replaceState(null, '', location.pathname + location.search);
});

/** A page with a button before the panel, where a keyboard user starts. */
async function page(api: FakeApi): Promise<{ el: AccountDeletePanel; before: HTMLButtonElement }> {
  const { root, el } = await mountIn<HTMLDivElement>(html`<div>
    <button id="before">Account settings</button>
    <account-delete-panel .client=${api.client} redirect-url="#deleted-by-keyboard" redirect-delay="60000"></account-delete-panel>
  </div>`);
  const before = root.querySelector<HTMLButtonElement>('#before')!;
  before.focus();
  return { el, before };
}

/** What has focus inside the panel, as a user would name it. */
function focused(el: AccountDeletePanel): string {
  const active = activeElement(el);
  if (!active) return document.activeElement?.textContent?.trim() ?? 'nothing';
  if (active instanceof HTMLInputElement) return 'textbox';
  if (active instanceof HTMLAnchorElement) return `link ${active.getAttribute('aria-label') ?? active.textContent!.trim()}`;
  if (active instanceof HTMLButtonElement) return `button ${active.textContent!.trim()}`;
  return active.getAttribute('aria-label') ?? active.tagName.toLowerCase();
}

/**
 * Presses Tab (or Shift+Tab) `count` times and says where focus went each time. Shift+Tab holds Shift
 * down, which not every launcher can: a test that goes backwards starts with
 * `await onlyWhereLauncherCan(this, 'hold-keys')` (../launcher.ts).
 */
async function tabStops(el: AccountDeletePanel, count: number, { backwards = false } = {}): Promise<string[]> {
  const stops: string[] = [];
  if (backwards) await sendKeys({ down: 'Shift' });
  try {
    for (let i = 0; i < count; i++) {
      await sendKeys({ press: 'Tab' });
      stops.push(focused(el));
    }
  } finally {
    if (backwards) await sendKeys({ up: 'Shift' });
  }
  return stops;
}

/** From the button before the panel: types the name, presses Enter on Delete, and waits for the failure. */
async function deletionFailsByKeyboard(el: AccountDeletePanel): Promise<void> {
  await tabStops(el, 2);
  await sendKeys({ type: 'Acme Corp' });
  await tabStops(el, 1);
  const error = oneEvent(el, 'account-delete-error');
  await sendKeys({ press: 'Enter' });
  await error;
}

/** After a failed deletion by keyboard, the focus is still on Delete: the way forward is one key away. */
async function failedDeletionFocusStays(el: AccountDeletePanel): Promise<void> {
  await deletionFailsByKeyboard(el);
  await el.updateComplete;
  expect(focused(el)).to.equal('button Delete account');
}

/**
 * Enter pressed and held on what has focus: the first keydown, the answer it started, then the
 * keyboard's auto-repeat (five more keydowns of the same press), then the key let go.
 */
async function holdEnter(el: AccountDeletePanel, answered: Promise<unknown>): Promise<void> {
  await sendKeys({ down: 'Enter' });
  await answered;
  await el.updateComplete;
  for (let i = 0; i < 5; i++) {
    await sendKeys({ down: 'Enter' });
    await quiet(el);
  }
  await sendKeys({ up: 'Enter' });
  await quiet(el);
}

describe('by keyboard alone', () => {
  for (const key of ['Enter', 'Space'] as const) {
    it(`deletes the account: Tab to the textbox, type the name, Tab to Delete, ${key}`, async () => {
      const api = fakeApi({ checks: [ok(clearBody())] });
      const { el } = await page(api);
      expect(await tabStops(el, 2)).to.deep.equal(['button Check again', 'textbox']);
      await sendKeys({ type: 'Acme Corp' });
      expect(textbox(el)!.value).to.equal('Acme Corp');
      expect(await tabStops(el, 1)).to.deep.equal(['button Delete account']);
      const deleted = oneEvent(el, 'account-deleted');
      await press(key);
      await deleted;
      await eventually(() => activeElement(el) === successMessage(el), 'focus moves to the success message');
      expect(api.deletes()).to.have.length(1);
    });
  }

  it('deletes with Enter in the textbox once the name matches', async () => {
    const api = fakeApi({ checks: [ok(clearBody())] });
    const { el } = await page(api);
    await tabStops(el, 2);
    await sendKeys({ type: 'acme corp ' });
    const deleted = oneEvent(el, 'account-deleted');
    await sendKeys({ press: 'Enter' });
    await deleted;
    expect(api.deletes()).to.have.length(1);
  });

  it('does nothing on Enter in the textbox while the name does not match', async () => {
    const api = fakeApi({ checks: [ok(clearBody())] });
    const { el } = await page(api);
    await tabStops(el, 2);
    await sendKeys({ type: 'Acme' });
    await sendKeys({ press: 'Enter' });
    await quiet(el);
    expect(api.deletes()).to.have.length(0);
    expect(focused(el)).to.equal('textbox');
  });

  it('reaches the Resolve links, and a Delete that says why it cannot be used but does nothing', async () => {
    const api = fakeApi({ checks: [ok(blockedBody())] });
    const { el } = await page(api);
    expect(await tabStops(el, 5)).to.deep.equal([
      'link Resolve DNS zones (opens in a new tab)',
      'link Resolve Debts (opens in a new tab)',
      'button Check again',
      'textbox',
      'button Delete account',
    ]);
    expect(deleteButton(el).getAttribute('aria-describedby')).to.equal('delete-reason');
    await sendKeys({ press: 'Enter' });
    await press('Space');
    await quiet(el);
    expect(api.deletes()).to.have.length(0);
    expect(focused(el)).to.equal('button Delete account');
  });

  it('after a 409, lands on the checks, and Tab goes on to the Resolve link', async () => {
    const api = fakeApi({ checks: [ok(clearBody())], deletes: [status(409, conflictBody())] });
    const { el } = await page(api);
    await deletionFailsByKeyboard(el);
    await eventually(() => activeElement(el) === checksList(el), 'focus moves to the checks');
    // The 409's checks carry no resolve URL: the next stop is "Check again".
    expect(await tabStops(el, 1)).to.deep.equal(['button Check again']);
  });

  it('repeats the deletion with Enter on Delete after a server error, by keyboard', async () => {
    const replies: Reply[] = [status(503), noContent];
    const api = fakeApi({ checks: [ok(clearBody())], deletes: replies });
    const { el } = await page(api);
    await failedDeletionFocusStays(el);
    const deleted = oneEvent(el, 'account-deleted');
    await sendKeys({ press: 'Enter' });
    await deleted;
    expect(api.deletes()).to.have.length(2);
    expect(api.deletes()[1]!.headers.get('Idempotency-Key')).to.equal(api.deletes()[0]!.headers.get('Idempotency-Key'));
  });

  it('Enter held on Delete → a quick 503 → the key repeats: one DELETE (a held key is one press)', async function () {
    await onlyWhereLauncherCan(this, 'hold-keys');
    const api = fakeApi({ checks: [ok(clearBody())], deletes: [status(503)] });
    const { el } = await mountIn<HTMLDivElement>(html`<div>
      <account-delete-panel .client=${api.client} confirmation="none" redirect-url="#held" redirect-delay="60000"></account-delete-panel>
    </div>`);
    deleteButton(el).focus();
    await holdEnter(el, oneEvent(el, 'account-delete-error'));
    expect(api.deletes().length, `one held key press sent ${api.deletes().length} DELETEs`).to.equal(1);
    expect(focused(el), 'Delete is still the way forward, one new press away').to.equal('button Delete account');
  });

  it('Enter held on Delete → a 429 "wait 30 seconds" → the key repeats: one DELETE, no burst of new keys', async function () {
    await onlyWhereLauncherCan(this, 'hold-keys');
    const slowDown = status(429, { errors: [{ status: '429', detail: 'Slow down.' }] }, { 'Retry-After': '30' });
    const api = fakeApi({ checks: [ok(clearBody())], deletes: [slowDown] });
    const { el } = await mountIn<HTMLDivElement>(html`<div>
      <account-delete-panel .client=${api.client} confirmation="none" redirect-url="#held" redirect-delay="60000"></account-delete-panel>
    </div>`);
    deleteButton(el).focus();
    await holdEnter(el, oneEvent(el, 'account-delete-error'));
    const keys = api.deletes().map((request) => request.headers.get('Idempotency-Key'));
    expect(keys.length, `one held key press sent ${keys.length} DELETEs with ${new Set(keys).size} different keys`).to.equal(1);
  });

  it('Enter held in the textbox → a quick 503 → the key repeats: one DELETE', async function () {
    await onlyWhereLauncherCan(this, 'hold-keys');
    const api = fakeApi({ checks: [ok(clearBody())], deletes: [status(503)] });
    const { el } = await page(api);
    await tabStops(el, 2);
    await sendKeys({ type: 'Acme Corp' });
    await holdEnter(el, oneEvent(el, 'account-delete-error'));
    expect(api.deletes()).to.have.length(1);
  });

  it('Enter held on "Check again" → a quick failed check → the key repeats: one GET more', async function () {
    await onlyWhereLauncherCan(this, 'hold-keys');
    const api = fakeApi({ checks: [status(503), status(503), status(503), status(503), status(503), status(503), status(503)] });
    const { el } = await page(api);
    await eventually(() => !isUnusable(checkAgainButton(el)), 'the failed check');
    checkAgainButton(el).focus();
    await holdEnter(el, oneEvent(el, 'account-delete-error'));
    expect(api.checks()).to.have.length(2);
  });

  it('keeps focus on Delete while the repeat is out, and after it fails again', async () => {
    const gate = held();
    const api = fakeApi({ checks: [ok(clearBody())], deletes: [status(503), gate.reply] });
    const { el } = await page(api);
    await failedDeletionFocusStays(el);

    await sendKeys({ press: 'Enter' });
    await gate.arrived;
    await el.updateComplete;
    // Focus waits on Delete, which says the deletion is running.
    expect(focused(el)).to.equal('button Delete account');
    gate.release(status(503));
    await oneEvent(el, 'account-delete-error');
    await el.updateComplete;
    expect(focused(el)).to.equal('button Delete account');
  });

  it('keeps focus on "Check again" while the check it started after a failed one runs, and after', async () => {
    const gate = held();
    const api = fakeApi({ checks: [status(403, { detail: 'No.' }), gate.reply] });
    const { el } = await page(api);
    await eventually(() => alertRegion(el)?.textContent?.includes('No.'), 'the failed check');
    checkAgainButton(el).focus();

    await sendKeys({ press: 'Enter' });
    await gate.arrived;
    await el.updateComplete;
    expect(focused(el)).to.equal('button Check again');
    gate.release(ok(blockedBody()));
    await oneEvent(el, 'account-delete-checked');
    await el.updateComplete;
    expect(focused(el)).to.equal('button Check again');
  });

  it('moves focus to Delete when the Resolve link it was on goes away because the check passed', async () => {
    const api = fakeApi({ checks: [ok(blockedBody()), ok(clearBody())] });
    const { el } = await page(api);
    await eventually(() => checksList(el), 'the checks');
    el.shadowRoot!.querySelector<HTMLAnchorElement>('[part="resolve-link"]')!.focus();
    const checked = oneEvent(el, 'account-delete-checked');
    void el.refresh();
    await checked;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="resolve-link"]')).to.equal(null);
    expect(focused(el)).to.equal('button Delete account');
  });
});
