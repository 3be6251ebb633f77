/**
 * The machine as a table: every (state, event) pair has an explicit, named row, and on every state the
 * flow can reach, each row keeps its word (where it may lead) and the rules hold.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EVENT_TYPES, STATUSES, machine, rowFor, transition } from '../../src/flow/machine.js';
import { connect } from '../../src/flow/connect.js';
import { canDelete, keyFor } from '../../src/flow/guards.js';
import type { Effect, EventType, State, Status } from '../../src/flow/types.js';
import { CLEAR, initialState, menu, walk } from './walk.js';

// A status or an event type added to the types without its place in these lists fails to compile.
type Missing<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : false;
const everyStatusListed: Missing<Status, (typeof STATUSES)[number]> = true;
const everyEventListed: Missing<EventType, (typeof EVENT_TYPES)[number]> = true;

// Walked once, on first use: a machine that throws fails a test instead of the whole file.
let walked: ReturnType<typeof walk> | undefined;
const reached = () => (walked ??= walk(7));

test('every state has a row for every event, each a transition with a name that says what happens', () => {
  assert.ok(everyStatusListed && everyEventListed);
  assert.deepEqual(Object.keys(machine).sort(), [...STATUSES].sort());
  for (const status of STATUSES) {
    assert.deepEqual(Object.keys(machine[status]).sort(), [...EVENT_TYPES].sort(), `the events of ${status}`);
    for (const type of EVENT_TYPES) {
      const row = machine[status][type];
      assert.equal(typeof row, 'function', `${status} × ${type}`);
      assert.match(row.name, /^[a-z]+[A-Z]\w+$/, `${status} × ${type} has a name of words (${row.name})`);
    }
  }
});

test('the walk reaches every status', () => {
  const { states, steps } = reached();
  console.log(`the walk: ${states.length} states, ${steps.length} steps`);
  assert.deepEqual([...new Set(states.map((s) => s.status))].sort(), [...STATUSES].sort());
});

test('a row named ignore… keeps the very same state object and asks for nothing, and only such a row may', () => {
  const { steps } = reached();
  for (const { from, event, to, effects } of steps) {
    const name = rowFor(from, event).name;
    if (name.startsWith('ignore')) {
      assert.equal(to, from, `${from.status} × ${event.type} (${name})`);
      assert.deepEqual(effects, []);
    }
  }
  for (const status of STATUSES) {
    const ignoring = EVENT_TYPES.filter((type) => machine[status][type].name.startsWith('ignore'));
    assert.ok(ignoring.length > 0 && ignoring.length < EVENT_TYPES.length, `${status} ignores some events, not all`);
  }
});

test('an event of no known type, or no event at all, changes nothing', () => {
  const { states } = reached();
  for (const state of states) {
    assert.equal(transition(state, { type: 'explode', now: 1 } as never).state, state);
    assert.equal(transition(state, undefined as never).state, state);
  }
});

test('promise 1: Delete is usable only in ready, on checks that allow it, with the name typed', () => {
  const { states } = reached();
  for (const state of states) {
    const snapshot = connect(state);
    if (!snapshot.canDelete) continue;
    assert.equal(state.status, 'ready');
    if (state.status !== 'ready') continue;
    assert.equal(state.reading.preconditions.deletable, true);
    assert.ok(state.reading.preconditions.checks.every((check) => check.status === 'passed'));
    assert.ok(snapshot.confirmation.matches);
    assert.equal(snapshot.actions.delete, 'delete');
  }
});

test('promises 2 and 3: a DELETE goes only once a request nobody prevented was asked, from ready or a repeat', () => {
  const { steps } = reached();
  for (const { from, event, to, effects } of steps) {
    for (const effect of effects) {
      if (effect.type === 'ask-request') {
        assert.ok(from.status === 'ready' || from.status === 'delete-failed', `asked from ${from.status}`);
        if (from.status === 'ready') assert.ok(canDelete(from));
        if (from.status === 'delete-failed') {
          assert.equal(from.failure.outcome, 'unknown');
          assert.equal(to.status === 'deleting' && to.attempt, from.attempt, 'a repeat is the same request');
        }
      }
      if (effect.type === 'send-delete') {
        assert.equal(from.status, 'deleting');
        assert.ok(from.status === 'deleting' && from.asking, 'a DELETE follows the request notification');
        assert.deepEqual(event, { ...event, type: 'requested', prevented: false });
      }
    }
  }
});

test('promise 4: a new DELETE reuses the key only of an unknown outcome for that account and client', () => {
  const { steps } = reached();
  for (const { from, event, to } of steps) {
    if (from.status !== 'ready' || event.type !== 'delete' || to.status !== 'deleting') continue;
    const unknown = from.unknown?.attempt;
    const reuse = unknown !== undefined && unknown.account.id === to.attempt.account.id && unknown.client === to.attempt.client;
    assert.equal(to.attempt.key, reuse ? unknown.key : event.key);
    assert.equal(keyFor(from, event.key!), to.attempt.key);
  }
});

test('promise 5: an answer with another id than the running request changes nothing', () => {
  const { steps } = reached();
  for (const { from, event, to } of steps) {
    const answer = event.type === 'checked' || event.type === 'check-error' || event.type === 'delete-done' || event.type === 'delete-error';
    const running = from.status === 'checking' || from.status === 'deleting' ? from.id : undefined;
    if (answer && event.id !== running) assert.equal(to, from, `${from.status} × late ${event.type}`);
  }
});

test('promise 6: every failure has an outcome, and canRetry says whether retry changes anything', () => {
  const { states } = reached();
  const outcomes = ['refused', 'unknown', 'conflict', 'reauth', 'signed-out', 'unavailable'];
  for (const state of states) {
    const snapshot = connect(state);
    if (snapshot.failure) assert.ok(outcomes.includes(snapshot.failure.outcome));
    assert.equal(snapshot.failure !== undefined, state.status === 'check-failed' || state.status === 'delete-failed');
    const retried = transition(state, { type: 'retry', now: 1, key: 'k' }).state;
    assert.equal(snapshot.canRetry, retried !== state, `canRetry in ${state.status}`);
  }
});

/** What a permissive server and a willing user do next, to reach `ready` (or `deleted`) from `state`. */
function nextTowardsReady(state: State): Parameters<typeof transition>[1] {
  const now = 1_000_000;
  const snapshot = connect(state);
  if (state.ctx.away) return { type: 'show', now };
  if (state.status === 'deleting') return state.asking ? { type: 'requested', prevented: false, now } : { type: 'delete-done', id: state.id, now, result: { accountId: 1234, alreadyDeleted: false, idempotencyKey: 'k', requestId: undefined } };
  if (state.status === 'checking') return state.id === 0 ? { type: 'check', now } : { type: 'checked', id: state.id, preconditions: CLEAR, now };
  if (state.status === 'ready') return { type: 'confirm', value: state.reading.preconditions.account.name, now };
  if (snapshot.canRetry) return { type: 'retry', now, key: 'k' };
  return { type: 'check', now };
}

