/**
 * The first check's request leaves before the panel's first render, not after it: that render takes
 * ten milliseconds and more on a fresh page, and every one of them was added to the wait for the
 * checks. The first render still comes in the same task, before any frame is painted, and before any
 * event: an answer that comes sooner than it is told with the panel drawn. A check's answer is then
 * drawn in one render.
 */
import { expect, fixtureSync, html, waitUntil } from '@open-wc/testing';
import { blockedBody, fakeApi, hang, held, ok, type AccountDeletePanel } from './helpers.js';
import '../../components/account-delete-panel/account-delete-panel.js';
import '../../components/account-delete-dialog/account-delete-dialog.js';
import type { AccountDeleteDialog } from '../../components/account-delete-dialog/account-delete-dialog.js';

/** Whether the panel had drawn anything in its shadow root when the request was handed to fetch. */
function watch(fetch: typeof globalThis.fetch) {
  const seen: { rendered: boolean }[] = [];
  let panel: AccountDeletePanel | undefined;
  const wrapped: typeof globalThis.fetch = (input, init) => {
    seen.push({ rendered: panel?.hasUpdated ?? false });
    return fetch(input, init);
  };
  return { seen, wrapped, set: (el: AccountDeletePanel) => (panel = el) };
}

describe('the first check', () => {
  it('leaves before the first render, through a client the host gives (with a token function)', async () => {
    const api = fakeApi({ checks: [hang] });
    const watched = watch(api.fetch);
    const { createAccountDeletionClient } = await import('../../src/index.js');
    const client = createAccountDeletionClient({ retry: { limit: 0 }, token: async () => 'a-token', fetch: watched.wrapped });
    const el = document.createElement('account-delete-panel') as AccountDeletePanel;
    watched.set(el);
    el.client = client;
    document.body.append(el);
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 0));
    el.remove();
    expect(watched.seen).to.deep.equal([{ rendered: false }]);
  });

  it('leaves before the first render, through the client the panel makes from api-base', async () => {
    const api = fakeApi({ checks: [hang] });
    const watched = watch(api.fetch);
    const original = globalThis.fetch;
    globalThis.fetch = watched.wrapped;
    try {
      const el = document.createElement('account-delete-panel') as AccountDeletePanel;
      watched.set(el);
      el.setAttribute('api-base', 'http://localhost/api');
      document.body.append(el);
      await el.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 0));
      el.remove();
    } finally {
      globalThis.fetch = original;
    }
    expect(watched.seen).to.deep.equal([{ rendered: false }]);
  });

  it('does not hold the first render past its own task: the placeholder is drawn before any frame', async () => {
    const api = fakeApi({ checks: [hang] });
    const el = fixtureSync<AccountDeletePanel>(html`<account-delete-panel .client=${api.client}></account-delete-panel>`);
    // A task later (a frame may come first): the first render must be done.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(el.hasUpdated).to.equal(true);
    expect(el.shadowRoot!.querySelector('.checks-region'), 'the room of the checks').to.exist;
  });
});

describe('the check of a window', () => {
  it('leaves before the window is shown: showing it lays the page out first', async () => {
    const api = fakeApi({ checks: [hang] });
    const seen: { shown: boolean }[] = [];
    const { createAccountDeletionClient } = await import('../../src/index.js');
    const fetch: typeof globalThis.fetch = (input, init) => {
      seen.push({ shown: el.shadowRoot?.querySelector('dialog')?.open ?? false });
      return api.fetch(input, init);
    };
    const el = fixtureSync<AccountDeleteDialog>(html`<account-delete-dialog .client=${createAccountDeletionClient({ retry: { limit: 0 }, fetch })}></account-delete-dialog>`);
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="trigger"]')!.click();
    await el.updateComplete;
    const shownAfterUpdate = el.shadowRoot!.querySelector('dialog')!.open;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(seen).to.deep.equal([{ shown: false }]);
    expect(shownAfterUpdate, 'shown once updateComplete settles').to.equal(true);
  });
});

describe('the answer of a check', () => {
  it('is drawn in one render: the end of the request asks for none of its own', async () => {
    const gate = held();
    const api = fakeApi({ checks: [gate.reply] });
    const el = fixtureSync<AccountDeletePanel>(html`<account-delete-panel .client=${api.client}></account-delete-panel>`);
    await gate.arrived;
    await el.updateComplete;
    const drawn: string[] = [];
    const render = el.render.bind(el);
    el.render = () => (drawn.push(el.flow.getSnapshot().status), render());
    gate.release(ok(blockedBody()));
    await waitUntil(() => el.shadowRoot!.querySelector('#checks li'), 'the checks are shown');
    await el.updateComplete;
    expect(drawn).to.deep.equal(['blocked']);
  });
});

describe('an answer that comes at once', () => {
  // A host's own client whose answer is already there: it comes before the first render's turn.
  for (const [event, answer] of [
    ['account-delete-checked', async () => (await import('../../src/parse.js')).parsePreconditions(blockedBody())],
    ['account-delete-error', async () => Promise.reject(new (await import('../../src/index.js')).ConnectionError('No answer came through.'))],
  ] as const) {
    it(`finds the panel drawn when ${event} is told`, async () => {
      const settled = await answer().then((value) => () => Promise.resolve(value), (error: unknown) => () => Promise.reject(error));
      const client = { getPreconditions: settled, deleteAccount: () => new Promise<never>(() => {}) };
      const el = document.createElement('account-delete-panel') as AccountDeletePanel;
      el.client = client as unknown as AccountDeletePanel['client'];
      const seen = new Promise<number>((resolve) =>
        el.addEventListener(event, () => resolve(el.shadowRoot!.querySelectorAll('[part="confirm-input"], [part="recheck-button"]').length), { once: true }),
      );
      document.body.append(el);
      const drawn = await seen;
      el.remove();
      expect(drawn, 'the input and Check again on show when the event is told').to.equal(2);
    });
  }
});

