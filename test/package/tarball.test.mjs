// Installs the packed tarball into a project outside this checkout and uses it the way a frontend team
// would: every export resolves, TypeScript compiles a consumer, the standalone module and the React
// wrapper work in Chromium. Run by `npm test` (node --test).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, extname, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { findBrowser, chromiumArgs } from '../find-browser.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const dev = pkg.devDependencies;
let project;
let tarball;
let browser;

const LEFT_OVER = 'dist/left-over-from-an-older-build.js';
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

before(async () => {
  project = mkdtempSync(join(tmpdir(), 'adk-consumer-'));
  // A file an older build left in dist/ (its source since moved): the build must not ship it.
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(join(root, LEFT_OVER), '// left over\n');
  // What `prepack` would do, kept out of the JSON that `npm pack` prints.
  run('npm', ['run', 'build'], root);
  const packed = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', project], root));
  tarball = join(project, packed[0].filename);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  run(
    'npm',
    [
      'install',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      tarball,
      `@lit/react@${dev['@lit/react']}`,
      `react@${dev.react}`,
      `react-dom@${dev['react-dom']}`,
      `@types/react@${dev['@types/react']}`,
      `@types/react-dom@${dev['@types/react-dom']}`,
      `@types/node@${dev['@types/node']}`,
      `typescript@${dev.typescript}`,
    ],
    project,
  );
  browser = await chromium.launch({ executablePath: findBrowser(), args: chromiumArgs });
}, { timeout: 240_000 });

after(async () => {
  await browser?.close();
  if (project) rmSync(project, { recursive: true, force: true });
});

test('the tarball ships built files and the manifest, and no sources or tests', () => {
  const files = JSON.parse(run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], root))[0].files.map((f) => f.path);
  assert.ok(files.includes('dist/account-delete-panel.standalone.js'));
  assert.ok(files.includes('custom-elements.json'));
  assert.ok(files.includes('README.md'));
  assert.deepEqual(files.filter((f) => /^(src|components|test|demo)\//.test(f) || f.endsWith('.ts') && !f.endsWith('.d.ts')), []);
  assert.ok(!files.includes(LEFT_OVER), 'the build empties dist/ first: nothing an older build left there ships');
});

test('a bare import in the package is only of a module its "sideEffects" lists: none for a bundler to warn about and drop', () => {
  // Before: \`import 'ky';\` and \`import '../errors.js';\` in files that used nothing of them (esbuild
  // warns of each, as ignored-bare-import, for code outside node_modules).
  const base = join(project, 'node_modules/account-deletion-kit');
  const listed = pkg.sideEffects.map((glob) => new RegExp(`^${glob.replace(/^\.\//, '').replace(/[.]/g, '\\.').replace(/\*/g, '[^/]*')}$`));
  const stray = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.js')) {
        for (const [, target] of readFileSync(path, 'utf8').matchAll(/^import ['"]([^'"]+)['"];/gm)) {
          const file = target.startsWith('.') ? relative(base, resolve(dirname(path), target)) : target;
          if (!listed.some((pattern) => pattern.test(file))) stray.push(`${relative(base, path)}: import '${target}'`);
        }
      }
    }
  };
  walk(join(base, 'dist'));
  assert.deepEqual(stray, []);
});

