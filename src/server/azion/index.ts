/**
 * `azion(options)`: the account, the three checks and the deletion from Azion's own APIs, the
 * endpoints the Azion console calls, for `createDeletionHandler`.
 */
import { isSafeLink } from '../check-shape.js';
import { UpstreamError } from '../errors.js';
import type { DeletionHandlerOptions } from '../types.js';
import { AccountReader, deleteAzionAccount } from './account.js';
import { debtsCheck } from './debts.js';
import { dnsZonesCheck, edgeApplicationsCheck } from './lists.js';
import type { FetchLike, Upstream } from './upstream.js';

export type ResolvableCheck = 'dns_zones' | 'edge_applications' | 'debts';

export interface AzionOptions {
  /**
   * - `'forward'`: each upstream call carries the incoming request's `Authorization` header, or, when
   *   it has none, its session cookie (`azsid`, the console's session) and no other cookie; a
   *   request with neither is a 401 without asking Azion. Nothing else of the request is passed on.
   * - `{ token }`: one personal token (`Authorization: Token …`) for every call: every request then
   *   acts as that one account. For a single account's own tools and demos, never for a portal with
   *   many users.
   */
  auth: 'forward' | { token: string };
  /** Default `https://api.azion.com`. Plain `http:` only for a loopback host (tests). */
  apiBase?: string;
  /** Default `https://sso.azion.com`. Plain `http:` only for a loopback host (tests). */
  ssoBase?: string;
  /** The `fetch` to call Azion with (a test double such as `createFakeAzionApi().fetch`). Default the global one. */
  fetch?: FetchLike;
  /** Where each check's Resolve link points. Default the Azion console's pages. */
  resolveUrls?: Partial<Record<ResolvableCheck, string>>;
}

export const AZION_CONSOLE_URLS: Readonly<Record<ResolvableCheck, string>> = Object.freeze({
  dns_zones: 'https://console.azion.com/edge-dns',
  edge_applications: 'https://console.azion.com/applications',
  debts: 'https://console.azion.com/billing',
});

function fail(message: string): never {
  throw new TypeError(`azion(): ${message}`);
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** A base URL credentials may be sent to: https, or http on this machine only. */
function base(raw: unknown, name: string, fallback: string): string {
  const value = raw ?? fallback;
  let url: URL;
  try {
    url = new URL(String(value));
  } catch {
    fail(`${name} must be an absolute URL, not ${JSON.stringify(value)}.`);
  }
  if (url.username || url.password || url.search || url.hash || String(value).includes('?') || String(value).includes('#')) {
    fail(`${name} must have no credentials, query or fragment.`);
  }
  // An IPv4 address in 127.0.0.0/8, as the URL parser writes it (`127.1` is `127.0.0.1`): not a name
  // that starts with `127.` (`127.attacker.example`), which resolves wherever its owner says.
  const local = LOOPBACK.has(url.hostname) || /^127(\.\d{1,3}){3}$/.test(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    fail(`${name} must use https (plain http only for a loopback host): the session or token travels with every call.`);
  }
  return url.href.replace(/\/+$/, '');
}

/** A header value the token can be: visible ASCII, no spaces, so it cannot break or add a header. */
const TOKEN = /^[\x21-\x7e]+$/;

function credentialsFor(auth: AzionOptions['auth']): Upstream['credentials'] {
  if (auth === 'forward') {
    return (request): Record<string, string> => {
      const authorization = request.headers.get('authorization');
      if (authorization) return { authorization };
      // The session cookie alone: the portal's other cookies (its own session among them) stay here.
      const cookie = /(?:^|;)\s*(azsid=[^;\s]+)/.exec(request.headers.get('cookie') ?? '')?.[1];
      if (cookie) return { cookie };
      throw new UpstreamError(401, 'Not signed in. Sign in to continue.');
    };
  }
  const token = typeof auth === 'object' && auth !== null ? auth.token : undefined;
  if (typeof token !== 'string' || !TOKEN.test(token)) {
    fail("auth must be 'forward' or { token: '<personal token>' } (the token: visible ASCII, no spaces).");
  }
  const headers = Object.freeze({ authorization: `Token ${token}` });
  return () => ({ ...headers });
}

/**
 * The `account`, `checks` and `deleteAccount` options of `createDeletionHandler`, from Azion's APIs:
 *
 * | what | upstream |
 * |---|---|
 * | the account | `GET {ssoBase}/api/account/info`; only an owner may delete (`GET {ssoBase}/api/user/me`, `results.is_account_owner`), otherwise 403 |
 * | `dns_zones` | `GET {apiBase}/v4/workspace/dns/zones?active=true` |
 * | `edge_applications` | `GET {apiBase}/v4/workspace/applications` |
 * | `debts` | the account's `status` and every page of `GET {apiBase}/v4/payments/history` |
 * | the deletion | `DELETE {apiBase}/v3/account/{id}` with `Accept: application/json; version=3` |
 *
 * Throws `TypeError` for options it cannot use safely.
 */
export function azion(options: AzionOptions): Pick<DeletionHandlerOptions, 'account' | 'checks' | 'deleteAccount'> {
  if (typeof options !== 'object' || options === null) fail("it needs options, at least { auth: 'forward' } or { auth: { token } }.");
  const apiBase = base(options.apiBase, 'apiBase', 'https://api.azion.com');
  const ssoBase = base(options.ssoBase, 'ssoBase', 'https://sso.azion.com');
  const fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  if (typeof fetchFn !== 'function') fail('fetch, when given, must be a function.');
  const links = { ...AZION_CONSOLE_URLS, ...options.resolveUrls };
  for (const [type, link] of Object.entries(links)) {
    if (typeof link !== 'string' || !isSafeLink(link)) fail(`resolveUrls.${type} must be an http(s) URL or a path, not ${JSON.stringify(link)}.`);
  }
  const up: Upstream = { fetch: fetchFn, credentials: credentialsFor(options.auth) };
  const accounts = new AccountReader(up, ssoBase);
  return {
    account: (ctx) => accounts.account(ctx),
    checks: [
      dnsZonesCheck(up, apiBase, links.dns_zones),
      edgeApplicationsCheck(up, apiBase, links.edge_applications),
      debtsCheck(up, apiBase, accounts, links.debts),
    ],
    deleteAccount: (ctx, accountId) => deleteAzionAccount(up, apiBase, ctx, accountId),
  };
}
