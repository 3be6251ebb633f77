// The headless flow (`account-deletion-kit/flow`), with the SDK, against the server half over the
// fake Azion API: what a team with its own UI meets end to end, with no panel. Real Request and
// Response objects all the way; the SDK's fetch is the handler itself.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createAccountDeletionClient } from '../../src/index.js';
import { createDeletionFlow, en, failureText, type DeletionFlow, type Snapshot } from '../../src/flow/index.js';
import { azion, createDeletionHandler, memoryStore } from '../../src/server/index.js';
import { createFakeAzionApi } from '../../testing/index.js';

const ORIGIN = 'https://portal.example';
const TOKEN = 'test-token';

interface SetUp {
  upstream: ReturnType<typeof createFakeAzionApi>;
  handler: ReturnType<typeof createDeletionHandler>;
}

/** The server half as a partner deploys it, over a fake Azion API that wants `TOKEN`. */
function setUp(options: { resolved?: boolean } = {}): SetUp {
  const upstream = createFakeAzionApi({ token: TOKEN });
  if (options.resolved) upstream.resolveAll();
  const handler = createDeletionHandler({ basePath: '/api', ...azion({ auth: 'forward', fetch: upstream.fetch }), idempotency: memoryStore() });
  return { upstream, handler };
}

const upstreamDeletes = (upstream: SetUp['upstream']) => upstream.requests.filter((r) => r.method === 'DELETE');

/** The flow over `set`'s handler; `sent` gets every request the SDK made, as the handler got it. */
function flowOver(set: SetUp, sent: Request[] = []): DeletionFlow {
  const client = createAccountDeletionClient({
    apiBase: `${ORIGIN}/api`,
    token: TOKEN,
    retry: { limit: 0 },
    fetch: (input, init) => {
      const request = new Request(input, init);
      sent.push(request.clone());
      return set.handler(request);
    },
  });
  let keys = 0;
  return createDeletionFlow({ client, newKey: () => `flow-key-${++keys}`, navigate: () => {}, redirectUrl: '/goodbye', redirectDelay: 60_000 });
}

/** Resolves with the first snapshot that `done` accepts (the current one included). */
function until(flow: DeletionFlow, done: (snapshot: Snapshot) => boolean): Promise<Snapshot> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (stop(), reject(new Error(`still ${flow.getSnapshot().status}`))), 5_000);
    const look = () => {
      const snapshot = flow.getSnapshot();
      if (!done(snapshot)) return false;
      clearTimeout(timer);
      stop();
      resolve(snapshot);
      return true;
    };
    const stop = flow.subscribe(look);
    look();
  });
}

describe('the headless flow against the server half', () => {
  it('shows what blocks, then deletes once everything is resolved upstream: one DELETE to Azion', async () => {
    const set = setUp();
    const flow = flowOver(set);
    flow.send({ type: 'check' });
    const blocked = await until(flow, (s) => s.status !== 'checking');
    assert.equal(blocked.status, 'blocked');
    assert.equal(blocked.canDelete, false);
    assert.ok(blocked.preconditions?.checks.some((check) => check.status === 'blocking'));

    set.upstream.resolveAll();
    flow.send({ type: 'check' });
    const ready = await until(flow, (s) => s.status !== 'checking' && s !== blocked);
    assert.equal(ready.status, 'ready');
    flow.send({ type: 'confirm', value: ready.account!.name });
    assert.equal(flow.getSnapshot().canDelete, true);
    flow.send({ type: 'delete' });
    const deleted = await until(flow, (s) => s.status === 'deleted' || s.status === 'delete-failed');
    assert.equal(deleted.status, 'deleted');
    assert.equal(set.upstream.state.deleted, true);
    assert.equal(upstreamDeletes(set.upstream).length, 1);
    flow.dispose();
  });

  it('after an answer lost on the way back, Delete repeats the same key, and Azion deletes no second time', async () => {
    const set = setUp({ resolved: true });
    const sent: Request[] = [];
    const flow = flowOver(set, sent);
    flow.send({ type: 'check' });
    const ready = await until(flow, (s) => s.status === 'ready');
    flow.send({ type: 'confirm', value: ready.account!.name });
    set.upstream.failNext('lost-answer');
    flow.send({ type: 'delete' });
    const unknown = await until(flow, (s) => s.status === 'delete-failed' || s.status === 'deleted');
    assert.equal(unknown.status, 'delete-failed');
    assert.equal(unknown.failure?.outcome, 'unknown');
    assert.equal(set.upstream.state.deleted, true, 'Azion deleted it; the handler never heard');
    assert.equal(unknown.actions.delete, 'retry', 'Delete repeats the request');
    flow.send({ type: 'retry' });
    const after = await until(flow, (s) => s !== unknown && s.status !== 'deleting');
    const keys = sent.filter((r) => r.method === 'DELETE').map((r) => r.headers.get('idempotency-key'));
    assert.equal(keys.length, 2);
    assert.equal(keys[1], keys[0], 'the repeat carries the same Idempotency-Key');
    assert.equal(upstreamDeletes(set.upstream).length, 1, 'one upstream DELETE in all');
    // Azion ends the session of a deleted account, and the handler cannot tell that from any other
    // ended session: the repeat is answered 401. The flow says the account may be gone, with nothing
    // usable that could send a new deletion.
    assert.equal(after.status, 'delete-failed');
    assert.deepEqual([after.failure?.outcome, after.failure?.mayBeDeleted], ['signed-out', true]);
    assert.equal(after.canDelete, false);
    assert.equal(failureText(after, en)?.text, en.errorSignedOutMayBeDeleted);
    flow.dispose();
  });
});
