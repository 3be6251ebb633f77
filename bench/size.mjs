// `npm run size`: bytes raw, gzip and brotli of what a page downloads, against two sets of limits:
// - BUDGETS, the sizes the kit aims for: `npm run size` exits 1 while any is exceeded;
// - CEILINGS, today's sizes plus a little room: `npm test` runs `node bench/size.mjs --ceilings`,
//   which exits 1 when a change makes the kit bigger than that, so it can only shrink towards BUDGETS.
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
const CEILINGS = { 'SDK with ky': 9_000, 'panel, dependencies external': 13_400, 'standalone module': 24_300 };

async function minified(input, external) {
  const bundle = await rollup({ input, external, plugins: [nodeResolve({ browser: true })], onwarn: () => {} });
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
  return {
    'SDK with ky': sizes(await minified('dist/src/index.js', [])),
    'panel, dependencies external': sizes(await minified('dist/components/account-delete-panel/account-delete-panel.js', external)),
    'standalone module': sizes(readFileSync(STANDALONE)),
  };
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
  const results = await measure();
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
  process.exit(overCeilings.length || overBudgets.length ? 1 : 0);
}
