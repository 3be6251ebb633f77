/**
 * The standalone module: every dependency inside, both elements defined, for a
 * `<script type="module">` on any page (`dist/account-delete-panel.standalone.js`).
 *
 * It exports nothing at run time. Its types are both elements' (the classes, the event details, the
 * `HTMLElementTagNameMap` and `HTMLElementEventMap` entries), so `import 'account-deletion-kit/standalone'`
 * types `document.querySelector('account-delete-panel')` as it does with a bundler.
 */
import './account-delete-panel/account-delete-panel.js';
import './account-delete-dialog/account-delete-dialog.js';

export type * from './account-delete-panel/account-delete-panel.js';
export type * from './account-delete-dialog/account-delete-dialog.js';
