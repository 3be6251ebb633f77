import { expect, fixtureSync, html } from '@open-wc/testing';
import {
  afterNextCheck,
  bodyWith,
  clearBody,
  fakeApi,
  held,
  nextOutcome,
  ok,
  status,
  type AccountDeletePanel,
  type Reply,
} from './helpers.js';

/** An answer shaped as most are: the three checks blocking, with names, a debt and a link each. */
const usual = () =>
  bodyWith([
    { type: 'dns_zones', status: 'blocking', items: [{ id: 1, name: 'acme.com' }, { id: 2, name: 'acme.dev' }], resolve_url: '/dns' },
    { type: 'edge_applications', status: 'blocking', items: [{ id: 3, name: 'acme-storefront' }], resolve_url: '/apps' },
    { type: 'debts', status: 'blocking', amount: { value: '120.50', currency: 'USD' }, resolve_url: '/billing' },
  ]);

/** A panel `width` px wide with a paragraph under it, its first check held until `release`. */
async function pageOf(width: number, replies: Reply[]) {
  const gate = held();
  const api = fakeApi({ checks: [gate.reply, ...replies] });
  const root = fixtureSync<HTMLDivElement>(html`<div style="width: ${width}px">
    <account-delete-panel .client=${api.client} redirect-url="#deleted"></account-delete-panel>
    <p id="below">What the page has under the panel.</p>
  </div>`);
  const el = root.querySelector<AccountDeletePanel>('account-delete-panel')!;
  await gate.arrived;
  await el.updateComplete;
  const below = root.querySelector('#below')!;
  const top = () => below.getBoundingClientRect().top;
  /** Lets the panel render, then the resize observer run, then the layout settle. */
  const settled = async () => {
    await el.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  };
  await settled();
  return { el, gate, top, settled };
}

describe('the page under the panel', () => {
  for (const width of [320, 360, 1280]) {
    it(`does not move when the usual checks arrive, ${width} px wide`, async () => {
      const { gate, top, settled } = await pageOf(width, []);
      const before = top();
      const outcome = nextOutcome();
      gate.release(ok(usual()));
      await outcome;
      await settled();
      expect(top()).to.equal(before);
    });

    it(`does not move up when a re-check finds everything resolved, or fails, ${width} px wide`, async () => {
      const { el, gate, top, settled } = await pageOf(width, [ok(clearBody()), status(500)]);
      gate.release(ok(usual()));
      await nextOutcome();
      await settled();
      const blocked = top();
      // Inside the panel too: the checks and Check again stay where they were.
      const inside = () =>
        [...el.shadowRoot!.querySelectorAll('#checks > li, [part="recheck-button"]')].map((node) => node.getBoundingClientRect().top);
      const rows = inside();
      await afterNextCheck(el, () => el.refresh());
      await settled();
      expect(top(), 'everything resolved').to.equal(blocked);
      expect(inside(), 'the checks and Check again').to.deep.equal(rows);
      // A failed check says so in the alert under the checks: it may push down, never pull up.
      await afterNextCheck(el, () => el.refresh());
      await settled();
      expect(top(), 'the check failed').to.be.at.least(blocked);
    });

    it(`gives a check that passes on a re-check new words, not the old ones moved, ${width} px wide`, async () => {
      // "Edge applications: resolved" may wrap where the sentence it replaces did not: the sentence
      // would then start a line lower, and an old node that moves is a layout shift.
      const { el, gate, settled } = await pageOf(width, [ok(clearBody())]);
      gate.release(ok(usual()));
      await nextOutcome();
      await settled();
      const rows = [...el.shadowRoot!.querySelectorAll('#checks > li')];
      const words = rows.map((row) => row.querySelector('.check-text'));
      await afterNextCheck(el, () => el.refresh());
      await settled();
      const now = [...el.shadowRoot!.querySelectorAll('#checks > li')];
      expect(now, 'the rows stay, with the height they keep').to.deep.equal(rows);
      expect(now.map((row) => row.className)).to.deep.equal(['passed', 'passed', 'passed']);
      expect(
        words.map((node) => node!.isConnected),
        'the old words are gone, none moved',
      ).to.deep.equal([false, false, false]);
    });
  }

  it("lets the kept room go at the user's next key in the panel, when a move is expected", async () => {
    const { el, gate, settled } = await pageOf(360, [ok(clearBody())]);
    gate.release(ok(usual()));
    await nextOutcome();
    await settled();
    await afterNextCheck(el, () => el.refresh());
    await settled();
    const first = () => el.shadowRoot!.querySelector('#checks > li')!.getBoundingClientRect().height;
    const held = first();
    el.shadowRoot!.querySelector('input')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'A', bubbles: true, composed: true }));
    await settled();
    // "DNS zones: resolved" needs one line, not the three of the blocked sentence.
    expect(first()).to.be.below(held - 20);
  });

  it('gives back the room of the unseen sample checks at the click after a press, never at the press', async () => {
    const { el, gate, top, settled } = await pageOf(360, []);
    const before = top();
    const outcome = nextOutcome();
    gate.release(ok(clearBody()));
    await outcome;
    await settled();
    expect(top(), 'three resolved checks, in the room of a usual answer').to.equal(before);
    const heading = el.shadowRoot!.querySelector('h2')!;
    // A move on the press could take a control from under the pointer before its release.
    heading.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await settled();
    expect(top(), 'after the press').to.equal(before);
    heading.click();
    await settled();
    expect(top(), 'after the click').to.be.below(before - 40);
  });

  it('keeps no room the words no longer need once the width changes', async () => {
    const { el, gate, top, settled } = await pageOf(320, [ok(clearBody())]);
    gate.release(ok(usual()));
    await nextOutcome();
    await settled();
    await afterNextCheck(el, () => el.refresh());
    await settled();
    const narrow = top();
    (el.parentElement as HTMLElement).style.width = '1280px';
    await settled();
    await settled();
    // At 1280 px every sentence fits on fewer lines: the panel is shorter than at 320 px.
    expect(top()).to.be.below(narrow - 100);
  });
});

describe('the room kept before the checks come', () => {
  it('costs the first render no Intl.DateTimeFormat: the "at 12:59" time is not asked for (the first of a page takes tens of ms)', async () => {
    const gate = held();
    const api = fakeApi({ checks: [gate.reply] });
    const asked: Date[] = [];
    const strings = { checkedAt: (time: Date) => (asked.push(time), `Checked at ${time.getHours()}:${time.getMinutes()}`) };
    const el = fixtureSync<AccountDeletePanel>(html`<account-delete-panel .client=${api.client} .strings=${strings}></account-delete-panel>`);
    await gate.arrived;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.checked')!.textContent, 'the room of the check time is kept').to.not.equal('');
    expect(asked, 'checkedAt called while the first check runs').to.deep.equal([]);
    gate.release(ok(usual()));
  });
});
