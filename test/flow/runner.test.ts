/**
 * createDeletionFlow, the runner: what a UI of any framework relies on (the snapshot, subscribe, send,
 * on, dispose), and the effects it carries out (requests, notifications, the redirect timer).
 */
import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createDeletionFlow } from '../../src/flow/index.js';
import { API_BASE, clientOf, rest, world } from './helpers.js';
import { createAccountDeletionClient } from '../../src/index.js';
import { createFakeBackend, createFakeFetch } from '../../testing/index.js';

test('asks nothing until the first check, then one GET', async () => {
  const w = world();
  await rest();
  assert.deepEqual(w.log(), []);
  assert.equal(w.flow.getSnapshot().status, 'checking');
  assert.equal(w.flow.getSnapshot().canDelete, false);
  w.flow.send({ type: 'check' });
  await w.settled();
  assert.deepEqual(w.log(), ['GET 200']);
  assert.equal(w.flow.getSnapshot().status, 'blocked');
});

test('keeps one frozen snapshot object until something changed, and tells subscribers once per change', async () => {
  const w = world();
  const calls: string[] = [];
  const stop = w.flow.subscribe(() => calls.push(w.flow.getSnapshot().status));
  const first = w.flow.getSnapshot();
  assert.ok(Object.isFrozen(first) && Object.isFrozen(first.actions) && Object.isFrozen(first.confirmation));
  assert.equal(w.flow.getSnapshot(), first);
  w.flow.send({ type: 'delete' }); // not accepted: nothing changes
  assert.equal(w.flow.getSnapshot(), first);
  assert.deepEqual(calls, []);
  w.flow.send({ type: 'check' });
  await w.settled();
  assert.deepEqual(calls, ['checking', 'blocked']);
  stop();
  w.flow.send({ type: 'check' });
  await w.settled();
  assert.equal(calls.length, 2, 'no call after unsubscribing');
});

test('takes no event a UI may not send: answers, unknown types and garbage change nothing and never throw', async () => {
  const w = world({ resolved: true });
  const before = w.flow.getSnapshot();
  for (const event of [
    null,
    undefined,
    42,
    'check',
    {},
    { type: 'explode' },
    { type: 'checked', id: 1, preconditions: { account: { id: 1234, name: 'Acme Corp' }, deletable: true, checks: [] } },
    { type: 'delete-done', id: 1, result: {} },
    { type: 'requested', prevented: false },
    { type: 'client', client: null },
    { type: 'client', client: { getPreconditions: 'no' } },
  ]) {
    assert.doesNotThrow(() => w.flow.send(event as never));
  }
  await rest();
  assert.equal(w.flow.getSnapshot(), before);
  assert.deepEqual(w.log(), []);
});

test('needs a client: anything else is a TypeError that says so', () => {
  for (const client of [undefined, null, {}, { getPreconditions() {} }]) {
    assert.throws(() => createDeletionFlow({ client } as never), { name: 'TypeError', message: /needs a client/ });
  }
});

test('a request listener that calls preventDefault() stops the DELETE; the flow stays ready', async () => {
  const w = world({ resolved: true, flow: { confirmation: 'none' } });
  const stop = w.flow.on('request', (detail) => detail.preventDefault());
  w.flow.send({ type: 'check' });
  await w.settled();
  w.flow.send({ type: 'delete' });
  await w.settled();
  assert.deepEqual(w.log(), ['GET 200']);
  assert.equal(w.flow.getSnapshot().status, 'ready');
  stop();
  w.flow.send({ type: 'delete' });
  await w.settled();
  assert.deepEqual(w.log(), ['GET 200', 'DELETE 204']);
});

test('a request listener that gives another client: no DELETE, the new client is asked first', async () => {
  const w = world({ resolved: true, flow: { confirmation: 'none' } });
  const other = createFakeBackend();
  w.flow.on('request', () => w.flow.send({ type: 'client', client: clientOf(other) }));
  w.flow.send({ type: 'check' });
  await w.settled();
  w.flow.send({ type: 'delete' });
  await w.settled();
  assert.deepEqual(w.log(), ['GET 200']);
  assert.deepEqual(other.requests.map((request) => request.method), ['GET']);
  assert.equal(w.flow.getSnapshot().status, 'blocked');
});

