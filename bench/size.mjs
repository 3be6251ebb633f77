// `npm run size`: bytes raw, gzip and brotli of what a page downloads, against two sets of limits:
// - BUDGETS, the sizes the kit aims for: `npm run size` exits 1 while any is exceeded;
// - CEILINGS, today's sizes plus a little room: `npm test` runs `node bench/size.mjs --ceilings`,
//   which exits 1 when a change makes the kit bigger than that, so it can only shrink towards BUDGETS.
// `npm run size` also weighs the dependencies alone (DEPENDENCIES_ONLY), to show the room the budgets
// leave for the kit's own code.
// Measures the built files in dist/ (run `npm run build` first; this script does it when dist/ is missing).
import { existsSync, readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const STANDALONE = 'dist/account-delete-panel.standalone.js';
const BUDGETS = { 'SDK with ky': 7_000, 'standalone module': 15_000 };
const CEILINGS = { 'SDK with ky': 9_300, 'panel, dependencies external': 17_700, 'standalone module': 28_100 };

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

async function minified(input, external, source) {
  const plugins = [...(source ? [inline(input, source)] : []), nodeResolve({ browser: true })];
  const bundle = await rollup({ input, external, plugins, onwarn: () => {} });
  const { output } = await bundle.generate({ format: 'es', plugins: [terser({ ecma: 2022, module: true })] });
  await bundle.close();
  return Buffer.from(output[0].code);
}

function sizes(code) {
  return {
    raw: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

export async function measure() {
  if (!existsSync(STANDALONE)) execSync('npm run build', { stdio: 'inherit' });
  const external = (id) => /^(lit|@lit\/[^/]+|ky)(\/|$)/.test(id);
  const flow = await minified('dist/src/flow/index.js', (id) => /^ky(\/|$)/.test(id));
  if (/from\s*["'](lit|@lit\/)/.test(flow.toString())) throw new Error('account-deletion-kit/flow must not import lit.');
  return {
    'SDK with ky': sizes(await minified('dist/src/index.js', [])),
    'flow with the SDK, ky external': sizes(flow),
    'panel, dependencies external': sizes(await minified('dist/components/account-delete-panel/account-delete-panel.js', external)),
    'standalone module': sizes(readFileSync(STANDALONE)),
  };
}

/** The sizes of DEPENDENCIES_ONLY: what the budgets leave for the kit's own code is the budget minus these. */
async function dependencyFloors() {
  const floors = {};
  for (const [name, source] of Object.entries(DEPENDENCIES_ONLY)) floors[name] = sizes(await minified(`\0${name}`, [], source));
  return floors;
}

/** The lines to print for every measured size over its limit (gzip); none when all fit. */
function overLimits(results, limits, kind) {
  return Object.entries(limits)
    .filter(([name, limit]) => results[name].gzip > limit)
    .map(([name, limit]) => `Over ${kind}: ${name} is ${results[name].gzip} bytes gzip, the ${kind} is ${limit}.`);
}

// Run as a script; imported (by bench/bench.mjs), it only exports measure().
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const ceilingsOnly = process.argv.includes('--ceilings');
  const results = { ...(await measure()), ...(ceilingsOnly ? {} : await dependencyFloors()) };
  console.table(
    Object.entries(results).map(([name, s]) => ({
      what: name,
      raw: s.raw,
      gzip: s.gzip,
      brotli: s.brotli,
      'gzip budget': BUDGETS[name] ?? '',
      'gzip ceiling': CEILINGS[name] ?? '',
    })),
  );
  const overCeilings = overLimits(results, CEILINGS, 'ceiling');
  const overBudgets = overLimits(results, BUDGETS, 'budget');
  for (const line of overCeilings) console.error(line);
  if (ceilingsOnly) {
    if (overCeilings.length) console.error('The kit grew: make it smaller, or raise CEILINGS in bench/size.mjs and say why in the commit.');
    else if (overBudgets.length) console.log(`Within the ceilings; still over the budgets (${overBudgets.length}): see "Size" in README.md.`);
    process.exit(overCeilings.length ? 1 : 0);
  }
  for (const line of overBudgets) console.error(line);
  const room = (budget, floor, used) =>
    `${budget - results[floor].gzip} B left by ${floor} (${results[floor].gzip} B), ${results[used].gzip - results[floor].gzip} B used`;
  console.log(`Room for the kit's own code under the budgets (gzip, roughly: gzip does not add up exactly):`);
  console.log(`- standalone module: ${room(BUDGETS['standalone module'], 'lit, @lit/task and ky alone', 'standalone module')};`);
  console.log(`- SDK with ky: ${room(BUDGETS['SDK with ky'], 'ky alone', 'SDK with ky')}.`);
  process.exit(overCeilings.length || overBudgets.length ? 1 : 0);
}
