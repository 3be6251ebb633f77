import { css } from 'lit';

/**
 * The button and the window. The button is a plain one: the warning colour is kept for the last step,
 * the Delete account inside (a normal button opens, the warning button only ends). Themed by the
 * panel's custom properties, with the same fallbacks.
 */
export const styles = css`
  :host {
    display: inline-block;
    color-scheme: var(--account-delete-panel-color-scheme, light dark);
    --_fg: var(--account-delete-panel-fg, light-dark(#1c1e21, #eceef1));
    --_bg: var(--account-delete-panel-bg, light-dark(#ffffff, #17191d));
    --_muted: var(--account-delete-panel-muted, light-dark(#55595f, #a9aeb6));
    --_accent: var(--account-delete-panel-accent, light-dark(#0a58ca, #7fb0ff));
    --_danger: var(--account-delete-panel-danger, light-dark(#b42318, #f97066));
    --_radius: var(--account-delete-panel-radius, 8px);
    --_space: var(--account-delete-panel-spacing, 1rem);
    font: var(--account-delete-panel-font, inherit);
  }

  [hidden] {
    display: none !important;
  }

  button {
    font: inherit;
    cursor: pointer;
    min-height: 2.5rem;
    padding: 0.55rem 1rem;
    border-radius: calc(var(--_radius) * 0.5);
    background: var(--_bg);
    color: var(--_fg);
    border: 1px solid var(--_muted);
    font-weight: 600;
  }

  button:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }

  dialog {
    width: min(var(--account-delete-dialog-width, 40rem), calc(100vw - 2rem));
    max-height: calc(100dvh - 2rem);
    box-sizing: border-box;
    padding: 0;
    border: none;
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
    overflow: auto;
  }

  dialog::backdrop {
    background: rgb(0 0 0 / 0.55);
  }

  /* Close sits in the corner, beside the panel's heading; why it waits, if it must, under the panel. */
  .bar {
    position: absolute;
    inset-block-start: calc(var(--_space) * 0.75);
    inset-inline-end: calc(var(--_space) * 0.75);
  }

  .close {
    color: var(--_accent);
    border-color: currentColor;
    font-weight: 400;
    background: var(--_bg);
  }

  .close[aria-disabled='true'] {
    color: var(--_muted);
    cursor: not-allowed;
  }

  .close-reason {
    margin: 0;
    padding: 0 var(--_space) var(--_space);
    color: var(--_muted);
    font-size: 0.9em;
    text-align: end;
  }

  account-delete-panel {
    --account-delete-panel-border: transparent;
  }

  @media (forced-colors: active) {
    dialog {
      border: 1px solid CanvasText;
    }
    .close[aria-disabled='true'] {
      color: GrayText;
    }
  }
`;
