/**
 * The faults that happen while a request is still out: an answer slower than the user's patience,
 * and the panel leaving the page (a route change, a framework moving it). For the check and the
 * deletion alike: what the user reads, that Delete stays unusable, how many DELETEs went out, and
 * where the browser ends up.
 */
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { RequestAbortedError, createAccountDeletionClient } from '../../src/index.js';
import {
  afterNextCheck,
  blockedBody,
  bodyWith,
  checkAgainButton,
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
  tryAgainButton,
  typeName,
  type AccountDeletePanel,
  type FakeApi,
} from '../panel/helpers.js';
import { DELETED, FAULT_CLIENT, REDIRECT, alertText, expectPlainWords, resetLocation } from './rows.js';

afterEach(() => {
  sinon.restore();
  resetLocation();
});

const keyOf = (request: Request) => request.headers.get('Idempotency-Key');
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
    user: 'waits with Delete unusable, then "Check again" gives up the slow request and a fresh answer unlocks Delete',
    async run() {
      const api = fakeApi({ checks: [hang, ok(clearBody())], client: FAULT_CLIENT });
      const errors = sinon.spy();
      document.addEventListener('account-delete-error', errors);
      try {
        const el = await mount(api, { settle: false, redirectUrl: REDIRECT, redirectDelay: 0 });
        await eventually(() => api.checks().length === 1, 'the check was sent');
        await typeName(el, 'Acme Corp');
        expect(statusText(el)).to.equal('Checking your account…');
        expect(alertText(el)).to.equal('');
        expect(isUnusable(deleteButton(el))).to.equal(true);
        expect(reasonOf(el)).to.equal('Wait for the account check to finish');
        await pressDeleteEveryWay(el);
        expect(api.deletes()).to.have.length(0);

        expect(checkAgainButton(el).getAttribute('aria-disabled'), '"Check again" stays usable').to.equal('false');
        await afterNextCheck(el, () => checkAgainButton(el).click());
        expect(api.checks()).to.have.length(2);
        expect(api.checks()[0]!.signal.aborted, 'the slow request was given up').to.equal(true);
        expect(errors.called, 'giving up is no error to report').to.equal(false);
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
    fault: 'an abort on disconnect',
    user: 'leaves: the request is aborted with no error; coming back checks again',
    async run() {
      const api = fakeApi({ checks: [hang, ok(clearBody())], client: FAULT_CLIENT });
      const el = await mount(api, { settle: false, redirectUrl: REDIRECT, redirectDelay: 0 });
      await eventually(() => api.checks().length === 1, 'the check was sent');
      const errors = sinon.spy();
      el.addEventListener('account-delete-error', errors);
      const parent = el.parentElement!;
      el.remove();
      expect(api.checks()[0]!.signal.aborted, 'leaving aborts the request').to.equal(true);
      await quiet(el);
      expect(errors.called).to.equal(false);
      expect(alertText(el)).to.equal('');
      expect(api.deletes()).to.have.length(0);

      await afterNextCheck(el, () => parent.append(el));
      expect(api.checks()).to.have.length(2);
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
    user: 'waits with Delete and "Check again" unusable, no second DELETE whatever is pressed, and leaving aborts it',
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
      await quiet(el);
      expect(api.deletes(), 'DELETEs sent').to.have.length(1);
      expect(api.checks(), 'no check while deleting').to.have.length(1);

      el.remove();
      expect(api.deletes()[0]!.signal.aborted, 'leaving aborts the request').to.equal(true);
      await quiet(el);
      expect(api.deletes()).to.have.length(1);
      expect(location.hash).to.equal('');
    },
  },
  {
    step: 'deletion',
    fault: 'an abort on disconnect',
    user: 'comes back to "interrupted", with no DELETE sent by itself; "Try again" repeats it with the same key',
    async run() {
      const gate = held();
      const api = fakeApi({ checks: [ok(clearBody())], deletes: [gate.reply, status(410)], client: FAULT_CLIENT });
      const el = await readyToDelete(api, { redirectUrl: REDIRECT, redirectDelay: 0 });
      deleteButton(el).click();
      await gate.arrived;
      const parent = el.parentElement!;
      const error = new Promise<CustomEvent>((resolve) => el.addEventListener('account-delete-error', resolve as EventListener, { once: true }));
      el.remove();
      expect(api.deletes()[0]!.signal.aborted, 'leaving aborts the request').to.equal(true);
      expect((await error).detail.error).to.be.instanceOf(RequestAbortedError);

      await afterNextCheck(el, () => parent.append(el));
      await quiet(el);
      expect(api.deletes(), 'coming back sends no DELETE').to.have.length(1);
      expect(alertText(el)).to.equal('The deletion was interrupted before the server answered. Try again to be sure: it is safe.');
      expectPlainWords(alertText(el));
      expect(isUnusable(deleteButton(el))).to.equal(false);
      expect(location.hash).to.equal('');

      // The server may have deleted it before the abort: the same key then answers 410, which is success.
      const done = await deleteAndSettle(el, () => tryAgainButton(el)!.click());
      expect(done.type).to.equal('account-deleted');
      expect(api.deletes()).to.have.length(2);
      expect(keyOf(api.deletes()[1]!)).to.equal(keyOf(api.deletes()[0]!));
      expect(successMessage(el)!.textContent).to.contain(DELETED);
      await eventually(() => location.hash === REDIRECT, 'the browser goes to the redirect URL');
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

  it('keeps telling the deletion’s unknown outcome, and "Try again" repeats it with the same key', async () => {
    const { api, el } = await lostThenSignedOut();
    expect(alertText(el)).to.contain('the deletion was not confirmed');
    expect(isUnusable(deleteButton(el)), 'Delete needs a check that allows it').to.equal(true);
    expect(tryAgainButton(el)?.getAttribute('aria-disabled')).to.equal('false');
    await expect(el).to.be.accessible();

    const done = await deleteAndSettle(el, () => tryAgainButton(el)!.click());
    expect(done.type).to.equal('account-deleted');
    const [first, second] = api.deletes().map((request) => request.headers.get('Idempotency-Key'));
    expect(second, 'the same request again').to.equal(first);
  });

  it('sends nothing from the unusable Delete meanwhile', async () => {
    const { api, el } = await lostThenSignedOut();
    deleteButton(el).click();
    textbox(el)!.form!.requestSubmit();
    await quiet(el);
    expect(api.deletes()).to.have.length(1);
  });

  it('does not repeat it through a client or api-base that has never been asked', async () => {
    const { api, el } = await lostThenSignedOut();
    const other = fakeApi({ checks: [status(401, { detail: 'Authentication credentials were not provided.' })], deletes: [noContent] });
    await afterNextCheck(el, () => (el.client = other.client));
    expect(!!tryAgainButton(el), 'no Try again for a new client').to.equal(false);
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
      expect(!!tryAgainButton(el), 'no Try again: a new deletion needs a check that allows it').to.equal(false);
      await el.retry();
      await quiet(el);
      expect(api.deletes()).to.have.length(1);
    }
  });

  it('lets retry() repeat the step that failed last, the check, not the deletion', async () => {
    const { api, el } = await lostThenSignedOut();
    const gate = held();
    api.answerChecks(gate.reply);
    const retried = el.retry();
    await gate.arrived;
    gate.release(status(503));
    await retried;
    await quiet(el);
    expect(api.checks()).to.have.length(3);
    expect(api.deletes(), 'a host calling retry() sends no DELETE the user did not press for').to.have.length(1);
  });

  it('lets a retry() called while the next check runs send the deletion, with the same key, once that check allows it', async () => {
    const { api, el } = await lostThenSignedOut();
    const gate = held();
    api.answerChecks(gate.reply);
    void el.refresh();
    await gate.arrived;
    const retried = el.retry();
    await quiet(el);
    expect(api.deletes(), 'nothing while the check runs').to.have.length(1);
    const deleted = firstOf(el, ['account-deleted']);
    gate.release(ok(clearBody()));
    await retried;
    await deleted;
    const [first, second] = api.deletes().map((request) => request.headers.get('Idempotency-Key'));
    expect(second).to.equal(first);
  });

  it('does not repeat it after a check the server refused for sure (403: not allowed)', async () => {
    const api = fakeApi({
      checks: [ok(clearBody()), status(403, { detail: 'This account is not allowed to be deleted.' })],
      deletes: [networkError, noContent],
    });
    const el = await readyToDelete(api, { redirectUrl: REDIRECT, redirectDelay: 60_000 });
    await deleteAndSettle(el);
    await afterNextCheck(el, () => el.refresh());
    expect(!!tryAgainButton(el) && tryAgainButton(el)?.getAttribute('aria-disabled') === 'false', 'no usable Try again').to.equal(false);
    await el.retry();
    await quiet(el);
    expect(api.deletes()).to.have.length(1);
  });

  it('lets retry() check again after a repeat whose answer was lost too, instead of doing nothing', async () => {
    const { api, el } = await lostThenSignedOut();
    api.answerDeletes(networkError);
    await deleteAndSettle(el, () => tryAgainButton(el)!.click());
    expect(api.deletes()).to.have.length(2);
    const checks = api.checks().length;
    await el.retry();
    await quiet(el);
    expect(api.checks().length, 'a new check').to.equal(checks + 1);
    expect(api.deletes()).to.have.length(2);
  });

  it('does not repeat it once the typed name no longer matches', async () => {
    const { api, el } = await lostThenSignedOut();
    await typeName(el, 'Acme');
    expect(!!tryAgainButton(el), 'no Try again without the name').to.equal(false);
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
      gate.release(noContent);
      await quiet(el);
      expect(api.deletes()).to.have.length(1);
      expect(location.hash).to.equal('');
    } finally {
      for (const home of homes) home.remove();
    }
  });
});
