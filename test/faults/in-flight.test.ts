/**
 * The faults that happen while a request is still out: an answer slower than the user's patience,
 * and the panel leaving the page (a route change, a framework moving it). For the check and the
 * deletion alike: what the user reads, that Delete stays unusable, how many DELETEs went out, and
 * where the browser ends up.
 */
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { createAccountDeletionClient } from '../../src/index.js';
import {
  afterNextCheck,
  blockedBody,
  bodyWith,
  checkAgainButton,
  checksList,
  clearBody,
  deleteAndSettle,
  deleteButton,
  eventually,
  fakeApi,
  firstOf,
  hang,
  held,
  isUnusable,
  mount,
  networkError,
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
} from '../panel/helpers.js';
import { DELETED, FAULT_CLIENT, REDIRECT, alertText, resetLocation } from './rows.js';

afterEach(() => {
  sinon.restore();
  resetLocation();
});

const statusText = (el: AccountDeletePanel) => statusRegion(el).textContent!.replace(/\s+/g, ' ').trim();

/** Every way a user may try to delete: the button, Enter in the textbox, and the host's retry(). */
async function pressDeleteEveryWay(el: AccountDeletePanel): Promise<void> {
  deleteButton(el).click();
  textbox(el)!.form!.requestSubmit();
  await quiet(el);
}

interface InFlightRow {
  step: 'check' | 'deletion';
  fault: string;
  user: string;
  run(): Promise<void>;
}

const ROWS: InFlightRow[] = [
  {
    step: 'check',
    fault: "an answer slower than the user's patience",
    user: 'waits with Delete unusable; "Check again" says it is checking, and 20 presses send no second request; the answer unlocks Delete',
    async run() {
      const gate = held();
      const api = fakeApi({ checks: [gate.reply], client: FAULT_CLIENT });
      const errors = sinon.spy();
      document.addEventListener('account-delete-error', errors);
      try {
        const el = await mount(api, { settle: false, redirectUrl: REDIRECT, redirectDelay: 0 });
        await gate.arrived;
        await typeName(el, 'Acme Corp');
        expect(statusText(el)).to.equal('Checking your account…');
        expect(alertText(el)).to.equal('');
        expect(isUnusable(deleteButton(el))).to.equal(true);
        expect(reasonOf(el)).to.equal('Wait for the account check to finish');
        await pressDeleteEveryWay(el);
        expect(api.deletes()).to.have.length(0);

        // Pressed 20 times while the check is slow: it says it is checking, and asks nothing more.
        expect(checkAgainButton(el).getAttribute('aria-disabled'), '"Check again" says it is checking').to.equal('true');
        for (let i = 0; i < 20; i++) checkAgainButton(el).click();
        const refreshed = el.refresh();
        await quiet(el);
        expect(api.checks(), 'one GET for 20 presses and a refresh()').to.have.length(1);

        const read = afterNextCheck(el, () => gate.release(ok(clearBody())));
        await read;
        await refreshed;
        expect(errors.called).to.equal(false);
        expect(isUnusable(deleteButton(el))).to.equal(false);
        expect(api.deletes()).to.have.length(0);
        expect(location.hash).to.equal('');
      } finally {
        document.removeEventListener('account-delete-error', errors);
      }
    },
  },
  {
    step: 'check',
    fault: 'a move off the page',
    user: 'leaves: the check goes on; coming back shows its answer, with no second request',
    async run() {
      const gate = held();
      const api = fakeApi({ checks: [gate.reply, ok(clearBody())], client: FAULT_CLIENT });
      const el = await mount(api, { settle: false, redirectUrl: REDIRECT, redirectDelay: 0 });
      await gate.arrived;
      const errors = sinon.spy();
      el.addEventListener('account-delete-error', errors);
      const parent = el.parentElement!;
      el.remove();
      expect(api.checks()[0]!.signal.aborted, 'the check is not given up').to.equal(false);
      gate.release(ok(clearBody()));
      await quiet(el);
      parent.append(el);
      // Waits for the answer itself: how many tasks reading it takes differs between engines.
      await eventually(() => checksList(el) !== null, 'the answer of the check that went on is shown');
      await quiet(el);
      expect(api.checks(), 'its answer is the one shown').to.have.length(1);
      expect(errors.called).to.equal(false);
      expect(alertText(el)).to.equal('');
      await typeName(el, 'Acme Corp');
      expect(isUnusable(deleteButton(el))).to.equal(false);
      expect(api.deletes()).to.have.length(0);
      expect(location.hash).to.equal('');
    },
  },
  {
    step: 'deletion',
    fault: "an answer slower than the user's patience",
    user: 'waits with Delete and "Check again" unusable, no second DELETE whatever is pressed, and leaving does not abort it',
    async run() {
      const api = fakeApi({ checks: [ok(clearBody())], deletes: [hang], client: FAULT_CLIENT });
      const el = await readyToDelete(api, { redirectUrl: REDIRECT, redirectDelay: 0 });
      deleteButton(el).click();
      await eventually(() => api.deletes().length === 1, 'the DELETE was sent');
      await el.updateComplete;
      expect(statusText(el)).to.equal('Deleting your account…');
      expect(alertText(el)).to.equal('');
      expect(isUnusable(deleteButton(el))).to.equal(true);
      expect(reasonOf(el)).to.equal('The account is being deleted');
      expect(checkAgainButton(el).getAttribute('aria-disabled')).to.equal('true');
      await pressDeleteEveryWay(el);
      checkAgainButton(el).click();
      await el.retry();
      await el.refresh();
      await quiet(el);
      expect(api.deletes(), 'DELETEs sent').to.have.length(1);
      expect(api.checks(), 'no check while deleting').to.have.length(1);

      el.remove();
      expect(api.deletes()[0]!.signal.aborted, 'an irreversible request is never aborted').to.equal(false);
      await quiet(el);
      expect(api.deletes()).to.have.length(1);
      expect(location.hash).to.equal('');
    },
  },
  {
    step: 'deletion',
    fault: 'a move off the page',
    user: 'comes back to the outcome: the request finished meanwhile, the success shows, account-deleted fires then, and the redirect follows',
    async run() {
      const gate = held();
      const api = fakeApi({ checks: [ok(clearBody())], deletes: [gate.reply], client: FAULT_CLIENT });
      const el = await readyToDelete(api, { redirectUrl: REDIRECT, redirectDelay: 0 });
      deleteButton(el).click();
      await gate.arrived;
      const parent = el.parentElement!;
      const heard: string[] = [];
      const listen = (event: Event) => heard.push(event.type);
      el.addEventListener('account-deleted', listen);
      el.addEventListener('account-delete-error', listen);
      el.remove();
      expect(api.deletes()[0]!.signal.aborted, 'leaving does not abort the DELETE').to.equal(false);
      gate.release(noContent);
      await quiet(el, 30);
      expect(heard, 'nothing is told while away').to.deep.equal([]);
      expect(location.hash, 'no navigation while away').to.equal('');

      parent.append(el);
      await eventually(() => location.hash === REDIRECT, 'the browser goes to the redirect URL');
      expect(heard).to.deep.equal(['account-deleted']);
      expect(successMessage(el)!.textContent).to.contain(DELETED);
      expect(api.deletes()).to.have.length(1);
      expect(api.checks(), 'no check once deleted').to.have.length(1);
    },
  },
];

