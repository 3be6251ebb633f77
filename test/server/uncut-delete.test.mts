// The upstream DELETE to Azion is never cut off by a timer of the kit's own. server.md: "checkTimeout
// (ms, for each upstream call; the deletion gets twice as long)"; the house rule: a DELETE in flight
// is never aborted (an abort cannot undo a deletion, only lose its answer). A cap of 55 s once cut it
// off whatever checkTimeout was, counted the abort as a failure and freed the key: a repeat with the
// same key then sent a second DELETE.
// In this file every AbortSignal.timeout runs 100 times faster (55 s become 550 ms), so a cap like
// that one shows within seconds; no other timer (the handler's, the fake's, node:test's) is touched.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { azion, createDeletionHandler, memoryStore } from '../../src/server/index.ts';
import { createFakeAzionApi } from '../../testing/index.ts';
import { deleteAccount, TOKEN } from './helpers.mts';

const realTimeout = AbortSignal.timeout.bind(AbortSignal);
before(() => {
  AbortSignal.timeout = (ms: number) => realTimeout(ms / 100);
});
after(() => {
  AbortSignal.timeout = realTimeout;
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A handler over a fake Azion whose DELETE answers 204 after `deleteMs`, unless its signal aborts first. */
function slowDelete(deleteMs: number, checkTimeout: number) {
  const upstream = createFakeAzionApi({ token: TOKEN });
  upstream.resolveAll();
  const deletes: { aborted: () => boolean }[] = [];
  const fetch = (input: string, init: RequestInit): Promise<Response> => {
    if (init.method !== 'DELETE') return upstream.fetch(input, init);
    deletes.push({ aborted: () => init.signal?.aborted === true });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => resolve(new Response(null, { status: 204 })), deleteMs);
      init.signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(init.signal?.reason);
      });
    });
  };
  const handler = createDeletionHandler({
    basePath: '/api',
    ...azion({ auth: 'forward', apiBase: 'https://api.azion.test', ssoBase: 'https://sso.azion.test', fetch }),
    idempotency: memoryStore(),
    checkTimeout,
  });
  return { handler, deletes };
}

describe('an upstream DELETE slower than any cap of the kit', { concurrency: true }, () => {
  it('checkTimeout 1 s (the deletion gets 2 s), Azion answers 204 at 1.5 s, past a 55 s cap scaled to 550 ms: a 204, and a repeat sends no second DELETE', async () => {
    const { handler, deletes } = slowDelete(1500, 1000);
    const first = await handler(deleteAccount(1234, 'key-1'));
    assert.equal(first.status, 204, `answered ${first.status}: ${await first.text()}`);
    const repeat = await handler(deleteAccount(1234, 'key-1'));
    assert.equal(repeat.status, 204);
    assert.equal(deletes.length, 1);
  });

  it('checkTimeout 200 ms: a 504 at 400 ms, the DELETE goes on uncut, its 204 at 1.5 s answers the repeat, and no second DELETE goes out', async () => {
    const { handler, deletes } = slowDelete(1500, 200);
    const first = await handler(deleteAccount(1234, 'key-1'));
    assert.equal(first.status, 504);
    await sleep(1700);
    assert.equal(deletes[0]?.aborted(), false, 'the DELETE was cut off');
    const repeat = await handler(deleteAccount(1234, 'key-1'));
    assert.equal(repeat.status, 204);
    assert.equal(deletes.length, 1);
  });
});
