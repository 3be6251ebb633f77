/**
 * What the flow decides, field by field: what each failure means (the outcome), what a view may offer
 * in each state (the snapshot), how settings are read, and which answers of a host's client it refuses.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AccountDeletionError,
  ApiError,
  AuthenticationError,
  ConflictError,
  ConnectionError,
  InvalidResponseError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ReauthenticationRequiredError,
  RequestAbortedError,
  RequestTimeoutError,
  ServerError,
} from '../../src/index.js';
import { connect } from '../../src/flow/connect.js';
import { normalize, outcomeOf, readable } from '../../src/flow/guards.js';
import { transition } from '../../src/flow/machine.js';
import type { Snapshot, State } from '../../src/flow/types.js';
import { BLOCKED, CLEAR, CLIENT_B, initialState } from './walk.js';

const api = (status: number) => ({ status, detail: 'x' });

test('what a failure means, from the SDK error classes alone', () => {
  const rows: [AccountDeletionError, string, string][] = [
    [new ReauthenticationRequiredError(api(401)), 'reauth', 'reauth'],
    [new AuthenticationError(api(401)), 'signed-out', 'signed-out'],
    [new RateLimitError(api(429)), 'unavailable', 'unavailable'],
    [new ConflictError(api(409)), 'refused', 'conflict'],
    [new PermissionDeniedError(api(403)), 'refused', 'refused'],
    [new NotFoundError(api(404)), 'refused', 'refused'],
    [new ApiError(api(400)), 'refused', 'refused'],
    [new ApiError(api(499)), 'refused', 'refused'],
    [new ServerError(api(500)), 'unavailable', 'unknown'],
    [new ApiError(api(399)), 'unavailable', 'unknown'],
    [new ApiError(api(500)), 'unavailable', 'unknown'],
    [new ConnectionError('x'), 'unavailable', 'unknown'],
    [new RequestTimeoutError(1), 'unavailable', 'unknown'],
    [new InvalidResponseError('x'), 'unavailable', 'unknown'],
    [new RequestAbortedError('x'), 'unavailable', 'unknown'],
    [new AccountDeletionError('x'), 'unavailable', 'unknown'],
  ];
  for (const [error, onCheck, onDelete] of rows) {
    assert.equal(outcomeOf('check', error), onCheck, `${error.name} ${(error as ApiError).status ?? ''} on a check`);
    assert.equal(outcomeOf('delete', error), onDelete, `${error.name} ${(error as ApiError).status ?? ''} on a deletion`);
  }
});

test('settings are read as the flow needs them: no unexpected value skips the confirmation', () => {
  assert.deepEqual(normalize({ confirmation: 'none' }), { confirmation: 'none' });
  for (const confirmation of ['account-name', 'None', '', null, undefined, 'anything']) {
    assert.deepEqual(normalize({ confirmation }), { confirmation: 'account-name' }, String(confirmation));
  }
  assert.deepEqual(normalize({ redirectUrl: '/bye' }), { redirectUrl: '/bye' });
  assert.deepEqual(normalize({ redirectUrl: null }), { redirectUrl: 'https://www.azion.com/' });
  const delays: [unknown, number][] = [[5000, 5000], ['250', 250], [-5, 0], [0, 0], [null, 3000], [undefined, 3000], ['soon', 3000], [Infinity, 3000]];
  for (const [redirectDelay, expected] of delays) assert.deepEqual(normalize({ redirectDelay } as never), { redirectDelay: expected }, String(redirectDelay));
  assert.deepEqual(normalize({ recheckInterval: 10 }), { recheckInterval: 10 });
  assert.deepEqual(normalize({ recheckInterval: 0 }), { recheckInterval: 0 });
  assert.deepEqual(normalize({ recheckInterval: -1 }), {});
  assert.deepEqual(normalize({}), {});
});

test("a host client's answer of the wrong shape is refused: it fails the check, never unlocks Delete", () => {
  assert.equal(readable(CLEAR), true);
  const broken: unknown[] = [
    null,
    {},
    { ...CLEAR, account: null },
    { ...CLEAR, account: { id: 1.5, name: 'x' } },
    { ...CLEAR, account: { id: 1, name: 7 } },
    { ...CLEAR, deletable: 'yes' },
    { ...CLEAR, checks: null },
    { ...CLEAR, checks: [null] },
    { ...CLEAR, checks: [{ type: 'debts', status: 'passed' }] },
    { ...CLEAR, checks: [{ type: 'debts', status: 1, items: [] }] },
    { ...CLEAR, checks: [{ type: 1, status: 'passed', items: [] }] },
    { ...CLEAR, checks: [{ type: 'dns_zones', status: 'blocking', items: [null] }] },
    { ...CLEAR, checks: [{ type: 'debts', status: 'blocking', items: [], amount: { value: 1, currency: 'USD' } }] },
    { ...CLEAR, checks: [{ type: 'debts', status: 'blocking', items: [], amount: { value: '1', currency: null } }] },
    { ...CLEAR, checks: [{ type: 'debts', status: 'blocking', items: [], amount: null }] },
    { ...CLEAR, checks: [...CLEAR.checks, { type: 'debts', status: 'passed' }] },
    { ...CLEAR, checks: [{ type: 'debts', status: 'passed' }, ...CLEAR.checks] },
  ];
  for (const preconditions of broken) {
    assert.equal(readable(preconditions as never), false, JSON.stringify(preconditions));
    const checking = transition(initialState(), { type: 'check', now: 1 }).state;
    const after = transition(checking, { type: 'checked', id: 1, preconditions: preconditions as never, now: 2 }).state;
    assert.equal(after.status, 'check-failed');
    assert.equal(connect(after).failure?.error instanceof InvalidResponseError, true);
    assert.match(connect(after).failure!.error.message, /checks of the wrong shape/);
  }
});

test("a host client's answer that says deletable while a check blocks: blocked, never ready", () => {
  const claims = { ...BLOCKED, deletable: true };
  const checking = transition(initialState(), { type: 'check', now: 1 }).state;
  assert.equal(transition(checking, { type: 'checked', id: 1, preconditions: claims, now: 2 }).state.status, 'blocked');
  const saysNo = { ...CLEAR, deletable: false };
  assert.equal(transition(checking, { type: 'checked', id: 1, preconditions: saysNo, now: 2 }).state.status, 'blocked');
});

/** Plays events from the first state and gives the snapshot. */
function after(events: Record<string, unknown>[], from: State = initialState()): Snapshot {
  let state = from;
  for (const event of events) {
    const id = state.status === 'checking' || state.status === 'deleting' ? state.id : 0;
    state = transition(state, { now: 1_000_000, key: 'k', id, ...event } as never).state;
  }
  return connect(state);
}

