// Generated states of the fake Azion API (fast-check): accounts of every billing status, owners and
// not, lists long enough to page and to pass 50 items, payment histories in every way Azion writes
// amounts (and some it never should), and a queued upstream fault on any endpoint.
import fc from 'fast-check';
import {
  AZION_ENDPOINTS,
  AZION_FAULT_KINDS,
  type AzionEndpoint,
  type AzionFaultKind,
  type FakeAzionApplication,
  type FakeAzionPayment,
  type FakeAzionState,
  type FakeAzionZone,
} from '../../testing/index.ts';

const CLEAR = ['REGULAR', 'ONLINE', 'TRIAL'];
const BLOCKED = ['BLOCKED', 'DEFAULTING'];

const amountText = fc.oneof(
  fc.tuple(fc.constantFrom('$ ', '$', 'R$ ', '€ ', 'USD ', 'BRL '), fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 99 })).map(([symbol, whole, cents]) =>
    symbol.startsWith('R$') || symbol.startsWith('€') ? `${symbol}${whole},${String(cents).padStart(2, '0')}` : `${symbol}${whole}.${String(cents).padStart(2, '0')}`,
  ),
  fc.constantFrom('$ 1.234', 'R$ 1.234,56', '12,50 €', 'US$ 3', 'free', '', '$ -2.00', '¥ 500'),
  fc.string({ maxLength: 12 }),
);

export const stateArbitrary: fc.Arbitrary<FakeAzionState> = fc.record({
  account: fc.record({
    id: fc.integer({ min: 1, max: 2 ** 31 }),
    name: fc.oneof({ weight: 8, arbitrary: fc.string({ minLength: 1, maxLength: 40 }) }, { weight: 1, arbitrary: fc.constantFrom('', '   ', '<img src=x onerror=alert(1)>', 'Ação & Cia') }),
    kind: fc.constantFrom('client', 'reseller', 'brand', 'group'),
    status: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...CLEAR) }, { weight: 2, arbitrary: fc.constantFrom(...BLOCKED) }, { weight: 1, arbitrary: fc.constantFrom('', 'SUSPENDED', 'blocked', 'regular') }),
  }),
  user: fc.record({ id: fc.nat(), email: fc.constant('someone@example.com'), isAccountOwner: fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }) }),
  dnsZones: fc.oneof(
    { weight: 3, arbitrary: fc.constant<FakeAzionZone[]>([]) },
    { weight: 3, arbitrary: fc.array(fc.record({ id: fc.nat(), name: fc.string(), domain: fc.domain(), active: fc.boolean() }), { maxLength: 8 }) },
    { weight: 1, arbitrary: fc.array(fc.record({ id: fc.nat(), name: fc.string(), domain: fc.domain(), active: fc.boolean() }), { minLength: 51, maxLength: 130 }) },
  ),
  applications: fc.oneof(
    { weight: 3, arbitrary: fc.constant<FakeAzionApplication[]>([]) },
    { weight: 3, arbitrary: fc.array(fc.record({ id: fc.nat(), name: fc.string({ maxLength: 30 }), removed: fc.boolean() }), { maxLength: 8 }) },
    { weight: 1, arbitrary: fc.array(fc.record({ id: fc.nat(), name: fc.string({ maxLength: 30 }), removed: fc.boolean() }), { minLength: 51, maxLength: 90 }) },
  ),
  payments: fc.oneof(
    { weight: 3, arbitrary: fc.constant<FakeAzionPayment[]>([]) },
    {
      weight: 4,
      arbitrary: fc.array(
        fc.record({
          id: fc.nat(),
          amountWithCurrency: amountText,
          status: fc.oneof({ weight: 4, arbitrary: fc.constant('Paid') }, { weight: 2, arbitrary: fc.constantFrom('Pending', 'pending') }, { weight: 1, arbitrary: fc.constantFrom('NotCharged', 'Overdue') }),
          paymentDue: fc.constant('2026-11-01T00:00:00Z'),
          invoiceNumber: fc.option(fc.string({ maxLength: 10 }), { nil: null }),
        }),
        { maxLength: 230 },
      ),
    },
  ),
  deleted: fc.oneof({ weight: 12, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
});

export interface QueuedFault {
  kind: AzionFaultKind;
  on: AzionEndpoint | 'any';
  times: number;
  skip: number;
}

export const faultArbitrary: fc.Arbitrary<QueuedFault | null> = fc.option(
  fc.record({
    kind: fc.constantFrom(...AZION_FAULT_KINDS),
    on: fc.constantFrom(...AZION_ENDPOINTS, 'any' as const),
    times: fc.integer({ min: 1, max: 3 }),
    skip: fc.integer({ min: 0, max: 2 }),
  }),
  { freq: 2 },
);

export type Ask = 'get' | 'delete' | 'delete-other-account' | 'delete-no-key' | 'delete-bad-key' | 'unknown-path' | 'wrong-method' | 'no-credentials';

export const askArbitrary: fc.Arbitrary<Ask> = fc.oneof(
  { weight: 6, arbitrary: fc.constant<Ask>('delete') },
  { weight: 1, arbitrary: fc.constantFrom<Ask>('get', 'delete-other-account', 'delete-no-key', 'delete-bad-key', 'unknown-path', 'wrong-method', 'no-credentials') },
);

/** What a correct server must say of a state with no fault: may this account be deleted now? */
export function deletableWithoutFault(state: FakeAzionState): boolean {
  const pending = state.payments.some((p) => p.status.trim().toLowerCase() === 'pending');
  return (
    !state.deleted &&
    state.account.name.trim() !== '' &&
    state.user.isAccountOwner &&
    CLEAR.includes(state.account.status) &&
    !state.dnsZones.some((z) => z.active) &&
    !state.applications.some((a) => !a.removed) &&
    !pending
  );
}