/** After the idle callbacks asked for so far have run; a moment later where the engine has none. */
const idle = () =>
  new Promise((resolve) => ('requestIdleCallback' in globalThis ? requestIdleCallback(() => setTimeout(resolve, 0)) : setTimeout(resolve, 50)));

/** Keeps the idle callbacks asked for from now on, to run them when a test says (in every engine). */
function heldIdle() {
  const callbacks: IdleRequestCallback[] = [];
  const own = Object.getOwnPropertyDescriptor(globalThis, 'requestIdleCallback');
  Object.defineProperty(globalThis, 'requestIdleCallback', { configurable: true, writable: true, value: (callback: IdleRequestCallback) => callbacks.push(callback) });
  return {
    callbacks,
    run: () => callbacks.splice(0).forEach((callback) => callback({ didTimeout: false, timeRemaining: () => 50 })),
    restore: () => (own ? Object.defineProperty(globalThis, 'requestIdleCallback', own) : Reflect.deleteProperty(globalThis, 'requestIdleCallback')),
  };
}

/** A panel whose words count how often a blocked answer's summary is asked for: the rehearsal asks for one. */
function counted(client: AccountDeletePanel['client']) {
  const summaries: number[] = [];
  const el = document.createElement('account-delete-panel') as AccountDeletePanel;
  el.strings = { blockedSummary: (count: number) => (summaries.push(count), `${count} block.`) };
  el.client = client;
  return { el, summaries };
}

describe('the rehearsal of an answer, while the first check is out', () => {
  it('draws the rows an answer draws, off the page: the checks that block, with names and links, one that passed, the hint', async () => {
    const api = fakeApi({ checks: [hang] });
    const el = fixtureSync<AccountDeletePanel>(html`<account-delete-panel .client=${api.client}></account-delete-panel>`);
    await el.updateComplete;
    const { rehearse } = await import('../../components/account-delete-panel/templates.js');
    const { stringsFor } = await import('../../src/flow/index.js');
    const none = () => {};
    const view = {
      s: stringsFor('en'),
      on: { keydown: none, input: none, submit: none, checkAgain: none, stay: none },
      locale: 'en',
      k: stringsFor('en'),
      lang: () => 'en',
      links: { support: undefined, feedback: undefined, signup: undefined },
      now: Date.now(),
    };
    const into = document.createElement('div');
    const refused = document.createElement('div');
    rehearse(el.flow.getSnapshot(), view, () => true, into);
    rehearse(el.flow.getSnapshot(), view, () => false, refused);
    await idle();
    el.remove();
    expect(refused.childNodes.length, 'nothing once due() says no').to.equal(0);
    if (!('requestIdleCallback' in globalThis)) {
      expect(into.childNodes.length, 'nothing rehearsed without requestIdleCallback').to.equal(0);
      return;
    }
    expect(into.querySelectorAll('#checks li.blocking [part="resolve-link"]').length, 'the checks that block, with their links').to.equal(2);
    expect(into.querySelectorAll('#checks li.blocking bdi').length, 'their titles, sentences and names').to.be.greaterThan(2);
    expect(into.querySelectorAll('#checks li.passed').length, 'a check that passed').to.equal(1);
    expect(into.querySelector('#confirm-hint bdi')?.textContent, 'the hint with the account name').to.equal('Sample');
  });

  it('is drawn by the panel once, and shows nothing: still checking, no checks, no sample account, one request', async () => {
    const idleHeld = heldIdle();
    try {
      const api = fakeApi({ checks: [hang] });
      const { el, summaries } = counted(api.client);
      document.body.append(el);
      await el.updateComplete;
      const before = el.shadowRoot!.querySelector('[part="status"]')!.textContent;
      expect(idleHeld.callbacks.length, 'one rehearsal asked for').to.equal(1);
      idleHeld.run();
      await el.updateComplete;
      expect(summaries.length, 'a blocked answer drawn off the page').to.equal(1);
      expect(el.flow.getSnapshot().status).to.equal('checking');
      expect(el.shadowRoot!.querySelector('#checks'), 'no checks on show').to.equal(null);
      expect(el.shadowRoot!.textContent).not.to.contain('Sample');
      expect(el.shadowRoot!.querySelector('[part="status"]')!.textContent).to.equal(before);
      expect(api.requests.length, 'one request, the check').to.equal(1);
      el.remove();
    } finally {
      idleHeld.restore();
    }
  });

  it('is not drawn once the answer came, nor once the panel left the page', async () => {
    const idleHeld = heldIdle();
    try {
      const gate = held();
      const api = fakeApi({ checks: [gate.reply] });
      const answered = counted(api.client);
      document.body.append(answered.el);
      await gate.arrived;
      await answered.el.updateComplete;
      gate.release(ok(blockedBody()));
      await waitUntil(() => answered.el.shadowRoot!.querySelector('#checks li'), 'the checks are shown');
      const drawn = answered.summaries.length;
      expect(drawn, 'the real answer asked for its summary').to.be.greaterThan(0);

      const left = counted(fakeApi({ checks: [hang] }).client);
      document.body.append(left.el);
      await left.el.updateComplete;
      left.el.remove();

      expect(idleHeld.callbacks.length, 'one rehearsal asked for by each panel').to.equal(2);
      idleHeld.run();
      expect(answered.summaries.length, 'nothing more after the answer').to.equal(drawn);
      expect(left.summaries.length, 'nothing once off the page').to.equal(0);
      answered.el.remove();
    } finally {
      idleHeld.restore();
    }
  });
});
