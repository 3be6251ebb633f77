// What every end-to-end test needs: the built kit, the demo server on a free port, Chromium driven by
// playwright-core, and a few helpers for the panel and the fake backend's control API.
// Not a test file itself (`node --test` runs only *.test.mjs here).
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, findBrowser, INSTALL_HINT } from '../find-browser.mjs';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const ACCOUNT_NAME = 'Acme Corp';
export const DELETED_TEXT = 'Your account has been successfully deleted.';

const BUILT = [
  join(ROOT, 'dist', 'account-delete-panel.standalone.js'),
  join(ROOT, 'dist', 'locales', 'es.js'),
  join(ROOT, 'dist', 'testing', 'index.js'),
  join(ROOT, 'dist', 'src', 'server', 'index.js'),
];

/**
 * Builds the kit once if dist/ lacks what the demo serves. Test files may run in parallel, so the
 * first one builds under a lock (a directory: creating it is atomic) and the others wait for it.
 */
export async function ensureBuilt() {
  if (BUILT.every((file) => existsSync(file))) return;
  const lock = join(tmpdir(), `account-deletion-kit-e2e-build-${createHash('sha1').update(ROOT).digest('hex').slice(0, 12)}`);
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      // A lock left by a run that was killed mid-build is stale after five minutes.
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })?.mtimeMs > 5 * 60_000) rmSync(lock, { recursive: true, force: true });
      await sleep(250);
    }
  }
  try {
    if (BUILT.every((file) => existsSync(file))) return;
    console.log('dist/ is missing: building the kit once (npm run build)…');
    const result = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
    if (result.status !== 0) throw new Error('`npm run build` failed: the end-to-end tests need dist/.');
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Starts `node demo/server.mjs --no-build` on a free port (PORT=0, loopback only) and resolves once it
 * printed its address. `stop()` ends it and waits until it is gone. `args` and `env` are added.
 */
export async function startDemoServer({ args = [], env = {} } = {}) {
  await ensureBuilt();
  const child = spawn(process.execPath, [join(ROOT, 'demo', 'server.mjs'), '--no-build', ...args], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  // Whatever happens to this test process, the server must not outlive it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The demo server printed no address within 15 s:\n${output}`)), 15_000);
    const look = () => {
      const match = /running at http:\/\/\S+?:(\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout.off('data', look);
        resolve(Number(match[1]));
      }
    };
    child.stdout.on('data', look);
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`The demo server exited (${code}) before it listened:\n${output}`));
    });
  }).catch((error) => {
    child.kill('SIGKILL');
    throw error;
  });

  return {
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    async stop() {
      process.off('exit', killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const gone = await Promise.race([exited.then(() => true), sleep(5000, false, { ref: false })]);
      if (!gone) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}

/** Headless Chromium, the one installed on the machine (never a downloaded one). */
export async function launchBrowser() {
  const executablePath = findBrowser();
  if (!executablePath) throw new Error(INSTALL_HINT);
  return chromium.launch({
    executablePath,
    headless: true,
    // Playwright adds its own headless flag.
    args: chromiumArgs.filter((arg) => !arg.startsWith('--headless')),
  });
}

/** Starts the server and the browser for one test file; `close()` ends both, whatever failed. */
export async function startE2E() {
  const server = await startDemoServer();
  let browser;
  try {
    browser = await launchBrowser();
  } catch (error) {
    await server.stop();
    throw error;
  }
  return {
    server,
    browser,
    async close() {
      await browser.close().catch(() => {});
      await server.stop();
    },
  };
}

/**
 * Opens the demo in a fresh browser context (opening it also resets the fake account).
 * Console messages (of every level), page errors and Content-Security-Policy violations are recorded in `problems`.
 * With `realFocus`, Playwright's focus emulation is off, so the page gets real `focus`/`blur`
 * events when another page comes to the front and it comes back.
 */
export async function openDemo(browser, baseUrl, { realFocus = false, path = '/' } = {}) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems = { console: [], pageErrors: [], violations: [] };
  page.on('console', (message) => problems.console.push({ type: message.type(), text: message.text(), url: page.url() }));
  page.on('pageerror', (error) => problems.pageErrors.push(String(error)));
  // A binding reports to this process, so violations on a page that has since navigated are kept.
  await page.exposeFunction('__reportCspViolation', (violation) => problems.violations.push(violation));
  // Runs in every document before its own scripts; the page's CSP does not apply to it.
  await page.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (event) =>
        window.__reportCspViolation({
          directive: event.effectiveDirective,
          blockedURI: event.blockedURI,
          source: `${event.sourceFile}:${event.lineNumber}`,
          sample: event.sample,
          page: location.pathname,
        }),
      true,
    );
  });
  const response = await page.goto(`${baseUrl}${path}`);
  if (realFocus) {
    // Only after the navigation: Playwright turns its emulation on again for a new document.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: false });
  }
  return { context, page, response, problems, panel: panelOf(page) };
}

