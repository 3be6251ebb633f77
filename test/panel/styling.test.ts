import { expect, html, oneEvent } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import sinon from 'sinon';
import {
  blockedBody,
  clearBody,
  deleteAndSettle,
  deleteButton,
  fakeApi,
  held,
  mount,
  mountIn,
  ok,
  readyToDelete,
  status,
  typeName,
  type AccountDeletePanel,
} from './helpers.js';
import { onlyWhereLauncherCan } from '../launcher.js';

/** True while a test has the page in dark mode, to be put back for the next test. */
let darkened = false;

afterEach(async () => {
  sinon.restore();
  if (darkened) await emulateMedia({ colorScheme: 'light' });
  darkened = false;
  history.replaceState(null, '', location.pathname + location.search);
});

const partsOf = (el: AccountDeletePanel) =>
  new Set([...el.shadowRoot!.querySelectorAll('[part]')].flatMap((node) => node.getAttribute('part')!.split(/\s+/)));

describe('styling', () => {
  it('needs no inline style, so a Content-Security-Policy without unsafe-inline allows it', async () => {
    const el = await mount(fakeApi({ checks: [ok(blockedBody())] }));
    expect(el.shadowRoot!.querySelectorAll('style')).to.have.length(0);
    // The only inline styles are the heights the panel keeps and the sample checks it lets go, set
    // through the CSSOM (which a policy without unsafe-inline allows: test/security/csp.test.mjs runs
    // it under one), never from markup.
    el.shadowRoot!.querySelector('h2')!.click();
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    for (const styled of el.shadowRoot!.querySelectorAll<HTMLElement>('[style]')) {
      const allowed = styled.matches('.sample') ? ['display'] : ['box-sizing', 'min-height'];
      expect([...styled.style], styled.className).to.have.members(allowed);
    }
    expect(el.shadowRoot!.querySelector<HTMLElement>('.sample')!.style.display, 'the sample checks let go').to.equal('none');
    expect(el.shadowRoot!.adoptedStyleSheets.length).to.be.greaterThan(0);
    expect(el.shadowRoot!.mode).to.equal('open');
  });

  it('exposes its main pieces as parts in every state', async () => {
    const gate = held();
    const api = fakeApi({ checks: [ok(blockedBody()), ok(clearBody())], deletes: [status(500), gate.reply] });
    const el = await mount(api, { redirectDelay: 60_000 });
    expect([...partsOf(el)]).to.include.members([
      'base',
      'heading',
      'status',
      'checks',
      'check',
      'check-passed',
      'check-blocking',
      'resolve-link',
      'recheck-button',
      'consequences',
      'error',
      'confirm-input',
      'delete-button',
      'reason',
    ]);
    const checked = oneEvent(el, 'account-delete-checked');
    await el.refresh();
    await checked;
    await typeName(el, 'Acme Corp');
    await deleteAndSettle(el);
    expect(partsOf(el)).to.include('error');
    const deleted = oneEvent(el, 'account-deleted');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="delete-button"]')!.click();
    gate.release(() => new Response(null, { status: 204 }));
    await deleted;
    await el.updateComplete;
    expect([...partsOf(el)]).to.include.members(['success', 'go-now-link', 'stay-button']);
  });

  it('takes its colours from --account-delete-panel-* custom properties', async () => {
    const api = fakeApi({ checks: [ok(clearBody())] });
    const { el } = await mountIn(html`<div style="--account-delete-panel-danger: rgb(1, 2, 3); --account-delete-panel-radius: 0px">
      <account-delete-panel .client=${api.client} confirmation="none" redirect-url="#deleted"></account-delete-panel>
    </div>`);
    const button = deleteButton(el);
    expect(getComputedStyle(button).backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(el.shadowRoot!.querySelector('[part="base"]')!).borderTopLeftRadius).to.equal('0px');
  });

  // The system's dark mode can only be played by media emulation, which Chromium's launcher alone has.
  it('is readable in dark mode: contrast holds in every state', async function () {
    await onlyWhereLauncherCan(this, 'emulate-media');
    darkened = true;
    await emulateMedia({ colorScheme: 'dark' });
    const blocked = await mount(fakeApi({ checks: [ok(blockedBody())] }));
    const light = 'rgb(255, 255, 255)';
    expect(getComputedStyle(blocked.shadowRoot!.querySelector('[part="base"]')!).backgroundColor).to.not.equal(light);
    await expect(blocked).to.be.accessible();

    const api = fakeApi({ checks: [ok(clearBody())], deletes: [status(503)] });
    const failed = await readyToDelete(api);
    await deleteAndSettle(failed);
    await expect(failed).to.be.accessible();
  });
});
