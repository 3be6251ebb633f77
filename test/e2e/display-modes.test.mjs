// The panel under the display settings a user may have: forced colours (Windows High Contrast) and
// reduced motion. Colour is never the only signal, and nothing spins for a user who asked for stillness.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ACCOUNT_NAME, control, eventually, openDemo, startE2E } from './harness.mjs';

let e2e;
before(async () => {
  e2e = await startE2E();
});
after(async () => {
  await e2e?.close();
});

/** Computed style of a part inside the panel's shadow root. */
const styleOf = (page, part, property) =>
  page.evaluate(
    ([part, property]) => {
      const node = document.querySelector('account-delete-panel').shadowRoot.querySelector(`[part~="${part}"]`);
      return node ? getComputedStyle(node).getPropertyValue(property) : null;
    },
    [part, property],
  );

test('in forced colours, an unusable Delete button and each check still say what they are without colour', { timeout: 20_000 }, async () => {
  const { page, panel, context } = await openDemo(e2e.browser, e2e.server.url);
  try {
    await page.emulateMedia({ forcedColors: 'active' });
    await panel.items.first().waitFor();
    assert.equal(await page.evaluate(() => matchMedia('(forced-colors: active)').matches), true);
    // The unusable button keeps a visible outline in the system's colour for what cannot be used
    // (GrayText, not the usable button's ButtonText), and its reason is written beside it.
    assert.equal(await styleOf(page, 'delete-button', 'border-top-style'), 'solid');
    const unusable = await styleOf(page, 'delete-button', 'border-top-color');
    assert.notEqual(unusable, 'rgba(0, 0, 0, 0)');
    assert.notEqual(unusable, await styleOf(page, 'recheck-button', 'border-top-color'), 'not the colour of a usable button');
    assert.match(await panel.host.locator('[part="reason"]').innerText(), /Resolve 3 items first/);
    // Each check carries its state in a symbol and in words, not in its colour.
    const icons = await panel.items.locator('.icon').allInnerTexts();
    assert.deepEqual(icons, ['!', '!', '!']);
    await control(e2e.server.url, 'POST', '/resolve-all');
    await panel.checkAgain.click();
    await eventually(async () => assert.deepEqual(await panel.items.locator('.icon').allInnerTexts(), ['✓', '✓', '✓']));
    assert.match(await panel.items.first().innerText(), /resolved/);
  } finally {
    await context.close();
  }
});

test('with reduced motion, the progress shown while deleting does not spin', { timeout: 20_000 }, async () => {
  for (const reducedMotion of ['no-preference', 'reduce']) {
    const { page, panel, context } = await openDemo(e2e.browser, e2e.server.url);
    try {
      await page.emulateMedia({ reducedMotion });
      await control(e2e.server.url, 'POST', '/resolve-all');
      await panel.checkAgain.click();
      await panel.name.fill(ACCOUNT_NAME);
      await eventually(async () => assert.equal(await panel.deleteButton.getAttribute('aria-disabled'), 'false'));
      await control(e2e.server.url, 'POST', '/latency', { ms: 3000 });
      await panel.deleteButton.click();
      await panel.host.locator('.spinner').waitFor();
      const animation = await page.evaluate(
        () => getComputedStyle(document.querySelector('account-delete-panel').shadowRoot.querySelector('.spinner')).animationName,
      );
      assert.equal(animation, reducedMotion === 'reduce' ? 'none' : 'spin', reducedMotion);
    } finally {
      await control(e2e.server.url, 'POST', '/latency', { ms: 0 });
      await context.close();
    }
  }
});