test('every export resolves to a file that exists in the installed package', () => {
  // Types only (`./vue`, `./jsx`): nothing to import at run time, a .d.ts for TypeScript.
  const typesOnly = Object.entries(pkg.exports).filter(([, target]) => typeof target === 'object' && !target.default);
  for (const [subpath, { types }] of typesOnly) {
    assert.ok(existsSync(join(project, 'node_modules/account-deletion-kit', types)), `${subpath}: ${types} is in the package`);
  }
  const subpaths = Object.keys(pkg.exports).filter((subpath) => !typesOnly.some(([other]) => other === subpath));
  writeFileSync(
    join(project, 'resolve.mjs'),
    `for (const p of ${JSON.stringify(subpaths)}) console.log(import.meta.resolve(p === '.' ? 'account-deletion-kit' : 'account-deletion-kit' + p.slice(1)));`,
  );
  const resolved = run('node', ['resolve.mjs'], project).trim().split('\n');
  assert.equal(resolved.length, subpaths.length);
  for (const url of resolved) {
    assert.ok(url.includes('/node_modules/account-deletion-kit/'), url);
    assert.ok(existsSync(fileURLToPath(url)), `${url} exists`);
  }
  const manifest = JSON.parse(readFileSync(join(project, 'node_modules/account-deletion-kit/custom-elements.json'), 'utf8'));
  const element = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'account-delete-panel');
  assert.ok(element, 'the manifest describes <account-delete-panel>');
  assert.deepEqual(
    element.events.map((e) => e.name).sort(),
    ['account-delete-checked', 'account-delete-error', 'account-delete-reauth-required', 'account-delete-request', 'account-deleted'],
  );
  // Every module the manifest points at (a definition, a re-export) is a file of the package.
  const pointedAt = manifest.modules.flatMap((m) => [m.path, ...(m.exports ?? []).map((e) => e.declaration?.module).filter(Boolean)]);
  for (const path of new Set(pointedAt)) {
    assert.ok(existsSync(join(project, 'node_modules/account-deletion-kit', path)), `the manifest's ${path} is in the package`);
  }
});

test('the manifest describes both elements: typed attributes and events, methods, parts, custom properties', () => {
  const manifest = JSON.parse(readFileSync(join(project, 'node_modules/account-deletion-kit/custom-elements.json'), 'utf8'));
  const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement);
  assert.deepEqual(elements.map((d) => d.tagName).sort(), ['account-delete-dialog', 'account-delete-panel']);
  for (const element of elements) {
    const where = `<${element.tagName}>`;
    assert.ok(element.summary, `${where} has a summary`);
    assert.ok(element.attributes.length >= 8 && element.attributes.every((a) => a.type?.text && a.fieldName && a.description), `${where}: every attribute typed`);
    assert.ok(element.events.every((e) => /^CustomEvent<\w+Detail>$/.test(e.type?.text)), `${where}: every event's detail typed`);
    assert.ok(element.cssParts.length >= 4 && element.cssProperties.length >= 1, `${where}: parts and custom properties`);
    assert.deepEqual(element.members.filter((m) => m.privacy === 'private' || m.privacy === 'protected' || m.name.startsWith('#')), [], `${where}: no private or protected member`);
    assert.ok(element.members.some((m) => m.kind === 'method' && m.name === 'retry' && m.return?.type?.text === 'Promise<void>'), `${where}: retry()`);
  }
  const panel = elements.find((d) => d.tagName === 'account-delete-panel');
  assert.deepEqual(
    panel.attributes.find((a) => a.name === 'api-base'),
    { name: 'api-base', type: { text: 'string | null' }, default: "'/api'", description: panel.attributes.find((a) => a.name === 'api-base').description, fieldName: 'apiBase' },
  );
  assert.equal(panel.attributes.find((a) => a.name === 'redirect-delay').type.text, 'number | null');
  // The window's parts: its own, and every part of the panel inside, which it passes on.
  const dialog = elements.find((d) => d.tagName === 'account-delete-dialog');
  const parts = dialog.cssParts.map((p) => p.name);
  for (const name of ['trigger', 'dialog', 'close-button', ...panel.cssParts.map((p) => p.name)]) assert.ok(parts.includes(name), `<account-delete-dialog> lists the part ${name}`);
});

