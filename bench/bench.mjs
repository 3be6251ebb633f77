// `npm run bench`: how soon the panel is useful and what it costs, measured in headless Chromium,
// inline and in the window, 1280 and 360 px wide (`npm run bench -- --trace` also writes a trace)
// against a no-framework baseline in the same run. Prints a table and writes bench/results.json.
// See BENCHMARKS.md for what each figure means. A benchmark, not a test: it asserts nothing.
import http from 'node:http';
import { createHash } from 'node:crypto';
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, findBrowser, INSTALL_HINT } from '../test/find-browser.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const STANDALONE = join(root, 'dist', 'account-delete-panel.standalone.js');
const BACKEND = join(root, 'dist', 'testing', 'index.js');

// How much to measure. Every loop below is bounded by these counts and by DEADLINE_MS in all.
// BENCH_QUICK=1 runs a few of each, to try the script out; its figures are not worth reporting.
const QUICK = process.env.BENCH_QUICK === '1';
const LOADS = QUICK ? 4 : 30; // measured loads per variant and latency
const WARMUPS = QUICK ? 1 : 3; // loads per variant thrown away first
const LARGE_LOADS = QUICK ? 3 : 20;
const REQUEST_LOADS = QUICK ? 2 : 5;
const IDLE_MS = 1_000; // quiet time after a load or a re-check before its requests are counted
const CYCLES = 500;
const LATENCIES = [0, 100];
const SHIFT_RUNS = QUICK ? 2 : 30; // runs of the whole flow per place and width, for the layout shifts
const VIEWPORT = { width: 1280, height: 720 };
/** Where the panel is measured: inline on the page or in the window, on a phone's width and a desktop's. */
const PLACES = [
  { name: 'inline, 1280 px', window: false, viewport: VIEWPORT },
  { name: 'inline, 360 px', window: false, viewport: { width: 360, height: 740 } },
  { name: 'window, 1280 px', window: true, viewport: VIEWPORT },
  { name: 'window, 360 px', window: true, viewport: { width: 360, height: 740 } },
];
const DEADLINE_MS = 45 * 60_000;
const ACCOUNT_NAME = 'Acme Corp';

const started = Date.now();
process.chdir(root); // size.mjs measures paths relative to the package root
const loadAtStart = os.loadavg();

if (!existsSync(STANDALONE) || !existsSync(BACKEND)) {
  console.log('dist/ is missing: building it first (npm run build).');
  execSync('npm run build', { cwd: root, stdio: 'inherit' });
}
const executablePath = findBrowser();
if (!executablePath) {
  console.error(INSTALL_HINT);
  process.exit(1);
}

const { measure } = await import('./size.mjs');
const { createFakeBackend, createFakeBackendHandler } = await import(pathToFileURL(BACKEND).href);

// ---------------------------------------------------------------------------------------------
// The server: dist/, the bench pages, the fake backend at /api and fixed large bodies at /large/…
// ---------------------------------------------------------------------------------------------

const backend = createFakeBackend();
const api = createFakeBackendHandler(backend, { apiBase: '/api' });

