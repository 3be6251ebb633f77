/**
 * The flow's words, in Node: what each check says, the status line, why Delete waits, each failure
 * with its way forward, amounts, languages, a host's overrides and the name matcher.
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
  PermissionDeniedError,
  RateLimitError,
  ReauthenticationRequiredError,
  RequestAbortedError,
  RequestTimeoutError,
  ServerError,
  parseCheck,
} from '../../src/index.js';
import {
  checkedText,
  connect,
  describeCheck,
  en,
  failureText,
  introText,
  localeFor,
  matchesAccountName,
  ptBR,
  reasonText,
  statusText,
  stringsFor,
  withOverrides,
} from '../../src/flow/index.js';
import { formatDecimal } from '../../src/flow/words/format.js';
import type { Snapshot, State } from '../../src/flow/types.js';
import { BLOCKED, CLEAR, ERRORS, initialState } from './walk.js';

const check = (body: Record<string, unknown>) => parseCheck(body, '/c');

test('each check in words: its title, what to do, the first names, and its resolve link', () => {
  const zones = describeCheck(
    check({ type: 'dns_zones', status: 'blocking', count: 7, items: ['a', 'b', 'c', 'd', 'e', 'f'].map((name, id) => ({ id, name })), resolve_url: '/dns' }),
    en,
  );
  assert.deepEqual(zones, {
    title: 'DNS zones',
    sentence: '7 active zones must be disabled',
    names: ['a', 'b', 'c', 'd', 'e'],
    more: 2,
    label: 'DNS zones: 7 active zones must be disabled (a, b, c, d, e and 2 more)',
    passed: false,
    resolveUrl: '/dns',
    resolveLabel: 'Resolve DNS zones (opens in a new tab)',
  });
  const cases: [Record<string, unknown>, string][] = [
    [{ type: 'dns_zones', status: 'blocking', count: 1, items: [{ id: 1, name: 'a.com' }] }, 'DNS zones: 1 active zone must be disabled (a.com)'],
    [{ type: 'dns_zones', status: 'blocking', count: 0, message: 'Zones are locked.' }, 'DNS zones: Zones are locked.'],
    [{ type: 'edge_applications', status: 'blocking', count: 2 }, 'Edge applications: 2 edge applications must be removed'],
    [{ type: 'edge_applications', status: 'blocking', count: 1 }, 'Edge applications: 1 edge application must be removed'],
    [{ type: 'edge_applications', status: 'passed', count: 0, message: 'ignored for a known type' }, 'Edge applications: resolved'],
    [{ type: 'debts', status: 'blocking', count: 1, amount: { value: '1234.5', currency: 'USD' } }, 'Debts: 1,234.5 USD pending'],
    [{ type: 'debts', status: 'blocking', count: 1 }, 'Debts: a pending debt must be paid'],
    [{ type: 'debts', status: 'unavailable', count: 0 }, 'Debts: could not be checked now'],
    [{ type: 'tickets', status: 'blocking', title: 'Tickets', message: '1 open' }, 'Tickets: 1 open'],
    [{ type: 'tickets', status: 'blocking' }, 'tickets: must be resolved'],
    [{ type: 'certs', status: 'passed', title: 'Certificates', message: 'none left' }, 'Certificates: none left'],
    [{ type: 'certs', status: 'passed' }, 'certs: resolved'],
    [{ type: 'dns_zones', status: 'blocking', count: 3, items: [{ id: 1, name: 'a' }] }, 'DNS zones: 3 active zones must be disabled (a and 2 more)'],
  ];
  for (const [body, label] of cases) assert.equal(describeCheck(check(body), en).label, label);
  const passed = describeCheck(check({ type: 'dns_zones', status: 'passed', count: 0, items: [{ id: 1, name: 'gone' }], resolve_url: '/x' }), en);
  assert.deepEqual([passed.names, passed.more, passed.resolveUrl, passed.passed], [[], 0, undefined, true]);
});

/** The snapshot of a state reached from the first one through `events`. */
async function snapshotAfter(events: Record<string, unknown>[]): Promise<Snapshot> {
  const { transition } = await import('../../src/flow/machine.js');
  let state: State = initialState();
  for (const event of events) {
    const id = state.status === 'checking' || state.status === 'deleting' ? state.id : 0;
    state = transition(state, { now: 1, key: 'k', id, ...event } as never).state;
  }
  return connect(state);
}

