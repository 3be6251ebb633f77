/**
 * The standalone module: every dependency inside, both elements defined, for a
 * `<script type="module">` on any page (`dist/account-delete-panel.standalone.js`).
 */
import './account-delete-panel/account-delete-panel.js';
import './account-delete-dialog/account-delete-dialog.js';
