/**
 * Orders of events, each named: what a check carries on to the next one when it cannot settle it. A
 * deletion of unknown outcome that a check through another client says nothing of, and a fresh
 * sign-in still owed, go on through a blocked check until a check allows deletion, and are on show then.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from '../../src/flow/connect.js';
import type { MachineEvent } from '../../src/flow/types.js';
import { ConflictError } from '../../src/index.js';
import { en, failureText, ptBR } from '../../src/flow/index.js';
import { es } from '../../src/flow/words/es.js';
import { BLOCKED, CLEAR, CLIENT_A, CLIENT_B, ERRORS } from './walk.js';
import { keysSent, lost, play, ready, sendDelete } from './play.js';

/** A DELETE goes out through client A, the host gives client B, and A's answer is lost (a 500). */
const lostAfterSwap: Partial<MachineEvent>[] = [...ready, ...sendDelete, { type: 'client', client: CLIENT_B }, { type: 'delete-error', error: ERRORS['server']!() }];

const outcomeOf = (state: Parameters<typeof connect>[0]) => {
  const snapshot = connect(state);
  return [snapshot.status, snapshot.failure?.outcome];
};

test('Delete through A → another client → the answer is lost → B reads blocked: blocked, and the lost answer goes on', () => {
  const { state } = play([...lostAfterSwap, { type: 'checked', preconditions: BLOCKED }]);
  assert.equal(connect(state).status, 'blocked');
  assert.equal(state.status === 'blocked' && state.unknown?.attempt.client, CLIENT_A);
});

test('… → B reads blocked → the user resolves it → Check again → B reads clear: the lost answer on show, not ready', () => {
  const { state, effects } = play([
    ...lostAfterSwap,
    { type: 'checked', preconditions: BLOCKED },
    { type: 'check' },
    { type: 'checked', preconditions: CLEAR },
  ]);
  assert.deepEqual(outcomeOf(state), ['delete-failed', 'unknown']);
  // Through B, that request cannot be repeated: the retry is a new one, with a fresh key.
  const again = play([{ type: 'retry' }, { type: 'delete' }, { type: 'requested', prevented: false }], state);
  const [first, second] = keysSent([...effects, ...again.effects]);
  assert.notEqual(second, first);
});

test('… → B reads blocked → back to client A → A reads blocked: the deletion did not happen, blocked with nothing carried', () => {
  const { state } = play([
    ...lostAfterSwap,
    { type: 'checked', preconditions: BLOCKED },
    { type: 'client', client: CLIENT_A },
    { type: 'checked', preconditions: BLOCKED },
  ]);
  assert.equal(state.status, 'blocked');
  assert.equal(state.status === 'blocked' && state.unknown, undefined);
  assert.equal(state.ctx.lastUnknown, undefined);
});

test('lost answer on show → the host gives client B at once (an error listener) → B reads clear: the lost answer still on show', () => {
  const { state } = play([...lost, { type: 'client', client: CLIENT_B }, { type: 'checked', preconditions: CLEAR }]);
  assert.deepEqual(outcomeOf(state), ['delete-failed', 'unknown']);
});

test('lost answer → the host gives client B at once → B\'s check fails → Check again → clear: the lost answer on show', () => {
  const { state } = play([
    ...lost,
    { type: 'client', client: CLIENT_B },
    { type: 'check-error', error: ERRORS['server']!() },
    { type: 'check' },
    { type: 'checked', preconditions: CLEAR },
  ]);
  assert.deepEqual(outcomeOf(state), ['delete-failed', 'unknown']);
});

test('a fresh sign-in asked → Check again → blocked → resolved → Check again → clear: the sign-in is still asked for', () => {
  const { state } = play([
    ...ready,
    ...sendDelete,
    { type: 'delete-error', error: ERRORS['reauth']!() },
    { type: 'check' },
    { type: 'checked', preconditions: BLOCKED },
    { type: 'check' },
    { type: 'checked', preconditions: CLEAR },
  ]);
  assert.deepEqual([...outcomeOf(state), connect(state).canDelete], ['delete-failed', 'reauth', false]);
});

test('a fresh sign-in asked → Check again → blocked → the host\'s retry (signed in) → resolved → Check again → clear: ready', () => {
  const blocked = play([...ready, ...sendDelete, { type: 'delete-error', error: ERRORS['reauth']!() }, { type: 'check' }, { type: 'checked', preconditions: BLOCKED }]).state;
  assert.equal(connect(blocked).canRetry, true);
  const { state } = play([{ type: 'retry' }, { type: 'check' }, { type: 'checked', preconditions: CLEAR }], blocked);
  assert.deepEqual([connect(state).status, connect(state).canDelete], ['ready', true]);
});

