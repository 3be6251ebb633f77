// Failures the real server can answer with, through the demo: the 409 race (a blocker comes back
// between the check and the deletion), a 500 on the deletion followed by a successful repeat (Delete
// pressed again), and a deletion whose answer is lost, which Delete with the same key completes.
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
  unexpectedErrors,
} from './harness.mjs';

let e2e;
before(async () => {
  e2e = await startE2E();
});
after(async () => {
  await e2e?.close();
});

const usable = async (panel) => assert.equal(await panel.deleteButton.getAttribute('aria-disabled'), 'false');
const unusable = async (panel) => assert.equal(await panel.deleteButton.getAttribute('aria-disabled'), 'true');

/** "Check again", then waits until the panel says nothing blocks and the typed name makes the button usable. */
async function checkAgainAndConfirm(panel) {
  await panel.checkAgain.click();
  await eventually(async () => assert.match(await panel.status.innerText(), /Nothing blocks deletion any more/));
  await panel.name.fill(ACCOUNT_NAME);
  await eventually(() => usable(panel));
}

test('409 race: the panel shows the checks the server sent back and an alert, the button is unusable again, one DELETE was sent', { timeout: 25_000 }, async () => {
  const base = e2e.server.url;
  const { context, page, panel, problems } = await openDemo(e2e.browser, base);
  try {
    await panel.checks.waitFor();

    // Through the demo's own controls: queue the race, resolve everything.
    await page.getByRole('combobox', { name: 'Kind of failure' }).selectOption('race');
    await page.getByRole('button', { name: 'Queue the failure' }).click();
    await eventually(async () => assert.match(await page.locator('#faults').innerText(), /409 race on the next deletion/));
    await page.getByRole('button', { name: 'Resolve everything' }).click();
    await eventually(async () => assert.match(await page.locator('#account-summary').innerText(), /nothing blocks deletion/));

    await checkAgainAndConfirm(panel);
    const checksBefore = checks(await requestLog(base)).length;
    await panel.deleteButton.click();

    // The server's checks replace the ones the panel read: one DNS zone is active again.
    await eventually(async () => assert.match(await panel.alert.innerText(), /Something changed since the last check/));
    await eventually(async () =>
      assert.deepEqual(await panel.items.evaluateAll((items) => items.map((item) => item.getAttribute('aria-label'))), [
        'DNS zones: 1 active zone must be disabled (acme.com)',
        'Edge applications: resolved',
        'Debts: resolved',
      ]),
    );
    assert.match(await panel.status.innerText(), /1 item blocks deletion/);
    // The focus goes to the checks, where the way forward is.
    assert.ok(await isFocused(panel.checks), 'the checks list has the focus after the 409');
    await unusable(panel);
    // After a 409 the way forward is the checks, not a retry of the deletion: nothing in the alert to press.
    assert.equal(await panel.alert.getByRole('button').count(), 0, 'no button in the alert after a 409');

    // Give a stray second request time to arrive, then read the log.
    await sleep(750);
    const log = await requestLog(base);
    const sent = deletes(log);
    assert.equal(sent.length, 1, 'exactly one DELETE');
    assert.equal(sent[0].status, 409);
    assert.equal(sent[0].fault, 'race');
    // The 409 carried the checks, so the panel had no reason to ask again.
    assert.equal(checks(log).length, checksBefore);
    // Clicking the unusable button sends nothing either (force: Playwright would wait for an
    // aria-disabled button to become enabled; a person just clicks it).
    await panel.deleteButton.click({ force: true });
    await sleep(300);
    assert.equal(deletes(await requestLog(base)).length, 1, 'the unusable button sent a DELETE');

    // Resolving the zone again and checking again makes the deletion possible again, with a fresh key.
    await page.getByRole('checkbox', { name: 'DNS zone acme.com is active' }).uncheck();
    await eventually(async () => assert.match(await page.locator('#account-summary').innerText(), /nothing blocks deletion/));
    await panel.checkAgain.click();
    await eventually(async () => assert.equal(await panel.alert.innerText(), ''));
    await eventually(() => usable(panel));
    await panel.deleteButton.click();
    await eventually(async () => assert.ok((await panel.status.innerText()).includes(DELETED_TEXT)));
    const [first, second, ...more] = deletes(await requestLog(base));
    assert.equal(more.length, 0);
    assert.ok(second.status >= 200 && second.status < 300, `the second DELETE answered ${second.status}`);
    assert.notEqual(second.idempotencyKey, first.idempotencyKey, 'a refused deletion is a new one');

    assert.deepEqual(unexpectedErrors(problems, [failedToLoad(409)]), []);
  } finally {
    await context.close();
  }
});

