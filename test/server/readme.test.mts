// The README's server examples run as written: each block is taken from README.md, its package
// imports pointed at this checkout's sources, and run as a module. The few changes made are said
// where they are made (a free port, a stand-in for Redis, a way out for the handler).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createFakeAzionApi } from '../../testing/index.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'adk-readme-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** The first ```js block after `heading` in the README. */
function blockAfter(heading: string): string {
  const start = README.indexOf(`\n${heading}\n`);
  assert.ok(start > -1, `README has "${heading}"`);
  const block = /```js\n([\s\S]*?)```/.exec(README.slice(start));
  assert.ok(block, `a js example after "${heading}"`);
  return block[1]!;
}

let counter = 0;
async function run(code: string): Promise<Record<string, unknown>> {
  const source = code
    .replaceAll("from 'account-deletion-kit/server/node'", `from '${pathToFileURL(join(ROOT, 'src/server/node.ts')).href}'`)
    .replaceAll("from 'account-deletion-kit/server'", `from '${pathToFileURL(join(ROOT, 'src/server/index.ts')).href}'`);
  const file = join(dir, `example-${++counter}.mjs`);
  writeFileSync(file, source);
  return import(pathToFileURL(file).href);
}

/** Azion's hosts answered by a fake that wants the session cookie; any other URL by the real fetch. */
function azionBehindFetch() {
  const upstream = createFakeAzionApi({ sessionCookie: 'readme-session' });
  const realFetch = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    return ['api.azion.com', 'sso.azion.com'].includes(url.hostname) ? upstream.fetch(input, init) : realFetch(input, init);
  };
  restore.push(() => (globalThis.fetch = realFetch));
  return upstream;
}

const restore: (() => void)[] = [];
afterEach(() => {
  for (const undo of restore.splice(0).reverse()) undo();
});
const cookie = { cookie: 'azsid=readme-session' };