test("editors' data, generated from the manifest, names both elements where VS Code and JetBrains look", () => {
  const installed = join(project, 'node_modules/account-deletion-kit');
  const read = (path) => JSON.parse(readFileSync(join(installed, path), 'utf8'));
  const tags = ['account-delete-panel', 'account-delete-dialog'];
  // JetBrains IDEs read the `web-types` field of an installed package.
  const webTypes = read(read('package.json')['web-types']);
  assert.deepEqual([webTypes.name, webTypes.version], [pkg.name, pkg.version]);
  assert.deepEqual(webTypes.contributions.html.elements.map((e) => e.name), tags);
  const panel = webTypes.contributions.html.elements[0];
  assert.deepEqual(panel.attributes.find((a) => a.name === 'redirect-delay').value, { type: 'number | null', default: '3000' });
  assert.ok(panel.js.events.some((e) => e.name === 'account-deleted' && e.type === 'CustomEvent<AccountDeletedDetail>'));
  // VS Code reads the files that html.customData and css.customData name.
  const html = read('dist/vscode.html-custom-data.json');
  assert.deepEqual(html.tags.map((t) => t.name), tags);
  assert.deepEqual(html.tags[0].attributes.find((a) => a.name === 'confirmation').values, [{ name: 'account-name' }, { name: 'none' }]);
  const css = read('dist/vscode.css-custom-data.json');
  assert.ok(css.properties.some((p) => p.name === '--account-delete-dialog-width'));
  assert.ok(css.pseudoElements.some((p) => p.name === '::part(delete-button)'));
});

test('a plain install brings no React package, and the React entry then names what it lacks', async () => {
  const plain = mkdtempSync(join(tmpdir(), 'adk-plain-'));
  try {
    writeFileSync(join(plain, 'package.json'), JSON.stringify({ name: 'plain', private: true, type: 'module' }));
    run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], plain);
    // What is on disk: npm's record of the installed tree (`npm ls` lists missing optional peers too).
    const installed = Object.keys(JSON.parse(readFileSync(join(plain, 'node_modules/.package-lock.json'), 'utf8')).packages);
    const names = new Set(installed.map((path) => path.replace(/^.*node_modules\//, '')));
    assert.deepEqual(['@lit/react', 'react', 'react-dom', '@types/react'].filter((name) => names.has(name)), [], 'no React package');
    assert.ok(['lit', 'ky', '@lit/task'].every((name) => names.has(name)), 'the real dependencies are there');
    // `account-deletion-kit/react` without its optional peers: the bundler says which package is missing.
    writeFileSync(join(plain, 'app.js'), `import { AccountDeletePanel } from 'account-deletion-kit/react';\nconsole.log(AccountDeletePanel);\n`);
    await assert.rejects(
      build({ entryPoints: [join(plain, 'app.js')], bundle: true, write: false, absWorkingDir: plain, logLevel: 'silent' }),
      (error) => error.errors.some((e) => /Could not resolve "@lit\/react"/.test(e.text)),
    );
  } finally {
    rmSync(plain, { recursive: true, force: true });
  }
});

test('the SDK and the fake backend run in Node from the installed package', () => {
  writeFileSync(
    join(project, 'flow.mjs'),
    `import { createAccountDeletionClient } from 'account-deletion-kit';
import { createFakeBackend, createFakeFetch } from 'account-deletion-kit/testing';
const backend = createFakeBackend();
const apiBase = 'http://localhost/api';
const client = createAccountDeletionClient({ apiBase, fetch: createFakeFetch(backend, { apiBase }) });
const before = await client.getPreconditions();
backend.resolveAll();
const after = await client.getPreconditions();
const result = await client.deleteAccount(after.account.id);
console.log(JSON.stringify({ before: before.deletable, after: after.deletable, alreadyDeleted: result.alreadyDeleted }));`,
  );
  assert.deepEqual(JSON.parse(run('node', ['flow.mjs'], project)), { before: false, after: true, alreadyDeleted: false });
});

test('Node 20 runs a whole deletion with the headless flow from the installed package', () => {
  writeFileSync(
    join(project, 'headless.mjs'),
    `import { createAccountDeletionClient } from 'account-deletion-kit';
import { createDeletionFlow, en, statusText } from 'account-deletion-kit/flow';
import { createFakeBackend, createFakeFetch } from 'account-deletion-kit/testing';
const backend = createFakeBackend();
const apiBase = 'http://localhost/api';
const client = createAccountDeletionClient({ apiBase, fetch: createFakeFetch(backend, { apiBase }) });
const navigated = [];
const flow = createDeletionFlow({ client, redirectDelay: 0, navigate: (url) => navigated.push(url) });
const seen = [];
flow.subscribe(() => seen.push(flow.getSnapshot().status));
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
flow.send({ type: 'check' });
await settle();
const blocked = statusText(flow.getSnapshot(), en);
backend.resolveAll();
flow.send({ type: 'check' });
await settle();
flow.send({ type: 'confirm', value: 'Acme Corp' });
flow.send({ type: 'delete' });
await settle();
flow.dispose();
console.log(JSON.stringify({ seen: [...new Set(seen)], blocked, deleted: backend.state.deleted, navigated, lit: typeof globalThis.customElements }));`,
  );
  assert.deepEqual(JSON.parse(run('node', ['headless.mjs'], project)), {
    seen: ['checking', 'blocked', 'ready', 'deleting', 'deleted'],
    blocked: '3 items block deletion.',
    deleted: true,
    navigated: ['https://www.azion.com/'],
    lit: 'undefined',
  });
});

test("the README's fake-backend example runs as written under node --test", () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('\n## Testing with the fake backend\n'));
  const example = /```ts\n([\s\S]*?)```/.exec(section)[1];
  writeFileSync(
    join(project, 'readme-example.test.mjs'),
    // The example as its module's body (its imports and awaits at the top level), then a test that it got through.
    `import { test } from 'node:test';\n${example}\ntest('the README example ran to its end', () => {});\n`,
  );
  // A test run of its own, as a newcomer's: not a child reporting to this one.
  const env = { ...process.env };
  delete env.NODE_TEST_CONTEXT;
  const output = execFileSync('node', ['--test', 'readme-example.test.mjs'], { cwd: project, env, encoding: 'utf8' });
  assert.match(output, /# pass 1/);
  assert.match(output, /'GET \/v4\/account\/deletion\/preconditions 200'/);
});

