/**
 * Every fault of the table on the check (GET preconditions), through the element with the real SDK
 * client: what the user reads, that Delete stays unusable, that no DELETE goes out, that the page
 * stays where it is, and that "Check again" (the one way forward) reads the account once the server is back.
 */
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { ConflictError, ReauthenticationRequiredError } from '../../src/index.js';
import {
  ACCOUNT,
  afterNextCheck,
  checkAgainButton,
  clearBody,
  deleteButton,
  fakeApi,
  isUnusable,
  mount,
  ok,
  quiet,
  reasonOf,
  status,
  textbox,
  typeName,
} from '../panel/helpers.js';
import { FAULTS, FAULT_CLIENT, REDIRECT, alertText, expectPlainWords, resetLocation } from './rows.js';

type Flags = { __faultsExecuted?: boolean };

afterEach(() => {
  sinon.restore();
  resetLocation();
  delete (window as Flags).__faultsExecuted;
});

describe('faults on the check', () => {
  for (const row of FAULTS) {
    const { sees, error, gets } = row.check;
    it(`after ${row.fault}: says "${sees.slice(0, 48)}…", keeps Delete unusable, sends no DELETE, stays on the page`, async () => {
      const api = fakeApi({ checks: [row.reply], client: { ...FAULT_CLIENT, ...row.client } });
      const errors = sinon.spy();
      const reauth = sinon.spy();
      document.addEventListener('account-delete-error', errors);
      document.addEventListener('account-delete-reauth-required', reauth);
      try {
        const el = await mount(api, { redirectUrl: REDIRECT, redirectDelay: 0 });
        await typeName(el, ACCOUNT.name);

        // What the user reads.
        expect(alertText(el)).to.equal(sees);
        expectPlainWords(alertText(el));
        expect(errors.callCount, 'one error event').to.equal(1);
        expect(errors.firstCall.args[0].detail.error).to.be.instanceOf(error);
        expect(reauth.callCount, 'the reauthentication event').to.equal(error === ReauthenticationRequiredError ? 1 : 0);

        // Delete is unusable, and no way of pressing it sends anything.
        expect(isUnusable(deleteButton(el))).to.equal(true);
        expect(reasonOf(el)).to.equal('The account could not be checked');
        deleteButton(el).click();
        textbox(el)!.form!.requestSubmit();
        await quiet(el);
        expect(api.deletes(), 'DELETEs sent').to.have.length(0);
        expect(api.checks(), 'GETs sent (the SDK repeats only network errors and 5xx)').to.have.length(gets);
        expect(location.hash, 'the page stays').to.equal('');
        expect(el.shadowRoot!.querySelectorAll('img, script, iframe')).to.have.length(0);
        expect((window as Flags).__faultsExecuted).to.equal(undefined);
        await expect(el).to.be.accessible();

        // The one way forward: once the server answers again, "Check again" reads the checks and the typed name still counts.
        expect(el.shadowRoot!.querySelectorAll('[role="alert"] button'), 'no second button in the alert').to.have.length(0);
        expect(checkAgainButton(el).getAttribute('aria-disabled')).to.equal('false');
        api.answerChecks(ok(clearBody()));
        await afterNextCheck(el, () => checkAgainButton(el).click());
        expect(alertText(el)).to.equal('');
        expect(isUnusable(deleteButton(el))).to.equal(false);
        expect(api.deletes()).to.have.length(0);
      } finally {
        document.removeEventListener('account-delete-error', errors);
        document.removeEventListener('account-delete-reauth-required', reauth);
      }
    });
  }

  it('asks once, not again and again, when the check is answered by a 409 with no checks', async () => {
    const api = fakeApi({ checks: [status(409, { detail: 'The account has blockers.' })], client: FAULT_CLIENT });
    const errors = sinon.spy();
    document.addEventListener('account-delete-error', errors);
    try {
      const el = await mount(api);
      await quiet(el, 50);
      expect(api.checks()).to.have.length(1);
      expect(errors.callCount).to.equal(1);
      expect(errors.firstCall.args[0].detail.error).to.be.instanceOf(ConflictError);
      expect(alertText(el)).to.equal('The account has blockers. If you think this is a mistake, contact support.');
      expect(isUnusable(deleteButton(el))).to.equal(true);
      expect(checkAgainButton(el).getAttribute('aria-disabled'), 'a way forward').to.equal('false');
    } finally {
      document.removeEventListener('account-delete-error', errors);
    }
  });
});
