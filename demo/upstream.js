// The Demo tools' view of Azion's side: the failures queued on the fake Azion API, and the calls the
// server half made to it (newest first). Credentials never reach this page: the control API hides them.
const KIND_NAMES = {
  slow: 'too slow',
  'server-error': '500 server error',
  unavailable: '503 unavailable',
  html: 'HTML page with 200',
  'cut-off': 'cut-off JSON',
  'wrong-shape': 'JSON of the wrong shape',
  forbidden: '403 forbidden',
  unauthorized: '401 not signed in',
  refused: '400 refused',
  'rate-limited': '429 too many requests',
  gone: '410 already deleted',
  'network-error': 'network failure',
  'lost-answer': 'answer lost after deleting',
};
const CALL_NAMES = {
  account: 'the account',
  user: 'the user',
  dns_zones: 'DNS zones',
  applications: 'edge applications',
  payments: 'the payment history',
  delete: 'the deletion',
  any: 'any call',
};

export const describeUpstreamFault = (kind, on, times) =>
  `${KIND_NAMES[kind] ?? kind} on ${CALL_NAMES[on] ?? on}${times > 1 ? `, ${times} times` : ''}`;

export function renderUpstreamFaults(list, faults = []) {
  const items = faults.map((fault) => {
    const item = document.createElement('li');
    item.textContent = `${describeUpstreamFault(fault.kind, fault.on, 1)}${fault.remaining > 1 ? ` (${fault.remaining} left)` : ''}`;
    return item;
  });
  if (items.length === 0) {
    const none = document.createElement('li');
    none.textContent = 'None: Azion answers every call normally.';
    items.push(none);
  }
  list.replaceChildren(...items);
}

function answerOf(record) {
  if (record.aborted) return 'abandoned by the server (its time ran out, or the answer was no longer needed)';
  if (record.fault === 'network-error') return 'no answer (network failure)';
  if (record.fault === 'lost-answer') return 'carried out, answer lost (queued)';
  if (record.status === undefined || record.status === null) return 'pending…';
  return record.fault ? `${record.status} (queued: ${KIND_NAMES[record.fault] ?? record.fault})` : String(record.status);
}

let shown = '';

export function renderUpstreamLog(tbody, requests = []) {
  // Polling brings the same list most of the time; rebuilding it would lose a reader's place.
  const key = requests.map((r) => `${r.seq}:${r.status}:${r.aborted}`).join(',');
  if (key === shown) return;
  shown = key;
  const rows = [...requests].reverse().map((record) => {
    const row = document.createElement('tr');
    for (const text of [new Date(record.time).toLocaleTimeString([], { hour12: false }), `${record.method} ${record.path}`, answerOf(record)]) {
      const cell = document.createElement('td');
      cell.textContent = text;
      row.append(cell);
    }
    return row;
  });
  if (rows.length === 0) {
    const row = document.createElement('tr');
    const cell = document.createElement('td');
    cell.colSpan = 3;
    cell.textContent = 'No calls yet.';
    row.append(cell);
    rows.push(row);
  }
  tbody.replaceChildren(...rows);
}
