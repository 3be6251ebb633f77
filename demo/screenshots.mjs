// `npm run screenshots`: pictures of the states a person meets in the panel, taken from the real demo
// in headless Chromium, saved to docs/screenshots/ (shown in the README).
//   npm run screenshots                  builds the kit, then takes every picture
//   npm run screenshots -- --no-build    uses dist/ as it is
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, findBrowser, INSTALL_HINT } from '../test/find-browser.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'docs', 'screenshots');
const ACCOUNT_NAME = 'Acme Corp';
/** Wide enough for the demo's two columns; one CSS pixel per image pixel keeps the files small. */
const VIEWPORT = { width: 1000, height: 900 };

const STRINGS = {
  en: {
    radio: 'English',
    checks: 'Account deletion checks',
    name: 'Type the account name to confirm',
    deleteButton: 'Delete account',
    checkAgain: 'Check again',
    blocked: '3 items block deletion.',
    ready: 'Nothing blocks deletion any more.',
    deleting: 'Deleting your account…',
    deleted: 'Your account has been successfully deleted.',
    notConfirmed: 'the deletion was not confirmed',
  },
  'pt-BR': {
    radio: 'Português (Brasil)',
    checks: 'Verificações para excluir a conta',
    name: 'Digite o nome da conta para confirmar',
    deleteButton: 'Excluir conta',
    checkAgain: 'Verificar de novo',
    blocked: '3 itens impedem a exclusão.',
    ready: 'Nada mais impede a exclusão.',
    deleting: 'Excluindo sua conta…',
    deleted: 'Sua conta foi excluída com sucesso.',
    notConfirmed: 'a exclusão não foi confirmada',
  },
};
const THEMES = { light: 'Light', dark: 'Dark', brand: 'Brand (custom properties and parts)', forced: 'Light' };

/**
 * What each picture set covers: every state in English, the ones with most text in pt-BR; light and dark.
 * `window` runs open the account page's Delete account button and picture the whole screen with the window
 * on it; the others picture the inline panel, at the demo's width or at a phone's (320) and a tablet's (768).
 */
const RUNS = [
  { lang: 'en', theme: 'light', states: ['blocked', 'ready', 'deleting', 'deleted', 'error'], fullPage: true },
  { lang: 'en', theme: 'dark', states: ['blocked', 'ready', 'deleting', 'deleted', 'error'] },
  { lang: 'pt-BR', theme: 'light', states: ['blocked', 'ready', 'deleted', 'error'] },
  { lang: 'pt-BR', theme: 'dark', states: ['blocked', 'ready', 'deleted', 'error'] },
  { lang: 'en', theme: 'light', states: ['blocked', 'ready', 'deleting', 'deleted', 'error'], window: true, width: 1280 },
  { lang: 'en', theme: 'dark', states: ['blocked', 'ready', 'deleting', 'deleted', 'error'], window: true, width: 1280 },
  { lang: 'en', theme: 'light', states: ['blocked', 'ready'], width: 320 },
  { lang: 'en', theme: 'light', states: ['blocked', 'ready'], width: 768 },
  // The brand theme (custom properties and parts, as a host would theme it) and forced colours.
  { lang: 'en', theme: 'brand', states: ['blocked', 'ready', 'deleting', 'error'] },
  { lang: 'en', theme: 'forced', states: ['blocked', 'ready', 'deleting', 'error'] },
];

async function startServer() {
  const args = [join(root, 'demo', 'server.mjs')];
  if (process.argv.includes('--no-build')) args.push('--no-build');
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  process.once('exit', () => child.kill('SIGKILL'));
  let output = '';
  const port = await new Promise((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      output += chunk;
      const match = /running at http:\/\/\S+?:(\d+)\//.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`The demo server exited (${code}):\n${output}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => new Promise((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', resolve), child.kill('SIGTERM')))),
  };
}

function pageHelpers(page, s, inWindow) {
  // Locators reach into shadow roots: the window's panel, or the inline one.
  const panel = inWindow ? page.getByRole('dialog', { name: s.deleteButton }) : page.locator('main > account-delete-panel');
  const deleteButton = panel.getByRole('button', { name: s.deleteButton, exact: true });
  /** Waits until the panel's live region says `text`. */
  const says = (text, timeout = 10_000) => panel.locator('[role="status"]', { hasText: text }).first().waitFor({ timeout });
  return {
    panel,
    deleteButton,
    says,
    /**
     * Resolves everything with the demo's tools, runs `setup` (more tools) while they can be reached, then
     * checks again and types the name. A modal window keeps the page out of reach: it is closed for the tools
     * and opened again, which checks again.
     */
    async resolveAndConfirm(setup = async () => {}) {
      if (inWindow) {
        await page.keyboard.press('Escape');
        await panel.waitFor({ state: 'hidden' });
      }
      await page.getByRole('button', { name: 'Resolve everything' }).click();
      await setup();
      if (inWindow) await page.locator('account-delete-dialog [part="trigger"]').click();
      else await panel.getByRole('button', { name: s.checkAgain }).click();
      await says(s.ready);
      // A click, then the name, as a person does (the panel lets go of kept heights at the click).
      await panel.getByRole('textbox', { name: s.name }).click();
      await panel.getByRole('textbox', { name: s.name }).fill(ACCOUNT_NAME);
      await panel.locator('[part~="delete-button"][aria-disabled="false"]').waitFor();
    },
  };
}

/** A fresh account (opening the demo resets it) in the given language, theme and width; the window open if asked. */
async function openDemo(browser, base, { lang, theme, width, window: inWindow = false }) {
  const viewport = { ...VIEWPORT, ...(width ? { width } : {}), ...(inWindow ? { height: 800 } : {}) };
  const context = await browser.newContext({
    viewport,
    deviceScaleFactor: 1,
    colorScheme: theme === 'dark' ? 'dark' : 'light',
    forcedColors: theme === 'forced' ? 'active' : 'none',
    locale: lang,
  });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`page error: ${error}`));
  await page.goto(base);
  const s = STRINGS[lang];
  await page.getByRole('radio', { name: THEMES[theme] }).check();
  await page.getByRole('radio', { name: s.radio }).check();
  if (inWindow) {
    // The demo tools sit below the account card at this width: the window opens over the account page.
    await page.locator('account-delete-dialog [part="trigger"]').click();
  }
  const helpers = pageHelpers(page, s, inWindow);
  await helpers.panel.getByRole('list', { name: s.checks }).waitFor();
  return { context, page, s, ...helpers, target: inWindow ? page : helpers.panel };
}

