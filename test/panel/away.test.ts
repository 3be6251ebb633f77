/**
 * The panel taken off the page and put back while its flow goes on: what it tells the page of that
 * time. A DELETE's outcome (and a check the flow starts after it) is told once it is back on a page,
 * in order, whatever the page's listeners do meanwhile; a check's news alone is not kept.
 */
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { clearBody, deleteButton, eventually, fakeApi, held, mount, noContent, ok, quiet, readyToDelete, reauthBody, status, type AccountDeletePanel, type Held, type Reply } from './helpers.js';

afterEach(() => sinon.restore());

const alertText = (el: HTMLElement) => el.shadowRoot!.querySelector('[role="alert"]')!.textContent!.replace(/\s+/g, ' ').trim();

/** `listener` on the document for each of `types`; the function returned removes them. */
function onDocument(types: string[], listener: (event: Event) => void): () => void {
  for (const type of types) document.addEventListener(type, listener);
  return () => types.forEach((type) => document.removeEventListener(type, listener));
}

/** Delete pressed, the panel taken off the page while its DELETE is out, then `reply`: resolves once the flow took it. */
async function answeredAway(
  el: AccountDeletePanel,
  gate: Held,
  reply: Reply,
  taken = () => el.flow.getSnapshot().status === 'delete-failed',
): Promise<void> {
  deleteButton(el).click();
  await gate.arrived;
  el.remove();
  gate.release(reply);
  await eventually(taken, 'the answer taken off the page');
}