test('a relative apiBase in Node is a TypeError that says why', () => {
  writeFileSync(
    join(project, 'relative.mjs'),
    `import { createAccountDeletionClient } from 'account-deletion-kit';
try { createAccountDeletionClient({ apiBase: '/api' }); console.log('no error'); } catch (error) { console.log(error.name + ': ' + error.message); }`,
  );
  assert.match(run('node', ['relative.mjs'], project), /^TypeError: .*needs an apiBase that is absolute where there is no page to resolve "\/api" against/);
});

test('the server half serves the two endpoints on node:http from the installed package, over the fake Azion API', () => {
  writeFileSync(
    join(project, 'server.mjs'),
    `import http from 'node:http';
import { azion, createDeletionHandler, memoryStore } from 'account-deletion-kit/server';
import { toNodeHandler } from 'account-deletion-kit/server/node';
import { createFakeAzionApi } from 'account-deletion-kit/testing';
const upstream = createFakeAzionApi();
const handler = createDeletionHandler({ basePath: '/api', ...azion({ auth: { token: 't' }, fetch: upstream.fetch }), idempotency: memoryStore() });
const server = http.createServer(toNodeHandler(handler));
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const base = 'http://127.0.0.1:' + server.address().port + '/api';
const before = (await (await fetch(base + '/v4/account/deletion/preconditions')).json()).data.deletable;
upstream.resolveAll();
const after = (await (await fetch(base + '/v4/account/deletion/preconditions')).json()).data.deletable;
const deleted = (await fetch(base + '/v3/account/1234', { method: 'DELETE', headers: { 'idempotency-key': 'k' } })).status;
server.close();
console.log(JSON.stringify({ before, after, deleted }));`,
  );
  assert.deepEqual(JSON.parse(run('node', ['server.mjs'], project)), { before: false, after: true, deleted: 204 });
});

