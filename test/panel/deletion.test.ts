import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import { AccountDeletionError, type AccountDeletionClient } from '../../src/index.js';
import {
  ACCOUNT,
  activeElement,
  afterNextCheck,
  alertRegion,
  blockedBody,
  buttonNamed,
  checkAgainButton,
  checksList,
  clearBody,
  deleteAndSettle,
  deleteButton,
  eventually,
  fakeApi,
  held,
  isUnusable,
  mount,
  noContent,
  ok,
  quiet,
  readyToDelete,
  reasonOf,
  status,
  statusRegion,
  successMessage,
  textbox,
  typeName,
  type AccountDeletePanel,
  type FakeApi,
  type Held,
} from './helpers.js';
import { press } from '../launcher.js';

function resetHash(): void {
  history.replaceState(null, '', location.pathname + location.search);
}

afterEach(() => {
  sinon.restore();
  resetHash();
});

describe('while the account is being deleted', () => {
  let api: FakeApi;
  let gate: Held;
  let el: AccountDeletePanel;

  beforeEach(async () => {
    gate = held();
    api = fakeApi({ checks: [ok(clearBody())], deletes: [gate.reply] });
    el = await readyToDelete(api, { redirectDelay: 60_000 });
    deleteButton(el).click();
    await gate.arrived;
    await el.updateComplete;
  });

  it('sends one DELETE for the account, with an Idempotency-Key', () => {
    expect(api.deletes()).to.have.length(1);
    const request = api.deletes()[0]!;
    expect(new URL(request.url).pathname).to.equal(`/api/v3/account/${ACCOUNT.id}`);
    expect(request.headers.get('Idempotency-Key')).to.be.a('string').and.not.be.empty;
    expect(request.credentials).to.equal('include');
  });

  it('shows progress on the button, locks the textbox and announces "Deleting your account…"', async () => {
    const button = deleteButton(el);
    expect(button.querySelector('.spinner'), 'a progress indicator on the button').to.exist;
    expect(button.textContent!.trim()).to.equal('Delete account');
    expect(isUnusable(button)).to.equal(true);
    expect(reasonOf(el)).to.equal('The account is being deleted');
    expect(textbox(el)!.readOnly).to.equal(true);
    expect(textbox(el)!.value).to.equal('Acme Corp');
    expect(statusRegion(el).textContent!.trim()).to.equal('Deleting your account…');
    expect(checkAgainButton(el).getAttribute('aria-disabled')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('sends no second DELETE on a second click', async () => {
    deleteButton(el).click();
    await quiet(el);
    expect(api.deletes()).to.have.length(1);
  });

  it('sends no second DELETE on Enter or Space on the button', async () => {
    deleteButton(el).focus();
    await sendKeys({ press: 'Enter' });
    await press('Space');
    await quiet(el);
    expect(api.deletes()).to.have.length(1);
  });

  it('sends no second DELETE on Enter in the textbox', async () => {
    textbox(el)!.focus();
    await sendKeys({ press: 'Enter' });
    await quiet(el);
    expect(api.deletes()).to.have.length(1);
  });

  it('neither checks again nor retries while the DELETE is in flight', async () => {
    const gets = api.checks().length;
    checkAgainButton(el).click();
    await el.refresh();
    await el.retry().catch(() => undefined);
    await quiet(el);
    expect(api.checks()).to.have.length(gets);
    expect(api.deletes()).to.have.length(1);
  });

  it('shows success once the one DELETE is answered', async () => {
    const deleted = oneEvent(el, 'account-deleted');
    gate.release(noContent);
    await deleted;
    await el.updateComplete;
    expect(successMessage(el)).to.exist;
    expect(api.deletes()).to.have.length(1);
  });
});

describe('a double click', () => {
  it('sends exactly one DELETE', async () => {
    const api = fakeApi({ checks: [ok(clearBody())] });
    const el = await readyToDelete(api);
    await deleteAndSettle(el, () => {
      deleteButton(el).click();
      deleteButton(el).click();
    });
    await quiet(el);
    expect(api.deletes()).to.have.length(1);
  });
});

describe('a check that reads another account', () => {
  it('drops the failed deletion of the last one: Delete cannot repeat it on the new one', async () => {
    const other = { id: 999, name: ACCOUNT.name };
    const api = fakeApi({ checks: [ok(clearBody()), ok(clearBody(other))], deletes: [status(500)] });
    const el = await readyToDelete(api);
    await deleteAndSettle(el);
    expect(isUnusable(deleteButton(el)), 'the unknown outcome offers the repeat on Delete').to.equal(false);

    await afterNextCheck(el, () => el.refresh());
    expect(isUnusable(deleteButton(el)), 'the name of the new account is to be typed').to.equal(true);
    expect(textbox(el)!.value).to.equal('');
    await el.retry();
    await quiet(el);
    expect(api.deletes().map((request) => new URL(request.url).pathname)).to.deep.equal(['/api/v3/account/1234']);
  });

  it('drops it with no name to type too (confirmation="none")', async () => {
    const other = { id: 999, name: ACCOUNT.name };
    const api = fakeApi({ checks: [ok(clearBody()), ok(clearBody(other))], deletes: [status(500)] });
    const el = await readyToDelete(api, { confirmation: 'none' });
    await deleteAndSettle(el);
    await afterNextCheck(el, () => el.refresh());
    expect(alertRegion(el)!.textContent!.trim()).to.equal('');
    await el.retry();
    await quiet(el);
    expect(api.deletes(), 'retry() has nothing to repeat').to.have.length(1);
    // A deletion of the new account is a new request: its own path, a fresh key.
    await deleteAndSettle(el);
    expect(api.deletes().map((request) => new URL(request.url).pathname)).to.deep.equal(['/api/v3/account/1234', '/api/v3/account/999']);
    const [first, second] = api.deletes().map((request) => request.headers.get('Idempotency-Key'));
    expect(second).to.not.equal(first);
  });

  it('asks for the name again, even when it is the same name in other letters', async () => {
    const api = fakeApi({ checks: [ok(clearBody()), ok(clearBody({ id: 999, name: ACCOUNT.name.toUpperCase() }))] });
    const el = await readyToDelete(api);
    expect(isUnusable(deleteButton(el))).to.equal(false);

    await afterNextCheck(el, () => el.refresh());
    expect(textbox(el)!.value).to.equal('');
    expect(isUnusable(deleteButton(el))).to.equal(true);
    expect(reasonOf(el)).to.equal('Type the account name first');
    deleteButton(el).click();
    await quiet(el);
    expect(api.deletes()).to.have.length(0);
  });

  it('keeps what was typed when the check reads the same account again', async () => {
    const api = fakeApi({ checks: [ok(clearBody())] });
    const el = await readyToDelete(api);
    await afterNextCheck(el, () => el.refresh());
    expect(textbox(el)!.value).to.equal(ACCOUNT.name);
    expect(isUnusable(deleteButton(el))).to.equal(false);
  });
});

describe('after the account was deleted', () => {
  it('says so, says a confirmation e-mail is on its way, and moves focus to the message', async () => {
    const api = fakeApi({ checks: [ok(clearBody())] });
    const el = await readyToDelete(api, { redirectDelay: 60_000 });
    await deleteAndSettle(el);
    const message = successMessage(el)!;
    expect(message.closest('[role="status"]'), 'announced through the polite status').to.exist;
    const words = message.textContent!.replace(/\s+/g, ' ');
    expect(words).to.contain('Your account has been successfully deleted.');
    expect(words).to.contain('A confirmation e-mail is on its way.');
    await eventually(() => activeElement(el) === message, 'focus moves to the success message');
    // Nothing left to act on but leaving.
    expect(textbox(el)).to.equal(null);
    expect(checksList(el)).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part="delete-button"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('lets the user stay on the page: "Stay on this page" stops the redirect, keeps "Go now" and the focus in the message', async () => {
    const api = fakeApi({ checks: [ok(clearBody())] });
    const el = await readyToDelete(api, { redirectUrl: '#deleted-stay', redirectDelay: 300 });
    await deleteAndSettle(el);
    const stay = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="stay-button"]')!;
    expect(stay.textContent!.trim()).to.equal('Stay on this page');
    stay.focus();
    stay.click();
    await el.updateComplete;
    await quiet(el, 500);
    expect(location.hash, 'no redirect after the user chose to stay').to.equal('');
    expect(successMessage(el)!.textContent).to.contain('You stay on this page until you choose to go.');
    expect(el.shadowRoot!.querySelector('[part="go-now-link"]')!.getAttribute('href')).to.equal('#deleted-stay');
    expect(el.shadowRoot!.querySelector('[part="stay-button"]') === null, 'the stay button is gone').to.equal(true);
    expect(activeElement(el) === successMessage(el), 'focus in the message').to.equal(true);
    await expect(el).to.be.accessible();

    // Taken off the page and put back, it still stays.
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await quiet(el, 400);
    expect(location.hash).to.equal('');
  });

  it('goes to the redirect URL after redirect-delay, with a "Go now" link meanwhile', async () => {
    const api = fakeApi({ checks: [ok(clearBody())] });
    const el = await readyToDelete(api, { redirectUrl: '#deleted-1', redirectDelay: 300 });
    const startedAt = performance.now();
    await deleteAndSettle(el);
    expect(location.hash, 'not before the delay').to.equal('');
    const goNow = el.shadowRoot!.querySelector<HTMLAnchorElement>('[part="go-now-link"]')!;
    expect(goNow.textContent!.trim()).to.equal('Go now');
    expect(goNow.getAttribute('href')).to.equal('#deleted-1');
    expect(successMessage(el)!.textContent).to.contain('You will be taken onward in 1 second.');
    await eventually(() => location.hash === '#deleted-1', 'redirected');
    expect(performance.now() - startedAt).to.be.at.least(290);
  });

  it('goes at once with redirect-delay="0"', async () => {
    const api = fakeApi({ checks: [ok(clearBody())] });
    const el = await readyToDelete(api, { redirectUrl: '#deleted-now', redirectDelay: 0 });
    await deleteAndSettle(el);
    await eventually(() => location.hash === '#deleted-now', 'redirected at once');
  });

  it('falls back to the default delay when redirect-delay is removed', async () => {
    const api = fakeApi({ checks: [ok(clearBody())] });
    const el = await readyToDelete(api, { redirectUrl: '#deleted-default', redirectDelay: 0 });
    el.removeAttribute('redirect-delay');
    await deleteAndSettle(el);
    expect(successMessage(el)!.textContent).to.contain('You will be taken onward in 3 seconds.');
    await quiet(el, 200);
    expect(location.hash, 'not at once').to.equal('');
    el.remove();
  });

  it('falls back to the default address when redirect-url is removed', async () => {
    const api = fakeApi({ checks: [ok(clearBody())] });
    const el = await readyToDelete(api, { redirectDelay: 60_000 });
    el.removeAttribute('redirect-url');
    const errors = sinon.spy();
    el.addEventListener('account-delete-error', errors);
    const deleted = oneEvent(el, 'account-deleted');
    await deleteAndSettle(el);
    expect((await deleted).detail.redirectUrl).to.equal('https://www.azion.com/');
    expect(el.shadowRoot!.querySelector('[part="go-now-link"]')!.getAttribute('href')).to.equal('https://www.azion.com/');
    expect(errors.callCount).to.equal(0);
    el.remove();
  });

  it('takes a 410 (already deleted) as success', async () => {
    const api = fakeApi({ checks: [ok(clearBody())], deletes: [status(410, { detail: 'Gone.' })] });
    const el = await readyToDelete(api, { redirectDelay: 60_000 });
    const event = await deleteAndSettle(el);
    expect(event.type).to.equal('account-deleted');
    expect(successMessage(el)!.textContent).to.contain('Your account has been successfully deleted.');
    expect(el.shadowRoot!.querySelector('[role="alert"]')?.textContent?.trim() ?? '').to.equal('');
  });
});

describe('a redirect URL that is not safe', () => {
  for (const unsafe of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)']) {
    it(`is refused with an error event, and the success message stays (${unsafe.slice(0, 11)}…)`, async () => {
      const api = fakeApi({ checks: [ok(clearBody())] });
      const el = await readyToDelete(api, { redirectUrl: unsafe, redirectDelay: 0 });
      const error = oneEvent(el, 'account-delete-error');
      await deleteAndSettle(el);
      const { detail } = await error;
      expect(detail.error).to.be.instanceOf(AccountDeletionError);
      expect(detail.error.message).to.contain('redirect URL was refused');
      await quiet(el);
      expect(location.hash).to.equal('');
      expect(el.isConnected).to.equal(true);
      const message = successMessage(el)!;
      expect(message.textContent).to.contain('Your account has been successfully deleted.');
      expect(message.textContent).to.contain('is not a safe address');
      expect(el.shadowRoot!.querySelector('[part="go-now-link"]')).to.equal(null);
      expect(el.shadowRoot!.querySelector('a[href^="javascript"], a[href^="data"], a[href^="vbscript"]')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  }
});

describe('where requests go', () => {
  it('asks the API under api-base with the session cookie when no client is given', async () => {
    const api = fakeApi({ checks: [ok(blockedBody())] });
    sinon.stub(window, 'fetch').callsFake(api.fetch);
    const checked = oneEvent(document, 'account-delete-checked');
    await fixture(html`<account-delete-panel api-base="/custom-api" redirect-url="#deleted"></account-delete-panel>`);
    await checked;
    expect(api.requests).to.have.length(1);
    const request = api.requests[0]!;
    expect(new URL(request.url).pathname).to.equal('/custom-api/v4/account/deletion/preconditions');
    expect(request.method).to.equal('GET');
    expect(request.credentials).to.equal('include');
  });

  it('uses a client given after the first check, and checks again with it', async () => {
    const first = fakeApi({ checks: [ok(blockedBody())] });
    const second = fakeApi({ checks: [ok(clearBody())] });
    const el = await mount(first);
    const checked = oneEvent(el, 'account-delete-checked');
    el.client = second.client;
    await checked;
    await el.updateComplete;
    expect(second.checks()).to.have.length(1);
    expect(statusRegion(el).textContent!.trim()).to.equal('Nothing blocks deletion any more.');
  });

  it('sends no DELETE through a client given after the check, until that client has read the checks', async () => {
    const first = fakeApi({ checks: [ok(clearBody())] });
    const second = fakeApi({ checks: [ok(clearBody())] });
    const el = await readyToDelete(first);
    el.client = second.client;
    deleteButton(el).click();
    await quiet(el);
    expect(first.deletes()).to.have.length(0);
    expect(second.deletes()).to.have.length(0);

    await eventually(() => second.checks().length === 1 && !isUnusable(deleteButton(el)), 'the new client read the checks');
    await deleteAndSettle(el);
    expect(first.deletes()).to.have.length(0);
    expect(second.deletes()).to.have.length(1);
  });

  it('sends no DELETE when a request listener swaps the client', async () => {
    const first = fakeApi({ checks: [ok(clearBody())] });
    const second = fakeApi({ checks: [ok(clearBody())] });
    const el = await readyToDelete(first);
    el.addEventListener('account-delete-request', () => (el.client = second.client), { once: true });
    deleteButton(el).click();
    await quiet(el);
    expect(first.deletes()).to.have.length(0);
    expect(second.deletes()).to.have.length(0);
  });

  it('sends no DELETE to a new api-base before its server read the checks', async () => {
    const api = fakeApi({ checks: [ok(clearBody())] });
    sinon.stub(window, 'fetch').callsFake(api.fetch);
    const checked = oneEvent(document, 'account-delete-checked');
    const el = await fixture<AccountDeletePanel>(html`<account-delete-panel api-base="/one" redirect-url="#deleted"></account-delete-panel>`);
    await checked;
    await el.updateComplete;
    await typeName(el, 'Acme Corp');
    el.setAttribute('api-base', '/two');
    deleteButton(el).click();
    await quiet(el);
    expect(api.deletes()).to.have.length(0);
    await eventually(() => api.checks().some((r) => new URL(r.url).pathname.startsWith('/two/')), 'checked the new API');
  });

  it('sends DELETEs to api-base alone when its server answers with a redirect, and says the outcome is unknown', async () => {
    const run = `panel-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const checked = oneEvent(document, 'account-delete-checked');
    const el = await fixture<AccountDeletePanel>(
      html`<account-delete-panel api-base=${`/real/${run}/redirect-307`} redirect-url="#deleted"></account-delete-panel>`,
    );
    await checked;
    await el.updateComplete;
    await typeName(el, 'Acme Corp');
    await deleteAndSettle(el);
    expect(alertRegion(el)!.textContent).to.include('the deletion was not confirmed');
    await deleteAndSettle(el);

    const log = (await (await fetch(`/real/${run}/log`)).json()) as string[];
    const deletes = log.filter((line) => line.startsWith('DELETE'));
    expect(deletes).to.deep.equal([`DELETE /real/${run}/redirect-307/v3/account/1234`, `DELETE /real/${run}/redirect-307/v3/account/1234`]);
    expect(successMessage(el)).to.equal(null);
  });

  it('says on the console and in its error event why an api-base is refused, and works once it is corrected', async () => {
    const api = fakeApi({ checks: [ok(clearBody())] });
    sinon.stub(window, 'fetch').callsFake(api.fetch);
    const error = sinon.stub(console, 'error');
    const failed = oneEvent(document, 'account-delete-error');
    const el = await fixture<AccountDeletePanel>(html`<account-delete-panel api-base="/api?v=2" redirect-url="#deleted"></account-delete-panel>`);
    const { detail } = await failed;
    await el.updateComplete;
    expect(detail.error).to.be.instanceOf(AccountDeletionError);
    expect(detail.error.message).to.match(/^The api-base was refused: .*without a query/);
    expect(error.calledWithMatch(/<account-delete-panel>: The api-base was refused/)).to.equal(true);
    expect(api.requests).to.have.length(0);
    expect(isUnusable(deleteButton(el))).to.equal(true);

    const checked = oneEvent(el, 'account-delete-checked');
    el.setAttribute('api-base', '/api');
    await checked;
    expect(api.checks()).to.have.length(1);
  });

  it('trusts only a deletable of true from a client of the host’s own, and sends no DELETE otherwise', async () => {
    const api = fakeApi({ checks: [ok(clearBody())] });
    const own: AccountDeletionClient = {
      getPreconditions: async (options) => ({ ...(await api.client.getPreconditions(options)), deletable: 'yes' as unknown as boolean }),
      deleteAccount: (account, options) => api.client.deleteAccount(account, options),
    };
    const el = await readyToDelete({ ...api, client: own });
    expect(isUnusable(deleteButton(el))).to.equal(true);
    deleteButton(el).click();
    await quiet(el);
    expect(api.deletes()).to.have.length(0);
  });

  for (const [what, change] of [
    ['no list of checks', (p: Record<string, unknown>) => ({ ...p, checks: null })],
    ['a check that is null', (p: Record<string, unknown>) => ({ ...p, checks: [null] })],
    ['no account', (p: Record<string, unknown>) => ({ ...p, account: undefined })],
    ['a blocking check whose item is null', (p: Record<string, unknown>) => ({ ...p, checks: [{ type: 'dns_zones', status: 'blocking', count: 1, items: [null] }] })],
  ] as const) {
    it(`fails the check when a client of the host’s own hands over ${what}, and sends no DELETE`, async () => {
      const api = fakeApi({ checks: [ok(clearBody())] });
      const own: AccountDeletionClient = {
        getPreconditions: async (options) => change({ ...(await api.client.getPreconditions(options)) }) as never,
        deleteAccount: (account, options) => api.client.deleteAccount(account, options),
      };
      const el = await readyToDelete({ ...api, client: own }, { confirmation: 'none' });
      expect(isUnusable(deleteButton(el))).to.equal(true);
      expect(alertRegion(el)!.textContent).to.contain('could not be read');
      deleteButton(el).click();
      await quiet(el);
      expect(api.deletes()).to.have.length(0);
    });
  }

  it('keeps "Check again" and "Delete account" as buttons a keyboard reaches', async () => {
    const el = await mount(fakeApi({ checks: [ok(clearBody())] }));
    expect(buttonNamed(el, 'Check again')!.type).to.equal('button');
    expect(deleteButton(el).tabIndex).to.equal(0);
  });
});
