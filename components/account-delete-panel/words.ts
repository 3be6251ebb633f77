import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { localeFor, onLocalesChange, stringsFor, withOverrides, type Strings } from '../../src/flow/index.js';
import { sharedLocales } from '../../src/flow/words/registry.js';

/**
 * The nearest `lang` up the tree of `element`, through the shadow roots it may sit in (`closest()`
 * stops at one), else the document's, else `en`. Above the element, not on it: its own `lang` is its
 * property, reflected after Lit renders, so a lang just removed by property is still there at render.
 * The nearest wins even when empty: `lang=""` says the language is unknown (so `en`), not "look further".
 */
export function nearestLang(element: Element): string {
  let root: Node = element.getRootNode();
  let holder = element.parentElement?.closest('[lang]');
  while (!holder && root instanceof ShadowRoot) {
    holder = root.host.closest('[lang]');
    root = root.host.getRootNode();
  }
  return (holder ? holder.getAttribute('lang') : element.ownerDocument.documentElement.lang) || 'en';
}

/**
 * The words of a language with a host's overrides on top, saying on the console which overrides
 * were ignored: once each, not at every render (`forget()` when the host gives new ones). While its
 * element is on the page, a locale registered or changed (`registerLocale`, `overrideLocale`, a locale
 * module) or a `lang` changed in the document draws it again: it never keeps words that are no longer
 * the page's.
 */
export class HostWords implements ReactiveController {
  readonly #warned = new Set<string>();
  #stop: (() => void) | undefined;
  #langs: MutationObserver | undefined;
  /** The count of locale changes at the last words given, to notice one made while off the page. */
  #version = -1;

  constructor(
    private readonly host: ReactiveControllerHost,
    readonly tag: string,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    const draw = () => this.host.requestUpdate();
    this.#stop = onLocalesChange(draw);
    // The page's language switched (a `lang` changed up the tree, `<html lang>` too): followed at once,
    // in the document and in every shadow root the element sits in.
    const langs = (this.#langs ??= new MutationObserver(draw));
    for (let root: Node | undefined = (this.host as unknown as Element).getRootNode(); root; root = root instanceof ShadowRoot ? root.host.getRootNode() : undefined) {
      langs.observe(root, { subtree: true, attributeFilter: ['lang'] });
    }
    if (this.#version !== -1 && this.#version !== sharedLocales().version) draw();
  }

  hostDisconnected(): void {
    this.#stop?.();
    this.#stop = undefined;
    this.#langs?.disconnect();
  }

  /** The locale of the words given last: the `lang` to mark them with (`en` where the page's is lacking). */
  locale = 'en';
  /** The kit's own words: the words given last before a host's `strings`. See `langOf`. */
  kit!: Strings;
  /**
   * The page's language as a tag (the element's own `lang`, else the nearest), for a host's words; `''`
   * (unknown) where it is not one: a `lang` is copied into the shadow root only once it is valid.
   */
  page = '';
  /** The words given last. */
  #given!: Strings;

  of(lang: string, overrides: unknown): Strings {
    this.#version = sharedLocales().version;
    this.locale = localeFor(lang);
    this.kit = stringsFor(lang);
    try {
      this.page = Intl.getCanonicalLocales(lang)[0] ?? '';
    } catch {
      this.page = '';
    }
    const { strings, ignored } = withOverrides(this.kit, overrides, (key) => this.#warn([key]));
    this.#warn(ignored);
    return (this.#given = strings);
  }

  /**
   * The `lang` of some of the words given last: a key of them (not of a function: a host's function
   * is always a wrapper), or words on show with their like among the kit's own. Their locale where they are the kit's; the page's
   * language where a host's `strings` changed them, since those may be French on a French page.
   * Decided element by element: with some words given, the rest are still the kit's.
   */
  readonly langOf = (said: keyof Strings | readonly [shown: unknown, kits: unknown]): string => {
    const given = this.#given;
    if (given === this.kit) return this.locale;
    const [shown, kits] = typeof said === 'string' ? [given[said], this.kit[said]] : said;
    return shown === kits ? this.locale : this.page;
  };

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
