/**
 * Orders of events, each named, played on the pure machine with plain data: the key rule, late
 * answers, the joins, and the redirect. What each row of the table does, as a user would tell it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { transition } from '../../src/flow/machine.js';
import { connect } from '../../src/flow/connect.js';
import type { Effect, MachineEvent, State } from '../../src/flow/types.js';
import { BLOCKED, CLEAR, CLIENT_B, ERRORS, OTHER_ACCOUNT, initialState } from './walk.js';

/** Plays `events` from the first state; answers name no id and get the running request's. */
function play(events: Partial<MachineEvent>[], from: State = initialState()): { state: State; effects: Effect[] } {
  let state = from;
  const effects: Effect[] = [];
  let now = 100_000;
  let keys = 0;
  for (const event of events) {
    now += 1_000;
    const running = state.status === 'checking' || state.status === 'deleting' ? state.id : -1;
    const full = { now, key: `key-${++keys}`, ...(event.type && ['checked', 'check-error', 'delete-done', 'delete-error'].includes(event.type) ? { id: running } : {}), ...event } as MachineEvent;
    const step = transition(state, full);
    state = step.state;
    effects.push(...step.effects);
  }
  return { state, effects };
}

const ready: Partial<MachineEvent>[] = [{ type: 'check' }, { type: 'checked', preconditions: CLEAR }, { type: 'confirm', value: 'Acme Corp' }];
const sendDelete: Partial<MachineEvent>[] = [{ type: 'delete' }, { type: 'requested', prevented: false }];
const lost: Partial<MachineEvent>[] = [...ready, ...sendDelete, { type: 'delete-error', error: ERRORS['network']!() }];
const keysSent = (effects: Effect[]) => effects.flatMap((effect) => (effect.type === 'send-delete' ? [effect.attempt.key] : []));
const navigations = (effects: Effect[]) => effects.filter((effect) => effect.type === 'navigate').length;

test('lost answer → check: clear → Delete: the same key (the outcome is still unknown)', () => {
  const { effects } = play([...lost, { type: 'check' }, { type: 'checked', preconditions: CLEAR }, ...sendDelete]);
  const [first, second] = keysSent(effects);
  assert.equal(second, first);
});

test('lost answer → check: blocked → check: clear → Delete: a fresh key (known not to have happened)', () => {
  const { effects } = play([...lost, { type: 'check' }, { type: 'checked', preconditions: BLOCKED }, { type: 'check' }, { type: 'checked', preconditions: CLEAR }, ...sendDelete]);
  const [first, second] = keysSent(effects);
  assert.notEqual(second, first);
});

test('lost answer → another client → check: clear → Delete: a fresh key, through the new client', () => {
  const { effects } = play([...lost, { type: 'client', client: CLIENT_B }, { type: 'checked', preconditions: CLEAR }, ...sendDelete]);
  const sent = effects.flatMap((effect) => (effect.type === 'send-delete' ? [effect.attempt] : []));
  assert.equal(sent.length, 2);
  assert.notEqual(sent[1]!.key, sent[0]!.key);
  assert.equal(sent[1]!.client, CLIENT_B);
});

test('lost answer → check: another account → Delete: a fresh key, and the name is to be typed again', () => {
  const { state } = play([...lost, { type: 'check' }, { type: 'checked', preconditions: OTHER_ACCOUNT }]);
  assert.equal(state.status, 'ready');
  assert.equal(connect(state).confirmation.value, '');
  const { effects } = play([{ type: 'confirm', value: 'Other Co' }, ...sendDelete], state);
  assert.deepEqual(keysSent(effects).length, 1);
  assert.notEqual(keysSent(effects)[0], (state as { unknown?: { attempt: { key: string } } }).unknown?.attempt.key);
});

test('lost answer → check fails (401) → retry: the same request again', () => {
  const { state, effects } = play([...lost, { type: 'check' }, { type: 'check-error', error: ERRORS['signed-out']!() }, { type: 'retry' }, { type: 'requested', prevented: false }]);
  assert.equal(state.status, 'deleting');
  const [first, second] = keysSent(effects);
  assert.equal(second, first);
});

test('a check running → check, return, retry: no second request', () => {
  const { effects } = play([{ type: 'check' }, { type: 'check' }, { type: 'return' }, { type: 'retry' }]);
  assert.equal(effects.filter((effect) => effect.type === 'start-check').length, 1);
});

test('a check running → a new client: the running check is replaced by one through the new client', () => {
  const { state, effects } = play([{ type: 'check' }, { type: 'client', client: CLIENT_B }, { type: 'checked', id: 1, preconditions: CLEAR }]);
  assert.equal(state.status, 'checking', 'the answer of the first client changes nothing');
  assert.equal(effects.filter((effect) => effect.type === 'start-check').length, 2);
});

test('deleting → check, return, delete, retry, confirm: nothing', () => {
  const start = play([...ready, ...sendDelete]).state;
  for (const type of ['check', 'return', 'delete', 'retry', 'confirm'] as const) {
    assert.equal(transition(start, { type, now: 1, key: 'k', value: 'x' } as MachineEvent).state, start, type);
  }
});

test('deleted while away, with no delay → back on the page twice: the browser is taken onward once', () => {
  const away = play([...ready, ...sendDelete, { type: 'hide' }, { type: 'delete-done', result: { accountId: 1234, alreadyDeleted: false, idempotencyKey: 'k', requestId: undefined } }], {
    ...initialState(),
    ctx: { ...initialState().ctx, redirectDelay: 0 },
  });
  const { effects } = play([{ type: 'show' }, { type: 'announced', prevented: false }, { type: 'show' }, { type: 'hide' }, { type: 'show' }, { type: 'redirect-due' }], away.state);
  assert.equal(navigations(effects), 1);
});

test('a scheduled redirect → off the page → due: nothing; back → due: onward once', () => {
  const done = play([...ready, ...sendDelete, { type: 'delete-done', result: { accountId: 1234, alreadyDeleted: false, idempotencyKey: 'k', requestId: undefined } }, { type: 'announced', prevented: false }]);
  const away = play([{ type: 'hide' }, { type: 'redirect-due' }], done.state);
  assert.equal(navigations(away.effects), 0);
  const back = play([{ type: 'show' }, { type: 'redirect-due' }, { type: 'redirect-due' }], away.state);
  assert.equal(navigations(back.effects), 1);
});

test('lost answer → the view leaves the page → retry: nothing (canRetry says so); back → retry: the same request', () => {
  const away = play([...lost, { type: 'hide' }]);
  assert.equal(connect(away.state).canRetry, false);
  assert.equal(play([{ type: 'retry' }], away.state).state, away.state);
  const back = play([{ type: 'show' }, { type: 'retry' }, { type: 'requested', prevented: false }], away.state);
  const [first, second] = keysSent([...away.effects, ...back.effects]);
  assert.equal(second, first);
});

test('a check the server could not evaluate (unavailable) is said in the server\'s words, and blocks', async () => {
  const { describeCheck, en } = await import('../../src/flow/index.js');
  const check = { type: 'debts', status: 'unavailable', count: 0, items: [], amount: undefined, resolveUrl: undefined, title: undefined, message: 'Billing could not be read.' } as const;
  assert.equal(describeCheck(check, en).label, 'Debts: Billing could not be read.');
  assert.equal(describeCheck({ ...check, message: undefined }, en).label, 'Debts: could not be checked now');
  assert.equal(describeCheck(check, en).passed, false);
});
