// The demo's "Backend controls": steer the fake backend by hand and watch what it receives.
import { backendDelete, backendPost, backendState } from './backend-client.js';
import { demoMode, showAzionMode } from './mode.js';
import { renderResources } from './resources.js';
import { renderRequestLog } from './request-log.js';
import { describeUpstreamFault, renderUpstreamFaults, renderUpstreamLog } from './upstream.js';

const POLL_MS = 1000;
const FAULT_NAMES = {
  'server-error': '500 server error',
  unavailable: '503 unavailable',
  forbidden: '403 not allowed',
  'reauthentication-required': '401 sign in again',
  race: '409 race',
  'rate-limited': '429 too many requests',
  'malformed-json': 'cut-off JSON',
  'wrong-shape': 'JSON of the wrong shape',
  html: 'HTML page with 200',
  'network-error': 'network failure',
  'lost-answer': 'answer lost after deleting',
};
const TARGETS = { delete: 'the next deletion', preconditions: 'the next check', any: 'the next request' };

const form = document.querySelector('#backend-controls');
const panel = document.querySelector('account-delete-panel');
const resources = form.querySelector('[data-resources]');
const summary = form.querySelector('#account-summary');
const latency = form.querySelector('#latency');
const faultList = form.querySelector('#faults');
const status = form.querySelector('#controls-status');
const autoRefresh = form.querySelector('#auto-refresh');
const log = document.querySelector('#request-log tbody');
const upstreamFaults = form.querySelector('#upstream-faults');
const upstreamLog = document.querySelector('#upstream-log tbody');

function say(sentence) {
  // Cleared first so that the same sentence twice is announced twice.
  status.textContent = '';
  requestAnimationFrame(() => (status.textContent = sentence));
}

function describeAccount(state) {
  const name = `${state.account.name} (${state.account.id})`;
  if (state.deleted) return `${name} has been deleted. Reload the page to start again.`;
  const zones = state.dnsZones.filter((zone) => zone.active).length;
  const apps = state.edgeApplications.filter((app) => !app.removed).length;
  const blocking = [
    zones && `${zones} DNS ${zones === 1 ? 'zone' : 'zones'}`,
    apps && `${apps} edge ${apps === 1 ? 'application' : 'applications'}`,
    state.debt && `a debt of ${state.debt.value} ${state.debt.currency}`,
  ].filter(Boolean);
  return blocking.length ? `${name}: blocked by ${blocking.join(', ')}.` : `${name}: nothing blocks deletion.`;
}

function renderFaults(faults) {
  const items = faults.map((fault) => {
    const item = document.createElement('li');
    item.textContent = `${FAULT_NAMES[fault.kind] ?? fault.kind} on ${TARGETS[fault.on]}${fault.remaining > 1 ? ` (${fault.remaining} left)` : ''}`;
    return item;
  });
  if (items.length === 0) {
    const none = document.createElement('li');
    none.textContent = 'None: every request is answered normally.';
    items.push(none);
  }
  faultList.replaceChildren(...items);
}

function render(snapshot) {
  summary.textContent = describeAccount(snapshot.state);
  renderResources(resources, snapshot.state, changed);
  // Never move the value under a person who is choosing it.
  if (document.activeElement !== latency) latency.value = String(snapshot.latency);
  renderFaults(snapshot.faults);
  renderRequestLog(log, snapshot.requests);
  renderUpstreamFaults(upstreamFaults, snapshot.upstream?.faults);
  renderUpstreamLog(upstreamLog, snapshot.upstream?.requests);
}

function changed(snapshot, sentence) {
  if (snapshot) render(snapshot);
  say(sentence);
  if (snapshot && autoRefresh.checked) panel.refresh?.();
}

async function act(request, sentence) {
  try {
    changed(await request, sentence);
  } catch (error) {
    say(error.message);
  }
}

form.addEventListener('click', (event) => {
  const action = event.target.closest('button[data-action]')?.dataset.action;
  if (action === 'resolve-all') void act(backendPost('/resolve-all'), 'Every blocker is resolved.');
  if (action === 'reset') void act(backendPost('/reset'), 'The account is fresh again: two zones, an application and a debt.');
  if (action === 'clear-faults') void act(backendDelete('/faults'), 'No failures are queued.');
  if (action === 'clear-upstream') void act(backendDelete('/upstream/faults'), 'No Azion failures are queued.');
  if (action === 'queue-upstream') {
    const kind = form.querySelector('#upstream-kind').value;
    const on = kind === 'lost-answer' ? 'delete' : form.querySelector('#upstream-on').value;
    const times = Math.min(10, Math.max(1, Number(form.querySelector('#upstream-times').value) || 1));
    void act(backendPost('/upstream/faults', { kind, on, times }), `Queued at Azion: ${describeUpstreamFault(kind, on, times)}.`);
  }
});

latency.addEventListener('change', () => {
  const ms = Number(latency.value);
  void act(backendPost('/latency', { ms }), ms ? `Each answer now waits ${latency.selectedOptions[0].textContent}.` : 'No added latency.');
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const data = new FormData(form);
  const kind = String(data.get('kind'));
  const on = String(data.get('on'));
  const times = Math.min(10, Math.max(1, Number(data.get('times')) || 1));
  const target = kind === 'race' || kind === 'lost-answer' ? 'delete' : on;
  void act(
    backendPost('/faults', { kind, on, times }),
    `Queued: ${FAULT_NAMES[kind]} on ${TARGETS[target]}${times > 1 ? `, ${times} times` : ''}.`,
  );
});

document.querySelector('#clear-log').addEventListener('click', () => void act(backendDelete('/requests'), 'The log is empty.'));

// Poll while the page is in view, so the log shows what the panel sends as it happens.
async function poll() {
  if (document.visibilityState === 'visible') {
    try {
      render(await backendState());
    } catch {
      summary.textContent = 'The demo server does not answer. Is `npm start` still running?';
    }
  }
  setTimeout(poll, POLL_MS);
}
// Against a real Azion account there is nothing to steer or poll: the page only says so.
const mode = await demoMode();
if (mode.mode === 'azion') showAzionMode(mode);
else void poll();
