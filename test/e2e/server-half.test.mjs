// The panel end to end against the server half: the demo answers /api with createDeletionHandler over
// the fake Azion API, so every check the panel shows was built from Azion-shaped answers, and every
// deletion went through the handler's re-check and its idempotency store. Azion-side failures are
// queued through the demo's own controls.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ACCOUNT_NAME, DELETED_TEXT, control, eventually, openDemo, startE2E, unexpectedErrors } from './harness.mjs';

let e2e;
before(async () => {
  e2e = await startE2E();
});
after(async () => {
  await e2e?.close();
});

const upstreamCalls = async (base) => (await control(base, 'GET', '/state')).upstream.requests;

test('a failing Azion call makes its check unavailable in the panel and keeps Delete unusable; once it answers, the deletion goes through the handler once', { timeout: 30_000 }, async () => {
  const base = e2e.server.url;
  const { context, page, panel, problems } = await openDemo(e2e.browser, base);
  try {
    await panel.checks.waitFor();
    // The checks came from the fake Azion API's own endpoints, through the server half.
    const first = await upstreamCalls(base);
    assert.deepEqual(
      [...new Set(first.map((call) => call.path.split('?')[0]))].sort(),
      ['/api/account/info', '/api/user/me', '/v4/payments/history', '/v4/workspace/applications', '/v4/workspace/dns/zones'],
    );
    // The session cookie the page was given went to Azion; the control API never shows it.
    assert.ok(first.every((call) => call.headers.cookie === '(hidden)'));

    // Everything resolved, then Azion's DNS zone list fails: queued through the demo's controls.
    await page.getByRole('button', { name: 'Resolve everything' }).click();
    await page.getByRole('combobox', { name: 'Kind of Azion failure' }).selectOption('server-error');
    await page.getByRole('combobox', { name: 'On the call to' }).selectOption('dns_zones');
    await page.getByRole('button', { name: 'Queue the Azion failure' }).click();
    await eventually(async () => assert.match(await page.locator('#upstream-faults').innerText(), /500 server error on DNS zones/));

    await panel.checkAgain.click();
    await eventually(async () => assert.match(await panel.items.first().getAttribute('aria-label'), /^DNS zones: This could not be checked: Azion's API answered 500/));
    await panel.name.fill(ACCOUNT_NAME);
    assert.equal(await panel.deleteButton.getAttribute('aria-disabled'), 'true', 'Delete stays unusable while a check is unavailable');
    await eventually(async () => assert.match(await page.locator('#upstream-log').innerText(), /GET \/v4\/workspace\/dns\/zones\?active=true&page=1&page_size=50\s+500 \(queued: 500 server error\)/));

    // The fault was used up: checking again finds nothing blocking, and the deletion goes through.
    await panel.checkAgain.click();
    await eventually(async () => assert.equal(await panel.deleteButton.getAttribute('aria-disabled'), 'false'));
    await panel.deleteButton.click();
    await eventually(async () => assert.ok((await panel.status.innerText()).includes(DELETED_TEXT)));

    const calls = await upstreamCalls(base);
    const deletes = calls.filter((call) => call.method === 'DELETE');
    assert.equal(deletes.length, 1, 'one DELETE reached Azion');
    assert.equal(deletes[0].path, '/v3/account/1234');
    assert.equal(deletes[0].headers.accept, 'application/json; version=3');
    assert.equal(deletes[0].status, 204);
    // The handler read every check again right before it: the DELETE came after a fresh account read.
    const beforeDelete = calls.slice(0, calls.indexOf(deletes[0]));
    assert.ok(beforeDelete.slice(-5).some((call) => call.path.startsWith('/v4/workspace/dns/zones')));
    assert.deepEqual(unexpectedErrors(problems), []);
  } finally {
    await context.close();
  }
});

test('an Azion 403 on the deletion reaches the panel as a refusal with Azion\'s own sentence, and nothing is deleted', { timeout: 30_000 }, async () => {
  const base = e2e.server.url;
  const { context, panel, problems } = await openDemo(e2e.browser, base);
  try {
    await panel.checks.waitFor();
    await control(base, 'POST', '/resolve-all');
    await control(base, 'POST', '/upstream/faults', { kind: 'forbidden', on: 'delete' });
    await panel.checkAgain.click();
    await panel.name.fill(ACCOUNT_NAME);
    await eventually(async () => assert.equal(await panel.deleteButton.getAttribute('aria-disabled'), 'false'));
    await panel.deleteButton.click();
    await eventually(async () => assert.match(await panel.alert.innerText(), /This account is not allowed to be deleted\./));
    const { state, requests } = await control(base, 'GET', '/state');
    assert.equal(state.deleted, false);
    assert.equal(requests.filter((r) => r.method === 'DELETE').at(-1).status, 403);
    assert.deepEqual(unexpectedErrors(problems, [/status of 403/]), []);
  } finally {
    await context.close();
  }
});
