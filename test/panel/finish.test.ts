/**
 * What makes the panel read as finished: the intro follows the state, the checks say when they were
 * read, the redirect counts down where it is seen (and is announced once), the unusable Delete looks
 * unavailable but readable, deleting keeps its colour, and a narrow panel puts each link under its words.
 */
import { expect, html } from '@open-wc/testing';
import {
  ACCOUNT,
  blockedBody,
  bodyWith,
  clearBody,
  deleteButton,
  eventually,
  fakeApi,
  held,
  mount,
  mountIn,
  ok,
  readyToDelete,
  statusRegion,
  successMessage,
  typeName,
} from './helpers.js';

afterEach(() => {
  if (location.hash) history.replaceState(null, '', location.pathname + location.search);
});

const words = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const intro = (el: HTMLElement) => words(el.shadowRoot!.querySelector('[part="heading"] + p > span'));

describe('a panel that reads as finished', () => {
  it('says what is left to do: what must be resolved, then, once nothing blocks, to type the name', async () => {
    const api = fakeApi({ checks: [ok(blockedBody()), ok(clearBody())] });
    const el = await mount(api);
    expect(intro(el)).to.equal('Before the account can be deleted, everything below must be resolved.');
    await el.refresh();
    await el.updateComplete;
    expect(intro(el)).to.equal('Everything below is resolved. To delete the account, type its name and press Delete account.');
    await expect(el).to.be.accessible();
  });

  it('says when the checks on show were read', async () => {
    const body = bodyWith(clearBody().data.checks, true);
    body.data.checked_at = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    const el = await mount(fakeApi({ checks: [ok(body)] }));
    expect(words(el.shadowRoot!.querySelector('.checked'))).to.equal('Checked just now');
  });

  it('counts the redirect down where it is seen, and announces its time once', async () => {
    const el = await readyToDelete(fakeApi({ checks: [ok(clearBody())] }), { redirectUrl: '#counted', redirectDelay: 2_600 });
    deleteButton(el).click();
    await eventually(() => successMessage(el), 'the success message');
    const countdown = () => el.shadowRoot!.querySelector('.countdown');
    expect(countdown()!.closest('[aria-live="off"]'), 'the count is out of the live region').to.equal(countdown());
    expect(words(statusRegion(el))).to.contain('You will be taken onward in 3 seconds.');
    await eventually(() => words(countdown()).startsWith('You will be taken onward in 2 seconds.'), 'the count goes down');
    await eventually(() => location.hash === '#counted', 'the browser goes on');
  });

  it('shows an unusable Delete as unavailable but readable, and keeps the danger colour while deleting', async () => {
    const gate = held();
    const el = await mount(fakeApi({ checks: [ok(clearBody())], deletes: [gate.reply] }));
    const style = () => getComputedStyle(deleteButton(el));
    const unusable = style();
    expect(unusable.borderStyle).to.equal('solid');
    expect(unusable.opacity).to.equal('1');
    await typeName(el, ACCOUNT.name);
    const usable = style().backgroundColor;
    deleteButton(el).click();
    await gate.arrived;
    await el.updateComplete;
    expect(deleteButton(el).getAttribute('aria-disabled')).to.equal('true');
    expect(style().backgroundColor, 'the danger colour stays').to.equal(usable);
    expect(deleteButton(el).querySelector('.spinner')).to.exist;
  });

  for (const width of [280, 360, 900]) {
    it(`reads well ${width} px wide: each Resolve link under its words when narrow, beside them when wide`, async () => {
      const api = fakeApi({ checks: [ok(blockedBody())] });
      const { el } = await mountIn<HTMLDivElement>(html`<div style="width: ${width}px">
        <account-delete-panel .client=${api.client} redirect-url="#deleted"></account-delete-panel>
      </div>`);
      const item = el.shadowRoot!.querySelector('#checks li.blocking')!;
      const text = item.querySelector('.check-text')!.getBoundingClientRect();
      const link = item.querySelector('a')!.getBoundingClientRect();
      if (width < 480) expect(link.top, 'the link under the words').to.be.at.least(text.bottom - 1);
      else expect(link.left, 'the link beside the words').to.be.at.least(text.right - 1);
      expect(el.getBoundingClientRect().width).to.be.at.most(width);
      expect(el.shadowRoot!.querySelector('[part="base"]')!.scrollWidth).to.be.at.most(width);
      await expect(el).to.be.accessible();
    });
  }
});
