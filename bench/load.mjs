// `npm run load`: a load run of the server half on this machine (loopback only, bounded in time).
// bench/load-server.mjs serves the built handler through toNodeHandler, over the fake Azion API with
// Azion-like latency; autocannon, in this process, drives it in two phases:
//   1. GET /api/v4/account/deletion/preconditions: the account, the owner and three checks (the
//      payment history in two pages), six upstream calls per answer;
//   2. DELETE /api/v3/account/1234 with a fresh Idempotency-Key each: the key claimed, everything read
//      again, 409 account_has_blockers (the account keeps its blockers, so it is never deleted), the key freed.
// It prints requests per second, p50/p99 latency, error answers (anything but the expected status,
// plus connection errors and timeouts: 0 expected), and the server's memory before and after.
//   npm run load                       10 s a phase, 50 connections
//   npm run load -- --duration 5 --connections 20
import { fork, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  const value = i === -1 ? fallback : Number(args[i + 1]);
  if (!Number.isInteger(value) || value < 1 || value > 120) {
    console.error(`--${name} must be a whole number from 1 to 120.`);
    process.exit(1);
  }
  return value;
};
const DURATION = option('duration', 10);
const CONNECTIONS = option('connections', 50);

if (!['src/server/index.js', 'src/server/node.js', 'testing/index.js'].every((file) => existsSync(join(root, 'dist', ...file.split('/'))))) {
  console.log('dist/ is missing the server half: building it (npm run build)…');
  const built = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const child = fork(join(root, 'bench', 'load-server.mjs'), [], { execArgv: ['--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
const next = (type) => new Promise((resolve) => child.on('message', function listener(message) {
  if (message?.type === type) {
    child.off('message', listener);
    resolve(message);
  }
}));
const memory = async () => {
  const reply = next('memory');
  child.send({ type: 'memory' });
  return reply;
};

const { port, token } = await next('listening');
const url = `http://127.0.0.1:${port}`;
const headers = { authorization: `Token ${token}` };
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function phase(name, expectedStatus, request) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, timeout: 10, ...request });
  const statuses = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([status, { count }]) => [status, count]));
  const unexpected = Object.entries(statuses).filter(([status]) => Number(status) !== expectedStatus).reduce((sum, [, count]) => sum + count, 0);
  const errors = unexpected + result.errors + result.timeouts;
  console.log(
    `${name}: ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ` +
      `${result.requests.total} answers (${Object.entries(statuses).map(([s, n]) => `${n} × ${s}`).join(', ')}), error answers: ${errors}`,
  );
  return errors;
}

console.log(`Load run: ${CONNECTIONS} connections, ${DURATION} s a phase, loopback only, Node ${process.version}, upstream latency 40 to 120 ms a call.`);
await phase('warm-up', 200, { duration: 2, requests: [{ method: 'GET', path: '/api/v4/account/deletion/preconditions', headers }] });
const before = await memory();
let errors = await phase('GET preconditions', 200, { requests: [{ method: 'GET', path: '/api/v4/account/deletion/preconditions', headers }] });
let key = 0;
errors += await phase('DELETE (re-checked, 409)', 409, {
  requests: [{ method: 'DELETE', path: '/api/v3/account/1234', setupRequest: (request) => ({ ...request, headers: { ...headers, 'idempotency-key': `load-${process.pid}-${++key}` } }) }],
});
const afterRun = await memory();
console.log(`Server memory (after a full GC): before ${mb(before.rss)} RSS, ${mb(before.heapUsed)} heap; after ${mb(afterRun.rss)} RSS, ${mb(afterRun.heapUsed)} heap.`);
child.send({ type: 'stop' });
process.exitCode = errors === 0 ? 0 : 1;
