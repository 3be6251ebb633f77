import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../components/account-delete-panel/account-delete-panel.js';
import { createAccountDeletionClient } from '../../src/index.js';
import type { AccountDeletePanel } from '../../components/account-delete-panel/account-delete-panel.js';

const blocked = {
  data: {
    account: { id: 1234, name: 'Acme Corp', kind: 'client' },
    deletable: false,
    checked_at: '2026-11-28T10:00:00Z',
    checks: [
      { type: 'dns_zones', status: 'blocking', count: 2, items: [{ id: 81, name: 'acme.com' }, { id: 82, name: 'acme.dev' }], resolve_url: 'https://console.azion.com/edge-dns' },
      { type: 'edge_applications', status: 'passed', count: 0, items: [] },
      { type: 'debts', status: 'blocking', count: 1, amount: { value: '120.50', currency: 'USD' }, resolve_url: 'https://console.azion.com/billing' },
    ],
  },
};

describe('smoke', () => {
  it('renders the blocked checks', async () => {
    const client = createAccountDeletionClient({ fetch: async () => Response.json(blocked) });
    const el = await fixture<AccountDeletePanel>(html`<account-delete-panel .client=${client}></account-delete-panel>`);
    await waitUntil(() => el.shadowRoot!.querySelectorAll('#checks li').length === 3);
    const items = [...el.shadowRoot!.querySelectorAll('#checks li')].map((li) => li.getAttribute('aria-label'));
    expect(items).to.deep.equal([
      'DNS zones: 2 active zones must be disabled (acme.com, acme.dev)',
      'Edge applications: resolved',
      'Debts: 120.50 USD pending',
    ]);
    expect(el.shadowRoot!.querySelector('[part="delete-button"]')!.getAttribute('aria-disabled')).to.equal('true');
    expect(el.shadowRoot!.querySelector('#delete-reason')!.textContent).to.equal('Resolve 2 items first');
    await expect(el).to.be.accessible();
  });
});