test('the status line: checking, deleting, what blocks, nothing blocks, or what the server says', async () => {
  assert.equal(statusText(connect(initialState()), en), 'Checking your account…');
  assert.equal(statusText(await snapshotAfter([{ type: 'check' }, { type: 'checked', preconditions: BLOCKED }]), en), '2 items block deletion.');
  assert.equal(statusText(await snapshotAfter([{ type: 'check' }, { type: 'checked', preconditions: CLEAR }]), en), 'Nothing blocks deletion any more.');
  const notDeletable = { ...CLEAR, deletable: false };
  assert.equal(statusText(await snapshotAfter([{ type: 'check' }, { type: 'checked', preconditions: notDeletable }]), en), en.notDeletable);
  assert.equal(statusText(await snapshotAfter([{ type: 'check' }, { type: 'check-error', error: new ServerError({ status: 500, detail: 'x' }) }]), en), '');
  const deleting = [{ type: 'check' }, { type: 'checked', preconditions: CLEAR }, { type: 'confirm', value: 'Acme Corp' }, { type: 'delete' }, { type: 'requested', prevented: false }];
  assert.equal(statusText(await snapshotAfter(deleting), en), 'Deleting your account…');
  const done = [...deleting, { type: 'delete-done', result: { accountId: 1234, alreadyDeleted: false, idempotencyKey: 'k', requestId: undefined } }];
  assert.equal(statusText(await snapshotAfter(done), en), '');
});

test('why Delete waits, in words, for every reason', async () => {
  const ready = [{ type: 'check' }, { type: 'checked', preconditions: CLEAR }];
  assert.equal(reasonText(await snapshotAfter(ready), en), 'Type the account name first');
  assert.equal(reasonText(await snapshotAfter([...ready, { type: 'confirm', value: 'Acme Corx' }]), en), 'The name typed does not match the account name yet');
  assert.equal(reasonText(await snapshotAfter([...ready, { type: 'confirm', value: 'Acme Corp' }]), en), undefined);
  assert.equal(reasonText(connect(initialState()), en), 'Wait for the account check to finish');
  assert.equal(reasonText(await snapshotAfter([{ type: 'check' }, { type: 'checked', preconditions: BLOCKED }]), en), 'Resolve 2 items first');
  assert.equal(reasonText(await snapshotAfter([{ type: 'check' }, { type: 'check-error', error: new ConnectionError('x') }]), en), 'The account could not be checked');
  const failed = (error: AccountDeletionError) => [...ready, { type: 'confirm', value: 'Acme Corp' }, { type: 'delete' }, { type: 'requested', prevented: false }, { type: 'delete-error', error }];
  assert.equal(reasonText(await snapshotAfter(failed(new PermissionDeniedError({ status: 403, detail: 'No.' }))), en), 'The server refused to delete this account');
  assert.equal(reasonText(await snapshotAfter(failed(new ReauthenticationRequiredError({ status: 401, detail: 'x' }))), en), 'Sign in again first');
  assert.equal(reasonText(await snapshotAfter(failed(new AuthenticationError({ status: 401, detail: 'x' }))), en), 'Sign in again, then check again');
  assert.equal(reasonText(await snapshotAfter(failed(new ServerError({ status: 500, detail: 'x' }))), en), undefined);
  assert.equal(reasonText(await snapshotAfter(failed(new ConflictError({ status: 409, detail: 'x', checks: BLOCKED.checks }))), en), 'Resolve 2 items first');
});

