/**
 * What the README says of the flow cannot go stale: its diagram is the one the machine gives, and its
 * React example is the file the tarball test builds and runs.
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
