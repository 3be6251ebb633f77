import { expect } from '@open-wc/testing';
import * as errorClasses from '../../src/errors.js';
import * as conflict from '../../src/conflict-error.js';
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
  isAccountDeletionError,
  isApiError,
} from '../../src/index.js';

const errors = { ...errorClasses, ...conflict };
type Errors = typeof errors;

const init = { status: 500, detail: 'Something failed.', code: 'boom', requestId: 'req-9', body: { detail: 'Something failed.' }, pointer: '/x' };

/** One of each error class, made by the given copy of the module, with the chain of classes it belongs to. */
function oneOfEach(m: Errors): [Error, (keyof Errors)[]][] {
  return [
    [new m.AccountDeletionError('Base.'), ['AccountDeletionError']],
    [new m.ApiError({ ...init, status: 400 }), ['ApiError', 'AccountDeletionError']],
    [new m.AuthenticationError({ ...init, status: 401 }), ['AuthenticationError', 'ApiError', 'AccountDeletionError']],
    [
      new m.ReauthenticationRequiredError({ ...init, status: 401 }),
      ['ReauthenticationRequiredError', 'AuthenticationError', 'ApiError', 'AccountDeletionError'],
    ],
    [new m.PermissionDeniedError({ ...init, status: 403 }), ['PermissionDeniedError', 'ApiError', 'AccountDeletionError']],
    [new m.NotFoundError({ ...init, status: 404 }), ['NotFoundError', 'ApiError', 'AccountDeletionError']],
    [new m.ConflictError({ ...init, status: 409 }), ['ConflictError', 'ApiError', 'AccountDeletionError']],
    [new m.RateLimitError({ ...init, status: 429, retryAfter: 3 }), ['RateLimitError', 'ApiError', 'AccountDeletionError']],
    [new m.ServerError(init), ['ServerError', 'ApiError', 'AccountDeletionError']],
    [new m.ConnectionError('Offline.'), ['ConnectionError', 'AccountDeletionError']],
    [new m.RequestTimeoutError(15_000), ['RequestTimeoutError', 'AccountDeletionError']],
    [new m.RequestAbortedError('Cancelled.'), ['RequestAbortedError', 'AccountDeletionError']],
    [new m.InvalidResponseError('Unreadable.'), ['InvalidResponseError', 'AccountDeletionError']],
  ];
}

const CLASS_NAMES = [
  'AccountDeletionError',
  'ApiError',
  'AuthenticationError',
  'ReauthenticationRequiredError',
  'PermissionDeniedError',
  'NotFoundError',
  'ConflictError',
  'RateLimitError',
  'ServerError',
  'ConnectionError',
  'RequestTimeoutError',
  'RequestAbortedError',
  'InvalidResponseError',
] as const;

/** Checks every error of `made` against every class of `judge`: instanceof holds exactly along the chain. */
function expectSameTree(made: Errors, judge: Errors) {
  for (const [error, chain] of oneOfEach(made)) {
    for (const name of CLASS_NAMES) {
      const expected = chain.includes(name);
      expect(error instanceof judge[name], `${error.name} instanceof ${name}`).to.equal(expected);
    }
    expect(error).to.be.instanceOf(Error);
  }
}

