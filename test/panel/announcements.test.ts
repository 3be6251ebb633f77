/**
 * What a screen reader is told, and when: the live regions (the polite status, the alert), what the
 * focus lands on, and what each control says it is. A MutationObserver stands in for the reader's
 * queue: a change inside a live region is what gets announced.
 */
import { expect, oneEvent } from '@open-wc/testing';
import sinon from 'sinon';
import {
  activeElement,
  blockedBody,
  clearBody,
  deleteAndSettle,
  deleteButton,
  fakeApi,
  held,
  mount,
  noContent,
  ok,
  quiet,
  readyToDelete,
  status,
  statusRegion,
  successMessage,
  type AccountDeletePanel,
} from './helpers.js';

afterEach(() => {
  sinon.restore();
  history.replaceState(null, '', location.pathname + location.search);
});

/** Every change inside a live region, as "status: …" or "alert: …" with the region's words at that moment. */
function announcements(el: AccountDeletePanel): { said: string[]; stop: () => void } {
  const said: string[] = [];
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      const node = record.target instanceof Element ? record.target : record.target.parentElement;
      const region = node?.closest('[role="status"], [role="alert"]');
      if (region) said.push(`${region.getAttribute('role')}: ${region.textContent!.replace(/\s+/g, ' ').trim()}`);
    }
  });
  observer.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true });
  return { said, stop: () => observer.disconnect() };
}

describe('the live regions', () => {
  it('keep the status region in the accessibility tree while it is empty, so the next "Checking…" is heard', async () => {
    const gate = held();
    const el = await mount(fakeApi({ checks: [status(500), gate.reply] }));
    expect(statusRegion(el).textContent!.trim(), 'empty after the failed check').to.equal('');
    expect(getComputedStyle(statusRegion(el)).display).to.not.equal('none');
    expect(statusRegion(el).getBoundingClientRect().height, 'out of sight').to.be.at.most(1);

    void el.refresh();
    await gate.arrived;
    await el.updateComplete;
    expect(statusRegion(el).textContent!.trim()).to.equal('Checking your account…');
    gate.release(ok(clearBody()));
  });

  it('tell a failed deletion through the alert, and keep the status line, so nothing moves and each check is still told', async () => {
    const api = fakeApi({ checks: [ok(clearBody())], deletes: [status(503)] });
    const el = await readyToDelete(api);
    const heard = announcements(el);
    await deleteAndSettle(el);
    await quiet(el);
    expect(heard.said.some((line) => line.startsWith('alert:') && line.includes('status 503'))).to.equal(true);
    expect(statusRegion(el).textContent!.trim()).to.equal('Nothing blocks deletion any more.');
    const height = statusRegion(el).getBoundingClientRect().height;
    await el.refresh();
    await quiet(el);
    heard.stop();
    expect(statusRegion(el).getBoundingClientRect().height, 'the status line keeps its height').to.equal(height);
    expect(heard.said.filter((line) => line.startsWith('status:')).at(-1)).to.equal('status: Nothing blocks deletion any more.');
  });

  it('still say what blocks after a failed deletion, when a new check finds something', async () => {
    const api = fakeApi({ checks: [ok(clearBody()), ok(blockedBody())], deletes: [status(503)] });
    const el = await readyToDelete(api);
    await deleteAndSettle(el);
    await el.refresh();
    await quiet(el);
    expect(statusRegion(el).textContent!.trim()).to.equal('2 items block deletion.');
  });

  it('keep the focus on Delete while a check runs after a failed deletion, and do not repeat the alert', async () => {
    const gate = held();
    const api = fakeApi({ checks: [ok(clearBody()), gate.reply], deletes: [status(503), noContent] });
    const el = await readyToDelete(api, { redirectDelay: 60_000 });
    await deleteAndSettle(el);
    deleteButton(el).focus();
    const heard = announcements(el);

    void el.refresh();
    await gate.arrived;
    await el.updateComplete;
    // Booleans, not elements: chai's message for an element that differs can hang the page.
    expect(activeElement(el) === deleteButton(el), 'focus on Delete while the check runs').to.equal(true);
    expect(deleteButton(el).getAttribute('aria-disabled')).to.equal('true');
    deleteButton(el).click();
    await quiet(el);
    expect(api.deletes(), 'no DELETE while the check runs').to.have.length(1);

    const checked = oneEvent(el, 'account-delete-checked');
    gate.release(ok(clearBody()));
    await checked;
    await quiet(el);
    heard.stop();
    expect(activeElement(el) === deleteButton(el), 'focus on Delete after the check').to.equal(true);
    expect(deleteButton(el).getAttribute('aria-disabled')).to.equal('false');
    // The alert is emptied while the check runs (nothing is read for that), and nothing is said again after.
    expect(heard.said.filter((line) => line.startsWith('alert:') && line !== 'alert: ')).to.deep.equal([]);

    await deleteAndSettle(el);
    expect(api.deletes()).to.have.length(2);
    expect(api.deletes()[1]!.headers.get('Idempotency-Key')).to.equal(api.deletes()[0]!.headers.get('Idempotency-Key'));
  });

  it('name the focused success message by its first sentence, so the focus does not read the whole message again', async () => {
    const el = await readyToDelete(fakeApi({ checks: [ok(clearBody())] }), { redirectDelay: 60_000 });
    await deleteAndSettle(el);
    await quiet(el);
    const message = successMessage(el)!;
    expect(activeElement(el) === message, 'focus on the success message').to.equal(true);
    expect(message.getAttribute('role')).to.equal('group');
    const name = el.shadowRoot!.getElementById(message.getAttribute('aria-labelledby')!);
    expect(name?.textContent).to.equal('Your account has been successfully deleted.');
    await expect(el).to.be.accessible();
  });

  it('give the check mark before the success sentence no words of its own', async () => {
    const el = await readyToDelete(fakeApi({ checks: [ok(clearBody())] }), { redirectDelay: 60_000 });
    await deleteAndSettle(el);
    const content = getComputedStyle(el.shadowRoot!.getElementById('deleted')!, '::before').content;
    expect(content).to.equal('"✓ " / ""');
  });

  it('say why "Check again" cannot be used while the account is being deleted', async () => {
    const gate = held();
    const el = await readyToDelete(fakeApi({ checks: [ok(clearBody())], deletes: [gate.reply] }));
    deleteButton(el).click();
    await gate.arrived;
    await el.updateComplete;
    const checkAgain = el.shadowRoot!.querySelector('[part="recheck-button"]')!;
    expect(checkAgain.getAttribute('aria-disabled')).to.equal('true');
    const reason = el.shadowRoot!.getElementById(checkAgain.getAttribute('aria-describedby')!);
    expect(reason?.textContent?.trim()).to.equal('The account is being deleted');
    gate.release(status(500));
  });
});