test('lost answer → Check again → the host\'s retry while it runs → clear: the retry repeats the DELETE, with its key', () => {
  const checking = play([...lost, { type: 'check' }]).state;
  assert.equal(connect(checking).canRetry, true);
  const { state, effects } = play([...lost, { type: 'check' }, { type: 'retry' }, { type: 'checked', preconditions: CLEAR }]);
  // The retry asked for is raised once the check is read, and in ready it is the repeat.
  assert.ok(effects.some((effect) => effect.type === 'raise' && effect.event.type === 'retry'));
  assert.equal(connect(state).canRetry, true);
  const repeat = play([{ type: 'retry' }, { type: 'requested', prevented: false }], state);
  const [first, second] = keysSent([...effects, ...repeat.effects]);
  assert.equal(second, first);
});

test('a plain ready (nothing lost) → retry: nothing to repeat, nothing changes', () => {
  const { state } = play(ready);
  assert.equal(connect(state).canRetry, false);
  assert.equal(play([{ type: 'retry' }], state).state, state);
});

test('Delete → a 409 with nothing blocking → the check after it reads blocked → resolved → Check again → clear: ready, the 409 explained', () => {
  const { state } = play([
    ...ready,
    ...sendDelete,
    { type: 'delete-error', error: ERRORS['conflict-empty']!() },
    { type: 'checked', preconditions: BLOCKED },
    { type: 'check' },
    { type: 'checked', preconditions: CLEAR },
  ]);
  assert.deepEqual([connect(state).status, connect(state).canDelete], ['ready', true]);
});

test('lost answer → its repeat → a 409 that settles nothing → clear: "not confirmed", never "nothing was deleted", and the same key', () => {
  const { state, effects } = play([...lost, { type: 'retry' }, { type: 'requested', prevented: false }, { type: 'delete-error', error: ERRORS['conflict-empty']!() }, { type: 'checked', preconditions: CLEAR }]);
  assert.deepEqual(outcomeOf(state), ['delete-failed', 'conflict']);
  const words = [en, ptBR, es].map((strings) => failureText(connect(state), strings)?.text);
  assert.deepEqual(words, [en.errorUnreadableDelete, ptBR.errorUnreadableDelete, es.errorUnreadableDelete]);
  const again = play([{ type: 'retry' }, { type: 'delete' }, { type: 'requested', prevented: false }], state);
  const keys = keysSent([...effects, ...again.effects]);
  assert.equal(new Set(keys).size, 1);
});

test('Delete → a 409 that settles nothing (no deletion of unknown outcome before it) → clear: the refusal nothing explains, with the server\'s sentence', () => {
  // Before: the server's sentence, the only word on why, was left out.
  const { state } = play([...ready, ...sendDelete, { type: 'delete-error', error: ERRORS['conflict-empty']!() }, { type: 'checked', preconditions: CLEAR }]);
  assert.deepEqual(failureText(connect(state), en), { text: en.errorConflictUnexplained, server: 'Refused (409).', requestId: undefined });
  // An answer with no sentence of its own: the SDK's English stand-in is not shown.
  const bare = new ConflictError({ status: 409, detail: 'The server refused the request (status 409).', fromServer: false });
  const silent = play([...ready, ...sendDelete, { type: 'delete-error', error: bare }, { type: 'checked', preconditions: CLEAR }]);
  assert.equal(failureText(connect(silent.state), en)?.server, undefined);
});

test('lost answer through A, never drawn → the host gives B → B\'s check fails → Check again → retry while it runs → clear: the lost answer on show, nothing raised', () => {
  const { state, effects } = play([
    ...lost,
    { type: 'client', client: CLIENT_B },
    { type: 'check-error', error: ERRORS['server']!() },
    { type: 'check' },
    { type: 'retry' },
    { type: 'checked', preconditions: CLEAR },
  ]);
  assert.deepEqual(outcomeOf(state), ['delete-failed', 'unknown']);
  // The retry was for the failed check; the user reads the lost answer before anything is sent.
  assert.equal(effects.filter((effect) => effect.type === 'raise').length, 0);
});

