/**
 * The page's locales, in Node: which locale a language tag gets, a locale added whole or changed
 * string by string, what is said of wrong input, and one registry for every copy of the kit.
 */
import { afterEach, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { en, localeFor, onLocalesChange, overrideLocale, ptBR, registerLocale, stringsFor, type Strings } from '../../src/flow/index.js';
import { sharedLocales, localesChanged } from '../../src/flow/words/registry.js';

const warnings: string[] = [];
const originalWarn = console.warn;
beforeEach(() => {
  warnings.length = 0;
  console.warn = (message: unknown) => warnings.push(String(message));
});
afterEach(() => {
  console.warn = originalWarn;
  const shared = sharedLocales();
  shared.words.clear();
  shared.overrides.clear();
  localesChanged(shared);
});

/** A whole locale made from English, with a mark on each string, standing for a translation. */
const marked = (mark: string): Strings => ({ ...en, heading: `${mark} heading`, deleteButton: `${mark} delete` });

test('the fallback: the tag, the tag cut short, then English (RFC 4647 lookup)', () => {
  const es = marked('es');
  registerLocale('es', es);
  const cases: [string | undefined, string][] = [
    ['es', 'es'],
    ['ES', 'es'],
    ['es-MX', 'es'],
    ['es-419', 'es'],
    ['es-AR-u-nu-latn', 'es'],
    ['pt-BR', 'pt-BR'],
    ['pt-BR-u-nu-latn', 'pt-BR'],
    ['pt', 'en'],
    ['pt-PT', 'en'],
    ['pt-AO', 'en'],
    ['en-GB', 'en'],
    ['fr', 'en'],
    ['fr-CA', 'en'],
    ['xx-invalid-', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ];
  for (const [lang, tag] of cases) assert.equal(localeFor(lang), tag, String(lang));
  assert.equal(stringsFor('es-MX').heading, es.heading);
  assert.equal(stringsFor('pt-PT'), en, 'the contract: others fall back to en');
  assert.equal(stringsFor('de'), en);
});

test('a locale the page registers is chosen by its own tag and the tags that start with it', () => {
  registerLocale('pt-PT', marked('pt-PT'));
  assert.equal(localeFor('pt-PT'), 'pt-PT');
  assert.equal(localeFor('pt-PT-u-nu-latn'), 'pt-PT');
  assert.equal(localeFor('pt-AO'), 'en', 'not a tag that starts with pt-PT');
  assert.equal(localeFor('pt-BR'), 'pt-BR');
  registerLocale('PT-br', marked('mine'));
  assert.equal(localeFor('pt-br'), 'pt-BR', 'the tag is written as Intl writes it');
  assert.equal(stringsFor('pt-BR').heading, 'mine heading', 'a built-in locale can be replaced');
  registerLocale('zh-Hant', marked('zh-Hant'));
  assert.equal(localeFor('zh-Hant-TW'), 'zh-Hant');
  assert.equal(localeFor('zh-CN'), 'en');
  registerLocale('pt', ptBR);
  assert.equal(localeFor('pt-AO'), 'pt', 'the Brazilian words a page gives every Portuguese tag, as the README shows');
  assert.equal(stringsFor('pt-AO').heading, ptBR.heading);
  assert.deepEqual(warnings, []);
});

test('registerLocale: a whole locale, for every view; what is missing or wrong shows in English, said once', () => {
  const heard: number[] = [];
  const stop = onLocalesChange(() => heard.push(heard.length));
  const words = { ...marked('fr'), checking: 42, extra: 'x', reasonBlocked: () => undefined } as unknown as Record<string, unknown>;
  delete words.checkAgain;
  registerLocale('fr', words as unknown as Strings);
  const fr = stringsFor('fr-CA');
  assert.equal(fr.heading, 'fr heading');
  assert.equal(fr.checking, en.checking);
  assert.equal(fr.checkAgain, en.checkAgain);
  assert.equal(fr.reasonBlocked(2), en.reasonBlocked(2), 'a function that gives no string: English');
  fr.reasonBlocked(3);
  assert.equal(warnings.length, 2);
  assert.match(warnings[0]!, /^account-deletion-kit: registerLocale\("fr"\): ignored \(unknown or of the wrong kind\): checking, extra; missing \(English shows\): checkAgain\.$/);
  assert.match(warnings[1]!, /"fr" reasonBlocked threw or gave no string/);
  assert.deepEqual(heard, [0]);
  stop();
  registerLocale('fr', marked('fr'));
  assert.deepEqual(heard, [0], 'no longer told once stopped');
});

test('registerLocale and overrideLocale throw a TypeError for a tag that is none, or words that are no object', () => {
  for (const lang of ['', 'not a tag', 'es_MX', undefined, 42]) {
    assert.throws(() => registerLocale(lang as string, en), (error: unknown) => error instanceof TypeError && /language tag/.test(String(error)), String(lang));
  }
  for (const words of [null, undefined, 'Eliminar', 7]) {
    assert.throws(() => overrideLocale('es', words as unknown as Partial<Strings>), TypeError, String(words));
  }
  assert.equal(localeFor('es'), 'en', 'nothing was registered');
});

test('overrideLocale: single strings of one locale, the others kept; calls add up; undefined gives a word back', () => {
  overrideLocale('pt-BR', { deleteButton: 'Encerrar conta', reasonBlocked: (count) => `Faltam ${count}` });
  overrideLocale('pt-br', { heading: 'Encerrar a conta' });
  const words = stringsFor('pt-BR-u-nu-latn');
  assert.deepEqual([words.deleteButton, words.heading, words.reasonBlocked(2), words.checking], ['Encerrar conta', 'Encerrar a conta', 'Faltam 2', ptBR.checking]);
  assert.equal(stringsFor('en'), en, 'another locale is left alone');
  assert.equal(stringsFor('pt-BR'), words, 'the same object until something changes (as useSyncExternalStore needs)');
  overrideLocale('pt-BR', { deleteButton: undefined });
  assert.equal(stringsFor('pt-BR').deleteButton, ptBR.deleteButton);
  assert.equal(stringsFor('pt-BR').heading, 'Encerrar a conta');
  assert.deepEqual(warnings, []);
});

test('overrideLocale: wrong kinds and unknown keys are ignored, said once; a function that throws shows the locale\'s word', () => {
  const throwing = () => {
    throw new Error('no');
  };
  overrideLocale('en', { heading: 7, nope: 'x', blockedSummary: throwing } as unknown as Partial<Strings>);
  const words = stringsFor('en-US');
  assert.equal(words.heading, en.heading);
  assert.equal(words.blockedSummary(2), en.blockedSummary(2));
  words.blockedSummary(2);
  assert.equal(warnings.length, 2);
  assert.match(warnings[0]!, /overrideLocale\("en"\): ignored \(unknown or of the wrong kind\): heading, nope\.$/);
  assert.match(warnings[1]!, /"en" blockedSummary threw/);
});

test('an override may come before its locale, and counts once the locale is there', () => {
  overrideLocale('es', { deleteButton: 'Borrar mi cuenta' });
  assert.equal(stringsFor('es').deleteButton, en.deleteButton, 'no Spanish yet: English, untouched');
  const es = marked('es');
  registerLocale('es', es);
  assert.equal(stringsFor('es-MX').deleteButton, 'Borrar mi cuenta');
  assert.equal(stringsFor('es-MX').heading, es.heading);
});

test('every copy of the kit on a page reads and writes the same locales', async () => {
  // A second copy of the module, as the standalone file and a bundle each carry their own.
  const copy = (await import(`../../src/flow/words/locales.js?copy=${Date.now()}`)) as typeof import('../../src/flow/words/locales.js');
  assert.notEqual(copy.registerLocale, registerLocale);
  copy.registerLocale('it', marked('it'));
  assert.equal(stringsFor('it-IT').heading, 'it heading');
  overrideLocale('it', { heading: 'Elimina account' });
  assert.equal(copy.stringsFor('it').heading, 'Elimina account');
  const told: string[] = [];
  const stop = copy.onLocalesChange(() => told.push('copy'));
  registerLocale('nl', marked('nl'));
  stop();
  assert.deepEqual(told, ['copy']);
  assert.equal(sharedLocales(), (globalThis as unknown as Record<symbol, unknown>)[Symbol.for('account-deletion-kit.locales')]);
});

test('a listener that throws does not keep the others from hearing', () => {
  const heard: string[] = [];
  const errors: unknown[] = [];
  const originalError = console.error;
  console.error = (error: unknown) => errors.push(error);
  const stops = [onLocalesChange(() => heard.push('first')), onLocalesChange(() => { throw new Error('listener'); }), onLocalesChange(() => heard.push('last'))];
  try {
    registerLocale('fr', marked('fr'));
  } finally {
    console.error = originalError;
    for (const stop of stops) stop();
  }
  assert.deepEqual(heard, ['first', 'last']);
  assert.equal(errors.length, 1);
});

test('a locale an older copy of the kit added, without words made since: English stands in for those, the rest as added', async () => {
  // Before: a word the older locale lacked (a failure's sentence) came out undefined.
  const { addLocale } = await import('../../src/flow/words/registry.js');
  const older: Partial<Strings> = marked('es-older');
  delete older.errorReauthMayBeDeleted;
  addLocale('es', older as Strings);
  const words = stringsFor('es-419');
  assert.equal(words.errorReauthMayBeDeleted, en.errorReauthMayBeDeleted);
  assert.equal(words.heading, 'es-older heading');
  assert.equal(stringsFor('es'), words, 'the same object each time');
  // A whole locale is given as it is.
  const whole = marked('nl');
  addLocale('nl', whole);
  assert.equal(stringsFor('nl'), whole);
});
