/**
 * Orders of events, each named: the repeat of a deletion whose answer was lost, answered by something
 * the server said without looking at that deletion (a 429, a 409 it cannot read, a request for a fresh
 * sign-in). The lost deletion stays pending: a check that fails shows it again, with Delete repeating
 * it, and no sentence says that nothing was deleted.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from '../../src/flow/connect.js';
import type { MachineEvent, State } from '../../src/flow/types.js';
import { en, failureText, ptBR } from '../../src/flow/index.js';
import { es } from '../../src/flow/words/es.js';
import { keysSent, lost, play, ready, sendDelete } from './play.js';
import { BLOCKED, CLEAR, CLIENT_B, ERRORS, OTHER_ACCOUNT } from './walk.js';

const repeat: Partial<MachineEvent>[] = [...lost, { type: 'retry' }, { type: 'requested', prevented: false }];
const checkFails: Partial<MachineEvent>[] = [{ type: 'check-error', error: ERRORS['server']!() }];

/** What the user sees, and the keys of the DELETEs that Delete sends from there. */
function then(state: State, effects: Parameters<typeof keysSent>[0]) {
  const snapshot = connect(state);
  const again = play([{ type: 'retry' }, { type: 'requested', prevented: false }], state);
  return { seen: [snapshot.status, snapshot.failure?.outcome, snapshot.actions.delete], keys: keysSent([...effects, ...again.effects]) };
}

test('lost answer → retry → 429 → Check again → the check fails: the lost deletion on show again, and Delete repeats it', () => {
  // Before: "the account could not be checked", Check again alone, and the lost deletion out of sight.
  const { state, effects } = play([...repeat, { type: 'delete-error', error: ERRORS['rate-limited']!() }, { type: 'check' }, ...checkFails]);
  const { seen, keys } = then(state, effects);
  assert.deepEqual(seen, ['delete-failed', 'unknown', 'retry']);
  assert.deepEqual([keys.length, new Set(keys).size], [3, 1]);
});

test('lost answer → retry → 429 → retry (a new request, the same key) → 429 → Check again → the check fails: still the lost deletion on show', () => {
  const limited: Partial<MachineEvent> = { type: 'delete-error', error: ERRORS['rate-limited']!() };
  // The retry goes through ready and raises the Delete it sends (the pure machine plays it here).
  const again: Partial<MachineEvent>[] = [{ type: 'retry' }, { type: 'delete' }, { type: 'requested', prevented: false }];
  const { state, effects } = play([...repeat, limited, ...again, limited, { type: 'check' }, ...checkFails]);
  const { seen, keys } = then(state, effects);
  assert.deepEqual(seen, ['delete-failed', 'unknown', 'retry']);
  assert.deepEqual([keys.length, new Set(keys).size], [4, 1]);
});

test('lost answer → retry → a 409 it cannot read → the check the flow starts fails: the lost deletion on show again, and Delete repeats it', () => {
  const { state, effects } = play([...repeat, { type: 'delete-error', error: ERRORS['conflict-empty']!() }, ...checkFails]);
  const { seen, keys } = then(state, effects);
  assert.deepEqual(seen, ['delete-failed', 'unknown', 'retry']);
  assert.deepEqual([keys.length, new Set(keys).size], [3, 1]);
});

test('a first Delete → 429 → Check again → the check fails: nothing pending, Check again is the way forward', () => {
  const { state } = play([...ready, ...sendDelete, { type: 'delete-error', error: ERRORS['rate-limited']!() }, { type: 'check' }, ...checkFails]);
  assert.deepEqual([connect(state).status, connect(state).actions.delete, connect(state).actions.check], ['check-failed', undefined, true]);
});

test('lost answer → retry → a fresh sign-in asked for: the words say the earlier try may have deleted the account, never "Nothing was deleted"', () => {
  // Before: "… sign in again before deleting the account. Nothing was deleted.", of a deletion that may have happened.
  const { state } = play([...repeat, { type: 'delete-error', error: ERRORS['reauth']!() }]);
  const snapshot = connect(state);
  assert.deepEqual([snapshot.failure?.outcome, snapshot.failure?.mayBeDeleted], ['reauth', true]);
  for (const words of [en, ptBR, es]) assert.equal(failureText(snapshot, words)?.text, words.errorReauthMayBeDeleted);
  // A fresh sign-in asked for on a first DELETE: nothing was deleted, and the words say so.
  const first = connect(play([...ready, ...sendDelete, { type: 'delete-error', error: ERRORS['reauth']!() }]).state);
  assert.deepEqual([first.failure?.mayBeDeleted, failureText(first, en)?.text], [undefined, en.errorReauth]);
});

test('lost answer → retry → signed out (401) → the host retries once signed in → clear → Delete (the same key) → 429 → Check again → the check fails: the lost deletion on show', () => {
  // Before: nothing carried the lost deletion through the sign-in, so the repeat's 429 forgot it.
  const limited: Partial<MachineEvent> = { type: 'delete-error', error: ERRORS['rate-limited']!() };
  const { state, effects } = play([
    ...repeat,
    { type: 'delete-error', error: ERRORS['signed-out']!() },
    { type: 'retry' },
    { type: 'checked', preconditions: CLEAR },
    ...sendDelete,
    limited,
    { type: 'check' },
    ...checkFails,
  ]);
  const { seen, keys } = then(state, effects);
  assert.deepEqual(seen, ['delete-failed', 'unknown', 'retry']);
  assert.deepEqual([keys.length, new Set(keys).size], [4, 1]);
});