test('a listener that throws is reported, and the next listener and the flow go on', async () => {
  const errors = mock.method(console, 'error', () => undefined);
  try {
    const w = world();
    let heard = 0;
    w.flow.on('checked', () => {
      throw new Error('a host bug');
    });
    w.flow.on('checked', () => void heard++);
    w.flow.subscribe(() => {
      throw new Error('another host bug');
    });
    w.flow.send({ type: 'check' });
    await w.settled();
    assert.equal(heard, 1);
    assert.equal(w.flow.getSnapshot().status, 'blocked');
    assert.ok(errors.mock.calls.length >= 2);
  } finally {
    errors.mock.restore();
  }
});

test('dispose() aborts a running check, and every later call does nothing', async () => {
  const backend = createFakeBackend({ latency: 50 });
  const requests: Request[] = [];
  const fetch = createFakeFetch(backend, { apiBase: API_BASE });
  const client = createAccountDeletionClient({
    apiBase: API_BASE,
    retry: { limit: 0 },
    fetch: (input, init) => {
      const request = new Request(input, init);
      requests.push(request);
      return fetch(request);
    },
  });
  const flow = createDeletionFlow({ client });
  let calls = 0;
  flow.subscribe(() => void calls++);
  flow.on('error', () => void calls++);
  flow.send({ type: 'check' });
  await rest();
  assert.equal(requests.length, 1, 'the check is out');
  const snapshot = flow.getSnapshot();
  calls = 0;
  flow.dispose();
  assert.equal(requests[0]?.signal.aborted, true);
  flow.send({ type: 'check' });
  assert.equal(typeof flow.subscribe(() => undefined), 'function');
  await new Promise((resolve) => setTimeout(resolve, 80));
  assert.equal(requests.length, 1);
  assert.equal(calls, 0, 'no listener call after dispose');
  assert.equal(flow.getSnapshot(), snapshot);
});

test('dispose() never aborts a DELETE in flight; its answer reaches no one', async () => {
  const w = world({ resolved: true, flow: { confirmation: 'none' } });
  w.flow.send({ type: 'check' });
  await w.settled();
  w.backend.latency = 30;
  let told = 0;
  w.flow.on('deleted', () => void told++);
  w.flow.subscribe(() => void told++);
  w.flow.send({ type: 'delete' });
  await rest();
  told = 0;
  w.flow.dispose();
  await new Promise((resolve) => setTimeout(resolve, 60));
  assert.deepEqual(w.log(), ['GET 200', 'DELETE 204'], 'the DELETE was carried out');
  assert.equal(w.backend.state.deleted, true);
  assert.equal(told, 0);
  assert.deepEqual(w.navigated, []);
});

test('navigates after the delay, unless a deleted listener keeps the page or the user stays', async () => {
  for (const [how, expected] of [
    ['nothing', ['https://www.azion.com/']],
    ['prevent', []],
    ['stay', []],
  ] as const) {
    // A delay long enough that a loaded machine settles the deletion well before it ends.
    const w = world({ resolved: true, flow: { confirmation: 'none', redirectDelay: 300 } });
    if (how === 'prevent') w.flow.on('deleted', (detail) => detail.preventDefault());
    w.flow.send({ type: 'check' });
    await w.settled();
    w.flow.send({ type: 'delete' });
    await w.settled();
    assert.equal(w.flow.getSnapshot().status, 'deleted');
    assert.equal(w.flow.getSnapshot().redirect?.status, how === 'prevent' ? 'none' : 'scheduled');
    if (how === 'stay') w.flow.send({ type: 'stay' });
    assert.deepEqual(w.navigated, [], 'not before the delay');
    await new Promise((resolve) => setTimeout(resolve, 450));
    assert.deepEqual(w.navigated, expected, how);
  }
});

test('refuses a redirect URL that is not http(s) or a path, with an error, and navigates nowhere', async () => {
  const w = world({ resolved: true, flow: { confirmation: 'none', redirectUrl: 'javascript:alert(1)' } });
  w.flow.send({ type: 'check' });
  await w.settled();
  w.flow.send({ type: 'delete' });
  await w.settled();
  assert.equal(w.flow.getSnapshot().redirect?.status, 'refused');
  assert.deepEqual(w.heard.slice(-2), ['deleted', 'error']);
  assert.deepEqual(w.navigated, []);
});

test("the user's return checks again at most once every 5 seconds", async () => {
  const w = world();
  w.flow.send({ type: 'check' });
  await w.settled();
  w.flow.send({ type: 'return' });
  await w.settled();
  assert.equal(w.log().length, 1);
  w.tick(5_000);
  w.flow.send({ type: 'return' });
  await w.settled();
  assert.equal(w.log().length, 2);
});

