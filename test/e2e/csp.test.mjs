// The demo serves every page under a strict Content-Security-Policy (no 'unsafe-inline', no
// 'unsafe-eval'), as a careful partner portal does. The panel must work under it without a single
// violation: its styles, themes, languages, the sign-in dialog, the deletion and the redirect.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  ACCOUNT_NAME,
  DELETED_TEXT,
  deletes,
  eventually,
  failedToLoad,
  openDemo,
  requestLog,
  startE2E,
  unexpectedErrors,
} from './harness.mjs';

let e2e;
before(async () => {
  e2e = await startE2E();
});
after(async () => {
  await e2e?.close();
});

const mentionsCsp = (problems) => problems.console.filter((m) => /Content[- ]Security[- ]Policy/i.test(m.text));

test('under the strict Content-Security-Policy the whole flow runs with no violation and no console error', { timeout: 30_000 }, async () => {
  const base = e2e.server.url;
  const { context, page, panel, problems, response } = await openDemo(e2e.browser, base);
  try {
    // The policy really is the strict one.
    const policy = response.headers()['content-security-policy'] ?? '';
    assert.match(policy, /default-src 'self'/);
    assert.match(policy, /script-src 'self'(;|$)/);
    assert.match(policy, /style-src 'self'(;|$)/);
    assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval/);

    await panel.checks.waitFor();
    await eventually(async () => assert.equal(await panel.items.count(), 3));

    // Every theme and both languages restyle and re-render the panel.
    for (const theme of ['Dark', 'Brand (custom properties and parts)', 'Light', 'Follow the system']) {
      await page.getByRole('radio', { name: theme }).check();
    }
    await page.getByRole('radio', { name: 'Português (Brasil)' }).check();
    await panel.host.getByRole('heading', { name: 'Excluir conta' }).waitFor();
    // Spanish comes from its own file (dist/locales/es.js), beside the standalone module.
    await page.getByRole('radio', { name: 'Español (Latinoamérica)' }).check();
    await panel.host.getByRole('heading', { name: 'Eliminar cuenta' }).waitFor();
    await page.getByRole('button', { name: 'Eliminar cuenta' }).first().waitFor();
    await page.getByRole('radio', { name: 'English' }).check();
    await panel.heading.waitFor();

    // Resolve each blocker by hand, with the panel told to check again after each change.
    await page.getByRole('checkbox', { name: 'Make the panel check again after each change' }).check();
    for (const label of [
      'DNS zone acme.com is active',
      'DNS zone acme.dev is active',
      'Edge application acme-storefront exists',
      'A debt of 120.50 USD is unpaid',
    ]) {
      await page.getByRole('checkbox', { name: label }).uncheck();
    }
    await eventually(async () => assert.match(await panel.status.innerText(), /Nothing blocks deletion any more/));

    // The server asks for a fresh sign-in first: the page's dialog, then the panel's retry.
    await page.getByRole('combobox', { name: 'Kind of failure' }).selectOption('reauthentication-required');
    await page.getByRole('button', { name: 'Queue the failure' }).click();
    await eventually(async () => assert.match(await page.locator('#faults').innerText(), /401 sign in again/));

    await panel.name.fill(ACCOUNT_NAME);
    await eventually(async () => assert.equal(await panel.deleteButton.getAttribute('aria-disabled'), 'false'));
    await panel.deleteButton.click();
    const dialog = page.getByRole('dialog', { name: 'Sign in again' });
    await dialog.waitFor();
    await eventually(async () => assert.match(await panel.alert.innerText(), /sign in again before deleting/));
    await dialog.getByLabel('Password for jane@acme.example').fill('any password');
    await dialog.getByRole('button', { name: 'Sign in' }).click();

    await eventually(async () => assert.ok((await panel.status.innerText()).includes(DELETED_TEXT)));
    const sent = deletes(await requestLog(base));
    assert.equal(sent.length, 2, 'two DELETEs: refused for the sign-in, then done');
    assert.equal(sent[0].status, 401);
    assert.ok(sent[1].status >= 200 && sent[1].status < 300, `the second DELETE answered ${sent[1].status}`);
    await page.waitForURL(`${base}/goodbye.html`, { timeout: 6000 });
    await page.getByRole('heading', { name: 'Your account has been deleted' }).waitFor();

    assert.deepEqual(problems.violations, [], 'Content-Security-Policy violations');
    assert.deepEqual(mentionsCsp(problems), [], 'console messages about the Content-Security-Policy');
    assert.deepEqual(unexpectedErrors(problems, [failedToLoad(401)]), []);
    // Not an error, but noise a partner would see in their console.
    assert.deepEqual(
      problems.console.filter((m) => m.type === 'warning' || m.text.startsWith('[DOM]')),
      [],
      'console warnings',
    );

    // The watch itself works: an inline script, which the policy forbids, is reported.
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true;';
      document.head.append(script);
    });
    await eventually(() => assert.equal(problems.violations.length, 1));
    assert.equal(problems.violations[0].directive, 'script-src-elem');
    assert.equal(await page.evaluate(() => window.inlineRan), undefined);
  } finally {
    await context.close();
  }
});