describe('the README server examples', () => {
  it('"On Node" serves the panel\'s API from Azion with the user\'s session', async () => {
    const upstream = azionBehindFetch();
    const servers: http.Server[] = [];
    const createServer = http.createServer;
    (http as { createServer: unknown }).createServer = (...args: Parameters<typeof http.createServer>) => {
      const server = createServer(...args);
      servers.push(server);
      return server;
    };
    restore.push(() => ((http as { createServer: unknown }).createServer = createServer));
    // A free port on loopback instead of 8080.
    await run(blockAfter('### On Node').replace('.listen(8080)', ".listen(0, '127.0.0.1')"));
    const [server] = servers;
    assert.ok(server, 'the example made a server');
    restore.push(() => server.close());
    if (!server.listening) await new Promise((resolve) => server.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const checks = await fetch(`${base}/api/v4/account/deletion/preconditions`, { headers: cookie });
    assert.equal(checks.status, 200);
    assert.equal(((await checks.json()) as any).data.checks.length, 3);
    upstream.resolveAll();
    const deleted = await fetch(`${base}/api/v3/account/1234`, { method: 'DELETE', headers: { ...cookie, 'idempotency-key': 'readme-1' } });
    assert.equal(deleted.status, 204);
    assert.equal(upstream.state.deleted, true);
  });

  it('"As an Azion Edge Function" answers a fetch event with the handler', async () => {
    azionBehindFetch();
    let listener: ((event: unknown) => void) | undefined;
    (globalThis as { addEventListener?: unknown }).addEventListener = (type: string, fn: (event: unknown) => void) => {
      assert.equal(type, 'fetch');
      listener = fn;
    };
    restore.push(() => delete (globalThis as { addEventListener?: unknown }).addEventListener);
    await run(blockAfter('### As an Azion Edge Function'));
    assert.ok(listener, 'the example listens for fetch events');
    let responded: Promise<Response> | undefined;
    listener({ request: new Request('https://portal.example/api/v4/account/deletion/preconditions', { headers: cookie }), respondWith: (p: Promise<Response>) => (responded = p) });
    const response = await responded!;
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as any).data.account.name, 'Acme Corp');
  });

  it('"With checks of your own" reads the portal\'s session and checks, and deletes through it', async () => {
    const users: Record<string, { accountId: number; accountName: string; isOwner: boolean }> = {
      alice: { accountId: 42, accountName: 'Alice Ltd', isOwner: true },
      bob: { accountId: 42, accountName: 'Alice Ltd', isOwner: false },
    };
    let invoices = ['INV-1', 'INV-2'];
    const removed: number[] = [];
    Object.assign(globalThis, {
      sessions: { read: async (request: Request) => users[/sid=(\w+)/.exec(request.headers.get('cookie') ?? '')?.[1] ?? ''] ?? null },
      billing: { openInvoices: async () => invoices },
      accounts: { remove: async (id: number) => void removed.push(id) },
    });
    restore.push(() => {
      for (const name of ['sessions', 'billing', 'accounts']) Reflect.deleteProperty(globalThis, name);
    });
    // The example keeps its handler in a const; this line hands it out.
    const { handler } = (await run(`${blockAfter('### With checks of your own')}\nexport { handler };`)) as { handler: (r: Request) => Promise<Response> };
    const ask = (who: string | undefined, method = 'GET', path = '/v4/account/deletion/preconditions', extra: Record<string, string> = {}) =>
      handler(new Request(`https://portal.example/api${path}`, { method, headers: { ...(who ? { cookie: `sid=${who}` } : {}), ...extra } }));

    const blocked = (await (await ask('alice')).json()) as any;
    assert.equal(blocked.data.deletable, false);
    assert.deepEqual(blocked.data.checks[0], { type: 'open_invoices', status: 'blocking', count: 2, title: 'Open invoices', message: '2 invoices are still open.', resolve_url: '/billing' });
    assert.equal((await ask(undefined)).status, 401);
    assert.equal((await ask('bob')).status, 403);
    invoices = [];
    assert.equal((await ask('alice', 'DELETE', '/v3/account/42', { 'idempotency-key': 'own-1' })).status, 204);
    assert.deepEqual(removed, [42]);
  });

  it('the Redis store keeps keys as JSON with their time, and with it a key deletes once', async () => {
    // A stand-in for node-redis: string values, EX and NX as Redis has them.
    const data = new Map<string, { value: string; expires: number }>();
    const client = {
      get: async (key: string) => {
        const entry = data.get(key);
        return entry && entry.expires > Date.now() ? entry.value : null;
      },
      // Atomic, as Redis is: no await between the look and the write.
      set: async (key: string, value: string, options: { EX: number; NX?: boolean }) => {
        const entry = data.get(key);
        if (options.NX && entry && entry.expires > Date.now()) return null;
        data.set(key, { value, expires: Date.now() + options.EX * 1000 });
        return 'OK';
      },
    };
    (globalThis as Record<string, unknown>).__redis = { createClient: () => ({ connect: async () => client }) };
    restore.push(() => delete (globalThis as Record<string, unknown>).__redis);
    const code = blockAfter('### The idempotency store').replace("import { createClient } from 'redis';", 'const { createClient } = globalThis.__redis;');
    const { redisStore } = (await run(`${code}\nexport { redisStore };`)) as { redisStore: never };

    const upstream = createFakeAzionApi();
    upstream.resolveAll();
    const { azion, createDeletionHandler } = await import('../../src/server/index.ts');
    // Three instances sharing the store: only its atomic add keeps them to one deletion.
    const instances = Array.from({ length: 3 }, () => createDeletionHandler({ ...azion({ auth: { token: 't' }, fetch: upstream.fetch }), idempotency: redisStore }));
    const remove = (i: number) => instances[i % 3]!(new Request('https://portal.example/api/v3/account/1234', { method: 'DELETE', headers: { 'idempotency-key': 'redis-1' } }));
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => remove(i)));
    assert.deepEqual(answers.map((response) => response.status), Array(12).fill(204));
    assert.equal(upstream.requests.filter((r) => r.method === 'DELETE').length, 1);
    assert.deepEqual(JSON.parse((await client.get('account-deletion:1234:redis-1'))!).state, 'done');
  });
});
