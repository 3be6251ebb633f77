// `npm run size`: bytes raw, gzip and brotli of what a page downloads, each entry against its BUDGET,
// then each entry's bytes by source file (from the bundle's source map), so a cut shows where it landed.
// - BUDGETS fail the build: `npm test` runs `node bench/size.mjs --budgets`, which exits 1 when an
//   entry is over its budget. A change that needs more room raises the budget in a commit of its own,
//   with the figure, and adds a line to the budget table in README.md ("Size").
// - TARGETS are where issue 18 aims (standalone 20,000 B, SDK with ky 7,500 B): printed, not gated.
// `npm run size` also weighs the dependencies alone (DEPENDENCIES_ONLY): the least any build can weigh.
// Measures the built files in dist/ (run `npm run build` first; this script does it when dist/ is missing).
import { existsSync, readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { bySource } from './by-source.mjs';

const STANDALONE = 'dist/account-delete-panel.standalone.js';
const SPANISH = 'dist/locales/es.js';
/** Bytes gzip -9. Each change is a line of the budget table in README.md. */
export const BUDGETS = {
  'SDK with ky': 9_060,
  'flow with the SDK, ky external': 12_340,
  'panel, dependencies external': 22_400,
  'standalone module': 33_950,
  'server half': 10_480,
  'Spanish, dist/locales/es.js': 2_750,
};
const TARGETS = { 'SDK with ky': 7_500, 'standalone module': 20_000 };

// What the kit imports from its dependencies, with nothing of its own: the least any build can weigh.
const DEPENDENCIES_ONLY = {
  'ky alone': "export { default, HTTPError, TimeoutError } from 'ky';",
  'lit, @lit/task and ky alone': [
    "export { LitElement, html, css, nothing } from 'lit';",
    "export { property, query, state } from 'lit/decorators.js';",
    "export { live } from 'lit/directives/live.js';",
    "export { Task, TaskStatus } from '@lit/task';",
    "export { default as ky, HTTPError, TimeoutError } from 'ky';",
  ].join('\n'),
};

/** Serves `source` as the module `input`, for bundles of code that has no file. */
function inline(input, source) {
  return { name: 'inline', resolveId: (id) => (id === input ? id : null), load: (id) => (id === input ? source : null) };
}

/** The entry bundled and minified as a page's bundler would, with its source map. */
async function minified(input, external, source) {
  const plugins = [...(source ? [inline(input, source)] : []), nodeResolve({ browser: true })];
  const bundle = await rollup({ input, external, plugins, onwarn: () => {} });
  const { output } = await bundle.generate({ format: 'es', sourcemap: 'hidden', plugins: [terser({ ecma: 2022, module: true })] });
  await bundle.close();
  return { code: output[0].code, map: output[0].map };
}

function sizes(code) {
  return {
    raw: Buffer.byteLength(code),
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** Every entry a page or a server downloads, minified, with its source map. */
async function bundles() {
  if (!existsSync(STANDALONE) || !existsSync(SPANISH)) execSync('npm run build', { stdio: 'inherit' });
  const external = (id) => /^(lit|@lit\/[^/]+|ky)(\/|$)/.test(id);
  const flow = await minified('dist/src/flow/index.js', (id) => /^ky(\/|$)/.test(id));
  if (/from\s*["'](lit|@lit\/)/.test(flow.code)) throw new Error('account-deletion-kit/flow must not import lit.');
  return {
    'SDK with ky': await minified('dist/src/index.js', []),
    'flow with the SDK, ky external': flow,
    'panel, dependencies external': await minified('dist/components/account-delete-panel/account-delete-panel.js', external),
    'standalone module': { code: readFileSync(STANDALONE, 'utf8'), map: JSON.parse(readFileSync(`${STANDALONE}.map`, 'utf8')) },
    'server half': await minified('dist/src/server/index.js', []),
    // Only on the pages that load it, beside the standalone module or through a bundler.
    'Spanish, dist/locales/es.js': { code: readFileSync(SPANISH, 'utf8'), map: JSON.parse(readFileSync(`${SPANISH}.map`, 'utf8')) },
  };
}

/** Raw, gzip and brotli bytes of every entry. */
export async function measure() {
  return Object.fromEntries(Object.entries(await bundles()).map(([name, { code }]) => [name, sizes(code)]));
}

/** The sizes of DEPENDENCIES_ONLY: what the budgets leave for the kit's own code is the budget minus these. */
async function dependencyFloors() {
  const floors = {};
  for (const [name, source] of Object.entries(DEPENDENCIES_ONLY)) floors[name] = sizes((await minified(`\0${name}`, [], source)).code);
  return floors;
}

/** The lines to print for every measured size over its limit (gzip); none when all fit. */
function overLimits(results, limits, kind) {
  return Object.entries(limits)
    .filter(([name, limit]) => results[name].gzip > limit)
    .map(([name, limit]) => `Over ${kind}: ${name} is ${results[name].gzip} bytes gzip, the ${kind} is ${limit}.`);
}

/** Prints each entry's bytes by source file: the kit's own files one by one, each dependency as one row. */
function printBreakdown(all) {
  for (const [name, { code, map }] of Object.entries(all)) {
    console.log(`\n${name}, by source (raw bytes minified; gzip bytes the whole would lose without it):`);
    console.table(bySource(code, map));
  }
}

// Run as a script; imported (by bench/bench.mjs), it only exports measure().
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const gateOnly = process.argv.includes('--budgets');
  const all = await bundles();
  const results = Object.fromEntries(Object.entries(all).map(([name, { code }]) => [name, sizes(code)]));
  const floors = gateOnly ? {} : await dependencyFloors();
  console.table(
    Object.entries({ ...results, ...floors }).map(([name, s]) => ({
      what: name,
      raw: s.raw,
      gzip: s.gzip,
      brotli: s.brotli,
      'gzip budget': BUDGETS[name] ?? '',
      'gzip target': TARGETS[name] ?? '',
    })),
  );
  const over = overLimits(results, BUDGETS, 'budget');
  for (const line of over) console.error(line);
  if (over.length) console.error('Make it smaller, or raise its budget in bench/size.mjs in a commit of its own, with the figure, and add the line to the budget table in README.md.');
  if (!gateOnly) {
    const missed = overLimits(results, TARGETS, 'target');
    if (missed.length) console.log(`Still over the targets: ${missed.map((line) => line.replace(/^Over target: /, '')).join(' ')}`);
    console.log(`The kit's own code: the standalone module less lit, @lit/task and ky alone comes to about ${results['standalone module'].gzip - floors['lit, @lit/task and ky alone'].gzip} B gzip; the SDK less ky alone, about ${results['SDK with ky'].gzip - floors['ky alone'].gzip} B.`);
    printBreakdown(all);
  }
  process.exit(over.length ? 1 : 0);
}
