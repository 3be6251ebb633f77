/**
 * Every fault of the table on the deletion (DELETE account), through the element with the real SDK
 * client: what the user reads, whether Delete is usable, how many DELETEs went out and with which
 * Idempotency-Key, and where the browser ends up.
 */
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { ReauthenticationRequiredError } from '../../src/index.js';
import {
  afterNextCheck,
  checkAgainButton,
  clearBody,
  deleteAndSettle,
  deleteButton,
  eventually,
  fakeApi,
  isUnusable,
  noContent,
  ok,
  quiet,
  readyToDelete,
  successMessage,
  textbox,
  type AccountDeletePanel,
} from '../panel/helpers.js';
import { FAULTS, FAULT_CLIENT, REDIRECT, alertText, expectPlainWords, resetLocation, type DeleteOutcome } from './rows.js';

type Flags = { __faultsExecuted?: boolean };

afterEach(() => {
  sinon.restore();
  resetLocation();
  delete (window as Flags).__faultsExecuted;
});

const keyOf = (request: Request) => request.headers.get('Idempotency-Key');

const NEXT: Record<DeleteOutcome, string> = {
  deleted: 'shows success and redirects',
  unknown: 'Delete repeats the DELETE with the same key',
  again: 'Delete sends a new DELETE with a fresh key',
  refused: 'nothing offers to repeat it; a check that allows it, then Delete, sends a fresh key',
  'signed-out': 'Delete waits; "Check again", then Delete, sends a fresh key',
  reauth: "Delete waits; the host's retry() after the sign-in sends a fresh key",
  blocked: 'Delete stays unusable and nothing is sent again',
};

/** The one way forward after each outcome, as a user (or the host, for a sign-in) takes it. */
async function goOn(el: AccountDeletePanel, outcome: DeleteOutcome): Promise<Event> {
  if (outcome === 'unknown' || outcome === 'again') {
    expect(isUnusable(deleteButton(el)), 'Delete is the way forward').to.equal(false);
    return deleteAndSettle(el);
  }
  expect(isUnusable(deleteButton(el)), 'Delete waits').to.equal(true);
  deleteButton(el).click();
  textbox(el)!.form!.requestSubmit();
  if (outcome === 'reauth') return deleteAndSettle(el, () => void el.retry());
  if (outcome === 'refused') {
    // retry() cannot change a sure refusal: nothing is sent.
    await el.retry();
    await quiet(el);
  }
  await afterNextCheck(el, () => checkAgainButton(el).click());
  return deleteAndSettle(el);
}

describe('faults on the deletion', () => {
  for (const row of FAULTS) {
    const { sees, error, outcome } = row.delete;
    it(`after ${row.fault}: says "${sees.slice(0, 40)}…", sends 1 DELETE, ${NEXT[outcome]}`, async () => {
      const api = fakeApi({ checks: [ok(clearBody())], deletes: [row.reply, noContent], client: { ...FAULT_CLIENT, ...row.client } });
      const reauth = sinon.spy();
      const el = await readyToDelete(api, { redirectUrl: REDIRECT, redirectDelay: 0 });
      el.addEventListener('account-delete-reauth-required', reauth);
      const event = (await deleteAndSettle(el)) as CustomEvent<{ error?: unknown }>;
      expect(api.deletes(), 'DELETEs sent for one click').to.have.length(1);
      expect(keyOf(api.deletes()[0]!)).to.be.a('string').and.not.be.empty;
      expect((window as Flags).__faultsExecuted).to.equal(undefined);

      if (outcome === 'deleted') {
        expect(event.type).to.equal('account-deleted');
        expect(successMessage(el)!.textContent).to.contain(sees);
        await eventually(() => location.hash === REDIRECT, 'the browser goes to the redirect URL');
        await quiet(el);
        expect(api.deletes(), 'no DELETE after success').to.have.length(1);
        return;
      }

      // What the user reads, and what the host is told.
      expect(event.type).to.equal('account-delete-error');
      expect(event.detail.error).to.be.instanceOf(error!);
      expect(alertText(el)).to.equal(sees);
      expectPlainWords(alertText(el));
      expect(reauth.callCount, 'the reauthentication event').to.equal(error === ReauthenticationRequiredError ? 1 : 0);
      expect(successMessage(el)).to.equal(null);
      expect(textbox(el)!.value, 'the typed name stays').to.equal('Acme Corp');
      expect(el.shadowRoot!.querySelectorAll('[role="alert"] button'), 'no second button does what Delete does').to.have.length(0);
      await quiet(el);
      expect(location.hash, 'the page stays').to.equal('');
      await expect(el).to.be.accessible();

      if (outcome === 'blocked') {
        expect(isUnusable(deleteButton(el))).to.equal(true);
        deleteButton(el).click();
        textbox(el)!.form!.requestSubmit();
        await el.retry();
        await quiet(el);
        expect(api.deletes()).to.have.length(1);
        expect(location.hash).to.equal('');
        return;
      }

      const done = await goOn(el, outcome);
      expect(done.type).to.equal('account-deleted');
      expect(api.deletes(), 'one more DELETE for one more press').to.have.length(2);
      const [first, second] = api.deletes().map(keyOf);
      if (outcome === 'unknown') expect(second, 'the same request again').to.equal(first);
      else expect(second, 'a new request after a sure answer').to.be.a('string').and.not.equal(first);
      await eventually(() => location.hash === REDIRECT, 'the browser goes to the redirect URL');
    });
  }
});