const account = { id: 1234, name: ACCOUNT_NAME, kind: 'client' };
const items = (prefix, n) => Array.from({ length: n }, (_, i) => ({ id: i + 1, name: `${prefix}-${String(i + 1).padStart(5, '0')}.example` }));
function preconditions(checks) {
  return JSON.stringify({ data: { account, deletable: false, checked_at: '2026-01-01T00:00:00Z', checks } });
}
const LARGE = {
  // One check with 100,000 blocking resources, of which the server lists the first 50 (the spec's cap).
  'one check of 100,000': preconditions([
    { type: 'dns_zones', status: 'blocking', count: 100_000, items: items('zone', 50), resolve_url: 'https://console.example/dns' },
    { type: 'edge_applications', status: 'passed', count: 0, items: [] },
    { type: 'debts', status: 'passed', count: 0 },
  ]),
  // 20 check types: the 3 the kit knows and 17 it does not, each blocking with 1,000 resources, 50 listed.
  '20 check types': preconditions([
    { type: 'dns_zones', status: 'blocking', count: 1_000, items: items('zone', 50), resolve_url: 'https://console.example/dns' },
    { type: 'edge_applications', status: 'blocking', count: 1_000, items: items('app', 50), resolve_url: 'https://console.example/apps' },
    { type: 'debts', status: 'blocking', count: 1, amount: { value: '120.50', currency: 'USD' }, resolve_url: 'https://console.example/billing' },
    ...Array.from({ length: 17 }, (_, i) => ({
      type: `custom_check_${i + 1}`,
      status: 'blocking',
      count: 1_000,
      items: items(`thing${i + 1}`, 50),
      title: `Custom resource ${i + 1}`,
      message: `1,000 custom resources of kind ${i + 1} must be removed`,
      resolve_url: `https://console.example/custom/${i + 1}`,
    })),
  ]),
};
const largePath = (name) => `/large/${encodeURIComponent(name).replace(/%/g, '_')}`;
const largeRoutes = new Map(Object.entries(LARGE).map(([name, body]) => [`${largePath(name)}/v4/account/deletion/preconditions`, body]));

/** Every request to an API path (the fake backend's or a large body's), in order. */
const apiRequests = [];

// /gated is the fake backend held back until opened: the layout-shift run paints the panel's
// placeholder first, then lets the checks arrive, so each gets its own figure.
let gate = Promise.resolve();
let openGate = () => {};
function closeGate() {
  gate = new Promise((r) => (openGate = r));
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };
const STATIC = [
  ['/dist/', join(root, 'dist')],
  ['/bench/pages/', join(root, 'bench', 'pages')],
];

async function serveStatic(pathname, res) {
  for (const [prefix, dir] of STATIC) {
    if (!pathname.startsWith(prefix)) continue;
    const file = resolve(dir, `.${normalize(`/${pathname.slice(prefix.length)}`)}`);
    if (!file.startsWith(dir + sep)) break;
    try {
      if (!(await stat(file)).isFile()) break;
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(await readFile(file));
      return;
    } catch {
      break;
    }
  }
  res.writeHead(404, { 'content-type': 'text/plain' });
  res.end('Not found.');
}

const server = http.createServer((req, res) => {
  const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
  if (pathname.startsWith('/api/') || pathname.startsWith('/large/') || pathname.startsWith('/gated/')) {
    apiRequests.push({ method: req.method, path: pathname });
  }
  if (largeRoutes.has(pathname)) {
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(largeRoutes.get(pathname));
    return;
  }
  if (pathname.startsWith('/gated/')) {
    req.url = `/api/${req.url.slice('/gated/'.length)}`;
    void gate.then(() => api(req, res));
    return;
  }
  api(req, res, () => {
    if (pathname === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return;
    }
    serveStatic(pathname, res).catch(() => res.destroy());
  });
});

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const round = (x, digits = 1) => (x === undefined || Number.isNaN(x) ? undefined : Number(x.toFixed(digits)));

/** Median, p95 (nearest rank: the 29th of 30), min and max, unrounded. */
function statsOf(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { n: 0 };
  const median = n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  return { n, median, p95: sorted[Math.ceil(0.95 * n) - 1], min: sorted[0], max: sorted[n - 1] };
}

function stats(samples) {
  const s = statsOf(samples);
  return s.n === 0 ? s : { n: s.n, median: round(s.median), p95: round(s.p95), min: round(s.min), max: round(s.max) };
}

let browser;
let baseUrl;

/** One load in a fresh browser context: opens `path`, returns the page's benchResult and the API requests it made. */
async function load(path, viewport = VIEWPORT) {
  const context = await browser.newContext({ viewport });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const before = apiRequests.length;
    await page.goto(baseUrl + path);
    const result = await page.evaluate(() => window.benchResult);
    return { ...result, requests: apiRequests.length - before };
  } finally {
    await context.close();
  }
}

