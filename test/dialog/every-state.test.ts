/**
 * Both elements, inline and in the window, through every state a user meets: checking, blocked, a
 * failed check, ready, deleting, a failed deletion, deleted. axe finds nothing in any of them.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../components/account-delete-dialog/account-delete-dialog.js';
import type { AccountDeleteDialog } from '../../components/account-delete-dialog/account-delete-dialog.js';
import type { AccountDeletePanel } from '../../components/account-delete-panel/account-delete-panel.js';
import { blockedBody, clearBody, eventually, fakeApi, held, noContent, ok, status, type FakeApi } from '../panel/helpers.js';

afterEach(() => {
  if (location.hash) history.replaceState(null, '', location.pathname + location.search);
});

type Where = 'inline' | 'in the window';

/** The element to test with axe, and the panel that shows the flow. */
async function mount(where: Where, api: FakeApi): Promise<{ host: HTMLElement; panel: AccountDeletePanel }> {
  if (where === 'inline') {
    const checked = oneEvent(document, 'account-delete-checked');
    const panel = await fixture<AccountDeletePanel>(
      html`<account-delete-panel .client=${api.client} redirect-url="#done" redirect-delay="60000" support-url="/help"></account-delete-panel>`,
    );
    await checked;
    return { host: panel, panel };
  }
  const dialog = await fixture<AccountDeleteDialog>(
    html`<account-delete-dialog .client=${api.client} redirect-url="#done" redirect-delay="60000" support-url="/help"></account-delete-dialog>`,
  );
  await expect(dialog, 'closed').to.be.accessible();
  const checked = oneEvent(dialog, 'account-delete-checked');
  dialog.show();
  await checked;
  return { host: dialog, panel: dialog.shadowRoot!.querySelector('account-delete-panel')! };
}

async function settled(host: HTMLElement, panel: AccountDeletePanel): Promise<void> {
  await panel.updateComplete;
  await (host as AccountDeletePanel).updateComplete;
}

const part = (panel: AccountDeletePanel, name: string) => panel.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;

async function type(panel: AccountDeletePanel, value: string): Promise<void> {
  const input = part(panel, 'confirm-input') as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await panel.updateComplete;
}

for (const where of ['inline', 'in the window'] as Where[]) {
  describe(`every state, ${where}, passes axe`, () => {
    it('checking, blocked, a failed check, ready', async () => {
      const gate = held();
      const api = fakeApi({ checks: [ok(blockedBody()), gate.reply, status(503), ok(clearBody())] });
      const { host, panel } = await mount(where, api);
      await settled(host, panel);
      await expect(host, 'blocked').to.be.accessible();
      void panel.refresh();
      await gate.arrived;
      await settled(host, panel);
      await expect(host, 'checking').to.be.accessible();
      gate.release(ok(blockedBody()));
      await eventually(() => part(panel, 'recheck-button').getAttribute('aria-disabled') === 'false', 'checked');
      await panel.refresh();
      await settled(host, panel);
      expect(part(panel, 'error').textContent).to.contain('status 503');
      await expect(host, 'a failed check').to.be.accessible();
      await panel.refresh();
      await type(panel, 'Acme Corp');
      await settled(host, panel);
      expect(part(panel, 'delete-button').getAttribute('aria-disabled')).to.equal('false');
      await expect(host, 'ready').to.be.accessible();
      await type(panel, 'Acme Corpse');
      await expect(host, 'a name that does not match').to.be.accessible();
    });

    it('deleting, a failed deletion, deleted', async () => {
      const gate = held();
      const api = fakeApi({ checks: [ok(clearBody())], deletes: [status(500, { detail: 'x' }, { 'X-Request-Id': 'req-7' }), gate.reply] });
      const { host, panel } = await mount(where, api);
      await type(panel, 'Acme Corp');
      const failed = oneEvent(host, 'account-delete-error');
      part(panel, 'delete-button').click();
      await failed;
      await settled(host, panel);
      await expect(host, 'a failed deletion').to.be.accessible();
      part(panel, 'delete-button').click();
      await gate.arrived;
      await settled(host, panel);
      await expect(host, 'deleting').to.be.accessible();
      gate.release(noContent);
      await eventually(() => panel.shadowRoot!.querySelector('[part="success"]'), 'deleted');
      await settled(host, panel);
      await expect(host, 'deleted').to.be.accessible();
    });
  });
}