test("TypeScript compiles a backend consumer of the server half under Node's types, with no DOM library", () => {
  writeFileSync(
    join(project, 'backend.ts'),
    `import { azion, createDeletionHandler, memoryStore, UpstreamError, type CheckSource, type IdempotencyStore } from 'account-deletion-kit/server';
import { toNodeHandler } from 'account-deletion-kit/server/node';
import http from 'node:http';
const store: IdempotencyStore = memoryStore();
const own: CheckSource = { type: 'own', evaluate: async ({ signal }) => ({ type: 'own', status: signal.aborted ? 'unavailable' : 'passed', count: 0 }) };
const handler = createDeletionHandler({ basePath: '/api', ...azion({ auth: 'forward' }), checks: [own], idempotency: store });
const answer: Promise<Response> = handler(new Request('http://localhost/api/v4/account/deletion/preconditions'));
http.createServer(toNodeHandler(handler));
console.log(answer, new UpstreamError(403, 'no').status);
`,
  );
  writeFileSync(
    join(project, 'tsconfig.backend.json'),
    JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022'], types: ['node'] },
      files: ['backend.ts'],
    }),
  );
  run(join(project, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.backend.json'], project);
});

test('TypeScript compiles a consumer of the SDK types, the element type and its events', () => {
  writeFileSync(
    join(project, 'consumer.ts'),
    `import { createAccountDeletionClient, ConflictError, type Preconditions, type Check } from 'account-deletion-kit';
import 'account-deletion-kit/panel';
import type { AccountDeletePanel, AccountDeletedDetail } from 'account-deletion-kit/panel';
import { AccountDeletePanel as PanelClass } from 'account-deletion-kit/panel/element';

const client = createAccountDeletionClient({ token: async () => 'x', scheme: 'Bearer' });
const panel: AccountDeletePanel | null = document.querySelector('account-delete-panel');
if (panel) {
  panel.client = client;
  panel.redirectDelay = 0;
  panel.addEventListener('account-deleted', (event) => {
    const detail: AccountDeletedDetail = event.detail;
    const name: string = detail.account.name;
    console.log(name, detail.redirectUrl);
  });
  panel.addEventListener('account-delete-checked', (event) => {
    const p: Preconditions = event.detail.preconditions;
    const blocking: Check[] = p.checks.filter((c) => c.status !== 'passed');
    console.log(blocking.length);
  });
  panel.addEventListener('account-delete-error', (event) => {
    if (event.detail.error instanceof ConflictError) console.log(event.detail.error.checks?.length);
  });
}
const ok: boolean = new PanelClass() instanceof HTMLElement;
console.log(ok);
`,
  );
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', lib: ['ES2022', 'DOM', 'DOM.Iterable'], types: [] },
      files: ['consumer.ts'],
    }),
  );
  run(join(project, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json'], project);
  // And a mistake is caught: the event detail is typed, not `any`.
  writeFileSync(
    join(project, 'wrong.ts'),
    `import 'account-deletion-kit/panel';
document.querySelector('account-delete-panel')!.addEventListener('account-deleted', (e) => { const n: number = e.detail.account.name; console.log(n); });`,
  );
  writeFileSync(join(project, 'tsconfig.wrong.json'), JSON.stringify({ extends: './tsconfig.json', files: ['wrong.ts'] }));
  assert.throws(
    () => run(join(project, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.wrong.json'], project),
    (error) => /TS2322/.test(error.stdout),
  );
});

test('the standalone module alone types both elements, their events and their methods', () => {
  writeFileSync(
    join(project, 'standalone-consumer.ts'),
    `import 'account-deletion-kit/standalone';
import type { AccountDeleteDialog, AccountDeletedDetail, AccountDeleteDialogCloseDetail } from 'account-deletion-kit/standalone';

const panel = document.querySelector('account-delete-panel')!;
const retried: Promise<void> = panel.retry();
const refreshed: Promise<void> = panel.refresh();
panel.addEventListener('account-deleted', (event) => {
  const detail: AccountDeletedDetail = event.detail;
  console.log(detail.account.name, detail.redirectUrl);
});
const dialog: AccountDeleteDialog = document.createElement('account-delete-dialog');
dialog.redirectDelay = 0;
dialog.show();
dialog.close();
dialog.addEventListener('account-delete-dialog-close', (event) => {
  const detail: AccountDeleteDialogCloseDetail = event.detail;
  console.log(detail);
});
dialog.addEventListener('account-delete-reauth-required', () => void dialog.retry());
console.log(retried, refreshed);
`,
  );
  const compilerOptions = { strict: true, noEmit: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', lib: ['ES2022', 'DOM', 'DOM.Iterable'], types: [] };
  writeFileSync(join(project, 'tsconfig.standalone.json'), JSON.stringify({ compilerOptions, files: ['standalone-consumer.ts'] }));
  run(join(project, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.standalone.json'], project);
  // It exports no class at run time, and its types say so.
  writeFileSync(join(project, 'standalone-value.ts'), `import { AccountDeletePanel } from 'account-deletion-kit/standalone';\nconsole.log(new AccountDeletePanel());\n`);
  writeFileSync(join(project, 'tsconfig.standalone-value.json'), JSON.stringify({ compilerOptions, files: ['standalone-value.ts'] }));
  assert.throws(
    () => run(join(project, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.standalone-value.json'], project),
    (error) => /TS1362/.test(error.stdout),
  );
});

/** Serves the consumer project's files, so the page loads only what the tarball installed. */
async function serve(dir) {
  const types = { '.js': 'text/javascript', '.html': 'text/html', '.json': 'application/json' };
  const server = createServer((req, res) => {
    const path = resolve(dir, '.' + decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (!path.startsWith(dir) || !existsSync(path)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

test('a CDN serves the standalone module: unpkg and jsdelivr name it, and it imports nothing', () => {
  const installed = join(project, 'node_modules/account-deletion-kit');
  const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  assert.equal(manifest.unpkg, './dist/account-delete-panel.standalone.js');
  assert.equal(manifest.jsdelivr, manifest.unpkg);
  const code = readFileSync(join(installed, manifest.unpkg), 'utf8');
  // One file, as a CDN serves it: no import of another module, static or dynamic.
  assert.doesNotMatch(code, /\bimport\s*[\s{*"'(]|\bfrom\s*["']/);
  // Its first line asks Chromium to compile it while it loads (BENCHMARKS.md, run J): a comment
  // anywhere else is not read.
  assert.equal(code.split('\n')[0], '//# allFunctionsCalledOnLoad');
});

test('the standalone module defines the element on a plain page', async () => {
  writeFileSync(
    join(project, 'plain.html'),
    `<!doctype html><html lang="en"><title>plain</title>
<script type="module" src="/node_modules/account-deletion-kit/dist/account-delete-panel.standalone.js"></script>
<account-delete-panel api-base="/no-api"></account-delete-panel>`,
  );
  const { server, origin } = await serve(project);
  const page = await browser.newPage();
  try {
    await page.goto(`${origin}/plain.html`);
    await page.waitForFunction(() => customElements.get('account-delete-panel') !== undefined);
    await page.getByRole('heading', { name: 'Delete account' }).waitFor();
    // Nothing answers at /no-api: the panel says so and keeps the button unusable.
    await page.getByRole('alert').filter({ hasText: 'status 404' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Delete account' }).getAttribute('aria-disabled'), 'true');
  } finally {
    await page.close();
    server.close();
  }
});

test('the React wrapper renders the panel and calls its event handler props', async () => {
  writeFileSync(
    join(project, 'app.jsx'),
    `import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { createAccountDeletionClient } from 'account-deletion-kit';
import { createFakeBackend, createFakeFetch } from 'account-deletion-kit/testing';
import { AccountDeletePanel } from 'account-deletion-kit/react';

const client = createAccountDeletionClient({ fetch: createFakeFetch(createFakeBackend()) });
createRoot(document.getElementById('root')).render(
  createElement(AccountDeletePanel, {
    client,
    redirectDelay: 0,
    onAccountDeleteChecked: (event) => { document.body.dataset.checked = event.detail.preconditions.account.name; },
  }),
);`,
  );
  await build({
    entryPoints: [join(project, 'app.jsx')],
    bundle: true,
    format: 'esm',
    outfile: join(project, 'app.js'),
    absWorkingDir: project,
    nodePaths: [join(project, 'node_modules')],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  writeFileSync(join(project, 'react.html'), `<!doctype html><html lang="en"><title>react</title><div id="root"></div><script type="module" src="/app.js"></script>`);
  const { server, origin } = await serve(project);
  const page = await browser.newPage();
  try {
    await page.goto(`${origin}/react.html`);
    await page.waitForFunction(() => document.body.dataset.checked === 'Acme Corp');
    await page.getByRole('list', { name: 'Account deletion checks' }).waitFor();
    assert.equal(await page.getByRole('listitem').filter({ hasText: 'DNS zones' }).count(), 1);
  } finally {
    await page.close();
    server.close();
  }
});

test('the React 19 example of the README (the flow, useSyncExternalStore, no web component) type-checks, builds and deletes', async () => {
  writeFileSync(join(project, 'DeleteAccount.tsx'), readFileSync(join(root, 'demo/react/DeleteAccount.tsx'), 'utf8'));
  writeFileSync(
    join(project, 'flow-app.tsx'),
    `import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createAccountDeletionClient } from 'account-deletion-kit';
import { createFakeBackend, createFakeFetch } from 'account-deletion-kit/testing';
import { DeleteAccount } from './DeleteAccount.js';

const backend = createFakeBackend();
(window as unknown as { backend: typeof backend }).backend = backend;
const client = createAccountDeletionClient({ fetch: createFakeFetch(backend) });
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <DeleteAccount client={client} redirectUrl="#gone" />
  </StrictMode>,
);`,
  );
  writeFileSync(
    join(project, 'tsconfig.react.json'),
    JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', jsx: 'react-jsx', lib: ['ES2022', 'DOM', 'DOM.Iterable'], types: [] },
      files: ['flow-app.tsx'],
    }),
  );
  run(join(project, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.react.json'], project);
  await build({
    entryPoints: [join(project, 'flow-app.tsx')],
    bundle: true,
    format: 'esm',
    jsx: 'automatic',
    outfile: join(project, 'flow-app.js'),
    absWorkingDir: project,
    nodePaths: [join(project, 'node_modules')],
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'error',
  });
  // Rendered on a server first, as Next.js or Remix do: the same snapshot there, and nothing asked.
  writeFileSync(
    join(project, 'flow-ssr.tsx'),
    `import { renderToString } from 'react-dom/server';
import { createAccountDeletionClient } from 'account-deletion-kit';
import { createFakeBackend, createFakeFetch } from 'account-deletion-kit/testing';
import { DeleteAccount } from './DeleteAccount.js';

export function render() {
  const backend = createFakeBackend();
  const apiBase = 'http://localhost/api';
  const client = createAccountDeletionClient({ apiBase, fetch: createFakeFetch(backend, { apiBase }) });
  return { html: renderToString(<DeleteAccount client={client} redirectUrl="#gone" />), requests: backend.requests.length };
}`,
  );
  await build({
    entryPoints: [join(project, 'flow-ssr.tsx')],
    bundle: true,
    // The packages as Node loads them from the project: react-dom/server needs Node's own modules.
    packages: 'external',
    platform: 'node',
    format: 'esm',
    jsx: 'automatic',
    outfile: join(project, 'flow-ssr.mjs'),
    absWorkingDir: project,
    logLevel: 'error',
  });
  const ssr = (await import(pathToFileURL(join(project, 'flow-ssr.mjs')).href)).render();
  assert.match(ssr.html, /Delete account/);
  assert.equal(ssr.requests, 0, 'nothing asked on the server');
  writeFileSync(join(project, 'flow-react.html'), `<!doctype html><html lang="en"><title>flow in React</title><div id="root"></div><script type="module" src="/flow-app.js"></script>`);
  const { server, origin } = await serve(project);
  const page = await browser.newPage();
  try {
    await page.goto(`${origin}/flow-react.html`);
    await page.getByRole('status').filter({ hasText: '3 items block deletion.' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Delete account' }).getAttribute('aria-disabled'), 'true');
    await page.evaluate(() => window.backend.resolveAll());
    await page.getByRole('button', { name: 'Check again' }).click();
    await page.getByRole('status').filter({ hasText: 'Nothing blocks deletion any more.' }).waitFor();
    await page.getByRole('textbox', { name: 'Type the account name to confirm' }).fill('Acme Corp');
    await page.getByRole('button', { name: 'Delete account' }).click();
    await page.getByRole('status').filter({ hasText: 'Your account has been successfully deleted.' }).waitFor();
    await page.waitForURL(/#gone$/);
    const deletes = await page.evaluate(() => window.backend.requests.filter((r) => r.method === 'DELETE').length);
    assert.equal(deletes, 1, 'one DELETE, StrictMode and all');
  } finally {
    await page.close();
    server.close();
  }
});

test('Spanish from account-deletion-kit/locales/es: typed, kept by a bundler, and beside the standalone module on a plain page', async () => {
  writeFileSync(
    join(project, 'locales.ts'),
    `import 'account-deletion-kit/panel';
import { es } from 'account-deletion-kit/locales/es';
import { overrideLocale, registerLocale, type Strings } from 'account-deletion-kit/panel';
import { stringsFor } from 'account-deletion-kit/flow';
const argentina: Strings = { ...es, checkAgain: 'Verificar otra vez' };
registerLocale('es-AR', argentina);
overrideLocale('es', { checkAgain: 'Revisar de nuevo' });
document.body.dataset.heading = stringsFor('es-MX').heading;
`,
  );
  writeFileSync(join(project, 'tsconfig.locales.json'), JSON.stringify({ extends: './tsconfig.json', files: ['locales.ts'] }));
  run(join(project, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.locales.json'], project);
  // A whole locale is typed: one that lacks an entry does not compile.
  writeFileSync(join(project, 'partial-locale.ts'), `import { registerLocale } from 'account-deletion-kit/panel';\nregisterLocale('fr', { heading: 'Supprimer le compte' });\n`);
  writeFileSync(join(project, 'tsconfig.partial.json'), JSON.stringify({ extends: './tsconfig.json', files: ['partial-locale.ts'] }));
  assert.throws(
    () => run(join(project, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.partial.json'], project),
    (error) => /TS2345/.test(error.stdout),
  );
  // A bundler keeps the import that registers Spanish (the package says it has a side effect).
  await build({
    entryPoints: [join(project, 'locales.ts')],
    bundle: true,
    format: 'esm',
    outfile: join(project, 'locales.js'),
    absWorkingDir: project,
    nodePaths: [join(project, 'node_modules')],
    logLevel: 'error',
  });
  writeFileSync(
    join(project, 'bundled-es.html'),
    `<!doctype html><html lang="es-MX"><title>es</title><script type="module" src="/locales.js"></script><account-delete-panel api-base="/no-api"></account-delete-panel>`,
  );
  writeFileSync(
    join(project, 'cdn-es.html'),
    `<!doctype html><html lang="en"><title>es</title>
<script type="module" src="/node_modules/account-deletion-kit/dist/locales/es.js"></script>
<script type="module" src="/node_modules/account-deletion-kit/dist/account-delete-panel.standalone.js"></script>
<account-delete-panel lang="es-419" api-base="/no-api"></account-delete-panel>`,
  );
  const { server, origin } = await serve(project);
  const page = await browser.newPage();
  try {
    await page.goto(`${origin}/bundled-es.html`);
    await page.getByRole('heading', { name: 'Eliminar cuenta' }).waitFor();
    await page.getByRole('button', { name: 'Revisar de nuevo' }).waitFor();
    assert.equal(await page.evaluate(() => document.body.dataset.heading), 'Eliminar cuenta');
    await page.goto(`${origin}/cdn-es.html`);
    await page.getByRole('heading', { name: 'Eliminar cuenta' }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'código 404' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Eliminar cuenta' }).getAttribute('aria-disabled'), 'true');
  } finally {
    await page.close();
    server.close();
  }
});
