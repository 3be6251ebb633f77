/**
 * What a host may do or hand the flow, and how the flow still reaches the user: a token source that
 * never answers, a new client or a check asked from an `error` listener, a redirect delay longer than
 * a timer keeps, a navigate that throws.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDeletionFlow } from '../../src/flow/index.js';
import { createAccountDeletionClient } from '../../src/index.js';
import { createFakeBackend, createFakeFetch } from '../../testing/index.js';
import { API_BASE, rest, world } from './helpers.js';

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

test('a lost DELETE answer → an error listener gives a new client at once → its check reads clear: the lost answer is on show', async () => {
  const backend = createFakeBackend();
  backend.resolveAll();
  const clientOf = () => createAccountDeletionClient({ apiBase: API_BASE, fetch: createFakeFetch(backend, { apiBase: API_BASE }), retry: { limit: 0 } });
  const [a, b] = [clientOf(), clientOf()];
  const flow = createDeletionFlow({ client: a, confirmation: 'none' });
  // A host that refreshes its client on any error: the failure is never drawn before the new check.
  flow.on('error', () => flow.send({ type: 'client', client: b }));
  const seen: string[] = [];
  flow.subscribe(() => seen.push(flow.getSnapshot().status));
  flow.send({ type: 'check' });
  await rest();
  backend.failNext('server-error', { on: 'delete' });
  flow.send({ type: 'delete' });
  await rest();
  const snapshot = flow.getSnapshot();
  assert.deepEqual([snapshot.status, snapshot.failure?.outcome], ['delete-failed', 'unknown']);
  assert.deepEqual(seen.slice(-3), ['deleting', 'checking', 'delete-failed']);
  flow.dispose();
});

test('a lost DELETE answer → an error listener asks a check at once → it reads clear: the lost answer is on show', async () => {
  const backend = createFakeBackend();
  backend.resolveAll();
  const client = createAccountDeletionClient({ apiBase: API_BASE, fetch: createFakeFetch(backend, { apiBase: API_BASE }), retry: { limit: 0 } });
  const flow = createDeletionFlow({ client, confirmation: 'none' });
  // A host that refreshes its view on any error: the failure is never drawn before the check.
  flow.on('error', () => flow.send({ type: 'check' }));
  const seen: string[] = [];
  flow.subscribe(() => seen.push(flow.getSnapshot().status));
  flow.send({ type: 'check' });
  await rest();
  backend.failNext('server-error', { on: 'delete' });
  flow.send({ type: 'delete' });
  await rest();
  const snapshot = flow.getSnapshot();
  assert.deepEqual([snapshot.status, snapshot.failure?.outcome, snapshot.actions.delete], ['delete-failed', 'unknown', 'retry']);
  assert.deepEqual(seen.slice(-3), ['deleting', 'checking', 'delete-failed']);
  // Once it was on show, the user's own Check again that reads clear goes on to ready.
  flow.send({ type: 'check' });
  await rest();
  assert.equal(flow.getSnapshot().status, 'ready');
  flow.dispose();
});

test('a redirect delay longer than a timer keeps (3,000,000,000 ms) → deleted: nothing navigates at once', async () => {
  const w = world({ resolved: true, flow: { confirmation: 'none', redirectDelay: 3_000_000_000, now: Date.now } });
  w.flow.send({ type: 'check' });
  await w.settled();
  w.flow.send({ type: 'delete' });
  await w.settled();
  await pause(50);
  const { status, redirect } = w.flow.getSnapshot();
  assert.deepEqual([status, redirect?.status, w.navigated], ['deleted', 'scheduled', []]);
  assert.ok(redirect!.at! - Date.now() > 2 ** 31 - 1000);
  w.flow.dispose();
});

test('deleted → the redirect is due → the host\'s navigate throws: reported, and the snapshot still told', async () => {
  const reported: unknown[] = [];
  const global = globalThis as { reportError?: (error: unknown) => void };
  global.reportError = (error) => void reported.push(error);
  try {
    const w = world({ resolved: true, flow: { confirmation: 'none', navigate: () => { throw new Error('the router failed'); } } });
    const published: ReturnType<typeof w.flow.getSnapshot>[] = [];
    w.flow.subscribe(() => published.push(w.flow.getSnapshot()));
    w.flow.send({ type: 'check' });
    await w.settled();
    w.flow.send({ type: 'delete' });
    await w.settled();
    await pause(20);
    // The redirect was made (and failed in the host): the last snapshot told says so, Stay is gone.
    const last = published.at(-1)!;
    assert.deepEqual([last.status, last.actions.stay, last.actions.leave], ['deleted', false, true]);
    assert.deepEqual(reported.map((error) => (error as Error).message), ['the router failed']);
    w.flow.dispose();
  } finally {
    delete global.reportError;
  }
});
