/**
 * Addresses from the server and from the host: a check's `resolve_url` becomes a link only when it
 * is http(s) or a path, and the redirect after deletion follows only such an address. Every trick
 * that would make a browser run script (a scheme in another case, hidden by white space or control
 * characters) is judged as the browser would judge it, and refused.
 */
import { expect, fixtureSync, html, oneEvent } from '@open-wc/testing';
import sinon from 'sinon';
import { AccountDeletionError } from '../../src/index.js';
import {
  bodyWith,
  clearBody,
  deleteAndSettle,
  fakeApi,
  mount,
  ok,
  quiet,
  readyToDelete,
  status,
  successMessage,
} from '../panel/helpers.js';
import { expectInert, forgetExecuted } from './helpers.js';
import '../../components/account-delete-dialog/account-delete-dialog.js';
import type { AccountDeleteDialog } from '../../components/account-delete-dialog/account-delete-dialog.js';
import type { AccountDeletePanel } from '../../components/account-delete-panel/account-delete-panel.js';

afterEach(() => {
  sinon.restore();
  forgetExecuted();
  history.replaceState(null, '', location.pathname + location.search);
});

const RUN = 'window.__securityExecuted=1';

/** Addresses that must never become a link. */
const UNSAFE_RESOLVE_URLS: [string, string][] = [
  ['javascript:', `javascript:${RUN}`],
  ['javascript: in mixed case', `JaVaScRiPt:${RUN}`],
  ['javascript: after spaces and a tab', ` \t javascript:${RUN}`],
  ['javascript: after a control character', `\u0001javascript:${RUN}`],
  ['javascript: split by a tab and a newline', `java\tscr\nipt:${RUN}`],
  ['javascript: with a comment that looks like https', `javascript://https://console.example/%0a${RUN}`],
  ['data: HTML', `data:text/html,<script>${RUN}</script>`],
  ['data: base64', 'data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19zZWN1cml0eUV4ZWN1dGVkPTE8L3NjcmlwdD4='],
  ['vbscript:', 'vbscript:msgbox(1)'],
  ['file:', 'file:///etc/passwd'],
  ['blob:', 'blob:https://console.example/8c2a'],
  ['a broken IPv6 host', 'http://[::1'],
  ['https: with no host', 'https://'],
  ['a port with no host', 'http://:80/'],
  ['only white space', '   '],
];

/** Addresses that are http(s) or a path, and so may be links. */
const SAFE_RESOLVE_URLS: [string, string][] = [
  ['https:', 'https://console.example/edge-dns'],
  ['http:', 'http://console.example/billing'],
  ['a path', '/billing'],
  ['a relative path', 'settings/billing'],
];

const resolveLinks = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('a[part="resolve-link"]')];

describe('a resolve_url from the server', () => {
  for (const [what, url] of UNSAFE_RESOLVE_URLS) {
    it(`is no link when it is ${what}`, async () => {
      const body = bodyWith([{ type: 'dns_zones', status: 'blocking', count: 1, items: [{ id: 1, name: 'a.example' }], resolve_url: url }]);
      const el = await mount(fakeApi({ checks: [ok(body)] }));
      expect(el.shadowRoot!.querySelectorAll('li[part~="check"]')).to.have.length(1);
      expect(resolveLinks(el)).to.have.length(0);
      expect(el.shadowRoot!.querySelectorAll('a[href]')).to.have.length(0);
      expectInert(el);
    });
  }

  for (const [what, url] of SAFE_RESOLVE_URLS) {
    it(`is a link that opens a new tab without access to the panel's page when it is ${what}`, async () => {
      const body = bodyWith([{ type: 'dns_zones', status: 'blocking', count: 1, items: [{ id: 1, name: 'a.example' }], resolve_url: url }]);
      const el = await mount(fakeApi({ checks: [ok(body)] }));
      const [link] = resolveLinks(el);
      expect(link, 'a Resolve link').to.exist;
      expect(['http:', 'https:']).to.include(new URL(link!.href).protocol);
      expect(link!.target).to.equal('_blank');
      expect(link!.relList.contains('noopener')).to.equal(true);
      expectInert(el);
    });
  }
});