test('lost answer → another account read → the first account again, clear → Delete (the same key) → 429 → Check again → the check fails: the lost deletion on show', () => {
  const { state, effects } = play([
    ...lost,
    { type: 'check' },
    { type: 'checked', preconditions: OTHER_ACCOUNT },
    { type: 'check' },
    { type: 'checked', preconditions: CLEAR },
    { type: 'confirm', value: 'Acme Corp' },
    ...sendDelete,
    { type: 'delete-error', error: ERRORS['rate-limited']!() },
    { type: 'check' },
    ...checkFails,
  ]);
  const { seen, keys } = then(state, effects);
  assert.deepEqual(seen, ['delete-failed', 'unknown', 'retry']);
  assert.deepEqual([keys.length, new Set(keys).size], [3, 1]);
});

test('lost answer → retry → a fresh sign-in asked → Check again → blocked, through the same client → resolved → clear: "Nothing was deleted" again, and a new key', () => {
  // Before: the words kept saying the earlier try may have deleted the account, after a check that showed it had not.
  const { state, effects } = play([
    ...repeat,
    { type: 'delete-error', error: ERRORS['reauth']!() },
    { type: 'check' },
    { type: 'checked', preconditions: BLOCKED },
    { type: 'check' },
    { type: 'checked', preconditions: CLEAR },
  ]);
  const snapshot = connect(state);
  assert.deepEqual([snapshot.failure?.outcome, failureText(snapshot, en)?.text], ['reauth', en.errorReauth]);
  const keys = keysSent([...effects, ...play([{ type: 'retry' }, { type: 'delete' }, { type: 'requested', prevented: false }], state).effects]);
  assert.notEqual(keys.at(-1), keys[0]);
});

test('lost answer → retry → a fresh sign-in asked → Check again → the check fails → Check again → clear: the sign-in still owed, Delete unusable', () => {
  // Before: the failed check dropped the sign-in the server asked for, and the clear check made Delete usable without it.
  const { state } = play([...repeat, { type: 'delete-error', error: ERRORS['reauth']!() }, { type: 'check' }, ...checkFails]);
  assert.deepEqual([connect(state).status, connect(state).failure?.outcome, connect(state).actions.delete], ['delete-failed', 'reauth', undefined]);
  const cleared = connect(play([{ type: 'check' }, { type: 'checked', preconditions: CLEAR }], state).state);
  assert.deepEqual([cleared.status, cleared.failure?.outcome, cleared.canDelete, cleared.reason], ['delete-failed', 'reauth', false, 'sign-in']);
});

test('lost answer → retry → signed out (401) → the host retries → the check asks a fresh sign-in: the words say the account may be gone, not "Nothing was deleted"', () => {
  const { state } = play([...repeat, { type: 'delete-error', error: ERRORS['signed-out']!() }, { type: 'retry' }, { type: 'check-error', error: ERRORS['reauth']!() }]);
  assert.deepEqual([connect(state).failure?.mayBeDeleted, failureText(connect(state), en)?.text], [true, en.errorReauthMayBeDeleted]);
});

test('lost answer → retry → a fresh sign-in asked → Check again → another account, blocked → Check again → it, clear: no "may have deleted it" of an account never deleted', () => {
  const OTHER_BLOCKED = { ...BLOCKED, account: OTHER_ACCOUNT.account };
  const { state } = play([
    ...repeat,
    { type: 'delete-error', error: ERRORS['reauth']!() },
    { type: 'check' },
    { type: 'checked', preconditions: OTHER_BLOCKED },
    { type: 'check' },
    { type: 'checked', preconditions: OTHER_ACCOUNT },
  ]);
  const snapshot = connect(state);
  assert.deepEqual([snapshot.account?.id, snapshot.failure?.mayBeDeleted, failureText(snapshot, en)?.text], [OTHER_ACCOUNT.account.id, undefined, en.errorReauth]);
});

test('lost answer → Check again → another account, clear → Check again → a sign-in asked, or signed out: the words do not say that account may be gone', () => {
  // Before: the lost deletion of the first account made the words about the second say it may be deleted.
  for (const [error, words] of [['reauth', en.errorReauth], ['signed-out', en.errorSignedOut]] as const) {
    const { state } = play([...lost, { type: 'check' }, { type: 'checked', preconditions: OTHER_ACCOUNT }, { type: 'check' }, { type: 'check-error', error: ERRORS[error]!() }]);
    assert.deepEqual([connect(state).failure?.mayBeDeleted, failureText(connect(state), en)?.text], [undefined, words], error);
  }
});

test('lost answer → retry → the host gives client B while the repeat is out → 429 → B reads clear: the lost deletion on show, a new request through B', () => {
  const { state, effects } = play([...repeat, { type: 'client', client: CLIENT_B }, { type: 'delete-error', error: ERRORS['rate-limited']!() }, { type: 'checked', preconditions: CLEAR }]);
  const { seen, keys } = then(state, effects);
  assert.deepEqual(seen, ['delete-failed', 'unknown', 'retry']);
  // Through B that request cannot be repeated (the key is per client): the retry goes through ready, a new one.
  assert.deepEqual([state.status === 'delete-failed' && state.attempt, keys.length], [undefined, 2]);
});

test('lost answer → Check again fails → retry (the repeat) → 429 → retry → the check fails again: the lost deletion on show, Delete repeating it', () => {
  // The failed deletion on show after a failed check holds no check that allowed it: its retry checks first.
  const limited: Partial<MachineEvent> = { type: 'delete-error', error: ERRORS['rate-limited']!() };
  const { state, effects } = play([...lost, { type: 'check' }, ...checkFails, { type: 'retry' }, { type: 'requested', prevented: false }, limited, { type: 'retry' }, ...checkFails]);
  const { seen, keys } = then(state, effects);
  assert.deepEqual(seen, ['delete-failed', 'unknown', 'retry']);
  assert.deepEqual([keys.length, new Set(keys).size], [3, 1]);
});
