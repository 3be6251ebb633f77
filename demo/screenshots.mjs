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
const THEMES = { light: 'Light', dark: 'Dark' };

/** What each picture set covers: every state in English, the ones with most text in pt-BR; light and dark. */
const RUNS = [
  { lang: 'en', theme: 'light', states: ['blocked', 'ready', 'deleting', 'deleted', 'error'], fullPage: true },
  { lang: 'en', theme: 'dark', states: ['blocked', 'ready', 'deleting', 'deleted', 'error'] },
  { lang: 'pt-BR', theme: 'light', states: ['blocked', 'ready', 'deleted', 'error'] },
  { lang: 'pt-BR', theme: 'dark', states: ['blocked', 'ready', 'deleted', 'error'] },
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

function pageHelpers(page, s) {
  const panel = page.locator('account-delete-panel');
  const deleteButton = panel.getByRole('button', { name: s.deleteButton, exact: true });
  const status = panel.getByRole('status');
  /** Waits until the panel's live region says `text`. */
  const says = (text, timeout = 10_000) =>
    page.waitForFunction(
      ([expected]) => document.querySelector('account-delete-panel')?.shadowRoot?.querySelector('[role="status"]')?.textContent?.includes(expected),
      [text],
      { timeout },
    );
  return {
    panel,
    deleteButton,
    status,
    says,
    async resolveAndConfirm() {
      await page.getByRole('button', { name: 'Resolve everything' }).click();
      await panel.getByRole('button', { name: s.checkAgain }).click();
      await says(s.ready);
      await panel.getByRole('textbox', { name: s.name }).fill(ACCOUNT_NAME);
      await page.waitForFunction(
        () =>
          document
            .querySelector('account-delete-panel')
            ?.shadowRoot?.querySelector('[part~="delete-button"]')
            ?.getAttribute('aria-disabled') === 'false',
      );
    },
  };
}

/** A fresh account (opening the demo resets it) in the given language and theme. */
async function openDemo(browser, base, { lang, theme }) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, colorScheme: theme, locale: lang });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`page error: ${error}`));
  await page.goto(base);
  const s = STRINGS[lang];
  await page.getByRole('radio', { name: THEMES[theme] }).check();
  await page.getByRole('radio', { name: s.radio }).check();
  await page.locator('account-delete-panel').getByRole('list', { name: s.checks }).waitFor();
  return { context, page, s, ...pageHelpers(page, s) };
}

const saved = [];
/** A picture of `target`: an element (cropped to it) or a whole page (top to bottom). */
async function shoot(target, name) {
  const path = join(outDir, `${name}.png`);
  // Frozen animations: the same picture on every run, spinner and all.
  const fullPage = 'mainFrame' in target;
  if (fullPage) await target.evaluate(() => window.scrollTo(0, 0));
  await target.screenshot({ path, animations: 'disabled', ...(fullPage ? { fullPage: true } : {}) });
  saved.push(path);
  console.log(`  ${name}.png (${(statSync(path).size / 1024).toFixed(0)} KB)`);
}

async function run(browser, base, { lang, theme, states, fullPage }) {
  const prefix = `${lang === 'en' ? '' : `${lang}-`}`;
  const suffix = `-${theme}`;
  const want = new Set(states);

  // blocked → ready → deleting → deleted, in one visit, as a person goes through it.
  {
    const demo = await openDemo(browser, base, { lang, theme });
    try {
      await demo.says(demo.s.blocked);
      await demo.page.mouse.move(0, 0);
      if (want.has('blocked')) await shoot(demo.panel, `${prefix}blocked${suffix}`);
      if (fullPage) await shoot(demo.page, 'demo-page');
      if (want.has('ready') || want.has('deleting') || want.has('deleted')) {
        await demo.resolveAndConfirm();
        if (want.has('ready')) await shoot(demo.panel, `${prefix}ready${suffix}`);
        // Latency keeps the DELETE pending long enough to see it.
        if (want.has('deleting')) await demo.page.getByRole('combobox', { name: 'Added latency' }).selectOption('3000');
        await sleep(100);
        await demo.deleteButton.click();
        await demo.page.mouse.move(0, 0);
        if (want.has('deleting')) {
          await demo.says(demo.s.deleting);
          await shoot(demo.panel, `${prefix}deleting${suffix}`);
        }
        // The success message stays 3 s before the redirect: time enough for the picture.
        await demo.says(demo.s.deleted, 15_000);
        if (want.has('deleted')) await shoot(demo.panel, `${prefix}deleted${suffix}`);
      }
    } finally {
      await demo.context.close();
    }
  }

  // A 500 on the deletion: the alert, and Delete usable again to repeat it.
  if (want.has('error')) {
    const demo = await openDemo(browser, base, { lang, theme });
    try {
      await demo.page.getByRole('combobox', { name: 'Kind of failure' }).selectOption('server-error');
      await demo.page.getByRole('button', { name: 'Queue the failure' }).click();
      await demo.page.locator('#faults').getByText('500 server error').waitFor();
      await demo.resolveAndConfirm();
      await demo.deleteButton.click();
      await demo.panel.getByRole('alert').getByText(demo.s.notConfirmed).waitFor();
      await demo.page.mouse.move(0, 0);
      await shoot(demo.panel, `${prefix}error${suffix}`);
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
      console.log(`${options.lang}, ${options.theme}:`);
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
