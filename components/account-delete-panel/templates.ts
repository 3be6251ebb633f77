/**
 * The panel's markup for one snapshot of the flow: pure functions of the snapshot, the words and the
 * handlers. Nothing here decides a rule; what is usable and what it does come from the snapshot.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { describeCheck, failureText, reasonText, statusText, type Snapshot, type Strings } from '../../src/flow/index.js';
import type { Check } from '../../src/index.js';

export interface Handlers {
  input(event: InputEvent): void;
  submit(event: SubmitEvent): void;
  checkAgain(): void;
  stay(): void;
}

/** The names as the check's words list them, each in its own isolate: one name's bidi controls cannot reorder the next. */
function names(words: ReturnType<typeof describeCheck>, s: Strings): TemplateResult | typeof nothing {
  if (words.names.length === 0) return nothing;
  const more = words.more > 0 ? ` ${s.andMore(words.more)}` : '';
  return html` (${words.names.map((name, i) => html`${i > 0 ? s.listSeparator : ''}<bdi>${name}</bdi>`)}${more})`;
}

function check(item: Check, s: Strings): TemplateResult {
  const words = describeCheck(item, s);
  return html`<li part="check ${words.passed ? 'check-passed' : 'check-blocking'}" class=${words.passed ? 'passed' : 'blocking'} aria-label=${words.label}>
    <span class="icon" aria-hidden="true">${words.passed ? '✓' : '!'}</span>
    <span class="check-text"><strong><bdi>${words.title}</bdi>:</strong> <bdi>${words.sentence}</bdi>${names(words, s)}</span>
    ${words.resolveUrl
      ? html`<a part="resolve-link" href=${words.resolveUrl} target="_blank" rel="noopener" aria-label=${words.resolveLabel}>${s.resolve}</a>`
      : nothing}
  </li>`;
}

function checks(snapshot: Snapshot, s: Strings, on: Handlers): TemplateResult {
  const shown = snapshot.preconditions?.checks;
  const list = shown
    ? html`<ul id="checks" class="checks" part="checks" aria-label=${s.checksLabel} tabindex="-1">${shown.map((item) => check(item, s))}</ul>`
    : snapshot.status === 'check-failed'
      ? nothing
      : html`<ul class="checks placeholder" aria-hidden="true">
          ${[0, 1, 2].map(() => html`<li><span></span><span class="bar"></span></li>`)}
        </ul>`;
  const usable = snapshot.actions.check;
  return html`<div class="checks-region">
    ${list}
    <div>
      <button
        part="recheck-button"
        class="secondary"
        type="button"
        aria-disabled=${usable ? 'false' : 'true'}
        aria-describedby=${usable ? nothing : 'delete-reason'}
        @click=${on.checkAgain}
      >
        ${s.checkAgain}
      </button>
    </div>
  </div>`;
}

function success(snapshot: Snapshot, s: Strings, on: Handlers, delay: number): TemplateResult {
  const redirect = snapshot.redirect;
  const goNow = (url: string) => html`<a part="go-now-link" href=${url}>${s.goNow}</a>`;
  // It takes the focus, inside the live region that announces it: named by its first sentence, so
  // that the focus reads that sentence and the region the whole message, not the whole message twice.
  return html`<div part="success" class="success" tabindex="-1" role="group" aria-labelledby="deleted">
    <p><strong id="deleted">${s.deleted}</strong></p>
    <p>${s.emailOnItsWay}</p>
    <p class="muted">${s.auditNote}</p>
    ${redirect?.status === 'scheduled'
      ? html`<p>${s.redirecting(Math.ceil(delay / 1000))} ${goNow(redirect.url)}</p>
          <p><button part="stay-button" class="secondary" type="button" @click=${on.stay}>${s.stayHere}</button></p>`
      : nothing}
    ${redirect?.status === 'stayed' ? html`<p>${s.stayed} ${goNow(redirect.url)}</p>` : nothing}
    ${redirect?.status === 'refused' ? html`<p>${s.redirectRefused}</p>` : nothing}
  </div>`;
}

function failure(snapshot: Snapshot, s: Strings): TemplateResult | typeof nothing {
  const words = failureText(snapshot, s);
  if (!words) return nothing;
  // The server's sentence in its own isolate: its bidi controls cannot reorder the kit's words after it.
  return html`<p>${words.server === undefined ? nothing : html`<bdi>${words.server}</bdi> `}${words.text}</p>
    ${words.requestId ? html`<p class="muted">${s.reference(words.requestId)}</p>` : nothing}`;
}

/** The hint with the account name in its own isolate, when the words put the name in one place. */
function hint(name: string, s: Strings): TemplateResult {
  const marker = '\u0000';
  const parts = s.confirmHint(marker).split(marker);
  if (parts.length !== 2) return html`<bdi>${s.confirmHint(name)}</bdi>`;
  return html`${parts[0]}<bdi>${name}</bdi>${parts[1]}`;
}

function form(snapshot: Snapshot, s: Strings, on: Handlers): TemplateResult {
  const { confirmation, account, actions, status } = snapshot;
  const reason = reasonText(snapshot, s);
  const deleting = status === 'deleting';
  return html`<form part="form" novalidate @submit=${on.submit}>
    ${confirmation.required
      ? html`<label for="confirm">${s.confirmLabel}</label>
          <p id="confirm-hint" class="muted hint">${account ? hint(account.name, s) : ''}</p>
          <input
            id="confirm"
            part="confirm-input"
            type="text"
            autocomplete="off"
            autocapitalize="off"
            spellcheck="false"
            aria-describedby=${account ? 'confirm-hint' : nothing}
            ?readonly=${deleting}
            .value=${confirmation.value}
            @input=${on.input}
          />`
      : nothing}
    <button
      part="delete-button"
      class="danger"
      type="submit"
      aria-disabled=${actions.delete ? 'false' : 'true'}
      aria-describedby=${reason === undefined ? nothing : 'delete-reason'}
    >
      ${deleting ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${s.deleteButton}
    </button>
    <p id="delete-reason" part="reason" class="reason" ?hidden=${reason === undefined}>${reason ?? ''}</p>
  </form>`;
}

/** The whole panel for a snapshot. `delay` is the redirect's, for the words that count it. */
export function panel(snapshot: Snapshot, s: Strings, on: Handlers, locale: string, delay: number): TemplateResult {
  const deleted = snapshot.status === 'deleted';
  return html`<section part="base" class="panel" aria-labelledby="heading" lang=${locale}>
    <h2 id="heading" part="heading">${s.heading}</h2>
    ${deleted ? nothing : html`<p class="muted">${s.intro}</p>`}
    <div part="status" class="status" role="status" aria-live="polite">${deleted ? success(snapshot, s, on, delay) : statusText(snapshot, s)}</div>
    ${deleted
      ? nothing
      : html`${checks(snapshot, s, on)}
          <div part="consequences">
            <h3>${s.consequencesHeading}</h3>
            <ul class="consequences">
              ${s.consequences.map((line) => html`<li>${line}</li>`)}
            </ul>
          </div>
          <div part="error" class="error" role="alert">${failure(snapshot, s)}</div>
          ${form(snapshot, s, on)}`}
  </section>`;
}
