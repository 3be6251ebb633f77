// Shared by the bench pages: when a list is on screen, and what the page's layout shifts were.

/**
 * Resolves when `root` holds a `selector` match: `dom` is when a MutationObserver saw it, `frame` the
 * start of the next animation frame (the frame that paints it). Rejects after `timeoutMs`.
 */
export function whenRendered(root, selector, timeoutMs = 10_000) {
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      observer.disconnect();
      clearTimeout(timer);
      const dom = performance.now();
      requestAnimationFrame(() => resolve({ dom, frame: performance.now() }));
    };
    const observer = new MutationObserver(() => {
      if (root.querySelector(selector)) finish();
    });
    observer.observe(root, { childList: true, subtree: true });
    const timer = setTimeout(() => {
      if (done) return;
      done = true;
      observer.disconnect();
      reject(new Error(`${selector} did not appear within ${timeoutMs} ms`));
    }, timeoutMs);
    if (root.querySelector(selector)) finish();
  });
}

/** The fetch of the checks as the browser timed it, relative to `t0`. */
export function checksRequestTiming(t0) {
  const entry = performance
    .getEntriesByType('resource')
    .filter((e) => e.name.includes('/v4/account/deletion/preconditions'))
    .at(-1);
  return entry ? { start: entry.startTime - t0, responseEnd: entry.responseEnd - t0 } : undefined;
}

export const params = new URLSearchParams(location.search);
export const apiBase = params.get('api') ?? '/api';

const near = (a, b) => Math.abs(a - b) < 1;

/** Chromium gives no node for a source inside a shadow root: find the outermost element of a panel at that place. */
function inPanelAt(r) {
  if (!r || (r.width === 0 && r.height === 0)) return undefined;
  for (const panel of document.querySelectorAll('account-delete-panel')) {
    for (const element of panel.shadowRoot?.querySelectorAll('*') ?? []) {
      const b = element.getBoundingClientRect();
      if (near(b.x, r.x) && near(b.y, r.y) && near(b.width, r.width) && near(b.height, r.height)) return element;
    }
  }
  return undefined;
}

function describe(node, source) {
  node ??= inPanelAt(source.currentRect);
  if (!node) return '(a node in a shadow root)';
  if (node.nodeType !== Node.ELEMENT_NODE) return node.nodeName;
  const root = node.getRootNode();
  const where = root instanceof ShadowRoot ? `${root.host.localName} >>> ` : '';
  const id = node.id ? `#${node.id}` : '';
  const part = node.getAttribute('part') ? `[part="${node.getAttribute('part')}"]` : '';
  const cls = node.classList.length ? `.${[...node.classList].join('.')}` : '';
  return `${where}${node.localName}${id}${cls}${part}`;
}

const rect = (r) => r && { x: r.x, y: r.y, width: r.width, height: r.height };

/** Every layout shift of the page, from its start (buffered), with what moved. */
export const shifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    shifts.push({
      startTime: entry.startTime,
      value: entry.value,
      hadRecentInput: entry.hadRecentInput,
      sources: (entry.sources ?? []).map((s) => ({
        node: describe(s.node, s),
        from: rect(s.previousRect),
        to: rect(s.currentRect),
      })),
    });
  }
}).observe({ type: 'layout-shift', buffered: true });
