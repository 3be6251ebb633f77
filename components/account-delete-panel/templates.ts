/**
 * The panel's markup for one snapshot of the flow: pure functions of the snapshot, the words and the
 * handlers. Nothing here decides a rule; what is usable and what it does come from the snapshot.
 */
import { html, nothing, render, type TemplateResult } from 'lit';
import { checkedText, describeCheck, failureText, introText, reasonText, statusText, type Snapshot, type Strings } from '../../src/flow/index.js';
import type { Check } from '../../src/index.js';
import { parseChecks } from '../../src/parse.js';
import type { HostWords } from './words.js';

export interface Handlers {
  /** Every key pressed in the panel, before its controls act on it. */
  keydown(event: KeyboardEvent): void;
  input(event: InputEvent): void;
  submit(event: SubmitEvent): void;
  checkAgain(): void;
  stay(): void;
}

/** What a render needs besides the snapshot: the words, the host's links (already made safe), the clock. */
export interface View {
  s: Strings;
  on: Handlers;
  locale: string;
  /** The kit's own words: `s` before a host's `strings`. */
  k: Strings;
  /** The `lang` of a key of the words, or of words on show with their like among `k`: see `HostWords.langOf`. */
  lang: HostWords['langOf'];
  links: { support: string | undefined; feedback: string | undefined; signup: string | undefined };
  now: number;
}

/** A sentence whose "contact support" becomes a link to `support-url`, when one is given. */
function withSupport(text: string, view: View): TemplateResult | string {
  const { s, links } = view;
  const at = text.indexOf(s.contactSupport);
  if (!links.support || at < 0) return text;
  const link = html`<a part="support-link" lang=${view.lang('contactSupport')} href=${links.support} target="_blank" rel="noopener">${s.contactSupport}</a>`;
  return html`${text.slice(0, at)}${link}${text.slice(at + s.contactSupport.length)}`;
}

/** The names as the check's words list them, each in its own isolate: one name's bidi controls cannot reorder the next. */
function names(words: Words, s: Strings): TemplateResult | typeof nothing {
  if (words.names.length === 0) return nothing;
  const more = words.more > 0 ? ` ${s.andMore(words.more)}` : '';
  return html` (${words.names.map((name, i) => html`${i > 0 ? s.listSeparator : ''}<bdi>${name}</bdi>`)}${more})`;
}

type Words = ReturnType<typeof describeCheck>;

/**
 * A check's words after its mark: its title and its sentence, each in the language of its words (a host
 * may change one and not the other), then the names. `kits`: the kit's own words for the check.
 */
function checkText(words: Words, kits: Words, view: View): TemplateResult {
  const { s, k, lang } = view;
  // The names' separators and "and 3 more": the host's when either is.
  const joins = lang([s.andMore, s.listSeparator === k.listSeparator ? k.andMore : 0]);
  return html`<span class="check-text" lang=${joins}><strong><bdi lang=${lang([words.title, kits.title])}>${words.title}</bdi>:</strong> <bdi lang=${lang([words.sentence, kits.sentence])}>${words.sentence}</bdi>${names(words, s)}</span>`;
}

/** What the row of a check that blocks holds: its mark, its words, the names, and `link`. */
function blockingRow(words: Words, kits: Words, view: View, link: TemplateResult | typeof nothing): TemplateResult {
  // The spaces on one line: the build takes out a line break between two tags (rollup.config.mjs), and
  // a host's `::part(check)` may make the row a line of text.
  return html`<span class="icon" aria-hidden="true">!</span> ${checkText(words, kits, view)} ${link}`;
}

/**
 * The row of a check that passed: a template of its own, so a check that passes since the last answer
 * gets new words rather than the old ones moved ("resolved" may start a line lower than the sentence
 * it replaces), while the row itself stays and keeps its height.
 */
function passedRow(words: Words, kits: Words, view: View): TemplateResult {
  return html`<span class="icon" aria-hidden="true">✓</span> ${checkText(words, kits, view)}`;
}

function check(item: Check, view: View): TemplateResult {
  const { s, k, lang } = view;
  const words = describeCheck(item, s);
  const kits = s === k ? words : describeCheck(item, k);
  const link = words.resolveUrl
    ? html`<a part="resolve-link" lang=${lang([words.resolveLabel, kits.resolveLabel])} href=${words.resolveUrl} target="_blank" rel="noopener" aria-label=${words.resolveLabel}>${s.resolve}</a>`
    : nothing;
  return html`<li part="check ${words.passed ? 'check-passed' : 'check-blocking'}" class=${words.passed ? 'passed' : 'blocking'} lang=${lang([words.sentence, kits.sentence])} aria-label=${words.label}>
    ${words.passed ? passedRow(words, kits, view) : blockingRow(words, kits, view, link)}
  </li>`;
}

/** A row of the sample checks: no part, no name, no link, only the shape of one (whose words are never read). */
function sampleCheck(item: Check, view: View): TemplateResult {
  const words = describeCheck(item, view.s);
  return html`<li class="blocking">${blockingRow(words, words, view, html`<span class="link">${view.s.resolve}</span>`)}</li>`;
}

