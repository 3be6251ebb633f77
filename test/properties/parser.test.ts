import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { InvalidResponseError, isResolved, parsePreconditions } from '../../src/index.js';
import { anyJson, nearValidBody, validBody } from './arbitraries.js';

/** Generated bodies per property; the three below add up to the 10,000+ the suite promises per run. */
export const PARSER_RUNS = { valid: 2_000, nearValid: 6_000, anyJson: 2_000 };

function outcome(body: unknown): 'parsed' | 'invalid' {
  let parsed;
  try {
    parsed = parsePreconditions(body);
  } catch (error) {
    // The only failure the parser may have: anything else would be a crash the panel cannot read.
    expect(error).to.be.instanceOf(InvalidResponseError);
    return 'invalid';
  }
  expect(Object.isFrozen(parsed) && Object.isFrozen(parsed.checks) && Object.isFrozen(parsed.account)).to.equal(true);
  expect(Number.isSafeInteger(parsed.account.id) && parsed.account.id >= 1).to.equal(true);
  expect(parsed.account.name.trim()).to.not.equal('');
  for (const check of parsed.checks) {
    expect(typeof check.type === 'string' && typeof check.status === 'string').to.equal(true);
    expect(check.items.length <= 50 && Number.isSafeInteger(check.count) && check.count >= 0).to.equal(true);
    if (check.resolveUrl !== undefined) {
      expect(['http:', 'https:']).to.include(new URL(check.resolveUrl, 'https://page.example/').protocol);
    }
  }
  if (parsed.deletable) expect(parsed.checks.every(isResolved)).to.equal(true);
  return 'parsed';
}

describe('the precondition parser, on generated bodies', () => {
  it('reads every body that follows the spec, and calls it deletable only when the server did and every check passed', () => {
    fc.assert(
      fc.property(validBody, (body) => {
        expect(outcome(body)).to.equal('parsed');
        const parsed = parsePreconditions(body);
        expect(parsed.deletable).to.equal(body.data.deletable && body.data.checks.every((c) => c.status === 'passed'));
        expect(parsed.checks.length).to.equal(body.data.checks.length);
      }),
      { numRuns: PARSER_RUNS.valid },
    );
  });

  it('either reads a near-valid body completely or refuses it with InvalidResponseError', () => {
    fc.assert(fc.property(nearValidBody, (body) => void outcome(body)), { numRuns: PARSER_RUNS.nearValid });
  });

  it('refuses arbitrary JSON unless it is a complete precondition body', () => {
    fc.assert(fc.property(anyJson, (body) => void outcome(body)), { numRuns: PARSER_RUNS.anyJson });
  });
});
