/**
 * Hostile strings, and what the panel must hold to whatever a server sends: nothing runs, nothing but
 * its own elements appears, foreign text is isolated for bidirectional display, and the layout stays usable.
 */
import { expect } from '@open-wc/testing';
import type { AccountDeletePanel } from '../panel/helpers.js';

export type Flags = { __securityExecuted?: unknown };

/** Set by any hostile string that manages to run. */
export const executed = () => (window as Flags).__securityExecuted;
export const forgetExecuted = () => delete (window as Flags).__securityExecuted;

export const TEN_THOUSAND = 10_000;

/** Strings a careless renderer would turn into code, links, reversed text or a page 100,000 px wide. */
export const HOSTILE: { what: string; value: string }[] = [
  { what: 'an <img onerror>', value: '<img src=x onerror="window.__securityExecuted=1">' },
  { what: 'a <script>', value: '<script>window.__securityExecuted=1</script>' },
  { what: 'an <svg onload> and an attribute break-out', value: '"><svg onload="window.__securityExecuted=1"></svg><a href="javascript:window.__securityExecuted=1">x</a>' },
  { what: 'a template and an <iframe srcdoc>', value: '${window.__securityExecuted=1}<iframe srcdoc="<script>parent.__securityExecuted=1</script>"></iframe>' },
  { what: 'a right-to-left override (U+202E)', value: 'invoice\u202Egpj.exe' },
  { what: 'unterminated bidi embeddings and isolates (U+202A, U+2067)', value: '\u202Aacme\u2067 \u202B\u200Fzone' },
  { what: `${TEN_THOUSAND} characters with no break`, value: 'W'.repeat(TEN_THOUSAND) },
  { what: `${TEN_THOUSAND} characters of words and markup`, value: '<b>bold</b> \u202Eword '.repeat(TEN_THOUSAND / 20).slice(0, TEN_THOUSAND) },
];

/** Every element the panel itself renders; anything else came from a server string. */
const OWN_ELEMENTS = new Set([
  'SECTION', 'H2', 'H3', 'P', 'DIV', 'UL', 'LI', 'SPAN', 'STRONG', 'BDI', 'A', 'BUTTON', 'FORM', 'LABEL', 'INPUT',
]);

const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

function* elementsOf(root: ShadowRoot): Generator<Element> {
  yield* root.querySelectorAll('*');
}

/** Nothing from the server became markup, a handler or code. */
export function expectInert(el: AccountDeletePanel): void {
  const root = el.shadowRoot!;
  const foreign = [...elementsOf(root)].map((node) => node.tagName).filter((tag) => !OWN_ELEMENTS.has(tag));
  expect(foreign, 'elements the panel does not render itself').to.deep.equal([]);
  const handlers = [...elementsOf(root)].flatMap((node) => node.getAttributeNames().filter((name) => name.startsWith('on')));
  expect(handlers, 'event handler attributes').to.deep.equal([]);
  for (const link of root.querySelectorAll('a')) {
    expect(link.getAttribute('href'), 'every link has an address').to.be.a('string');
    expect(['http:', 'https:'], `the link ${link.getAttribute('href')!.slice(0, 60)}`).to.include(new URL(link.href).protocol);
  }
  expect(executed(), 'a hostile string ran').to.equal(undefined);
}

/**
 * Every piece of text that carries bidirectional controls sits alone in its own <bdi>: the isolate
 * holds one server string (one of `serverStrings`) and none of the panel's words, so it cannot
 * reorder the words around it, nor another name in the same list. Returns how many isolates it saw.
 */
