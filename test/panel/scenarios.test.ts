/**
 * The scripted scenarios of test/scenarios.ts through the panel, as a user meets them: the same events,
 * the same requests and the same end as the headless controller in test/flow/scenarios.test.ts.
 */
import { expect } from '@open-wc/testing';
import { createAccountDeletionClient } from '../../src/index.js';
import { createFakeBackend, createFakeFetch, type FakeBackend } from '../../testing/index.js';
import { SCENARIOS, type Scenario, type ScenarioStep } from '../scenarios.js';
import {
  alertRegion,
  checkAgainButton,
  deleteButton,
  eventually,
  mount,
  quiet,
  reasonOf,
  statusRegion,
  successMessage,
  typeName,
  type AccountDeletePanel,
} from './helpers.js';

/** The flow's status, as the panel shows it. */
function statusOf(el: AccountDeletePanel): Scenario['status'] {
  if (successMessage(el)) return 'deleted';
  const status = statusRegion(el).textContent!.trim();
  if (status === 'Checking your account…') return 'checking';
  if (status === 'Deleting your account…') return 'deleting';
  if (alertRegion(el)!.textContent!.trim() !== '') return reasonOf(el) === 'The account could not be checked' ? 'check-failed' : 'delete-failed';
  return reasonOf(el)?.startsWith('Resolve') ? 'blocked' : 'ready';
}

async function settled(el: AccountDeletePanel): Promise<void> {
  await quiet(el);
  await eventually(() => !['checking', 'deleting'].includes(statusOf(el)), 'no request is out');
}

async function play(el: AccountDeletePanel, backend: FakeBackend, step: ScenarioStep): Promise<void> {
  if ('backend' in step) {
    if (step.backend === 'resolve-all') backend.resolveAll();
    else backend.enableZone('acme.com');
    return;
  }
  if ('fault' in step) return backend.failNext(step.fault, { on: step.on });
  if (step.user === 'confirm') await typeName(el, step.value);
  else if (step.user === 'delete') deleteButton(el).click();
  else if (step.user === 'check') checkAgainButton(el).click();
  else if (step.user === 'retry') void el.retry();
  else el.shadowRoot!.querySelector<HTMLButtonElement>('[part="stay-button"]')?.click();
  await settled(el);
}

describe('the scripted scenarios, through the panel', () => {
  for (const scenario of SCENARIOS) {
    it(scenario.name, async () => {
      const backend = createFakeBackend();
      const client = createAccountDeletionClient({ fetch: createFakeFetch(backend), retry: { limit: 0 } });
      const el = await mount({ client }, { redirectDelay: 60_000 });
      for (const step of scenario.steps) await play(el, backend, step);
      expect(backend.requests.map((request) => `${request.method} ${request.status ?? '-'}`)).to.deep.equal(scenario.requests);
      const keys = backend.requests.filter((request) => request.method === 'DELETE').map((request) => request.idempotencyKey);
      expect(keys.slice(1).map((key, i) => key === keys[i])).to.deep.equal(scenario.sameKeyAsBefore ?? []);
      expect(statusOf(el)).to.equal(scenario.status);
    });
  }
});
