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
 * Returns `raw` when it is an http(s) URL, a relative reference (as `safeHttpUrl`), or, with
 * `mailto`, a `mailto:` address; undefined otherwise. For links a host gives (support, feedback,
 * sign-up): anything else never becomes an `href`.
 */
export function safeLinkUrl(raw: unknown, options: { mailto?: boolean } = {}): string | undefined {
  if (typeof raw !== 'string') return undefined;
  if (options.mailto && /^\s*mailto:/i.test(raw)) {
    try {
      const url = new URL(raw.trim());
      return url.protocol === 'mailto:' && /^[^\s@]+@[^\s@]+$/.test(decodeURIComponent(url.pathname)) ? url.href : undefined;
    } catch {
      return undefined;
    }
  }
  return safeHttpUrl(raw);
}
