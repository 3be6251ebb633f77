// The packed tarball in the two Vite projects beside this file, as a team would use it: Vue 3 (vue/,
// checked by vue-tsc) and React 19 (react-vite/, checked by tsc, with the wrapper and with the bare
// elements). Each must type-check, must fail on the mistakes of its wrong/ folder, must build with
// `vite build`, and its build must show the elements in Chromium. Run by `npm test`, in a step of its own.
//
// A project's node_modules is kept between runs (in the system's temp folder, under a name made from its
// package.json and package-lock.json, so a change of version installs anew); only the tarball is
// installed each time. Everything comes from the npm registry, at the versions the lockfiles pin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { findBrowser, chromiumArgs } from '../find-browser.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const here = fileURLToPath(new URL('.', import.meta.url));
const cache = join(tmpdir(), 'account-deletion-kit-fixtures');
let packed;
let tarball;
let browser;

/** Runs a command; returns its status and everything it printed. */
function sh(cmd, args, cwd) {
  const { status, stdout, stderr } = spawnSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return { status, output: stdout + stderr };
}

function ok(cmd, args, cwd) {
  const { status, output } = sh(cmd, args, cwd);
  assert.equal(status, 0, `${cmd} ${args.join(' ')} in ${cwd}:\n${output}`);
  return output;
}

function newest(path) {
  const info = statSync(path);
  return info.isDirectory() ? Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name)))) : info.mtimeMs;
}

