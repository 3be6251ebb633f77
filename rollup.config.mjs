import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { rmSync } from 'node:fs';
import MagicString from 'magic-string';
import ts from 'typescript';

/**
 * Minifies the CSS of `css\`…\`` templates: comments and the white space around punctuation go. A
 * template whose CSS has an interpolation is left as it is. The styles' meaning does not change.
 */
function minifyCss() {
  const shrink = (text) =>
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,>])\s*/g, '$1')
      // Only after a colon: before one, a space is a descendant combinator (`li :first-child`).
      .replace(/:\s+/g, ':')
      .replace(/;}/g, '}')
      .trim();
  return {
    name: 'minify-css',
    // A transform without a source map of its own keeps the line map of the styles module only roughly.
    transform(code, id) {
      if (!id.endsWith('.styles.ts') && !id.endsWith('.styles.js')) return null;
      const out = code.replace(/css\s*`([^`$]*)`/g, (_, text) => `css\`${shrink(text)}\``);
      return out === code ? null : { code: out, map: null };
    },
  };
}

/**
 * Takes the indentation out of the markup of `html\`…\`` templates, which Lit ships as written, by
 * JSX's rule: a line break and the white space around it are nothing between a tag or a `${…}` and the
 * next, and one space elsewhere (between attributes, inside a sentence). Write a space where one is
 * meant between two such things on different lines. Found with TypeScript's parser, so code is never
 * touched; the source map follows. The screenshots are the same: white space between blocks, or in a
 * flex or grid box, draws nothing.
 */
export function minifyHtml() {
  const edge = (before, after) => '`}>'.includes(before) && '`$<'.includes(after);
  const squeeze = (text) => text.replace(/[ \t]*\n\s*/g, (run, at) => (edge(text[at - 1], text[at + run.length]) ? '' : ' '));
  const parts = (node) =>
    ts.isNoSubstitutionTemplateLiteral(node) ? [node] : [node.head, ...node.templateSpans.map((span) => span.literal)];
  return {
    name: 'minify-html',
    transform(code, id) {
      if (!/components\/.*\.[jt]s$/.test(id) || !/\bhtml\s*`/.test(code)) return null;
      const file = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
      const cuts = [];
      const visit = (node) => {
        if (ts.isTaggedTemplateExpression(node) && node.tag.getText(file) === 'html') {
          for (const part of parts(node.template)) cuts.push([part.getStart(file), part.getEnd()]);
        }
        ts.forEachChild(node, visit);
      };
      visit(file);
      // Each part rewritten in place, so that the source map still places the code around it.
      const out = new MagicString(code);
      for (const [start, end] of cuts) {
        const text = code.slice(start, end);
        if (squeeze(text) !== text) out.overwrite(start, end, squeeze(text));
      }
      return out.hasChanged() ? { code: out.toString(), map: out.generateMap({ hires: true }) } : null;
    },
  };
}

/**
 * Empties dist/ before the first build: a file whose source was moved or deleted would otherwise stay
 * there, and `npm pack` (which builds first) would ship it.
 */
function emptyDist() {
  return { name: 'empty-dist', buildStart: () => rmSync('dist', { recursive: true, force: true }) };
}

// The modules a frontend team (and, for src/server, its backend) imports. Their folders are kept in
// dist/ (dist/src, dist/components, …) so each .d.ts sits beside its .js.
const entries = [
  'src/index.ts',
  'src/flow/index.ts',
  'src/locales/es.ts',
  'src/server/index.ts',
  'src/server/node.ts',
  'components/account-delete-panel/account-delete-panel.ts',
  'components/account-delete-panel/account-delete-panel.component.ts',
  'components/account-delete-panel/react.ts',
  'components/account-delete-dialog/account-delete-dialog.ts',
  'components/account-delete-dialog/account-delete-dialog.component.ts',
  'testing/index.ts',
];

const SIDE_EFFECTS = /(components\/account-delete-(panel|dialog)\/account-delete-(panel|dialog)|src\/locales\/[^/]+)\.ts$/;

const library = {
  input: entries,
  output: {
    dir: 'dist',
    format: 'es',
    preserveModules: true,
    preserveModulesRoot: '.',
    sourcemap: true,
    // A helper bundled from a dependency would sit under node_modules/, which npm never packs.
    entryFileNames: (chunk) => `${chunk.name.replace(/node_modules/g, 'vendor')}.js`,
  },
  // Dependencies stay external: the team's bundler shares them with the rest of the page.
  external: (id) => /^(lit|@lit\/[^/]+|ky|react)(\/|$)/.test(id) || id.startsWith('node:'),
  // Only the modules package.json's "sideEffects" lists (those that define the elements, the locale
  // modules) are imported for their effect: no other file keeps a bare `import 'ky'` or
  // `import '../errors.js'` that a bundler would warn about and drop.
  treeshake: { moduleSideEffects: (id, external) => !external && SIDE_EFFECTS.test(id) },
  plugins: [
    emptyDist(),
    typescript({
      tsconfig: './tsconfig.json',
      include: ['src/**/*.ts', 'components/**/*.ts', 'testing/**/*.ts'],
      exclude: ['test/**', 'demo/*.ts'],
      compilerOptions: { noEmit: false, declaration: true, declarationDir: 'dist', outDir: 'dist', rootDir: '.' },
    }),
    // After TypeScript, which reads the sources from disk itself.
    minifyCss(),
    minifyHtml(),
  ],
};

// One file with every dependency inside, for a <script type="module"> on any page.
const standalone = {
  input: 'components/standalone.ts',
  output: { file: 'dist/account-delete-panel.standalone.js', format: 'es', sourcemap: true },
  plugins: [
    nodeResolve({ browser: true }),
    typescript({
      tsconfig: './tsconfig.json',
      include: ['src/**/*.ts', 'components/**/*.ts'],
      compilerOptions: { noEmit: false, declaration: false, outDir: 'dist', rootDir: '.' },
    }),
    minifyCss(),
    minifyHtml(),
    // The magic comment asks Chromium's V8 to compile every function as the file loads rather than
    // each on its first call: the panel calls nearly all of them before its checks are painted (a
    // page with only the window's button pays a few ms at load; BENCHMARKS.md, run J). Other engines
    // read a comment.
    terser({ ecma: 2022, module: true, format: { comments: false, preamble: '//# allFunctionsCalledOnLoad' } }),
  ],
};

// Each locale module as one self-contained file too (dist/locales/es.js), for a page that loads the
// standalone module with no build step: a second <script type="module"> adds the language. It
// registers in the page's shared locales, which the standalone module reads.
const locales = ['es'].map((lang) => ({
  input: `src/locales/${lang}.ts`,
  output: { file: `dist/locales/${lang}.js`, format: 'es', sourcemap: true },
  plugins: [
    typescript({
      tsconfig: './tsconfig.json',
      include: ['src/flow/words/*.ts', 'src/locales/*.ts'],
      compilerOptions: { noEmit: false, declaration: false, outDir: 'dist', rootDir: '.' },
    }),
    terser({ ecma: 2022, module: true, format: { comments: false } }),
  ],
}));

export default [library, standalone, ...locales];