/** Alternates panel and baseline loads (warm-ups first, thrown away); returns the samples of each. */
async function compare(apiBase, loads, place = PLACES[0]) {
  const samples = { panel: [], baseline: [] };
  const errors = [];
  const q = `?api=${encodeURIComponent(apiBase)}`;
  for (let i = 0; i < WARMUPS + loads; i++) {
    const order = i % 2 ? ['panel', 'baseline'] : ['baseline', 'panel'];
    for (const variant of order) {
      const windowed = variant === 'panel' && place.window ? '&window=1' : '';
      const result = await load(`/bench/pages/${variant}.html${q}${windowed}`, place.viewport);
      if (result?.error || typeof result?.frame !== 'number') errors.push(`${variant}: ${result?.error ?? 'no timings'}`);
      else if (i >= WARMUPS) samples[variant].push(result);
    }
    if (errors.length > 3) throw new Error(`Loads keep failing: ${errors.join('; ')}`);
  }
  const summary = (variant) => ({
    timeToUseful: stats(samples[variant].map((r) => r.frame)),
    domWritten: stats(samples[variant].map((r) => r.dom)),
    // From the end of the response (as the browser timed it) to the frame that paints the checks.
    afterResponse: stats(samples[variant].filter((r) => r.request).map((r) => r.frame - r.request.responseEnd)),
    requestStart: stats(samples[variant].filter((r) => r.request).map((r) => r.request.start)),
    responseEnd: stats(samples[variant].filter((r) => r.request).map((r) => r.request.responseEnd)),
    ...(variant === 'panel'
      ? {
          firstRender: stats(samples[variant].map((r) => r.firstRender)),
          // Where the time from the answer to the paint goes: the answer read and the flow's snapshot
          // made, the checked event, the checks written to the DOM, then painted.
          afterAnswer: {
            snapshot: stats(samples[variant].filter((r) => r.request).map((r) => r.snapshot - r.request.responseEnd)),
            checkedEvent: stats(samples[variant].filter((r) => r.request).map((r) => r.checked - r.request.responseEnd)),
            inTheDom: stats(samples[variant].filter((r) => r.request).map((r) => r.dom - r.request.responseEnd)),
            painted: stats(samples[variant].filter((r) => r.request).map((r) => r.frame - r.request.responseEnd)),
          },
        }
      : {}),
    listItems: samples[variant][0]?.items,
    requestsUntilRendered: [...new Set(samples[variant].map((r) => r.requests))],
    samples: samples[variant].map((r) => round(r.frame)),
  });
  const panel = summary('panel');
  const baseline = summary('baseline');
  return {
    panel,
    baseline,
    ratio: {
      median: round(panel.timeToUseful.median / baseline.timeToUseful.median, 2),
      p95: round(panel.timeToUseful.p95 / baseline.timeToUseful.p95, 2),
    },
    errors,
  };
}