const ready = [{ type: 'check' }, { type: 'checked', preconditions: CLEAR }];
const confirmed = [...ready, { type: 'confirm', value: 'Acme Corp' }];
const sent = [...confirmed, { type: 'delete' }, { type: 'requested', prevented: false }];
const done = [...sent, { type: 'delete-done', result: { accountId: 1234, alreadyDeleted: false, idempotencyKey: 'k', requestId: undefined } }];

test('what a view offers in each state: one way forward, nothing that cannot help', () => {
  const rows: [string, Snapshot, Snapshot['actions'], boolean, boolean][] = [
    // A retry asked for while a check runs is carried out once it is read: it does something.
    ['checking', after([{ type: 'check' }]), { delete: undefined, check: false, stay: false, leave: true }, false, true],
    ['blocked', after([{ type: 'check' }, { type: 'checked', preconditions: BLOCKED }]), { delete: undefined, check: true, stay: false, leave: true }, false, false],
    ['ready, name not typed', after(ready), { delete: undefined, check: true, stay: false, leave: true }, false, false],
    ['ready, name typed', after(confirmed), { delete: 'delete', check: true, stay: false, leave: true }, true, false],
    ['deleting', after(sent), { delete: undefined, check: false, stay: false, leave: false }, false, false],
    ['deleted', after([...done, { type: 'announced', prevented: false }]), { delete: undefined, check: false, stay: true, leave: false }, false, false],
    ['deleted, host keeps the page', after([...done, { type: 'announced', prevented: true }]), { delete: undefined, check: false, stay: false, leave: true }, false, false],
    ['deleted, the user stayed', after([...done, { type: 'announced', prevented: false }, { type: 'stay' }]), { delete: undefined, check: false, stay: false, leave: true }, false, false],
    ['unknown outcome', after([...sent, { type: 'delete-error', error: new ServerError(api(500)) }]), { delete: 'retry', check: true, stay: false, leave: true }, false, true],
    ['429', after([...sent, { type: 'delete-error', error: new RateLimitError(api(429)) }]), { delete: 'retry', check: true, stay: false, leave: true }, false, true],
    ['403', after([...sent, { type: 'delete-error', error: new PermissionDeniedError(api(403)) }]), { delete: undefined, check: true, stay: false, leave: true }, false, false],
    ['a fresh sign-in asked', after([...sent, { type: 'delete-error', error: new ReauthenticationRequiredError(api(401)) }]), { delete: undefined, check: true, stay: false, leave: true }, false, true],
    ['failed check', after([{ type: 'check' }, { type: 'check-error', error: new ServerError(api(500)) }]), { delete: undefined, check: true, stay: false, leave: true }, false, true],
    ['refused check', after([{ type: 'check' }, { type: 'check-error', error: new PermissionDeniedError(api(403)) }]), { delete: undefined, check: true, stay: false, leave: true }, false, false],
  ];
  for (const [name, snapshot, actions, canDelete, canRetry] of rows) {
    assert.deepEqual({ ...snapshot.actions }, actions, name);
    assert.equal(snapshot.canDelete, canDelete, `${name}: canDelete`);
    assert.equal(snapshot.canRetry, canRetry, `${name}: canRetry`);
  }
});

