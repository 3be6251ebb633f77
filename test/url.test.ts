import { expect } from '@open-wc/testing';
import { safeHttpUrl } from '../src/url.js';
import { safeLinkUrl } from '../components/account-delete-panel/links.js';

describe('safeHttpUrl', () => {
  it('keeps absolute http and https URLs, normalized', () => {
    expect(safeHttpUrl('https://console.azion.com/billing')).to.equal('https://console.azion.com/billing');
    expect(safeHttpUrl('HTTP://Example.com')).to.equal('http://example.com/');
  });

  it('keeps paths as given, for the browser to resolve against the page', () => {
    expect(safeHttpUrl('/billing')).to.equal('/billing');
    expect(safeHttpUrl('goodbye.html?x=1')).to.equal('goodbye.html?x=1');
  });

  it('drops script, data and other schemes however they are disguised', () => {
    for (const raw of ['javascript:alert(1)', ' JavaScript:alert(1)', '\u0001javascript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'mailto:a@b.c', 'ftp://x', '', '   ', 'http://[::1', 'https://']) {
      expect(safeHttpUrl(raw), JSON.stringify(raw)).to.equal(undefined);
    }
  });
});

describe('safeLinkUrl', () => {
  it('keeps what safeHttpUrl keeps, and a mailto: address only when asked for', () => {
    expect(safeLinkUrl('https://tickets.azion.com/')).to.equal('https://tickets.azion.com/');
    expect(safeLinkUrl('/support')).to.equal('/support');
    expect(safeLinkUrl('mailto:feedback@azion.com')).to.equal(undefined);
    expect(safeLinkUrl('mailto:feedback@azion.com', { mailto: true })).to.equal('mailto:feedback@azion.com');
    expect(safeLinkUrl(' MAILTO:feedback@azion.com?subject=Hi', { mailto: true })).to.equal('mailto:feedback@azion.com?subject=Hi');
  });

  it('drops script and data URLs, mailto: without an address, and anything that is not a string', () => {
    for (const raw of ['javascript:alert(1)', 'data:text/html,x', 'mailto:', 'mailto:nobody', 'mailto:a b@c.d', 'vbscript:x', '', 42, null, undefined, {}]) {
      expect(safeLinkUrl(raw, { mailto: true }), JSON.stringify(raw)).to.equal(undefined);
    }
  });
});
