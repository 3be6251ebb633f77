/**
 * The public types of the fake backend. They describe the fake's own state and log, not the API:
 * the wire format is written by hand in `checks.ts` and `answers.ts`, straight from the OpenAPI file,
 * so that the fake stays an independent second reading of the contract the SDK is tested against.
 */

/** The account the fake serves. */
export interface FakeAccount {
  id: number;
  name: string;
  /** `client`, `reseller`, `brand` or `group`. */
  kind: string;
}

/** A DNS zone: an active one blocks deletion. */
export interface FakeDnsZone {
  id: number;
  name: string;
  active: boolean;
}

/** An edge application: any that is not removed blocks deletion. */
export interface FakeEdgeApplication {
  id: number;
  name: string;
  removed: boolean;
}

/** An amount as the API writes it: a decimal string and a three-letter currency code. */
export interface FakeAmount {
  value: string;
  currency: string;
}

/** Everything the fake knows about the account. Every check is evaluated from it on each request. */
export interface FakeBackendState {
  account: FakeAccount;
  dnsZones: FakeDnsZone[];
  edgeApplications: FakeEdgeApplication[];
  /** The unpaid debt, or null when nothing is due. */
  debt: FakeAmount | null;
  /** True once a DELETE succeeded: the session has ended and GET answers 401. */
  deleted: boolean;
}

/**
 * A way the next request can fail, as servers, gateways and networks do:
 * - `server-error`: 500 with a JSON error body
 * - `unavailable`: 503 with a gateway's HTML page, as a proxy in front of the API answers
 * - `forbidden`: 403 `{"detail": "This account is not allowed to be deleted."}`
 * - `reauthentication-required`: 401 with `errors[0].code` `reauthentication_required`
 * - `rate-limited`: 429 with `Retry-After: 1`
 * - `race`: on a DELETE only, a blocker comes back between the check and the delete, so the DELETE answers 409
 *   with the current checks; the blocker stays until resolved again
 * - `malformed-json`: 200 `application/json` whose body is cut off
 * - `wrong-shape`: 200 with valid JSON of the wrong shape (it even claims `deletable: true`)
 * - `html`: 200 with an HTML page, as a captive portal or a misrouted proxy answers
 * - `network-error`: no answer at all (fetch rejects with a TypeError; over HTTP the socket is destroyed)
 * - `lost-answer`: on a DELETE only, the server carries the request out (deletes, or refuses) and then
 *   the answer is lost on the way, as `network-error`: a repeat with the same `Idempotency-Key` then
 *   answers 204, which is what the key is for
 */
export type FaultKind =
  | 'server-error'
  | 'unavailable'
  | 'forbidden'
  | 'reauthentication-required'
  | 'rate-limited'
  | 'race'
  | 'malformed-json'
  | 'wrong-shape'
  | 'html'
  | 'network-error'
  | 'lost-answer';

/** Which requests a queued fault waits for. */
export type FaultTarget = 'any' | 'preconditions' | 'delete';

export interface FaultOptions {
  /**
   * Which requests of the contract it applies to (a GET of the check, a DELETE of the account; never
   * other paths or methods). Default `any`; `race` and `lost-answer` always wait for a DELETE.
   */
  on?: FaultTarget;
  /**
   * How many matching requests fail. Default 1. The SDK repeats a GET that failed by network error, 429,
   * 500, 502, 503 or 504 twice, so such a GET fault needs 3 to reach the caller.
   */
  times?: number;
}

/** A fault waiting in the queue. */
export interface QueuedFault {
  kind: FaultKind;
  on: FaultTarget;
  /** How many more requests it will fail. */
  remaining: number;
}

/** One request as the fake received it, and what it answered. */
export interface FakeRequestRecord {
  /** 1, 2, 3, … in the order the requests arrived. */
  seq: number;
  /** When the request arrived, ISO 8601. */
  time: string;
  /** Upper case: `GET`, `DELETE`, … */
  method: string;
  /** The path below the API base, with the query: `/v3/account/1234`. */
  path: string;
  /** The request headers, names in lower case. */
  headers: Record<string, string>;
  /** The `Idempotency-Key` header, when sent. */
  idempotencyKey: string | undefined;
  /** The status answered; undefined while pending, on a network fault, or when the request was aborted. */
  status: number | undefined;
  /** The `X-Request-Id` answered. */
  requestId: string | undefined;
  /** The fault that answered instead of the model, if any. */
  fault: FaultKind | undefined;
  /** True when the caller gave up (aborted) before the answer; the fake then did nothing. */
  aborted: boolean;
}

/** A request as any transport hands it to `backend.handle()`. */
export interface FakeRequest {
  method: string;
  /** The path below the API base, with any query: `/v4/account/deletion/preconditions`. */
  path: string;
  headers?: Headers | Record<string, string | readonly string[] | undefined>;
}

/** What `backend.handle()` decided: an HTTP answer, or none at all (a network failure). */
export type FakeAnswer =
  | { type: 'response'; status: number; headers: Record<string, string>; body: string }
  | { type: 'network-error' };

export interface FakeBackendOptions {
  /** The initial state; `reset()` returns to it. Default: Acme Corp with two active zones, one application and a debt. */
  initialState?: Partial<FakeBackendState>;
  /**
   * When set, every API request must carry `Authorization: Token <token>` or `Bearer <token>`;
   * otherwise all are accepted, as with a session cookie.
   */
  token?: string;
  /** Milliseconds added before each answer. Default 0. */
  latency?: number;
  /** Where each check's `resolve_url` points. Default the Azion console's pages. */
  resolveUrls?: Partial<Record<'dns_zones' | 'edge_applications' | 'debts', string>>;
  /** The clock for `checked_at` and the request log. Default `() => new Date()`. */
  now?: () => Date;
}
