const PROBE_A = 'https://a.invalid/';
const PROBE_B = 'https://b.invalid/';

/**
 * Returns `raw` when it is safe to follow as a link: an absolute `http:`/`https:` URL (returned
 * normalized) or a relative reference such as `/billing` (returned as given, for the browser to
 * resolve against the page). Anything else (`javascript:`, `data:`, `vbscript:`, unparsable text)
 * gives undefined. The URL parser decides, not a pattern, so tricks like leading control
 * characters or mixed case schemes are judged exactly as the browser would judge them.
 */
export function safeHttpUrl(raw: string): string | undefined {
  if (raw.trim() === '') return undefined;
  let a: URL;
  let b: URL;
  try {
    a = new URL(raw, PROBE_A);
    b = new URL(raw, PROBE_B);
  } catch {
    return undefined;
  }
  if (a.protocol !== 'http:' && a.protocol !== 'https:') return undefined;
  // Resolved against two different bases: equal results mean `raw` is absolute.
  return a.href === b.href ? a.href : raw;
}

/**
 * Why an API base cannot be used, or undefined when it can. The request paths are appended to it as
 * text, so a query or a fragment would swallow them; credentials in it would end up in errors (a
 * browser refuses such a URL, and says it whole); and where there is no page (Node, a test runner) a
 * relative base such as `/api` has nothing to resolve against. Read as the browser reads it, spaces
 * and backslashes included.
 */
export function unusableBase(apiBase: string): string | undefined {
  const astray = 'without a query (?), a fragment (#) or credentials (user@)';
  if (/[?#]/.test(apiBase)) return astray;
  const page = globalThis.location?.href;
  let url: URL;
  try {
    url = new URL(apiBase, page);
  } catch {
    // On a page, not a URL at all: fetch says so on the first request, with nothing secret to tell.
    return page === undefined ? `that is absolute where there is no page to resolve "${apiBase}" against` : undefined;
  }
  return url.username || url.password ? astray : undefined;
}
