// The API the demo serves under /api: the server half (createDeletionHandler), the code a partner
// deploys, over either the fake Azion API (the default, steered by the Demo tools) or Azion's own API
// (--azion, with AZION_TOKEN). Imports the built kit, as any user would.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const RESOLVE_URLS = {
  dns_zones: '/console.html#dns-zones',
  edge_applications: '/console.html#edge-applications',
  debts: '/console.html#debts',
};

function sendJson(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

const load = (distDir, path) => import(pathToFileURL(join(distDir, ...path.split('/'))).href);

/**
 * The default: the panel's requests pass the fake backend's front (request log, latency, the faults
 * a panel meets) and reach the server half, which reads the fake Azion API with the session cookie
 * the page was given (auth: 'forward'), as a portal on Azion's own domain would.
 */
export async function fakeMode(distDir) {
  const testing = await load(distDir, 'testing/index.js');
  const server = await load(distDir, 'src/server/index.js');
  const session = randomUUID();
  const upstream = testing.createFakeAzionApi({ sessionCookie: session });
  const backend = testing.createFakeBackendOverAzion({
    upstream,
    apiBase: '/api',
    resolveUrls: RESOLVE_URLS,
    createHandler: (up) =>
      server.createDeletionHandler({
        basePath: '/api',
        ...server.azion({ auth: 'forward', fetch: up.fetch, resolveUrls: RESOLVE_URLS }),
        idempotency: server.memoryStore(),
      }),
  });
  const api = testing.createFakeBackendHandler(backend, { apiBase: '/api' });
  const controls = testing.createFakeBackendControlHandler(backend, { base: '/__backend' });
  return {
    mode: { mode: 'fake' },
    // HttpOnly and SameSite=Strict, as a real session cookie: scripts never see it, other sites never send it.
    sessionCookie: `azsid=${session}; Path=/; HttpOnly; SameSite=Strict`,
    handle: (req, res, next) => api(req, res, () => controls(req, res, next)),
    /** Opening the demo starts a fresh account, so a newcomer can always begin again with a reload. */
    reset: () => backend.reset(),
    describe: [
      '  the panel\'s API: /api/…, answered by createDeletionHandler over a fake of Azion\'s API',
      '  its controls:   /__backend/state (GET) and POST routes; see testing/control.ts',
    ],
  };
}

/**
 * --azion: the server half over Azion's real API with one personal token. Its DELETE is a dry run
 * (204 without calling Azion) unless --allow-delete is given. AZION_API_BASE and AZION_SSO_BASE
 * (or --azion-api-base, --azion-sso-base) point it elsewhere, for tests against a local fake.
 */
export async function azionMode(distDir, { token, allowDelete, apiBase, ssoBase }) {
  const server = await load(distDir, 'src/server/index.js');
  const { toNodeHandler } = await load(distDir, 'src/server/node.js');
  const sources = server.azion({ auth: { token }, ...(apiBase ? { apiBase } : {}), ...(ssoBase ? { ssoBase } : {}) });
  const dryRun = async (_ctx, accountId) => {
    console.warn(`\n*** DRY RUN: the panel asked to delete account ${accountId}. Nothing was sent to Azion; the panel is told it was deleted. ***\n`);
  };
  const handler = server.createDeletionHandler({
    basePath: '/api',
    ...sources,
    deleteAccount: allowDelete ? sources.deleteAccount : dryRun,
    idempotency: server.memoryStore(),
    onError: (error, { step }) => console.warn(`  (${step}) ${error?.message ?? error}`),
  });
  const api = toNodeHandler(handler);
  return {
    mode: { mode: 'azion', deletes: allowDelete ? 'live' : 'dry-run' },
    sessionCookie: undefined,
    handle: (req, res, next) =>
      api(req, res, () => {
        if ((req.url ?? '').startsWith('/__backend')) {
          return sendJson(res, 404, { detail: "The demo reads Azion's API (--azion): there is no fake backend to steer." });
        }
        next();
      }),
    reset: () => undefined,
    describe: allowDelete
      ? [
          "  the panel's API: /api/…, answered by createDeletionHandler over Azion's API",
          '',
          '  !!! --allow-delete: "Delete account" REALLY DELETES the Azion account of AZION_TOKEN. !!!',
        ]
      : [
          "  the panel's API: /api/…, answered by createDeletionHandler over Azion's API",
          '',
          '  *** DRY RUN: "Delete account" is answered 204 without calling Azion. Nothing is deleted. ***',
          '  *** (start with --allow-delete to delete for real)                                     ***',
        ],
  };
}
