/**
 * Every fault of the table on the deletion (DELETE account), through the element with the real SDK
 * client: what the user reads, whether Delete is usable, how many DELETEs went out and with which
 * Idempotency-Key, and where the browser ends up.
 */
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { ReauthenticationRequiredError } from '../../src/index.js';
import {
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
  tryAgainButton,
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
  unknown: '"Try again" repeats the DELETE with the same key',
  refused: '"Try again" sends a new DELETE with a fresh key',
  'signed-out': 'no "Try again"; Delete sends a new DELETE with a fresh key',
  blocked: 'Delete stays unusable and nothing is sent again',
};

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
      await quiet(el);
      expect(location.hash, 'the page stays').to.equal('');
      await expect(el).to.be.accessible();

      if (outcome === 'blocked') {
        expect(isUnusable(deleteButton(el))).to.equal(true);
        expect(tryAgainButton(el), 'no way to send the same DELETE again').to.equal(undefined);
        deleteButton(el).click();
        textbox(el)!.form!.requestSubmit();
        await el.retry();
        await quiet(el);
        expect(api.deletes()).to.have.length(1);
        expect(location.hash).to.equal('');
        return;
      }

      // Delete and "Try again" are usable: the user may ask again, once per press. Signed out, the way
      // forward is to sign in and check again: Delete then, not "Try again".
      expect(isUnusable(deleteButton(el))).to.equal(false);
      if (outcome === 'signed-out') expect(!!tryAgainButton(el), 'no "Try again" when signed out').to.equal(false);
      const press = outcome === 'signed-out' ? () => deleteButton(el).click() : () => tryAgainButton(el)!.click();
      const done = await deleteAndSettle(el, press);
      expect(done.type).to.equal('account-deleted');
      expect(api.deletes(), 'one more DELETE for one more press').to.have.length(2);
      const [first, second] = api.deletes().map(keyOf);
      if (outcome === 'unknown') expect(second, 'the same request again').to.equal(first);
      else expect(second, 'a new request after a sure refusal').to.be.a('string').and.not.equal(first);
      await eventually(() => location.hash === REDIRECT, 'the browser goes to the redirect URL');
    });
  }
});