/** The build these projects read (the generated Vue and JSX types too), made again when a source is newer. */
function buildIfStale() {
  const sources = ['src', 'components', 'testing', 'rollup.config.mjs', 'custom-elements-manifest.config.mjs', 'tsconfig.json'];
  const built = statSync(join(root, 'dist/vue.d.ts'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (Math.max(...sources.map((path) => newest(join(root, path)))) > built) ok('npm', ['run', 'build', '--silent'], root);
}

/**
 * The fixture `name` in a folder of its own outside this checkout (so nothing resolves from the kit's
 * own node_modules), its dependencies installed once, the fresh tarball installed every time.
 */
function project(name) {
  const fixture = join(here, name);
  const key = createHash('sha256')
    .update(readFileSync(join(fixture, 'package.json')))
    .update(readFileSync(join(fixture, 'package-lock.json')))
    .digest('hex')
    .slice(0, 12);
  const dir = join(cache, `${name}-${key}`);
  if (!existsSync(join(dir, 'node_modules/.package-lock.json'))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    cpSync(join(fixture, 'package.json'), join(dir, 'package.json'));
    cpSync(join(fixture, 'package-lock.json'), join(dir, 'package-lock.json'));
    ok('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], dir);
  }
  for (const entry of readdirSync(dir)) if (!['node_modules', 'package.json', 'package-lock.json'].includes(entry)) rmSync(join(dir, entry), { recursive: true });
  for (const entry of readdirSync(fixture)) if (!['package.json', 'package-lock.json'].includes(entry)) cpSync(join(fixture, entry), join(dir, entry), { recursive: true });
  ok('npm', ['install', '--no-save', '--prefer-offline', '--no-audit', '--no-fund', tarball], dir);
  return dir;
}

/**
 * One run of `checker` over the app (src/) and its mistakes (wrong/): the app has no error, each mistake
 * has one. Prints what the checker said.
 */
function typeCheck(t, dir, checker) {
  const wrong = sh(join(dir, 'node_modules/.bin', checker), ['-p', 'wrong/tsconfig.json'], dir);
  for (const line of [`${checker} on src/ and wrong/ (wrong/ must fail):`, ...wrong.output.trim().split('\n')]) t.diagnostic(line);
  assert.notEqual(wrong.status, 0, `${checker} finds the mistakes of wrong/`);
  assert.deepEqual(wrong.output.split('\n').filter((line) => / error TS\d+/.test(line) && !line.startsWith('wrong/')), [], 'src/ type-checks');
  return wrong;
}

/** What npm installed in `dir`, by package name. */
function installed(dir) {
  const { packages } = JSON.parse(readFileSync(join(dir, 'node_modules/.package-lock.json'), 'utf8'));
  return new Set(Object.keys(packages).map((path) => path.replace(/^.*node_modules\//, '')));
}

/** Serves a built app; an unknown path is a 404, as a missing API would be. */
async function serve(dir) {
  const types = { '.js': 'text/javascript', '.html': 'text/html', '.css': 'text/css' };
  const server = createServer((req, res) => {
    const path = resolve(dir, '.' + decodeURIComponent(new URL(req.url, 'http://x').pathname));
    const file = path === dir ? join(dir, 'index.html') : path;
    if (!file.startsWith(dir) || !statSync(file, { throwIfNoEntry: false })?.isFile()) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

/** Opens the built app; returns what the console said, but the 404s of the API nobody serves here. */
async function open(dir, check) {
  const { server, origin } = await serve(join(dir, 'dist'));
  const page = await browser.newPage();
  const said = [];
  page.on('console', (message) => {
    if (['error', 'warning'].includes(message.type()) && !/status of 404/.test(message.text())) said.push(message.text());
  });
  page.on('pageerror', (error) => said.push(error.message));
  try {
    await page.goto(`${origin}/`);
    await check(page);
  } finally {
    await page.close();
    server.close();
  }
  return said;
}

before(async () => {
  buildIfStale();
  packed = mkdtempSync(join(tmpdir(), 'adk-packed-'));
  const [{ filename }] = JSON.parse(ok('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', packed], root).replace(/^[^[]*/, ''));
  tarball = join(packed, filename);
  browser = await chromium.launch({ executablePath: findBrowser(), args: chromiumArgs });
}, { timeout: 300_000 });

after(async () => {
  await browser?.close();
  if (packed) rmSync(packed, { recursive: true, force: true });
});

test('Vite + Vue 3: no React package installed, vue-tsc checks the tags, vite builds, the page shows them', async (t) => {
  const dir = project('vue');
  assert.deepEqual(['@lit/react', 'react', '@types/react'].filter((name) => installed(dir).has(name)), []);
  const wrong = typeCheck(t, dir, 'vue-tsc');
  assert.match(wrong.output, /Wrong\.vue\(12,\d+\): error TS2561: .*'apiBse' does not exist.* Did you mean to write 'apiBase'\?/);
  assert.match(wrong.output, /Wrong\.vue\(13,\d+\): error TS2322: Type 'string' is not assignable to type 'number'\./);
  assert.match(wrong.output, /Wrong\.vue\(14,\d+\): error TS2322: .*'CustomEvent<AccountDeletedDetail>' is not assignable/s);
  ok(join(dir, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], dir);
  const said = await open(dir, async (page) => {
    await page.locator('account-delete-panel').getByRole('heading', { name: 'Delete account' }).waitFor();
    await page.locator('account-delete-dialog').getByRole('button', { name: 'Delete account' }).waitFor();
    assert.equal(await page.locator('account-delete-panel').getAttribute('redirect-delay'), '0');
  });
  assert.deepEqual(said, [], 'no Vue warning ("Failed to resolve component"), no error');
});

test('Vite + React 19: tsc checks the wrapper and the bare tags, vite builds, the page shows them', async (t) => {
  const dir = project('react-vite');
  const wrong = typeCheck(t, dir, 'tsc');
  assert.match(wrong.output, /Wrong\.tsx\(12,\d+\): error TS2322: .*"redirect-delay".*\n.*\n\s+Type 'string' is not assignable to type 'number'\./);
  assert.match(wrong.output, /Wrong\.tsx\(13,\d+\): error TS2322: Type '"always"' is not assignable to type '"none" \| "account-name" \| undefined'\./);
  assert.match(wrong.output, /Wrong\.tsx\(14,\d+\): error TS2322: [^]*Property 'clent' does not exist/);
  assert.match(wrong.output, /Wrong\.tsx\(15,\d+\): error TS2322: [^]*'CustomEvent<AccountDeletedDetail>' is not assignable/);
  assert.match(wrong.output, /Wrong\.tsx\(16,\d+\): error TS2322: Type 'string' is not assignable to type 'boolean \| undefined'\./);
  ok(join(dir, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], dir);
  const said = await open(dir, async (page) => {
    await page.locator('account-delete-panel').getByRole('heading', { name: 'Delete account' }).waitFor();
    await page.locator('account-delete-dialog').getByRole('button', { name: 'Delete account' }).first().waitFor();
    assert.equal(await page.locator('account-delete-dialog').nth(1).getAttribute('support-url'), '/help');
    // The window's wrapper, drawn as the element, its props passed on.
    assert.equal(await page.locator('account-delete-dialog').first().evaluate((el) => el.supportUrl), '/help-wrapped');
  });
  assert.deepEqual(said, []);
});
