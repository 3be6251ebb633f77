/**
 * The flow's diagram, generated from the machine itself: a Mermaid `stateDiagram-v2` of every change
 * of status the walk of `walk.ts` meets, each edge labelled with the events that take it. The README
 * carries it between two markers; `npm run diagram` writes it there, and a test fails when the
 * committed one differs from the machine's.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EVENT_TYPES, STATUSES } from '../../src/flow/machine.js';
import { walk } from './walk.js';

export const START = '<!-- flow-diagram:start (npm run diagram writes this) -->';
export const END = '<!-- flow-diagram:end -->';
export const README = fileURLToPath(new URL('../../README.md', import.meta.url));

/** The Mermaid source of the machine's diagram. */
export function mermaid(depth = 8): string {
  const edges = new Map<string, Set<string>>();
  for (const { from, event, to } of walk(depth).steps) {
    if (from.status === to.status) continue;
    const key = `${from.status} --> ${to.status}`;
    edges.set(key, (edges.get(key) ?? new Set()).add(event.type));
  }
  const order = (key: string) => key.split(' --> ').map((status) => STATUSES.indexOf(status as never));
  const keys = [...edges.keys()].sort((a, b) => {
    const [a1 = 0, a2 = 0] = order(a);
    const [b1 = 0, b2 = 0] = order(b);
    return a1 - b1 || a2 - b2;
  });
  const lines = keys.map((key) => {
    const events = [...edges.get(key)!].sort((a, b) => EVENT_TYPES.indexOf(a as never) - EVENT_TYPES.indexOf(b as never));
    // Mermaid's state names take no hyphen.
    const [from = '', to = ''] = key.split(' --> ').map((status) => status.replace('-', '_'));
    return `  ${from} --> ${to} : ${events.join(', ')}`;
  });
  return ['```mermaid', 'stateDiagram-v2', '  [*] --> checking', ...lines, '  deleted --> [*]', '```'].join('\n');
}

/** The diagram now in the README, or undefined when the markers are missing. */
export function committed(readme = readFileSync(README, 'utf8')): string | undefined {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) return undefined;
  return readme.slice(start + START.length, end).trim();
}

if (process.argv.includes('--write')) {
  const readme = readFileSync(README, 'utf8');
  if (committed(readme) === undefined) throw new Error(`README.md needs the markers ${START} and ${END}.`);
  const next = readme.slice(0, readme.indexOf(START) + START.length) + `\n${mermaid()}\n` + readme.slice(readme.indexOf(END));
  writeFileSync(README, next);
  console.log(next === readme ? 'The diagram in README.md was up to date.' : 'README.md: the diagram was written anew.');
}