test('promise 7: from every state but deleted, a permissive server and a willing user reach ready', () => {
  const { states } = reached();
  for (const start of states) {
    if (start.status === 'deleted') continue;
    let state: State = start;
    for (let i = 0; i < 8 && !(canDelete(state) || state.status === 'deleted'); i++) state = transition(state, nextTowardsReady(state)).state;
    assert.ok(canDelete(state) || state.status === 'deleted', `stuck from ${start.status}, at ${state.status}`);
  }
});

test('the browser is taken onward once at most, and never while the view is away', () => {
  const { steps } = reached();
  for (const { from, to, effects } of steps) {
    if (!effects.some((effect) => effect.type === 'navigate')) continue;
    assert.equal(from.status === 'deleted' && from.gone === true, false, 'asked again');
    assert.equal(to.status === 'deleted' && to.gone === true, true, 'remembered');
    assert.equal(to.ctx.away, false, 'while away');
  }
});

/** Whether `effect` is one the runner knows how to carry out, with the data it needs. */
function wellFormed(effect: Effect): boolean {
  const value = effect as Effect & Record<string, unknown>;
  switch (effect.type) {
    case 'start-check':
      return Number.isSafeInteger(effect.id) && effect.id > 0 && typeof effect.client?.getPreconditions === 'function';
    case 'ask-request':
      return Number.isSafeInteger(effect.account?.id);
    case 'send-delete':
      return Number.isSafeInteger(effect.id) && typeof effect.attempt?.key === 'string' && Number.isSafeInteger(effect.attempt.account.id);
    case 'announce':
      return Number.isSafeInteger(effect.account?.id) && typeof effect.redirectUrl === 'string';
    case 'notify':
      if (effect.notification === 'checked') return typeof effect.detail.preconditions?.deletable === 'boolean';
      if (effect.notification === 'error') return effect.detail.error instanceof Error;
      return effect.notification === 'reauth-required' && 'account' in effect.detail;
    case 'start-timer':
      return Number.isFinite(effect.at);
    case 'navigate':
      return typeof effect.url === 'string' && effect.url.length > 0;
    case 'raise':
      return ['delete', 'retry'].includes(effect.event?.type);
    case 'cancel-timer':
      return Object.keys(value).length === 1;
    default:
      return false;
  }
}

test('every effect asked for is one the runner knows, with its data', () => {
  const { steps } = reached();
  for (const { from, event, effects } of steps) {
    for (const effect of effects) assert.ok(wellFormed(effect), `${from.status} × ${event.type}: ${JSON.stringify(effect).slice(0, 120)}`);
  }
});

test('each request started gets a new id, higher than any before it: a late answer is never taken for a new one', () => {
  const { steps } = reached();
  for (const { from, to, effects } of steps) {
    for (const effect of effects) {
      if (effect.type !== 'start-check' && effect.type !== 'send-delete') continue;
      assert.ok(effect.id > from.ctx.seq || (effect.type === 'send-delete' && effect.id === from.ctx.seq), `${effect.type} ${effect.id} after ${from.ctx.seq}`);
      assert.ok(to.ctx.seq >= effect.id);
    }
  }
});

test('a state of a status the machine does not know changes nothing', () => {
  const strange = { ...initialState(), status: 'exploded' } as unknown as State;
  assert.equal(transition(strange, { type: 'check', now: 1 }).state, strange);
});

test('the menu of the walk tries every event type', () => {
  const { states } = reached();
  const tried = new Set(menu(states[0]!, 1).map((event) => event.type));
  assert.deepEqual([...tried].sort(), [...EVENT_TYPES].sort());
});
