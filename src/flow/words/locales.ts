/**
 * Which words a language tag gets, and the public way to add a locale or change single strings of
 * one. The locales live in the page's shared registry (`registry.ts`), so the panel, the window and
 * the headless flow, from whichever copy of the kit, all speak what was registered.
 */
import { en } from './en.js';
import { ptBR } from './pt-BR.js';
import { withOverrides } from './overrides.js';
import { localesChanged, sharedLocales } from './registry.js';
import type { Strings } from './strings.js';

/** The locales every build has, after any the page registered. */
const BUILT_IN: Readonly<Record<string, Strings>> = { en, 'pt-BR': ptBR };

/** Each locale with its overrides merged in, for the count of changes `mergedAt`. */
let merged = new Map<string, Strings>();
let mergedAt = -1;
const warned = new Set<string>();
/** Each added locale with English under it. */
const complete = new WeakMap<Strings, Strings>();

function warn(message: string): void {
  if (!warned.has(message)) console.warn(`account-deletion-kit: ${message}`);
  warned.add(message);
}

const failed = (tag: string) => (key: string) => warn(`"${tag}" ${key} threw or gave no string: the word underneath shows.`);

/** `registerLocale` (`whole`) and `overrideLocale`: checks, tells the console what it ignored, stores, tells every view. */
function put(lang: string, words: object, whole: boolean): void {
  const call = `${whole ? 'registerLocale' : 'overrideLocale'}("${lang}")`;
  let tag: string | undefined;
  try {
    tag = Intl.getCanonicalLocales(lang)[0];
  } catch {
    // Said below.
  }
  if (!tag || typeof words !== 'object' || !words) throw new TypeError(`${call}: needs a language tag and an object of words.`);
  const given = words as Record<string, unknown>;
  const { strings, ignored } = withOverrides(en, given, failed(tag));
  // In an override, `undefined` gives the locale its own word back: not a mistake.
  const wrong = ignored.filter((key) => whole || !(key in en) || given[key] !== undefined);
  const missing = whole ? Object.keys(en).filter((key) => !(key in given)) : [];
  const said = [wrong.length && `ignored (unknown or of the wrong kind): ${wrong.join(', ')}`, missing.length && `missing (English shows): ${missing.join(', ')}`];
  if (wrong.length + missing.length) warn(`${call}: ${said.filter(Boolean).join('; ')}.`);
  const shared = sharedLocales();
  if (whole) shared.words.set(tag, strings);
  else {
    const entries = Object.entries({ ...shared.overrides.get(tag), ...given });
    shared.overrides.set(tag, Object.fromEntries(entries.filter(([key]) => !ignored.includes(key))));
  }
  localesChanged(shared);
}

/**
 * Adds a whole locale, or replaces one (the built-in `en` and `pt-BR` too), for every view on the
 * page: elements already there draw their words again. TypeScript asks for every entry of `Strings`.
 * An entry missing or of the wrong kind, and one that throws or gives no string when called, shows
 * the English word instead, with a console warning; a tag that is not one, or words that are no
 * object, throw a TypeError. Words never decide whether Delete can be used.
 */
export function registerLocale(lang: string, words: Strings): void {
  put(lang, words, true);
}

/**
 * Changes single strings of one locale and keeps the others (as Clerk's localization objects do):
 * `overrideLocale('pt-BR', { deleteButton: 'Encerrar conta' })`. Calls add up; an entry set to
 * `undefined` gives the locale its own word back. It counts wherever that locale is the one chosen
 * (see `localeFor`), and may come before the locale itself is registered. An entry of the wrong kind
 * or an unknown key is ignored with a console warning; a function that throws or gives no string
 * shows the locale's own word. A view's `strings` property still wins over it.
 */
export function overrideLocale(lang: string, words: Partial<Strings>): void {
  put(lang, words, false);
}

/** Calls `listener` after every change of the page's locales, until the function it returns is called. */
export function onLocalesChange(listener: () => void): () => void {
  const { listeners } = sharedLocales();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The tag of the locale that speaks to `lang`: the tag itself (in any letter case), then the tag cut
 * short subtag by subtag (`es-MX` and `es-419` get `es`, `pt-BR-u-nu-latn` gets `pt-BR`), else `en`:
 * the lookup of RFC 4647. So `pt` and `pt-PT` get English, as the contract says of the languages
 * other than `en` and `pt-BR`, unless the page registers `pt` or `pt-PT`.
 */
export function localeFor(lang: string | undefined): string {
  const known = [...sharedLocales().words.keys(), ...Object.keys(BUILT_IN)];
  const wanted = (lang ?? '').toLowerCase().split('-');
  for (let length = wanted.length; length > 0; length--) {
    const hit = known.find((tag) => tag.toLowerCase() === wanted.slice(0, length).join('-'));
    if (hit) return hit;
  }
  return 'en';
}

/** The words for a language tag (`localeFor` says which locale's), with the page's overrides of that locale. */
export function stringsFor(lang: string | undefined): Strings {
  const shared = sharedLocales();
  const tag = localeFor(lang);
  const added = shared.words.get(tag);
  // A locale that a copy of an older version added may lack words made since: English stands in for those.
  let words = added && complete.get(added);
  if (added && !words) complete.set(added, (words = Object.keys(en).every((key) => key in added) ? added : { ...en, ...added }));
  words ??= BUILT_IN[tag] ?? en;
  const overrides = shared.overrides.get(tag);
  if (!overrides) return words;
  if (mergedAt !== shared.version) merged = new Map();
  mergedAt = shared.version;
  let strings = merged.get(tag);
  if (!strings) merged.set(tag, (strings = withOverrides(words, overrides, failed(tag)).strings));
  return strings;
}
