// Where a bundle's bytes come from: each source file's share of the minified code, read from the
// bundle's source map. `npm run size` prints it for every entry, so each cut shows where it landed.
import { gzipSync } from 'node:zlib';
import { TraceMap, eachMapping } from '@jridgewell/trace-mapping';

const gzip = (text) => gzipSync(text, { level: 9 }).length;

/** `dist/src/flow/steps.js`, `../src/flow/steps.ts`, `…/node_modules/ky/distribution/core/Ky.js` → a short name. */
function label(source) {
  if (!source) return '(no source)';
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(source);
  if (inModules) return inModules[1];
  return source
    .replace(/^(\.\.\/)+/, '')
    .replace(/^dist\/vendor\/((?:@[^/]+\/)?[^/]+)\/.*/, '$1')
    .replace(/^dist\//, '')
    .replace(/\.js$/, '.ts');
}

/** The code cut into runs of characters, each with the source it came from. */
function segments(code, map) {
  const lines = code.split('\n');
  const marks = [];
  eachMapping(new TraceMap(map), (m) => marks.push({ line: m.generatedLine - 1, column: m.generatedColumn, source: label(m.source) }));
  return marks.map(({ line, column, source }, i) => {
    const next = marks[i + 1];
    const text = next && next.line === line ? lines[line].slice(column, next.column) : `${lines[line].slice(column)}\n`;
    return { text, source };
  });
}

/**
 * Splits `code` by source: for each, its raw bytes and what the gzip of the whole would lose without
 * them (what cutting that file saves: gzip shares words between files, so each one's own gzip size
 * would over-count). Dependencies are grouped by package. Rows come biggest first.
 */
export function bySource(code, map) {
  const parts = segments(code, map);
  const whole = gzip(parts.map((part) => part.text).join(''));
  const raw = new Map();
  for (const { text, source } of parts) raw.set(source, (raw.get(source) ?? 0) + text.length);
  const without = (name) => whole - gzip(parts.filter((part) => part.source !== name).map((part) => part.text).join(''));
  return [...raw].map(([source, bytes]) => ({ source, raw: bytes, 'gzip saved without it': without(source) })).sort((a, b) => b.raw - a.raw);
}
