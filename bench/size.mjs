// `npm run size`: bytes raw, gzip and brotli of what a page downloads, with the budgets CI holds.
// Measures the built files in dist/ (run `npm run build` first; this script does it when dist/ is missing).
import { existsSync, readFileSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const STANDALONE = 'dist/account-delete-panel.standalone.js';
const BUDGETS = { 'standalone module': 15_000, 'SDK with ky': 7_000 };

if (!existsSync(STANDALONE)) execSync('npm run build', { stdio: 'inherit' });

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
  const external = (id) => /^(lit|@lit\/[^/]+|ky)(\/|$)/.test(id);
  return {
    'SDK with ky': sizes(await minified('dist/src/index.js', [])),
    'panel, dependencies external': sizes(await minified('dist/components/account-delete-panel/account-delete-panel.js', external)),
    'standalone module': sizes(readFileSync(STANDALONE)),
  };
}

// Run as a script (`npm run size`); imported (by bench/bench.mjs), it only exports measure().
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const results = await measure();
  const rows = Object.entries(results).map(([name, s]) => ({
    what: name,
    raw: s.raw,
    gzip: s.gzip,
    brotli: s.brotli,
    'gzip budget': BUDGETS[name] ?? '',
  }));
  console.table(rows);

  const over = Object.entries(BUDGETS).filter(([name, budget]) => results[name].gzip > budget);
  for (const [name, budget] of over) {
    console.error(`Over budget: ${name} is ${results[name].gzip} bytes gzip, the budget is ${budget}.`);
  }
  process.exit(over.length ? 1 : 0);
}
