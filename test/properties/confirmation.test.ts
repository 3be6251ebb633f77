import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { matchesAccountName } from '../../src/flow/words/match.js';

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

export const MATCHER_RUNS = { sameName: 2_000, differentName: 2_000 };

const tricky = fc.constantFrom('é', 'e\u0301', 'ß', 'Σ', 'ς', 'İ', 'ı', 'ﬁ', 'Å', 'A\u030a', 'ǅ', 'ﬀ', 'Ω', 'ä', ' ', '-', '.');
const name = fc
  .array(fc.oneof(fc.string({ minLength: 1, maxLength: 1, unit: 'grapheme' }), tricky), { minLength: 1, maxLength: 16 })
  .map((parts) => parts.join(''))
  .filter((s) => s.trim() !== '');
const space = fc.constantFrom(' ', '  ', '\t', '\n', '\u00a0', '\u3000', '\u2003', '\ufeff');

/** The ways a person may type the same name: other case, other normalization form, spaces around. */
const sameNameTyped = fc
  .tuple(name, fc.constantFrom('as-is', 'upper', 'lower', 'mixed'), fc.constantFrom('NFC', 'NFD', 'NFKC-free'), space, space, fc.boolean(), fc.boolean(), fc.array(fc.boolean(), { maxLength: 32 }))
  .map(([original, casing, form, before, after, padBefore, padAfter, flips]) => {
    let typed = original;
    if (casing === 'upper') typed = typed.toUpperCase();
    if (casing === 'lower') typed = typed.toLowerCase();
    // Case is changed a character at a time as a person sees them (grapheme clusters), not a code point at a time.
    if (casing === 'mixed') {
      const characters = [...graphemes.segment(typed)].map((s) => s.segment);
      typed = characters.map((ch, i) => (flips[i % Math.max(1, flips.length)] ? ch.toUpperCase() : ch.toLowerCase())).join('');
    }
    if (form !== 'NFKC-free') typed = typed.normalize(form as 'NFC' | 'NFD');
    return { original, typed: `${padBefore ? before : ''}${typed}${padAfter ? after : ''}` };
  });

describe('the account-name matcher, on generated names', () => {
  it('accepts every form of the name that differs only by surrounding space, case or normalization', () => {
    fc.assert(
      fc.property(sameNameTyped, ({ original, typed }) => {
        expect(matchesAccountName(typed, original), `${JSON.stringify(typed)} for ${JSON.stringify(original)}`).to.equal(true);
      }),
      { numRuns: MATCHER_RUNS.sameName },
    );
  });

  it('refuses every name that differs in more than that', () => {
    const loose = (s: string) => s.normalize('NFC').trim();
    fc.assert(
      fc.property(name, name, (a, b) => {
        // Different under both lower and upper case: no case or normalization rule can make them one.
        fc.pre(loose(a).toLowerCase() !== loose(b).toLowerCase() && loose(a).toUpperCase() !== loose(b).toUpperCase());
        expect(matchesAccountName(b, a), `${JSON.stringify(b)} for ${JSON.stringify(a)}`).to.equal(false);
      }),
      { numRuns: MATCHER_RUNS.differentName },
    );
  });

  it('keeps accents and inner spaces significant', () => {
    expect(matchesAccountName('Cafe', 'Café')).to.equal(false);
    expect(matchesAccountName('AcmeCorp', 'Acme Corp')).to.equal(false);
    expect(matchesAccountName('Acme  Corp', 'Acme Corp')).to.equal(false);
    expect(matchesAccountName('   ', '   ')).to.equal(false);
  });
});
