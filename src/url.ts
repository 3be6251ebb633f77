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
