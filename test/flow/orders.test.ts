/**
 * Orders of events, each named, played on the pure machine with plain data: the key rule, late
 * answers, the joins, and the redirect. What each row of the table does, as a user would tell it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from '../../src/flow/connect.js';
import { transition } from '../../src/flow/machine.js';
import type { Effect, MachineEvent } from '../../src/flow/types.js';
import { keysSent, lost, navigations, play, ready, sendDelete } from './play.js';
import { BLOCKED, CLEAR, CLIENT_A, CLIENT_B, ERRORS, OTHER_ACCOUNT, initialState } from './walk.js';
import { world } from './helpers.js';
import { ConflictError } from '../../src/index.js';
import { en, failureText, ptBR } from '../../src/flow/index.js';
import { es } from '../../src/flow/words/es.js';

test('lost answer → check: clear → Delete: the same key (the outcome is still unknown)', () => {
  const { effects } = play([...lost, { type: 'check' }, { type: 'checked', preconditions: CLEAR }, ...sendDelete]);
  const [first, second] = keysSent(effects);
  assert.equal(second, first);
});

test('lost answer → check: clear → check again fails: the lost answer back on show, and Delete repeats it with the same key', () => {
  const { state, effects } = play([...lost, { type: 'check' }, { type: 'checked', preconditions: CLEAR }, { type: 'check' }, { type: 'check-error', error: ERRORS['server']!() }]);
  assert.deepEqual([connect(state).status, connect(state).failure?.outcome, connect(state).actions.delete], ['delete-failed', 'unknown', 'retry']);
  const again = play([{ type: 'retry' }, { type: 'requested', prevented: false }], state);
  const [first, second] = keysSent([...effects, ...again.effects]);
  assert.equal(second, first);
});

test('lost answer → check: blocked → check: clear → Delete: a fresh key (known not to have happened)', () => {
  const { effects } = play([...lost, { type: 'check' }, { type: 'checked', preconditions: BLOCKED }, { type: 'check' }, { type: 'checked', preconditions: CLEAR }, ...sendDelete]);
  const [first, second] = keysSent(effects);
  assert.notEqual(second, first);
});

test('lost answer → another client → check: clear → Delete (its retry): a fresh key, through the new client', () => {
  // The lost answer stays on show, and Delete offers a retry: through ready, a new request.
  const { effects } = play([...lost, { type: 'client', client: CLIENT_B }, { type: 'checked', preconditions: CLEAR }, { type: 'retry' }, ...sendDelete]);
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

test('lost answer through A → client B → client A → check: clear → Delete (its retry): the same key (still unknown for that account and client)', () => {
  // A new client at a failed deletion carries it as not yet told (it may never have been drawn): on show again.
  const { effects } = play([...lost, { type: 'client', client: CLIENT_B }, { type: 'client', client: CLIENT_A }, { type: 'checked', preconditions: CLEAR }, { type: 'retry' }, { type: 'requested', prevented: false }]);
  const sent = effects.flatMap((effect) => (effect.type === 'send-delete' ? [effect.attempt] : []));
  assert.equal(sent[1]!.client, CLIENT_A);
  assert.equal(sent[1]!.key, sent[0]!.key);
});

test('a DELETE through A out → client B → its answer lost → client A → check: clear: the lost answer on show; Delete repeats it, the same key', () => {
  // Before, A's check led to ready: the lost answer was never on show.
  const { state, effects } = play([...ready, ...sendDelete, { type: 'client', client: CLIENT_B }, { type: 'delete-error', error: ERRORS['server']!() }, { type: 'client', client: CLIENT_A }, { type: 'checked', preconditions: CLEAR }]);
  assert.deepEqual([connect(state).status, connect(state).failure?.outcome, connect(state).actions.delete], ['delete-failed', 'unknown', 'retry']);
  const again = play([{ type: 'retry' }, { type: 'requested', prevented: false }], state);
  const [first, second] = keysSent([...effects, ...again.effects]);
  assert.equal(second, first);
});

test('a DELETE through A out → client B → its answer lost → B\'s check fails → Check again: clear: the lost answer on show', () => {
  // Before, the failed check dropped it, and the next check led to ready.
  const { state } = play([...ready, ...sendDelete, { type: 'client', client: CLIENT_B }, { type: 'delete-error', error: ERRORS['server']!() }, { type: 'check-error', error: ERRORS['server']!() }, { type: 'check' }, { type: 'checked', preconditions: CLEAR }]);
  assert.deepEqual([connect(state).status, connect(state).failure?.outcome, connect(state).actions.delete], ['delete-failed', 'unknown', 'retry']);
});

test('a DELETE through A out → client B → its answer lost → B\'s check fails → retry: clear: the lost answer on show', () => {
  // Before, the retry's check left the lost answer behind, and the flow went to ready: never on show.
  const { state } = play([...ready, ...sendDelete, { type: 'client', client: CLIENT_B }, { type: 'delete-error', error: ERRORS['server']!() }, { type: 'check-error', error: ERRORS['server']!() }, { type: 'retry' }, { type: 'checked', preconditions: CLEAR }]);
  assert.deepEqual([connect(state).status, connect(state).failure?.outcome, connect(state).actions.delete], ['delete-failed', 'unknown', 'retry']);
});

test('a DELETE through A out → client B → its answer lost → B\'s check fails → client A: clear: the lost answer on show; Delete repeats it, the same key', () => {
  // Before, the new client's check left it behind: ready, and the lost answer never on show.
  const { state, effects } = play([...ready, ...sendDelete, { type: 'client', client: CLIENT_B }, { type: 'delete-error', error: ERRORS['server']!() }, { type: 'check-error', error: ERRORS['server']!() }, { type: 'client', client: CLIENT_A }, { type: 'checked', preconditions: CLEAR }]);
  assert.deepEqual([connect(state).status, connect(state).failure?.outcome, connect(state).actions.delete], ['delete-failed', 'unknown', 'retry']);
  const again = play([{ type: 'retry' }, { type: 'requested', prevented: false }], state);
  const [first, second] = keysSent([...effects, ...again.effects]);
  assert.equal(second, first);
});

test('a DELETE through A out → client B → its answer lost → B\'s check: clear: the lost answer is on show; Delete sends anew through B', () => {
  // Before, the flow went from the lost answer straight to ready: no snapshot ever told it.
  const out = [...ready, ...sendDelete, { type: 'client', client: CLIENT_B }, { type: 'delete-error', error: ERRORS['server']!() }] as Partial<MachineEvent>[];
  const lostThere = play(out);
  assert.equal(lostThere.state.status, 'checking');
  const { state } = play([{ type: 'checked', preconditions: CLEAR }], lostThere.state);
  const snapshot = connect(state);
  assert.deepEqual([snapshot.status, snapshot.failure?.outcome, snapshot.actions.delete], ['delete-failed', 'unknown', 'retry']);
  assert.equal(failureText(snapshot, en)?.text, en.errorServerDelete(500));
  // The retry is a new request through B (the key rule: another client, a fresh key).
  const again = play([{ type: 'retry' }, { type: 'delete' }, { type: 'requested', prevented: false }], state);
  const sent = [...lostThere.effects, ...again.effects].flatMap((effect) => (effect.type === 'send-delete' ? [effect.attempt] : []));
  assert.equal(sent.length, 2);
  assert.equal(sent[1]!.client, CLIENT_B);
  assert.notEqual(sent[1]!.key, sent[0]!.key);
});

test('a DELETE through A out → client B → refused (403) → B\'s check: clear: ready (a sure refusal is not carried as a lost answer)', () => {
  const { state } = play([...ready, ...sendDelete, { type: 'client', client: CLIENT_B }, { type: 'delete-error', error: ERRORS['forbidden']!() }, { type: 'checked', preconditions: CLEAR }]);
  assert.deepEqual([connect(state).status, connect(state).failure], ['ready', undefined]);
});

test('lost answer through A, on show → check → client B while it runs → B\'s check: clear: the lost answer still on show, Delete a new request', () => {
  const { state } = play([...lost, { type: 'check' }, { type: 'client', client: CLIENT_B }, { type: 'checked', preconditions: CLEAR }]);
  assert.deepEqual([connect(state).status, connect(state).failure?.outcome, connect(state).actions.delete], ['delete-failed', 'unknown', 'retry']);
  assert.equal(state.status === 'delete-failed' && state.attempt, undefined);
});

test('a check running → the same client given again: no second request', () => {
  const { state } = play([{ type: 'check' }]);
  assert.deepEqual(transition(state, { type: 'client', client: CLIENT_A, now: 1 } as MachineEvent).effects, []);
});

test('a DELETE through A out → client B → its answer lost → B\'s check fails: the failed check, with Check again', () => {
  const { state } = play([...ready, ...sendDelete, { type: 'client', client: CLIENT_B }, { type: 'delete-error', error: ERRORS['server']!() }, { type: 'check-error', error: ERRORS['server']!() }]);
  const snapshot = connect(state);
  assert.deepEqual([snapshot.status, snapshot.actions.delete, snapshot.actions.check], ['check-failed', undefined, true]);
});

test('lost answer → check: another account → check: the first again → Delete: the same key', () => {
  const { effects } = play([...lost, { type: 'check' }, { type: 'checked', preconditions: OTHER_ACCOUNT }, { type: 'check' }, { type: 'checked', preconditions: CLEAR }, { type: 'confirm', value: 'Acme Corp' }, ...sendDelete]);
  const [first, second] = keysSent(effects);
  assert.equal(second, first);
});

test('lost answer → another account blocked → the first again, clear → Delete: the same key (only the first account blocked says it was not deleted)', () => {
  const otherBlocked = { ...BLOCKED, account: OTHER_ACCOUNT.account };
  const { effects } = play([...lost, { type: 'check' }, { type: 'checked', preconditions: otherBlocked }, { type: 'check' }, { type: 'checked', preconditions: CLEAR }, { type: 'confirm', value: 'Acme Corp' }, ...sendDelete]);
  const [first, second] = keysSent(effects);
  assert.equal(second, first);
});

test('lost answer through A → client B reads it blocked → client A reads it clear → Delete (its retry): the same key (B says nothing of A)', () => {
  const { effects } = play([...lost, { type: 'client', client: CLIENT_B }, { type: 'checked', preconditions: BLOCKED }, { type: 'client', client: CLIENT_A }, { type: 'checked', preconditions: CLEAR }, { type: 'retry' }, { type: 'requested', prevented: false }]);
  const [first, second] = keysSent(effects);
  assert.equal(second, first);
});

test('lost answer → retry → 429 (the repeat not looked at) → retry after the wait: still the same key', () => {
  const repeat: Partial<MachineEvent>[] = [{ type: 'retry' }, { type: 'requested', prevented: false }];
  // After a 429, retry goes to ready and raises Delete (the runner carries out the raise; here, by hand).
  const { effects } = play([...lost, ...repeat, { type: 'delete-error', error: ERRORS['rate-limited']!() }, { type: 'retry' }, ...sendDelete]);
  const keys = keysSent(effects);
  assert.equal(keys.length, 3);
  assert.deepEqual(new Set(keys).size, 1, keys.join(' '));
});

test('lost answer → retry → 409 idempotency_key_in_use (still being carried out): unknown, and Delete repeats the same key', () => {
  const inUse = new ConflictError({ status: 409, code: 'idempotency_key_in_use', detail: 'Request already in progress.' });
  const { state, effects } = play([...lost, { type: 'retry' }, { type: 'requested', prevented: false }, { type: 'delete-error', error: inUse }]);
  assert.equal(state.status, 'delete-failed');
  assert.equal(connect(state).failure?.outcome, 'unknown');
  assert.equal(connect(state).actions.delete, 'retry');
  const again = play([{ type: 'retry' }, { type: 'requested', prevented: false }], state);
  assert.deepEqual(new Set([...keysSent(effects), ...keysSent(again.effects)]).size, 1);
  // The words say the deletion is under way; they said "Nothing was deleted" (the unexplained 409's words).
  for (const [s, nothingDeleted] of [[en, 'Nothing was deleted'], [ptBR, 'Nada foi excluído'], [es, 'No se eliminó nada']] as const) {
    const text: string = failureText(connect(state), s)?.text ?? '';
    assert.equal(text, s.errorInProgressDelete);
    assert.ok(!text.includes(nothingDeleted), text);
  }
});

test('lost answer → retry → 403 (refused for sure) → check: clear → Delete: a fresh key', () => {
  const { effects } = play([...lost, { type: 'retry' }, { type: 'requested', prevented: false }, { type: 'delete-error', error: ERRORS['forbidden']!() }, { type: 'check' }, { type: 'checked', preconditions: CLEAR }, ...sendDelete]);
  const keys = keysSent(effects);
  assert.equal(keys[1], keys[0]);
  assert.notEqual(keys[2], keys[0]);
});

test('lost answer → retry → 409 account_has_blockers, nothing blocking shown → check: clear → Delete: a fresh key (the server refused that key for sure)', () => {
  // Before, the third DELETE went with the first key, which a server keeping answers by key would
  // answer with the same refusal.
  const hasBlockers = new ConflictError({ status: 409, code: 'account_has_blockers', detail: 'A check blocks deletion.', checks: undefined });
  const refused = play([...lost, { type: 'retry' }, { type: 'requested', prevented: false }, { type: 'delete-error', error: hasBlockers }, { type: 'checked', preconditions: CLEAR }]);
  assert.deepEqual([connect(refused.state).status, connect(refused.state).failure?.outcome, connect(refused.state).actions.delete], ['delete-failed', 'conflict', 'retry']);
  // The retry goes back to ready and raises the user's Delete (played here as the runner would).
  const { effects } = play([{ type: 'retry' }, { type: 'delete' }, { type: 'requested', prevented: false }], refused.state);
  const keys = keysSent([...refused.effects, ...effects]);
  assert.equal(keys.length, 3);
  assert.equal(keys[1], keys[0]);
  assert.notEqual(keys[2], keys[0]);
});

test('lost answer → retry → a 409 it cannot read (no code, nothing shown) → check: clear → Delete: the same key (it says nothing sure of that key)', () => {
  const refused = play([...lost, { type: 'retry' }, { type: 'requested', prevented: false }, { type: 'delete-error', error: ERRORS['conflict-empty']!() }, { type: 'checked', preconditions: CLEAR }]);
  const { effects } = play([{ type: 'retry' }, { type: 'delete' }, { type: 'requested', prevented: false }], refused.state);
  const keys = keysSent([...refused.effects, ...effects]);
  assert.deepEqual([keys.length, keys[2]], [3, keys[0]]);
});

test('lost answer → retry → signed out (401) → check → 401: the words say the account may be deleted; a 401 on a first DELETE or check does not', () => {
  // A deletion ends the account's sessions: the 401 on the repeat may be that deletion's doing.
  const repeat = play([...lost, { type: 'retry' }, { type: 'requested', prevented: false }, { type: 'delete-error', error: ERRORS['signed-out']!() }]);
  assert.equal(repeat.state.status, 'delete-failed');
  assert.deepEqual([connect(repeat.state).failure?.outcome, connect(repeat.state).failure?.mayBeDeleted], ['signed-out', true]);
  assert.equal(connect(repeat.state).canDelete, false);
  assert.equal(failureText(connect(repeat.state), en)?.text, en.errorSignedOutMayBeDeleted);
  // Check again, as the words say, answered 401 too: the deletion may still be why.
  const checked = play([{ type: 'check' }, { type: 'check-error', error: ERRORS['signed-out']!() }], repeat.state);
  assert.deepEqual([checked.state.status, connect(checked.state).failure?.mayBeDeleted], ['check-failed', true]);
  assert.equal(failureText(connect(checked.state), en)?.text, en.errorSignedOutMayBeDeleted);
  const first = play([...ready, ...sendDelete, { type: 'delete-error', error: ERRORS['signed-out']!() }]);
  assert.deepEqual([connect(first.state).failure?.outcome, connect(first.state).failure?.mayBeDeleted], ['signed-out', undefined]);
  assert.equal(failureText(connect(first.state), en)?.text, en.errorSignedOut);
  const plain = play([{ type: 'check' }, { type: 'check-error', error: ERRORS['signed-out']!() }]);
  assert.deepEqual([plain.state.status, connect(plain.state).failure?.mayBeDeleted], ['check-failed', undefined]);
});

test('lost answer → check fails (401) → retry: the same request again', () => {
  const { state, effects } = play([...lost, { type: 'check' }, { type: 'check-error', error: ERRORS['signed-out']!() }, { type: 'retry' }, { type: 'requested', prevented: false }]);
  assert.equal(state.status, 'deleting');
  const [first, second] = keysSent(effects);
  assert.equal(second, first);
});

test('lost answer → check fails (500) → retry → sign in again (401): retry checks first, Delete stays off', () => {
  // The check that failed after the lost answer leaves the older clear check stale: after the
  // repeat is refused, nothing may go back to ready on it.
  const { state, effects } = play([
    ...lost,
    { type: 'check' },
    { type: 'check-error', error: ERRORS['server']!() },
    { type: 'retry' },
    { type: 'requested', prevented: false },
    { type: 'delete-error', error: ERRORS['reauth']!() },
    { type: 'retry' },
    { type: 'confirm', value: 'Acme Corp' },
  ]);
  assert.equal(state.status, 'checking');
  assert.equal(connect(state).canDelete, false);
  assert.equal(effects.at(-1)?.type, 'start-check');
  assert.equal(keysSent(effects).length, 2, 'the repeat went, and nothing after it');
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

test('a check read → the clock set back an hour → the user comes back minutes later: a check (not an hour of silence)', () => {
  let state = initialState();
  const at = (now: number, event: Partial<MachineEvent>) => {
    const step = transition(state, { now, key: 'key', ...event } as MachineEvent);
    state = step.state;
    return step.effects;
  };
  const checked = 10_000_000;
  at(checked, { type: 'check' });
  at(checked, { type: 'checked', id: 1, preconditions: BLOCKED });
  assert.equal(state.status, 'blocked');
  // Within the throttle, a return checks nothing; after the clock went back, the elapsed time is unknown.
  assert.deepEqual(at(checked + 1_000, { type: 'return' }), []);
  const back = checked - 3_600_000 + 10 * 60_000;
  assert.deepEqual(at(back, { type: 'return' }).map((effect) => effect.type), ['start-check']);
});

test('nothing asked yet → show (a view read the flow before it was shown): the first check; shown again while it runs: no second', () => {
  const first = transition(initialState(), { type: 'show', now: 1 });
  assert.deepEqual(first.effects.map((effect) => effect.type), ['start-check']);
  assert.deepEqual(transition(first.state, { type: 'show', now: 2 }).effects, []);
  // Connected first where there is no page (hide), then shown: the check starts, and the flow is on the page.
  const back = transition(transition(initialState(), { type: 'hide', now: 1 }).state, { type: 'show', now: 2 });
  assert.deepEqual([back.effects.map((effect) => effect.type), back.state.ctx.away], [['start-check'], false]);
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

const notices = (effects: Effect[]) => effects.flatMap((effect) => (effect.type === 'notify' ? [effect] : []));
const done = { type: 'delete-done', result: { accountId: 1234, alreadyDeleted: false, idempotencyKey: 'k', requestId: undefined } } as const;
const failing = (error: ReturnType<(typeof ERRORS)[string]>) => [...ready, ...sendDelete, { type: 'delete-error', error } as Partial<MachineEvent>];

test('the listeners are told: the checks read, each failure, and a fresh sign-in with the account', () => {
  const read = play([{ type: 'check' }, { type: 'checked', preconditions: CLEAR }]);
  assert.deepEqual(notices(read.effects), [{ type: 'notify', notification: 'checked', detail: { preconditions: CLEAR } }]);
  const server = ERRORS['server']!();
  const checkFailed = play([{ type: 'check' }, { type: 'check-error', error: server }]);
  assert.deepEqual(notices(checkFailed.effects), [{ type: 'notify', notification: 'error', detail: { error: server } }]);
  const reauth = ERRORS['reauth']!();
  const signIn = play(failing(reauth));
  assert.deepEqual(notices(signIn.effects).slice(-2), [
    { type: 'notify', notification: 'error', detail: { error: reauth } },
    { type: 'notify', notification: 'reauth-required', detail: { account: CLEAR.account } },
  ]);
  assert.equal(connect(signIn.state).failure?.step, 'delete');
  assert.equal(connect(checkFailed.state).failure?.step, 'check');
});

test('a fresh sign-in asked → the view leaves the page → retry: nothing, the request stays on show (canRetry says so); back → retry: a new DELETE', () => {
  // Before, the retry went to ready and raised a Delete that could not go off the page: the request
  // to sign in again was gone, and nothing was sent.
  const away = play([...failing(ERRORS['reauth']!()), { type: 'hide' }]);
  assert.equal(connect(away.state).canRetry, false);
  assert.equal(play([{ type: 'retry' }], away.state).state, away.state);
  const back = play([{ type: 'show' }], away.state);
  assert.deepEqual([connect(back.state).status, connect(back.state).failure?.outcome, connect(back.state).canRetry], ['delete-failed', 'reauth', true]);
  const again = play([{ type: 'retry' }, { type: 'delete' }, { type: 'requested', prevented: false }], back.state);
  assert.equal(keysSent([...away.effects, ...again.effects]).length, 2);
});

test('a fresh sign-in asked → a check, read clear: the request stays on show → retry: a new DELETE', () => {
  const { state } = play([...failing(ERRORS['reauth']!()), { type: 'check' }, { type: 'checked', preconditions: CLEAR }]);
  assert.equal(state.status, 'delete-failed');
  assert.equal(connect(state).failure?.outcome, 'reauth');
  const { state: retried, effects } = play([{ type: 'retry' }], state);
  assert.equal(retried.status, 'ready');
  assert.deepEqual(effects, [{ type: 'raise', event: { type: 'delete' } }]);
});

test('a fresh sign-in asked → a check that reads another account: ready for that one, the request gone', () => {
  const other = { ...CLEAR, account: { id: 999, name: 'Other Co', kind: 'client' } };
  const { state } = play([...failing(ERRORS['reauth']!()), { type: 'check' }, { type: 'checked', preconditions: other }]);
  assert.equal(state.status, 'ready');
});

test('retry while the check after a fresh sign-in runs: once it is read, the retry goes on', () => {
  const { effects } = play([...failing(ERRORS['reauth']!()), { type: 'check' }, { type: 'retry' }, { type: 'retry' }, { type: 'checked', preconditions: CLEAR }]);
  assert.deepEqual(effects.filter((effect) => effect.type === 'raise'), [{ type: 'raise', event: { type: 'retry' } }]);
});

test('a new client before the first check: asked nothing; the first check goes through it', () => {
  const { state, effects } = play([{ type: 'client', client: CLIENT_B }]);
  assert.deepEqual(effects, []);
  assert.equal(state.status === 'checking' && state.client, CLIENT_B);
  const first = play([{ type: 'check' }], state);
  assert.deepEqual(first.effects, [{ type: 'start-check', id: 1, client: CLIENT_B }]);
});

test('a 409 whose checks all passed: a check; clear again, the refusal stays on show; Delete then sends anew', () => {
  const passed = ERRORS['conflict-blocking']!();
  Object.assign(passed, { checks: CLEAR.checks });
  const { state, effects } = play([...failing(passed)]);
  assert.equal(state.status, 'checking');
  assert.equal(effects.at(-1)?.type, 'start-check');
  const after = play([{ type: 'checked', preconditions: CLEAR }], state);
  assert.equal(after.state.status, 'delete-failed');
  assert.equal(connect(after.state).actions.delete, 'retry');
  const blocked = play([{ type: 'checked', preconditions: BLOCKED }], state);
  assert.equal(blocked.state.status, 'blocked');
});

test('a 409 with what blocks: those checks on show, not deletable', () => {
  const { state } = play(failing(ERRORS['conflict-blocking']!()));
  assert.equal(state.status, 'delete-failed');
  assert.deepEqual(connect(state).preconditions?.checks, BLOCKED.checks);
  assert.equal(connect(state).preconditions?.deletable, false);
  assert.equal(connect(state).reason, 'blocked');
});

test('after a failed deletion, the return to the page checks again only where the checks or the session are the way', () => {
  const cases: [string, ReturnType<(typeof ERRORS)[string]>, boolean][] = [
    ['a 409 with what blocks', ERRORS['conflict-blocking']!(), true],
    ['a plain 401', ERRORS['signed-out']!(), true],
    ['an unknown outcome', ERRORS['server']!(), false],
    ['a 403', ERRORS['forbidden']!(), false],
    ['a fresh sign-in asked', ERRORS['reauth']!(), false],
    ['a 429', ERRORS['rate-limited']!(), false],
  ];
  for (const [what, error, checks] of cases) {
    const failed = play(failing(error)).state;
    const later = { ...failed, ctx: { ...failed.ctx, lastCheckAt: -Infinity } };
    const { effects } = play([{ type: 'return' }], later);
    assert.equal(effects.some((effect) => effect.type === 'start-check'), checks, what);
    assert.equal(play([{ type: 'show' }], { ...later, ctx: { ...later.ctx, away: true } }).effects.some((effect) => effect.type === 'start-check'), checks, `${what}, back on the page`);
  }
});

test('a plain 401 on the DELETE → retry: a check (sign in first), not a DELETE', () => {
  const { state, effects } = play([...failing(ERRORS['signed-out']!()), { type: 'retry' }]);
  assert.equal(state.status, 'checking');
  assert.equal(effects.at(-1)?.type, 'start-check');
});

test('a Delete with no key given sends nothing: the runner always gives one', () => {
  const ready2 = play(ready).state;
  assert.equal(transition(ready2, { type: 'delete', now: 1 }).state, ready2);
});

test('the redirect: at once with no delay, else a timer; stay cancels it; away holds it, back starts it again; once told, twice told is once', () => {
  const at = (delay: number) => ({ ...initialState(), ctx: { ...initialState().ctx, redirectDelay: delay } });
  const now = play([...ready, ...sendDelete, done, { type: 'announced', prevented: false }], at(0));
  // At once is a timer due now: a listener of `deleted` that takes the view off the page is heard first.
  const due = now.effects.filter((effect) => effect.type === 'navigate' || effect.type === 'start-timer');
  assert.ok(due.length === 1 && due[0]!.type === 'start-timer' && now.state.status === 'deleted' && due[0]!.at === now.state.redirect?.at);
  assert.equal(navigations(play([{ type: 'redirect-due' }], now.state).effects), 1);
  const later = play([...ready, ...sendDelete, done, { type: 'announced', prevented: false }], at(5_000));
  const timer = later.effects.find((effect) => effect.type === 'start-timer');
  assert.ok(timer && timer.type === 'start-timer' && timer.at > 100_000 + 5_000);
  assert.deepEqual(play([{ type: 'stay' }], later.state).effects, [{ type: 'cancel-timer' }]);
  assert.deepEqual(play([{ type: 'announced', prevented: false }], later.state).state, later.state, 'told twice: once');
  const away = play([{ type: 'hide' }], later.state);
  assert.deepEqual(away.effects, [{ type: 'cancel-timer' }]);
  const back = play([{ type: 'show' }], away.state);
  const again = back.effects[0];
  assert.ok(again?.type === 'start-timer' && again.at === (back.state.status === 'deleted' && back.state.redirect?.at), 'starts again from the return');
  assert.deepEqual(play([{ type: 'show' }], back.state).effects, [], 'a second return does not start it twice');
  const kept = play([...ready, ...sendDelete, done, { type: 'announced', prevented: true }], at(5_000));
  assert.deepEqual(play([{ type: 'hide' }, { type: 'show' }, { type: 'redirect-due' }], kept.state).effects, [], 'kept by the host: nothing');
  assert.deepEqual(play([{ type: 'redirect-due' }], play([{ type: 'stay' }], later.state).state).effects, [], 'stayed: nothing');
});

test('deleted → the redirect due → the browser taken to an address in the same page (#…): the view may close, Stay no longer offered', () => {
  // Before, the page stayed after a same-document redirect and the flow still said "scheduled": the
  // window could never be closed, and Stay was offered for a redirect already made.
  const scheduled = play([...ready, ...sendDelete, done, { type: 'announced', prevented: false }]);
  assert.deepEqual([connect(scheduled.state).actions.leave, connect(scheduled.state).actions.stay], [false, true]);
  const went = play([{ type: 'redirect-due' }], scheduled.state);
  assert.equal(navigations(went.effects), 1);
  assert.deepEqual([connect(went.state).actions.leave, connect(went.state).actions.stay], [true, false]);
  assert.deepEqual(play([{ type: 'stay' }, { type: 'redirect-due' }], went.state).effects, [], 'onward once, nothing to stay from');
  // Nothing to stay from either before the listeners answered, or once the host kept the page.
  const told = play([...ready, ...sendDelete, done]);
  assert.deepEqual([connect(told.state).actions.stay, connect(told.state).actions.leave], [false, false]);
  const kept = play([{ type: 'announced', prevented: true }], told.state);
  assert.deepEqual([connect(kept.state).actions.stay, connect(kept.state).actions.leave], [false, true]);
  assert.equal(play([{ type: 'stay' }], kept.state).state, kept.state);
});

test('a redirect URL that is not safe: refused, told as an error, nowhere to go', () => {
  const unsafe = { ...initialState(), ctx: { ...initialState().ctx, redirectUrl: 'javascript:alert(1)' } };
  const { state, effects } = play([...ready, ...sendDelete, done, { type: 'announced', prevented: false }], unsafe);
  assert.equal(connect(state).redirect?.status, 'refused');
  const told = notices(effects).at(-1);
  assert.ok(told?.notification === 'error' && /redirect URL was refused/.test(told.detail.error.message));
  assert.equal(effects.some((effect) => effect.type === 'navigate' || effect.type === 'start-timer'), false);
});

test('deleted, no delay → a deleted listener takes the view off the page: nothing navigates while away; back: onward once', async () => {
  const w = world({ resolved: true, flow: { confirmation: 'none', redirectDelay: 0 } });
  w.flow.on('deleted', () => w.flow.send({ type: 'hide' }));
  w.flow.send({ type: 'check' });
  await w.settled();
  w.flow.send({ type: 'delete' });
  await w.settled();
  await new Promise((resolve) => setTimeout(resolve, 5));
  assert.equal(w.flow.getSnapshot().status, 'deleted');
  assert.deepEqual(w.navigated, []);
  w.flow.send({ type: 'show' });
  await new Promise((resolve) => setTimeout(resolve, 5));
  assert.deepEqual(w.navigated, ['https://www.azion.com/']);
});

test('ready → Delete → a 409 whose checks a host client left of the wrong shape: a check, not stuck in deleting', () => {
  for (const checks of [[null], 'none', [{ type: 'dns_zones', status: 'blocking' }]]) {
    const odd = new ConflictError({ status: 409, detail: 'Conflict.', checks: checks as never });
    const { state, effects } = play(failing(odd));
    assert.equal(state.status, 'checking', JSON.stringify(checks));
    assert.equal(effects.at(-1)?.type, 'start-check');
  }
});

test('lost answer → check fails → retry → 429: Delete waits for a check that reads, not for the name already typed', () => {
  const { state } = play([...lost, { type: 'check' }, { type: 'check-error', error: ERRORS['server']!() }, { type: 'retry' }, { type: 'requested', prevented: false }, { type: 'delete-error', error: ERRORS['rate-limited']!() }]);
  const snapshot = connect(state);
  assert.equal(snapshot.confirmation.matches, true);
  assert.equal(snapshot.actions.delete, undefined);
  assert.equal(snapshot.reason, 'check-failed');
  assert.equal(snapshot.actions.check, true);
  // The words name the one control that works: they said "then try again" with Delete unusable.
  for (const s of [en, ptBR, es]) assert.equal(failureText(snapshot, s)?.text, s.errorRateLimitedCheck(2));
  assert.equal(failureText(snapshot, en)?.text, 'Too many attempts. Wait 2 seconds, then check again.');
});

test('ready (no typing asked) → Delete → a request listener asks for the name: nothing is sent, back to ready', () => {
  const none = { ...initialState(), ctx: { ...initialState().ctx, confirmation: 'none' as const } };
  const { state, effects } = play([{ type: 'check' }, { type: 'checked', preconditions: CLEAR }, { type: 'delete' }, { type: 'configure', settings: { confirmation: 'account-name' } }, { type: 'requested', prevented: false }], none);
  assert.equal(keysSent(effects).length, 0);
  assert.equal(state.status, 'ready');
  assert.equal(connect(state).canDelete, false);
});

test('a check running → retry → the check fails: the retry goes on (a check again), it is not dropped', () => {
  const { state, effects } = play([{ type: 'check' }, { type: 'checked', preconditions: CLEAR }, { type: 'check' }, { type: 'retry' }, { type: 'check-error', error: ERRORS['server']!() }]);
  assert.equal(state.status, 'check-failed');
  assert.deepEqual(effects.at(-1), { type: 'raise', event: { type: 'retry' } });
  const raised = transition(state, { type: 'retry', now: 200_000, key: 'k' } as MachineEvent);
  assert.equal(raised.state.status, 'checking');
});

test('a fresh sign-in asked → check fails → check: clear: the sign-in request stays on show; retry lifts it', () => {
  const failed = play([...failing(ERRORS['reauth']!()), { type: 'check' }, { type: 'check-error', error: ERRORS['server']!() }]).state;
  assert.equal(failed.status, 'check-failed');
  const checked = play([{ type: 'check' }, { type: 'checked', preconditions: CLEAR }], failed).state;
  assert.equal(checked.status, 'delete-failed');
  assert.equal(connect(checked).failure?.outcome, 'reauth');
  assert.equal(connect(checked).canDelete, false);
  const lifted = play([{ type: 'retry' }, { type: 'checked', preconditions: CLEAR }], failed).state;
  assert.equal(lifted.status, 'ready');
});
