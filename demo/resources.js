// The checkboxes for what blocks deletion: one a DNS zone, an edge application, the debt.
// Checked means "still blocks"; unchecking resolves it through the control API.
import { backendPost } from './backend-client.js';

let lastDebt = { value: '120.50', currency: 'USD' };
/** The rows as last rendered, by checkbox id: a change acts on the state the user saw. */
const current = new Map();

function rows(state) {
  if (state.debt) lastDebt = state.debt;
  return [
    ...state.dnsZones.map((zone) => ({
      id: `dns-zone-${zone.id}`,
      label: `DNS zone ${zone.name} is active`,
      checked: zone.active,
      path: (on) => `/dns-zones/${zone.id}/${on ? 'enable' : 'disable'}`,
      said: (on) => `DNS zone ${zone.name} ${on ? 'enabled' : 'disabled'}.`,
    })),
    ...state.edgeApplications.map((app) => ({
      id: `edge-application-${app.id}`,
      label: `Edge application ${app.name} exists`,
      checked: !app.removed,
      path: (on) => `/edge-applications/${app.id}/${on ? 'restore' : 'remove'}`,
      said: (on) => `Edge application ${app.name} ${on ? 'restored' : 'removed'}.`,
    })),
    {
      id: 'debt',
      label: `A debt of ${lastDebt.value} ${lastDebt.currency} is unpaid`,
      checked: state.debt !== null,
      path: (on) => `/debt/${on ? 'restore' : 'pay'}`,
      said: (on) => (on ? 'The debt is back.' : 'The debt is paid.'),
    },
  ];
}

/**
 * Keeps the checkboxes in `container` in step with `state`. Existing boxes are updated in place, so
 * keyboard focus stays where the user left it. `onChange(snapshot, sentence)` runs after each change.
 */
export function renderResources(container, state, onChange) {
  for (const row of rows(state)) {
    current.set(row.id, row);
    let input = container.querySelector(`#${row.id}`);
    if (!input) {
      const label = document.createElement('label');
      label.className = 'check';
      input = document.createElement('input');
      input.type = 'checkbox';
      input.id = row.id;
      label.append(input, ' ', document.createElement('span'));
      container.append(label);
      input.addEventListener('change', async () => {
        const on = input.checked;
        const { path, said } = current.get(input.id);
        try {
          onChange(await backendPost(path(on)), said(on));
        } catch (error) {
          input.checked = !on;
          onChange(undefined, error.message);
        }
      });
    }
    input.checked = row.checked;
    input.nextElementSibling.textContent = row.label;
  }
}
