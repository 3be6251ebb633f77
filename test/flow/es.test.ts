/**
 * Spanish, in Node: complete, translated (no English left by accident), punctuated as English is,
 * with its plurals, amounts and times, and registered by importing its module.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCheck } from '../../src/index.js';
import { describeCheck, en, localeFor, stringsFor, type Strings } from '../../src/flow/index.js';
import esModule, { es } from '../../src/locales/es.js';

/** What each function of the strings is called with: counts of 1 and more, a status, a name, a time. */
const CALLS: Record<string, unknown[][]> = {
  checkedMinutesAgo: [[1], [5]],
  checkedAt: [[new Date(2026, 10, 28, 10, 5)], [new Date(2026, 10, 28, 13, 5)]],
  resolveLabel: [['Zonas DNS']],
  dnsZonesBlocking: [[1], [2]],
  edgeApplicationsBlocking: [[1], [3]],
  amount: [['120.50', 'USD']],
  debtsBlocking: [['120.50 USD']],
  andMore: [[1], [4]],
  confirmHint: [['Acme Corp']],
  reasonBlocked: [[1], [2]],
  blockedSummary: [[1], [2]],
  redirecting: [[1], [3]],
  errorRefused: [[403]],
  errorRateLimited: [[undefined], [1], [7]],
  errorRateLimitedCheck: [[undefined], [1], [7]],
  errorServerCheck: [[500]],
  errorServerDelete: [[502]],
  reference: [['req-1']],
};

/** Every sentence a set of strings can say: each string, each line of a list, each function's answers. */
function sentences(s: Strings): Map<string, string> {
  const said = new Map<string, string>();
  for (const [key, value] of Object.entries(s)) {
    if (typeof value === 'string') said.set(key, value);
    else if (Array.isArray(value)) value.forEach((line, i) => said.set(`${key}[${i}]`, line));
    else (CALLS[key] ?? []).forEach((args, i) => said.set(`${key}(${i})`, (value as (...a: unknown[]) => string)(...args)));
  }
  return said;
}

test('importing the module registers Spanish, and it exports the words', () => {
  assert.equal(esModule, es);
  assert.equal(localeFor('es-MX'), 'es');
  assert.equal(stringsFor('es-419'), es);
});

test('every entry of Strings is there, of the same kind as English, and every function is called above', () => {
  assert.deepEqual(Object.keys(es).sort(), Object.keys(en).sort());
  for (const key of Object.keys(en) as (keyof Strings)[]) {
    assert.equal(typeof es[key], typeof en[key], key);
    if (typeof en[key] === 'function') assert.ok(CALLS[key], `${key} is called by this test`);
  }
  assert.equal(es.consequences.length, en.consequences.length);
});

test('nothing is left in English by accident: only the product name, the list separator and a small amount are the same', () => {
  const english = sentences(en);
  const same = [...sentences(es)].filter(([key, text]) => english.get(key) === text).map(([key]) => key);
  // Latin America writes 120.50 as English does; the product keeps its English name, as in Azion's console.
  assert.deepEqual(same, ['edgeApplications', 'amount(0)', 'listSeparator']);
});

test('punctuated as English is: the same ending, the ellipsis, the typographic quotes, no straight apostrophe', () => {
  const english = sentences(en);
  for (const [key, said] of sentences(es)) {
    const theirs = english.get(key)!;
    // "10:05 a.m.": the dot of an abbreviation ends no sentence.
    const text = said.replace(/ ?[ap]\.\s?m\.$/, '');
    assert.equal(/[.…]$/.test(text), /[.…]$/.test(theirs), `${key} ends as English does: ${text}`);
    assert.equal(text.includes('…'), theirs.includes('…'), `${key}: the ellipsis`);
    assert.equal(text.includes('“'), theirs.includes('“'), `${key}: the quotes`);
    assert.ok(!/["'`]|\.\.\./.test(text), `${key}: no straight quote, no three dots: ${text}`);
  }
});

test('the sentences that say "contact support" carry the words that become the support link', () => {
  const english = sentences(en);
  for (const [key, text] of sentences(es)) {
    if (english.get(key)!.includes(en.contactSupport)) assert.ok(text.includes(es.contactSupport), key);
  }
});

test('the sentences that name Delete account name it as its button does', () => {
  const english = sentences(en);
  for (const [key, text] of sentences(es)) {
    if (key !== 'heading' && english.get(key)!.includes(en.deleteButton)) assert.ok(text.includes(es.deleteButton), key);
  }
});

test('plurals, amounts and times, the Latin American way', () => {
  assert.equal(es.dnsZonesBlocking(1), '1 zona activa debe desactivarse');
  assert.equal(es.dnsZonesBlocking(2), '2 zonas activas deben desactivarse');
  assert.equal(es.reasonBlocked(1), 'Primero resuelve 1 elemento');
  assert.equal(es.blockedSummary(3), '3 elementos impiden la eliminación.');
  assert.equal(es.errorRateLimited(1), 'Demasiados intentos. Espera 1 segundo y vuelve a intentarlo.');
  assert.equal(es.errorRateLimitedCheck(1), 'Demasiados intentos. Espera 1 segundo y luego verifica de nuevo.');
  assert.equal(es.amount('120.50', 'USD'), '120.50 USD');
  assert.equal(es.amount('1234567.05', 'MXN'), '1,234,567.05 MXN');
  assert.equal(es.amount('12345678901234567890.123', 'USD'), '12,345,678,901,234,567,890.123 USD', 'every digit kept');
  assert.equal(es.amount('-1000', 'USD'), '-1,000 USD');
  assert.equal(es.amount(`1.${'5'.repeat(120)}`, 'USD'), `1.${'5'.repeat(120)} USD`, 'past what Intl takes, by hand');
  const at = (hour: number) => es.checkedAt(new Date(2026, 10, 28, hour, 5)).replace(/\s/g, ' ');
  assert.equal(at(13), 'Verificado a la 1:05 p.m.');
  assert.equal(at(10), 'Verificado a las 10:05 a.m.');
  assert.equal(at(0), 'Verificado a las 12:05 a.m.');
});

test('each check in Spanish, as the panel names it', () => {
  const words = (body: Record<string, unknown>) => describeCheck(parseCheck(body, '/c'), es).label;
  const zones = [1, 2, 3, 4, 5, 6, 7].map((id) => ({ id, name: `z${id}.com` }));
  assert.equal(
    words({ type: 'dns_zones', status: 'blocking', count: 7, items: zones }),
    'Zonas DNS: 7 zonas activas deben desactivarse (z1.com, z2.com, z3.com, z4.com, z5.com y 2 más)',
  );
  assert.equal(words({ type: 'edge_applications', status: 'passed', count: 0 }), 'Edge applications: resuelto');
  assert.equal(words({ type: 'debts', status: 'blocking', count: 1, amount: { value: '120.50', currency: 'USD' } }), 'Deudas: 120.50 USD por pagar');
  assert.equal(words({ type: 'debts', status: 'unavailable', count: 0 }), 'Deudas: no se pudo verificar ahora');
});
