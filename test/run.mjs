// `npm test`: the type check (and the server half's under Node's own types), lint, the flow's and the
// server half's Node tests, every browser test in Chromium, Firefox and WebKit (one after the other), the end-to-end tests
// against the running demo (which serve dist/, so the kit is built first when dist/ is missing or
// older than its sources), the size budgets of the built files, the strict-CSP run with hostile input, then the packed tarball installed
// and used from a project of its own.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { missingEngines } from './engines/missing.mjs';

// Every engine or none: a run that left one out would pass without saying so.
const missing = missingEngines();
if (missing.length > 0) {
  console.error(`npm test runs the browser tests in Chromium, Firefox and WebKit; missing here: ${missing.map(({ name }) => name).join(', ')}.`);
  for (const { hint } of missing) console.error(`- ${hint}`);
  process.exit(1);
}

const root = fileURLToPath(new URL('..', import.meta.url));
const BUILT = ['dist/account-delete-panel.standalone.js', 'dist/locales/es.js', 'dist/testing/index.js', 'dist/src/index.js', 'dist/src/server/index.js'];
const SOURCES = ['src', 'components', 'testing', 'rollup.config.mjs', 'tsconfig.json', 'package.json'];

function newest(path) {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/** True when dist/ lacks what the demo serves, or a source changed since it was built. */
function buildIsStale() {
  const built = BUILT.map((file) => statSync(join(root, file), { throwIfNoEntry: false })?.mtimeMs);
  if (built.some((mtime) => mtime === undefined)) return true;
  return Math.max(...SOURCES.map((path) => newest(join(root, path)))) > Math.min(...built);
}

/** The flow's own tests run in Node, with TypeScript through tsx: every file of test/flow/ named *.test.ts. */
const flowTests = readdirSync(join(root, 'test', 'flow'))
  .filter((name) => name.endsWith('.test.ts'))
  .map((name) => join('test', 'flow', name));
/** The server half's Node tests (TypeScript through tsx): every test/server/*.test.mts. */
const serverTests = readdirSync(join(root, 'test', 'server'))
  .filter((name) => name.endsWith('.test.mts'))
  .map((name) => join('test', 'server', name));

/**
 * The browser tests, one engine after the other: on a machine of two cores, three browsers at once
 * would each get a third of it, and a test that times out would then fail for want of CPU alone.
 */
function browserTests(...engines) {
  return engines.map(([engine, name]) => [
    `browser tests in ${name}`,
    'npx',
    ['web-test-runner', '--config', 'web-test-runner.config.mjs', ...process.argv.slice(2)],
    undefined,
    { ENGINES: engine },
  ]);
}

const steps = [
  ['type check', 'npx', ['tsc', '--noEmit', '-p', 'test/tsconfig.json']],
  ['type check of the Node tests', 'npx', ['tsc', '--noEmit', '-p', 'test/flow/tsconfig.json']],
  ["type check of the server half under Node's own types, without the DOM library", 'npx', ['tsc', '-p', 'test/server/tsconfig.json']],
  ["the flow's rules in Node (the table, the runner, scripted scenarios)", process.execPath, ['--import', 'tsx', '--test', ...flowTests]],
  ['every order of events (model-based: generated sequences, answers in any order)', process.execPath, ['--import', 'tsx', 'test/flow/every-order.ts']],
  ['lint (ESLint, lit-analyzer)', 'npm', ['run', 'lint', '--silent']],
  ['server half in Node (handler, Azion sources, OpenAPI contract, upstream faults, 50 concurrent DELETEs)', process.execPath, ['--import', 'tsx', '--test', ...serverTests]],
  ...browserTests(['chromium', 'Chromium'], ['firefox', 'Firefox ESR'], ['webkit', 'WebKit']),
  ['build for the end-to-end tests', 'npm', ['run', 'build', '--silent'], buildIsStale],
  ['size budgets (no entry may outgrow its budget; see "Size" in README.md)', process.execPath, ['bench/size.mjs', '--budgets']],
  ["the build's markup minifier (the indentation of html templates, by JSX's rule)", process.execPath, ['--test', 'test/package/markup.test.mjs']],
  ['end-to-end tests (the demo in Chromium)', process.execPath, ['--test', 'test/e2e/']],
  ['hostile input under a strict Content-Security-Policy (the standalone build in Chromium)', process.execPath, ['--test', 'test/security/']],
  ['the packed tarball in a project of its own', process.execPath, ['--test', 'test/package/tarball.test.mjs']],
  ['the packed tarball in Vite + Vue 3 and Vite + React 19 projects (vue-tsc, tsc, vite build, Chromium)', process.execPath, ['--test', 'test/package/frameworks.test.mjs']],
];

for (const [name, cmd, args, needed, env = {}] of steps) {
  if (needed && !needed()) {
    console.log(`\n== ${name}: up to date, skipped`);
    continue;
  }
  console.log(`\n== ${name}`);
  const started = Date.now();
  // ENGINES, which narrows a browser test run to some engines, is set by the steps alone: `npm test` runs them all.
  const { status } = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, env: { ...process.env, ENGINES: undefined, ...env } });
  if (status !== 0) {
    console.error(`\n${name} failed.`);
    process.exit(status ?? 1);
  }
  console.log(`== ${name}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
