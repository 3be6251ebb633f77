// The built standalone panel under a strict Content-Security-Policy (no 'unsafe-inline', no
// 'unsafe-eval'), fed hostile strings by the fake backend and by a hostile API, driven in Chromium.
// A panel that turned a server string into markup, an inline handler or a javascript: navigation would
// make the browser report a violation; the tests demand none, and that nothing ran.
//
// Needs dist/ (built here once when it is missing). Run alone: node --test test/security/
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { eventually } from '../e2e/harness.mjs';
import { chromiumArgs, findBrowser, INSTALL_HINT } from '../find-browser.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const STANDALONE = join(ROOT, 'dist', 'account-delete-panel.standalone.js');
const BACKEND = join(ROOT, 'dist', 'testing', 'index.js');

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'";

// Each one, if it ever ran, sets window.__cspExecuted; under this policy it would first be reported as a violation.
const MARKUP = '<img src=x onerror="window.__cspExecuted=1">';
const SCRIPT = '<script>window.__cspExecuted=1</script>';
const BREAKOUT = '"><svg onload="window.__cspExecuted=1"></svg><a href="javascript:window.__cspExecuted=1">x</a>';
const BIDI = 'invoice\u202Egpj.exe';
const LONG = 'W'.repeat(10_000);
const ACCOUNT_NAME = `${MARKUP} ${BIDI}`;

let server;
let base;
let browser;
let backend;
/** The next DELETE to /api is answered by this instead of the fake, once. */
let refuseNextDelete;

