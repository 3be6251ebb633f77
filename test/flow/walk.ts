/**
 * Walks the pure machine: from the first state, every event of a fixed menu (the user's, and every
 * kind of answer, on time and late), breadth first, to a given depth. What it finds are the states the
 * flow can really be in, for the table test and the promises checked on each of them.
 */
import {
  AccountDeletionError,
  ConflictError,
  ConnectionError,
  InvalidResponseError,
  PermissionDeniedError,
  RateLimitError,
  ReauthenticationRequiredError,
  AuthenticationError,
  ServerError,
  parsePreconditions,
  type AccountDeletionClient,
  type Preconditions,
} from '../../src/index.js';
import { transition } from '../../src/flow/machine.js';
import type { Effect, MachineEvent, State } from '../../src/flow/types.js';
import { blockedBody, clearBody } from '../spec-examples.js';

const client = (name: string): AccountDeletionClient =>
  Object.assign(
    {
      getPreconditions: () => Promise.reject(new Error('not in a walk')),
      deleteAccount: () => Promise.reject(new Error('not in a walk')),
    },
    { name },
  );

export const CLIENT_A = client('A');
export const CLIENT_B = client('B');

export const CLEAR: Preconditions = parsePreconditions(clearBody());
export const BLOCKED: Preconditions = parsePreconditions(blockedBody());
export const OTHER_ACCOUNT: Preconditions = parsePreconditions({
  data: { ...clearBody().data, account: { id: 999, name: 'Other Co', kind: 'client' } },
});

const api = (status: number) => ({ status, detail: `Refused (${status}).` });

/** One error of each meaning, for checks and deletions. */
export const ERRORS: Record<string, () => AccountDeletionError> = {
  server: () => new ServerError(api(500)),
  network: () => new ConnectionError('No answer came through.'),
  unreadable: () => new InvalidResponseError('Unreadable.'),
  forbidden: () => new PermissionDeniedError(api(403)),
  reauth: () => new ReauthenticationRequiredError({ ...api(401), code: 'reauthentication_required' }),
  'signed-out': () => new AuthenticationError(api(401)),
  'rate-limited': () => new RateLimitError({ ...api(429), retryAfter: 2 }),
  'conflict-blocking': () => new ConflictError({ ...api(409), checks: BLOCKED.checks }),
  'conflict-empty': () => new ConflictError({ ...api(409), checks: undefined }),
};

export const initialState = (): State => ({
  status: 'checking',
  id: 0,
  client: CLIENT_A,
  ctx: {
    client: CLIENT_A,
    confirmation: 'account-name',
    typed: '',
    redirectUrl: 'https://www.azion.com/',
    redirectDelay: 3000,
    recheckInterval: 5000,
    preconditions: undefined,
    lastCheckAt: -Infinity,
    seq: 0,
    away: false,
  },
});

/** The id an answer to a check or a DELETE of `state` carries: the running one's, or an earlier one's. */
function runningId(state: State): number {
  return state.status === 'checking' || state.status === 'deleting' ? state.id : state.ctx.seq;
}

