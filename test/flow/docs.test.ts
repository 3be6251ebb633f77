/**
 * What the README says of the flow cannot go stale: its diagram is the one the machine gives, and its
 * React example is the file the tarball test builds and runs. Its code blocks are blocks.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { README, committed, mermaid } from './diagram.js';

test('the diagram in the README is the machine\'s (npm run diagram writes it)', () => {
  assert.equal(committed(), mermaid(), 'README.md has an old diagram: run `npm run diagram` and commit it');
});

test('the README shows the React example that the tarball test builds and runs', () => {
  const readme = readFileSync(README, 'utf8');
  const block = /### Use the flow with your own UI[\s\S]*?```tsx\n([\s\S]*?)```/.exec(readme)?.[1];
  const file = readFileSync(new URL('../../demo/react/DeleteAccount.tsx', import.meta.url), 'utf8');
  assert.equal(block, file);
});

test('every code block in the README opens and closes on a line of its own', () => {
  const readme = readFileSync(README, 'utf8');
  // A fence with words after it on the same line is no fence: the text after it would render as code.
  const stray = readme.split('\n').flatMap((line, i) => (/```/.test(line) && !/^```[a-z]*$/.test(line) ? [`line ${i + 1}: ${line}`] : []));
  assert.deepEqual(stray, []);
});
