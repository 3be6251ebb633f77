/**
 * What a host's listeners and subscribers may send before any view was told of a lost DELETE answer,
 * and how that answer still reaches the user.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rest, world } from './helpers.js';

test('a lost answer → the first subscriber asks a check at once: every later subscriber is told of the failure first', async () => {
  const w = world({ resolved: true, flow: { confirmation: 'none' } });
  w.flow.subscribe(() => {
    if (w.flow.getSnapshot().status === 'delete-failed') w.flow.send({ type: 'check' });
  });
  const told: string[] = [];
  w.flow.subscribe(() => told.push(w.flow.getSnapshot().status));
  w.flow.send({ type: 'check' });
  await rest();
  w.backend.failNext('server-error', { on: 'delete' });
  w.flow.send({ type: 'delete' });
  await rest();
  assert.deepEqual(told.slice(-4), ['deleting', 'delete-failed', 'checking', 'ready']);
  w.flow.dispose();
});
