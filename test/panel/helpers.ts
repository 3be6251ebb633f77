/**
 * The panel's tests fake the network at its edge: the element gets a real SDK client whose `fetch`
 * answers with real Response objects, and every Request it was given is kept so a test can count
 * the DELETEs and read their Idempotency-Key.
 */
import { fixture, fixtureSync, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../components/account-delete-panel/account-delete-panel.js';
import { createAccountDeletionClient, type AccountDeletionClient, type ClientOptions } from '../../src/index.js';
import type { AccountDeletePanel, Strings } from '../../components/account-delete-panel/account-delete-panel.js';
import { ACCOUNT, blockedBody } from '../spec-examples.js';

export { ACCOUNT, blockedBody, clearBody, conflictBody } from '../spec-examples.js';

export type { AccountDeletePanel };

/** One answer of the fake API. Called once per request, so each request gets a fresh Response. */
export type Reply = () => Response | Promise<Response>;

export const ok = (body: unknown, headers: Record<string, string> = {}): Reply => () => Response.json(body, { headers });
export const status = (code: number, body?: unknown, headers: Record<string, string> = {}): Reply => () =>
  body === undefined ? new Response(null, { status: code, headers }) : Response.json(body, { status: code, headers });
export const text = (body: string, code: number, headers: Record<string, string> = {}): Reply => () =>
  new Response(body, { status: code, headers });
export const noContent: Reply = () => new Response(null, { status: 204 });
/** The network fails, as a browser's fetch does. */
export const networkError: Reply = () => Promise.reject(new TypeError('Failed to fetch'));
/** No answer ever comes; only the request's signal ends the wait. */
export const hang: Reply = () => new Promise<Response>(() => {});

/** An answer that waits until the test releases it, to look at the panel while a request is in flight. */
export interface Held {
  reply: Reply;
  /** Resolves when the request reached the network. */
  arrived: Promise<void>;
  release(reply: Reply): void;
}

export function held(): Held {
  let arrive!: () => void;
  let release!: (reply: Reply) => void;
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  const released = new Promise<Reply>((resolve) => (release = resolve));
  return {
    arrived,
    release,
    reply: async () => {
      arrive();
      return (await released)();
    },
  };
}

export interface FakeApi {
  client: AccountDeletionClient;
  fetch: typeof globalThis.fetch;
  /** Every request received, in order. */
  requests: Request[];
  checks(): Request[];
  deletes(): Request[];
  /** The answers to the next checks, in order; the last one repeats. */
  answerChecks(...replies: Reply[]): void;
  /** The answers to the next DELETEs, in order; the last one repeats. */
  answerDeletes(...replies: Reply[]): void;
}

/**
 * A fake account deletion API. GET preconditions and DELETE account each take their answers from a
 * queue whose last entry repeats. The client does not repeat GETs, so every check is one request.
 */
export function fakeApi(options: { checks?: Reply[]; deletes?: Reply[]; client?: Omit<ClientOptions, 'fetch'> } = {}): FakeApi {
  const requests: Request[] = [];
  let checkReplies: Reply[] = options.checks ?? [ok(blockedBody())];
  let deleteReplies: Reply[] = options.deletes ?? [noContent];
  const next = (queue: Reply[]): Reply => (queue.length > 1 ? queue.shift()! : queue[0]!);

  const fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    requests.push(request);
    const path = new URL(request.url).pathname;
    let reply: Reply;
    if (request.method === 'GET' && path.endsWith('/v4/account/deletion/preconditions')) reply = next(checkReplies);
    else if (request.method === 'DELETE' && /\/v3\/account\/\d+$/.test(path)) reply = next(deleteReplies);
    else reply = status(404, { detail: 'Not found.' });
    const signal = request.signal;
    if (signal.aborted) return Promise.reject(signal.reason);
    return new Promise<Response>((resolve, reject) => {
      // As a browser does: an abort ends the wait, whatever the server was doing.
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      Promise.resolve()
        .then(reply)
        .then(resolve, reject);
    });
  };

  return {
    client: createAccountDeletionClient({ retry: { limit: 0 }, ...options.client, fetch }),
    fetch,
    requests,
    checks: () => requests.filter((r) => r.method === 'GET'),
    deletes: () => requests.filter((r) => r.method === 'DELETE'),
    answerChecks: (...replies) => (checkReplies = replies),
    answerDeletes: (...replies) => (deleteReplies = replies),
  };
}

