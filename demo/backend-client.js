// Talks to the fake backend's control API (served by demo/server.mjs under /__backend).
// Every route answers with a snapshot: { state, latency, faults, requests }.
const BASE = '/__backend';

async function call(method, path, body) {
  const response = await fetch(`${BASE}${path}`, {
    method,
    // JSON on every change: the server refuses anything else, so another site cannot steer it.
    headers: method === 'GET' ? {} : { 'content-type': 'application/json' },
    body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
    cache: 'no-store',
  });
  const answer = await response.json();
  if (!response.ok) throw new Error(answer.detail ?? `The control API answered ${response.status}.`);
  return answer;
}

export const backendState = () => call('GET', '/state');
export const backendPost = (path, body) => call('POST', path, body);
export const backendDelete = (path) => call('DELETE', path);
