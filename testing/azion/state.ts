/**
 * The fake Azion account: its starting state, the changes the demo and tests make to it, and its
 * resources written as Azion's APIs write them (snake_case, with the fields the console reads).
 */
import type { FakeAzionPayment, FakeAzionState } from './types.js';

/** Acme Corp (1234), as the demo shows it: two active zones, one application, 120.50 USD pending. */
export const DEFAULT_AZION_STATE: Readonly<FakeAzionState> = deepFreeze({
  account: { id: 1234, name: 'Acme Corp', kind: 'client', status: 'REGULAR' },
  user: { id: 7, email: 'jane@acme.example', isAccountOwner: true },
  dnsZones: [
    { id: 81, name: 'Acme', domain: 'acme.com', active: true },
    { id: 82, name: 'Acme development', domain: 'acme.dev', active: true },
  ],
  applications: [{ id: 1001, name: 'acme-storefront', removed: false }],
  payments: [
    { id: 1, amountWithCurrency: '$ 98.00', status: 'Paid', paymentDue: '2026-10-01T00:00:00Z', invoiceNumber: 'INV-2026-10' },
    { id: 2, amountWithCurrency: '$ 120.50', status: 'Pending', paymentDue: '2026-11-01T00:00:00Z', invoiceNumber: 'INV-2026-11' },
  ],
  deleted: false,
});

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** The state a fake starts with: the default, with the given parts replaced, copied. */
export function startingState(partial: Partial<FakeAzionState> = {}): FakeAzionState {
  const state = structuredClone({ ...DEFAULT_AZION_STATE, ...partial }) as FakeAzionState;
  if (!Number.isSafeInteger(state.account?.id) || state.account.id < 1) {
    throw new TypeError(`initialState.account.id must be a whole number of at least 1, not ${JSON.stringify(state.account?.id)}`);
  }
  return state;
}

export function findZone(state: FakeAzionState, ref: number | string) {
  const zone = state.dnsZones.find((z) => z.id === ref || String(z.id) === ref || z.domain === ref || z.name === ref);
  if (!zone) throw new RangeError(`The fake Azion API has no DNS zone ${JSON.stringify(ref)}.`);
  return zone;
}

export function findApplication(state: FakeAzionState, ref: number | string) {
  const app = state.applications.find((a) => a.id === ref || String(a.id) === ref || a.name === ref);
  if (!app) throw new RangeError(`The fake Azion API has no edge application ${JSON.stringify(ref)}.`);
  return app;
}

export const isPending = (payment: FakeAzionPayment) => payment.status.trim().toLowerCase() === 'pending';

/** Pays every pending entry. */
export function payDebts(state: FakeAzionState): void {
  for (const payment of state.payments) if (isPending(payment)) payment.status = 'Paid';
}

/** Adds a pending entry: `amountWithCurrency`, or the first pending amount of `initial`, or `$ 120.50`. */
export function addDebt(state: FakeAzionState, initial: FakeAzionState, amountWithCurrency?: string): void {
  const amount = amountWithCurrency ?? initial.payments.find(isPending)?.amountWithCurrency ?? '$ 120.50';
  const id = Math.max(0, ...state.payments.map((p) => p.id)) + 1;
  state.payments.push({ id, amountWithCurrency: amount, status: 'Pending', paymentDue: '2026-12-01T00:00:00Z', invoiceNumber: `INV-${id}` });
}

export function resolveAll(state: FakeAzionState): void {
  for (const zone of state.dnsZones) zone.active = false;
  for (const app of state.applications) app.removed = true;
  payDebts(state);
  if (state.account.status === 'BLOCKED' || state.account.status === 'DEFAULTING') state.account.status = 'REGULAR';
}

/** What a colleague in another tab might do between a check and a deletion: one blocker comes back. */
export function bringBackABlocker(state: FakeAzionState, initial: FakeAzionState): void {
  const zone = state.dnsZones.find((z) => !z.active);
  if (zone) return void (zone.active = true);
  const app = state.applications.find((a) => a.removed);
  if (app) return void (app.removed = false);
  if (!state.payments.some(isPending)) addDebt(state, initial);
}

/** The resources as the endpoints write them. */
export const wire = {
  account: (state: FakeAzionState) => ({
    id: state.account.id,
    name: state.account.name,
    kind: state.account.kind,
    status: state.account.status,
    client_id: `${state.account.id}a`,
    client_flags: ['allow_console'],
    first_login: false,
  }),
  user: (state: FakeAzionState) => ({
    results: {
      id: state.user.id,
      email: state.user.email,
      first_name: 'Jane',
      last_name: 'Doe',
      client_id: `${state.account.id}a`,
      is_account_owner: state.user.isAccountOwner,
      timezone: 'UTC',
    },
  }),
  zone: (zone: FakeAzionState['dnsZones'][number]) => ({
    id: zone.id,
    name: zone.name,
    domain: zone.domain,
    active: zone.active,
    nameservers: ['ns1.aziondns.net', 'ns2.aziondns.com'],
    product_version: '1.0',
  }),
  application: (app: FakeAzionState['applications'][number]) => ({
    id: app.id,
    name: app.name,
    active: true,
    debug: false,
    last_editor: 'jane@acme.example',
    last_modified: '2026-10-20T12:00:00Z',
    product_version: '1.0',
  }),
  payment: (payment: FakeAzionPayment) => ({
    amount_with_currency: payment.amountWithCurrency,
    invoice_number: payment.invoiceNumber,
    invoice_url: payment.invoiceNumber ? `https://console.azion.com/billing/invoices/${payment.invoiceNumber}` : null,
    status: payment.status,
    payment_due: payment.paymentDue,
    card_brand: 'Visa',
    payment_method_details: '•••• 4242',
  }),
};
