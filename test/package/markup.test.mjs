// The build's markup minifier (rollup.config.mjs, `minifyHtml`): the indentation of `html` templates
// goes, by JSX's rule, and nothing else changes. The tests in the browsers run the sources as written;
// these say what the built files ship instead.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { minifyHtml } from '../../rollup.config.mjs';

const squeeze = (code, id = '/project/components/x/y.js') => minifyHtml().transform(code, id)?.code ?? code;

test('between tags and `${…}`, a line break and its indentation are nothing', () => {
  const code = 'const t = html `<ul>\n  <li>a</li>\n  <li>${x}</li>\n  ${y}\n</ul>`;';
  assert.equal(squeeze(code), 'const t = html `<ul><li>a</li><li>${x}</li>${y}</ul>`;');
});

test('inside a sentence and between attributes, a line break is one space', () => {
  assert.equal(squeeze('html`<p>one\n    two</p>`'), 'html`<p>one two</p>`');
  const button = 'html`<button\n  part="x"\n  @click=${f}\n>\n  ${label}\n</button>`';
  assert.equal(squeeze(button), 'html`<button part="x" @click=${f} >${label}</button>`');
});

test('a template inside a `${…}` is squeezed too; white space on one line stays as written', () => {
  assert.equal(squeeze('html`<p>\n  ${html`<b>\n  x</b> <i>y</i>`}\n</p>`'), 'html`<p>${html`<b> x</b> <i>y</i>`}</p>`');
});

test('code, strings, other tags and files outside components/ are left as they are', () => {
  const code = "const s = 'a\\n  b';\nfunction f() {\n  return css`\n  p {\n    margin: 0;\n  }`;\n}\nconst u = `<p>\n  x</p>`;";
  assert.equal(squeeze(code), code);
  assert.equal(minifyHtml().transform('html`<p>\n  x</p>`', '/project/src/flow/y.js'), null);
});

test('the standalone module ships no template indentation', () => {
  const built = readFileSync('dist/account-delete-panel.standalone.js', 'utf8');
  assert.doesNotMatch(built, /\n[ \t]+</);
  // The spaces written on one line stay: a host's `::part(check)` may make a row a line of text.
  assert.match(built, /<span class="icon" aria-hidden="true">!<\/span> /);
});
