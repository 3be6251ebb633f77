// The panel's page. `?mode=auto` (the default) connects one panel at once and leaves its timings in
// window.benchResult; `?mode=manual` only exposes window.bench for the driver. `?window=1` puts the
// panel in <account-delete-dialog> and opens the window, as the account page's button would.
import '/dist/account-delete-panel.standalone.js';
import { apiBase, checksRequestTiming, params, shifts, whenRendered } from './common.js';

const host = document.getElementById('host');
const inWindow = params.get('window') === '1';

function createPanel(tag = 'account-delete-panel') {
  const panel = document.createElement(tag);
  panel.setAttribute('api-base', apiBase);
  panel.setAttribute('redirect-url', '/bench/pages/panel.html?mode=manual');
  // The success message stays: the page must outlive the deletion to be measured.
  panel.setAttribute('redirect-delay', params.get('redirectDelay') ?? '3600000');
  return panel;
}

/**
 * Connects a panel (window.panel) and times it from the connection to the frame that paints its checks.
 * In the window, the page's Delete account button is drawn first, as on an account page, and the time
 * runs from its click. Returns at once; `window.mounted` resolves to the timings.
 */
function connect() {
  const element = createPanel(inWindow ? 'account-delete-dialog' : 'account-delete-panel');
  let checked;
  element.addEventListener('account-delete-checked', () => {
    checked ??= performance.now();
    performance.mark('bench:checked event');
  });
  window.element = element;
  window.panel = element;
  if (inWindow) host.append(element);
  window.mounted = (async () => {
    // The button on the page, painted, before the user clicks it.
    if (inWindow) await element.updateComplete.then(twoFrames);
    performance.clearMarks();
    const t0 = performance.now();
    performance.mark('bench:connected');
    // The window makes its panel on opening: the panel is there once the click has rendered.
    if (inWindow) element.shadowRoot.querySelector('[part="trigger"]').click();
    else host.append(element);
    if (inWindow) await element.updateComplete;
    const inner = inWindow ? element.shadowRoot.querySelector('account-delete-panel') : element;
    window.panel = inner;
    const rendered = whenRendered(inner.shadowRoot, '#checks li');
    const firstRender = inner.updateComplete.then(() => performance.now());
    // The snapshot with the checks: the flow's state, before any render.
    let snapshot;
    const stop = inner.flow.subscribe(() => {
      if (inner.flow.getSnapshot().preconditions && snapshot === undefined) {
        snapshot = performance.now();
        performance.mark('bench:snapshot');
      }
    });
    const { dom, frame } = await rendered;
    stop();
    performance.mark('bench:checks in the DOM', { startTime: dom });
    performance.mark('bench:checks painted', { startTime: frame });
    const request = checksRequestTiming(t0);
    return {
      checked: checked - t0,
      snapshot: snapshot - t0,
      dom: dom - t0,
      frame: frame - t0,
      // When the first render (the placeholder) was done: the request may start before or after it.
      firstRender: (await firstRender) - t0,
      request,
      items: inner.shadowRoot.querySelectorAll('#checks > li').length,
    };
  })();
}

async function mount() {
  await customElements.whenDefined('account-delete-panel');
  connect();
  return window.mounted;
}

/** Waits for the next `account-delete-checked` of `panel`, at most `timeoutMs`. */
function nextChecked(panel, timeoutMs = 10_000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no account-delete-checked')), timeoutMs);
    panel.addEventListener('account-delete-checked', () => (clearTimeout(timer), resolve()), { once: true });
  });
}

const twoFrames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

/**
 * `count` connect/disconnect cycles, each with a new panel. With `waitForChecks`, each panel is removed
 * after its checks arrived; without, at once (its check is aborted). Bounded by `deadlineMs` in all.
 */
async function cycles(count, { waitForChecks, deadlineMs = 60_000 }) {
  const end = performance.now() + deadlineMs;
  let done = 0;
  let failed = 0;
  for (let i = 0; i < count && performance.now() < end; i++) {
    const panel = createPanel();
    const checked = waitForChecks ? nextChecked(panel, 5_000) : undefined;
    host.append(panel);
    if (checked) await checked.catch(() => failed++);
    else await panel.updateComplete; // connected, first render done, its check under way
    panel.remove();
    done++;
  }
  // Let aborted requests and the last render settle before anyone looks at the heap.
  await twoFrames();
  return { done, failed };
}

/** The control for `cycles`: the baseline's fetch and plain list, connected and removed `count` times. */
async function baselineCycles(count, { deadlineMs = 60_000 } = {}) {
  const end = performance.now() + deadlineMs;
  let done = 0;
  let failed = 0;
  for (let i = 0; i < count && performance.now() < end; i++) {
    const list = document.createElement('ul');
    host.append(list);
    try {
      const response = await fetch(`${apiBase}/v4/account/deletion/preconditions`, { headers: { accept: 'application/json' } });
      const { data } = await response.json();
      for (const check of data.checks) {
        const item = document.createElement('li');
        item.textContent = `${check.type}: ${check.status} ${check.count}`;
        list.append(item);
      }
    } catch {
      failed++;
    }
    list.remove();
    done++;
  }
  await twoFrames();
  return { done, failed };
}

window.bench = { mount, connect, nextChecked, twoFrames, cycles, baselineCycles, shifts };
if ((params.get('mode') ?? 'auto') === 'auto') {
  window.benchResult = mount().catch((error) => ({ error: String(error) }));
}
