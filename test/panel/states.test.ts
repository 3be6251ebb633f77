import { expect, oneEvent } from '@open-wc/testing';
import sinon from 'sinon';
import {
  blockedBody,
  bodyWith,
  checkAgainButton,
  checkItem,
  checkNames,
  checksList,
  clearBody,
  deleteButton,
  fakeApi,
  hang,
  heading,
  held,
  isUnusable,
  mount,
  ok,
  reasonOf,
  statusRegion,
  textbox,
  labelOf,
} from './helpers.js';

afterEach(() => sinon.restore());

const zones = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i + 1, name: `zone-${i + 1}.example` }));

describe('while the account is being checked', () => {
  it('keeps room for the checks so the page does not jump when they arrive', async () => {
    const el = await mount(fakeApi({ checks: [hang] }), { settle: false });
    const placeholder = el.shadowRoot!.querySelector<HTMLElement>('.checks.placeholder')!;
    expect(placeholder, 'a placeholder list').to.exist;
    expect(placeholder.getAttribute('aria-hidden')).to.equal('true');
    const region = placeholder.closest<HTMLElement>('.checks-region')!;
    const reserved = parseFloat(getComputedStyle(region).minHeight);
    expect(reserved).to.be.greaterThan(100);
    expect(region.getBoundingClientRect().height).to.be.at.least(reserved);
    expect(checksList(el), 'no named list yet').to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('does not move the textbox or the Delete button when the checks arrive', async () => {
    const gate = held();
    const el = await mount(fakeApi({ checks: [gate.reply] }), { settle: false });
    const top = (node: Element) => Math.round(node.getBoundingClientRect().top);
    const before = [top(textbox(el)!), top(deleteButton(el))];
    const checked = oneEvent(el, 'account-delete-checked');
    gate.release(ok(blockedBody()));
    await checked;
    await el.updateComplete;
    expect(checkNames(el)).to.have.length(3);
    expect([top(textbox(el)!), top(deleteButton(el))]).to.deep.equal(before);
  });

  it('announces "Checking your account…" politely', async () => {
    const el = await mount(fakeApi({ checks: [hang] }), { settle: false });
    const status = statusRegion(el);
    expect(status.getAttribute('aria-live')).to.equal('polite');
    expect(status.textContent!.trim()).to.equal('Checking your account…');
  });

  it('keeps Delete unusable and says to wait for the check', async () => {
    const el = await mount(fakeApi({ checks: [hang] }), { settle: false });
    expect(isUnusable(deleteButton(el))).to.equal(true);
    expect(reasonOf(el)).to.equal('Wait for the account check to finish');
  });

  it('shows the heading, the textbox and the Delete button by their names', async () => {
    const el = await mount(fakeApi({ checks: [hang] }), { settle: false });
    expect(heading(el).textContent!.trim()).to.equal('Delete account');
    expect(labelOf(textbox(el)!)).to.equal('Type the account name to confirm');
    expect(deleteButton(el).textContent!.trim()).to.equal('Delete account');
    expect(checkAgainButton(el)).to.exist;
  });
});

describe('the checks', () => {
  it('names every check in words, as the contract shows', async () => {
    const el = await mount(fakeApi({ checks: [ok(blockedBody())] }));
    expect(checksList(el)!.getAttribute('aria-label')).to.equal('Account deletion checks');
    expect(checkNames(el)).to.deep.equal([
      'DNS zones: 2 active zones must be disabled (acme.com, acme.dev)',
      'Edge applications: resolved',
      'Debts: 120.50 USD pending',
    ]);
    // What a sighted user reads says the same as the name.
    expect(checkItem(el, 0).textContent!.replace(/\s+/g, ' ')).to.contain('DNS zones: 2 active zones must be disabled (acme.com, acme.dev)');
    await expect(el).to.be.accessible();
  });

  it('says how many items block and keeps Delete unusable while a DNS zone is active or a debt is due', async () => {
    const el = await mount(fakeApi({ checks: [ok(blockedBody())] }));
    expect(statusRegion(el).textContent!.trim()).to.equal('2 items block deletion.');
    const button = deleteButton(el);
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(button.getAttribute('aria-describedby')).to.equal('delete-reason');
    expect(reasonOf(el)).to.equal('Resolve 2 items first');
  });

  it('keeps Delete unusable while only one DNS zone is active, and says "1 item"', async () => {
    const body = bodyWith([
      { type: 'dns_zones', status: 'blocking', count: 1, items: [{ id: 81, name: 'acme.com' }] },
      { type: 'edge_applications', status: 'passed', count: 0, items: [] },
      { type: 'debts', status: 'passed', count: 0 },
    ]);
    const el = await mount(fakeApi({ checks: [ok(body)] }));
    expect(checkNames(el)[0]).to.equal('DNS zones: 1 active zone must be disabled (acme.com)');
    expect(reasonOf(el)).to.equal('Resolve 1 item first');
    expect(statusRegion(el).textContent!.trim()).to.equal('1 item blocks deletion.');
  });

  it('names the first five blocking resources, then "and N more" from the server\'s total', async () => {
    const body = bodyWith([
      { type: 'dns_zones', status: 'blocking', count: 12, items: zones(7) },
      { type: 'edge_applications', status: 'blocking', count: 6, items: [1, 2, 3, 4, 5, 6].map((i) => ({ id: `app-${i}`, name: `app ${i}` })) },
      { type: 'debts', status: 'passed', count: 0 },
    ]);
    const el = await mount(fakeApi({ checks: [ok(body)] }));
    expect(checkNames(el)).to.deep.equal([
      'DNS zones: 12 active zones must be disabled (zone-1.example, zone-2.example, zone-3.example, zone-4.example, zone-5.example and 7 more)',
      'Edge applications: 6 edge applications must be removed (app 1, app 2, app 3, app 4, app 5 and 1 more)',
      'Debts: resolved',
    ]);
    await expect(el).to.be.accessible();
  });

  it('formats the amount due for the language, exactly as the server wrote it', async () => {
    const body = bodyWith([{ type: 'debts', status: 'blocking', count: 1, amount: { value: '1234567.05', currency: 'BRL' } }]);
    const el = await mount(fakeApi({ checks: [ok(body)] }));
    expect(checkNames(el)).to.deep.equal(['Debts: 1,234,567.05 BRL pending']);
  });

  it('formats a large amount without rounding it through a float', async () => {
    const body = bodyWith([{ type: 'debts', status: 'blocking', count: 1, amount: { value: '12345678901234567.89', currency: 'USD' } }]);
    const el = await mount(fakeApi({ checks: [ok(body)] }));
    expect(checkNames(el)).to.deep.equal(['Debts: 12,345,678,901,234,567.89 USD pending']);
  });

  it('uses the server\'s words, not "0 active zones", when a zone check blocks with a count of 0', async () => {
    const body = bodyWith([{ type: 'dns_zones', status: 'pending_review', count: 0, message: 'Zones are being reviewed' }]);
    const el = await mount(fakeApi({ checks: [ok(body)] }));
    expect(checkNames(el)).to.deep.equal(['DNS zones: Zones are being reviewed']);
    expect(reasonOf(el)).to.equal('Resolve 1 item first');
  });

  it('says the server does not allow deletion when it says no although every check passed', async () => {
    const body = bodyWith([{ type: 'dns_zones', status: 'passed', count: 0, items: [] }], false);
    const el = await mount(fakeApi({ checks: [ok(body)] }));
    const sentence = 'The server does not allow deleting this account yet. Check again later, or contact support.';
    expect(reasonOf(el)).to.equal(sentence);
    expect(statusRegion(el).textContent!.trim()).to.equal(sentence);
    expect(deleteButton(el).getAttribute('aria-disabled')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('says a debt must be paid when the server gave no amount', async () => {
    const el = await mount(fakeApi({ checks: [ok(bodyWith([{ type: 'debts', status: 'blocking', count: 1 }]))] }));
    expect(checkNames(el)).to.deep.equal(['Debts: a pending debt must be paid']);
  });

  it('links each blocking check to where it is resolved, in a new tab', async () => {
    const el = await mount(fakeApi({ checks: [ok(blockedBody())] }));
    const links = [...checksList(el)!.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['https://console.azion.com/edge-dns', 'https://console.azion.com/billing']);
    for (const link of links) {
      expect(link.target).to.equal('_blank');
      expect(link.relList.contains('noopener')).to.equal(true);
      expect(link.textContent!.trim()).to.equal('Resolve');
    }
    expect(links[0]!.getAttribute('aria-label')).to.equal('Resolve DNS zones (opens in a new tab)');
    expect(checkItem(el, 1).querySelector('a'), 'no link on a resolved check').to.equal(null);
  });

  it('links to a same-origin path but never to a javascript: or data: URL', async () => {
    const body = bodyWith([
      { type: 'dns_zones', status: 'blocking', count: 1, items: [{ id: 1, name: 'a.com' }], resolve_url: 'javascript:alert(1)' },
      { type: 'edge_applications', status: 'blocking', count: 1, items: [{ id: 2, name: 'app' }], resolve_url: ' JaVaScRiPt:alert(document.cookie)' },
      { type: 'debts', status: 'blocking', count: 1, amount: { value: '1.00', currency: 'USD' }, resolve_url: 'data:text/html,<script>alert(1)</script>' },
      { type: 'invoices', status: 'blocking', title: 'Invoices', message: 'Pay the open invoice', resolve_url: '/billing/invoices' },
    ]);
    const el = await mount(fakeApi({ checks: [ok(body)] }));
    const hrefs = [...checksList(el)!.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).to.deep.equal(['/billing/invoices']);
    expect(el.shadowRoot!.querySelector('a[href^="javascript"], a[href^="data"], a[href*="alert"]')).to.equal(null);
  });

  it('shows a check type it does not know with the server\'s title and message, and lets it block', async () => {
    const body = bodyWith([
      { type: 'support_tickets', status: 'blocking', title: 'Support tickets', message: '1 ticket is still open' },
      { type: 'certificates', status: 'passed', title: 'Certificates', message: 'none left' },
      { type: 'mystery', status: 'blocking' },
      { type: 'dns_zones', status: 'pending', count: 0, items: [] },
    ]);
    const el = await mount(fakeApi({ checks: [ok(body)] }));
    const names = checkNames(el);
    expect(names.slice(0, 3)).to.deep.equal(['Support tickets: 1 ticket is still open', 'Certificates: none left', 'mystery: must be resolved']);
    // A status the kit does not know blocks: it is never read as "passed".
    expect(names[3]).to.equal('DNS zones: must be resolved');
    expect(reasonOf(el)).to.equal('Resolve 3 items first');
    await expect(el).to.be.accessible();
  });

  it('tells what deleting means: irreversible, kept for audits, a confirmation e-mail, a new account any time', async () => {
    const el = await mount(fakeApi({ checks: [ok(blockedBody())] }));
    const consequences = el.shadowRoot!.querySelector('[part="consequences"]')!.textContent!.replace(/\s+/g, ' ');
    expect(consequences).to.contain('What happens when you delete');
    expect(consequences).to.contain('The deletion cannot be undone.');
    expect(consequences).to.contain('Your account information is kept for later audits.');
    expect(consequences).to.contain('A confirmation e-mail is sent to you.');
    expect(consequences).to.contain('You can create a new account at any time.');
  });

  it('says nothing blocks when every check passed, and then only asks for the name', async () => {
    const el = await mount(fakeApi({ checks: [ok(clearBody())] }));
    expect(checkNames(el)).to.deep.equal(['DNS zones: resolved', 'Edge applications: resolved', 'Debts: resolved']);
    expect(checksList(el)!.querySelector('a')).to.equal(null);
    expect(statusRegion(el).textContent!.trim()).to.equal('Nothing blocks deletion any more.');
    expect(isUnusable(deleteButton(el))).to.equal(true);
    expect(reasonOf(el)).to.equal('Type the account name first');
    // The hint tells the user what to type.
    expect(el.shadowRoot!.getElementById('confirm-hint')!.textContent).to.contain('Acme Corp');
    await expect(el).to.be.accessible();
  });
});
