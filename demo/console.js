// The stand-in console that the panel's Resolve links open: resolving here and returning to the
// settings tab is the flow the panel's re-check on focus exists for.
import { backendState } from './backend-client.js';
import { renderResources } from './resources.js';

const resources = document.querySelector('[data-resources]');
const status = document.querySelector('#console-status');
const FOCUS_FOR = { '#dns-zones': 'dns-zone-', '#edge-applications': 'edge-application-', '#debts': 'debt' };

function changed(snapshot, sentence) {
  if (snapshot) renderResources(resources, snapshot.state, changed);
  status.textContent = sentence;
}

try {
  renderResources(resources, (await backendState()).state, changed);
  // Arriving from a check's link, start on that check's first box.
  const prefix = FOCUS_FOR[location.hash];
  if (prefix) resources.querySelector(`input[id^="${prefix}"]`)?.focus();
} catch {
  status.textContent = 'The demo server does not answer. Is `npm start` still running?';
}

document.querySelector('#close-tab').addEventListener('click', () => {
  window.close();
  // A tab the script did not open may refuse to close.
  status.textContent = 'This tab could not close itself: switch back to the settings tab.';
});