async function manualPage(query = '?api=/api', viewport = VIEWPORT) {
  const context = await browser.newContext({ viewport });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${baseUrl}/bench/pages/panel.html${query}&mode=manual`);
    return { context, page };
  } catch (error) {
    await context.close();
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// The measurements
// ---------------------------------------------------------------------------------------------

async function timeToUseful() {
  const out = {};
  for (const place of PLACES) {
    for (const latency of LATENCIES) {
      backend.reset();
      backend.latency = latency;
      const key = `${place.name}, ${latency} ms`;
      out[key] = await compare('/api', LOADS, place);
      const r = out[key];
      console.log(
        `  ${key}: panel median ${r.panel.timeToUseful.median} ms, baseline ${r.baseline.timeToUseful.median} ms (×${r.ratio.median}); answer to paint ${r.panel.afterResponse.median} ms (baseline ${r.baseline.afterResponse.median} ms)`,
      );
    }
  }
  backend.reset();
  return out;
}

async function requests() {
  backend.reset();
  const perLoad = [];
  const perRecheck = [];
  const seen = [];
  for (let i = 0; i < REQUEST_LOADS; i++) {
    const context = await browser.newContext({ viewport: VIEWPORT });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      const before = apiRequests.length;
      await page.goto(`${baseUrl}/bench/pages/panel.html`);
      const result = await page.evaluate(() => window.benchResult);
      if (result.error) throw new Error(result.error);
      await sleep(IDLE_MS);
      const afterLoad = apiRequests.length;
      await page.evaluate(async () => {
        const checked = window.bench.nextChecked(window.panel);
        await window.panel.refresh();
        await checked;
      });
      await sleep(IDLE_MS);
      const afterRecheck = apiRequests.length;
      perLoad.push(afterLoad - before);
      perRecheck.push(afterRecheck - afterLoad);
      if (i === 0) seen.push(...apiRequests.slice(before, afterRecheck).map((r) => `${r.method} ${r.path}`));
    } finally {
      await context.close();
    }
  }
  return { perLoad, perRecheck, firstLoadAndRecheck: seen };
}

/**
 * The layout shifts of each step, in one run of the flow: the panel inserted or the window opened (the
 * placeholder painted), its checks arriving, a re-check after the blockers were resolved elsewhere,
 * typing the name, delete. Shifts within 500 ms of the user's input do not count (as in CLS); they are
 * given apart.
 */
async function shiftRun(place) {
  closeGate();
  const { context, page } = await manualPage(`?api=/gated${place.window ? '&window=1' : ''}`, place.viewport);
  try {
    const phases = [];
    const mark = async (name) => phases.push({ name, until: await page.evaluate(() => window.bench.shifts.length) });
    const settle = async (ms) => {
      await page.evaluate(() => window.bench.twoFrames());
      await sleep(ms);
    };
    // 1. Connect: the placeholder, while the request waits at the gate.
    await page.evaluate(() => window.bench.connect());
    await settle(300);
    await mark('placeholder');
    // 2. The checks arrive (3, blocking).
    openGate();
    const mounted = await page.evaluate(() => window.mounted.catch((error) => ({ error: String(error) })));
    if (mounted.error) throw new Error(mounted.error);
    await settle(400);
    await mark('checks arrive');
    // 3. The user resolved everything elsewhere; the panel checks again on its own (no input).
    backend.resolveAll();
    await page.evaluate(async () => {
      const checked = window.bench.nextChecked(window.panel);
      await window.panel.refresh();
      await checked;
      await window.panel.updateComplete;
    });
    await settle(400);
    await mark('re-check, all resolved');
    // 4. Typing the name, key by key.
    const confirm = page.locator('account-delete-panel #confirm');
    await confirm.click();
    await confirm.pressSequentially(ACCOUNT_NAME, { delay: 30 });
    await settle(400);
    await mark('typing the name');
    // 5. Delete, until the success message is shown.
    await page.locator('account-delete-panel [part="delete-button"]').click();
    await page.locator('account-delete-panel .success').waitFor({ state: 'visible', timeout: 15_000 });
    await settle(400);
    await mark('delete');
    const shifts = await page.evaluate(() => window.bench.shifts);
    const sum = (list) => list.reduce((total, s) => total + s.value, 0);
    let from = 0;
    const byPhase = {};
    for (const { name, until } of phases) {
      const inPhase = shifts.slice(from, until);
      from = until;
      byPhase[name] = { cls: sum(inPhase.filter((s) => !s.hadRecentInput)), afterInput: sum(inPhase.filter((s) => s.hadRecentInput)), shifts: inPhase };
    }
    return { cls: sum(shifts.filter((s) => !s.hadRecentInput)), phases: byPhase };
  } finally {
    openGate();
    await context.close();
  }
}

/** SHIFT_RUNS runs of the flow in each place: the layout shift of each step, median and p95. */
async function layoutShift() {
  const out = {};
  for (const place of PLACES) {
    backend.reset();
    const runs = [];
    for (let i = 0; i < SHIFT_RUNS; i++) {
      backend.reset();
      runs.push(await shiftRun(place));
    }
    const names = Object.keys(runs[0].phases);
    const at4 = (s) => ({ ...s, median: round(s.median, 4), p95: round(s.p95, 4), min: round(s.min, 4), max: round(s.max, 4) });
    const exact = (values) => at4(statsOf(values));
    out[place.name] = {
      runs: runs.length,
      cls: exact(runs.map((r) => r.cls)),
      phases: Object.fromEntries(
        names.map((name) => [
          name,
          {
            cls: exact(runs.map((r) => r.phases[name].cls)),
            afterInput: exact(runs.map((r) => r.phases[name].afterInput)),
            // What moved, in the first run that had a shift there: to find it.
            firstShifts: runs.find((r) => r.phases[name].shifts.length)?.phases[name].shifts.slice(0, 3) ?? [],
          },
        ]),
      ),
    };
    const phases = names.map((name) => `${name} ${out[place.name].phases[name].cls.median}`).join(', ');
    console.log(`  ${place.name}: CLS median ${out[place.name].cls.median} (p95 ${out[place.name].cls.p95}); by step: ${phases}`);
  }
  backend.reset();
  return out;
}

/**
 * With `--trace`: a Chromium trace of one panel load (1280 px, no latency), written to bench/trace.json,
 * to open in Chrome's Performance panel or ui.perfetto.dev; the page's performance.marks ("bench:…":
 * connected, snapshot, checked event, checks in the DOM, checks painted) are in it.
 */
async function trace() {
  backend.reset();
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    const path = join(root, 'bench', 'trace.json');
    await browser.startTracing(page, { path, screenshots: true, categories: ['devtools.timeline', 'blink.user_timing', 'v8.execute', 'disabled-by-default-devtools.timeline'] });
    await page.goto(`${baseUrl}/bench/pages/panel.html?api=/api`);
    const result = await page.evaluate(() => window.benchResult);
    await browser.stopTracing();
    if (result?.error) throw new Error(result.error);
    return { path: 'bench/trace.json', timings: result };
  } finally {
    await context.close();
  }
}

async function largeAccounts() {
  const out = {};
  for (const name of Object.keys(LARGE)) {
    out[name] = await compare(largePath(name), LARGE_LOADS);
    console.log(`  ${name}: panel median ${out[name].panel.timeToUseful.median} ms, baseline ${out[name].baseline.timeToUseful.median} ms`);
  }
  return out;
}

async function memory() {
  backend.reset();
  const out = {};
  for (const [variant, run] of [
    ['panel removed after its checks arrived', (n) => window.bench.cycles(n, { waitForChecks: true })],
    ['panel removed at once (check aborted)', (n) => window.bench.cycles(n, { waitForChecks: false })],
    // The control: what the same number of fetches and list writes leave, with no panel.
    ['baseline: fetch and plain list', (n) => window.bench.baselineCycles(n)],
  ]) {
    const { context, page } = await manualPage();
    try {
      const cdp = await context.newCDPSession(page);
      await cdp.send('HeapProfiler.enable');
      const snapshot = async () => {
        for (let i = 0; i < 3; i++) {
          await page.evaluate(() => window.gc());
          await cdp.send('HeapProfiler.collectGarbage');
        }
        const heap = await cdp.send('Runtime.getHeapUsage');
        const dom = await cdp.send('Memory.getDOMCounters');
        return { jsHeapUsed: heap.usedSize, embedderHeapUsed: heap.embedderHeapUsedSize, ...dom };
      };
      const points = [];
      let done = 0;
      let failed = 0;
      points.push({ cycles: 0, ...(await snapshot()) });
      for (const target of [1, 100, 250, 375, CYCLES]) {
        const r = await page.evaluate(`(${run})(${target - done})`);
        done += r.done;
        failed += r.failed;
        points.push({ cycles: done, ...(await snapshot()) });
      }
      const first = points.find((p) => p.cycles === 1);
      const half = points.find((p) => p.cycles === 250);
      const last = points.at(-1);
      out[variant] = {
        cycles: done,
        failedChecks: failed,
        afterFirst: first.jsHeapUsed,
        afterAll: last.jsHeapUsed,
        growth: last.jsHeapUsed - first.jsHeapUsed,
        growthPerCycle: round((last.jsHeapUsed - first.jsHeapUsed) / Math.max(1, done - 1), 0),
        // The slope of the second half, once V8 and Lit have warmed up: a leak keeps growing there.
        secondHalfPerCycle: round((last.jsHeapUsed - half.jsHeapUsed) / Math.max(1, done - half.cycles), 0),
        embedderSecondHalfPerCycle: round((last.embedderHeapUsed - half.embedderHeapUsed) / Math.max(1, done - half.cycles), 0),
        listenersGrowth: last.jsEventListeners - first.jsEventListeners,
        nodesGrowth: last.nodes - first.nodes,
        points,
      };
      console.log(`  ${variant}: ${first.jsHeapUsed} → ${last.jsHeapUsed} bytes after ${done} cycles`);
    } finally {
      await context.close();
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Run, print, write
// ---------------------------------------------------------------------------------------------

function machine(chromiumVersion) {
  const cpu = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m)?.[1] ?? os.cpus()[0]?.model;
  return {
    cpu,
    cores: os.cpus().length,
    memoryGiB: round(os.totalmem() / 2 ** 30, 1),
    os: `${os.type()} ${os.release()}`,
    chromium: chromiumVersion,
    node: process.version,
  };
}

function build() {
  const sha = (file) => createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16);
  let commit;
  let dirty;
  try {
    commit = execSync('git rev-parse --short HEAD', { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    dirty = execSync('git status --porcelain -- src components', { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .split('\n')
      .filter(Boolean);
  } catch {
    // Not a git checkout (a packed copy): the module's hash still identifies what was measured.
  }
  return { commit, uncommittedSourceChanges: dirty, standaloneSha256: sha(STANDALONE) };
}

const ms = (x) => (x === undefined ? '–' : `${x} ms`);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

function table(r) {
  const rows = [];
  const row = (figure, value, note = '') => rows.push({ figure, value, note });
  for (const [latency, t] of Object.entries(r.timeToUseful)) {
    row(`time to useful, ${latency} latency: panel`, `${ms(t.panel.timeToUseful.median)} (p95 ${ms(t.panel.timeToUseful.p95)})`, `n=${t.panel.timeToUseful.n}`);
    row(`time to useful, ${latency} latency: baseline`, `${ms(t.baseline.timeToUseful.median)} (p95 ${ms(t.baseline.timeToUseful.p95)})`, `n=${t.baseline.timeToUseful.n}`);
    row(`time to useful, ${latency} latency: panel/baseline`, `×${t.ratio.median} (p95 ×${t.ratio.p95})`, 'medians, p95s');
    row(
      `  where the panel's time goes, ${latency} latency`,
      `first render ${ms(t.panel.firstRender.median)}, request sent ${ms(t.panel.requestStart.median)}, answered ${ms(t.panel.responseEnd.median)}`,
      `baseline: sent ${ms(t.baseline.requestStart.median)}, answered ${ms(t.baseline.responseEnd.median)} (medians)`,
    );
    const a = t.panel.afterAnswer;
    row(
      `  answer to paint, ${latency} latency`,
      `panel ${ms(t.panel.afterResponse.median)} (p95 ${ms(t.panel.afterResponse.p95)}), baseline ${ms(t.baseline.afterResponse.median)}`,
      `after the answer: snapshot ${ms(a.snapshot.median)}, checked event ${ms(a.checkedEvent.median)}, in the DOM ${ms(a.inTheDom.median)}, painted ${ms(a.painted.median)}`,
    );
  }
  const timed = Object.values(r.timeToUseful).flatMap((t) => [...t.panel.requestsUntilRendered]);
  row('requests per load', r.requests.perLoad.join(', '), `${REQUEST_LOADS} loads, ${IDLE_MS} ms idle after; timed loads: ${[...new Set(timed)].join(' or ')} each`);
  row('requests per re-check (refresh())', r.requests.perRecheck.join(', '));
  for (const [place, c] of Object.entries(r.layoutShift)) {
    const perPhase = Object.entries(c.phases)
      .map(([name, p]) => `${name} ${p.cls.median}${p.cls.p95 !== p.cls.median ? ` (p95 ${p.cls.p95})` : ''}`)
      .join('; ');
    row(`layout shift (CLS), ${place}`, `${c.cls.median} (p95 ${c.cls.p95})`, `${c.runs} runs; ${perPhase}`);
  }
  for (const [name, t] of Object.entries(r.largeAccounts)) {
    row(`large account, ${name}: panel`, `${ms(t.panel.timeToUseful.median)} (p95 ${ms(t.panel.timeToUseful.p95)})`, `${t.panel.listItems} checks shown`);
    row(`large account, ${name}: baseline`, `${ms(t.baseline.timeToUseful.median)} (p95 ${ms(t.baseline.timeToUseful.p95)})`, `×${t.ratio.median}`);
  }
  for (const [variant, m] of Object.entries(r.memory)) {
    row(
      `JS heap, ${variant}`,
      `${kb(m.afterFirst)} → ${kb(m.afterAll)} (${m.growth >= 0 ? '+' : ''}${kb(m.growth)})`,
      `after 1 and ${m.cycles} cycles, after GC; 2nd half ${m.secondHalfPerCycle} B/cycle; listeners ${m.listenersGrowth >= 0 ? '+' : ''}${m.listenersGrowth}, nodes ${m.nodesGrowth >= 0 ? '+' : ''}${m.nodesGrowth}`,
    );
  }
  const s = r.size['standalone module'];
  row('standalone module size', `${s.raw} B raw, ${s.gzip} B gzip, ${s.brotli} B brotli`, 'dist/account-delete-panel.standalone.js');
  console.table(rows);
}