/** Redirect URLs a host might be tricked into setting; none may be followed. */
const UNSAFE_REDIRECTS: [string, string][] = [
  ['javascript: in capitals', `JAVASCRIPT:${RUN}`],
  ['javascript: after white space', `  \n javascript:${RUN}`],
  ['javascript: split by a tab', `java\tscript:${RUN}`],
  ['javascript: after a control character', `\u0000javascript:${RUN}`],
  ['data: HTML', `data:text/html,<script>${RUN}</script>`],
  ['data: base64', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
  ['data: with a comma only', 'data:,hello'],
  ['vbscript: in mixed case', 'VbScRiPt:msgbox(1)'],
  ['an empty value', ''],
];

describe('a redirect URL the panel will not follow', () => {
  for (const [what, url] of UNSAFE_REDIRECTS) {
    it(`refuses ${what}: an error event, the success message stays, the page stays`, async () => {
      const api = fakeApi({ checks: [ok(clearBody())] });
      const el = await readyToDelete(api, { redirectUrl: url, redirectDelay: 0 });
      const startedAt = location.href;
      const refused = oneEvent(el, 'account-delete-error');
      await deleteAndSettle(el);
      const { detail } = await refused;
      expect(detail.error).to.be.instanceOf(AccountDeletionError);
      expect(detail.error.message).to.contain('redirect URL was refused');
      await quiet(el, 30);
      expect(location.href).to.equal(startedAt);
      expect(successMessage(el)!.textContent).to.contain('is not a safe address');
      expect(el.shadowRoot!.querySelector('[part="go-now-link"]')).to.equal(null);
      expectInert(el);
    });
  }
});

describe('support-url, feedback-url and signup-url from the host', () => {
  const linkOf = (el: HTMLElement, part: string) => el.shadowRoot!.querySelector<HTMLAnchorElement>(`a[part="${part}"]`);

  /** A panel after a refused deletion (the alert says "contact support"), then one after success. */
  async function links(attributes: Record<string, string>) {
    const refused = await readyToDelete(fakeApi({ checks: [ok(clearBody())], deletes: [status(403, { detail: 'Not allowed.' })] }));
    for (const [name, value] of Object.entries(attributes)) refused.setAttribute(name, value);
    await deleteAndSettle(refused);
    const deleted = await readyToDelete(fakeApi({ checks: [ok(clearBody())] }), { redirectDelay: 60_000 });
    for (const [name, value] of Object.entries(attributes)) deleted.setAttribute(name, value);
    await deleteAndSettle(deleted);
    await deleted.updateComplete;
    return { support: linkOf(refused, 'support-link'), feedback: linkOf(deleted, 'feedback-link'), signup: linkOf(deleted, 'signup-link'), refused, deleted };
  }

  for (const [what, unsafe] of UNSAFE_RESOLVE_URLS) {
    it(`never makes a link of ${what}`, async () => {
      const { support, feedback, signup, refused, deleted } = await links({ 'support-url': unsafe, 'feedback-url': unsafe, 'signup-url': unsafe });
      expect([support, feedback, signup]).to.deep.equal([null, null, null]);
      expect(refused.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('contact support');
      await quiet(deleted);
      expectInert(refused);
      expectInert(deleted);
    });
  }

  it('links "contact support", feedback (mailto: too) and a new account to safe addresses', async () => {
    const { support, feedback, signup } = await links({
      'support-url': 'https://tickets.example/new',
      'feedback-url': 'mailto:feedback@example.com',
      'signup-url': '/signup',
    });
    expect([support?.getAttribute('href'), support?.textContent]).to.deep.equal(['https://tickets.example/new', 'contact support']);
    expect([feedback?.getAttribute('href'), feedback?.textContent]).to.deep.equal(['mailto:feedback@example.com', 'Tell us about your experience']);
    expect([signup?.getAttribute('href'), signup?.textContent]).to.deep.equal(['/signup', 'Create a new account']);
  });

  it('takes a mailto: only for feedback', async () => {
    const { support, signup } = await links({ 'support-url': 'mailto:help@example.com', 'signup-url': 'mailto:x@example.com' });
    expect([support, signup]).to.deep.equal([null, null]);
  });
});

describe('the same addresses given to the window', () => {
  /** A window opened, the account deleted: the success message of the panel inside. */
  async function deletedInWindow(attributes: Record<string, string>) {
    const api = fakeApi({ checks: [ok(clearBody())] });
    const el = fixtureSync<AccountDeleteDialog>(html`<account-delete-dialog .client=${api.client} confirmation="none" redirect-delay="60000"></account-delete-dialog>`);
    for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
    const checked = oneEvent(el, 'account-delete-checked');
    el.show();
    await checked;
    const panel = el.shadowRoot!.querySelector<AccountDeletePanel>('account-delete-panel')!;
    await panel.updateComplete;
    const deleted = oneEvent(el, 'account-deleted');
    panel.shadowRoot!.querySelector<HTMLButtonElement>('[part="delete-button"]')!.click();
    await deleted;
    await panel.updateComplete;
    return panel;
  }

  for (const [what, unsafe] of UNSAFE_RESOLVE_URLS.slice(0, 5)) {
    it(`passes them to the panel inside, which makes no link of ${what}`, async () => {
      const panel = await deletedInWindow({ 'support-url': unsafe, 'feedback-url': unsafe, 'signup-url': unsafe });
      expect(successMessage(panel), 'the success message').to.exist;
      expect([...panel.shadowRoot!.querySelectorAll('a')].map((a) => a.getAttribute('part'))).to.deep.equal(['go-now-link']);
      expectInert(panel);
    });
  }

  it('shows feedback and a new account after deletion, and the message passes an axe check', async () => {
    const panel = await deletedInWindow({ 'feedback-url': 'mailto:feedback@example.com', 'signup-url': '/signup' });
    const hrefs = [...panel.shadowRoot!.querySelectorAll('a[part="feedback-link"], a[part="signup-link"]')].map((a) => a.getAttribute('href'));
    expect(hrefs).to.deep.equal(['mailto:feedback@example.com', '/signup']);
    await expect(panel).to.be.accessible();
  });
});