test('a DELETE through A out → client B → its answer lost → back to A → retry while A\'s check runs → it fails: the lost answer on show, not repeated unread', () => {
  const { state, effects } = play([
    ...lostAfterSwap,
    { type: 'client', client: CLIENT_A },
    { type: 'retry' },
    { type: 'check-error', error: ERRORS['server']!() },
  ]);
  assert.deepEqual(outcomeOf(state), ['delete-failed', 'unknown']);
  assert.equal(effects.filter((effect) => effect.type === 'raise').length, 0);
});

test('the view off the page → the DELETE\'s answer is lost → a host\'s refresh → clear → back on the page: the lost answer on show', () => {
  const { state } = play([...ready, ...sendDelete, { type: 'hide' }, { type: 'delete-error', error: ERRORS['network']!() }, { type: 'check' }, { type: 'checked', preconditions: CLEAR }, { type: 'show' }]);
  assert.deepEqual(outcomeOf(state), ['delete-failed', 'unknown']);
});

test('lost answer, never drawn → client B → back to A: while A\'s check runs, canRetry is false (the lost answer goes on show first)', () => {
  const { state } = play([...lost, { type: 'client', client: CLIENT_B }, { type: 'client', client: CLIENT_A }]);
  assert.equal(connect(state).status, 'checking');
  assert.equal(connect(state).canRetry, false);
});

test('ready through A → the host gives client B: B reads the checks before Delete is usable again; the same client again changes nothing', () => {
  const { state, effects } = play([...ready, { type: 'client', client: CLIENT_B }]);
  assert.equal(connect(state).status, 'checking');
  assert.equal(connect(state).canDelete, false);
  const started = effects.filter((effect) => effect.type === 'start-check');
  assert.equal(started.at(-1)?.type === 'start-check' && started.at(-1)?.client, CLIENT_B);
  const again = play([{ type: 'client', client: CLIENT_B }], state);
  assert.equal(again.state, state);
});

test('retry before the first check, or a second retry while a check runs: nothing changes', () => {
  const first = play([]).state;
  assert.equal(play([{ type: 'retry' }], first).state, first);
  const checking = play([...lost, { type: 'check' }, { type: 'retry' }]).state;
  assert.equal(play([{ type: 'retry' }], checking).state, checking);
});

for (const [name, error] of [['a 500', 'server'], ['a 403', 'forbidden'], ['a 429', 'rate-limited'], ['no answer', 'network']] as const) {
  test(`a DELETE through A out → client B → its answer lost → B's check fails (${name}): the words say the deletion was not confirmed, with Check again`, () => {
    // Before: only the check's failure, as if no DELETE had been sent; the lost deletion out of sight.
    const { state } = play([...lostAfterSwap, { type: 'check-error', error: ERRORS[error]!() }]);
    const snapshot = connect(state);
    assert.deepEqual([snapshot.status, snapshot.failure?.mayBeDeleted, snapshot.actions.delete, snapshot.actions.check], ['check-failed', true, undefined, true]);
    for (const words of [en, ptBR, es]) {
      const text = failureText(snapshot, words)?.text ?? '';
      assert.ok(text.startsWith(`${words.errorCheckAfterLostDelete} `), text);
      // The check's own words follow, with their one way forward.
      const plain = failureText({ ...snapshot, failure: { ...snapshot.failure!, mayBeDeleted: undefined } }, words)?.text;
      assert.equal(text, `${words.errorCheckAfterLostDelete} ${plain}`);
    }
  });
}

test('a DELETE through A out → client B → its answer lost → B reads blocked → Check again fails: the words say the deletion was not confirmed', () => {
  const { state } = play([...lostAfterSwap, { type: 'checked', preconditions: BLOCKED }, { type: 'check' }, { type: 'check-error', error: ERRORS['server']!() }]);
  assert.deepEqual([connect(state).status, connect(state).failure?.mayBeDeleted], ['check-failed', true]);
  assert.ok(failureText(connect(state), en)?.text.startsWith(en.errorCheckAfterLostDelete));
});

test('a DELETE refused (403) → Check again fails: nothing was lost, the check\'s words alone', () => {
  const { state } = play([...ready, ...sendDelete, { type: 'delete-error', error: ERRORS['forbidden']!() }, { type: 'check' }, { type: 'check-error', error: ERRORS['server']!() }]);
  assert.deepEqual([connect(state).status, connect(state).failure?.mayBeDeleted], ['check-failed', undefined]);
  assert.equal(failureText(connect(state), en)?.text, en.errorServerCheck(500));
});