describe('faults while a request is out', () => {
  for (const row of ROWS) {
    it(`on the ${row.step}, ${row.fault}: the user ${row.user}`, row.run);
  }
});

/** A client whose fetch cannot be aborted (some polyfills and instrumented fetches): the answer still comes. */
function unabortable(api: FakeApi) {
  const fetch = (input: RequestInfo | URL, init?: RequestInit) => api.fetch(new Request(new Request(input, init), { signal: null }));
  return createAccountDeletionClient({ fetch, retry: { limit: 0 } });
}

describe('a deletion whose answer was lost, then a check that fails', () => {
  // The server deleted the account; its answer never came. The deletion ended the session, so the
  // next check (Check again, or the return to the page) gets a 401.
  async function lostThenSignedOut(options: { confirmation?: string } = {}) {
    const api = fakeApi({
      checks: [ok(clearBody()), status(401, { detail: 'Authentication credentials were not provided.' })],
      deletes: [networkError, noContent],
    });
    const el = await readyToDelete(api, { redirectUrl: REDIRECT, redirectDelay: 60_000, ...options });
    await deleteAndSettle(el);
    await afterNextCheck(el, () => el.refresh());
    return { api, el };
  }

  it('keeps telling the deletion’s unknown outcome, and Delete repeats it with the same key', async () => {
    const { api, el } = await lostThenSignedOut();
    expect(alertText(el)).to.contain('the deletion was not confirmed');
    expect(isUnusable(deleteButton(el)), 'Delete is the way forward').to.equal(false);
    expect(el.shadowRoot!.querySelectorAll('[role="alert"] button'), 'no second button does the same').to.have.length(0);
    await expect(el).to.be.accessible();

    const done = await deleteAndSettle(el);
    expect(done.type).to.equal('account-deleted');
    const [first, second] = api.deletes().map((request) => request.headers.get('Idempotency-Key'));
    expect(second, 'the same request again').to.equal(first);
  });

  it('sends one DELETE for one press: a second press while it is out sends nothing', async () => {
    const { api, el } = await lostThenSignedOut();
    const gate = held();
    api.answerDeletes(gate.reply);
    deleteButton(el).click();
    await gate.arrived;
    await pressDeleteEveryWay(el);
    expect(api.deletes()).to.have.length(2);
    gate.release(noContent);
    await eventually(() => successMessage(el) !== null, 'the success shows');
    expect(api.deletes()).to.have.length(2);
  });

  it('does not repeat it through a client or api-base that has never been asked', async () => {
    const { api, el } = await lostThenSignedOut();
    const other = fakeApi({ checks: [status(401, { detail: 'Authentication credentials were not provided.' })], deletes: [noContent] });
    await afterNextCheck(el, () => (el.client = other.client));
    expect(isUnusable(deleteButton(el)), 'no repeat through a new client').to.equal(true);
    await el.retry();
    await quiet(el);
    expect(other.deletes()).to.have.length(0);
    expect(api.deletes()).to.have.length(1);
  });

  it('does not repeat it after a check that read the account as still there and blocked, or not deletable', async () => {
    for (const answer of [blockedBody(), bodyWith(clearBody().data.checks, false)]) {
      const api = fakeApi({
        checks: [ok(clearBody()), ok(answer), status(401, { detail: 'Authentication credentials were not provided.' })],
        deletes: [networkError, noContent],
      });
      const el = await readyToDelete(api, { redirectUrl: REDIRECT, redirectDelay: 60_000 });
      await deleteAndSettle(el);
      await afterNextCheck(el, () => el.refresh());
      await afterNextCheck(el, () => el.refresh());
      expect(isUnusable(deleteButton(el)), 'a new deletion needs a check that allows it').to.equal(true);
      await el.retry();
      await quiet(el);
      expect(api.deletes()).to.have.length(1);
    }
  });

  it('lets retry() repeat the deletion of unknown outcome, with the same key', async () => {
    const { api, el } = await lostThenSignedOut();
    const deleted = firstOf(el, ['account-deleted']);
    await el.retry();
    await deleted;
    const [first, second] = api.deletes().map((request) => request.headers.get('Idempotency-Key'));
    expect(second).to.equal(first);
    expect(api.checks(), 'no check in between').to.have.length(2);
  });

  it('lets a retry() called while the next check runs wait for it; a check that allows it goes on to repeat the deletion, with the same key', async () => {
    const { api, el } = await lostThenSignedOut();
    const gate = held();
    api.answerChecks(gate.reply);
    void el.refresh();
    await gate.arrived;
    const retried = el.retry();
    await quiet(el);
    expect(api.deletes(), 'nothing while the check runs').to.have.length(1);
    expect(api.checks(), 'retry() joins the running check').to.have.length(3);
    gate.release(ok(clearBody()));
    await retried;
    await quiet(el);
    expect(api.deletes(), 'the retry asked for went on to the repeat').to.have.length(2);
    const [first, second] = api.deletes().map((request) => request.headers.get('Idempotency-Key'));
    expect(second, 'the account is still there, the outcome still unknown: the same key').to.equal(first);
  });

  it('keeps the unknown outcome on show after a check the server refused (403): the repeat is the same request', async () => {
    const api = fakeApi({
      checks: [ok(clearBody()), status(403, { detail: 'This account is not allowed to be deleted.' })],
      deletes: [networkError, noContent],
    });
    const el = await readyToDelete(api, { redirectUrl: REDIRECT, redirectDelay: 60_000 });
    await deleteAndSettle(el);
    await afterNextCheck(el, () => el.refresh());
    expect(alertText(el)).to.contain('the deletion was not confirmed');
    const done = await deleteAndSettle(el);
    expect(done.type).to.equal('account-deleted');
    const [first, second] = api.deletes().map((request) => request.headers.get('Idempotency-Key'));
    expect(second).to.equal(first);
  });

  it('lets retry() repeat it again after a repeat whose answer was lost too, with the same key', async () => {
    const { api, el } = await lostThenSignedOut();
    api.answerDeletes(networkError);
    await deleteAndSettle(el);
    expect(api.deletes()).to.have.length(2);
    api.answerDeletes(noContent);
    const deleted = firstOf(el, ['account-deleted']);
    await el.retry();
    await deleted;
    expect(new Set(api.deletes().map((request) => request.headers.get('Idempotency-Key')))).to.have.property('size', 1);
  });

  it('does not repeat it once the typed name no longer matches', async () => {
    const { api, el } = await lostThenSignedOut();
    await typeName(el, 'Acme');
    expect(isUnusable(deleteButton(el)), 'no repeat without the name').to.equal(true);
    await el.retry();
    await quiet(el);
    expect(api.deletes()).to.have.length(1);
  });
});