/** The menu of events tried from `state`: every kind, on time and late. */
export function menu(state: State, now: number): MachineEvent[] {
  const id = runningId(state);
  const stamp = (event: object): MachineEvent => ({ now, key: `key-${now}`, ...event }) as MachineEvent;
  const events: object[] = [
    { type: 'check' },
    { type: 'return' },
    { type: 'confirm', value: 'acme corp' },
    { type: 'confirm', value: 'Wrong' },
    { type: 'delete' },
    { type: 'retry' },
    { type: 'stay' },
    { type: 'show' },
    { type: 'hide' },
    { type: 'client', client: state.ctx.client === CLIENT_A ? CLIENT_B : CLIENT_A },
    { type: 'configure', settings: { confirmation: 'none' } },
    { type: 'checked', id, preconditions: CLEAR },
    { type: 'checked', id, preconditions: BLOCKED },
    { type: 'checked', id, preconditions: OTHER_ACCOUNT },
    { type: 'checked', id, preconditions: { account: null } },
    { type: 'checked', id: id - 1, preconditions: CLEAR },
    ...Object.values(ERRORS).map((error) => ({ type: 'check-error', id, error: error() })),
    { type: 'check-error', id: id - 1, error: ERRORS['server']!() },
    { type: 'requested', prevented: false },
    { type: 'requested', prevented: true },
    { type: 'delete-done', id, result: { accountId: 1234, alreadyDeleted: false, idempotencyKey: 'k', requestId: undefined } },
    { type: 'delete-done', id: id - 1, result: { accountId: 1234, alreadyDeleted: false, idempotencyKey: 'k', requestId: undefined } },
    ...Object.values(ERRORS).map((error) => ({ type: 'delete-error', id, error: error() })),
    { type: 'delete-error', id: id - 1, error: ERRORS['server']!() },
    { type: 'announced', prevented: false },
    { type: 'announced', prevented: true },
    { type: 'redirect-due' },
  ];
  return events.map(stamp);
}

/** A key that tells states apart by what matters to the rules, not by every object inside. */
export function shapeOf(state: State): string {
  const s = state as State & Record<string, unknown>;
  const failure = 'failure' in state ? `${state.failure.step}:${state.failure.outcome}` : '';
  return [
    state.status,
    failure,
    'unknown' in s && s['unknown'] ? 'unknown' : '',
    'attempt' in s && s['attempt'] && state.status === 'delete-failed' ? 'attempt' : '',
    'reading' in s && s['reading'] ? 'reading' : '',
    'after' in s && s['after'] ? `after:${(s['after'] as { outcome: string }).outcome}` : '',
    'retry' in s && s['retry'] ? 'retry' : '',
    'asking' in s && s['asking'] ? `asking-from:${(s['asking'] as State).status}` : '',
    state.status === 'deleted' ? `${state.told}:${state.redirect?.status}:${state.gone ? 'gone' : ''}:${state.held ? 'held' : ''}` : '',
    state.status === 'checking' && state.id === 0 ? 'first' : '',
    state.ctx.client === CLIENT_A ? 'A' : 'B',
    // Whether the request, the reading or the attempt is of the current client: the rules differ.
    [s['client'], (s['reading'] as { client?: unknown } | undefined)?.client, (s['attempt'] as { client?: unknown } | undefined)?.client]
      .map((client) => (client === undefined ? '-' : client === state.ctx.client ? '=' : '≠'))
      .join(''),
    state.ctx.typed,
    state.ctx.confirmation,
    state.ctx.away ? 'away' : '',
    state.ctx.preconditions?.account.id ?? '',
    state.ctx.preconditions === BLOCKED || (state.ctx.preconditions && !state.ctx.preconditions.deletable) ? 'blocks' : '',
  ].join('|');
}

export interface Step {
  from: State;
  event: MachineEvent;
  to: State;
  effects: Effect[];
}

/** Every state reachable within `depth` events, and every step taken on the way. */
export function walk(depth: number): { states: State[]; steps: Step[] } {
  const seen = new Map<string, State>();
  const steps: Step[] = [];
  let frontier: State[] = [initialState()];
  seen.set(shapeOf(frontier[0]!), frontier[0]!);
  for (let level = 0; level < depth; level++) {
    const next: State[] = [];
    for (const from of frontier) {
      // Time goes on between levels, so that returns to the page may check again.
      for (const event of menu(from, 10_000 * (level + 1))) {
        const { state: to, effects } = transition(from, event);
        steps.push({ from, event, to, effects });
        const key = shapeOf(to);
        if (!seen.has(key)) {
          seen.set(key, to);
          next.push(to);
        }
      }
    }
    frontier = next;
  }
  return { states: [...seen.values()], steps };
}