function escapeAttribute(value) {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

function page({ api, redirect }) {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Account settings</title></head>
<body>
  <main>
    <account-delete-panel api-base="${escapeAttribute(api)}" redirect-url="${escapeAttribute(redirect)}" redirect-delay="0"></account-delete-panel>
  </main>
  <script type="module" src="/dist/account-delete-panel.standalone.js"></script>
</body>
</html>`;
}

/** An API that answers with hostile strings in every field a server string can reach, and unsafe links. */
function hostileApi(mode, method, path) {
  if (method === 'GET' && path === '/v4/account/deletion/preconditions') {
    const blocking = mode === 'blocked';
    const status = blocking ? 'blocking' : 'passed';
    return {
      status: 200,
      body: {
        data: {
          account: { id: 4321, name: ACCOUNT_NAME, kind: SCRIPT },
          deletable: !blocking,
          checks: [
            { type: 'dns_zones', status, count: 3, items: [{ id: 1, name: MARKUP }, { id: 2, name: BIDI }, { id: 3, name: LONG }], resolve_url: 'javascript:window.__cspExecuted=1' },
            { type: 'edge_applications', status, count: 1, items: [{ id: 'a', name: BREAKOUT }], resolve_url: 'data:text/html,<script>window.__cspExecuted=1</script>' },
            { type: SCRIPT, status, title: MARKUP, message: `${BREAKOUT} ${LONG}`, resolve_url: ' \tJaVaScRiPt:window.__cspExecuted=1' },
            { type: 'debts', status, count: 1, amount: { value: '1.00', currency: 'USD' }, resolve_url: 'vbscript:msgbox(1)' },
            { type: 'support', status, title: BIDI, message: SCRIPT, resolve_url: 'http://[::1' },
          ],
        },
      },
    };
  }
  if (method === 'DELETE' && /^\/v3\/account\/\d+$/.test(path)) return { status: 204 };
  return { status: 404, body: { detail: MARKUP } };
}

function send(res, status, type, body) {
  res.writeHead(status, {
    'content-type': type,
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
  res.end(body);
}

before(async () => {
  const executablePath = findBrowser();
  if (!executablePath) throw new Error(INSTALL_HINT);
  if (!existsSync(STANDALONE) || !existsSync(BACKEND)) {
    const built = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
    assert.equal(built.status, 0, '`npm run build` failed: this test serves dist/');
  }
  const { createFakeBackend, createFakeBackendHandler } = await import(pathToFileURL(BACKEND).href);
  backend = createFakeBackend({
    initialState: {
      account: { id: 1234, name: ACCOUNT_NAME, kind: 'client' },
      dnsZones: [
        { id: 81, name: MARKUP, active: true },
        { id: 82, name: BIDI, active: true },
      ],
      edgeApplications: [{ id: 1001, name: `${BREAKOUT}${LONG}`, removed: false }],
      debt: { value: '120.50', currency: 'USD' },
      deleted: false,
    },
  });
  const fakeApi = createFakeBackendHandler(backend, { apiBase: '/api' });
  const script = await readFile(STANDALONE);

  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/' && req.method === 'GET') {
      send(res, 200, 'text/html; charset=utf-8', page({ api: url.searchParams.get('api') ?? '/api', redirect: url.searchParams.get('redirect') ?? '/done.html' }));
    } else if (url.pathname === '/done.html') {
      send(res, 200, 'text/html; charset=utf-8', '<!doctype html><html lang="en"><title>Done</title><h1>Your account has been deleted</h1></html>');
    } else if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end();
    } else if (url.pathname === '/dist/account-delete-panel.standalone.js') {
      send(res, 200, 'text/javascript; charset=utf-8', script);
    } else if (url.pathname.startsWith('/api/')) {
      if (req.method === 'DELETE' && refuseNextDelete) {
        const body = JSON.stringify(refuseNextDelete);
        refuseNextDelete = undefined;
        res.writeHead(403, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(body);
        return;
      }
      fakeApi(req, res);
    } else if (url.pathname.startsWith('/hostile-api/')) {
      const [, , mode, ...rest] = url.pathname.split('/');
      const answer = hostileApi(mode, req.method, `/${rest.join('/')}`);
      res.writeHead(answer.status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
    } else {
      send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({ executablePath, headless: true, args: chromiumArgs.filter((arg) => !arg.startsWith('--headless')) });
});

after(async () => {
  await browser?.close().catch(() => {});
  server?.closeAllConnections();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
});

/** Opens `path` in a fresh context, recording violations (through every navigation), page errors and console errors. */
async function open(path) {
  const context = await browser.newContext({ viewport: { width: 900, height: 800 } });
  context.setDefaultTimeout(10_000);
  const tab = await context.newPage();
  const seen = { violations: [], pageErrors: [], consoleErrors: [] };
  tab.on('pageerror', (error) => seen.pageErrors.push(String(error)));
  tab.on('console', (message) => message.type() === 'error' && seen.consoleErrors.push(message.text()));
  await tab.exposeFunction('__reportViolation', (violation) => seen.violations.push(violation));
  // Init scripts run before the page's own and are not subject to its policy.
  await tab.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (event) => window.__reportViolation({ directive: event.effectiveDirective, blocked: event.blockedURI, sample: event.sample }),
      true,
    );
  });
  const response = await tab.goto(`${base}${path}`);
  const host = tab.locator('account-delete-panel');
  return { context, tab, response, seen, host };
}

/** Facts about the panel's shadow root that only the page can read. */
function inspect(tab) {
  return tab.evaluate(() => {
    const el = document.querySelector('account-delete-panel');
    const root = el.shadowRoot;
    const own = new Set(['SECTION', 'H2', 'H3', 'P', 'DIV', 'UL', 'LI', 'SPAN', 'STRONG', 'BDI', 'A', 'BUTTON', 'FORM', 'LABEL', 'INPUT']);
    const elements = [...root.querySelectorAll('*')];
    const main = document.querySelector('main').getBoundingClientRect();
    const button = root.querySelector('[part="delete-button"]')?.getBoundingClientRect();
    return {
      executed: window.__cspExecuted,
      foreign: elements.map((e) => e.tagName).filter((tag) => !own.has(tag)),
      handlers: elements.flatMap((e) => e.getAttributeNames().filter((name) => name.startsWith('on'))),
      links: [...root.querySelectorAll('a[href]')].map((a) => new URL(a.href).protocol),
      text: root.textContent,
      panelWidth: el.getBoundingClientRect().width,
      mainWidth: main.width,
      pageScrollWidth: document.documentElement.scrollWidth,
      viewportWidth: window.innerWidth,
      button: button && { left: button.left, right: button.right, width: button.width, height: button.height },
    };
  });
}

function assertSafe(facts) {
  assert.equal(facts.executed, undefined, 'a hostile string ran');
  assert.deepEqual(facts.foreign, [], 'elements the panel does not render itself');
  assert.deepEqual(facts.handlers, [], 'event handler attributes');
  for (const protocol of facts.links) assert.ok(protocol === 'http:' || protocol === 'https:', `a link to ${protocol}`);
  assert.ok(facts.panelWidth <= facts.mainWidth + 0.5, `the panel (${facts.panelWidth}px) is wider than its container (${facts.mainWidth}px)`);
  assert.ok(facts.pageScrollWidth <= facts.viewportWidth, 'the page scrolls sideways');
  if (facts.button) {
    assert.ok(facts.button.width > 0 && facts.button.height > 0, 'the Delete button has a size');
    assert.ok(facts.button.left >= 0 && facts.button.right <= facts.viewportWidth, 'the Delete button is inside the viewport');
  }
}


test('hostile names from the fake backend, a hostile refusal, then the deletion and the redirect: no violation, nothing runs', { timeout: 60_000 }, async () => {
  backend.reset();
  const { context, tab, response, seen, host } = await open('/');
  try {
    const policy = response.headers()['content-security-policy'];
    assert.equal(policy, CSP);
    assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval/);

    const items = host.getByRole('list', { name: 'Account deletion checks' }).getByRole('listitem');
    await eventually(async () => assert.equal(await items.count(), 3));
    const blocked = await inspect(tab);
    assertSafe(blocked);
    for (const value of [MARKUP, BIDI, BREAKOUT, ACCOUNT_NAME]) assert.ok(blocked.text.includes(value), `${value.slice(0, 30)} is shown as text`);

    backend.resolveAll();
    await host.getByRole('button', { name: 'Check again' }).click();
    await eventually(async () => assert.match(await host.getByRole('status').innerText(), /Nothing blocks deletion any more/));
    await host.getByRole('textbox', { name: 'Type the account name to confirm' }).fill(ACCOUNT_NAME);
    const deleteButton = host.getByRole('button', { name: 'Delete account', exact: true });
    await eventually(async () => assert.equal(await deleteButton.getAttribute('aria-disabled'), 'false'));

    refuseNextDelete = { errors: [{ status: '403', code: SCRIPT, title: MARKUP, detail: `${BREAKOUT} ${BIDI} ${SCRIPT}` }] };
    await deleteButton.click();
    const alert = host.getByRole('alert');
    await eventually(async () => assert.ok((await alert.innerText()).includes(BIDI)));
    assertSafe(await inspect(tab));

    // A sure refusal is not repeated: a check that allows it, then Delete, is a new request.
    await host.getByRole('button', { name: 'Check again' }).click();
    await eventually(async () => assert.equal(await deleteButton.getAttribute('aria-disabled'), 'false'));
    await deleteButton.click();
    await tab.waitForURL(`${base}/done.html`);
    await tab.getByRole('heading', { name: 'Your account has been deleted' }).waitFor();
    const deletes = backend.requests.filter((r) => r.method === 'DELETE');
    assert.equal(deletes.length, 1, 'one DELETE reached the fake after the refused one');
    assert.ok(deletes[0].status >= 200 && deletes[0].status < 300);

    assert.deepEqual(seen.violations, [], 'Content-Security-Policy violations');
    assert.deepEqual(seen.pageErrors, [], 'page errors');
    assert.deepEqual(seen.consoleErrors.filter((text) => !/status of 403/.test(text)), [], 'console errors');
  } finally {
    await context.close();
  }
});

test('a hostile API: markup, scripts, bidi overrides, 10,000 characters and unsafe links in every field, with no violation', { timeout: 30_000 }, async () => {
  const { context, tab, seen, host } = await open('/?api=/hostile-api/blocked');
  try {
    const items = host.getByRole('list', { name: 'Account deletion checks' }).getByRole('listitem');
    await eventually(async () => assert.equal(await items.count(), 5));
    const facts = await inspect(tab);
    assertSafe(facts);
    assert.deepEqual(facts.links, [], 'no link from javascript:, data:, vbscript: or malformed addresses');
    for (const value of [MARKUP, SCRIPT, BREAKOUT, BIDI, LONG]) assert.ok(facts.text.includes(value), `${value.slice(0, 30)} is shown as text`);
    assert.equal(await host.getByRole('button', { name: 'Delete account', exact: true }).getAttribute('aria-disabled'), 'true');
    // Give a late image error or a deferred handler the time it would need.
    await tab.waitForLoadState('networkidle');
    assert.equal((await inspect(tab)).executed, undefined);
    assert.deepEqual(seen.violations, [], 'Content-Security-Policy violations');
    assert.deepEqual(seen.pageErrors, [], 'page errors');
    assert.deepEqual(seen.consoleErrors, [], 'console errors');

    // The watch works: the same markup put on the page as a careless renderer would is reported, and blocked.
    await tab.evaluate(() => document.querySelector('main').insertAdjacentHTML('beforeend', '<img src="/favicon.ico" onerror="window.__cspExecuted=1">'));
    await eventually(() => assert.equal(seen.violations.length, 1));
    assert.equal(seen.violations[0].directive, 'script-src-attr');
    assert.equal((await inspect(tab)).executed, undefined);
  } finally {
    await context.close();
  }
});

for (const redirect of ['javascript:window.__cspExecuted=1', 'data:text/html,<script>window.__cspExecuted=1</script>']) {
  test(`a ${redirect.slice(0, redirect.indexOf(':') + 1)} redirect URL is refused after deletion, with no violation`, { timeout: 30_000 }, async () => {
    const { context, tab, seen, host } = await open(`/?api=/hostile-api/clear&redirect=${encodeURIComponent(redirect)}`);
    try {
      await eventually(async () => assert.match(await host.getByRole('status').innerText(), /Nothing blocks deletion any more/));
      await host.getByRole('textbox', { name: 'Type the account name to confirm' }).fill(ACCOUNT_NAME);
      await host.getByRole('button', { name: 'Delete account', exact: true }).click();
      await eventually(async () => assert.match(await host.getByRole('status').innerText(), /is not a safe address/));
      await tab.waitForLoadState('networkidle');
      assert.equal(new URL(tab.url()).pathname, '/', 'the browser stays');
      assertSafe(await inspect(tab));
      assert.deepEqual(seen.violations, [], 'Content-Security-Policy violations');
      assert.deepEqual(seen.pageErrors, [], 'page errors');
    } finally {
      await context.close();
    }
  });
}
