/**
 * The standalone module: every dependency inside, both elements defined, for a
 * `<script type="module">` on any page (`dist/account-delete-panel.standalone.js`). At run time it
 * exports the way to add a locale or change single strings of one; `dist/locales/es.js` adds Spanish
 * beside it.
 *
 * Its types are both elements' (the classes, the event details, the `HTMLElementTagNameMap` and
 * `HTMLElementEventMap` entries), so `import 'account-deletion-kit/standalone'` types
 * `document.querySelector('account-delete-panel')` as it does with a bundler.
 */
import './account-delete-panel/account-delete-panel.js';
import './account-delete-dialog/account-delete-dialog.js';

export { overrideLocale, registerLocale } from './account-delete-panel/account-delete-panel.js';
export type * from './account-delete-panel/account-delete-panel.js';
export type * from './account-delete-dialog/account-delete-dialog.js';