describe('moving the panel while the DELETE is out', () => {
  it('sends no other DELETE when the server answers after the panel was taken off and put back', async () => {
    const gate = held();
    const api = fakeApi({ checks: [ok(clearBody())], deletes: [gate.reply] });
    const el = await readyToDelete({ ...api, client: unabortable(api) }, { redirectUrl: REDIRECT, redirectDelay: 0 });
    deleteButton(el).click();
    await gate.arrived;
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await quiet(el);
    expect(api.checks(), 'no check while the DELETE is out').to.have.length(1);
    await pressDeleteEveryWay(el);
    expect(api.deletes()).to.have.length(1);

    const deleted = new Promise((resolve) => el.addEventListener('account-deleted', resolve, { once: true }));
    gate.release(noContent);
    await deleted;
    await eventually(() => location.hash === REDIRECT, 'the browser goes to the redirect URL');
    await quiet(el);
    expect(api.deletes()).to.have.length(1);
  });

  for (const [where, takeAway] of [
    ['off the page', (el: AccountDeletePanel) => el.remove()],
    ['in a document with no window (document.implementation)', (el: AccountDeletePanel) => document.implementation.createHTMLDocument('elsewhere').body.append(el)],
  ] as const) {
    it(`tells of a deletion that succeeded while it was ${where} only once it is back, so the host can keep the page`, async () => {
      const gate = held();
      const api = fakeApi({ checks: [ok(clearBody())], deletes: [gate.reply] });
      const el = await readyToDelete({ ...api, client: unabortable(api) }, { redirectUrl: REDIRECT, redirectDelay: 0 });
      const heard: string[] = [];
      const keepThePage = (event: Event) => {
        heard.push(event.type);
        event.preventDefault();
      };
      const firedWhileAway: Event[] = [];
      const away = (event: Event) => firedWhileAway.push(event);
      document.addEventListener('account-deleted', keepThePage);
      try {
        deleteButton(el).click();
        await gate.arrived;
        const parent = el.parentElement!;
        takeAway(el);
        el.addEventListener('account-deleted', away);
        gate.release(noContent);
        await quiet(el, 50);
        el.removeEventListener('account-deleted', away);
        expect(location.hash, 'no redirect while the host could not answer').to.equal('');
        expect(firedWhileAway, 'account-deleted fired while away').to.have.length(0);

        parent.append(el);
        await quiet(el, 50);
        expect(heard).to.deep.equal(['account-deleted']);
        expect(location.hash, 'the host kept the page').to.equal('');
        expect(successMessage(el)).to.exist;
        expect(api.deletes()).to.have.length(1);
      } finally {
        document.removeEventListener('account-deleted', keepThePage);
      }
    });
  }

  it('sends no other DELETE when moved many times while the DELETE is out', async () => {
    const gate = held();
    const api = fakeApi({ checks: [ok(clearBody())], deletes: [gate.reply, noContent] });
    const el = await readyToDelete(api, { redirectUrl: REDIRECT, redirectDelay: 0 });
    deleteButton(el).click();
    await gate.arrived;
    const homes = [document.createElement('div'), document.createElement('div')];
    document.body.append(...homes);
    try {
      for (let i = 0; i < 10; i++) homes[i % 2]!.append(el);
      expect(api.deletes()[0]!.signal.aborted, 'moves never abort the DELETE').to.equal(false);
      gate.release(noContent);
      await eventually(() => location.hash === REDIRECT, 'the success is told, and the browser goes on');
      await quiet(el);
      expect(api.deletes()).to.have.length(1);
    } finally {
      for (const home of homes) home.remove();
    }
  });
});
