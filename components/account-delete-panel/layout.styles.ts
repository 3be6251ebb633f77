import { css } from 'lit';

/** The frame, the theme's custom properties, the checks and the links. */
export const layout = css`
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
    /* The layout follows the room the panel has, wherever a page puts it: 280 px to 900 px and more. */
    container-type: inline-size;
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
    outline-offset: 4px;
    border-radius: 4px;
  }

  .checks li {
    display: grid;
    grid-template-columns: 1.5rem 1fr auto;
    align-items: start;
    /* A check that keeps the height of longer words keeps them at its top. */
    align-content: start;
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

  /* The sample checks and the real ones in one place: the room is the larger of the two. */
  .stack {
    display: grid;
  }

  .stack > * {
    grid-area: 1 / 1;
    align-self: start;
  }

  .sample:not(.placeholder) {
    visibility: hidden;
  }

  /* Bars where the words will be: the sample checks' words, unseen, under a bar per line. */
  .placeholder li {
    border-inline-start-color: var(--_border);
  }

  .placeholder li :is(.icon, .check-text, .link) {
    color: transparent;
  }

  .placeholder :is(.check-text > *, .link) {
    background: var(--_border);
    border-radius: 4px;
    -webkit-box-decoration-break: clone;
    box-decoration-break: clone;
  }

  /* The intro's longest sentence holds its room, unseen, under the one on show. */
  .intro {
    display: grid;
  }

  .intro > * {
    grid-area: 1 / 1;
  }

  .unseen {
    visibility: hidden;
  }

  a {
    color: var(--_accent);
    text-underline-offset: 2px;
  }

  /* What takes the focus: the links, the buttons, the textbox, the checks and the success message. */
  :focus-visible {
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
`;
