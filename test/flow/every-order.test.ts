/**
 * A few hundred sequences of the model-based property under node:test, so that the mutation run
 * (which runs the *.test.ts files) meets every order of events too. The full run is every-order.ts.
 */
import { test } from 'node:test';
import fc from 'fast-check';
import { propertyOf } from './property.js';

test('every order of events keeps the seven promises (a quick run of 300 sequences)', async () => {
  await fc.assert(propertyOf(), { numRuns: 300 });
});
