import type { Strings } from './strings.js';

/**
 * The locales a page added, shared by every copy of the kit on it: the standalone file, the elements
 * from a bundle, the headless flow, a locale module loaded from a CDN. Each copy finds it under one
 * global symbol, so a locale registered through any of them is seen by all. Copies of other versions
 * read it too: its shape may only grow.
 */
export interface SharedLocales {
  /** Whole locales by language tag (as `Intl.getCanonicalLocales` writes it), in the order added. */
  readonly words: Map<string, Strings>;
  /** Single strings put over a locale's words, by language tag; each already of the right kind. */
  readonly overrides: Map<string, Partial<Strings>>;
  /** Called after every change, so that views draw their words again. */
  readonly listeners: Set<() => void>;
  /** Counts the changes: what a copy derived from an older count is stale. */
  version: number;
}

const KEY = Symbol.for('account-deletion-kit.locales');

/** The page's shared locales, made by the first copy of the kit that asks. */
export function sharedLocales(): SharedLocales {
  const holder = globalThis as unknown as Record<symbol, SharedLocales | undefined>;
  return (holder[KEY] ??= { words: new Map(), overrides: new Map(), listeners: new Set(), version: 0 });
}

/** Counts a change and tells every listener; one that throws does not keep the others from hearing. */
export function localesChanged(shared: SharedLocales): void {
  shared.version++;
  for (const listener of [...shared.listeners]) {
    try {
      listener();
    } catch (error) {
      console.error(error);
    }
  }
}

/**
 * Adds a complete locale as it is, with no check: for the kit's own locale modules, which are typed
 * and tested, so that they carry no English to check against. Hosts call `registerLocale`.
 */
export function addLocale(tag: string, words: Strings): void {
  const shared = sharedLocales();
  shared.words.set(tag, words);
  localesChanged(shared);
}