describe('errors', () => {
  it('form one tree under AccountDeletionError, each class a kind of its parents only', () => {
    expectSameTree(errors, errors);
  });

  it('say which error they are in their name, also when printed', () => {
    for (const [error, [own]] of oneOfEach(errors)) {
      expect(error.name).to.equal(own);
      expect(String(error)).to.match(new RegExp(`^${own!}: `));
    }
  });

  it('carry what the server said on an API error', () => {
    const error = new ApiError(init);
    expect(error).to.include({ status: 500, code: 'boom', detail: 'Something failed.', requestId: 'req-9', pointer: '/x', message: 'Something failed.' });
    expect(error.body).to.deep.equal({ detail: 'Something failed.' });
  });

  it('carry the wait on a rate-limit error and the checks on a conflict', () => {
    expect(new RateLimitError({ ...init, status: 429, retryAfter: 12 }).retryAfter).to.equal(12);
    const checks = [{ type: 'debts', status: 'blocking', count: 1, items: [], amount: undefined, resolveUrl: undefined, title: undefined, message: undefined }];
    expect(new ConflictError({ ...init, status: 409, checks }).checks).to.equal(checks);
  });

  it('say in whole seconds how long a timed-out request waited', () => {
    const error = new RequestTimeoutError(15_000);
    expect(error.timeout).to.equal(15_000);
    expect(error.message).to.equal('The server did not answer within 15 seconds.');
    expect(new RequestTimeoutError(50).message).to.equal('The server did not answer within 1 second.');
  });

  it('say where an unreadable answer went wrong', () => {
    const cause = new SyntaxError('Unexpected end of JSON input');
    const error = new InvalidResponseError('Unreadable.', { pointer: '/data/checks', status: 200, cause });
    expect(error).to.include({ pointer: '/data/checks', status: 200 });
    expect(error.cause).to.equal(cause);
  });

  it('keep the cause of a connection error for debugging', () => {
    const cause = new TypeError('Failed to fetch');
    expect(new ConnectionError('Offline.', { cause }).cause).to.equal(cause);
  });

  describe('type guards', () => {
    it('recognise every kit error and nothing else', () => {
      for (const [error] of oneOfEach(errors)) expect(isAccountDeletionError(error), error.name).to.equal(true);
      for (const other of [new Error('x'), new TypeError('x'), null, undefined, 'ApiError', { name: 'ApiError', status: 500 }]) {
        expect(isAccountDeletionError(other)).to.equal(false);
        expect(isApiError(other)).to.equal(false);
      }
    });

    it('tell errors the server answered from those where no answer came', () => {
      for (const error of [new ServerError(init), new NotFoundError({ ...init, status: 404 }), new ReauthenticationRequiredError({ ...init, status: 401 })]) {
        expect(isApiError(error), error.name).to.equal(true);
      }
      for (const error of [new ConnectionError('x'), new RequestTimeoutError(1), new RequestAbortedError('x'), new InvalidResponseError('x'), new AccountDeletionError('x')]) {
        expect(isApiError(error), error.name).to.equal(false);
      }
    });
  });

  describe('across two copies of the kit on one page', () => {
    let copy: Errors;

    before(async () => {
      // Another URL is another module instance: the same classes, loaded twice, as two bundles would.
      const url = (path: string) => new URL(`${path}?copy=2`, import.meta.url).href;
      copy = { ...(await import(url('../../src/errors.ts'))), ...(await import(url('../../src/conflict-error.ts'))) } as Errors;
    });

    it('really are two different sets of classes', () => {
      expect(copy.ApiError).not.to.equal(errors.ApiError);
      expect(Function.prototype[Symbol.hasInstance].call(copy.ApiError, new ApiError(init))).to.equal(false);
    });

    it('recognise an error made by the other copy with instanceof', () => {
      expectSameTree(copy, errors);
      expectSameTree(errors, copy);
    });

    it("recognise the other copy's errors with the type guards", () => {
      expect(isAccountDeletionError(new copy.ConnectionError('x'))).to.equal(true);
      expect(isApiError(new copy.RateLimitError({ ...init, status: 429 }))).to.equal(true);
      expect(copy.isApiError(new ConflictError({ ...init, status: 409 }))).to.equal(true);
      expect(copy.isApiError(new RequestAbortedError('x'))).to.equal(false);
    });

    it('are not fooled by an error that only borrows a name', () => {
      const impostor = Object.assign(new Error('x'), { name: 'PermissionDeniedError', status: 403 });
      expect(impostor instanceof PermissionDeniedError).to.equal(false);
      expect(impostor instanceof copy.PermissionDeniedError).to.equal(false);
    });
  });

  it('make AuthenticationError the parent of ReauthenticationRequiredError but not of PermissionDeniedError', () => {
    // A guard against a class tree that looks right by name only.
    expect(Object.getPrototypeOf(ReauthenticationRequiredError)).to.equal(AuthenticationError);
    expect(Object.getPrototypeOf(PermissionDeniedError)).to.equal(ApiError);
  });
});