/** Three checks that block, with names and a link each, a little longer than most answers: the room kept for them. */
const SAMPLE = parseChecks(
  [
    { type: 'dns_zones', status: 'blocking', items: [{ id: 1, name: 'zone-1.com' }, { id: 2, name: 'zone-2.com' }], resolve_url: '/' },
    { type: 'edge_applications', status: 'blocking', items: [{ id: 1, name: 'web-storefront-1' }], resolve_url: '/' },
    { type: 'debts', status: 'blocking', amount: { value: '120.50', currency: 'USD' }, resolve_url: '/' },
  ],
  '',
);

/**
 * Draws an answer once into `into`, off the page, when the page has a moment while the first check is
 * out: the templates of the checks' rows are then prepared and the code that fills them compiled, and
 * the real answer is drawn sooner. Its rows are the sample's, the second one passed. Nothing of it is
 * kept or seen. Not once `due()` says no (the answer came, the panel left), nor where
 * `requestIdleCallback` is missing.
 */
export function rehearse(
  snapshot: Snapshot,
  view: View,
  due: () => boolean,
  into: DocumentFragment | HTMLElement = document.createDocumentFragment(),
): void {
  globalThis.requestIdleCallback?.(() => {
    if (!due()) return;
    const account = { id: 1, name: 'Sample', kind: undefined };
    const checks = SAMPLE.map((item, i) => (i === 1 ? { ...item, status: 'passed' } : item));
    render(panel({ ...snapshot, status: 'blocked', account, preconditions: { account, deletable: false, checks, checkedAt: undefined } }, view), into);
  });
}

function checks(snapshot: Snapshot, view: View): TemplateResult {
  const { s, k, on, lang } = view;
  const shown = snapshot.preconditions?.checks;
  const checked = checkedText(snapshot, s, view.now);
  const list = shown
    ? html`<ul id="checks" class="checks" part="checks" lang=${lang('checksLabel')} aria-label=${s.checksLabel} tabindex="-1">${shown.map((item) => check(item, view))}</ul>`
    : nothing;
  // Checks like a usual answer, laid under the real ones: drawn as bars while the first check runs,
  // unseen after, they keep the room a usual answer takes at any width and in any engine, so nothing
  // below moves when the checks arrive (unless they need more), until the user's next click or key
  // (keep-height.ts lets them go). None after a check that failed.
  const sample =
    shown || snapshot.status !== 'check-failed'
      ? html`<ul class=${shown ? 'checks sample' : 'checks sample placeholder'} aria-hidden="true" .inert=${true}>
          ${SAMPLE.map((item) => sampleCheck(item, view))}
        </ul>`
      : nothing;
  const usable = snapshot.actions.check;
  // When the checks were read; before that, the room of its longest form in the first hour, unseen: a
  // narrow panel wraps the row now, not when the checks come. Not the "at 12:59" form of later: the
  // first Intl.DateTimeFormat of a page costs tens of milliseconds, and the first render would wait.
  const room = s.checkedMinutesAgo(59).length > s.checkedJustNow.length ? s.checkedMinutesAgo(59) : s.checkedJustNow;
  const when = html`<span class=${checked ? 'muted checked' : 'muted checked unseen'} lang=${lang([checked, s !== k && checked && checkedText(snapshot, k, view.now)])}>${checked ?? room}</span>`;
  return html`<div class="checks-region">
    <div class="stack">${sample}${list}</div>
    <div class="recheck">
      <button
        part="recheck-button"
        class="secondary"
        type="button"
        lang=${lang('checkAgain')}
        aria-disabled=${usable ? 'false' : 'true'}
        aria-describedby=${usable ? nothing : 'delete-reason'}
        @click=${on.checkAgain}
      >
        ${s.checkAgain}
      </button> ${when}
    </div>
  </div>`;
}

function success(snapshot: Snapshot, view: View): TemplateResult {
  const { s, k, on, links, lang } = view;
  const redirect = snapshot.redirect;
  const goNow = (url: string) => html`<a part="go-now-link" lang=${lang('goNow')} href=${url}>${s.goNow}</a>`;
  const left = redirect?.at === undefined ? 0 : Math.max(0, Math.ceil((redirect.at - view.now) / 1000));
  const counted = s.redirecting(left);
  // It takes the focus, inside the live region that announces it: named by its first sentence, so
  // that the focus reads that sentence and the region the whole message, not the whole message twice.
  return html`<div part="success" class="success" tabindex="-1" role="group" aria-labelledby="deleted">
    <p><strong id="deleted" lang=${lang('deleted')}>${s.deleted}</strong></p>
    <p lang=${lang('emailOnItsWay')}>${s.emailOnItsWay}</p>
    <p class="muted" lang=${lang('auditNote')}>${s.auditNote}</p>
    ${redirect && snapshot.actions.stay
      ? // The count goes down where it is seen; read once, when the message comes, not every second.
        html`<p aria-live="off" class="countdown" lang=${lang([counted, k.redirecting(left)])}>${counted} ${goNow(redirect.url)}</p>
          <p><button part="stay-button" class="secondary" type="button" lang=${lang('stayHere')} @click=${on.stay}>${s.stayHere}</button></p>`
      : nothing}
    ${redirect?.status === 'stayed' ? html`<p lang=${lang('stayed')}>${s.stayed} ${goNow(redirect.url)}</p>` : nothing}
    ${redirect?.status === 'refused' ? html`<p lang=${lang('redirectRefused')}>${s.redirectRefused}</p>` : nothing}
    ${links.feedback || links.signup
      ? html`<p class="ways-on">
          ${links.feedback ? html`<a part="feedback-link" lang=${lang('feedback')} href=${links.feedback}>${s.feedback}</a>` : nothing} ${links.signup ? html`<a part="signup-link" lang=${lang('signup')} href=${links.signup}>${s.signup}</a>` : nothing}
        </p>`
      : nothing}
  </div>`;
}

