// `AZION_TOKEN=… npm start -- --azion`: the demo reads a real account through Azion's API. With no
// internet here, its base URLs point at the fake Azion API served over HTTP by this test, which
// wants the token: the wiring a real run uses, end to end. Without --allow-delete the DELETE is a
// dry run, said on the page and in the terminal; with it, Azion gets the DELETE.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import http from 'node:http';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ACCOUNT_NAME, DELETED_TEXT, ROOT, ensureBuilt, eventually, launchBrowser, openDemo, startDemoServer, unexpectedErrors } from './harness.mjs';

const TOKEN = 'azion-mode-token';
let upstream;
let azionServer;
let azionBase;
let browser;

before(async () => {
  await ensureBuilt();
  const testing = await import(pathToFileURL(join(ROOT, 'dist', 'testing', 'index.js')).href);
  upstream = testing.createFakeAzionApi({ token: TOKEN });
  azionServer = http.createServer(testing.createFakeAzionApiHandler(upstream));
  await new Promise((resolve) => azionServer.listen(0, '127.0.0.1', resolve));
  azionBase = `http://127.0.0.1:${azionServer.address().port}`;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  azionServer?.closeAllConnections();
  azionServer?.close();
});

const azionEnv = () => ({ AZION_TOKEN: TOKEN, AZION_API_BASE: azionBase, AZION_SSO_BASE: azionBase });
const deleteOnce = (base, key) => fetch(`${base}/api/v3/account/1234`, { method: 'DELETE', headers: { 'idempotency-key': key } });

test('--azion without --allow-delete: real checks, a loud DRY RUN on the page and in the terminal, and no DELETE reaches Azion', { timeout: 40_000 }, async () => {
  upstream.reset();
  const server = await startDemoServer({ args: ['--azion'], env: azionEnv() });
  try {
    await eventually(async () => assert.match(server.output(), /\*\*\* DRY RUN: "Delete account" is answered 204 without calling Azion\. Nothing is deleted\. \*\*\*/));
    const checks = await (await fetch(`${server.url}/api/v4/account/deletion/preconditions`)).json();
    assert.equal(checks.data.account.name, ACCOUNT_NAME);
    assert.deepEqual(checks.data.checks.map((check) => check.status), ['blocking', 'blocking', 'blocking']);
    assert.ok(upstream.requests.every((call) => call.headers.authorization === `Token ${TOKEN}`), 'every call carries the token');
    assert.equal((await fetch(`${server.url}/__backend/state`)).status, 404, 'no fake to steer');

    const { context, page, panel, problems } = await openDemo(browser, server.url);
    try {
      const banner = page.locator('#mode-banner');
      await eventually(async () => assert.match(await banner.innerText(), /^DRY RUN: this page reads a real Azion account's checks/));
      assert.equal(await page.locator('#backend-controls').isHidden(), true);
      await eventually(async () => assert.equal(await panel.items.count(), 3));

      upstream.resolveAll();
      await panel.checkAgain.click();
      await panel.name.fill(ACCOUNT_NAME);
      await eventually(async () => assert.equal(await panel.deleteButton.getAttribute('aria-disabled'), 'false'));
      await panel.deleteButton.click();
      await eventually(async () => assert.ok((await panel.status.innerText()).includes(DELETED_TEXT)));
      assert.deepEqual(unexpectedErrors(problems), []);
    } finally {
      await context.close();
    }
    assert.equal(upstream.requests.filter((call) => call.method === 'DELETE').length, 0, 'nothing was sent to Azion');
    assert.equal(upstream.state.deleted, false);
    await eventually(async () => assert.match(server.output(), /\*\*\* DRY RUN: the panel asked to delete account 1234\. Nothing was sent to Azion/));
  } finally {
    await server.stop();
  }
});

test('--azion --allow-delete: the DELETE reaches Azion once, with the token and version 3, and the page says it is live', { timeout: 30_000 }, async () => {
  upstream.reset();
  upstream.resolveAll();
  const server = await startDemoServer({ args: ['--azion', '--allow-delete'], env: azionEnv() });
  try {
    await eventually(async () => assert.match(server.output(), /--allow-delete: "Delete account" REALLY DELETES/));
    assert.deepEqual(await (await fetch(`${server.url}/__demo/mode`)).json(), { mode: 'azion', deletes: 'live' });
    assert.equal((await deleteOnce(server.url, 'live-key')).status, 204);
    assert.equal((await deleteOnce(server.url, 'live-key')).status, 204, 'the repeat answers from the key');
    const deletes = upstream.requests.filter((call) => call.method === 'DELETE');
    assert.equal(deletes.length, 1);
    assert.equal(deletes[0].headers.accept, 'application/json; version=3');
    assert.equal(deletes[0].headers.authorization, `Token ${TOKEN}`);
    assert.equal(upstream.state.deleted, true);
  } finally {
    await server.stop();
  }
});

function runToExit(args, env) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'demo', 'server.mjs'), '--no-build', ...args], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', AZION_TOKEN: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

test('--azion refuses to start without AZION_TOKEN, or with a base URL that would send the token in clear', { timeout: 40_000 }, async () => {
  const missing = await runToExit(['--azion'], {});
  assert.equal(missing.code, 1);
  assert.match(missing.output, /AZION_TOKEN=<token> npm start -- --azion/);
  const clear = await runToExit(['--azion'], { AZION_TOKEN: TOKEN, AZION_API_BASE: 'http://api.example.com' });
  assert.equal(clear.code, 1);
  assert.match(clear.output, /apiBase must use https/);
});