const watchdog = setTimeout(() => {
  console.error(`The bench took more than ${DEADLINE_MS / 60_000} minutes: stopping.`);
  void cleanup().finally(() => process.exit(1));
}, DEADLINE_MS);
watchdog.unref();

async function cleanup() {
  await browser?.close().catch(() => {});
  server.closeAllConnections();
  await new Promise((r) => server.close(() => r()));
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => void cleanup().finally(() => process.exit(130)));
}

let results;
try {
  await new Promise((r, reject) => server.listen(0, '127.0.0.1', r).once('error', reject));
  baseUrl = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath,
    headless: true,
    // Playwright adds its own headless flag; gc() lets a page collect garbage before the heap is read.
    args: [...chromiumArgs.filter((arg) => !arg.startsWith('--headless')), '--js-flags=--expose-gc'],
  });
  console.log(`Chromium ${browser.version()} on ${baseUrl}`);

  console.log('Time to useful…');
  const ttu = await timeToUseful();
  const traced = process.argv.includes('--trace') ? (console.log('Trace of one load…'), await trace()) : undefined;
  console.log('Requests…');
  const req = await requests();
  console.log('Layout shift…');
  const cls = await layoutShift();
  console.log('Large accounts…');
  const large = await largeAccounts();
  console.log('Memory…');
  const mem = await memory();
  console.log('Size…');
  const size = await measure();

  results = {
    date: new Date().toISOString(),
    command: 'npm run bench',
    machine: { ...machine(browser.version()), loadAverage: { atStart: loadAtStart.map((x) => round(x, 2)), atEnd: os.loadavg().map((x) => round(x, 2)) } },
    build: build(),
    settings: { quick: QUICK, loads: LOADS, warmups: WARMUPS, largeLoads: LARGE_LOADS, requestLoads: REQUEST_LOADS, idleMs: IDLE_MS, cycles: CYCLES, viewport: VIEWPORT, shiftRuns: SHIFT_RUNS, places: PLACES },
    timeToUseful: ttu,
    ...(traced ? { trace: traced } : {}),
    requests: req,
    layoutShift: cls,
    largeAccounts: large,
    memory: mem,
    size,
  };
} finally {
  await cleanup();
}

results.runSeconds = round((Date.now() - started) / 1000, 1);
writeFileSync(join(root, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
table(results);
console.log(`Wrote bench/results.json in ${results.runSeconds} s.`);