test('each failure in words, with its one way forward; the server\'s own sentence kept apart', async () => {
  const ready = [{ type: 'check' }, { type: 'checked', preconditions: CLEAR }, { type: 'confirm', value: 'Acme Corp' }, { type: 'delete' }, { type: 'requested', prevented: false }];
  const onDelete = async (error: AccountDeletionError) => failureText(await snapshotAfter([...ready, { type: 'delete-error', error }]), en);
  const onCheck = async (error: AccountDeletionError) => failureText(await snapshotAfter([{ type: 'check' }, { type: 'check-error', error }]), en);
  const api = (status: number, more: Record<string, unknown> = {}) => ({ status, detail: 'Said by the server.', requestId: 'req-1', ...more });
  assert.deepEqual(await onDelete(new ServerError(api(502))), { server: undefined, text: en.errorServerDelete(502), requestId: 'req-1' });
  assert.equal((await onCheck(new ServerError(api(503))))?.text, en.errorServerCheck(503));
  assert.equal((await onDelete(new ConnectionError('x')))?.text, en.errorConnectionDelete);
  assert.equal((await onCheck(new ConnectionError('x')))?.text, en.errorConnectionCheck);
  assert.equal((await onDelete(new RequestTimeoutError(1)))?.text, en.errorTimeoutDelete);
  assert.equal((await onCheck(new RequestTimeoutError(1)))?.text, en.errorTimeoutCheck);
  assert.equal((await onDelete(new InvalidResponseError('x')))?.text, en.errorUnreadableDelete);
  assert.equal((await onCheck(new InvalidResponseError('x')))?.text, en.errorUnreadableCheck);
  assert.equal((await onDelete(new RequestAbortedError('x')))?.text, en.errorInterruptedDelete);
  assert.equal((await onCheck(new RequestAbortedError('x')))?.text, en.errorConnectionCheck);
  assert.equal((await onDelete(new AccountDeletionError('x')))?.text, en.errorInterruptedDelete);
  assert.equal((await onCheck(new AccountDeletionError('x')))?.text, en.errorUnexpected);
  assert.equal((await onDelete(new ReauthenticationRequiredError(api(401))))?.text, en.errorReauth);
  assert.equal((await onDelete(new AuthenticationError(api(401))))?.text, en.errorSignedOut);
  assert.equal((await onDelete(new RateLimitError({ ...api(429), retryAfter: 7 })))?.text, 'Too many attempts. Wait 7 seconds, then try again.');
  // A Retry-After of 0, or a date already past: not "Wait 0 seconds".
  assert.equal((await onDelete(new RateLimitError({ ...api(429), retryAfter: 0 })))?.text, 'Too many attempts. Wait a moment, then try again.');
  assert.deepEqual(await onDelete(new PermissionDeniedError(api(403))), { server: 'Said by the server.', text: en.errorServerSaidNext, requestId: 'req-1' });
  assert.deepEqual(await onDelete(new ApiError(api(404, { fromServer: false }))), {
    server: undefined,
    text: 'The server refused the request (status 404). If you think this is a mistake, contact support.',
    requestId: 'req-1',
  });
  assert.equal((await onDelete(new ConflictError({ ...api(409), checks: BLOCKED.checks })))?.text, en.errorConflict);
  assert.equal(failureText(connect(initialState()), en), undefined);
});

test('amounts: thousands grouped, every decimal kept, each language its own separators', () => {
  assert.equal(formatDecimal('1234567.05', '.', ','), '1,234,567.05');
  assert.equal(formatDecimal('12345678901234567890.123', '.', ','), '12,345,678,901,234,567,890.123');
  assert.equal(formatDecimal('-1000', '.', ','), '-1,000');
  assert.equal(formatDecimal('999', '.', ','), '999');
  assert.equal(formatDecimal('0.5', ',', '.'), '0,5');
  assert.equal(en.amount('120.50', 'USD'), '120.50 USD');
  assert.equal(ptBR.amount('1234567.05', 'BRL'), '1.234.567,05 BRL');
});

test('languages: pt-BR tags get Brazilian Portuguese, every other tag English', () => {
  for (const lang of ['pt-BR', 'pt-br', 'PT-BR', 'pt-BR-u-nu-latn']) {
    assert.equal(stringsFor(lang), ptBR, lang);
    assert.equal(localeFor(lang), 'pt-BR');
  }
  for (const lang of ['en', 'en-GB', 'fr', 'es', 'pt', 'pt-PT', 'pt-brx', '', undefined]) {
    assert.equal(stringsFor(lang), en, String(lang));
    assert.equal(localeFor(lang), 'en');
  }
});

test("a host's words win only when they are of the right kind; the rest is listed as ignored", () => {
  const failed: string[] = [];
  const { strings, ignored } = withOverrides(
    en,
    {
      heading: 'Close account',
      consequences: ['Gone for good.'],
      reasonBlocked: (n: number) => `${n} to go`,
      checking: undefined,
      deleteButton: 42,
      consequencesHeading: ['not a string'],
      andMore: () => 7,
      unknownKey: 'x',
    },
    (key) => failed.push(key),
  );
  assert.equal(strings.heading, 'Close account');
  assert.deepEqual(strings.consequences, ['Gone for good.']);
  assert.equal(strings.reasonBlocked(3), '3 to go');
  assert.equal(strings.checking, en.checking);
  assert.equal(strings.deleteButton, en.deleteButton);
  assert.equal(strings.andMore(2), en.andMore(2), 'a function that gives no string falls back');
  assert.deepEqual(failed, ['andMore']);
  assert.deepEqual(ignored.sort(), ['checking', 'consequencesHeading', 'deleteButton', 'unknownKey']);
  assert.deepEqual(withOverrides(en, undefined), { strings: en, ignored: [] });
  assert.deepEqual(withOverrides(en, 'words'), { strings: en, ignored: ['all of them (not an object)'] });
  // Nothing put over the words: the same object comes back, so a view can tell that a host gave none.
  assert.equal(withOverrides(en, {}).strings, en);
  assert.equal(withOverrides(en, { checkAgain: 42 }).strings, en);
  assert.notEqual(withOverrides(en, { checkAgain: 'Again' }).strings, en);
});

