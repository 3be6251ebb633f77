import type { Strings } from './strings.js';

/**
 * The words of a language with a host's overrides on top. An override counts only when it has the
 * kind of the entry it replaces (a string, a list of strings, or a function that gives a string):
 * anything else (an `undefined` from a missing translation, a getter that throws) leaves the panel's
 * own words, and its key is listed in `ignored`; a function that throws or gives no string falls back
 * to the panel's words each time, and tells `onFailed`. Overrides that are no object are ignored whole.
 * With nothing to put over them, the words themselves come back (the same object).
 */
export function withOverrides(
  words: Strings,
  overrides: unknown,
  onFailed: (key: string) => void = () => undefined,
): { strings: Strings; ignored: string[] } {
  if (overrides === undefined || overrides === null) return { strings: words, ignored: [] };
  const merged: Record<string, unknown> = { ...words };
  const ignored: string[] = [];
  let keys: string[];
  try {
    keys = typeof overrides === 'object' ? Object.keys(overrides) : [];
  } catch {
    keys = [];
  }
  if (keys.length === 0 && typeof overrides !== 'object') return { strings: words, ignored: ['all of them (not an object)'] };
  for (const key of keys) {
    const own: unknown = merged[key];
    let value: unknown;
    try {
      value = (overrides as Record<string, unknown>)[key];
    } catch {
      ignored.push(key);
      continue;
    }
    if (typeof own === 'string' && typeof value === 'string') merged[key] = value;
    else if (Array.isArray(own) && Array.isArray(value) && value.every((line) => typeof line === 'string')) merged[key] = value;
    else if (typeof own === 'function' && typeof value === 'function') {
      merged[key] = function (this: unknown, ...args: unknown[]) {
        try {
          // Called as a method of the strings, as before: an override may use `this.reasonBlocked(n)`.
          const said: unknown = value.apply(this, args);
          if (typeof said === 'string') return said;
        } catch {
          // The panel's own words, below.
        }
        onFailed(key);
        return own.apply(this, args) as unknown;
      };
    } else ignored.push(key);
  }
  return { strings: ignored.length < keys.length ? (merged as unknown as Strings) : words, ignored };
}