test('the confirmation: what was typed, whether it matches, and a mismatch only once as long as the name', () => {
  assert.deepEqual({ ...after(ready).confirmation }, { required: true, value: '', matches: false, mismatch: false });
  assert.deepEqual({ ...after([...ready, { type: 'confirm', value: 'Acme Cor' }]).confirmation }, { required: true, value: 'Acme Cor', matches: false, mismatch: false });
  assert.deepEqual({ ...after([...ready, { type: 'confirm', value: 'Acme Corx' }]).confirmation }, { required: true, value: 'Acme Corx', matches: false, mismatch: true });
  assert.deepEqual({ ...after([...ready, { type: 'confirm', value: ' acme corp ' }]).confirmation }, { required: true, value: ' acme corp ', matches: true, mismatch: false });
  const none = after([{ type: 'configure', settings: { confirmation: 'none' } }, ...ready]);
  assert.deepEqual({ ...none.confirmation }, { required: false, value: '', matches: true, mismatch: false });
  assert.equal(none.canDelete, true);
  assert.equal(after([{ type: 'confirm', value: 'x' }]).confirmation.mismatch, false, 'no account yet: nothing to compare');
  // Characters counted as a reader counts them: "Caé" typed in decomposed form is 3 of "Café"'s 4.
  const cafe = { ...CLEAR, account: { id: 7, name: 'Café', kind: 'client' } };
  const typing = [{ type: 'check' }, { type: 'checked', preconditions: cafe }];
  assert.equal(after([...typing, { type: 'confirm', value: 'Cae\u0301' }]).confirmation.mismatch, false);
  assert.equal(after([...typing, { type: 'confirm', value: 'Cafx' }]).confirmation.mismatch, true);
  assert.equal(after([...typing, { type: 'confirm', value: '  Cafx ' }]).confirmation.mismatch, true, 'outer spaces do not count');
});

test('the account the snapshot is about: the one on show, the one a DELETE is for, the one deleted', () => {
  assert.equal(after([{ type: 'check' }]).account, undefined);
  assert.equal(after(ready).account?.id, 1234);
  assert.equal(after(sent).account?.id, 1234);
  assert.equal(after(done).account?.id, 1234);
  const other = { ...CLEAR, account: { id: 999, name: 'Other Co', kind: 'client' } };
  const lost = after([...sent, { type: 'delete-error', error: new ConnectionError('x') }, { type: 'check' }, { type: 'checked', preconditions: other }]);
  assert.equal(lost.account?.id, 999);
});

test('the redirect, once deleted: where, when, and whether it is scheduled, kept back, refused or stayed', () => {
  assert.equal(after(ready).redirect, undefined);
  assert.deepEqual({ ...after(done).redirect }, { url: 'https://www.azion.com/', at: undefined, status: 'none' });
  assert.deepEqual({ ...after([...done, { type: 'announced', prevented: false }]).redirect }, { url: 'https://www.azion.com/', at: 1_003_000, status: 'scheduled' });
  assert.deepEqual({ ...after([...done, { type: 'announced', prevented: false }, { type: 'stay' }]).redirect }, { url: 'https://www.azion.com/', at: 1_003_000, status: 'stayed' });
  const refused = after([{ type: 'configure', settings: { redirectUrl: 'javascript:alert(1)' } }, ...done, { type: 'announced', prevented: false }]);
  assert.equal(refused.redirect?.status, 'refused');
});

test('a new client while a DELETE is out: the DELETE goes on; its failure then sends the new client to check', () => {
  const moved = transition(transition(transition(initialState(), { type: 'check', now: 1 }).state, { type: 'checked', id: 1, preconditions: CLEAR, now: 2 }).state, { type: 'confirm', value: 'Acme Corp', now: 3 }).state;
  let state = transition(moved, { type: 'delete', now: 4, key: 'k1' }).state;
  state = transition(state, { type: 'requested', prevented: false, now: 5 }).state;
  state = transition(state, { type: 'client', client: CLIENT_B, now: 6 }).state;
  assert.equal(state.status, 'deleting');
  const failed = transition(state, { type: 'delete-error', id: (state as { id: number }).id, error: new ServerError(api(500)), now: 7 });
  assert.equal(failed.state.status, 'checking');
  assert.deepEqual(
    failed.effects.map((effect) => effect.type),
    ['notify', 'start-check'],
  );
});
