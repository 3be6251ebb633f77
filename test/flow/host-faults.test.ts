/**
 * What a host may hand the flow that misbehaves, and how the flow still reaches the user: a token
 * source that never answers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDeletionFlow } from '../../src/flow/index.js';
import { createAccountDeletionClient } from '../../src/index.js';
import { createFakeBackend, createFakeFetch } from '../../testing/index.js';
import { API_BASE, rest } from './helpers.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('ready → the token source stops answering → Delete: the deletion fails as unknown, not deleting forever', async () => {
  const backend = createFakeBackend();
  backend.resolveAll();
  let reads = 0;
  const client = createAccountDeletionClient({
    apiBase: API_BASE,
    fetch: createFakeFetch(backend, { apiBase: API_BASE }),
    timeout: 50,
    token: () => (++reads === 1 ? 'token' : new Promise<string>(() => undefined)),
  });
  const flow = createDeletionFlow({ client, confirmation: 'none' });
  flow.send({ type: 'check' });
  await rest();
  assert.equal(flow.getSnapshot().status, 'ready');
  flow.send({ type: 'delete' });
  await pause(150);
  const snapshot = flow.getSnapshot();
  assert.deepEqual([snapshot.status, snapshot.failure?.outcome, snapshot.canRetry], ['delete-failed', 'unknown', true]);
  assert.deepEqual(backend.requests.map((request) => request.method), ['GET']);
  flow.dispose();
});

test('the token source never answers → check: the check fails, and Check again is offered', async () => {
  const backend = createFakeBackend();
  const client = createAccountDeletionClient({
    apiBase: API_BASE,
    fetch: createFakeFetch(backend, { apiBase: API_BASE }),
    timeout: 50,
    token: () => new Promise<string>(() => undefined),
  });
  const flow = createDeletionFlow({ client });
  flow.send({ type: 'check' });
  await pause(150);
  const snapshot = flow.getSnapshot();
  assert.deepEqual([snapshot.status, snapshot.failure?.outcome, snapshot.actions.check], ['check-failed', 'unavailable', true]);
  assert.equal(backend.requests.length, 0);
  flow.dispose();
});
