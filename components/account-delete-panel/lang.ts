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