/** The panel's parts, found by role and accessible name as the contract names them. */
export function panelOf(page) {
  const host = page.locator('account-delete-panel');
  return {
    host,
    heading: host.getByRole('heading', { name: 'Delete account', exact: true }),
    checks: host.getByRole('list', { name: 'Account deletion checks' }),
    items: host.getByRole('list', { name: 'Account deletion checks' }).getByRole('listitem'),
    name: host.getByRole('textbox', { name: 'Type the account name to confirm' }),
    deleteButton: host.getByRole('button', { name: 'Delete account', exact: true }),
    checkAgain: host.getByRole('button', { name: 'Check again' }),
    status: host.getByRole('status'),
    alert: host.getByRole('alert'),
  };
}

/** Calls the fake backend's control API (testing/control.ts) and answers its snapshot. */
export async function control(baseUrl, method, path, body) {
  const response = await fetch(`${baseUrl}/__backend${path}`, {
    method,
    headers: method === 'GET' ? {} : { 'content-type': 'application/json' },
    body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
  });
  const answer = await response.json();
  if (!response.ok) throw new Error(`${method} /__backend${path} answered ${response.status}: ${answer.detail}`);
  return answer;
}

/** The requests the fake backend received, oldest first. */
export async function requestLog(baseUrl) {
  return (await control(baseUrl, 'GET', '/state')).requests;
}

export const deletes = (requests) => requests.filter((r) => r.method === 'DELETE');
export const checks = (requests) => requests.filter((r) => r.method === 'GET' && r.path.startsWith('/v4/account/deletion/preconditions'));

/** Retries `probe` (which throws until it holds) for up to `timeout` ms, then throws its last error. */
export async function eventually(probe, { timeout = 8000, interval = 50 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await probe();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(interval);
    }
  }
}

/** True when `locator` is the focused element, looking through shadow roots. */
export function isFocused(locator) {
  return locator.evaluate((element) => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active === element;
  });
}

/** A short description of the focused element (through shadow roots), for failure messages. */
function focusedDescription(page) {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!active) return 'nothing';
    const label = active.getAttribute('aria-label') ?? active.labels?.[0]?.textContent ?? active.textContent ?? '';
    return `<${active.localName}${active.id ? `#${active.id}` : ''}> ${label.trim().replace(/\s+/g, ' ').slice(0, 60)}`;
  });
}

/** Presses Tab (or Shift+Tab) until `locator` has the focus, as a keyboard user would; answers the presses. */
export async function tabTo(page, locator, { backward = false, max = 40 } = {}) {
  const seen = [];
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press(backward ? 'Shift+Tab' : 'Tab');
    if (await isFocused(locator)) return presses;
    seen.push(await focusedDescription(page));
  }
  throw new Error(`${backward ? 'Shift+Tab' : 'Tab'} did not reach ${locator} in ${max} presses; focus went: ${seen.join(' → ')}`);
}

/**
 * Console errors other than the ones a test expects (for example Chromium's "Failed to load resource:
 * … status of 500" for an answer the test asked the backend to fail).
 */
export function unexpectedErrors(problems, allowed = []) {
  return [
    ...problems.pageErrors.map((text) => `page error: ${text}`),
    ...problems.console
      .filter((m) => m.type === 'error' && !allowed.some((pattern) => pattern.test(m.text)))
      .map((m) => `console error on ${m.url}: ${m.text}`),
  ];
}

/** Chromium's console line for an HTTP error answer with `status`. */
export const failedToLoad = (status) => new RegExp(`^Failed to load resource: the server responded with a status of ${status}\\b`);
