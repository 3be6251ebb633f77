import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { findBrowser, chromiumArgs } from './test/find-browser.mjs';

/**
 * A real server's redirect, for the tests that a DELETE never follows one: `/redirects/<run>/<code>/…`
 * answers a DELETE with that 3xx to `/redirects/<run>/elsewhere/…`, which answers 204, and
 * `GET /redirects/<run>/log` lists the requests the run made (method and path).
 */
const redirectRuns = new Map();
async function redirects(ctx, next) {
  const match = /^\/redirects\/([\w-]+)\/(log|elsewhere|30[1278])(\/.*)?$/.exec(ctx.path);
  if (!match) return next();
  const [, run, what, rest = ''] = match;
  if (what === 'log') {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(redirectRuns.get(run) ?? []);
    return undefined;
  }
  redirectRuns.set(run, [...(redirectRuns.get(run) ?? []), `${ctx.method} ${ctx.path}`]);
  if (ctx.method === 'GET') {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({ data: { account: { id: 1234, name: 'Acme Corp' }, deletable: true, checks: [] } });
  } else if (what === 'elsewhere') {
    ctx.status = 204;
  } else {
    ctx.status = Number(what);
    ctx.set('Location', `/redirects/${run}/elsewhere${rest}`);
  }
  return undefined;
}

export default {
  middleware: [redirects],
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 2,
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json' })],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: findBrowser(), headless: true, args: chromiumArgs },
    }),
  ],
  testFramework: { config: { timeout: 10000 } },
  // Lit's dev build warns once per page that it is the dev build: true, and said in every file.
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
};
