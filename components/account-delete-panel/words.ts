import { stringsFor, withOverrides, type Strings } from '../../src/flow/index.js';

/**
 * The nearest `lang` up the tree of `element`, through the shadow roots it may sit in (`closest()`
 * stops at one), else the document's, else `en`.
 */
export function nearestLang(element: Element): string {
  let root: Node = element.getRootNode();
  let lang = element.closest('[lang]')?.getAttribute('lang');
  while (!lang && root instanceof ShadowRoot) {
    lang = root.host.closest('[lang]')?.getAttribute('lang');
    root = root.host.getRootNode();
  }
  return lang || element.ownerDocument.documentElement.lang || 'en';
}

/**
 * The words of a language with a host's overrides on top, saying on the console which overrides
 * were ignored: once each, not at every render (`forget()` when the host gives new ones).
 */
export class HostWords {
  readonly #warned = new Set<string>();

  constructor(readonly tag: string) {}

  of(lang: string, overrides: unknown): Strings {
    const { strings, ignored } = withOverrides(stringsFor(lang), overrides, (key) => this.#warn([key]));
    this.#warn(ignored);
    return strings;
  }

  forget(): void {
    this.#warned.clear();
  }

  #warn(keys: string[]): void {
    const news = keys.filter((key) => !this.#warned.has(key));
    if (news.length === 0) return;
    for (const key of news) this.#warned.add(key);
    console.warn(`<${this.tag}>: strings not of the right kind, ignored: ${news.join(', ')}.`);
  }
}