const saved = [];
/** A picture of `target`: an element (cropped to it), a whole page (top to bottom) or what the screen shows. */
async function shoot(target, name, { viewportOnly = false } = {}) {
  const path = join(outDir, `${name}.png`);
  // Frozen animations: the same picture on every run, spinner and all.
  const fullPage = 'mainFrame' in target && !viewportOnly;
  if (fullPage) await target.evaluate(() => window.scrollTo(0, 0));
  await target.screenshot({ path, animations: 'disabled', ...(fullPage ? { fullPage: true } : {}) });
  saved.push(path);
  console.log(`  ${name}.png (${(statSync(path).size / 1024).toFixed(0)} KB)`);
}

async function run(browser, base, options) {
  const { lang, theme, states, fullPage, width, window: inWindow } = options;
  const prefix = `${inWindow ? 'window-' : ''}${lang === 'en' ? '' : `${lang}-`}`;
  const suffix = `${width && !inWindow ? `-${width}` : ''}-${theme}`;
  const want = new Set(states);
  const picture = (demo, state) => shoot(demo.target, `${prefix}${state}${suffix}`, { viewportOnly: inWindow });

  // blocked → ready → deleting → deleted, in one visit, as a person goes through it.
  {
    const demo = await openDemo(browser, base, options);
    try {
      await demo.says(demo.s.blocked);
      await demo.page.mouse.move(0, 0);
      if (want.has('blocked')) await picture(demo, 'blocked');
      if (fullPage) await shoot(demo.page, 'demo-page');
      if (want.has('ready') || want.has('deleting') || want.has('deleted')) {
        // Latency keeps the DELETE pending long enough to see it.
        await demo.resolveAndConfirm(async () => {
          if (want.has('deleting')) await demo.page.getByRole('combobox', { name: 'Added latency' }).selectOption('3000');
        });
        await demo.page.mouse.move(0, 0);
        if (want.has('ready')) await picture(demo, 'ready');
        if (!want.has('deleting') && !want.has('deleted')) return;
        await sleep(100);
        await demo.deleteButton.click();
        await demo.page.mouse.move(0, 0);
        if (want.has('deleting')) {
          await demo.says(demo.s.deleting);
          await picture(demo, 'deleting');
        }
        // The success message stays 3 s before the redirect: time enough for the picture.
        await demo.says(demo.s.deleted, 15_000);
        if (want.has('deleted')) await picture(demo, 'deleted');
      }
    } finally {
      await demo.context.close();
    }
  }

  // A 500 on the deletion: the alert, and Delete usable again to repeat it.
  if (want.has('error')) {
    const demo = await openDemo(browser, base, options);
    try {
      await demo.resolveAndConfirm(async () => {
        await demo.page.getByRole('combobox', { name: 'Kind of failure' }).selectOption('server-error');
        await demo.page.getByRole('button', { name: 'Queue the failure' }).click();
        await demo.page.locator('#faults').getByText('500 server error').waitFor();
      });
      await demo.deleteButton.click();
      await demo.panel.getByRole('alert').getByText(demo.s.notConfirmed).waitFor();
      await demo.page.mouse.move(0, 0);
      await picture(demo, 'error');
    } finally {
      await demo.context.close();
    }
  }
}

async function main() {
  const executablePath = findBrowser();
  if (!executablePath) throw new Error(INSTALL_HINT);
  mkdirSync(outDir, { recursive: true });
  // Pictures of states no longer taken should not linger.
  for (const file of readdirSync(outDir)) if (file.endsWith('.png')) rmSync(join(outDir, file));

  const server = await startServer();
  let browser;
  try {
    browser = await chromium.launch({ executablePath, headless: true, args: chromiumArgs.filter((arg) => !arg.startsWith('--headless')) });
    for (const options of RUNS) {
      console.log(`${options.window ? 'window, ' : ''}${options.lang}, ${options.theme}${options.width ? `, ${options.width} px` : ''}:`);
      await run(browser, server.url, options);
    }
  } finally {
    await browser?.close();
    await server.stop();
  }
  console.log(`\n${saved.length} pictures in docs/screenshots/.`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