export function expectBidiIsolated(el: AccountDeletePanel, serverStrings: string[]): number {
  const walker = document.createTreeWalker(el.shadowRoot!, NodeFilter.SHOW_TEXT);
  let isolated = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!BIDI_CONTROLS.test(node.nodeValue ?? '')) continue;
    const bdi = node.parentElement?.closest('bdi');
    const where = JSON.stringify(node.nodeValue!.slice(0, 60));
    expect(bdi, `text with bidi controls outside <bdi>: ${where}`).to.exist;
    const alone = serverStrings.includes(bdi!.textContent!);
    expect(alone, `an isolate holding more than one server string: ${JSON.stringify(bdi!.textContent!.slice(0, 80))}`).to.equal(true);
    isolated++;
  }
  return isolated;
}

/**
 * The panel fits its container, the page does not scroll sideways, and the Delete button (and any
 * other button) is whole, on screen when scrolled to, and what a click there reaches.
 */
export function expectUsableLayout(el: AccountDeletePanel, container: HTMLElement): void {
  const box = container.getBoundingClientRect();
  const panel = el.getBoundingClientRect();
  expect(panel.width, 'the panel is no wider than its container').to.be.at.most(box.width + 0.5);
  const section = el.shadowRoot!.querySelector('section')!;
  expect(section.scrollWidth, 'nothing overflows the panel sideways').to.be.at.most(section.clientWidth + 1);
  expect(document.documentElement.scrollWidth, 'the page does not scroll sideways').to.be.at.most(window.innerWidth);
  for (const button of el.shadowRoot!.querySelectorAll('button')) {
    button.scrollIntoView({ block: 'center', inline: 'nearest' });
    const rect = button.getBoundingClientRect();
    const name = button.textContent!.trim();
    expect(rect.width > 0 && rect.height > 0, `${name} has a size`).to.equal(true);
    expect(rect.left, `${name} starts inside the container`).to.be.at.least(box.left - 0.5);
    expect(rect.right, `${name} ends inside the container`).to.be.at.most(Math.min(box.right, window.innerWidth) + 0.5);
    expect(rect.top >= 0 && rect.bottom <= window.innerHeight, `${name} fits the viewport`).to.equal(true);
    const hit = el.shadowRoot!.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
    expect(hit === button || button.contains(hit), `a click on ${name} reaches it`).to.equal(true);
  }
}

/** Where `secret` shows under `value`: strings, own properties (enumerable or not), causes, headers. */
export function whereSecretShows(value: unknown, secret: string, path = '$', seen = new Set<unknown>()): string[] {
  if (typeof value === 'string') return value.includes(secret) ? [path] : [];
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) return [];
  seen.add(value);
  if (value instanceof Request || value instanceof Headers) {
    const headers = value instanceof Request ? value.headers : value;
    return [...headers].some(([, v]) => v.includes(secret)) ? [`${path} (headers)`] : [];
  }
  if (value instanceof Node) return [];
  const found: string[] = [];
  if (value instanceof Error) {
    for (const form of [String(value), value.stack ?? '']) if (form.includes(secret)) found.push(`${path} (printed)`);
  }
  for (const key of Reflect.ownKeys(value)) {
    let child: unknown;
    try {
      child = (value as Record<PropertyKey, unknown>)[key];
    } catch {
      continue;
    }
    found.push(...whereSecretShows(child, secret, `${path}.${String(key)}`, seen));
  }
  return found;
}

/** All the markup, text, attributes and form values of `root` and of every shadow root below it. */
export function everythingRendered(root: ParentNode): string {
  const parts: string[] = [];
  const visit = (node: ParentNode) => {
    for (const element of node.querySelectorAll('*')) {
      for (const name of element.getAttributeNames()) parts.push(element.getAttribute(name)!);
      if (element instanceof HTMLInputElement) parts.push(element.value);
      if (element.shadowRoot) {
        parts.push(element.shadowRoot.innerHTML, element.shadowRoot.textContent ?? '');
        visit(element.shadowRoot);
      }
    }
  };
  parts.push(root instanceof Element || root instanceof ShadowRoot ? root.innerHTML : '', root.textContent ?? '');
  visit(root);
  return parts.join('\n');
}
