import { css } from 'lit';

/** The controls and the messages: the form, the buttons, the alert, the success; the media queries. */
export const controls = css`
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
    /* Not yet, rather than broken: a quiet filled button, readable, with the reason written beside it
       (never shown by colour alone). */
    background: var(--_surface);
    color: var(--_muted);
    border-color: var(--_border);
    opacity: 1;
  }

  .danger.busy[aria-disabled='true'] {
    /* Deleting is the step going on, not a step back: the danger colour stays, with the spinner. */
    background: var(--_danger);
    color: var(--_danger-fg);
    border-color: var(--_danger);
    cursor: progress;
    opacity: 0.85;
  }

  .recheck {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.75);
  }

  .checked {
    font-size: 0.9em;
  }

  .ways-on {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5) calc(var(--_space) * 1.25);
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
     before its words change, or the next "Checking your account…" is not announced. (The template
     leaves no white space inside the status, so that empty it matches :empty.) Over the height the
     panel keeps for its status line (keep-height.ts): empty, it takes no room. */
  .status:empty {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    min-height: 0 !important;
  }

  /* Narrow: each check's Resolve link goes under its words instead of taking a column of its own. */
  @container (max-width: 30rem) {
    .panel {
      padding: var(--_space);
    }
    /* A narrow panel says the account name on two lines: kept before the name is known. */
    .hint {
      min-height: 2lh;
    }
    .checks li {
      grid-template-columns: 1.25rem 1fr;
    }
    .checks li > :is(a, .link) {
      grid-column: 2;
      justify-self: start;
    }
    input {
      width: 100%;
    }
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
    .danger.busy[aria-disabled='true'] {
      color: ButtonText;
      border-color: ButtonText;
    }
    .placeholder :is(.check-text > *, .link) {
      background: GrayText;
    }
  }
`;