test("a host's words of the wrong kind are ignored: a list with a line that is no string, a function for a sentence, a sentence for a function", () => {
  const failed: string[] = [];
  const { strings, ignored } = withOverrides(
    en,
    {
      consequences: ['Gone for good.', 7],
      heading: () => 'Close account',
      reasonBlocked: '3 to go',
      get intro(): string {
        throw new Error('no translation');
      },
      checkAgain: () => {
        throw new Error('broken');
      },
    },
    (key) => failed.push(key),
  );
  assert.deepEqual(strings.consequences, en.consequences);
  assert.equal(strings.heading, en.heading);
  assert.equal(strings.reasonBlocked(3), en.reasonBlocked(3));
  assert.equal(strings.intro, en.intro);
  assert.equal(strings.checkAgain, en.checkAgain, 'a sentence is not replaced by a function');
  assert.deepEqual(ignored.sort(), ['checkAgain', 'consequences', 'heading', 'intro', 'reasonBlocked']);
  const thrower = withOverrides(
    en,
    {
      andMore: () => {
        throw new Error('broken');
      },
    },
    (key) => failed.push(key),
  );
  assert.equal(thrower.strings.andMore(2), en.andMore(2), 'a function that throws falls back');
  assert.deepEqual(failed, ['andMore']);
  // Nothing to change: the very same words, nothing listed.
  assert.equal(withOverrides(en, null).strings, en);
  assert.equal(withOverrides(en, undefined).strings, en);
  assert.deepEqual(withOverrides(en, {}).ignored, []);
  assert.deepEqual(withOverrides(en, 42).ignored, ['all of them (not an object)']);
});

test('the name matches whatever its case, outer spaces and normalization form; accents and inner spaces count', () => {
  assert.ok(matchesAccountName('  acme CORP ', 'Acme Corp'));
  assert.ok(matchesAccountName('Cafe\u0301', 'Café'));
  assert.ok(!matchesAccountName('Cafe', 'Café'));
  assert.ok(!matchesAccountName('AcmeCorp', 'Acme Corp'));
  assert.ok(!matchesAccountName('', ' '));
  assert.ok(!matchesAccountName('', 'Acme'));
});

test('the intro follows the state: what must be resolved, then what is left to do', async () => {
  assert.equal(introText(connect(initialState()), en), en.intro);
  assert.equal(introText(await snapshotAfter([{ type: 'check' }, { type: 'checked', preconditions: BLOCKED }]), en), en.intro);
  assert.equal(introText(await snapshotAfter([{ type: 'check' }, { type: 'checked', preconditions: CLEAR }]), en), en.introReadyConfirm);
  const none = await snapshotAfter([{ type: 'configure', settings: { confirmation: 'none' } }, { type: 'check' }, { type: 'checked', preconditions: CLEAR }]);
  assert.equal(introText(none, en), 'Everything below is resolved. To delete the account, press Delete account.');
  assert.equal(introText(await snapshotAfter([{ type: 'check' }, { type: 'checked', preconditions: { ...CLEAR, deletable: false } }]), en), en.intro);
});

/** Clear, no name asked, Delete, its answer lost, then a check that fails: Delete repeats the lost deletion. */
const LOST_THEN_CHECK_FAILED = [
  { type: 'configure', settings: { confirmation: 'none' } },
  { type: 'check' },
  { type: 'checked', preconditions: CLEAR },
  { type: 'delete' },
  { type: 'requested', prevented: false },
  { type: 'delete-error', error: ERRORS['network']!() },
  { type: 'check' },
  { type: 'check-error', error: ERRORS['server']!() },
];

test('clear → Check again → the check fails: the intro no longer says to press Delete account, which is unusable', async () => {
  // Before: "Everything below is resolved. To delete the account, type its name and press Delete account."
  // over a locked Delete and an alert that says the account could not be checked.
  const failed = await snapshotAfter([{ type: 'check' }, { type: 'checked', preconditions: CLEAR }, { type: 'check' }, { type: 'check-error', error: ERRORS['server']!() }]);
  assert.deepEqual([failed.status, failed.actions.delete, introText(failed, en)], ['check-failed', undefined, en.intro]);
  // Where Delete still repeats a deletion of unknown outcome, it still says so.
  const lost = await snapshotAfter(LOST_THEN_CHECK_FAILED);
  assert.equal(lost.actions.delete, 'retry');
  assert.equal(introText(lost, en), en.introReady);
});

