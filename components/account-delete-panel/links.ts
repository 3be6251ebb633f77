/** The links a host gives the panel: each becomes an `href` only when it is safe to follow. */
import { safeHttpUrl } from '../../src/index.js';

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

/** The links a host gives the panel, each only when it is safe to follow: "contact support", feedback, sign-up. */
export function hostLinks(urls: { supportUrl: string | null; feedbackUrl: string | null; signupUrl: string | null }) {
  return { support: safeLinkUrl(urls.supportUrl), feedback: safeLinkUrl(urls.feedbackUrl, { mailto: true }), signup: safeLinkUrl(urls.signupUrl) };
}
