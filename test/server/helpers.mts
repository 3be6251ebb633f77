// What the server tests share: a handler over a fresh fake Azion API, and requests to it as the
// panel sends them (real Request objects).
import { azion, createDeletionHandler, memoryStore, type DeletionHandlerOptions, type IdempotencyStore } from '../../src/server/index.ts';
import { createFakeAzionApi, type FakeAzionApiOptions, type FakeAzionState } from '../../testing/index.ts';

export const ORIGIN = 'https://portal.example';
export const PRECONDITIONS = `${ORIGIN}/api/v4/account/deletion/preconditions`;
export const accountUrl = (id: number | string) => `${ORIGIN}/api/v3/account/${id}`;
export const TOKEN = 'test-token';

export interface SetUp {
  upstream: ReturnType<typeof createFakeAzionApi>;
  handler: ReturnType<typeof createDeletionHandler>;
  store: IdempotencyStore;
  errors: { error: unknown; step: string }[];
}

/** A handler with Azion's sources over a fake Azion API that wants `TOKEN`, forwarded from the request. */
export function setUp(
  options: { fake?: FakeAzionApiOptions; handler?: Partial<DeletionHandlerOptions>; state?: Partial<FakeAzionState>; resolved?: boolean } = {},
): SetUp {
  const upstream = createFakeAzionApi({ token: TOKEN, ...options.fake, initialState: { ...options.fake?.initialState, ...options.state } });
  if (options.resolved) upstream.resolveAll();
  const store = options.handler?.idempotency ?? memoryStore();
  const errors: SetUp['errors'] = [];
  const handler = createDeletionHandler({
    basePath: '/api',
    ...azion({ auth: 'forward', apiBase: 'https://api.azion.test', ssoBase: 'https://sso.azion.test', fetch: upstream.fetch }),
    idempotency: store,
    checkTimeout: 200,
    onError: (error, info) => errors.push({ error, step: info.step }),
    ...options.handler,
  });
  return { upstream, handler, store, errors };
}

export const authorized = { authorization: `Token ${TOKEN}` };

export function getChecks(headers: Record<string, string> = authorized): Request {
  return new Request(PRECONDITIONS, { headers });
}

export function deleteAccount(id: number | string, key: string | undefined, headers: Record<string, string> = authorized): Request {
  return new Request(accountUrl(id), { method: 'DELETE', headers: key === undefined ? headers : { ...headers, 'idempotency-key': key } });
}

export async function bodyOf(response: Response): Promise<any> {
  const text = await response.text();
  return text === '' ? undefined : JSON.parse(text);
}

export const upstreamDeletes = (upstream: SetUp['upstream']) => upstream.requests.filter((r) => r.method === 'DELETE');