test('away from the page, a success is told only once the view is back, and nothing navigates meanwhile', async () => {
  const w = world({ resolved: true, flow: { confirmation: 'none' } });
  w.flow.send({ type: 'check' });
  await w.settled();
  w.flow.send({ type: 'delete' });
  w.flow.send({ type: 'hide' });
  await w.settled();
  assert.equal(w.flow.getSnapshot().status, 'deleted');
  assert.deepEqual(w.heard, ['checked', 'request']);
  assert.deepEqual(w.navigated, []);
  w.flow.send({ type: 'show' });
  w.flow.send({ type: 'show' });
  await w.settled();
  // With no delay the redirect is a timer due at once: a macrotask later.
  await new Promise((resolve) => setTimeout(resolve, 5));
  assert.deepEqual(w.heard, ['checked', 'request', 'deleted']);
  assert.deepEqual(w.navigated, ['https://www.azion.com/']);
});

test('importing the flow touches no window, document or location, and pulls in no Lit', () => {
  // A process of its own, so the import really runs: getters on the globals note any touch.
  const probe = `
    const touched = [];
    for (const name of ['window', 'document', 'location', 'customElements']) {
      Object.defineProperty(globalThis, name, { configurable: true, get: () => void touched.push(name) });
    }
    await import(${JSON.stringify(new URL('../../src/flow/index.ts', import.meta.url).href)});
    const loaded = [...new Set(process.moduleLoadList ?? [])];
    console.log(JSON.stringify({ touched }));
  `;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', probe], { encoding: 'utf8' });
  assert.deepEqual(JSON.parse(out), { touched: [] });
});

test('the flow and its words import no lit and no @lit/task', () => {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*'([^']+)'/g)) {
      assert.ok(!/^(lit|@lit\/)/.test(spec!), `${file} imports ${spec}`);
      if (spec!.startsWith('.')) visit(fileURLToPath(new URL(spec!.replace(/\.js$/, '.ts'), pathToFileURL(file))));
    }
  };
  visit(fileURLToPath(new URL('../../src/flow/index.ts', import.meta.url)));
  assert.ok(seen.size > 10, `${seen.size} modules read`);
});

test('a listener that throws is reported with reportError where the runtime has it', async () => {
  const reported: unknown[] = [];
  const global = globalThis as { reportError?: (error: unknown) => void };
  global.reportError = (error) => void reported.push(error);
  try {
    const w = world();
    w.flow.on('checked', () => {
      throw new Error('a host bug');
    });
    w.flow.send({ type: 'check' });
    await w.settled();
    assert.equal((reported[0] as Error)?.message, 'a host bug');
  } finally {
    delete global.reportError;
  }
});

test('subscribe and on take only functions, and nothing once disposed', async () => {
  const w = world();
  for (const wrong of [undefined, null, 'listener', {}]) {
    assert.equal(typeof w.flow.subscribe(wrong as never), 'function');
    assert.equal(typeof w.flow.on('checked', wrong as never), 'function');
  }
  w.flow.send({ type: 'check' });
  await w.settled();
  w.flow.dispose();
  let calls = 0;
  w.flow.subscribe(() => void calls++)();
  w.flow.on('checked', () => void calls++)();
  w.flow.send({ type: 'check' });
  await w.settled();
  assert.equal(calls, 0);
  assert.deepEqual(w.log(), ['GET 200']);
});

test('events a listener sends while the flow tells of another are taken after it, in order', async () => {
  const w = world({ resolved: true, flow: { confirmation: 'none' } });
  const seen: string[] = [];
  w.flow.subscribe(() => seen.push(w.flow.getSnapshot().status));
  w.flow.on('checked', () => {
    w.flow.send({ type: 'delete' });
    seen.push(`asked in ${w.flow.getSnapshot().status}`);
  });
  w.flow.send({ type: 'check' });
  await w.settled();
  assert.deepEqual(seen.slice(0, 2), ['checking', 'asked in ready']);
  assert.equal(w.flow.getSnapshot().status, 'deleted');
  assert.deepEqual(w.log(), ['GET 200', 'DELETE 204']);
});

test('a Delete gets a fresh key from newKey; a repeat keeps the key of the request it repeats', async () => {
  const w = world({ resolved: true, flow: { confirmation: 'none' } });
  w.flow.send({ type: 'check' });
  await w.settled();
  w.backend.failNext('server-error', { on: 'delete' });
  w.flow.send({ type: 'delete' });
  await w.settled();
  w.flow.send({ type: 'retry' });
  await w.settled();
  assert.deepEqual(w.keys(), ['key-1', 'key-1']);
});