// ---------- Bodies, as the server sends them (snake_case) ----------

/** A precondition body with the given checks. `deletable` is what the server would say. */
export function bodyWith(checks: unknown[], deletable = false, account: unknown = ACCOUNT) {
  return { data: { account, deletable, checked_at: '2026-11-28T10:00:00Z', checks } };
}

export function reauthBody() {
  return { errors: [{ status: '401', code: 'reauthentication_required', title: 'Sign in again', detail: 'Sign in again to continue.' }] };
}

// ---------- Mounting ----------

export interface MountOptions {
  confirmation?: string;
  lang?: string;
  /** Default `#deleted`: a test page must never leave for the real default. */
  redirectUrl?: string;
  redirectDelay?: number;
  strings?: Partial<Strings>;
  /** Wait for the first check to end (read or failed). Default true. */
  settle?: boolean;
}

/** The first of these events to reach `target`; no listener is left behind for a later test. */
export function firstOf(target: EventTarget, types: string[]): Promise<Event> {
  return new Promise((resolve) => {
    const done = (event: Event) => {
      for (const type of types) target.removeEventListener(type, done);
      resolve(event);
    };
    for (const type of types) target.addEventListener(type, done);
  });
}

/** The end of the next check: `account-delete-checked` or `account-delete-error`. */
export function nextOutcome(target: EventTarget = document): Promise<Event> {
  return firstOf(target, ['account-delete-checked', 'account-delete-error']);
}

/** Puts a panel on the page with the fake API's client, and waits for its first check by default. */
export async function mount(api: Pick<FakeApi, 'client'>, options: MountOptions = {}): Promise<AccountDeletePanel> {
  const outcome = nextOutcome();
  const el = await fixture<AccountDeletePanel>(html`<account-delete-panel
    .client=${api.client}
    .strings=${options.strings ?? {}}
    confirmation=${ifDefined(options.confirmation)}
    lang=${ifDefined(options.lang)}
    redirect-url=${options.redirectUrl ?? '#deleted'}
    redirect-delay=${ifDefined(options.redirectDelay)}
  ></account-delete-panel>`);
  if (options.settle !== false) {
    await outcome;
    await el.updateComplete;
  }
  return el;
}

/** Waits for the next check (started by anything: focus, a button, `refresh()`) to end, and the panel to render it. */
export async function afterNextCheck(el: AccountDeletePanel, start: () => unknown): Promise<void> {
  const outcome = nextOutcome(el);
  start();
  await outcome;
  await el.updateComplete;
}

// ---------- Finding the parts ----------

const root = (el: AccountDeletePanel): ShadowRoot => el.shadowRoot!;

export const heading = (el: AccountDeletePanel) => root(el).querySelector<HTMLElement>('h2')!;
/** The list of checks: the one list with a name (the placeholder has none, and is hidden). */
export const checksList = (el: AccountDeletePanel) => root(el).querySelector<HTMLUListElement>('ul[aria-label]');
/** The accessible name of every check, in order. */
export const checkNames = (el: AccountDeletePanel): string[] =>
  [...(checksList(el)?.querySelectorAll(':scope > li') ?? [])].map((li) => li.getAttribute('aria-label') ?? '');
