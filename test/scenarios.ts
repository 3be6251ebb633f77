/**
 * Scripted scenarios, the same for every view of the flow: the headless controller runs them in Node
 * (test/flow/scenarios.test.ts), the panel in Chromium (test/panel/scenarios.test.ts). Each says what
 * happens (the backend, faults, the user), which requests reach the server, and where the flow ends.
 * Plain data: no DOM and no Node.
 */
import type { FaultKind } from '../testing/index.js';

export type ScenarioStep =
  | { backend: 'resolve-all' | 'enable-zone' }
  | { fault: FaultKind; on: 'preconditions' | 'delete' }
  /** What a user does: press Check again, type the name, press Delete, or (the host) call retry(). */
  | { user: 'check' | 'delete' | 'retry' | 'stay' }
  | { user: 'confirm'; value: string };

export interface Scenario {
  name: string;
  steps: ScenarioStep[];
  /** `METHOD status` of every request, in order (`-` when the answer was lost or never given). */
  requests: string[];
  /** For each DELETE after the first: whether it carried the key of the one before it. */
  sameKeyAsBefore?: boolean[];
  status: 'checking' | 'blocked' | 'ready' | 'check-failed' | 'deleting' | 'delete-failed' | 'deleted';
}

const ready: ScenarioStep[] = [{ backend: 'resolve-all' }, { user: 'check' }, { user: 'confirm', value: 'acme corp' }];

export const SCENARIOS: Scenario[] = [
  {
    name: 'blocked, then resolved elsewhere, checked again, confirmed and deleted',
    steps: [...ready, { user: 'delete' }],
    requests: ['GET 200', 'GET 200', 'DELETE 204'],
    status: 'deleted',
  },
  {
    name: 'Delete pressed while blocked sends nothing',
    steps: [{ user: 'confirm', value: 'Acme Corp' }, { user: 'delete' }, { user: 'retry' }],
    requests: ['GET 200'],
    status: 'blocked',
  },
  {
    name: 'a 500 on the DELETE, then Delete again: the same request, deleted',
    steps: [...ready, { fault: 'server-error', on: 'delete' }, { user: 'delete' }, { user: 'delete' }],
    requests: ['GET 200', 'GET 200', 'DELETE 500', 'DELETE 204'],
    sameKeyAsBefore: [true],
    status: 'deleted',
  },
  {
    name: 'the answer of the DELETE lost, a check refused (the session ended), then Delete: the same key answers 204',
    steps: [...ready, { fault: 'lost-answer', on: 'delete' }, { user: 'delete' }, { user: 'check' }, { user: 'delete' }],
    requests: ['GET 200', 'GET 200', 'DELETE -', 'GET 401', 'DELETE 204'],
    sameKeyAsBefore: [true],
    status: 'deleted',
  },
  {
    name: 'a 409 race: the checks the server sent, then resolved, checked and deleted with a new key',
    steps: [...ready, { fault: 'race', on: 'delete' }, { user: 'delete' }, { user: 'delete' }, { backend: 'resolve-all' }, { user: 'check' }, { user: 'delete' }],
    requests: ['GET 200', 'GET 200', 'DELETE 409', 'GET 200', 'DELETE 204'],
    sameKeyAsBefore: [false],
    status: 'deleted',
  },
  {
    name: 'a 403 on the DELETE: nothing repeats it',
    steps: [...ready, { fault: 'forbidden', on: 'delete' }, { user: 'delete' }, { user: 'delete' }, { user: 'retry' }],
    requests: ['GET 200', 'GET 200', 'DELETE 403'],
    status: 'delete-failed',
  },
  {
    name: 'a fresh sign-in asked for: retry() after it sends a new DELETE',
    steps: [...ready, { fault: 'reauthentication-required', on: 'delete' }, { user: 'delete' }, { user: 'retry' }],
    requests: ['GET 200', 'GET 200', 'DELETE 401', 'DELETE 204'],
    sameKeyAsBefore: [false],
    status: 'deleted',
  },
  {
    name: 'an unreadable check, then Check again',
    steps: [{ fault: 'malformed-json', on: 'preconditions' }, { user: 'check' }, { user: 'check' }],
    requests: ['GET 200', 'GET 200', 'GET 200'],
    status: 'blocked',
  },
  {
    name: 'a 429 on the DELETE, then Delete again: a new request',
    steps: [...ready, { fault: 'rate-limited', on: 'delete' }, { user: 'delete' }, { user: 'delete' }],
    requests: ['GET 200', 'GET 200', 'DELETE 429', 'DELETE 204'],
    sameKeyAsBefore: [false],
    status: 'deleted',
  },
  {
    name: 'a blocker comes back before Delete: checked again, Delete stays unusable',
    steps: [...ready, { backend: 'enable-zone' }, { user: 'check' }, { user: 'delete' }],
    requests: ['GET 200', 'GET 200', 'GET 200'],
    status: 'blocked',
  },
];
