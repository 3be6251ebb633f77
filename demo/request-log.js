// The table of requests the fake backend received, newest first.
let shown = '';

function answerOf(record) {
  if (record.aborted) return 'aborted by the browser';
  if (record.fault === 'network-error') return 'no answer (network failure)';
  if (record.fault === 'lost-answer') return 'carried out, answer lost (queued: lost-answer)';
  if (record.status === undefined || record.status === null) return 'pending…';
  return record.fault ? `${record.status} (queued: ${record.fault})` : String(record.status);
}

function cell(row, text, title) {
  const td = document.createElement('td');
  td.textContent = text;
  if (title) td.title = title;
  row.append(td);
}

export function renderRequestLog(tbody, requests) {
  // Polling brings the same list most of the time; rebuilding it would lose a reader's place.
  const key = requests.map((r) => `${r.seq}:${r.status}:${r.aborted}`).join(',');
  if (key === shown) return;
  shown = key;
  const rows = [...requests].reverse().map((record) => {
    const row = document.createElement('tr');
    cell(row, new Date(record.time).toLocaleTimeString([], { hour12: false }));
    cell(row, `${record.method} ${record.path}`);
    const idKey = record.idempotencyKey;
    cell(row, idKey ? `${idKey.slice(0, 8)}…` : '—', idKey);
    cell(row, answerOf(record));
    return row;
  });
  if (rows.length === 0) {
    const row = document.createElement('tr');
    const td = document.createElement('td');
    td.colSpan = 4;
    td.textContent = 'No requests yet.';
    row.append(td);
    rows.push(row);
  }
  tbody.replaceChildren(...rows);
}
