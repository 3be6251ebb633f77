/**
 * Amounts as Azion's payment history writes them (`amount_with_currency`: "$ 120.50", "R$ 1.234,56",
 * "€ 9,99", "USD 120.50"), read into the contract's `{ value: "120.50", currency: "USD" }`, and
 * summed exactly (integers of the smallest unit, never floating point). A figure that could be read
 * two ways ("1.234": a thousand or one point two) is not read at all: an amount is only ever shown,
 * so leaving it out is safe, and showing a wrong one is not.
 */

export interface Amount {
  /** A decimal string: `^-?[0-9]+(\.[0-9]+)?$`. */
  value: string;
  /** Three capital letters. */
  currency: string;
}

const SYMBOLS: Record<string, string> = { R$: 'BRL', $: 'USD', '€': 'EUR' };
const AMOUNT = /^(-)?\s*(R\$|\$|€|[A-Z]{3})?\s*(-)?\s*(\d[\d.,]*)\s*(€|[A-Z]{3})?$/;

/** The figure as a plain decimal (`1234.56`), or undefined when it is malformed or ambiguous. */
function figure(raw: string): string | undefined {
  const dots = raw.split('.').length - 1;
  const commas = raw.split(',').length - 1;
  let whole: string;
  let fraction = '';
  let thousands: string | undefined;
  if (dots > 0 && commas > 0) {
    const decimal = raw.lastIndexOf('.') > raw.lastIndexOf(',') ? '.' : ',';
    thousands = decimal === '.' ? ',' : '.';
    if (raw.split(decimal).length !== 2) return undefined;
    [whole = '', fraction = ''] = raw.split(decimal);
  } else if (dots + commas === 0) {
    whole = raw;
  } else {
    const separator = dots > 0 ? '.' : ',';
    const parts = raw.split(separator);
    if (parts.length > 2) {
      thousands = separator; // 1.234.567 or 1,234,567: only thousands
      whole = raw;
    } else {
      const [before = '', after = ''] = parts;
      // One separator with exactly three digits after it reads both ways.
      if (after.length === 3) return undefined;
      whole = before;
      fraction = after;
    }
  }
  if (thousands !== undefined) {
    const groups = whole.split(thousands);
    if (!/^\d{1,3}$/.test(groups[0] ?? '') || groups.slice(1).some((group) => !/^\d{3}$/.test(group))) return undefined;
    whole = groups.join('');
  }
  if (!/^\d+$/.test(whole) || !/^\d*$/.test(fraction) || (fraction === '' && /[.,]$/.test(raw))) return undefined;
  whole = whole.replace(/^0+(?=\d)/, '');
  return fraction === '' ? whole : `${whole}.${fraction}`;
}

/** Reads one `amount_with_currency`; undefined when it has no single clear currency and figure. */
export function parseAmountWithCurrency(text: unknown): Amount | undefined {
  if (typeof text !== 'string') return undefined;
  const match = AMOUNT.exec(text.trim().replace(/\u00a0/g, ' '));
  if (!match) return undefined;
  const [, signBefore, prefix, signAfter, digits = '', suffix] = match;
  // Exactly one currency marker, and at most one sign.
  if ((prefix === undefined) === (suffix === undefined) || (signBefore && signAfter)) return undefined;
  const marker = (prefix ?? suffix) as string;
  const currency = SYMBOLS[marker] ?? marker;
  const value = figure(digits);
  if (value === undefined) return undefined;
  const negative = (signBefore ?? signAfter) !== undefined && /[1-9]/.test(value);
  return { value: negative ? `-${value}` : value, currency };
}

/** The exact sum of decimal strings, with as many decimals as the longest. */
export function sumDecimals(values: readonly string[]): string {
  const scale = Math.max(0, ...values.map((value) => value.split('.')[1]?.length ?? 0));
  const units = values.reduce((total, value) => {
    const negative = value.startsWith('-');
    const [whole = '0', fraction = ''] = value.replace('-', '').split('.');
    const unit = BigInt(whole + fraction.padEnd(scale, '0'));
    return total + (negative ? -unit : unit);
  }, 0n);
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = scale > 0 ? `.${digits.slice(digits.length - scale)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}
