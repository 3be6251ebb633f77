/**
 * The public types of the fake Azion API: its state (an account as Azion's console sees it), the
 * faults it can inject per endpoint, and its request log.
 */

/** The upstream endpoints the server half calls, by the name faults and latency use. */
export type AzionEndpoint = 'account' | 'user' | 'dns_zones' | 'applications' | 'payments' | 'delete';

export const AZION_ENDPOINTS: readonly AzionEndpoint[] = ['account', 'user', 'dns_zones', 'applications', 'payments', 'delete'];

export interface FakeAzionAccount {
  id: number;
  name: string;
  /** `client`, `reseller`, `brand`, `group`. */
  kind: string;
  /** The billing status: `REGULAR`, `ONLINE`, `TRIAL`, `BLOCKED`, `DEFAULTING`, or anything to test. */
  status: string;
}

export interface FakeAzionUser {
  id: number;
  email: string;
  /** Only an owner may delete the account (`results.is_account_owner` of `/api/user/me`). */
  isAccountOwner: boolean;
}

export interface FakeAzionZone {
  id: number;
  /** The zone's own label. */
  name: string;
  /** The domain, the name people know the zone by. */
  domain: string;
  active: boolean;
}

export interface FakeAzionApplication {
  id: number;
  name: string;
  /** Removed applications are not listed; kept here so they can be restored. */
  removed: boolean;
}

export interface FakeAzionPayment {
  id: number;
  /** As Azion writes it: `$ 120.50`, `R$ 1.234,56`, `€ 9,99`. */
  amountWithCurrency: string;
  /** `Paid`, `Pending`, or anything to test. */
  status: string;
  /** ISO date. */
  paymentDue: string;
  invoiceNumber: string | null;
}

export interface FakeAzionState {
  account: FakeAzionAccount;
  user: FakeAzionUser;
  dnsZones: FakeAzionZone[];
  applications: FakeAzionApplication[];
  payments: FakeAzionPayment[];
  /** True once a DELETE succeeded: every later call answers 401, as the session has ended. */
  deleted: boolean;
}

/**
 * A way the next call to an endpoint fails:
 * - `slow`: answers normally, but only after `ms` (default 60 s): past any sane time limit
 * - `server-error`: 500 in the endpoint's error shape
 * - `unavailable`: 503 with a gateway's HTML page
 * - `html`: 200 with an HTML sign-in page
 * - `unauthorized`: 401 in the endpoint's error shape
 * - `forbidden`: 403 in the endpoint's error shape
 * - `refused`: 400 with field errors (on the deletion nested under `detail`, as the console reads them)
 * - `cut-off`: 200 `application/json` whose body stops midway
 * - `wrong-shape`: 200 with valid JSON of the wrong shape, tempting where it can be (`count: 0` with
 *   no results, `is_account_owner` outside `results`, a 200 `{"deleted": true}` for the deletion)
 * - `network-error`: no answer (`fetch` rejects with a `TypeError`; over HTTP the socket is destroyed)
 * - `lost-answer`: the deletion only: carried out, then no answer
 */
export type AzionFaultKind =
  | 'slow'
  | 'server-error'
  | 'unavailable'
  | 'html'
  | 'unauthorized'
  | 'forbidden'
  | 'refused'
  | 'cut-off'
  | 'wrong-shape'
  | 'network-error'
  | 'lost-answer'
  | 'rate-limited'
  | 'gone';

export const AZION_FAULT_KINDS: readonly AzionFaultKind[] = [
  'slow',
  'server-error',
  'unavailable',
  'html',
  'unauthorized',
  'forbidden',
  'refused',
  'cut-off',
  'wrong-shape',
  'network-error',
  'lost-answer',
  'rate-limited',
  'gone',
];

export interface AzionFaultOptions {
  /** Which endpoint's calls it waits for. Default `any`; `lost-answer` always waits for `delete`. */
  on?: AzionEndpoint | 'any';
  /** How many matching calls fail. Default 1. */
  times?: number;
  /** For `slow`: the milliseconds before the answer. Default 60,000. */
  ms?: number;
  /** Matching calls let through first, to fail a later one (the second page of a list). Default 0. */
  skip?: number;
}

export interface QueuedAzionFault {
  kind: AzionFaultKind;
  on: AzionEndpoint | 'any';
  remaining: number;
  ms: number;
  /** Matching calls still to let through before it applies. */
  skip: number;
}

/** One call as the fake received it. */
export interface FakeAzionRequest {
  seq: number;
  time: string;
  method: string;
  /** The path with the query: `/v4/workspace/dns/zones?active=true&page=1&page_size=50`. */
  path: string;
  /** The endpoint, or undefined for a path the fake does not serve. */
  endpoint: AzionEndpoint | undefined;
  /** Names in lower case. */
  headers: Record<string, string>;
  /** Undefined while pending, on a network fault, or when aborted. */
  status: number | undefined;
  fault: AzionFaultKind | undefined;
  /** True when the caller gave up before the answer. */
  aborted: boolean;
}

export interface FakeAzionApiOptions {
  /** The starting state; `reset()` returns to it. Default: Acme Corp (1234) as the demo shows it. */
  initialState?: Partial<FakeAzionState>;
  /** When set, calls must carry `Authorization: Token <token>` (or the session cookie below). */
  token?: string;
  /** When set, calls must carry `Cookie: azsid=<sessionCookie>` (or the token above). */
  sessionCookie?: string;
  /** Milliseconds before each answer: one figure, or one per endpoint. Default 0. */
  latency?: number | Partial<Record<AzionEndpoint, number>>;
  /** The clock for the request log. */
  now?: () => Date;
}