test('clear → a lost DELETE answer → the check fails → retry → the repeat answers 429: the intro no longer says to press Delete account, which is unusable', async () => {
  const after = (error: string) =>
    snapshotAfter([
      ...LOST_THEN_CHECK_FAILED,
      { type: 'retry' },
      { type: 'requested', prevented: false },
      { type: 'delete-error', error: ERRORS[error]!() },
    ]);
  for (const error of ['rate-limited', 'forbidden', 'signed-out', 'reauth']) {
    const snapshot = await after(error);
    assert.equal(snapshot.status, 'delete-failed', error);
    if (snapshot.actions.delete) continue;
    assert.equal(introText(snapshot, en), en.intro, error);
  }
  const limited = await after('rate-limited');
  assert.equal(limited.actions.delete, undefined, 'the case the review found: no Delete there');
});

test('clear → "Acme Corp" → Delete → a lost answer → the name edited to "Acme Cor": the intro still says to type the name and press Delete account', async () => {
  // Before: "Before the account can be deleted, everything below must be resolved." over checks all
  // resolved, a reason that asks for the name, and an alert that says to press Delete account again.
  const edited = await snapshotAfter([
    { type: 'check' },
    { type: 'checked', preconditions: CLEAR },
    { type: 'confirm', value: CLEAR.account.name },
    { type: 'delete' },
    { type: 'requested', prevented: false },
    { type: 'delete-error', error: ERRORS['server']!() },
    { type: 'confirm', value: CLEAR.account.name.slice(0, -1) },
  ]);
  assert.deepEqual([edited.status, edited.actions.delete, edited.reason], ['delete-failed', undefined, 'confirm']);
  assert.equal(introText(edited, en), en.introReadyConfirm);
});

test('clear → "Acme Corp" → Delete → 429 → the name edited: the alert still says to try again after the wait, not to check again', async () => {
  // Before: "…then check again" beside a reason that asks for the name; Check again was no way forward.
  const events = [
    { type: 'check' },
    { type: 'checked', preconditions: CLEAR },
    { type: 'confirm', value: CLEAR.account.name },
    { type: 'delete' },
    { type: 'requested', prevented: false },
    { type: 'delete-error', error: ERRORS['rate-limited']!() },
  ];
  const limited = await snapshotAfter(events);
  const edited = await snapshotAfter([...events, { type: 'confirm', value: 'Acme' }]);
  assert.equal(failureText(limited, en)?.text, en.errorRateLimited(2));
  assert.equal(edited.reason, 'confirm');
  assert.equal(failureText(edited, en)?.text, en.errorRateLimited(2));
});

test('when the checks were read: just now, minutes ago, then the time of day', async () => {
  const read = await snapshotAfter([{ type: 'check' }, { type: 'checked', preconditions: { ...CLEAR, checkedAt: '2026-11-28T10:05:00Z' } }]);
  const at = Date.parse('2026-11-28T10:05:00Z');
  assert.equal(checkedText(read, en, at + 59_000), 'Checked just now');
  assert.equal(checkedText(read, en, at - 5_000), 'Checked just now', 'a server clock ahead of ours');
  assert.equal(checkedText(read, en, at + 60_000), 'Checked 1 minute ago');
  assert.equal(checkedText(read, en, at + 59 * 60_000), 'Checked 59 minutes ago');
  assert.equal(checkedText(read, ptBR, at + 2 * 60_000), 'Verificado há 2 minutos');
  assert.match(checkedText(read, en, at + 3 * 3_600_000)!, /^Checked at \d{1,2}:05/);
  assert.equal(checkedText(await snapshotAfter([{ type: 'check' }, { type: 'checked', preconditions: { ...CLEAR, checkedAt: undefined } }]), en, at), undefined);
  assert.equal(checkedText(connect(initialState()), en, at), undefined);
});

test('counts in Portuguese: singular for 1 alone, so the countdown\'s last tick says "0 segundos", not "1 segundo"', () => {
  // Before: the CLDR rule counts 0 as "one", and the singular sentence wrote 1 for it.
  assert.equal(ptBR.redirecting(0), 'Você será redirecionado em 0 segundos.');
  assert.equal(ptBR.redirecting(1), 'Você será redirecionado em 1 segundo.');
  assert.equal(ptBR.redirecting(2), 'Você será redirecionado em 2 segundos.');
  assert.equal(ptBR.errorRateLimited(1), 'Muitas tentativas. Aguarde 1 segundo e tente de novo.');
  assert.equal(en.redirecting(0), 'You will be taken onward in 0 seconds.');
});
