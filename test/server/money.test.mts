// Amounts as Azion's payment history writes them, and their exact sums.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseAmountWithCurrency, sumDecimals } from '../../src/server/index.ts';

describe('amount_with_currency', () => {
  const read: [string, { value: string; currency: string } | undefined][] = [
    ['$ 120.50', { value: '120.50', currency: 'USD' }],
    ['$120.50', { value: '120.50', currency: 'USD' }],
    ['$ 1,234.56', { value: '1234.56', currency: 'USD' }],
    ['R$ 1.234,56', { value: '1234.56', currency: 'BRL' }],
    ['R$ 50,00', { value: '50.00', currency: 'BRL' }],
    ['€ 9,99', { value: '9.99', currency: 'EUR' }],
    ['9,99 €', { value: '9.99', currency: 'EUR' }],
    ['USD 7', { value: '7', currency: 'USD' }],
    ['12.5 CHF', { value: '12.5', currency: 'CHF' }],
    ['-$ 5.00', { value: '-5.00', currency: 'USD' }],
    ['$ 1,234,567', { value: '1234567', currency: 'USD' }],
    ['$\u00a0000.50', { value: '0.50', currency: 'USD' }],
    // Ambiguous, malformed or without one clear currency: not read.
    ['$ 1.234', undefined],
    ['R$ 1,234', undefined],
    ['120.50', undefined],
    ['$ 120.50 USD', undefined],
    ['US$ 10', undefined],
    ['usd 10', undefined],
    ['$ 12,34,56', undefined],
    ['$ 1.234.56', undefined],
    ['$ 120.', undefined],
    ['$ -', undefined],
    ['', undefined],
  ];
  for (const [text, expected] of read) {
    it(`reads ${JSON.stringify(text)} as ${expected ? `${expected.value} ${expected.currency}` : 'nothing'}`, () => {
      assert.deepEqual(parseAmountWithCurrency(text), expected);
    });
  }

  it('reads back every amount it could have written, in both ways of writing figures (2,000 generated)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 0, max: 99 }), fc.constantFrom('$', 'R$', '€', 'GBP'), (whole, cents, symbol) => {
        const grouped = (separator: string) => whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, separator);
        const fraction = String(cents).padStart(2, '0');
        const currency = { $: 'USD', R$: 'BRL', '€': 'EUR', GBP: 'GBP' }[symbol];
        const expected = { value: `${whole}.${fraction}`, currency };
        assert.deepEqual(parseAmountWithCurrency(`${symbol} ${grouped(',')}.${fraction}`), expected);
        assert.deepEqual(parseAmountWithCurrency(`${symbol} ${grouped('.')},${fraction}`), expected);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('sums', () => {
  it('adds decimals exactly, where floating point would not', () => {
    assert.equal(sumDecimals(['0.10', '0.20']), '0.30');
    assert.equal(sumDecimals(['120.50', '0.005']), '120.505');
    assert.equal(sumDecimals(['-5.00', '2']), '-3.00');
    assert.equal(sumDecimals(['99999999999999999.99', '0.01']), '100000000000000000.00');
  });

  it('matches integer arithmetic on cents for any list (1,000 generated lists)', () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), { minLength: 1, maxLength: 20 }), (cents) => {
        const text = (value: bigint) => `${value < 0n ? '-' : ''}${(value < 0n ? -value : value) / 100n}.${String((value < 0n ? -value : value) % 100n).padStart(2, '0')}`;
        const total = cents.reduce((a, b) => a + b, 0n);
        assert.equal(sumDecimals(cents.map(text)), text(total));
        assert.match(sumDecimals(cents.map(text)), /^-?[0-9]+(\.[0-9]+)?$/);
      }),
      { numRuns: 1000 },
    );
  });
});
