// The floor: one fetch of the same endpoint and plain DOM writes of the same list, no framework.
import { apiBase, checksRequestTiming, whenRendered } from './common.js';

const host = document.getElementById('host');
const TITLES = { dns_zones: 'DNS zones', edge_applications: 'Edge applications', debts: 'Debts' };

function line(check) {
  const title = TITLES[check.type] ?? check.title ?? check.type;
  if (check.status === 'passed') return `${title}: resolved`;
  const amount = check.amount ? ` ${check.amount.value} ${check.amount.currency}` : '';
  const names = (check.items ?? []).slice(0, 5).map((item) => item.name);
  const more = Math.max(check.count ?? 0, check.items?.length ?? 0) - names.length;
  const list = names.length ? ` (${names.join(', ')}${more > 0 ? ` and ${more} more` : ''})` : '';
  return `${title}: ${check.message ?? `${check.count} must be resolved`}${amount}${list}`;
}

async function mount() {
  const t0 = performance.now();
  const rendered = whenRendered(host, '#checks li');
  const response = await fetch(`${apiBase}/v4/account/deletion/preconditions`, {
    credentials: 'include',
    headers: { accept: 'application/json' },
  });
  const { data } = await response.json();
  const list = document.createElement('ul');
  list.id = 'checks';
  for (const check of data.checks) {
    const item = document.createElement('li');
    item.textContent = line(check);
    list.append(item);
  }
  host.append(list);
  const { dom, frame } = await rendered;
  return { checked: dom - t0, dom: dom - t0, frame: frame - t0, request: checksRequestTiming(t0), items: list.children.length };
}

window.benchResult = mount().catch((error) => ({ error: String(error) }));
