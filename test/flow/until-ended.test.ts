/**
 * The panel's `refresh()` and `retry()` resolve once what they started has ended (`untilEnded`), also
 * when a host calls them from a subscriber of the flow, while the flow tells its subscribers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { untilEnded } from '../../components/account-delete-panel/until-ended.js';
import { rest, world } from './helpers.js';

test('refresh() from a subscriber: it resolves once the check it started has ended, not before', async () => {
  const w = world({ resolved: true, flow: { confirmation: 'none' } });
  w.flow.send({ type: 'check' });
  await rest();
  let ended: Promise<void> | undefined;
  w.flow.subscribe(() => void (ended ??= untilEnded(w.flow, { type: 'check' })));
  w.flow.send({ type: 'confirm', value: 'a' });
  let done = false;
  void ended?.then(() => (done = true));
  await Promise.resolve();
  await Promise.resolve();
  assert.deepEqual([w.flow.getSnapshot().status, done], ['checking', false]);
  await rest();
  assert.deepEqual([w.flow.getSnapshot().status, done], ['ready', true]);
  w.flow.dispose();
});

test('retry() when it can do nothing: it resolves, and nothing was sent', async () => {
  const w = world({ resolved: true, flow: { confirmation: 'none' } });
  w.flow.send({ type: 'check' });
  await rest();
  await untilEnded(w.flow, { type: 'retry' });
  assert.deepEqual(w.log(), ['GET 200']);
  w.flow.dispose();
});

test('retry() during the check after a lost answer: it resolves once the repeat it leads to has ended', async () => {
  const w = world({ resolved: true, flow: { confirmation: 'none' } });
  w.flow.send({ type: 'check' });
  await rest();
  w.backend.failNext('server-error', { on: 'delete' });
  w.flow.send({ type: 'delete' });
  await rest();
  w.flow.send({ type: 'check' });
  let at: string | undefined;
  await untilEnded(w.flow, { type: 'retry' }).then(() => void (at = w.flow.getSnapshot().status));
  assert.deepEqual([at, w.keys()], ['deleted', ['key-1', 'key-1']]);
  w.flow.dispose();
});
