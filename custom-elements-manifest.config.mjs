// `npm run build` writes custom-elements.json from the element's JSDoc; it is never edited by hand.
import { readFileSync, writeFileSync } from 'node:fs';
import { posix } from 'node:path';
import { customElementVuejsPlugin } from 'custom-element-vuejs-integration';
import { customElementJsxPlugin } from 'custom-element-jsx-integration';
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';
import { customElementJetBrainsPlugin } from 'custom-element-jet-brains-integration';

/**
 * The constants the elements take their defaults from, by name, as source text: the manifest says
 * `'/api'`, which an editor can show, not `DEFAULT_API_BASE`.
 */
function constants() {
  const source = readFileSync('src/client.ts', 'utf8');
  const apiBase = /export const DEFAULT_API_BASE = ('[^']*');/.exec(source);
  if (!apiBase) throw new Error('custom-elements-manifest.config.mjs: DEFAULT_API_BASE not found in src/client.ts');
  return { DEFAULT_API_BASE: apiBase[1] };
}

/**
 * The manifest describes what a user of the elements can rely on: no private members (`#flow`, the
 * `@query` fields), no local of a method taken for a declaration, no type-only re-export (the
 * manifest's exports are JavaScript exports: `events.js` of the window does not exist at all).
 */
function publicApiOnly() {
  const typeOnly = new Map();
  return {
    name: 'public-api-only',
    analyzePhase({ ts, node, moduleDoc }) {
      if (node.kind !== ts.SyntaxKind.ExportDeclaration || !node.exportClause?.elements) return;
      const names = node.exportClause.elements.filter((el) => node.isTypeOnly || el.isTypeOnly).map((el) => el.name.getText());
      typeOnly.set(moduleDoc.path, [...(typeOnly.get(moduleDoc.path) ?? []), ...names]);
    },
    packageLinkPhase({ customElementsManifest }) {
      const values = constants();
      for (const mod of customElementsManifest.modules) {
        const types = typeOnly.get(mod.path) ?? [];
        mod.exports = mod.exports?.filter((ex) => !(ex.kind === 'js' && types.includes(ex.name)));
        const exported = new Set(mod.exports?.map((ex) => ex.declaration?.name));
        mod.declarations = mod.declarations?.filter((decl) => exported.has(decl.name));
        for (const decl of mod.declarations ?? []) {
          // Protected members (Lit's lifecycle) are for a subclass, not for a page that uses the element.
          decl.members = decl.members?.filter((m) => m.privacy !== 'private' && m.privacy !== 'protected' && !m.name.startsWith('#'));
          for (const item of [...(decl.members ?? []), ...(decl.attributes ?? [])]) {
            if (item.default in values) item.default = values[item.default];
          }
        }
      }
      // The window offers the panel's parts through `exportparts`: its entry lists them too.
      const declarations = customElementsManifest.modules.flatMap((mod) => mod.declarations ?? []);
      const panel = declarations.find((decl) => decl.tagName === 'account-delete-panel');
      const dialog = declarations.find((decl) => decl.tagName === 'account-delete-dialog');
      if (panel && dialog) {
        const own = new Set(dialog.cssParts?.map((part) => part.name));
        const passed = (panel.cssParts ?? []).filter((part) => !own.has(part.name));
        dialog.cssParts = [...(dialog.cssParts ?? []), ...passed.map((part) => ({ ...part, description: `From the panel inside: ${part.description}` }))];
      }
    },
  };
}

/** Tools read the manifest from the installed package, where the built files are, not the sources. */
function pointAtDist() {
  return {
    name: 'point-at-dist',
    packageLinkPhase({ customElementsManifest }) {
      // Every module path from the package root: "/components/…" and "./events.js" (a re-export) too.
      const toDist = (path, from) =>
        posix
          .normalize(path.startsWith('.') ? posix.join(posix.dirname(from), path) : path.replace(/^\//, ''))
          .replace(/^(components|src)\//, 'dist/$1/')
          .replace(/\.ts$/, '.js');
      for (const mod of customElementsManifest.modules) {
        const source = mod.path;
        mod.path = toDist(source, source);
        for (const ex of mod.exports ?? []) if (ex.declaration?.module) ex.declaration.module = toDist(ex.declaration.module, source);
      }
    },
  };
}

/** Where the element types come from, seen from the generated files in dist/. */
const TYPES = './components/standalone.js';

/**
 * Runs a type generator on the manifest as those generators read it: an event's type is its detail's
 * (the manifest says `CustomEvent<AccountDeletedDetail>`, as its schema asks), named through an
 * `import()` type, since the window repeats the panel's details and an import list may not; and a
 * read-only property (`flow`) is no prop to set.
 */
function withDetailTypes(plugin) {
  const detailOf = (type) => type?.text?.replace(/^CustomEvent<(\w+)>$/, `import("${TYPES}").$1`);
  return {
    name: `${plugin.name} (detail types)`,
    packageLinkPhase({ customElementsManifest, context }) {
      const manifest = structuredClone(customElementsManifest);
      for (const decl of manifest.modules.flatMap((m) => m.declarations ?? [])) {
        decl.members = decl.members?.filter((m) => !m.readonly);
        for (const event of decl.events ?? []) if (event.type) event.type = { text: detailOf(event.type) };
      }
      plugin.packageLinkPhase({ customElementsManifest: manifest, context });
    },
  };
}

/**
 * vue-tsc reads `api-base="…"` and `@account-deleted` on a component as the props `apiBase` and
 * `onAccountDeleted`, as Vue itself names them: the generator's kebab-case keys would match nothing, and
 * a misspelled or mistyped attribute would pass. Its output is rewritten with Vue's names; and, being
 * HTML elements, the tags take the ARIA attributes (`aria-label`) even under `strictTemplates`.
 */
function withVueNames(plugin, file) {
  const camel = (name) => name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
  return {
    name: `${plugin.name} (Vue's names)`,
    packageLinkPhase(args) {
      plugin.packageLinkPhase(args);
      const text = readFileSync(file, 'utf8')
        .replace(/^(\s*)"(on)?([a-z]+(?:-[a-z]+)+)"\?:/gm, (_, indent, on, name) => (on ? `${indent}on${camel(`-${name}`)}?:` : `${indent}${camel(name)}?:`))
        .replace(/^type (\w+)Props = \{/gm, 'type $1Props = import("vue").AriaAttributes & {');
      writeFileSync(file, text);
    },
  };
}

// Generated from the manifest into dist/, at every build: types for Vue and JSX, editor data.
const integrations = [
  withVueNames(withDetailTypes(customElementVuejsPlugin({ outdir: 'dist', fileName: 'vue.d.ts', globalTypePath: TYPES, hideLogs: true })), 'dist/vue.d.ts'),
  withDetailTypes(customElementJsxPlugin({ outdir: 'dist', fileName: 'jsx.d.ts', globalTypePath: TYPES, hideLogs: true })),
  customElementVsCodePlugin({ outdir: 'dist', htmlFileName: 'vscode.html-custom-data.json', cssFileName: 'vscode.css-custom-data.json', hideLogs: true }),
  customElementJetBrainsPlugin({ outdir: 'dist', webTypesFileName: 'web-types.json', hideLogs: true }),
];

export default {
  globs: [
    'components/account-delete-panel/account-delete-panel.ts',
    'components/account-delete-panel/account-delete-panel.component.ts',
    'components/account-delete-dialog/account-delete-dialog.ts',
    'components/account-delete-dialog/account-delete-dialog.component.ts',
  ],
  outdir: '.',
  litelement: true,
  plugins: [publicApiOnly(), pointAtDist(), ...integrations],
};