describe('taken off the page', () => {
  it('DELETE out → panel taken off the page → 500 → panel put back: account-delete-error reaches the page then, once', async () => {
    // Before: the error event was sent while the panel was off the page, where no listener up the tree hears it.
    const gate = held();
    const api = fakeApi({ checks: [ok(clearBody())], deletes: [gate.reply] });
    const el = await readyToDelete(api, { redirectDelay: 60_000 });
    const errors: boolean[] = [];
    const onError = (event: Event) => errors.push((event.target as Element).isConnected);
    const stop = onDocument(['account-delete-error'], onError);
    try {
      const parent = el.parentElement!;
      await answeredAway(el, gate, status(500));
      await quiet(el);
      expect(errors, 'nothing while away').to.deep.equal([]);
      parent.append(el);
      await quiet(el);
      expect(errors, 'told once, with the panel on the page').to.deep.equal([true]);
      expect(alertText(el)).to.contain('500');
    } finally {
      stop();
    }
  });

  it('DELETE out → taken off → 401 fresh sign-in → put back → a page listener takes it off at the first event: the flow knows it is away, the second event waits', async () => {
    // Before: the held events went out before the flow heard the panel was back, so the flow took it
    // as on the page while it was off it again (a retry() then sent a DELETE from there), and the
    // second event went out off the page, heard by no listener of the page.
    const gate = held();
    const api = fakeApi({ checks: [ok(clearBody())], deletes: [gate.reply, noContent] });
    const el = await readyToDelete(api, { redirectDelay: 60_000 });
    const parent = el.parentElement!;
    const heard: string[] = [];
    const first = (event: Event) => {
      heard.push(event.type);
      if (heard.length === 1) el.remove();
    };
    const stop = onDocument(['account-delete-error', 'account-delete-reauth-required'], first);
    try {
      await answeredAway(el, gate, status(401, reauthBody()));
      parent.append(el);
      await quiet(el);
      expect([heard.length, el.isConnected]).to.deep.equal([1, false]);
      await el.retry();
      await quiet(el);
      expect(api.deletes(), 'nothing sent from off the page').to.have.length(1);
      parent.append(el);
      await quiet(el);
      expect([...heard].sort()).to.deep.equal(['account-delete-error', 'account-delete-reauth-required']);
    } finally {
      stop();
    }
  });

  it('DELETE out → taken off → 409 that names nothing → the flow\'s own check answers 401 fresh sign-in → put back: the page hears all of it, in order', async () => {
    // Before (for a moment): the check the flow started after the 409 was taken as a check of its own,
    // and its news went to the panel off the page, where no listener of the page heard it.
    const gate = held();
    const api = fakeApi({ checks: [ok(clearBody()), status(401, reauthBody())], deletes: [gate.reply] });
    const el = await readyToDelete(api, { redirectDelay: 60_000 });
    const parent = el.parentElement!;
    const heard: string[] = [];
    const hear = (event: Event) => heard.push(event.type);
    const types = ['account-delete-error', 'account-delete-reauth-required', 'account-delete-checked'];
    const stop = onDocument(types, hear);
    try {
      await answeredAway(el, gate, status(409, { detail: 'Refused.' }), () => api.checks().length === 2 && el.flow.getSnapshot().status === 'check-failed');
      await quiet(el);
      expect(heard, 'nothing while away').to.deep.equal([]);
      parent.append(el);
      await quiet(el);
      expect(heard).to.deep.equal(['account-delete-error', 'account-delete-error', 'account-delete-reauth-required']);
    } finally {
      stop();
    }
  });

  it('a check out → taken off the page → it fails → put back: that check\'s news is not kept for the return (only a DELETE\'s outcome is)', async () => {
    const gate = held();
    const api = fakeApi({ checks: [gate.reply, ok(clearBody())] });
    const el = await mount(api, { settle: false });
    await gate.arrived;
    const parent = el.parentElement!;
    const errors = sinon.spy();
    const stop = onDocument(['account-delete-error'], errors);
    try {
      el.remove();
      gate.release(status(500));
      await eventually(() => el.flow.getSnapshot().status === 'check-failed', 'the answer taken off the page');
      parent.append(el);
      await quiet(el, 50);
      expect(errors.callCount).to.equal(0);
    } finally {
      stop();
    }
  });

  it('DELETE out → taken off → 401 fresh sign-in → put back → a listener moves the panel at the first event: the page hears both, in order', async () => {
    // Before: the move started a second flush inside the first, and the page heard the second event first.
    const gate = held();
    const api = fakeApi({ checks: [ok(clearBody())], deletes: [gate.reply] });
    const el = await readyToDelete(api, { redirectDelay: 60_000 });
    const parent = el.parentElement!;
    const other = document.createElement('div');
    parent.after(other);
    const heard: string[] = [];
    const hear = (event: Event) => heard.push(event.type);
    let moved = false;
    parent.addEventListener('account-delete-error', () => moved || ((moved = true), other.append(el)));
    const stop = onDocument(['account-delete-error', 'account-delete-reauth-required'], hear);
    try {
      await answeredAway(el, gate, status(401, reauthBody()));
      parent.append(el);
      await quiet(el);
      expect(heard).to.deep.equal(['account-delete-error', 'account-delete-reauth-required']);
    } finally {
      stop();
      other.remove();
    }
  });

  it('on the page → the DELETE answers 401 fresh sign-in → a page listener takes the panel off at the first event → put back: the second event is told then', async () => {
    // Before: the second event went to the panel off the page, where no listener of the page heard it.
    const api = fakeApi({ checks: [ok(clearBody())], deletes: [status(401, reauthBody())] });
    const el = await readyToDelete(api, { redirectDelay: 60_000 });
    const parent = el.parentElement!;
    const heard: string[] = [];
    const first = (event: Event) => {
      heard.push(event.type);
      if (heard.length === 1) el.remove();
    };
    const stop = onDocument(['account-delete-error', 'account-delete-reauth-required'], first);
    try {
      deleteButton(el).click();
      await eventually(() => heard.length === 1, 'the first event');
      await quiet(el);
      expect(heard).to.have.length(1);
      parent.append(el);
      await quiet(el);
      expect([...heard].sort()).to.deep.equal(['account-delete-error', 'account-delete-reauth-required']);
    } finally {
      stop();
    }
  });

  it('DELETE out → taken off → 500 → put into a document with no window → then back on the page: the error is told once, on the page', async () => {
    const gate = held();
    const api = fakeApi({ checks: [ok(clearBody())], deletes: [gate.reply] });
    const el = await readyToDelete(api, { redirectDelay: 60_000 });
    const parent = el.parentElement!;
    const where: boolean[] = [];
    el.addEventListener('account-delete-error', () => where.push(el.ownerDocument === document && el.isConnected));
    await answeredAway(el, gate, status(500));
    const windowless = document.implementation.createHTMLDocument('');
    windowless.body.append(el);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(where, 'not told where no page is').to.deep.equal([]);
    parent.append(el);
    await quiet(el);
    expect(where).to.deep.equal([true]);
  });

});
