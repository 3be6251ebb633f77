/** The example bodies of the HTTP contract (account-deletion.openapi.yaml), as the server sends them. */

export const ACCOUNT = { id: 1234, name: 'Acme Corp', kind: 'client' };

/** The `blocked` example. */
export function blockedBody() {
  return {
    data: {
      account: { ...ACCOUNT },
      deletable: false,
      checked_at: '2026-11-28T10:00:00Z',
      checks: [
        {
          type: 'dns_zones',
          status: 'blocking',
          count: 2,
          items: [
            { id: 81, name: 'acme.com' },
            { id: 82, name: 'acme.dev' },
          ],
          resolve_url: 'https://console.azion.com/edge-dns',
        },
        { type: 'edge_applications', status: 'passed', count: 0, items: [] },
        {
          type: 'debts',
          status: 'blocking',
          count: 1,
          amount: { value: '120.50', currency: 'USD' },
          resolve_url: 'https://console.azion.com/billing',
        },
      ],
    },
  };
}

/** The `clear` example, for any account. */
export function clearBody(account: { id: number; name: string; kind?: string } = ACCOUNT) {
  return {
    data: {
      account: { ...account },
      deletable: true,
      checked_at: '2026-11-28T10:05:00Z',
      checks: [
        { type: 'dns_zones', status: 'passed', count: 0, items: [] },
        { type: 'edge_applications', status: 'passed', count: 0, items: [] },
        { type: 'debts', status: 'passed', count: 0 },
      ],
    },
  };
}

/** A 409 as the spec shows it: one DNS zone still active. */
export function conflictBody() {
  return {
    errors: [
      {
        status: '409',
        code: 'account_has_blockers',
        title: 'Account cannot be deleted yet',
        detail: 'Resolve the items below before deleting this account.',
        meta: {
          checks: [
            { type: 'dns_zones', status: 'blocking', count: 1, items: [{ id: 81, name: 'acme.com' }] },
            { type: 'edge_applications', status: 'passed', count: 0, items: [] },
            { type: 'debts', status: 'passed', count: 0 },
          ],
        },
      },
    ],
  };
}

