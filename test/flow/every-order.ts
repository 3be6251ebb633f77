/**
 * Runs the model-based property of property.ts: generated sequences of events, answers in every
 * order, the seven promises after every step. A script rather than a node:test file: the test
 * runner's async tracking makes the same runs three times slower.
 *
 *   node --import tsx test/flow/every-order.ts                  # npm test: 5,000 sequences
 *   node --import tsx test/flow/every-order.ts --runs 200000    # npm run soak
 *   node --import tsx test/flow/every-order.ts --seed 42 --path "12:3:1" --replay "AB:C"   # replays a failure
 */
import fc from 'fast-check';
import { MAX_EVENTS, propertyOf, tally } from './property.js';

export const DEFAULT_RUNS = 5_000;

const arg = (name: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const runs = Number(arg('runs') ?? DEFAULT_RUNS);
const seed = arg('seed') === undefined ? Date.now() ^ (Math.random() * 0x100000000) : Number(arg('seed'));
const path = arg('path');
const replay = arg('replay');

console.log(`Every order of events: ${runs} sequences of up to ${MAX_EVENTS} events, seed ${seed}${path ? `, path ${path}` : ''}.`);
const started = Date.now();
const result = await fc.check(propertyOf(replay), { numRuns: runs, seed, ...(path ? { path, endOnFailure: true } : {}) });
const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (result.failed) {
  const error = result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
  console.error(`\nA promise broke: ${error}`);
  console.error(`The shortest sequence found (after ${result.numShrinks} shrinks):\n  ${String(result.counterexample?.[1])}`);
  console.error(`The order the answers came in:\n${String(result.counterexample?.[0])}`);
  const replayPath = /replayPath="([^"]*)"/.exec(String(result.counterexample?.[1]))?.[1] ?? '';
  console.error(`\nReplay it: node --import tsx test/flow/every-order.ts --seed ${result.seed} --path "${result.counterexamplePath}" --replay "${replayPath}"`);
  process.exit(1);
}
console.log(`Kept: ${tally.sequences} sequences, ${tally.events} events, in ${seconds} s (seed ${seed}).`);
