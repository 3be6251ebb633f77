/**
 * The scripted scenarios of test/scenarios.ts against the headless controller: the same events, the
 * same requests and the same end as the panel meets them in test/panel/scenarios.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SCENARIOS, type ScenarioStep } from '../scenarios.js';
import { world, type World } from './helpers.js';

async function play(w: World, step: ScenarioStep): Promise<void> {
  if ('backend' in step) {
    if (step.backend === 'resolve-all') w.backend.resolveAll();
    else w.backend.enableZone('acme.com');
    return;
  }
  if ('fault' in step) return w.backend.failNext(step.fault, { on: step.on });
  const { flow } = w;
  if (step.user === 'confirm') flow.send({ type: 'confirm', value: step.value });
  // Delete does what the flow offers now: a new deletion, the repeat of one, or nothing.
  else if (step.user === 'delete') {
    const action = flow.getSnapshot().actions.delete;
    if (action) flow.send({ type: action });
  } else if (step.user === 'check') {
    if (flow.getSnapshot().actions.check) flow.send({ type: 'check' });
  } else flow.send({ type: step.user });
  await w.settled();
}

for (const scenario of SCENARIOS) {
  test(`scenario: ${scenario.name}`, async () => {
    const w = world({ flow: { redirectDelay: 60_000 } });
    w.flow.send({ type: 'check' });
    await w.settled();
    for (const step of scenario.steps) await play(w, step);
    assert.deepEqual(w.log(), scenario.requests);
    const keys = w.keys();
    assert.deepEqual(
      keys.slice(1).map((key, i) => key === keys[i]),
      scenario.sameKeyAsBefore ?? [],
    );
    assert.equal(w.flow.getSnapshot().status, scenario.status);
    w.flow.dispose();
  });
}
