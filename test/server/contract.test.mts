// Every answer the handler gives, over generated states of the fake Azion API, checked against
// account-deletion.openapi.yaml by a JSON Schema 2020-12 validator (ajv) loaded from the YAML file;
// and, where no fault was injected, against what the state says: deletable exactly when nothing blocks.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { azion, createDeletionHandler, memoryStore } from '../../src/server/index.ts';
import { createFakeAzionApi } from '../../testing/index.ts';
import { askArbitrary, deletableWithoutFault, faultArbitrary, stateArbitrary, type Ask } from './arbitraries.mts';
import { checkAnswer, SHARED_SPEC_PATH, SPEC_PATH } from './openapi.mts';
import { ORIGIN } from './helpers.mts';

/** Generated upstream states per run; each gets a GET and one more request. */
export const STATE_RUNS = 1000;

const TOKEN = 'contract-token';
const tally = { states: 0, answers: 0, byStatus: new Map<string, number>() };

function requestFor(ask: Ask, accountId: number): { request: Request; path: string | undefined; method: string } {
  const headers: Record<string, string> = { authorization: `Token ${TOKEN}`, 'idempotency-key': 'a-key-0001' };
  const url = (path: string) => `${ORIGIN}/api${path}`;
  switch (ask) {
    case 'get':
      return { request: new Request(url('/v4/account/deletion/preconditions'), { headers }), path: '/v4/account/deletion/preconditions', method: 'GET' };
    case 'no-credentials':
      return { request: new Request(url('/v4/account/deletion/preconditions')), path: '/v4/account/deletion/preconditions', method: 'GET' };
    case 'delete':
      return { request: new Request(url(`/v3/account/${accountId}`), { method: 'DELETE', headers }), path: '/v3/account/{account_id}', method: 'DELETE' };
    case 'delete-other-account':
      return { request: new Request(url(`/v3/account/${accountId + 1}`), { method: 'DELETE', headers }), path: '/v3/account/{account_id}', method: 'DELETE' };
    case 'delete-no-key':
      return { request: new Request(url(`/v3/account/${accountId}`), { method: 'DELETE', headers: { authorization: headers.authorization! } }), path: '/v3/account/{account_id}', method: 'DELETE' };
    case 'delete-bad-key':
      return { request: new Request(url(`/v3/account/${accountId}`), { method: 'DELETE', headers: { ...headers, 'idempotency-key': 'k'.repeat(300) } }), path: '/v3/account/{account_id}', method: 'DELETE' };
    case 'unknown-path':
      return { request: new Request(url('/v4/account/deletion'), { headers }), path: undefined, method: 'GET' };
    case 'wrong-method':
      return { request: new Request(url('/v4/account/deletion/preconditions'), { method: 'POST', headers }), path: undefined, method: 'POST' };
  }
}

async function validated(path: string | undefined, method: string, response: Response) {
  const verdict = await checkAnswer(path, method, response);
  tally.answers++;
  const key = `${method} ${response.status}`;
  tally.byStatus.set(key, (tally.byStatus.get(key) ?? 0) + 1);
  assert.deepEqual(verdict.problems, [], `${method} ${path ?? '(other path)'} ${response.status}: ${JSON.stringify(verdict.body)?.slice(0, 300)}`);
  return verdict.body as any;
}

describe('the copy of the contract these tests read', () => {
  const shared = existsSync(SHARED_SPEC_PATH);
  it('is the shared contract word for word', { skip: shared ? false : `no ${SHARED_SPEC_PATH} beside this clone to compare with` }, () => {
    assert.equal(readFileSync(SPEC_PATH, 'utf8'), readFileSync(SHARED_SPEC_PATH, 'utf8'), 'test/account-deletion.openapi.yaml differs from the shared spec: copy it again');
  });
});

describe('the OpenAPI contract over generated upstream states', () => {
  after(() => {
    const statuses = [...tally.byStatus].sort().map(([key, n]) => `${key}: ${n}`).join(', ');
    console.log(`OpenAPI contract (${SPEC_PATH.split('/').slice(-3).join('/')}): ${tally.states} generated upstream states validated, ${tally.answers} answers (${statuses})`);
  });

  it(`every answer matches account-deletion.openapi.yaml, and deletable/DELETE follow the state (${STATE_RUNS} generated states)`, { timeout: 240_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(stateArbitrary, faultArbitrary, askArbitrary, async (state, fault, ask) => {
        const upstream = createFakeAzionApi({ token: TOKEN, initialState: state });
        if (fault) upstream.failNext(fault.kind, { on: fault.on, times: fault.times, skip: fault.skip, ms: 400 });
        const handler = createDeletionHandler({
          ...azion({ auth: 'forward', fetch: upstream.fetch }),
          idempotency: memoryStore(),
          // Short only where a slow upstream must run out of time; elsewhere a busy machine must not.
          checkTimeout: fault?.kind === 'slow' ? 100 : 5_000,
        });
        const expected = deletableWithoutFault(state);
        const faultFired = () => upstream.requests.some((r) => r.fault !== undefined);

        const first = await handler(requestFor('get', state.account.id).request);
        const body = await validated('/v4/account/deletion/preconditions', 'GET', first);
        if (first.status === 200) {
          if (!fault || !faultFired()) assert.equal(body.data.deletable, expected, 'deletable follows the state');
          if (body.data.deletable) assert.ok(expected && !faultFired(), 'deletable only for a clear state with every call answered');
        }

        upstream.clearRequests();
        const { request, path, method } = requestFor(ask, state.account.id);
        const second = await handler(request);
        await validated(path, method, second);
        const deletes = upstream.requests.filter((r) => r.method === 'DELETE');
        assert.ok(deletes.length <= 1, 'at most one upstream DELETE');
        if (deletes.length === 1) {
          assert.equal(ask, 'delete');
          assert.ok(expected, 'an upstream DELETE only for an account with nothing blocking');
          assert.ok(upstream.requests.filter((r) => r.method === 'GET').every((r) => r.fault === undefined), 'and only when every read was answered');
        }
        // Azion confirms a deletion with a 204, or with its JSON 410 (the account already gone).
        if (second.status === 204) assert.ok(deletes.length === 1 && (deletes[0]?.status === 204 || deletes[0]?.status === 410), 'a 204 only for a deletion upstream confirmed');
        tally.states++;
      }),
      { numRuns: STATE_RUNS },
    );
    assert.equal(tally.states, STATE_RUNS);
  });
});