function failure(snapshot: Snapshot, view: View): TemplateResult | typeof nothing {
  const { s, k, lang } = view;
  const words = failureText(snapshot, s);
  if (!words) return nothing;
  const id = words.requestId;
  // The server's sentence in its own isolate: its bidi controls cannot reorder the kit's words after it.
  const ref = id && s.reference(id);
  return html`<p lang=${lang([words.text, failureText(snapshot, k)?.text])}>${words.server === undefined ? nothing : html`<bdi>${words.server}</bdi> `}${withSupport(words.text, view)}</p>
    ${id ? html`<p class="muted" lang=${lang([ref, k.reference(id)])}>${ref}</p>` : nothing}`;
}

const MARKER = '\u0000';

/** The hint with the account name in its own isolate, when the words (`said` of MARKER) put the name in one place. */
function hint(name: string, said: string, s: Strings): TemplateResult {
  const parts = said.split(MARKER);
  if (parts.length !== 2) return html`<bdi>${s.confirmHint(name)}</bdi>`;
  return html`${parts[0]}<bdi>${name}</bdi>${parts[1]}`;
}

function form(snapshot: Snapshot, view: View): TemplateResult {
  const { s, k, on, lang } = view;
  const { confirmation, account, actions, status } = snapshot;
  const reason = reasonText(snapshot, s);
  const deleting = status === 'deleting';
  const said = account ? s.confirmHint(MARKER) : '';
  return html`<form part="form" novalidate @submit=${on.submit}>
    ${confirmation.required
      ? html`<label for="confirm" lang=${lang('confirmLabel')}>${s.confirmLabel}</label>
          <p id="confirm-hint" class="muted hint" lang=${lang([said, account ? k.confirmHint(MARKER) : ''])}>${account ? hint(account.name, said, s) : ''}</p>
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
      : nothing} <button
      part="delete-button"
      class=${deleting ? 'danger busy' : 'danger'}
      type="submit"
      lang=${lang('deleteButton')}
      aria-disabled=${actions.delete ? 'false' : 'true'}
      aria-describedby=${reason === undefined ? nothing : 'delete-reason'}
    >
      ${deleting ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${s.deleteButton}
    </button>
    <p id="delete-reason" part="reason" class="reason" lang=${lang([reason, reasonText(snapshot, k)])} ?hidden=${reason === undefined}>${reason === undefined ? '' : withSupport(reason, view)}</p>
  </form>`;
}

/** The intro, over the longest sentence it may become, unseen: it never grows when the checks change. */
function intro(snapshot: Snapshot, view: View): TemplateResult {
  const { s, k, lang } = view;
  const said = introText(snapshot, s);
  const longest = [s.intro, s.introReadyConfirm, s.introReady].reduce((a, b) => (b.length > a.length ? b : a));
  return html`<p class="muted intro"><span lang=${lang([said, introText(snapshot, k)])}>${said}</span><span class="unseen" aria-hidden="true">${longest}</span></p>`;
}

/** The whole panel for a snapshot. */
export function panel(snapshot: Snapshot, view: View): TemplateResult {
  const { s, k, lang } = view;
  const deleted = snapshot.status === 'deleted';
  const said = deleted ? '' : statusText(snapshot, s);
  return html`<section part="base" class="panel" aria-labelledby="heading" lang=${view.locale} @keydown=${view.on.keydown}>
    <h2 id="heading" part="heading" lang=${lang('heading')}>${s.heading}</h2>
    ${deleted ? nothing : intro(snapshot, view)}
    <div part="status" class="status" role="status" aria-live="polite" lang=${lang([said, deleted ? '' : statusText(snapshot, k)])}>${deleted
      ? success(snapshot, view)
      : withSupport(said, view)}</div>
    ${deleted
      ? nothing
      : html`${checks(snapshot, view)}
          <div part="consequences">
            <h3 lang=${lang('consequencesHeading')}>${s.consequencesHeading}</h3>
            <ul class="consequences" lang=${lang('consequences')}>
              ${s.consequences.map((line) => html`<li>${line}</li>`)}
            </ul>
          </div>
          <div part="error" class="error" role="alert">${failure(snapshot, view)}</div>
          ${form(snapshot, view)}`}
  </section>`;
}
