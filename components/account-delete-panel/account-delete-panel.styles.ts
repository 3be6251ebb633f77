import { css } from 'lit';

// Served as a constructable style sheet: no <style> element, no style attribute, so a page's
// Content-Security-Policy needs no 'unsafe-inline' for the panel.
export const styles = css`
  :host {
    color-scheme: var(--account-delete-panel-color-scheme, light dark);
    --_bg: var(--account-delete-panel-bg, light-dark(#ffffff, #17191d));
    --_fg: var(--account-delete-panel-fg, light-dark(#1c1e21, #eceef1));
    --_muted: var(--account-delete-panel-muted, light-dark(#55595f, #a9aeb6));
    --_border: var(--account-delete-panel-border, light-dark(#d5d8dc, #3a3e45));
    --_surface: var(--account-delete-panel-surface, light-dark(#f5f6f7, #202328));
    --_accent: var(--account-delete-panel-accent, light-dark(#0a58ca, #7fb0ff));
    --_danger: var(--account-delete-panel-danger, light-dark(#b42318, #f97066));
    --_danger-fg: var(--account-delete-panel-danger-fg, light-dark(#ffffff, #1b0b09));
    --_success: var(--account-delete-panel-success, light-dark(#067647, #47cd89));
    --_warning: var(--account-delete-panel-warning, light-dark(#b54708, #fdb022));
    --_radius: var(--account-delete-panel-radius, 8px);
    --_space: var(--account-delete-panel-spacing, 1rem);
    display: block;
    font: var(--account-delete-panel-font, inherit);
    color: var(--_fg);
  }

  [hidden] {
    display: none !important;
  }

  .panel {
    background: var(--_bg);
    color: var(--_fg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 1.5);
    display: grid;
    gap: var(--_space);
    overflow-wrap: anywhere;
  }

  h2 {
    margin: 0;
    font-size: 1.25em;
    line-height: 1.3;
  }

  p {
    margin: 0;
  }

  .hint {
    /* The line is kept while the account name is unknown, so the textbox does not move when it arrives. */
    min-height: 1lh;
  }

  .muted {
    color: var(--_muted);
  }

  .checks-region {
    /* Reserved, so the page does not jump when the checks arrive. */
    min-height: var(--account-delete-panel-checks-min-height, 8.5rem);
    display: grid;
    align-content: start;
    gap: calc(var(--_space) * 0.75);
  }

  .checks {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(var(--_space) * 0.5);
  }

  .checks:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 4px;
    border-radius: 4px;
  }

  .checks li {
    display: grid;
    grid-template-columns: 1.5rem 1fr auto;
    align-items: start;
    gap: calc(var(--_space) * 0.5);
    min-height: 2.25rem;
    padding: calc(var(--_space) * 0.5) calc(var(--_space) * 0.75);
    background: var(--_surface);
    border-radius: calc(var(--_radius) * 0.75);
    border-inline-start: 4px solid var(--_warning);
    box-sizing: border-box;
  }

  .checks li.passed {
    border-inline-start-color: var(--_success);
  }

  .icon {
    font-weight: 700;
    text-align: center;
    line-height: 1.4;
  }

  li.passed .icon {
    color: var(--_success);
  }

  li.blocking .icon {
    color: var(--_warning);
  }

  .check-text {
    line-height: 1.4;
    min-width: 0;
  }

  .placeholder li {
    border-inline-start-color: var(--_border);
  }

  .placeholder .bar {
    display: block;
    height: 0.9em;
    margin-block: 0.25em;
    width: 70%;
    border-radius: 4px;
    background: var(--_border);
  }

  a {
    color: var(--_accent);
    text-underline-offset: 2px;
  }

  a:focus-visible,
  button:focus-visible,
  input:focus-visible,
  .success:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }

  .consequences {
    margin: 0;
    padding-inline-start: 1.25rem;
    color: var(--_muted);
    display: grid;
    gap: 0.25rem;
  }

  h3 {
    margin: 0;
    font-size: 1em;
  }

  form {
    display: grid;
    gap: calc(var(--_space) * 0.5);
    justify-items: start;
  }

  label {
    font-weight: 600;
  }

  input {
    font: inherit;
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_muted);
    border-radius: calc(var(--_radius) * 0.5);
    padding: 0.5rem 0.75rem;
    width: min(100%, 24rem);
    box-sizing: border-box;
  }

  input[readonly] {
    background: var(--_surface);
  }

  button {
    font: inherit;
    cursor: pointer;
    border-radius: calc(var(--_radius) * 0.5);
    padding: 0.55rem 1rem;
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 2.5rem;
  }

  .secondary {
    background: transparent;
    color: var(--_accent);
    border: 1px solid currentColor;
  }

  .danger {
    background: var(--_danger);
    color: var(--_danger-fg);
    border: 2px solid var(--_danger);
    font-weight: 600;
  }

  button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.55;
  }

  .danger[aria-disabled='true'] {
    /* Unusable is shown by more than colour: the reason is written beside it, and the fill goes. */
    background: transparent;
    color: var(--_fg);
    border-style: dashed;
    border-color: var(--_muted);
    opacity: 1;
  }

  .spinner {
    width: 1em;
    height: 1em;
    border-radius: 50%;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    animation: spin 0.8s linear infinite;
  }

  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }

  .reason {
    color: var(--_muted);
    font-size: 0.9em;
  }

  .error:not(:empty) {
    display: grid;
    gap: 0.5rem;
    justify-items: start;
    padding: 0.75rem 1rem;
    border: 1px solid var(--_danger);
    border-inline-start-width: 4px;
    border-radius: calc(var(--_radius) * 0.75);
  }

  .error-title {
    font-weight: 600;
  }

  .success {
    display: grid;
    gap: 0.5rem;
    padding: 1rem;
    border: 1px solid var(--_success);
    border-inline-start-width: 4px;
    border-radius: calc(var(--_radius) * 0.75);
  }

  .success strong::before {
    content: '✓ ';
    /* The mark is decoration: no "check mark" read before the sentence (where the syntax is known). */
    content: '✓ ' / '';
    color: var(--_success);
  }

  /* An empty status is out of sight but stays in the accessibility tree: a live region must be there
     before its words change, or the next "Checking your account…" is not announced. */
  .visually-hidden,
  .status:empty {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
      border-inline-end-color: currentColor;
      border-style: dotted;
    }
  }

  @media (forced-colors: active) {
    .panel,
    .checks li,
    .error:not(:empty),
    .success {
      border-color: CanvasText;
    }
    .danger {
      background: ButtonFace;
      color: ButtonText;
      border-color: ButtonText;
    }
    button[aria-disabled='true'],
    .danger[aria-disabled='true'] {
      color: GrayText;
      border-color: GrayText;
    }
    .placeholder .bar {
      background: GrayText;
    }
  }
`;
