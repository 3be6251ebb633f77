// `npm start`: builds the kit, then serves the demo, the build and the panel's API on one origin. The
// API is the server half (createDeletionHandler) over a fake of Azion's API, or over Azion's own.
//   npm start                                   http://localhost:8000
//   PORT=9000 npm start                         or: npm start -- --port 9000
//   npm start -- --no-build                     serve dist/ as it is
//   AZION_TOKEN=… npm start -- --azion          a real account's checks; its DELETE is a dry run
//   AZION_TOKEN=… npm start -- --azion --allow-delete    …and the DELETE is real
import http from 'node:http';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { azionMode, fakeMode } from './api.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const demoDir = join(root, 'demo');
const distDir = join(root, 'dist');
const args = process.argv.slice(2);

// The same policy a careful partner portal sends: the panel must work without 'unsafe-inline' or 'unsafe-eval'.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ts': 'text/plain; charset=utf-8',
};
// Only the page's own files are served from demo/: not this server, nor the backend's sources.
const DEMO_FILES = /^\/[\w-]+\.(html|css|js|svg|png)$/;

function option(name) {
  const i = args.findIndex((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
  if (i === -1) return undefined;
  return args[i].includes('=') ? args[i].slice(args[i].indexOf('=') + 1) : args[i + 1];
}

function portFrom(raw) {
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`The port must be a whole number from 0 to 65535, not ${JSON.stringify(raw)}.`);
    process.exit(1);
  }
  return port;
}

function build() {
  // The whole build: it empties dist/ first, so a part of it alone would leave the rest missing.
  console.log('Building the kit (npm run build)…');
  const started = Date.now();
  const result = spawnSync('npm', ['run', 'build', '--silent'], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) {
    console.error('The build failed (see above). Fix it, or start with --no-build to serve dist/ as it is.');
    process.exit(result.status ?? 1);
  }
  console.log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

function sendText(res, status, type, body, head = false, extra = {}) {
  res.writeHead(status, {
    ...extra,
    'content-type': type,
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    // Always the latest build: a newcomer who rebuilds should never debug a cached file.
    'cache-control': 'no-store',
  });
  res.end(head ? undefined : body);
}

function notFound(res, head) {
  sendText(res, 404, TYPES['.html'], '<!doctype html><html lang="en"><title>Not found</title><h1>Not found</h1><p><a href="/">Back to the demo</a></p>', head);
}

/** The file a URL path names below `dir`, or undefined if it would leave `dir`. */
function inside(dir, urlPath) {
  const file = resolve(dir, `.${normalize(urlPath)}`);
  return file === dir || file.startsWith(dir + sep) ? file : undefined;
}

async function serveStatic(req, res, api) {
  const head = req.method === 'HEAD';
  if (req.method !== 'GET' && !head) {
    res.setHeader('allow', 'GET, HEAD');
    return sendText(res, 405, 'text/plain; charset=utf-8', 'Method not allowed.');
  }
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://demo.invalid').pathname);
  } catch {
    return notFound(res, head);
  }
  if (pathname === '/') pathname = '/index.html';
  if (pathname === '/__demo/mode') return sendText(res, 200, 'application/json', JSON.stringify(api.mode), head);
  const page = pathname === '/index.html';
  if (page) api.reset();

  const file = pathname.startsWith('/dist/')
    ? inside(distDir, pathname.slice('/dist'.length))
    : DEMO_FILES.test(pathname)
      ? inside(demoDir, pathname)
      : undefined;
  if (!file) return notFound(res, head);
  try {
    if (!(await stat(file)).isFile()) return notFound(res, head);
    const body = await readFile(file);
    // The page is where the demo's user signs in: it hands out the session the API forwards to Azion.
    const cookie = page && api.sessionCookie ? { 'set-cookie': api.sessionCookie } : {};
    sendText(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', body, head, cookie);
  } catch {
    notFound(res, head);
  }
}

function listen(server, port, host) {
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolvePromise(server.address().port);
    });
  });
}

async function main() {
  const port = portFrom(option('port') ?? process.env.PORT ?? 8000);
  if (!args.includes('--no-build')) build();

  for (const built of ['testing/index.js', 'src/server/index.js', 'src/server/node.js']) {
    if (!existsSync(join(distDir, ...built.split('/')))) {
      console.error(`dist/${built} is missing: run \`npm run build\` (or start without --no-build).`);
      process.exit(1);
    }
  }
  let api;
  if (args.includes('--azion')) {
    const token = process.env.AZION_TOKEN;
    if (!token) {
      console.error('--azion reads a real account with a personal token: AZION_TOKEN=<token> npm start -- --azion');
      process.exit(1);
    }
    try {
      api = await azionMode(distDir, {
        token,
        allowDelete: args.includes('--allow-delete'),
        apiBase: option('azion-api-base') ?? process.env.AZION_API_BASE,
        ssoBase: option('azion-sso-base') ?? process.env.AZION_SSO_BASE,
      });
    } catch (error) {
      console.error(`--azion: ${error.message}`);
      process.exit(1);
    }
  } else {
    if (args.includes('--allow-delete')) console.warn('--allow-delete means something only with --azion; the fake account is deleted either way.');
    api = await fakeMode(distDir);
  }

  const handler = (req, res) => {
    // Browsers silently repeat a request once when a reused keep-alive connection closes without an
    // answer, which would hide the "network failure" fault. A fresh connection each time keeps it visible.
    res.setHeader('connection', 'close');
    api.handle(req, res, () =>
      serveStatic(req, res, api).catch((error) => {
        console.error(error);
        if (!res.headersSent) sendText(res, 500, 'text/plain; charset=utf-8', 'The demo server failed.');
      }),
    );
  };

  // Loopback only: the control API can change the account, and nothing outside this machine needs it.
  const hosts = process.env.HOST ? [process.env.HOST] : ['127.0.0.1', '::1'];
  const servers = [];
  let actualPort = port;
  for (const host of hosts) {
    const server = http.createServer(handler);
    try {
      actualPort = await listen(server, actualPort, host);
      servers.push(server);
    } catch (error) {
      // A machine without IPv6 has no ::1; the IPv4 address is enough.
      if (servers.length > 0 && ['EADDRNOTAVAIL', 'EAFNOSUPPORT'].includes(error.code)) continue;
      if (error.code === 'EADDRINUSE') {
        console.error(`Port ${actualPort} is in use. Start on another: PORT=${actualPort + 1} npm start`);
      } else {
        console.error(`Could not listen on ${host}:${actualPort}: ${error.message}`);
      }
      process.exit(1);
    }
  }

  if (!existsSync(join(distDir, 'account-delete-panel.standalone.js'))) {
    console.warn('Note: dist/account-delete-panel.standalone.js is missing, so the page will show the panel undefined.');
  }
  const host = process.env.HOST && !['127.0.0.1', '::1', 'localhost'].includes(process.env.HOST) ? process.env.HOST : 'localhost';
  console.log(`\nThe demo is running at http://${host.includes(':') ? `[${host}]` : host}:${actualPort}/`);
  for (const line of api.describe) console.log(line);
  console.log('Press Ctrl+C to stop.');

  const stop = () => {
    for (const server of servers) {
      server.close();
      server.closeAllConnections();
    }
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

await main();
