// The whole flow by keyboard alone, against the real demo: resolve every blocker through the demo's
// controls, see the panel check again when its tab regains the focus (or on "Check again"), confirm,
// delete, and land on the goodbye page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  ACCOUNT_NAME,
  DELETED_TEXT,
  checks,
  control,
  deletes,
  eventually,
  failedToLoad,
  isFocused,
  openDemo,
  requestLog,
  startE2E,
  tabTo,
  unexpectedErrors,
} from './harness.mjs';

/** The panel checks again on return to the tab at most once per this many ms. */
const RECHECK_INTERVAL = 5000;

let e2e;
before(async () => {
  e2e = await startE2E();
});
after(async () => {
  await e2e?.close();
});

async function assertBlocked(panel) {
  await eventually(async () => assert.equal(await panel.deleteButton.getAttribute('aria-disabled'), 'true'));
}

test('keyboard only: resolve the blockers in the demo controls, come back to the tab, confirm, delete, land on the goodbye page', { timeout: 30_000 }, async () => {
  const base = e2e.server.url;
  const { context, page, panel, problems } = await openDemo(e2e.browser, base, { realFocus: true });
  try {
    await panel.checks.waitFor();
    await eventually(async () => assert.equal(await panel.items.count(), 3));
    await eventually(async () => assert.match(await panel.status.innerText(), /3 items block deletion/));
    await assertBlocked(panel);

    // Each blocker is a checkbox in the demo's "Backend controls": Tab to it, Space unchecks it.
    for (const label of [
      'DNS zone acme.com is active',
      'DNS zone acme.dev is active',
      'Edge application acme-storefront exists',
      'A debt of 120.50 USD is unpaid',
    ]) {
      const box = page.getByRole('checkbox', { name: label });
      await tabTo(page, box);
      await page.keyboard.press('Space');
      await eventually(async () => assert.equal(await box.isChecked(), false, `${label} is still checked`));
    }
    const { state } = await eventually(async () => {
      const snapshot = await (await fetch(`${base}/__backend/state`)).json();
      assert.ok(snapshot.state.dnsZones.every((zone) => !zone.active) && snapshot.state.debt === null, 'the backend still has blockers');
      return snapshot;
    });
    assert.ok(state.edgeApplications.every((app) => app.removed));

    // The panel has not looked yet: it shows what it read last and keeps the button unusable.
    await assertBlocked(panel);
    const before = checks(await requestLog(base));
    const lastCheck = Date.parse(before.at(-1).time);

    // Leave the tab and come back, as a person who resolved things in the console tab does. The panel
    // checks again on return at most once per 5 s, so the return comes at least 5 s after the last check.
    const other = await context.newPage();
    await other.goto(`${base}/console.html`);
    await other.bringToFront();
    await sleep(Math.max(0, lastCheck + RECHECK_INTERVAL + 200 - Date.now()));
    await page.bringToFront();
    await other.close();

    await eventually(async () => assert.equal(checks(await requestLog(base)).length, before.length + 1, 'no new check after the return'));
    await eventually(async () => assert.match(await panel.status.innerText(), /Nothing blocks deletion any more/));
    for (const label of await panel.items.evaluateAll((items) => items.map((item) => item.getAttribute('aria-label')))) {
      assert.match(label, /: resolved$/);
    }
    // Still unusable: the name is not typed yet.
    await assertBlocked(panel);

    // The focus is still on the debt checkbox in the aside; the panel comes before it.
    await tabTo(page, panel.name, { backward: true });
    await page.keyboard.type(ACCOUNT_NAME);
    await eventually(async () => assert.equal(await panel.deleteButton.getAttribute('aria-disabled'), 'false'));

    await tabTo(page, panel.deleteButton);
    await page.keyboard.press('Enter');
    await eventually(async () => assert.ok((await panel.status.innerText()).includes(DELETED_TEXT)));
    // The focus moves to the message, so a keyboard user is not left on a button that is gone.
    await eventually(async () => assert.ok(await isFocused(panel.host.locator('[part~="success"]')), 'the success message has the focus'));

    const sent = deletes(await requestLog(base));
    assert.equal(sent.length, 1, 'exactly one DELETE');
    assert.equal(sent[0].path, '/v3/account/1234');
    assert.ok(sent[0].status >= 200 && sent[0].status < 300, `the DELETE answered ${sent[0].status}`);
    assert.ok(sent[0].idempotencyKey, 'the DELETE carries an Idempotency-Key');

    await page.waitForURL(`${base}/goodbye.html`, { timeout: 6000 });
    await page.getByRole('heading', { name: 'Your account has been deleted' }).waitFor();
    assert.deepEqual(unexpectedErrors(problems), []);
  } finally {
    await context.close();
  }
});

test('keyboard only, second path: "Resolve everything", then "Check again", then Enter in the name field', { timeout: 20_000 }, async () => {
  const base = e2e.server.url;
  const { context, page, panel, problems } = await openDemo(e2e.browser, base);
  try {
    await panel.checks.waitFor();
    await assertBlocked(panel);

    await tabTo(page, page.getByRole('button', { name: 'Resolve everything' }));
    await page.keyboard.press('Enter');
    await eventually(async () => assert.match(await page.locator('#account-summary').innerText(), /nothing blocks deletion/));
    await assertBlocked(panel);

    // Back into the panel: "Check again" comes before the name field and the Delete button.
    await tabTo(page, panel.checkAgain, { backward: true });
    await page.keyboard.press('Space');
    await eventually(async () => assert.match(await panel.status.innerText(), /Nothing blocks deletion any more/));

    await tabTo(page, panel.name);
    await page.keyboard.type(ACCOUNT_NAME);
    await eventually(async () => assert.equal(await panel.deleteButton.getAttribute('aria-disabled'), 'false'));
    // Enter in the only text field submits the panel's form, as in any form.
    await page.keyboard.press('Enter');
    await eventually(async () => assert.ok((await panel.status.innerText()).includes(DELETED_TEXT)));
    assert.equal(deletes(await requestLog(base)).length, 1, 'exactly one DELETE');
    assert.deepEqual(unexpectedErrors(problems), []);
  } finally {
    await context.close();
  }
});

test('keyboard only, a fresh sign-in: Enter in the demo password field signs in, and the deletion goes on', { timeout: 20_000 }, async () => {
  const base = e2e.server.url;
  const { context, page, panel, problems } = await openDemo(e2e.browser, base);
  try {
    await panel.checks.waitFor();
    await control(base, 'POST', '/resolve-all');
    await control(base, 'POST', '/faults', { kind: 'reauthentication-required', on: 'delete' });

    await tabTo(page, panel.checkAgain, { backward: true });
    await page.keyboard.press('Space');
    await eventually(async () => assert.match(await panel.status.innerText(), /Nothing blocks deletion any more/));
    await tabTo(page, panel.name);
    await page.keyboard.type(ACCOUNT_NAME);
    await page.keyboard.press('Enter');

    // The host's dialog opens with the focus in its password field; Enter there is "Sign in".
    const password = page.getByLabel('Password for jane@acme.example');
    await eventually(async () => assert.ok(await isFocused(password), 'the password field has the focus'));
    await page.keyboard.type('any password');
    await page.keyboard.press('Enter');

    await eventually(async () => assert.ok((await panel.status.innerText()).includes(DELETED_TEXT)));
    const sent = deletes(await requestLog(base));
    assert.deepEqual(sent.map((request) => request.status), [401, 204], 'the refused DELETE, then the one after the sign-in');
    assert.deepEqual(unexpectedErrors(problems, [failedToLoad(401)]), []);
  } finally {
    await context.close();
  }
});
