// What only a real HTTP server does, for the browser tests of the SDK and the panel: the test runner
// serves these routes beside the test files (web-test-runner.config.mjs). Each test picks its own
// `<run>` name, so that parallel test files never share a log.
//
// - `/real/<run>/redirect-<code>/…` (301, 302, 303, 307, 308): a DELETE is answered with that redirect to `/real/<run>/elsewhere/…`,
//   which answers 204; a GET reads an account that nothing blocks.
// - `/real/<run>/stall/…`: the headers and half of a JSON body, then nothing, until the client gives up.
// - `/real/<run>/status-<line>/…`: the raw status line `HTTP/1.1 <line>`, such as `600 Odd` or `2x4 Odd`.
// - `/real/<run>/cached/…`: a GET that says nothing blocks the first time, and that a DNS zone blocks
//   after, each with `Cache-Control: max-age=600`: a browser that may use its cache gives the first again.
// - `GET /real/<run>/log`: the requests of the run so far, as "METHOD /path".
const runs = new Map();
const CLEAR = JSON.stringify({ data: { account: { id: 1234, name: 'Acme Corp' }, deletable: true, checks: [] } });
const BLOCKED = JSON.stringify({
  data: { account: { id: 1234, name: 'Acme Corp' }, deletable: false, checks: [{ type: 'dns_zones', status: 'blocking', count: 1 }] },
});

export async function realServer(ctx, next) {
  const match = /^\/real\/([\w-]+)\/([\w%.-]+)(\/.*)?$/.exec(ctx.path);
  if (!match) return next();
  const [, run, route, rest = ''] = match;
  if (route === 'log') {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(runs.get(run) ?? []);
    return undefined;
  }
  runs.set(run, [...(runs.get(run) ?? []), `${ctx.method} ${ctx.path}`]);

  const redirect = /^redirect-(30[12378])$/.exec(route);
  if (redirect && ctx.method === 'DELETE') {
    ctx.status = Number(redirect[1]);
    ctx.set('Location', `/real/${run}/elsewhere${rest}`);
  } else if (route === 'elsewhere' && ctx.method === 'DELETE') {
    ctx.status = 204;
  } else if (route === 'stall') {
    ctx.respond = false;
    ctx.res.writeHead(200, { 'Content-Type': 'application/json' });
    ctx.res.write(CLEAR.slice(0, 20));
    // Nothing more: the client's timeout ends it (the socket closes with it, or with the server).
    const socket = ctx.req.socket;
    if (!socket.destroyed) await new Promise((resolve) => socket.once('close', resolve));
  } else if (route.startsWith('status-')) {
    ctx.respond = false;
    const line = decodeURIComponent(route.slice('status-'.length));
    ctx.req.socket.end(`HTTP/1.1 ${line}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
  } else if (route === 'cached' && ctx.method === 'GET') {
    const first = runs.get(run).filter((line) => line.startsWith('GET')).length === 1;
    ctx.type = 'application/json';
    ctx.set('Cache-Control', 'max-age=600');
    ctx.body = first ? CLEAR : BLOCKED;
  } else if (ctx.method === 'GET') {
    ctx.type = 'application/json';
    ctx.body = CLEAR;
  } else {
    ctx.status = 404;
  }
  return undefined;
}