test('a 500 on the DELETE, then Delete again: the same Idempotency-Key twice, then success and the goodbye page', { timeout: 25_000 }, async () => {
  const base = e2e.server.url;
  const { context, page, panel, problems } = await openDemo(e2e.browser, base);
  try {
    await panel.checks.waitFor();
    // Through the control API this time, as an integrator's own end-to-end test would.
    await control(base, 'POST', '/resolve-all');
    await control(base, 'POST', '/faults', { kind: 'server-error', on: 'delete' });

    await checkAgainAndConfirm(panel);
    await panel.deleteButton.click();

    await eventually(async () =>
      assert.match(await panel.alert.innerText(), /The server had a problem \(status 500\) and the deletion was not confirmed/),
    );
    // The server's request id is shown, so a user can quote it to support.
    const [failed] = deletes(await requestLog(base));
    assert.match(await panel.alert.innerText(), new RegExp(failed.requestId));
    assert.equal(failed.status, 500);
    assert.equal(failed.fault, 'server-error');
    assert.ok(failed.idempotencyKey, 'the DELETE carries an Idempotency-Key');

    await eventually(() => usable(panel));
    await panel.deleteButton.click();
    await eventually(async () => assert.ok((await panel.status.innerText()).includes(DELETED_TEXT)));
    const sent = deletes(await requestLog(base));
    assert.equal(sent.length, 2, 'two DELETEs');
    assert.equal(sent[1].idempotencyKey, sent[0].idempotencyKey, 'the retry reuses the Idempotency-Key');
    assert.ok(sent[1].status >= 200 && sent[1].status < 300, `the retry answered ${sent[1].status}`);

    await page.waitForURL(`${base}/goodbye.html`, { timeout: 6000 });
    assert.deepEqual(unexpectedErrors(problems, [failedToLoad(500)]), []);
  } finally {
    await context.close();
  }
});

test('the answer of a deletion is lost: Delete again with the same Idempotency-Key, and the server answers 204 again', { timeout: 25_000 }, async () => {
  const base = e2e.server.url;
  const { context, page, panel, problems } = await openDemo(e2e.browser, base);
  try {
    await panel.checks.waitFor();
    await control(base, 'POST', '/resolve-all');
    await control(base, 'POST', '/faults', { kind: 'lost-answer', on: 'delete' });

    await checkAgainAndConfirm(panel);
    await panel.deleteButton.click();
    await eventually(async () =>
      assert.match(await panel.alert.innerText(), /No answer came through from the server, so the deletion was not confirmed\. .*it is safe/),
    );
    const { state } = await (await fetch(`${base}/__backend/state`)).json();
    assert.equal(state.deleted, true, 'the server deleted the account all the same');

    await eventually(() => usable(panel));
    await panel.deleteButton.click();
    await eventually(async () => assert.ok((await panel.status.innerText()).includes(DELETED_TEXT)));
    const sent = deletes(await requestLog(base));
    assert.deepEqual(sent.map((request) => [request.fault ?? null, request.status ?? null]), [['lost-answer', null], [null, 204]]);
    assert.equal(sent[1].idempotencyKey, sent[0].idempotencyKey, 'the retry reuses the Idempotency-Key');

    await page.waitForURL(`${base}/goodbye.html`, { timeout: 6000 });
    assert.deepEqual(unexpectedErrors(problems, [/^Failed to load resource: net::ERR_EMPTY_RESPONSE$/]), []);
  } finally {
    await context.close();
  }
});
