import type { FakeBackendState } from './types.js';

/** A check exactly as it goes on the wire (snake_case, optional fields left out rather than null). */
export type WireCheck = {
  type: string;
  status: 'passed' | 'blocking';
  count: number;
  items?: { id: number | string; name: string }[];
  amount?: { value: string; currency: string };
  resolve_url?: string;
};

export type ResolveUrls = Record<'dns_zones' | 'edge_applications' | 'debts', string>;

export const DEFAULT_RESOLVE_URLS: ResolveUrls = {
  dns_zones: 'https://console.azion.com/edge-dns',
  edge_applications: 'https://console.azion.com/edge-applications',
  debts: 'https://console.azion.com/billing',
};

// The spec caps `items` at 50 while `count` stays the total: a fake that never hits the cap would
// let a client that trusts `items.length` pass its tests.
const MAX_ITEMS = 50;

function listCheck(type: 'dns_zones' | 'edge_applications', blocking: { id: number; name: string }[], urls: ResolveUrls): WireCheck {
  if (blocking.length === 0) return { type, status: 'passed', count: 0, items: [] };
  return {
    type,
    status: 'blocking',
    count: blocking.length,
    items: blocking.slice(0, MAX_ITEMS).map(({ id, name }) => ({ id, name })),
    resolve_url: urls[type],
  };
}

/** Evaluates every check from the state as it is now. */
export function evaluateChecks(state: FakeBackendState, urls: ResolveUrls): WireCheck[] {
  const debt: WireCheck = state.debt
    ? { type: 'debts', status: 'blocking', count: 1, amount: { ...state.debt }, resolve_url: urls.debts }
    : { type: 'debts', status: 'passed', count: 0 };
  return [
    listCheck('dns_zones', state.dnsZones.filter((zone) => zone.active), urls),
    listCheck('edge_applications', state.edgeApplications.filter((app) => !app.removed), urls),
    debt,
  ];
}

/** The body of a 200 from the precondition endpoint. */
export function preconditionsBody(state: FakeBackendState, checks: WireCheck[], checkedAt: Date) {
  return {
    data: {
      account: { ...state.account },
      deletable: checks.every((check) => check.status === 'passed'),
      // The spec's examples carry whole seconds.
      checked_at: checkedAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      checks,
    },
  };
}