export const checkItem = (el: AccountDeletePanel, index: number) => checksList(el)!.querySelectorAll<HTMLLIElement>(':scope > li')[index]!;
export const statusRegion = (el: AccountDeletePanel) => root(el).querySelector<HTMLElement>('[role="status"]')!;
export const alertRegion = (el: AccountDeletePanel) => root(el).querySelector<HTMLElement>('[role="alert"]');
export const textbox = (el: AccountDeletePanel) => root(el).querySelector<HTMLInputElement>('input');
export const deleteButton = (el: AccountDeletePanel) => root(el).querySelector<HTMLButtonElement>('[part="delete-button"]')!;
export const buttonNamed = (el: AccountDeletePanel, name: string) =>
  [...root(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === name);
export const checkAgainButton = (el: AccountDeletePanel) => buttonNamed(el, 'Check again')!;
export const successMessage = (el: AccountDeletePanel) => root(el).querySelector<HTMLElement>('[part="success"]');
export const activeElement = (el: AccountDeletePanel) => root(el).activeElement;

/** The accessible name of a form control labelled by a `<label for>`. */
export const labelOf = (control: HTMLInputElement) => [...(control.labels ?? [])].map((l) => l.textContent!.trim()).join(' ');

/** True when the Delete button cannot be used, as assistive technology is told. */
export function isUnusable(button: HTMLButtonElement): boolean {
  return button.disabled || button.getAttribute('aria-disabled') === 'true';
}

/** The reason the Delete button says it cannot be used, read through its aria-describedby. */
export function reasonOf(el: AccountDeletePanel): string | undefined {
  const ids = deleteButton(el).getAttribute('aria-describedby');
  if (!ids) return undefined;
  return ids
    .split(/\s+/)
    .map((id) => root(el).getElementById(id)?.textContent?.trim() ?? '')
    .join(' ');
}

/** Types into the confirmation textbox as a user would, through an input event. */
export async function typeName(el: AccountDeletePanel, value: string): Promise<void> {
  const input = textbox(el)!;
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: value }));
  await el.updateComplete;
}

/** Clicks Delete and waits for the outcome of the DELETE: the success message or an error. */
export async function deleteAndSettle(el: AccountDeletePanel, click: () => void = () => deleteButton(el).click()): Promise<Event> {
  const outcome = firstOf(el, ['account-deleted', 'account-delete-error']);
  click();
  const event = await outcome;
  await el.updateComplete;
  return event;
}

/** A panel with nothing blocking and the name typed: one click away from a DELETE. */
export async function readyToDelete(api: FakeApi, options: MountOptions = {}): Promise<AccountDeletePanel> {
  const el = await mount(api, options);
  if (options.confirmation !== 'none') await typeName(el, ACCOUNT.name);
  return el;
}

/*
 * The runner opens test files in parallel pages of one browser, and only one page is in front. A page
 * in the back gets no animation frames and slow timers, so nothing here waits for a frame, and waits
 * that need a timer are generous.
 */

/** Waits for `predicate`, checking often and long enough for a page in the background. */
export function eventually(predicate: () => unknown, message: string): Promise<void> {
  return waitUntil(predicate, message, { interval: 10, timeout: 5000 });
}

/** Puts markup holding one panel on the page and waits for the panel's first check. */
export async function mountIn<T extends Element>(template: TemplateResult): Promise<{ root: T; el: AccountDeletePanel }> {
  const outcome = nextOutcome();
  // Not `fixture`: for a root that is no Lit element it waits for an animation frame.
  const root = fixtureSync<T>(template);
  const el = root.querySelector('account-delete-panel')!;
  await outcome;
  await el.updateComplete;
  return { root, el };
}

/** A macrotask that background pages do not slow down, unlike setTimeout. */
function macrotask(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

/**
 * Lets every pending update, request and answer run, for asserting that something did not happen.
 * With `ms`, also lets that much time pass (for timers such as the redirect's).
 */
export async function quiet(el: AccountDeletePanel, ms = 0): Promise<void> {
  await el.updateComplete;
  for (let i = 0; i < 5; i++) await macrotask();
  if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
  await el.updateComplete;
}

/** The language of a node's text, as HTML computes it: the nearest lang, through the shadow roots. */
export function langOf(node: Element): string | null {
  for (let at: Element | null = node; at; at = at.parentElement ?? ((at.getRootNode() as ShadowRoot).host ?? null)) {
    if (at.hasAttribute('lang')) return at.getAttribute('lang');
  }
  return null;
}
