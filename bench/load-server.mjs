// The server `npm run load` measures, in a process of its own: the built server half
// (createDeletionHandler, azion(), memoryStore) behind toNodeHandler on node:http, over the fake Azion
// API with Azion-like latency on every call. Loopback only. It reports its address, and its memory
// when asked, over IPC.
import http from 'node:http';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const load = (path) => import(pathToFileURL(join(root, 'dist', ...path.split('/'))).href);
const { azion, createDeletionHandler, memoryStore } = await load('src/server/index.js');
const { toNodeHandler } = await load('src/server/node.js');
const { createFakeAzionApi } = await load('testing/index.js');

/** Milliseconds per upstream call: what Azion's APIs take from a server in the same region, roughly. */
export const UPSTREAM_LATENCY = { account: 40, user: 40, dns_zones: 60, applications: 60, payments: 80, delete: 120 };

const TOKEN = 'load-token';
// 30 pending payments over 130 entries: the payment history is read in two pages of 100.
const payments = Array.from({ length: 130 }, (_, i) => ({
  id: i + 1,
  amountWithCurrency: `$ ${(10 + i).toFixed(2)}`,
  status: i % 13 === 0 ? 'Pending' : 'Paid',
  paymentDue: '2026-10-01T00:00:00Z',
  invoiceNumber: `INV-${i + 1}`,
}));
const upstream = createFakeAzionApi({ token: TOKEN, latency: UPSTREAM_LATENCY, initialState: { payments } });

const handler = createDeletionHandler({
  basePath: '/api',
  ...azion({ auth: 'forward', fetch: upstream.fetch }),
  idempotency: memoryStore(),
});
const api = toNodeHandler(handler);
const server = http.createServer((req, res) => api(req, res));
// The fake's request log keeps its newest 1000 entries: bounded, as a real service's would be.
server.keepAliveTimeout = 10_000;

server.listen(0, '127.0.0.1', () => {
  process.send?.({ type: 'listening', port: server.address().port, token: TOKEN });
});

process.on('message', (message) => {
  if (message?.type === 'memory') {
    globalThis.gc?.();
    const { rss, heapUsed } = process.memoryUsage();
    process.send?.({ type: 'memory', rss, heapUsed });
  }
  if (message?.type === 'stop') server.close(() => process.exit(0));
});
